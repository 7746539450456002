<#ftl output_format="plainText">
${msg("txauthNewDeviceGreeting")}

${msg("txauthNewDeviceBody", realmName)}

${msg("txauthNewDeviceLabel")}: <#if newPhone??>${msg("txauthNewDevicePhone")}<#else>${deviceLabel}</#if>
${msg("txauthNewDeviceWhen")}: ${when}
${msg("txauthNewDeviceIp")}: ${ipAddress}

${msg("txauthNewDeviceNotYou")}
