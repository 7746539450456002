<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("txauthFactorAddedGreeting")}</p>
<p>${msg("txauthFactorAddedBody", realmName)}</p>
<ul>
    <li>${msg("txauthFactorAddedType")}: <strong id="txauth-factor-type">${msg("txauthFactorType." + factorType)}</strong></li>
    <li>${msg("txauthFactorAddedWhen")}: ${when}</li>
    <li>${msg("txauthFactorAddedIp")}: ${ipAddress}</li>
</ul>
<p>${msg("txauthFactorAddedNotYou")}</p>
</@layout.emailLayout>
