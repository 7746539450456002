package dev.txauth.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard of docs/api.md §11: a webhook URL is http or https, and every address its host resolves to is a
 * public unicast address — loopback only if {@code allowLoopback}, RFC 1918 / unique-local IPv6 only if
 * {@code allowPrivate}; link-local (169.254.0.0/16 holds the cloud metadata services), multicast, the unspecified
 * address, CGNAT 100.64.0.0/10 and IPv4 embedded in IPv6 (v4-mapped, NAT64 is not special-cased) are judged by the
 * IPv4 address inside. Checked at registration and again before every attempt, because DNS can change in between.
 */
public final class AddressGuard {

    public static final int MAX_URL_LENGTH = 2048;

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Thrown with a message an admin can act on. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The URL's shape only: scheme, host, no credentials, no fragment. */
    public static URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new Refused("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("url must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url must not carry user credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("url must not have a fragment");
        }
        return uri;
    }

    /** Resolves the host now and checks every address it has; returns them. */
    public InetAddress[] check(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("url host does not resolve");
        }
        for (InetAddress a : addresses) {
            String why = refusal(a);
            if (why != null) {
                throw new Refused("url host resolves to " + why + " address " + a.getHostAddress()
                        + ", which webhooks may not call");
            }
        }
        return addresses;
    }

    /** @return null if the address may be called, else the kind of address it is */
    String refusal(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (a.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (a.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (a.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240 || first == 100 && second >= 64 && second < 128) {
                return "a reserved";
            }
            if (a.isSiteLocalAddress()) {
                return allowPrivate ? null : "a private";
            }
        } else if ((b[0] & 0xfe) == 0xfc || a.isSiteLocalAddress()) {
            return allowPrivate ? null : "a unique-local";
        }
        return null;
    }

    /** {@code ::ffff:a.b.c.d} and {@code ::a.b.c.d} are the IPv4 address inside. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
