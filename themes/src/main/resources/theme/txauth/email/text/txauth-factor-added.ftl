<#ftl output_format="plainText">
${msg("txauthFactorAddedGreeting")}

${msg("txauthFactorAddedBody", realmName)}

${msg("txauthFactorAddedType")}: ${msg("txauthFactorType." + factorType)}
${msg("txauthFactorAddedWhen")}: ${when}
${msg("txauthFactorAddedIp")}: ${ipAddress}

${msg("txauthFactorAddedNotYou")}
