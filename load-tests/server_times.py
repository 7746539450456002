#!/usr/bin/python3
"""Server time per endpoint from a Keycloak log with its HTTP access log on, for comparing two servers' logins.

  KC_HTTP_ACCESS_LOG_ENABLED=true KC_HTTP_ACCESS_LOG_PATTERN='ACCESS "%r" %s %D' \
  JAVA_OPTS_APPEND=-Dquarkus.http.record-request-start-time=true <run the servers>
  server_times.py [--last N] keycloak.log [other-keycloak.log ...]

%D (milliseconds from the request's start to its response) needs Quarkus to record the start time, hence the system
property. Prints, per log, each (method, path without query, status) seen at least N times: count, p50, mean, over
its last N requests (default 100: the measured logins after a warm-up).
"""
import re
import statistics
import sys

LINE = re.compile(r'ACCESS "(\w+) ([^? ]+)[^"]*" (\d{3}) (\d+)')


def times(path):
    rows = {}
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = LINE.search(line)
            if match:
                path_only = re.sub(r"^/realms/[^/]+/", "", match.group(2))
                rows.setdefault((match.group(1), path_only, match.group(3)), []).append(int(match.group(4)))
    return rows


def main(argv):
    last = 100
    if argv[:1] == ["--last"]:
        last, argv = int(argv[1]), argv[2:]
    if not argv:
        sys.exit(__doc__)
    for path in argv:
        print(f"== {path}")
        print("| request | n | p50 ms | mean ms |\n|---|---|---|---|")
        for (method, url, status), millis in sorted(times(path).items()):
            if len(millis) >= last:
                tail = millis[-last:]
                print(f"| {method} {url} {status} | {len(tail)} | {statistics.median(tail):.1f} | "
                      f"{statistics.mean(tail):.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
