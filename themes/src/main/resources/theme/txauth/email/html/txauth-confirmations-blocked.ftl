<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("txauthNewDeviceGreeting")}</p>
<p id="txauth-blocked-body">${msg("txauthBlockedBody", realmName)}</p>
<p>${msg("txauthBlockedUntil")}: ${until}</p>
<p>${msg("txauthNewDeviceIp")}: ${ipAddress}</p>
<p>${msg("txauthNewDeviceNotYou")}</p>
</@layout.emailLayout>
