/*
 * The step list and the SMS panel. Every value reaches the page through textContent (W.el), never as markup; tokens
 * are shortened before they are shown (W.shorten / W.shortenJson), as the backend does for its own calls.
 */
(function (W) {
    'use strict';

    var TOKEN_MEMBERS = ['access_token', 'refresh_token', 'id_token', 'code', 'code_verifier'];
    var JWT = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
    var count = 0;

    W.el = function (tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
            node.setAttribute(name, attrs[name]);
        });
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    };

    W.shorten = function (token) {
        var s = String(token || '');
        return s.length <= 24 ? '…' : s.slice(0, 12) + '…' + s.slice(-6);
    };

    W.shortenText = function (text) {
        return String(text).replace(JWT, W.shorten);
    };

    /** A copy for display: token-like members and JWT-looking strings shortened. */
    W.shortenJson = function (value) {
        if (Array.isArray(value)) {
            return value.map(W.shortenJson);
        }
        if (value && typeof value === 'object') {
            var copy = {};
            Object.keys(value).forEach(function (name) {
                var v = value[name];
                copy[name] = typeof v === 'string' && TOKEN_MEMBERS.indexOf(name) >= 0 ? W.shorten(v)
                    : W.shortenJson(v);
            });
            return copy;
        }
        return typeof value === 'string' ? W.shortenText(value) : value;
    };

    W.pretty = function (value) {
        return JSON.stringify(W.shortenJson(value), null, 2);
    };

    /** One step: who talked to whom, the request, the response; ok false marks it as the step that failed. */
    W.step = function (actor, title, request, response, ok) {
        count += 1;
        var item = W.el('li', {'class': ok === false ? 'step failed' : 'step', 'data-step': String(count)});
        var head = item.appendChild(W.el('div', {'class': 'step-head'}));
        head.appendChild(W.el('span', {'class': 'step-no'}, count));
        head.appendChild(W.el('h3', null, title));
        head.appendChild(W.el('span', {'class': 'actor'}, actor));
        var details = item.appendChild(W.el('div', {'class': 'exchange'}));
        details.appendChild(W.el('h4', null, 'Request'));
        details.appendChild(W.el('pre', null, W.shortenText(request)));
        details.appendChild(W.el('h4', null, 'Response'));
        details.appendChild(W.el('pre', null, W.shortenText(response)));
        document.getElementById('steps').appendChild(item);
        item.scrollIntoView({block: 'nearest'});
    };

    /** The backend's own steps (already shortened by it), in order. */
    W.backendSteps = function (body) {
        (body.steps || []).forEach(function (s) {
            W.step(s.actor, s.title, s.request, s.response, !/^HTTP [45]/.test(s.response || ''));
        });
    };

    W.showSms = function (messages) {
        var list = document.getElementById('sms-messages');
        while (list.firstChild) {
            list.removeChild(list.firstChild);
        }
        messages.forEach(function (sms) {
            var item = list.appendChild(W.el('li', {'class': 'sms-message'}));
            item.appendChild(W.el('p', {'class': 'sms-text'}, sms.text));
            item.appendChild(W.el('p', {'class': 'muted'}, new Date(sms.sent_at).toLocaleTimeString()));
        });
        document.getElementById('sms-empty').hidden = messages.length > 0;
    };
})(window.W = window.W || {});
