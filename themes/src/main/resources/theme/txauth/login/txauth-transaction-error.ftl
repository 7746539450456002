<#import "template.ftl" as layout>
<#-- Expired, locked or otherwise ended transactions. Says what happened to THIS payment, never which input was wrong. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("txauthErrorTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/txauth-transaction.css">
        <div id="txauth-ended">
            <p id="txauth-ended-message">${msg(txauthMessage)}</p>
            <#if txauthContinue??>
            <a id="txauth-return" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${txauthContinue}">${msg("txauthReturnToApp")}</a>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
