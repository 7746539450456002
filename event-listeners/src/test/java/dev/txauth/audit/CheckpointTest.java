package dev.txauth.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {

    static final Checkpoint CP = new Checkpoint("realm 1/ü", "node-1", 42, "ab".repeat(32), KeyedChainTest.KEY.id(),
            Instant.parse("2026-12-02T01:02:03Z"));

    @TempDir
    Path dir;

    @Test
    void formatsOneMachineParsableLineWhoseMacCoversEverythingBeforeIt() {
        String line = CP.format(KeyedChainTest.KEY);
        assertEquals("txauth-audit-checkpoint v=1 realm=realm+1%2F%C3%BC chain=node-1 seq=42 head=" + "ab".repeat(32)
                + " key=" + KeyedChainTest.KEY.id() + " time=2026-12-02T01:02:03Z mac="
                + KeyedChainTest.KEY.mac(line.substring(0, line.indexOf(" mac="))), line);
        assertEquals(CP, Checkpoint.parse("2026-12-02 01:02:03,000 INFO  [dev.txauth] " + line, KeyedChainTest.KEYS),
                "a log line parses as well");
    }

    @Test
    void refusesAnEditedLineAndALineSignedWithAnotherKey() {
        String line = CP.format(KeyedChainTest.KEY);
        assertNull(Checkpoint.parse(line.replace("seq=42", "seq=41"), KeyedChainTest.KEYS));
        assertNull(Checkpoint.parse(CP.format(KeyedChainTest.OTHER), KeyedChainTest.KEYS));
        String forged = new Checkpoint("realm 1/ü", "node-1", 42, "ab".repeat(32), KeyedChainTest.KEY.id(),
                CP.time()).format(KeyedChainTest.OTHER);
        assertNull(Checkpoint.parse(forged, KeyedChainTest.KEYS), "claims the key id, signed with another key");
        assertNull(Checkpoint.parse("txauth-audit-checkpoint v=1 mac=00", KeyedChainTest.KEYS));
        AuditKeys rotated = new AuditKeys(KeyedChainTest.OTHER, List.of(KeyedChainTest.KEY), false);
        assertEquals(CP, Checkpoint.parse(line, rotated), "a retired key still verifies its checkpoints");
    }

    @Test
    void publisherWritesChangedHeadsOwnerOnlyAndTheFileReadsBack() throws Exception {
        Path file = dir.resolve("cp").resolve("checkpoints.log");
        CheckpointFile sink = new CheckpointFile(file);
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
        CheckpointPublisher p = new CheckpointPublisher(KeyedChainTest.KEY, "node-1", Duration.ofSeconds(1),
                List.of(sink), clock);
        p.maybePublish(Map.of("r1", "1:" + "a".repeat(64)));
        assertTrue(Files.notExists(file), "not before the interval");
        p.publish(Map.of("r1", "1:" + "a".repeat(64), "r2", "7:" + "b".repeat(64)));
        p.publish(Map.of("r1", "1:" + "a".repeat(64)));
        Files.writeString(file, "txauth-audit-checkpoint v=1 realm=r1 chain=x seq=9 head=00 key=k time=t mac=00\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<Checkpoint> r1 = sink.read("r1", KeyedChainTest.KEYS);
        assertEquals(1, r1.size(), "unchanged heads are not republished; the forged line is ignored");
        assertEquals(1, r1.get(0).seq());
        assertEquals(7, sink.read("r2", KeyedChainTest.KEYS).get(0).seq());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }

    @Test
    void aNodeWithoutAConfiguredKeyCreatesOneOnceOwnerOnly() throws Exception {
        AuditKeys first = AuditKeys.load(null, List.of(), dir);
        AuditKeys again = AuditKeys.load(null, List.of(), dir);
        assertTrue(first.generated());
        assertEquals(first.current().id(), again.current().id());
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve(AuditKeys.GENERATED_KEY_FILE)));
        Path configured = dir.resolve("configured.key");
        Files.writeString(configured, "c".repeat(40) + "\n");
        assertEquals(AuditKey.ofText("c".repeat(40)).id(), AuditKeys.load(configured, List.of(), dir).current().id());
    }
}
