package dev.txauth.risk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkPrefixTest {

    @ParameterizedTest
    @CsvSource({
            "192.168.17.5,192.168.17.0/24",
            "192.168.17.254,192.168.17.0/24",
            "10.0.0.1,10.0.0.0/24",
            "::ffff:192.168.17.9,192.168.17.0/24",
            "2001:db8:abcd:12::1,2001:db8:abcd::/48",
            "2001:db8:abcd:ffff:ffff:ffff:ffff:ffff,2001:db8:abcd::/48",
            "2001:0db8:0abc::,2001:db8:abc::/48",
            "::1,0:0:0::/48",
    })
    void groupsAddressesByNetwork(String address, String expected) {
        assertEquals(expected, NetworkPrefix.of(address));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"localhost", "example.com", "999.1.1.1", "1.2.3", "<script>", "2001:db8::zz"})
    void anythingButAnIpLiteralIsUnknownAndNeverResolved(String address) {
        assertEquals(NetworkPrefix.UNKNOWN, NetworkPrefix.of(address));
    }

    @ParameterizedTest
    @CsvSource({
            "192.168.17.5,192.168.17.5",
            "::ffff:192.168.17.9,192.168.17.9",
            "2001:db8:abcd:12::1,2001:db8:abcd:12::/64",
            "2001:db8:abcd:12:ffff:ffff:ffff:ffff,2001:db8:abcd:12::/64",
            "2001:0DB8:0abc:0::7,2001:db8:abc:0::/64",
            "localhost,localhost",
    })
    void countsIpv4PerAddressAndIpv6PerSlash64(String address, String expected) {
        assertEquals(expected, NetworkPrefix.source(address));
    }
}
