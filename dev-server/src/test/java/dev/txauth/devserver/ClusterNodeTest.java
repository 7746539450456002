package dev.txauth.devserver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterNodeTest {

    @Test
    void joinsFromItsAddressAndPort() {
        assertEquals(List.of("--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=7801"), new ClusterNode(2, "127.0.0.1", 7801).runtimeOptions());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ClusterNode(0, "127.0.0.1", 7800));
        assertThrows(IllegalArgumentException.class, () -> new ClusterNode(1, "127.0.0.1", 70000));
    }

    @Test
    void clusterBuildDiffersFromTheSingleNodeOnlyInTheCache() {
        assertTrue(TxauthKeycloak.BUILD_OPTIONS.contains("--cache=local"), "one node keeps the local cache");
        assertEquals(TxauthKeycloak.BUILD_OPTIONS.stream().map(o -> o.equals("--cache=local") ? "--cache=ispn" : o)
                .toList(), TxauthKeycloak.CLUSTER_BUILD_OPTIONS);
    }

    @Test
    void devServerRunsOneOrTwoNodes() {
        assertEquals(1, DevServer.nodeCount(Map.of()));
        assertEquals(2, DevServer.nodeCount(Map.of("TXAUTH_NODES", "2")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DevServer.nodeCount(Map.of("TXAUTH_NODES", "3")));
        assertTrue(e.getMessage().contains("TXAUTH_NODES must be 1 or 2"), e.getMessage());
    }
}
