<#import "template.ftl" as layout>
<#-- docs/api.md §9: the same facts as the SMS; every value is HTML-escaped by the template's output format -->
<@layout.emailLayout>
<p>${msg("txauthCodeBody", txauthMinutes)}</p>
<ul>
    <li>${msg("txauthCodeAmount")}: <strong id="txauth-code-amount">${txauthAmount}</strong></li>
    <li>${msg("txauthCodePayee")}: <strong><bdi>${txauthPayee}</bdi></strong></li>
    <li>${msg("txauthCodeAccount")}: ${txauthBank} ${txauthAccount}</li>
</ul>
<p>${msg("txauthCodeCode")}: <strong id="txauth-code">${txauthCode}</strong></p>
<p>${msg("txauthCodeNeverShare")}</p>
</@layout.emailLayout>
