/*
 * Sign-in as the realm's public client txauth-dashboard: authorization code + PKCE S256 (docs/dashboard.md). The
 * verifier and state live in sessionStorage only for the round trip; tokens stay in memory, never in storage.
 */
(function (TX) {
    'use strict';

    var CLIENT_ID = 'txauth-dashboard';
    var PENDING = 'txauth-dashboard-pkce';
    var oidc = location.origin + TX.realmPath + '/protocol/openid-connect';
    var redirectUri = location.origin + TX.realmPath + '/txauth-dashboard/';

    function base64url(bytes) {
        var s = '';
        new Uint8Array(bytes).forEach(function (b) {
            s += String.fromCharCode(b);
        });
        return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function random() {
        return base64url(crypto.getRandomValues(new Uint8Array(32)));
    }

    function start() {
        var verifier = random();
        var state = random();
        return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
            sessionStorage.setItem(PENDING, JSON.stringify({verifier: verifier, state: state}));
            var params = new URLSearchParams({
                client_id: CLIENT_ID, response_type: 'code', scope: 'openid', redirect_uri: redirectUri,
                state: state, code_challenge: base64url(digest), code_challenge_method: 'S256', ui_locales: TX.lang()
            });
            location.assign(oidc + '/auth?' + params.toString());
            return new Promise(function () {
                // the page is leaving
            });
        });
    }

    function claims(jwt) {
        var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        var bytes = Uint8Array.from(atob(part), function (c) {
            return c.charCodeAt(0);
        });
        return JSON.parse(new TextDecoder().decode(bytes));
    }

    function exchange(code, pending) {
        return fetch(oidc + '/token', {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams({
                grant_type: 'authorization_code', client_id: CLIENT_ID, code: code, redirect_uri: redirectUri,
                code_verifier: pending.verifier
            })
        }).then(function (response) {
            return response.json().then(function (body) {
                if (!response.ok) {
                    throw new Error(body.error || String(response.status));
                }
                return body;
            });
        });
    }

    /** Resolves with the session once signed in; starts the redirect to Keycloak when not. */
    TX.signIn = function () {
        var query = new URLSearchParams(location.search);
        var pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
        if (!query.has('code') && !query.has('error')) {
            return start();
        }
        sessionStorage.removeItem(PENDING);
        history.replaceState(null, '', redirectUri);
        if (query.has('error')) {
            return Promise.reject(new Error(query.get('error')));
        }
        if (!pending || pending.state !== query.get('state')) {
            return start();
        }
        return exchange(query.get('code'), pending).then(function (tokens) {
            var access = claims(tokens.access_token);
            var roles = ((access.resource_access || {})['realm-management'] || {}).roles || [];
            TX.session = {
                accessToken: tokens.access_token, idToken: tokens.id_token, claims: access,
                username: access.preferred_username || access.sub, canViewEvents: roles.indexOf('view-events') >= 0
            };
            return TX.session;
        });
    };

    TX.signOut = function () {
        var params = new URLSearchParams({client_id: CLIENT_ID, post_logout_redirect_uri: redirectUri});
        if (TX.session && TX.session.idToken) {
            params.set('id_token_hint', TX.session.idToken);
        }
        location.assign(oidc + '/logout?' + params.toString());
    };
})(window.TX = window.TX || {});
