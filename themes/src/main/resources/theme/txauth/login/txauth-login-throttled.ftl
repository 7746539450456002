<#-- txauth login throttle (docs/api.md §10): served with 429 and Retry-After. Says only that there were too many
     attempts from this network and when to come back; never which limit fired or whether the account exists. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("txauthLoginThrottledTitle")}
    <#elseif section = "form">
        <div id="txauth-login-throttled">
            <p class="instruction">${msg("txauthLoginThrottledMessage", (txauthRetryAfterMinutes!15)?c)}</p>
            <p class="instruction">${msg("txauthLoginThrottledHelp")}</p>
            <#if url.loginRestartFlowUrl??>
                <p><a id="txauth-login-throttled-back" href="${url.loginRestartFlowUrl}">${msg("txauthLoginThrottledBack")}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
