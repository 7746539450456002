/*
 * The user view (docs/api.md §12): find a user, then their sessions (sign out), devices (unbind), transactions, the
 * realm's limits and their audit events. Reads need view-users/view-events; actions need manage-users; Keycloak's
 * admin REST decides, the page only shows its answer.
 */
(function (TX) {
    'use strict';

    var current = null;

    function message(text) {
        var box = document.getElementById('user-message');
        box.textContent = text;
        box.hidden = false;
    }

    function failed(table, headers) {
        return function (e) {
            TX.table(table, headers, [[TX.t('notAvailable', {status: e.status || e.message})]]);
        };
    }

    function details(d) {
        return Object.keys(d || {}).map(function (k) {
            return k + '=' + d[k];
        }).join(', ');
    }

    TX.eventRows = function (events) {
        return events.map(function (e) {
            return [TX.time(e.occurred_at), e.type, e.outcome, e.user_id || e.target_user_id, e.ip_address,
                details(e.details)];
        });
    };
    TX.EVENT_HEADERS = ['colTime', 'colType', 'colOutcome', 'colUser', 'colIp', 'colDetails'];

    function loadSessions(user) {
        var table = document.getElementById('user-sessions');
        var headers = ['colIp', 'colStarted', 'colLastAccess', 'colClients'];
        TX.get('/users/' + TX.q(user.id) + '/sessions').then(function (sessions) {
            TX.table(table, headers, sessions.map(function (s) {
                return [s.ipAddress, TX.time(s.start), TX.time(s.lastAccess),
                    Object.keys(s.clients || {}).map(function (k) {
                        return s.clients[k];
                    }).join(', ')];
            }));
        }).catch(failed(table, headers));
    }

    function loadDevices(user) {
        var table = document.getElementById('user-devices');
        var headers = ['colDevice', 'colFirstSeen', 'colLastSeen', 'colIp', 'colTrusted', 'colAction'];
        TX.get('/txauth-devices/users/' + TX.q(user.id)).then(function (devices) {
            TX.table(table, headers, devices.map(function (d) {
                var unbind = TX.confirmButton('unbind', {'class': 'small danger', 'data-device': d.id}, function () {
                    TX.call('DELETE', '/txauth-devices/users/' + TX.q(user.id) + '/devices/' + TX.q(d.id))
                        .then(function () {
                            message(TX.t('unbound', {id: d.label || d.id}));
                            loadDevices(user);
                        }).catch(function (e) {
                            message(TX.t('actionFailed', {status: e.status}));
                        });
                });
                return [d.label || d.id, TX.time(d.firstSeen), TX.time(d.lastSeen), d.lastIp, TX.time(d.trustedAt),
                    unbind];
            }));
        }).catch(failed(table, headers));
    }

    function loadTransactions(user) {
        var table = document.getElementById('user-transactions');
        var headers = ['colTime', 'colStatus', 'colAmount', 'colPayee', 'colAccount'];
        TX.get('/txauth-audit/users/' + TX.q(user.id) + '/transactions').then(function (transactions) {
            TX.table(table, headers, transactions.map(function (t) {
                return [TX.time(t.created_at), t.status, (t.currency || '') + ' ' + (t.amount || ''), t.payee,
                    t.account_last4 ? '…' + t.account_last4 : ''];
            }));
        }).catch(failed(table, headers));
    }

    function flatten(prefix, value, rows) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            Object.keys(value).forEach(function (k) {
                flatten(prefix ? prefix + '.' + k : k, value[k], rows);
            });
        } else {
            rows.push([prefix, Array.isArray(value) ? value.join(', ') : value]);
        }
        return rows;
    }

    function loadLimits() {
        var table = document.getElementById('user-limits');
        var headers = ['colSetting', 'colValue'];
        TX.get('/txauth-settings').then(function (settings) {
            TX.table(table, headers, flatten('', settings, []));
        }).catch(failed(table, headers));
    }

    function loadEvents(user) {
        var table = document.getElementById('user-events');
        TX.get('/txauth-audit/events?max=50&user=' + TX.q(user.id)).then(function (events) {
            TX.table(table, TX.EVENT_HEADERS, TX.eventRows(events));
        }).catch(failed(table, TX.EVENT_HEADERS));
    }

    function signOutButton() {
        var old = document.getElementById('sign-out-sessions');
        var button = TX.confirmButton('signOutSessions', {id: 'sign-out-sessions', 'class': 'danger'}, function () {
            TX.call('POST', '/users/' + TX.q(current.id) + '/logout').then(function () {
                message(TX.t('signedOut', {user: current.username}));
                loadSessions(current);
            }).catch(function (e) {
                message(TX.t('actionFailed', {status: e.status}));
            });
        });
        old.parentNode.replaceChild(button, old);
    }

    TX.openUser = function (user) {
        current = user;
        document.getElementById('user-view').hidden = false;
        document.getElementById('user-message').hidden = true;
        document.getElementById('user-title').textContent = user.username;
        document.getElementById('user-subtitle').textContent = [user.firstName, user.lastName, user.email, user.id]
            .filter(Boolean).join(' · ');
        signOutButton();
        loadSessions(user);
        loadDevices(user);
        loadTransactions(user);
        loadLimits();
        loadEvents(user);
    };

    TX.searchUsers = function (query) {
        var list = TX.clear(document.getElementById('user-results'));
        TX.get('/users?briefRepresentation=true&max=20&search=' + TX.q(query)).then(function (users) {
            if (users.length === 0) {
                list.appendChild(TX.el('li', {}, TX.t('noUsers')));
            }
            users.forEach(function (user) {
                var button = TX.el('button', {type: 'button', 'data-user-id': user.id},
                    user.username + (user.email ? ' — ' + user.email : ''));
                button.addEventListener('click', function () {
                    TX.openUser(user);
                });
                list.appendChild(TX.el('li')).appendChild(button);
            });
        }).catch(function (e) {
            list.appendChild(TX.el('li', {}, TX.t('notAvailable', {status: e.status})));
        });
    };
})(window.TX = window.TX || {});
