package dev.txauth.demo;

/**
 * A refusal of the demo backend, always answered as {@code {"error","error_description"}} (the shape of docs/api.md
 * §3) with its HTTP status, so the page can show the newcomer what was wrong.
 */
final class DemoError extends RuntimeException {

    private final int status;
    private final String error;

    DemoError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
