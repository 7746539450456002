<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("txauthNewDeviceGreeting")}</p>
<p>${msg("txauthNewDeviceBody", realmName)}</p>
<ul>
    <li>${msg("txauthNewDeviceLabel")}: <strong id="txauth-device-label"><#if newPhone??>${msg("txauthNewDevicePhone")}<#else>${deviceLabel}</#if></strong></li>
    <li>${msg("txauthNewDeviceWhen")}: ${when}</li>
    <li>${msg("txauthNewDeviceIp")}: ${ipAddress}</li>
</ul>
<p>${msg("txauthNewDeviceNotYou")}</p>
</@layout.emailLayout>
