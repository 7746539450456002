/* Wiring: sign in, refuse without view-events, then the overview (charts, chain, recent events) and the user view. */
(function (TX) {
    'use strict';

    var PERIODS = {'1': 'hour', '7': 'day', '30': 'day', '365': 'day'};

    function show(id) {
        document.getElementById('status').hidden = true;
        document.getElementById(id).hidden = false;
    }

    function status(text) {
        var node = document.getElementById('status');
        node.hidden = false;
        node.textContent = text;
    }

    function refuse() {
        document.getElementById('dashboard').hidden = true;
        document.getElementById('refused-text').textContent = TX.t('refusedText',
            {user: TX.session.username, realm: TX.realm});
        show('refused');
    }

    function loadChain() {
        var node = document.getElementById('chain-state');
        node.className = 'muted';
        node.textContent = TX.t('checking');
        TX.get('/txauth-audit/verify').then(function (v) {
            node.className = v.valid ? 'valid' : 'invalid';
            node.setAttribute('data-valid', String(v.valid));
            node.textContent = v.valid ? TX.t('chainValid', {n: v.checked})
                : TX.t('chainInvalid', {id: v.first_invalid_event_id, reason: v.reason});
        }).catch(function (e) {
            node.className = 'invalid';
            node.textContent = TX.t('chainUnavailable', {status: e.status});
        });
    }

    function loadOverview() {
        var days = document.getElementById('period').value;
        var to = new Date();
        var from = new Date(to.getTime() - Number(days) * 86400000);
        var charts = document.getElementById('charts');
        TX.clear(charts).appendChild(TX.el('p', {'class': 'muted'}, TX.t('loading')));
        TX.get('/txauth-audit/stats?bucket=' + PERIODS[days] + '&from=' + TX.q(from.toISOString()) + '&to='
            + TX.q(to.toISOString())).then(function (stats) {
            TX.renderCharts(charts, stats);
            charts.setAttribute('data-loaded', 'true');
        }).catch(function (e) {
            if (e.status === 403) {
                refuse();
            } else {
                TX.clear(charts).appendChild(TX.el('p', {}, TX.t('notAvailable', {status: e.status})));
            }
        });
        loadChain();
        TX.get('/txauth-audit/events?max=15').then(function (events) {
            TX.table(document.getElementById('recent-events'), TX.EVENT_HEADERS, TX.eventRows(events));
        }).catch(function () {
            // the charts' error already tells the admin
        });
    }

    function tab(name) {
        ['overview', 'users'].forEach(function (t) {
            document.getElementById(t).hidden = t !== name;
            document.getElementById('tab-' + t).classList.toggle('active', t === name);
        });
    }

    function wire() {
        document.getElementById('sign-out').addEventListener('click', TX.signOut);
        document.getElementById('refused-sign-out').addEventListener('click', TX.signOut);
        document.getElementById('tab-overview').addEventListener('click', function () {
            tab('overview');
        });
        document.getElementById('tab-users').addEventListener('click', function () {
            tab('users');
        });
        document.getElementById('period-form').addEventListener('submit', function (e) {
            e.preventDefault();
            loadOverview();
        });
        document.getElementById('user-search').addEventListener('submit', function (e) {
            e.preventDefault();
            TX.searchUsers(document.getElementById('user-query').value);
        });
        ['en', 'fr'].forEach(function (lang) {
            document.getElementById('lang-' + lang).addEventListener('click', function () {
                TX.setLang(lang);
                location.reload();
            });
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        TX.translatePage();
        wire();
        document.getElementById('realm-name').textContent = TX.realm;
        TX.signIn().then(function (session) {
            document.getElementById('signed-in-as').textContent = session.username;
            document.getElementById('sign-out').hidden = false;
            if (!session.canViewEvents) {
                refuse();
                return;
            }
            show('dashboard');
            loadOverview();
        }).catch(function (e) {
            status(TX.t('signInFailed', {error: e.message}));
        });
    });
})(window.TX = window.TX || {});
