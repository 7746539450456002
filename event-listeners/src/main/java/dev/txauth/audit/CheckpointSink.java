package dev.txauth.audit;

/**
 * Somewhere outside the audit database that a signed {@link Checkpoint} line is sent to. Today: the server log and
 * the append-only {@link CheckpointFile}; a webhook sender (planned with webhooks, docs/api.md §11) becomes one more
 * implementation handed to {@link CheckpointPublisher}. Called on the writer thread only; a sink that fails must
 * throw, so the publisher logs it and retries the same checkpoint next time.
 */
interface CheckpointSink {

    void publish(Checkpoint checkpoint, String signedLine) throws Exception;
}
