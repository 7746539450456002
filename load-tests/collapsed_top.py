#!/usr/bin/python3
"""Where a Keycloak's request threads spend their time, from async-profiler's collapsed output (CPU or wall clock).

  collapsed_top.py [--exclude REGEX] [--samples-per-login N] profile.txt [other-profile.txt ...]

Record with async-profiler (Maven Central: tools.profiler:async-profiler, linux-x64 jar, libasyncProfiler.so inside):
  JAVA_OPTS_APPEND="-agentpath:/path/libasyncProfiler.so=start,event=wall,interval=1ms,threads,collapsed,file=/tmp/ap/wall-%p.txt"
(event=itimer for CPU where perf_event_paranoid forbids perf events). Each line is "[thread];frame;...;frame count".

Only request threads ([executor-thread...) count. Startup (under KeycloakApplication.startup or the realm import) is
left out, so is anything matching --exclude (e.g. 'Argon2' to leave out the password hash). Prints, per request kind
(the Keycloak endpoint frame on the stack), samples split by what the thread was doing at the top of the stack:
running Java, waiting on a socket (JDBC round trip), parked (lock, pool, future), in write(2), other native;
then the same for the innermost dev.txauth frames. With --samples-per-login (e.g. the number of logins), every
figure is also divided by it.
"""
import argparse
import collections
import re

ENDPOINTS = [
    ("authorization request", "AuthorizationEndpoint"),
    ("login-actions (password, confirm)", "LoginActionsService"),
    ("token endpoint", "TokenEndpoint"),
    ("txauth REST", "dev/txauth/transactions/TransactionsResource"),
    ("session close (commit)", "DefaultKeycloakSession.close"),
]
STARTUP = re.compile(r"KeycloakApplication\.startup|RealmManager\.importRealm|ExportImportManager")
KINDS = [
    ("socket", re.compile(r"NioSocketImpl\.(read|implRead)|socketRead|SocketInputStream|__libc_recv|\brecv\b"
                          r"|PGStream")),
    ("parked", re.compile(r"Unsafe\.park|LockSupport\.park|Object\.wait|pthread_cond|futex")),
    # write(2) to a socket (JDBC request) or a file (spool); the JDK's socket writes go through FileDispatcherImpl too.
    ("write(2)", re.compile(r"FileChannelImpl\.(write|force)|FileDispatcherImpl|__libc_write|__GI_write"
                            r"|fsync|fdatasync")),
]


def kind(frames):
    top = frames[-6:]
    for name, pattern in KINDS:
        if any(pattern.search(f) for f in top):
            return name
    if not frames[-1].startswith(("[", "__", "_")) and "/" in frames[-1]:
        return "running"
    return "native/other"


def read(paths, exclude):
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as profile:
            for line in profile:
                stack, _, count = line.rstrip("\n").rpartition(" ")
                frames = stack.split(";")
                if not frames[0].startswith("[executor-thread") or len(frames) < 2:
                    continue
                if STARTUP.search(stack) or (exclude and re.search(exclude, stack)):
                    continue
                yield frames[1:], int(count)


def table(title, rows, per):
    kinds = [k for k, _ in KINDS] + ["running", "native/other"]
    print(f"\n{title}")
    print(f"  {'':60s} {'total':>8s} " + " ".join(f"{k:>12s}" for k in kinds))
    for key, counts in sorted(rows.items(), key=lambda kv: -sum(kv[1].values()))[:15]:
        total = sum(counts.values())
        cells = [f"{counts[k]:12d}" for k in kinds]
        print(f"  {key[:60]:60s} {total:8d} " + " ".join(cells))
        if per:
            print(f"  {'  per login':60s} {total / per:8.2f} " + " ".join(f"{counts[k] / per:12.2f}" for k in kinds))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profiles", nargs="+")
    parser.add_argument("--exclude", default="")
    parser.add_argument("--samples-per-login", type=float, default=0)
    args = parser.parse_args()
    by_endpoint = collections.defaultdict(collections.Counter)
    by_txauth = collections.defaultdict(collections.Counter)
    for frames, count in read(args.profiles, args.exclude):
        what = kind(frames)
        for label, marker in ENDPOINTS:
            if any(marker in f for f in frames):
                by_endpoint[label][what] += count
        ours = [f for f in frames if f.startswith("dev/txauth")]
        if ours:
            by_txauth[ours[-1]][what] += count
            by_txauth["(any dev.txauth frame)"][what] += count
    table("request threads by endpoint (inclusive samples, by what the top of the stack does)", by_endpoint,
          args.samples_per_login)
    table("innermost dev.txauth frame (inclusive)", by_txauth, args.samples_per_login)


if __name__ == "__main__":
    main()
