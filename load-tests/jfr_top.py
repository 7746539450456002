#!/usr/bin/python3
"""Where a Keycloak's request threads spend CPU, from a JFR recording (jdk.ExecutionSample), focused on txauth.

  jfr_top.py recording.jfr [more.jfr ...]

Prints: request-thread samples; the share with a dev.txauth frame on the stack (txauth's inclusive CPU); the
innermost dev.txauth frames (which txauth method, with everything it calls); what those stacks execute at the top
(self time); samples under Hibernate's auto-flush; and the request threads' blocking socket reads (>= 10 ms with the
JFR profile settings, every one with jfc_all_reads.py's; under load mostly JDBC round trips) by txauth method. Needs the JDK's `jfr` on PATH or in $JAVA_HOME/bin.
"""
import collections
import os
import re
import shutil
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def events(path, event):
    jfr = shutil.which("jfr") or os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--events", event, "--stack-depth", "96", path],
                         check=True, capture_output=True, text=True).stdout
    for block in out.split(event + " {")[1:]:
        thread = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
        frames = [m.group(1) for line in block.splitlines() if (m := FRAME.match(line))]
        duration = re.search(r"duration = ([\d.]+) (ms|s)\b", block)
        millis = float(duration.group(1)) * (1000 if duration.group(2) == "s" else 1) if duration else 0.0
        yield (thread.group(1) if thread else ""), frames, millis


def stacks(path):
    for thread, frames, _ in events(path, "jdk.ExecutionSample"):
        yield thread, frames


def waits(paths):
    """Recorded blocking socket reads of request threads (profile: >= 10 ms), i.e. mostly JDBC round trips."""
    total, count = collections.Counter(), collections.Counter()
    for path in paths:
        for thread, frames, millis in events(path, "jdk.SocketRead"):
            if thread.startswith("executor-thread"):
                ours = [f for f in frames if f.startswith("dev.txauth")]
                key = ours[0] if ours else "(Keycloak itself)"
                total[key] += millis
                count[key] += 1
    print("\nrecorded socket reads (profile settings: >= 10 ms) on request threads, by innermost dev.txauth frame:")
    for key, millis in total.most_common(10):
        print(f"  {millis:9.0f} ms {count[key]:5d} reads  {key}")


def main(paths):
    request, txauth, flush = 0, 0, 0
    innermost, top_self = collections.Counter(), collections.Counter()
    for path in paths:
        for thread, frames in stacks(path):
            if not thread.startswith("executor-thread"):
                continue
            request += 1
            ours = [f for f in frames if f.startswith("dev.txauth")]
            if not ours:
                continue
            txauth += 1
            innermost[ours[0]] += 1
            top_self[frames[0]] += 1
            if any("AutoFlush" in f or "AbstractFlushingEventListener" in f for f in frames):
                flush += 1
    print(f"request-thread samples: {request}; with a dev.txauth frame: {txauth} "
          f"({100.0 * txauth / max(request, 1):.1f} %); of these under Hibernate flush: {flush}")
    print("\ninnermost dev.txauth frame (inclusive of what it calls):")
    for frame, n in innermost.most_common(15):
        print(f"  {n:6d} {100.0 * n / max(request, 1):5.1f} %  {frame}")
    print("\ntop frame (self) in those stacks:")
    for frame, n in top_self.most_common(10):
        print(f"  {n:6d} {100.0 * n / max(request, 1):5.1f} %  {frame}")
    waits(paths)


if __name__ == "__main__":
    main(sys.argv[1:])
