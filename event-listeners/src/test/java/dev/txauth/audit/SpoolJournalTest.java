package dev.txauth.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpoolJournalTest {

    static final AuditKey KEY = AuditKey.of("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void refusesAnInjectedLineAndAnEditedLineEvenWithAValidChecksum() throws Exception {
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 10 * 1024 * 1024, 1024 * 1024)) {
            j.append("genuine-1");
            j.append("genuine-2");
        }
        Path segment = onlySegment();
        String forged = "{\"event_id\":\"forged\"}";
        CRC32 crc = new CRC32();
        crc.update(forged.getBytes(StandardCharsets.UTF_8));
        String wrongKey = AuditKey.of("w".repeat(32).getBytes(StandardCharsets.UTF_8)).mac(forged) + " " + forged;
        String text = Files.readString(segment).replace("genuine-2", "edited-2");
        Files.writeString(segment, text + String.format("%08x ", crc.getValue()) + forged + "\n" + wrongKey + "\n");
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 10 * 1024 * 1024, 1024 * 1024)) {
            j.append("genuine-3");
            assertEquals(List.of("genuine-1", "genuine-3"),
                    j.read(j.loadCheckpoint(), 10).stream().map(SpoolJournal.Entry::payload).toList());
            assertEquals(3, j.refusedLines());
        }
    }

    @Test
    void keepsEveryFileOwnerOnly() throws Exception {
        Path spool = dir.resolve("spool");
        try (SpoolJournal j = SpoolJournal.open(spool, KEY, 10 * 1024 * 1024, 100)) {
            SpoolJournal.Position p = j.append("one");
            j.append("two");
            j.checkpoint(p);
        }
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(spool));
        try (var files = Files.list(spool)) {
            List<Path> all = files.toList();
            assertTrue(all.size() >= 2, all.toString());
            for (Path f : all) {
                assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(f), f.toString());
            }
        }
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxr-xr-x"));
        SpoolJournal.open(spool, KEY, 10 * 1024 * 1024, 100).close();
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(spool),
                "an existing spool is narrowed at open");
    }

    private Path onlySegment() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
    }

    @Test
    void replaysEverythingAfterTheCheckpointInOrderAcrossSegmentsAndReopen() throws Exception {
        SpoolJournal.Position third;
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 10 * 1024 * 1024, 100)) {
            j.append("one");
            j.append("two");
            third = j.append("three");
            j.append("four");
            j.append("five");
            j.checkpoint(third);
        }
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 10 * 1024 * 1024, 100)) {
            SpoolJournal.Position from = j.loadCheckpoint();
            assertEquals(third, from);
            List<SpoolJournal.Entry> rest = j.read(from, 10);
            assertEquals(List.of("four", "five"), rest.stream().map(SpoolJournal.Entry::payload).toList());
            j.append("six");
            assertEquals(List.of("four", "five", "six"),
                    j.read(from, 10).stream().map(SpoolJournal.Entry::payload).toList());
            assertEquals(List.of("four"), j.read(from, 1).stream().map(SpoolJournal.Entry::payload).toList());
        }
    }

    @Test
    void dropsATornLastLineAndSkipsCorruptOnes() throws Exception {
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 10 * 1024 * 1024, 1024 * 1024)) {
            j.append("good-1");
            j.append("good-2");
        }
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        String text = Files.readString(segment).replace("good-1", "evil-1");
        Files.writeString(segment, text + "0badc0de half-writ");
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 10 * 1024 * 1024, 1024 * 1024)) {
            j.append("good-3");
            List<SpoolJournal.Entry> all = j.read(j.loadCheckpoint(), 10);
            assertEquals(List.of("good-2", "good-3"), all.stream().map(SpoolJournal.Entry::payload).toList());
            assertEquals(1, j.refusedLines());
        }
    }

    @Test
    void refusesToGrowBeyondItsBoundAndFreesConsumedSegments() throws Exception {
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 1024 * 1024, 64 * 1024)) {
            String payload = "x".repeat(1000);
            SpoolJournal.Position last = null;
            SpoolJournal.FullException full = null;
            for (int i = 0; i < 2000 && full == null; i++) {
                try {
                    last = j.append(payload);
                } catch (SpoolJournal.FullException e) {
                    full = e;
                }
            }
            assertEquals(SpoolJournal.FullException.class, assertThrows(SpoolJournal.FullException.class,
                    () -> j.append(payload)).getClass());
            j.checkpoint(last);
            j.append(payload);
            assertEquals(true, j.sizeBytes() < 200 * 1024, "consumed segments must be deleted: " + j.sizeBytes());
        }
    }

    @Test
    void replaysALargeSegmentBatchByBatchWithoutSkippingOrRepeating() throws Exception {
        try (SpoolJournal j = SpoolJournal.open(dir, KEY, 64L * 1024 * 1024, 32L * 1024 * 1024)) {
            String filler = "z".repeat(700);
            for (int i = 0; i < 5000; i++) {
                j.append(i + ":" + filler);
            }
            SpoolJournal.Position from = j.loadCheckpoint();
            int expected = 0;
            while (true) {
                List<SpoolJournal.Entry> batch = j.read(from, 200);
                if (batch.isEmpty()) {
                    break;
                }
                for (SpoolJournal.Entry e : batch) {
                    assertEquals(expected + ":", e.payload().substring(0, e.payload().indexOf(':') + 1));
                    expected++;
                }
                from = batch.get(batch.size() - 1).end();
            }
            assertEquals(5000, expected);
        }
    }

    @Test
    void recordsRoundTripThroughTheSpoolFormat() {
        AuditRecord r = new AuditRecord("7b6f1c9e-7d0a-4a4e-9f0e-0d6f5a1c2b3a", 1_700_000_000_123L, "realm",
                AuditRecord.ADMIN, "ADMIN_USER_LOGOUT", AuditRecord.SUCCESS, "admin", "target", "cli", null,
                "127.0.0.1", null, "USER", "users/target/logout", null,
                Map.of("note", "line1\nline2 \"quoted\" -- ünïcødé"));
        String json = RecordCodec.toJson(r);
        assertEquals(-1, json.indexOf('\n'));
        assertEquals(r, RecordCodec.fromJson(json));
    }

    @Test
    void appendsAreDurableWithoutClose() throws Exception {
        SpoolJournal j = SpoolJournal.open(dir, KEY, 1024 * 1024, 1024 * 1024);
        j.append("survives-kill");
        // no close(): what a SIGKILL leaves behind is what write(2) put in the file
        try (SpoolJournal again = SpoolJournal.open(dir, KEY, 1024 * 1024, 1024 * 1024)) {
            assertEquals("survives-kill", again.read(again.loadCheckpoint(), 10).get(0).payload());
        }
        Files.writeString(dir.resolve("ignored.txt"), "x", StandardOpenOption.CREATE);
    }
}
