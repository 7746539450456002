<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- docs/api.md §9: required action txauth-verify-phone. Only the masked number is ever shown. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("txauthVerifyPhoneTitle")}
    <#elseif section = "form">
        <form id="txauth-verify-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="txauth-verify-phone-intro">${msg("txauthVerifyPhoneIntro", txauthPhone)}</p>
            <#if txauthPhoneSent>
            <div class="${properties.kcFormGroupClass!}">
                <label for="otp" class="${properties.kcLabelClass!}">${msg("txauthCodeLabel")}</label>
                <input id="otp" name="otp" type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="one-time-code"
                       class="${properties.kcInputClass!}" autofocus>
            </div>
            </#if>
            <@buttons.actionGroup>
                <#if txauthPhoneSent>
                <@buttons.button id="txauth-verify-phone-confirm" name="verify" label="txauthVerifyPhoneButton" />
                </#if>
                <button type="submit" id="txauth-send-sms" name="send_sms" value="send_sms" formnovalidate
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("txauthVerifyPhoneSend", txauthPhone)}</button>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
