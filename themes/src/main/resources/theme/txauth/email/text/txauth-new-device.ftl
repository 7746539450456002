<#ftl output_format="plainText">
${msg("txauthNewDeviceGreeting")}

${msg("txauthNewDeviceBody", realmName)}

${msg("txauthNewDeviceLabel")}: ${deviceLabel}
${msg("txauthNewDeviceWhen")}: ${when}
${msg("txauthNewDeviceIp")}: ${ipAddress}

${msg("txauthNewDeviceNotYou")}
