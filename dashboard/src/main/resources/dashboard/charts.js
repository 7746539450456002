/* The overview's charts (each with a table of totals that doubles as its legend): uPlot (from its WebJar, served by this jar) over GET .../txauth-audit/stats (docs/api.md §12). */
(function (TX) {
    'use strict';

    var COLORS = ['#0b5cad', '#b3261e', '#1b7f3b', '#c77700', '#6a3fb5', '#00838f'];
    TX.CHARTS = [
        {id: 'logins', title: 'chartLogins', series: ['logins', 'failed_logins']},
        {id: 'risk', title: 'chartRisk', series: ['risk_allow', 'risk_step_up', 'risk_step_up_passkey', 'risk_deny']},
        {id: 'step-ups', title: 'chartStepUps', series: ['step_ups']},
        {id: 'transactions', title: 'chartTransactions', series: ['transactions_registered', 'transactions_approved',
            'transactions_declined', 'transactions_locked', 'transactions_expired', 'transactions_consumed']},
        {id: 'volume', title: 'chartVolume', note: 'volumeNote', series: ['ngn_volume_pending', 'ngn_volume_approved',
            'ngn_volume_consumed', 'ngn_volume_declined', 'ngn_volume_locked', 'ngn_volume_expired']},
        {id: 'devices', title: 'chartDevices', series: ['new_devices', 'bound_devices']},
        {id: 'throttled', title: 'chartThrottled', note: 'throttledNote', series: ['throttled_ips']}
    ];

    var plots = [];

    function totalsTable(def, stats) {
        var table = TX.el('table', {'class': 'data totals'});
        var head = table.appendChild(TX.el('thead')).appendChild(TX.el('tr'));
        head.appendChild(TX.el('th', {scope: 'col'}, TX.t('series')));
        head.appendChild(TX.el('th', {scope: 'col'}, TX.t('total')));
        var body = table.appendChild(TX.el('tbody'));
        def.series.forEach(function (name, i) {
            var row = body.appendChild(TX.el('tr', {'data-series': name}));
            var label = row.appendChild(TX.el('td'));
            var swatch = label.appendChild(TX.el('span', {'class': 'swatch'}));
            swatch.style.background = COLORS[i % COLORS.length];
            label.appendChild(document.createTextNode(TX.t(name)));
            row.appendChild(TX.el('td', {'class': 'num', 'data-total': String(stats.totals[name])},
                Number(stats.totals[name]).toLocaleString(TX.lang())));
        });
        return table;
    }

    function plot(def, stats, container) {
        var xs = stats.buckets.map(function (b) {
            return Date.parse(b) / 1000;
        });
        var data = [xs].concat(def.series.map(function (name) {
            return stats.series[name].map(Number);
        }));
        var series = [{}].concat(def.series.map(function (name, i) {
            return {label: TX.t(name), stroke: COLORS[i % COLORS.length], width: 2, points: {size: 5}};
        }));
        var width = Math.max(container.clientWidth, 240);
        return new uPlot({
            width: width, height: width < 500 ? 200 : 240, series: series,
            axes: [{}, {size: 60}], scales: {x: {time: true}}, legend: {show: false}
        }, data, container);
    }

    TX.renderCharts = function (host, stats) {
        plots.forEach(function (p) {
            p.destroy();
        });
        plots = [];
        TX.clear(host);
        TX.CHARTS.forEach(function (def) {
            var panel = host.appendChild(TX.el('div', {'class': 'panel chart-panel', id: 'chart-' + def.id}));
            panel.appendChild(TX.el('h2', {}, TX.t(def.title)));
            var container = panel.appendChild(TX.el('div', {'class': 'chart'}));
            plots.push(plot(def, stats, container));
            panel.appendChild(totalsTable(def, stats));
            if (def.note) {
                panel.appendChild(TX.el('p', {'class': 'note'}, TX.t(def.note)));
            }
        });
    };

    window.addEventListener('resize', function () {
        plots.forEach(function (p) {
            var width = Math.max(p.root.parentNode.clientWidth, 240);
            p.setSize({width: width, height: width < 500 ? 200 : 240});
        });
    });
})(window.TX = window.TX || {});
