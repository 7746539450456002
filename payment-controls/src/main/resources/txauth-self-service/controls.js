// docs/payment-controls.md "Self-service page". An OIDC public client (txauth-self-service) with PKCE and DPoP
// (RFC 9449): a P-256 key made here with WebCrypto for this tab, dpop_jkt on the authorization request
// (acr_values=mfa, max_age=0: a fresh second factor; ui_locales: the sign-in in the page's language), a proof on the token request and on every me/ call (with ath).
(function () {
    'use strict';
    const page = location.origin + location.pathname;
    const realm = page.replace(/\/txauth\/me\/page$/, '');
    const api = realm + '/txauth/me/';
    const clientId = 'txauth-self-service';
    const enc = new TextEncoder();
    const status = document.getElementById('txauth-controls-status');
    const text = document.getElementById('txauth-controls').dataset; // the page's words, in the user's language
    const lang = document.documentElement.lang;

    const b64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const sha256 = async text => crypto.subtle.digest('SHA-256', enc.encode(text));
    const random = () => b64url(crypto.getRandomValues(new Uint8Array(32)));
    const publicJwk = jwk => ({crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y});

    async function key() {
        const stored = sessionStorage.getItem('txauth.dpop');
        if (stored) {
            const jwk = JSON.parse(stored);
            return {jwk: publicJwk(jwk), privateKey: await crypto.subtle.importKey('jwk', jwk,
                    {name: 'ECDSA', namedCurve: 'P-256'}, false, ['sign'])};
        }
        const pair = await crypto.subtle.generateKey({name: 'ECDSA', namedCurve: 'P-256'}, true, ['sign', 'verify']);
        const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
        sessionStorage.setItem('txauth.dpop', JSON.stringify(jwk));
        return {jwk: publicJwk(jwk), privateKey: pair.privateKey};
    }

    async function proof(k, method, url, accessToken) {
        const header = {typ: 'dpop+jwt', alg: 'ES256', jwk: k.jwk};
        const claims = {jti: random(), htm: method, htu: url, iat: Math.floor(Date.now() / 1000)};
        if (accessToken) {
            claims.ath = b64url(await sha256(accessToken));
        }
        const input = b64url(enc.encode(JSON.stringify(header))) + '.' + b64url(enc.encode(JSON.stringify(claims)));
        const signature = await crypto.subtle.sign({name: 'ECDSA', hash: 'SHA-256'}, k.privateKey, enc.encode(input));
        return input + '.' + b64url(signature);
    }

    async function signIn(k) {
        const verifier = random();
        const state = random();
        sessionStorage.setItem('txauth.pkce', verifier);
        sessionStorage.setItem('txauth.state', state);
        const jkt = b64url(await sha256(JSON.stringify(k.jwk)));
        const params = new URLSearchParams({client_id: clientId, redirect_uri: page, response_type: 'code',
            scope: 'openid', state: state, acr_values: 'mfa', max_age: '0', dpop_jkt: jkt, ui_locales: lang,
            code_challenge: b64url(await sha256(verifier)), code_challenge_method: 'S256'});
        location.assign(realm + '/protocol/openid-connect/auth?' + params);
    }

    async function token(k, code) {
        const url = realm + '/protocol/openid-connect/token';
        const response = await fetch(url, {method: 'POST', headers: {'DPoP': await proof(k, 'POST', url),
                'Content-Type': 'application/x-www-form-urlencoded'}, body: new URLSearchParams({
                grant_type: 'authorization_code', client_id: clientId, code: code, redirect_uri: page,
                code_verifier: sessionStorage.getItem('txauth.pkce')})});
        const body = await response.json();
        if (!response.ok) {
            throw new Error(body.error_description || body.error);
        }
        return body.access_token;
    }

    async function call(k, accessToken, method, path, body) {
        const url = api + path;
        const response = await fetch(url, {method: method, body: body && JSON.stringify(body), headers: {
                'Authorization': 'DPoP ' + accessToken, 'DPoP': await proof(k, method, url, accessToken),
                'Content-Type': 'application/json'}});
        const json = await response.json();
        if (!response.ok) {
            throw new Error(json.error_description || json.error);
        }
        return json;
    }

    async function main() {
        const k = await key();
        const query = new URLSearchParams(location.search);
        if (!query.has('code')) {
            if (query.has('error')) {
                status.textContent = text.signInFailed;
                return;
            }
            return signIn(k);
        }
        if (query.get('state') !== sessionStorage.getItem('txauth.state')) {
            status.textContent = text.signInFailed;
            return;
        }
        history.replaceState(null, '', page);
        const accessToken = await token(k, query.get('code'));
        const form = document.getElementById('txauth-controls-form');
        const limits = await call(k, accessToken, 'GET', 'limits');
        const instant = await call(k, accessToken, 'GET', 'instant-payments');
        form.per_transaction.value = limits.per_transaction || '';
        form.daily.value = limits.daily || '';
        form.instant_enabled.checked = instant.enabled;
        form.hidden = false;
        form.addEventListener('submit', async event => {
            event.preventDefault();
            status.textContent = text.saving;
            try {
                await call(k, accessToken, 'PUT', 'limits', {per_transaction: form.per_transaction.value || null,
                    daily: form.daily.value || null});
                await call(k, accessToken, 'PUT', 'instant-payments', {enabled: form.instant_enabled.checked});
                status.textContent = text.saved;
            } catch (e) {
                status.textContent = text.notSaved + ' ' + e.message;
            }
        });
    }

    main().catch(e => { status.textContent = text.failed + ' ' + e.message; });
})();
