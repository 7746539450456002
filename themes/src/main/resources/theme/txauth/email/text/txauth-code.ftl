<#ftl output_format="plainText">
<#-- docs/api.md §9: the same facts as the SMS -->
${msg("txauthCodeBody", txauthMinutes)}

${msg("txauthCodeAmount")}: ${txauthAmount}
${msg("txauthCodePayee")}: ${txauthPayee}
${msg("txauthCodeAccount")}: ${txauthBank} ${txauthAccount}

${msg("txauthCodeCode")}: ${txauthCode}

${msg("txauthCodeNeverShare")}
