package dev.txauth.devices;

import java.time.Instant;

/**
 * A row of {@code txauth_device}: a browser the user confirmed with a second factor. The hash of its cookie stays
 * inside the server; admin views use {@link #id()}.
 */
public record KnownDevice(String id, String deviceHash, String label, Instant firstSeen, Instant lastSeen,
                          String lastIp, String lastNetwork, Instant trustedAt) {
}
