<#ftl output_format="plainText">
${msg("txauthNewDeviceGreeting")}

${msg("txauthBlockedBody", realmName)}

${msg("txauthBlockedUntil")}: ${until}
${msg("txauthNewDeviceIp")}: ${ipAddress}

${msg("txauthNewDeviceNotYou")}
