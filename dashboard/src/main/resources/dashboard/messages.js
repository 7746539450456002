/* The dashboard's words in English and French (docs/dashboard.md). Keys are used with textContent only. */
(function (TX) {
    'use strict';
    TX.messages = {
        en: {
            title: 'txauth dashboard', signOut: 'Sign out', signingIn: 'Signing in…', loading: 'Loading…',
            refusedTitle: 'Access refused',
            refusedText: 'The account {user} may not see this dashboard: it needs the role view-events of realm {realm} (realm-management).',
            signOutOther: 'Sign out and use another account',
            signInFailed: 'Sign-in failed: {error}', overview: 'Overview', users: 'Users', period: 'Period',
            last24h: 'Last 24 hours (by hour)', last7d: 'Last 7 days (by day)', last30d: 'Last 30 days (by day)',
            last365d: 'Last 365 days (by day)', refresh: 'Refresh', chain: 'Audit chain', checking: 'Checking…',
            chainValid: 'Valid: {n} events checked', chainInvalid: 'BROKEN at event {id} ({reason})',
            chainUnavailable: 'Cannot verify now ({status})',
            recentEvents: 'Recent events', searchUser: 'Find a user', search: 'Search', noUsers: 'No user found',
            sessions: 'Sessions', devices: 'Devices', transactions: 'Transactions', limits: 'Limits', events: 'Events',
            signOutSessions: 'Sign out all sessions', confirmAgain: 'Click again to confirm', unbind: 'Unbind',
            unbound: 'Device {id} unbound.', signedOut: 'All sessions of {user} signed out.',
            actionFailed: 'Action failed ({status})', none: 'None', notAvailable: 'Not available ({status})',
            total: 'Total', series: 'Series',
            chartLogins: 'Logins and failed logins', chartRisk: 'Risk decisions', chartStepUps: 'Step-ups',
            chartTransactions: 'Transactions by status (events)', chartVolume: 'NGN volume by status',
            chartDevices: 'New and bound devices', chartThrottled: 'Throttled IPs',
            throttledNote: 'Distinct client IPs refused by the login throttle (too many failed passwords) in each period.',
            volumeNote: 'Sum of NGN amounts registered in each period, by the transaction\'s current status.',
            logins: 'Logins', failed_logins: 'Failed logins', risk_allow: 'Allow', risk_step_up: 'Step-up (OTP)',
            risk_step_up_passkey: 'Step-up (passkey)', risk_deny: 'Deny', step_ups: 'Step-ups',
            new_devices: 'New devices', bound_devices: 'Bound devices', throttled_ips: 'Throttled IPs',
            transactions_registered: 'Registered', transactions_approved: 'Approved', transactions_declined: 'Declined',
            transactions_locked: 'Locked', transactions_expired: 'Expired', transactions_consumed: 'Consumed',
            ngn_volume_pending: 'Pending', ngn_volume_approved: 'Approved', ngn_volume_consumed: 'Consumed',
            ngn_volume_declined: 'Declined', ngn_volume_locked: 'Locked', ngn_volume_expired: 'Expired',
            colTime: 'Time', colType: 'Type', colOutcome: 'Outcome', colUser: 'User', colIp: 'IP', colDetails: 'Details',
            colStarted: 'Started', colLastAccess: 'Last access', colClients: 'Clients', colDevice: 'Device',
            colFirstSeen: 'First seen', colLastSeen: 'Last seen', colTrusted: 'Trusted', colId: 'Id',
            colStatus: 'Status', colAmount: 'Amount', colPayee: 'Payee', colAccount: 'Account', colSetting: 'Setting',
            colValue: 'Value', colAction: 'Action'
        },
        fr: {
            title: 'Tableau de bord txauth', signOut: 'Se déconnecter', signingIn: 'Connexion…', loading: 'Chargement…',
            refusedTitle: 'Accès refusé',
            refusedText: 'Le compte {user} ne peut pas voir ce tableau de bord : il lui faut le rôle view-events du domaine {realm} (realm-management).',
            signOutOther: 'Se déconnecter et utiliser un autre compte',
            signInFailed: 'Échec de la connexion : {error}', overview: 'Vue d\'ensemble', users: 'Utilisateurs',
            period: 'Période', last24h: 'Dernières 24 heures (par heure)', last7d: '7 derniers jours (par jour)',
            last30d: '30 derniers jours (par jour)', last365d: '365 derniers jours (par jour)', refresh: 'Actualiser',
            chain: 'Chaîne d\'audit', checking: 'Vérification…', chainValid: 'Valide : {n} événements vérifiés',
            chainInvalid: 'ROMPUE à l\'événement {id} ({reason})', chainUnavailable: 'Vérification impossible ({status})',
            recentEvents: 'Événements récents', searchUser: 'Chercher un utilisateur', search: 'Chercher',
            noUsers: 'Aucun utilisateur trouvé', sessions: 'Sessions', devices: 'Appareils',
            transactions: 'Transactions', limits: 'Plafonds', events: 'Événements',
            signOutSessions: 'Fermer toutes les sessions', confirmAgain: 'Cliquer encore pour confirmer',
            unbind: 'Dissocier', unbound: 'Appareil {id} dissocié.', signedOut: 'Toutes les sessions de {user} sont fermées.',
            actionFailed: 'Échec de l\'action ({status})', none: 'Aucun', notAvailable: 'Indisponible ({status})',
            total: 'Total', series: 'Série',
            chartLogins: 'Connexions et échecs de connexion', chartRisk: 'Décisions de risque',
            chartStepUps: 'Authentifications renforcées', chartTransactions: 'Transactions par statut (événements)',
            chartVolume: 'Volume en NGN par statut', chartDevices: 'Appareils nouveaux et associés',
            chartThrottled: 'Adresses IP bridées',
            throttledNote: 'Adresses IP distinctes refusées par le bridage des connexions (trop de mots de passe erronés) sur chaque période.',
            volumeNote: 'Somme des montants en NGN enregistrés sur chaque période, selon le statut actuel de la transaction.',
            logins: 'Connexions', failed_logins: 'Échecs de connexion', risk_allow: 'Autorisé',
            risk_step_up: 'Renforcement (OTP)', risk_step_up_passkey: 'Renforcement (clé d\'accès)', risk_deny: 'Refusé',
            step_ups: 'Renforcements', new_devices: 'Nouveaux appareils', bound_devices: 'Appareils associés',
            throttled_ips: 'IP bridées', transactions_registered: 'Enregistrées', transactions_approved: 'Approuvées',
            transactions_declined: 'Refusées', transactions_locked: 'Bloquées', transactions_expired: 'Expirées',
            transactions_consumed: 'Exécutées', ngn_volume_pending: 'En attente', ngn_volume_approved: 'Approuvées',
            ngn_volume_consumed: 'Exécutées', ngn_volume_declined: 'Refusées', ngn_volume_locked: 'Bloquées',
            ngn_volume_expired: 'Expirées',
            colTime: 'Heure', colType: 'Type', colOutcome: 'Résultat', colUser: 'Utilisateur', colIp: 'IP',
            colDetails: 'Détails', colStarted: 'Début', colLastAccess: 'Dernier accès', colClients: 'Clients',
            colDevice: 'Appareil', colFirstSeen: 'Vu la première fois', colLastSeen: 'Vu la dernière fois',
            colTrusted: 'Approuvé', colId: 'Id', colStatus: 'Statut', colAmount: 'Montant', colPayee: 'Bénéficiaire',
            colAccount: 'Compte', colSetting: 'Paramètre', colValue: 'Valeur', colAction: 'Action'
        }
    };

    var LANG_KEY = 'txauth-dashboard-lang';

    TX.lang = function () {
        var chosen = sessionStorage.getItem(LANG_KEY);
        if (chosen && TX.messages[chosen]) {
            return chosen;
        }
        return (navigator.language || 'en').toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en';
    };

    TX.setLang = function (lang) {
        sessionStorage.setItem(LANG_KEY, TX.messages[lang] ? lang : 'en');
    };

    /** A message with {name} placeholders filled; the result is only ever assigned to textContent. */
    TX.t = function (key, values) {
        var text = TX.messages[TX.lang()][key] || TX.messages.en[key] || key;
        Object.keys(values || {}).forEach(function (name) {
            text = text.split('{' + name + '}').join(String(values[name]));
        });
        return text;
    };

    TX.translatePage = function () {
        document.documentElement.lang = TX.lang();
        document.querySelectorAll('[data-i18n]').forEach(function (el) {
            el.textContent = TX.t(el.getAttribute('data-i18n'));
        });
    };
})(window.TX = window.TX || {});
