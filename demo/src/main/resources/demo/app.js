/*
 * The demo flow (docs/demo.md): sign in as mobile-app, then "Pay NGN 5,000 to Ada Obi" — the payment service
 * registers the payment (§3), the wallet sends the user to the confirmation page (§4) in a pop-up, the user confirms
 * with the SMS code shown beside it, the wallet exchanges the code for the transaction token (§5), and the payment
 * service consumes the approval. This page stays open throughout, so the SMS panel is visible while confirming.
 */
(function (W) {
    'use strict';

    var AMOUNT = '5000.00';
    var session = null;
    var pending = null;
    var popup = null;
    var smsTimer = null;
    var $ = function (id) {
        return document.getElementById(id);
    };

    function status(text) {
        $('wallet-status').textContent = text;
    }

    function result(state, text) {
        var node = $('result');
        node.hidden = false;
        node.setAttribute('data-status', state);
        node.className = 'result ' + state;
        node.textContent = text;
    }

    function busy(on) {
        $('sign-in').disabled = on;
        $('pay').disabled = on || !session;
    }

    function shownAuthorizationRequest(request) {
        var lines = ['GET ' + W.oidc + '/auth'];
        request.params.forEach(function (value, name) {
            lines.push('  ' + name + '=' + value);
        });
        return lines.join('\n');
    }

    function shownForm(form) {
        return Object.keys(form).map(function (name) {
            var value = name === 'code' || name === 'code_verifier' ? W.shorten(form[name]) : form[name];
            return '  ' + name + '=' + value;
        }).join('\n');
    }

    /** Opens the pop-up inside the click (so no blocker stops it), then sends it to the authorization request. */
    function openPopup() {
        popup = window.open('', 'txauth-demo-keycloak', 'popup,width=480,height=780');
        if (!popup) {
            result('failed', 'The browser blocked the pop-up: allow pop-ups for this page and try again.');
        }
        return popup;
    }

    function authorize(purpose, extra, title) {
        return W.authorizationRequest(extra).then(function (request) {
            pending = {purpose: purpose, verifier: request.verifier, state: request.state};
            W.step('wallet → Keycloak (pop-up)', title, shownAuthorizationRequest(request),
                'Keycloak shows its pages in the pop-up; its redirect brings the code back here.');
            popup.location.href = request.url;
        });
    }

    function signIn() {
        if (!openPopup()) {
            return;
        }
        busy(true);
        authorize('login', {}, 'Authorization request: sign in (PKCE S256 + dpop_jkt)').catch(failed);
    }

    function pay() {
        if (!openPopup()) {
            return;
        }
        busy(true);
        $('result').hidden = true;
        var started = new Date(Date.now() - 2000);
        W.api('POST', 'api/payments', session.accessToken, {amount: AMOUNT}).then(function (answer) {
            W.step('wallet → payment service (dev backend)', 'Ask the payment service to pay Ada Obi',
                'POST ' + answer.url + '\nAuthorization: DPoP ' + W.shorten(session.accessToken) + '\nDPoP: '
                + W.shorten(answer.proof) + '\nContent-Type: application/json\n\n{"amount": "' + AMOUNT + '"}',
                'HTTP ' + answer.status + '\n\n' + W.pretty({transaction_id: answer.body.transaction_id,
                    error: answer.body.error, error_description: answer.body.error_description}), answer.ok);
            W.backendSteps(answer.body);
            if (!answer.ok) {
                throw new Error(answer.body.error_description || answer.body.error || ('HTTP ' + answer.status));
            }
            watchSms(started);
            var detail = [{type: 'payment_initiation', identifier: answer.body.transaction_id}];
            return authorize('payment', {
                acr_values: 'transaction', authorization_details: JSON.stringify(detail)
            }, 'Authorization request for the payment (§4: acr_values=transaction, authorization_details)')
                .then(function () {
                    pending.transactionId = answer.body.transaction_id;
                    status('Confirm the payment in the pop-up: "Send a code by SMS", then type the code below.');
                });
        }).catch(failed);
    }

    function watchSms(since) {
        stopSms();
        var poll = function () {
            if (!session) {
                return;
            }
            W.api('GET', 'api/sms', session.accessToken).then(function (answer) {
                if (answer.ok) {
                    W.showSms((answer.body.messages || []).filter(function (sms) {
                        return new Date(sms.sent_at) >= since;
                    }));
                }
            });
        };
        poll();
        smsTimer = setInterval(poll, 1500);
    }

    function stopSms() {
        if (smsTimer) {
            clearInterval(smsTimer);
            smsTimer = null;
        }
    }

    function onCallback(event) {
        if (event.origin !== location.origin || !event.data || event.data.type !== 'txauth-demo-callback'
            || !pending) {
            return;
        }
        var query = new URLSearchParams(event.data.query);
        var flow = pending;
        pending = null;
        if (query.get('state') !== flow.state) {
            failed(new Error('The answer does not belong to this request (state differs).'));
            return;
        }
        if (query.has('error')) {
            W.step('Keycloak → wallet', 'Redirect back with an error', 'GET ' + W.redirectUri,
                'error=' + query.get('error') + '\nerror_description=' + (query.get('error_description') || ''),
                false);
            stopSms();
            failed(new Error(query.get('error')));
            return;
        }
        W.step('Keycloak → wallet', 'Redirect back with the code', 'GET ' + W.redirectUri,
            'code=' + W.shorten(query.get('code')) + '\nstate=' + query.get('state'));
        W.exchange(query.get('code'), flow.verifier).then(function (answer) {
            var shown = answer.ok ? W.shortenJson(answer.body) : answer.body;
            if (answer.ok) {
                shown.access_token_claims = W.claims(answer.body.access_token);
            }
            W.step('wallet → Keycloak', flow.purpose === 'login' ? 'Token request (DPoP proof of the device key)'
                    : 'Token request: the token with the transaction claims (§5)',
                'POST ' + answer.url + '\nDPoP: ' + W.shorten(answer.proof)
                + '\nContent-Type: application/x-www-form-urlencoded\n\n' + shownForm(answer.form),
                'HTTP ' + answer.status + '\n\n' + W.pretty(shown), answer.ok);
            if (!answer.ok) {
                throw new Error(answer.body.error_description || answer.body.error);
            }
            return flow.purpose === 'login' ? signedIn(answer.body) : consume(flow, answer.body.access_token);
        }).catch(failed);
    }

    function signedIn(tokens) {
        var claims = W.claims(tokens.access_token);
        session = {accessToken: tokens.access_token, username: claims.preferred_username || claims.sub};
        status('Signed in as ' + session.username + ' (token bound to this device key: cnf.jkt).');
        busy(false);
    }

    function consume(flow, transactionToken) {
        var path = 'api/payments/' + encodeURIComponent(flow.transactionId) + '/consume';
        return W.api('POST', path, transactionToken).then(function (answer) {
            W.step('wallet → payment service (dev backend)', 'Hand the transaction token to the payment service',
                'POST ' + answer.url + '\nAuthorization: DPoP ' + W.shorten(transactionToken) + '\nDPoP: '
                + W.shorten(answer.proof), 'HTTP ' + answer.status + '\n\n' + W.pretty({
                    status: answer.body.status, error: answer.body.error,
                    error_description: answer.body.error_description
                }), answer.ok);
            W.backendSteps(answer.body);
            stopSms();
            busy(false);
            if (!answer.ok) {
                throw new Error(answer.body.error_description || answer.body.error);
            }
            $('result').setAttribute('data-transaction', flow.transactionId);
            result('consumed', 'Payment consumed: NGN 5,000.00 to Ada Obi, approved with the SMS code and paid '
                + 'exactly once.');
            status('Signed in as ' + session.username + '.');
        });
    }

    function failed(error) {
        busy(false);
        result('failed', 'Stopped: ' + (error && error.message ? error.message : String(error)));
    }

    document.addEventListener('DOMContentLoaded', function () {
        window.addEventListener('message', onCallback);
        $('sign-in').addEventListener('click', signIn);
        $('pay').addEventListener('click', pay);
        W.thumbprint().then(function (jkt) {
            $('key-thumbprint').textContent = 'jkt ' + jkt;
        }, function (error) {
            $('key-thumbprint').textContent = 'WebCrypto unavailable: ' + error;
        });
    });
})(window.W = window.W || {});
