<#-- txauth device risk: the login was refused. Deliberately says nothing about which signal fired. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("txauthRiskDeniedTitle")}
    <#elseif section = "form">
        <div id="txauth-risk-denied">
            <p class="instruction">${msg("txauthRiskDeniedMessage")}</p>
            <p class="instruction">${msg("txauthRiskDeniedHelp")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
