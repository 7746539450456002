/*
 * The redirect URI of the demo's authorization requests (registered on mobile-app by the dev server only): hands the
 * query (code, state, or error) to the wallet page that opened this pop-up, on this origin only, and closes.
 */
(function () {
    'use strict';
    var status = document.getElementById('callback-status');
    if (window.opener && !window.opener.closed) {
        window.opener.postMessage({type: 'txauth-demo-callback', query: location.search}, location.origin);
        history.replaceState(null, '', location.pathname);
        window.close();
        status.textContent = 'Done: you can close this window.';
    } else {
        status.textContent = 'The wallet page is gone: open the demo again.';
    }
})();
