package dev.txauth.risk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network a client address belongs to, as the "network never seen" signal compares it: the IPv4 /24 or the IPv6
 * /48 (a home, office or mobile carrier block), so a new address from the same network is not a new network.
 */
public final class NetworkPrefix {

    public static final String UNKNOWN = "unknown";

    /** Only IP literals are parsed: InetAddress would otherwise resolve a host name over DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** Strict dotted quad: InetAddress also accepts legacy forms ("1.2.3" = 1.2.0.3) no client sends. */
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NetworkPrefix() {
    }

    public static String of(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return UNKNOWN;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        // IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are the IPv4 client they carry; InetAddress already unwraps them.
        return String.format("%x:%x:%x::/48", word(bytes, 0), word(bytes, 2), word(bytes, 4));
    }

    /**
     * What a per-address counter counts: an IPv4 address itself, but an IPv6 address's /64, because one subscriber
     * gets a whole /64 and may pick any address in it at will (RFC 4941), so counting single IPv6 addresses would
     * give an attacker a fresh count per guess. Anything but an IP literal is counted as given.
     */
    public static String source(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return String.format("%x:%x:%x:%x::/64", word(bytes, 0), word(bytes, 2), word(bytes, 4), word(bytes, 6));
    }

    private static byte[] parse(String address) {
        if (address == null || !(address.contains(":") ? IPV6_LITERAL : IPV4_LITERAL).matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static int word(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }
}
