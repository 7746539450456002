package dev.txauth.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Infinispan cluster view a node last reported in its log. A node answers {@code /health/ready} before the other
 * members have joined; only the view says that caches are shared, so a cluster is "up" when every node's latest
 * {@code ISPN000094: Received new cluster view ... (n)} (or a merged view, ISPN000093) counts every member.
 */
public final class ClusterView {

    private static final Pattern VIEW = Pattern.compile("ISPN00009[34]: Received new.*?cluster view.*?\\] \\((\\d+)\\)");

    private ClusterView() {
    }

    /** Members in the last view reported in this log (a restart appends to it), empty before the first view. */
    public static OptionalInt lastMemberCount(Path logFile) {
        return lastMemberCount(logFile, 0);
    }

    /** The same, counting only views logged after the first {@code skipLines} lines (those of an earlier run). */
    public static OptionalInt lastMemberCount(Path logFile, int skipLines) {
        List<String> lines = lines(logFile);
        return lastMemberCount(lines.subList(Math.min(skipLines, lines.size()), lines.size()));
    }

    /** How many lines the log has now: what a restart's new views come after. */
    public static int lineCount(Path logFile) {
        return lines(logFile).size();
    }

    private static List<String> lines(Path logFile) {
        if (!Files.isRegularFile(logFile)) {
            return List.of();
        }
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException unreadableForNow) {
            return List.of();
        }
    }

    static OptionalInt lastMemberCount(List<String> logLines) {
        OptionalInt last = OptionalInt.empty();
        for (String line : logLines) {
            Matcher view = VIEW.matcher(line);
            if (view.find()) {
                last = OptionalInt.of(Integer.parseInt(view.group(1)));
            }
        }
        return last;
    }

    /**
     * Waits until every one of these logs reports a view of exactly {@code members}.
     *
     * @throws IllegalStateException with the views seen, when the timeout passes first
     */
    public static void await(List<Path> logFiles, int members, Duration timeout) {
        await(logFiles, logFiles.stream().map(log -> 0).toList(), members, timeout);
    }

    /** The same, where each log's views count only after its first {@code skipLines} lines (a restarted node). */
    public static void await(List<Path> logFiles, List<Integer> skipLines, int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<OptionalInt> views = IntStream.range(0, logFiles.size())
                    .mapToObj(i -> lastMemberCount(logFiles.get(i), skipLines.get(i))).toList();
            if (views.stream().allMatch(v -> v.isPresent() && v.getAsInt() == members)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No cluster view of " + members + " members after " + timeout
                        + "; last views " + views + " in " + logFiles);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
