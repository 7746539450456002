<#-- txauth device binding (docs/api.md §8): this app instance is not the user's bound phone. Binding it signs the other
     phone out; cancelling changes nothing. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("txauthBindTitle")}
    <#elseif section = "form">
        <form id="txauth-bind-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p class="instruction">${msg("txauthBindMessage")}</p>
            <p class="instruction">${msg("txauthBindCooling")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit"
                       name="bind" id="txauth-bind" value="${msg("txauthBindSubmit")}"/>
                <input class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}" type="submit"
                       name="cancel" id="txauth-bind-cancel" value="${msg("txauthBindCancel")}"/>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
