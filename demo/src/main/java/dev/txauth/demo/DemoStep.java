package dev.txauth.demo;

/**
 * One call the demo backend made or checked, as the page lists it: who talked to whom, the request and the response
 * as a developer would read them in a network log — tokens already {@link Shortened}, secrets hidden.
 */
record DemoStep(String actor, String title, String request, String response) {
}
