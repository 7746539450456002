<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- docs/api.md §4. Every value below is plain text from the server and goes through FreeMarker's HTML auto-escaping;
     <bdi> keeps right-to-left payee names from reordering the text around them. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("txauthConfirmTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/txauth-transaction.css">
        <p class="txauth-intro">${msg("txauthConfirmIntro")}</p>
        <dl class="txauth-payment" id="txauth-payment">
            <div class="txauth-amount">
                <dt>${msg("txauthAmount")}</dt>
                <dd id="txauth-amount">${txauthTransaction.amount}</dd>
            </div>
            <div>
                <dt>${msg("txauthPayee")}</dt>
                <dd id="txauth-payee"><bdi>${txauthTransaction.payee}</bdi></dd>
            </div>
            <div>
                <dt>${msg("txauthBank")}</dt>
                <dd id="txauth-bank"><bdi>${txauthTransaction.bank}</bdi></dd>
            </div>
            <div>
                <dt>${msg("txauthAccount")}</dt>
                <dd id="txauth-account">${txauthTransaction.scheme} ${txauthTransaction.account}</dd>
            </div>
            <#if txauthTransaction.remittance??>
            <div>
                <dt>${msg("txauthRemittance")}</dt>
                <dd id="txauth-remittance"><bdi>${txauthTransaction.remittance}</bdi></dd>
            </div>
            </#if>
        </dl>
        <form id="txauth-confirm-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              <#if txauthPasskey??>data-challenge="${txauthPasskey.challenge}" data-rp-id="${txauthPasskey.rpId}"
              data-credential-ids="${txauthPasskey.credentialIds}" data-user-verification="${txauthPasskey.userVerification}"</#if>>
            <#if txauthCode.sent??>
            <#-- docs/api.md §9: the code just sent; the hidden factor tells it from a TOTP code -->
            <div class="${properties.kcFormGroupClass!}">
                <p id="txauth-code-sent" class="txauth-intro"><#if txauthCode.sent = "sms">${msg("txauthCodeSentSms", txauthCode.sms!"")}<#else>${msg("txauthCodeSentEmail")}</#if></p>
                <label for="otp" class="${properties.kcLabelClass!}">${msg("txauthCodeLabel")}</label>
                <input id="otp" name="otp" type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="one-time-code"
                       class="${properties.kcInputClass!}" autofocus>
                <input type="hidden" name="factor" value="${txauthCode.sent}">
            </div>
            <#elseif txauthTransaction.totp>
            <div class="${properties.kcFormGroupClass!}">
                <label for="otp" class="${properties.kcLabelClass!}">${msg("txauthOtpLabel")}</label>
                <input id="otp" name="otp" type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="one-time-code"
                       class="${properties.kcInputClass!}" autofocus>
            </div>
            </#if>
            <#if txauthPasskey??>
            <input type="hidden" name="credentialId" value="">
            <input type="hidden" name="clientDataJSON" value="">
            <input type="hidden" name="authenticatorData" value="">
            <input type="hidden" name="signature" value="">
            <input type="hidden" name="userHandle" value="">
            </#if>
            <@buttons.actionGroup>
                <#if txauthTransaction.totp || txauthCode.sent??>
                <@buttons.button id="txauth-confirm" name="confirm" label="txauthConfirmButton" />
                </#if>
                <#if txauthCode.sms??>
                <button type="submit" id="txauth-send-sms" name="send_sms" value="send_sms" formnovalidate
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("txauthSendSms", txauthCode.sms)}</button>
                </#if>
                <#if txauthCode.email??>
                <button type="submit" id="txauth-send-email" name="send_email" value="send_email" formnovalidate
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("txauthSendEmail")}</button>
                </#if>
                <#if txauthPasskey??>
                <button type="button" id="txauth-passkey-button" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("txauthPasskeyButton")}</button>
                <p id="txauth-passkey-error" class="txauth-passkey-error" hidden>${msg("txauthPasskeyFailed")}</p>
                </#if>
                <button type="submit" id="txauth-decline" name="decline" value="decline" formnovalidate
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("txauthDeclineButton")}</button>
            </@buttons.actionGroup>
        </form>
        <#if txauthPasskey??>
        <script src="${url.resourcesPath}/js/txauth-passkey.js" defer></script>
        </#if>
    </#if>
</@layout.registrationLayout>
