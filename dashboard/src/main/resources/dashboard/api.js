/*
 * Admin REST calls with the signed-in administrator's own token, and the only DOM helpers the page uses: every value
 * reaches the page through textContent, never as markup (docs/dashboard.md).
 */
(function (TX) {
    'use strict';

    var path = location.pathname.split('/');
    TX.realm = decodeURIComponent(path[path.indexOf('realms') + 1] || '');
    TX.realmPath = '/realms/' + encodeURIComponent(TX.realm);
    TX.adminPath = '/admin/realms/' + encodeURIComponent(TX.realm);

    TX.ApiError = function (status, body) {
        this.status = status;
        this.body = body;
    };

    TX.call = function (method, adminPath) {
        return fetch(TX.adminPath + adminPath, {
            method: method,
            headers: {'Authorization': 'Bearer ' + TX.session.accessToken, 'Accept': 'application/json'},
            credentials: 'omit'
        }).then(function (response) {
            if (!response.ok) {
                return response.text().then(function (text) {
                    throw new TX.ApiError(response.status, text);
                });
            }
            return response.status === 204 ? null : response.json();
        });
    };

    TX.get = function (adminPath) {
        return TX.call('GET', adminPath);
    };

    TX.q = encodeURIComponent;

    /** An element with attributes and, optionally, text; children are appended as nodes. */
    TX.el = function (tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
            node.setAttribute(name, attrs[name]);
        });
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    };

    TX.clear = function (node) {
        while (node.firstChild) {
            node.removeChild(node.firstChild);
        }
        return node;
    };

    /**
     * Fills a table: headers are message keys, each row an array of cells; a cell is text, or a Node (a button)
     * built by the caller with TX.el.
     */
    TX.table = function (table, headers, rows) {
        TX.clear(table);
        var head = TX.el('tr');
        headers.forEach(function (key) {
            head.appendChild(TX.el('th', {scope: 'col'}, TX.t(key)));
        });
        table.appendChild(TX.el('thead')).appendChild(head);
        var body = table.appendChild(TX.el('tbody'));
        if (rows.length === 0) {
            body.appendChild(TX.el('tr')).appendChild(TX.el('td', {colspan: String(headers.length)}, TX.t('none')));
        }
        rows.forEach(function (cells) {
            var tr = body.appendChild(TX.el('tr'));
            cells.forEach(function (cell) {
                var td = tr.appendChild(TX.el('td'));
                if (cell instanceof Node) {
                    td.appendChild(cell);
                } else {
                    td.textContent = cell === null || cell === undefined ? '' : String(cell);
                }
            });
        });
    };

    TX.time = function (value) {
        if (value === null || value === undefined || value === '') {
            return '';
        }
        var d = new Date(typeof value === 'number' ? value : String(value));
        return isNaN(d.getTime()) ? String(value) : d.toLocaleString(TX.lang());
    };

    /** A button that acts on the second click only (no window.confirm: a dialog is what an XSS test looks for). */
    TX.confirmButton = function (labelKey, attrs, action) {
        var button = TX.el('button', Object.assign({type: 'button'}, attrs), TX.t(labelKey));
        var armed = false;
        button.addEventListener('click', function () {
            if (!armed) {
                armed = true;
                button.textContent = TX.t('confirmAgain');
                return;
            }
            button.disabled = true;
            action();
        });
        return button;
    };
})(window.TX = window.TX || {});
