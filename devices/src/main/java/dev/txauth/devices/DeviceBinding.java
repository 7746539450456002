package dev.txauth.devices;

import java.time.Instant;

/**
 * The user's one bound app instance (docs/api.md §8): its DPoP key's RFC 7638 thumbprint and when it was bound (the
 * start of the cooling period). {@code id} names the binding in the admin devices API.
 */
public record DeviceBinding(String id, String jkt, Instant boundAt) {
}
