<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("txauthSetupTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/txauth-transaction.css">
        <div id="txauth-setup">
            <p>${msg("txauthSetupText")}</p>
            <ul>
                <li>${msg("txauthSetupTotp")}</li>
                <li>${msg("txauthSetupPasskey")}</li>
            </ul>
            <p>${msg("txauthSetupThen")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
