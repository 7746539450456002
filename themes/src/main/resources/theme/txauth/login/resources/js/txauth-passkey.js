/*
 * txauth: "Confirm with passkey" on the transaction confirmation page.
 *
 * Reads the WebAuthn request from form#txauth-confirm-form (data-challenge, data-rp-id, optional
 * data-credential-ids and data-user-verification), asks the browser for an assertion, copies it into the form's
 * hidden inputs as base64url and submits the form. The server recomputes the challenge from the STORED transaction,
 * so nothing here is trusted: this file only moves bytes. Loaded as an external file (no inline script) so the page
 * works under a strict Content-Security-Policy; no libraries.
 */
(function () {
    'use strict';

    var FORM_ID = 'txauth-confirm-form';
    var BUTTON_ID = 'txauth-passkey-button';
    var ERROR_ID = 'txauth-passkey-error';
    var FIELDS = ['credentialId', 'clientDataJSON', 'authenticatorData', 'signature', 'userHandle'];

    function base64urlToBytes(text) {
        var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        var binary = window.atob(base64);
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes;
    }

    function bytesToBase64url(buffer) {
        if (!buffer) {
            return '';
        }
        var bytes = new Uint8Array(buffer);
        var binary = '';
        for (var i = 0; i < bytes.length; i++) {
            binary += String.fromCharCode(bytes[i]);
        }
        return window.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function setField(form, name, value) {
        var input = form.querySelector('input[name="' + name + '"]');
        if (!input) {
            input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            form.appendChild(input);
        }
        input.value = value;
    }

    function showError(button) {
        var error = document.getElementById(ERROR_ID);
        if (error) {
            error.hidden = false;
        }
        button.disabled = false;
    }

    function requestOptions(form) {
        var data = form.dataset;
        var options = {
            challenge: base64urlToBytes(data.challenge),
            timeout: 120000
        };
        if (data.rpId) {
            options.rpId = data.rpId;
        }
        if (data.userVerification) {
            options.userVerification = data.userVerification;
        }
        if (data.credentialIds) {
            options.allowCredentials = data.credentialIds.split(',').filter(function (id) {
                return id.length > 0;
            }).map(function (id) {
                return {type: 'public-key', id: base64urlToBytes(id)};
            });
        }
        return options;
    }

    function confirmWithPasskey(event) {
        event.preventDefault();
        var button = event.currentTarget;
        var form = document.getElementById(FORM_ID);
        if (!form || !form.dataset.challenge || !window.PublicKeyCredential || !navigator.credentials) {
            showError(button);
            return;
        }
        // One ceremony at a time: a second click while the browser dialog is open would only fail.
        button.disabled = true;
        navigator.credentials.get({publicKey: requestOptions(form)}).then(function (credential) {
            var response = credential.response;
            setField(form, 'credentialId', bytesToBase64url(credential.rawId));
            setField(form, 'clientDataJSON', bytesToBase64url(response.clientDataJSON));
            setField(form, 'authenticatorData', bytesToBase64url(response.authenticatorData));
            setField(form, 'signature', bytesToBase64url(response.signature));
            setField(form, 'userHandle', bytesToBase64url(response.userHandle));
            // The prototype's submit: a control named "submit" would shadow form.submit.
            HTMLFormElement.prototype.submit.call(form);
        }).catch(function () {
            // Cancelled, timed out or no matching passkey: clear partial state and let the user retry or use TOTP.
            FIELDS.forEach(function (name) {
                var input = form.querySelector('input[name="' + name + '"]');
                if (input) {
                    input.value = '';
                }
            });
            showError(button);
        });
    }

    function init() {
        var button = document.getElementById(BUTTON_ID);
        if (button) {
            button.addEventListener('click', confirmWithPasskey);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
