<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- docs/api.md §6, §9: txauth-sms-login-code, a sign-in code by SMS for a risky login. Only the masked number is
     ever shown. Keycloak's layout adds "Try another way" when the user has other second factors. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("txauthLoginCodeTitle")}
    <#elseif section = "form">
        <form id="txauth-sms-login-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if txauthPhoneSent>
            <p id="txauth-login-code-sent">${msg("txauthLoginCodeSent", txauthPhone)}</p>
            <div class="${properties.kcFormGroupClass!}">
                <label for="otp" class="${properties.kcLabelClass!}">${msg("txauthCodeLabel")}</label>
                <input id="otp" name="otp" type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="one-time-code"
                       class="${properties.kcInputClass!}" autofocus>
            </div>
            <#else>
            <p id="txauth-login-code-intro">${msg("txauthLoginCodeIntro", txauthPhone)}</p>
            </#if>
            <@buttons.actionGroup>
                <#if txauthPhoneSent>
                <@buttons.button id="txauth-login-code-submit" name="login" label="txauthLoginCodeButton" />
                </#if>
                <button type="submit" id="txauth-send-sms" name="send_sms" value="send_sms" formnovalidate
                        class="<#if txauthPhoneSent>${properties.kcButtonSecondaryClass!}<#else>${properties.kcButtonPrimaryClass!}</#if> ${properties.kcButtonBlockClass!}"><#if txauthPhoneSent>${msg("txauthLoginCodeResend")}<#else>${msg("txauthLoginCodeSend", txauthPhone)}</#if></button>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
