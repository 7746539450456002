/*
 * What the mobile app does, in the browser (docs/demo.md): a DPoP key made by WebCrypto (ECDSA P-256, private key not
 * extractable) kept in IndexedDB like an app keeps its key in the phone's keystore — so the same "phone" comes back
 * after a reload —; authorization requests with PKCE S256 and dpop_jkt; token requests and API calls with DPoP proofs
 * (htm, htu, iat, jti, and ath for API calls, RFC 9449). Tokens stay in this page's memory only.
 */
(function (W) {
    'use strict';

    var path = location.pathname.split('/');
    var realm = decodeURIComponent(path[path.indexOf('realms') + 1] || '');
    var realmPath = '/realms/' + encodeURIComponent(realm);
    W.CLIENT_ID = 'mobile-app';
    W.oidc = location.origin + realmPath + '/protocol/openid-connect';
    W.base = location.origin + realmPath + '/txauth-demo/';
    W.redirectUri = W.base + 'callback.html';

    function b64url(bytes) {
        var s = '';
        new Uint8Array(bytes).forEach(function (b) {
            s += String.fromCharCode(b);
        });
        return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function utf8(text) {
        return new TextEncoder().encode(text);
    }

    function sha256(text) {
        return crypto.subtle.digest('SHA-256', utf8(text)).then(b64url);
    }

    W.random = function () {
        return b64url(crypto.getRandomValues(new Uint8Array(32)));
    };

    /** The claims of a JWT, for display (the page never trusts them: the backend and Keycloak check). */
    W.claims = function (jwt) {
        var part = String(jwt).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), function (c) {
            return c.charCodeAt(0);
        })));
    };

    function store(mode, work) {
        return new Promise(function (resolve, reject) {
            var open = indexedDB.open('txauth-demo-wallet', 1);
            open.onupgradeneeded = function () {
                open.result.createObjectStore('keys');
            };
            open.onerror = function () {
                reject(open.error);
            };
            open.onsuccess = function () {
                var request = work(open.result.transaction('keys', mode).objectStore('keys'));
                request.onsuccess = function () {
                    resolve(request.result);
                };
                request.onerror = function () {
                    reject(request.error);
                };
            };
        });
    }

    function generate() {
        return crypto.subtle.generateKey({name: 'ECDSA', namedCurve: 'P-256'}, false, ['sign', 'verify']);
    }

    /** The stored key pair, or a new one (kept in memory only if IndexedDB is unavailable). */
    function keyPair() {
        return store('readonly', function (keys) {
            return keys.get('device');
        }).then(function (found) {
            if (found) {
                return found;
            }
            return generate().then(function (created) {
                return store('readwrite', function (keys) {
                    return keys.put(created, 'device');
                }).then(function () {
                    return created;
                });
            });
        }, generate);
    }

    var device = keyPair().then(function (keys) {
        return crypto.subtle.exportKey('jwk', keys.publicKey).then(function (full) {
            // RFC 7638: the required members only, in lexicographic order.
            var jwk = {crv: full.crv, kty: full.kty, x: full.x, y: full.y};
            return sha256(JSON.stringify(jwk)).then(function (jkt) {
                return {keys: keys, jwk: jwk, jkt: jkt};
            });
        });
    });

    W.thumbprint = function () {
        return device.then(function (d) {
            return d.jkt;
        });
    };

    /** A DPoP proof for method + URL (no query, RFC 9449 §4.2); with accessToken, its hash as ath. */
    W.proof = function (htm, htu, accessToken) {
        return Promise.all([device, accessToken ? sha256(accessToken) : null]).then(function (parts) {
            var d = parts[0];
            var header = {typ: 'dpop+jwt', alg: 'ES256', jwk: d.jwk};
            var payload = {jti: W.random(), htm: htm, htu: htu, iat: Math.floor(Date.now() / 1000)};
            if (parts[1]) {
                payload.ath = parts[1];
            }
            var input = b64url(utf8(JSON.stringify(header))) + '.' + b64url(utf8(JSON.stringify(payload)));
            // WebCrypto's ECDSA signature is r || s, exactly the JWS ES256 form.
            return crypto.subtle.sign({name: 'ECDSA', hash: 'SHA-256'}, d.keys.privateKey, utf8(input))
                .then(function (signature) {
                    return input + '.' + b64url(signature);
                });
        });
    };

    /** A fresh authorization request: PKCE S256 + dpop_jkt + state; extra parameters added as given. */
    W.authorizationRequest = function (extra) {
        var verifier = W.random();
        var state = W.random();
        return Promise.all([sha256(verifier), W.thumbprint()]).then(function (parts) {
            var params = new URLSearchParams({
                client_id: W.CLIENT_ID, response_type: 'code', scope: 'openid', redirect_uri: W.redirectUri,
                state: state, code_challenge: parts[0], code_challenge_method: 'S256', dpop_jkt: parts[1]
            });
            Object.keys(extra || {}).forEach(function (name) {
                params.set(name, extra[name]);
            });
            return {url: W.oidc + '/auth?' + params.toString(), params: params, verifier: verifier, state: state};
        });
    };

    function answer(response) {
        return response.text().then(function (text) {
            var body;
            try {
                body = text ? JSON.parse(text) : {};
            } catch (e) {
                body = {error: 'not_json', error_description: text.slice(0, 200)};
            }
            return {ok: response.ok, status: response.status, body: body};
        });
    }

    /** The code exchange, with a DPoP proof of the device key (Keycloak binds the tokens to it: cnf.jkt). */
    W.exchange = function (code, verifier) {
        var url = W.oidc + '/token';
        var form = {
            grant_type: 'authorization_code', client_id: W.CLIENT_ID, code: code, redirect_uri: W.redirectUri,
            code_verifier: verifier
        };
        return W.proof('POST', url).then(function (proof) {
            return fetch(url, {
                method: 'POST', credentials: 'omit', body: new URLSearchParams(form),
                headers: {'Content-Type': 'application/x-www-form-urlencoded', 'DPoP': proof}
            }).then(answer).then(function (result) {
                result.url = url;
                result.form = form;
                result.proof = proof;
                return result;
            });
        });
    };

    /** A call to the demo's payment service with the wallet's token: Authorization: DPoP + a proof with ath. */
    W.api = function (method, apiPath, token, body) {
        var url = W.base + apiPath;
        return W.proof(method, url, token).then(function (proof) {
            var headers = {'Authorization': 'DPoP ' + token, 'DPoP': proof};
            if (body !== undefined) {
                headers['Content-Type'] = 'application/json';
            }
            return fetch(url, {
                method: method, credentials: 'omit', headers: headers,
                body: body === undefined ? undefined : JSON.stringify(body)
            }).then(answer).then(function (result) {
                result.url = url;
                result.proof = proof;
                return result;
            });
        });
    };
})(window.W = window.W || {});
