package dev.txauth.devserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterViewTest {

    // Lines as Keycloak 26.7.3 logged them on the two-node dev cluster.
    private static final String ONE = "2026-12-02 04:21:06,675 INFO  [org.infinispan.CLUSTER] (executor-thread-1) "
            + "ISPN000094: Received new cluster view for channel ISPN: [vm-64471(v=16.0.14)|0] (1) [vm-64471(v=16.0.14)]";
    private static final String TWO = "2026-12-02 04:21:50,664 INFO  [org.infinispan.CLUSTER] (jgroups-5,vm-64471("
            + "v=16.0.14)) ISPN000094: Received new cluster view for channel ISPN: [vm-64471(v=16.0.14)|1] (2) "
            + "[vm-64471(v=16.0.14), vm-14155(v=16.0.14)]";
    private static final String MERGED = "2026-12-02 05:00:00,000 WARN  [org.infinispan.CLUSTER] (jgroups-5,vm-1) "
            + "ISPN000093: Received new, MERGED cluster view for channel ISPN: MergeView::[vm-1|3] (2) [vm-1, vm-2]";

    @Test
    void theLastViewCounts() {
        assertEquals(OptionalInt.of(2), ClusterView.lastMemberCount(List.of("start", ONE, "other", TWO)));
        assertEquals(OptionalInt.of(1), ClusterView.lastMemberCount(List.of(ONE, TWO, ONE)));
        assertEquals(OptionalInt.of(2), ClusterView.lastMemberCount(List.of(ONE, MERGED)));
    }

    @Test
    void noViewYetIsEmpty() {
        assertEquals(OptionalInt.empty(), ClusterView.lastMemberCount(List.of("ISPN000078: Starting JGroups channel")));
    }

    @Test
    void viewsOfAnEarlierRunAreSkippedAfterARestart(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("keycloak.log");
        Files.write(log, List.of(ONE, TWO));
        int restartedAt = ClusterView.lineCount(log);
        assertEquals(OptionalInt.empty(), ClusterView.lastMemberCount(log, restartedAt));
        Files.write(log, List.of(ONE, TWO, "restarted", ONE));
        assertEquals(OptionalInt.of(1), ClusterView.lastMemberCount(log, restartedAt));
    }

    @Test
    void awaitFailsWithTheViewsSeen(@TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.log"), List.of(TWO));
        Path b = Files.write(dir.resolve("b.log"), List.of(ONE));
        ClusterView.await(List.of(a), 2, Duration.ofSeconds(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClusterView.await(List.of(a, b), 2, Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("[OptionalInt[2], OptionalInt[1]]"), e.getMessage());
    }

    @Test
    void aMissingLogHasNoView(@TempDir Path dir) {
        assertEquals(OptionalInt.empty(), ClusterView.lastMemberCount(dir.resolve("none.log")));
    }
}
