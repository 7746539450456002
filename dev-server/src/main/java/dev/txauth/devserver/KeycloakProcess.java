package dev.txauth.devserver;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code kc.sh start --optimized}. Its output goes to a log file; stopping it takes the whole process
 * tree down, because {@code kc.sh} starts the JVM as a child.
 */
public final class KeycloakProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakProcess.class);
    /** 4 minutes, or {@code TXAUTH_READY_TIMEOUT_SECONDS}: a machine shared by many builds can start slower. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("TXAUTH_READY_TIMEOUT_SECONDS", "240")));

    private final Process process;
    private final int managementPort;
    private final Path logFile;

    private KeycloakProcess(Process process, int managementPort, Path logFile) {
        this.process = process;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /**
     * Starts Keycloak and waits until {@code /health/ready} on the management port answers 200.
     *
     * @param options runtime options appended to {@code kc.sh start --optimized}
     * @param environment extra environment (bootstrap admin, secrets referenced by the realm file)
     */
    public static KeycloakProcess start(KeycloakHome home, List<String> options, int managementPort,
                                        Map<String, String> environment, Path logFile) {
        List<String> command = new ArrayList<>(List.of(home.script().toString(), "start", "--optimized"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.path().toFile())
                .redirectErrorStream(true);
        try {
            Files.createDirectories(logFile.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.get(0), e);
        }
        KeycloakProcess keycloak = new KeycloakProcess(process, managementPort, logFile);
        keycloak.awaitReady();
        return keycloak;
    }

    /** Runs a short-lived kc.sh command (such as {@code build}) and fails with its log when it fails. */
    static void runToCompletion(List<String> command, Path workDir, Path logFile) {
        LOG.infof("Running %s", String.join(" ", command));
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(1) + " failed; log:\n" + Files.readString(logFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Resident memory (VmRSS, Linux {@code /proc}) of the Keycloak JVM this process started (kc.sh's java child),
     * for the memory comparison in BENCHMARKS.md.
     */
    public long residentBytes() {
        long pid = jvmPid();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    /** The process id of the Keycloak JVM (kc.sh's java child), e.g. for a load driver that reads its memory. */
    public long jvmPid() {
        return process.descendants().filter(h -> h.info().command().orElse("").endsWith("/java"))
                .findFirst().orElse(process.toHandle()).pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; log: " + logFile
                        + "\n" + tail(logFile));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT + "; log: " + logFile);
    }

    /** Graceful stop: SIGTERM to the tree, then SIGKILL what is left after 30 s. */
    @Override
    public void close() {
        terminate(false);
    }

    /** Simulates a crash: SIGKILL to the JVM and its parent script, no shutdown hooks run. */
    public void kill() {
        terminate(true);
    }

    private void terminate(boolean forcibly) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle handle : tree) {
            if (forcibly) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception timeout) {
                handle.destroyForcibly();
            }
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
