#!/usr/bin/python3
"""Runs the Locust scenario mix (locustfile.py) headless against txauth and vanilla Keycloak, side by side.

  1. warm-up: the common mix on both at once (not reported)
  2. common mix (login, refresh, client credentials) on both at once, same users and duration: the comparison
  3. the full mix with payments on txauth alone (payment confirmation has no vanilla counterpart)

Every phase is bounded in time (--run-time) and users (fixed counts). Settings come from the environment:
WARMUP_TIME (30s), RUN_TIME (120s), PAYMENT_RUN_TIME (90s), LOGIN_USERS (4), REFRESH_USERS (4), CC_USERS (2),
PAYMENT_USERS (3), WAIT_SECONDS (0.5, mean think time between a user's scenarios).

--smoke (LoadTestSmokeIT, the normal test suite): instead, one phase on --txauth alone with every scenario, one
Locust user each, for SMOKE_TIME (20s); its stats are <out>/smoke_stats.csv. No --vanilla.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
COMMON = ["LoginUser", "RefreshUser", "ClientCredentialsUser"]


def env(name, default):
    return os.environ.get(name, default)


def locust(target, classes, run_time, csv, counts):
    users = sum(counts.values())
    environment = dict(os.environ, LOAD_TARGET=target, **{k: str(v) for k, v in counts.items()})
    command = ["/usr/bin/python3", "-m", "locust", "-f", os.path.join(HERE, "locustfile.py"), "--headless",
               "-u", str(users), "-r", str(users), "--run-time", run_time, "--stop-timeout", "15",
               "--only-summary", "--csv", csv, "--exit-code-on-error", "0", "--loglevel", "WARNING", *classes]
    return subprocess.Popen(command, env=environment, cwd=HERE)


def wait(*processes):
    codes = [p.wait() for p in processes]
    if any(codes):
        sys.exit(f"locust failed: exit codes {codes}")


def resident_bytes(target_file):
    """VmRSS of the target's Keycloak JVM (its "pid" in the target file), or None for a server started elsewhere."""
    pid = json.load(open(target_file)).get("pid")
    if pid is None:
        return None
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return None


def load_average():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--txauth", required=True)
    args.add_argument("--vanilla")
    args.add_argument("--out", required=True)
    args.add_argument("--smoke", action="store_true")
    a = args.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.smoke:
        smoke(a)
        return
    if not a.vanilla:
        args.error("--vanilla is required (except with --smoke)")
    common = {"LOGIN_USERS": int(env("LOGIN_USERS", "4")), "REFRESH_USERS": int(env("REFRESH_USERS", "4")),
              "CC_USERS": int(env("CC_USERS", "2")), "PAYMENT_USERS": 0}
    meta = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "common_users": common,
            "run_time": env("RUN_TIME", "120s"), "payment_run_time": env("PAYMENT_RUN_TIME", "90s"),
            "wait_seconds": env("WAIT_SECONDS", "0.5"), "load_average": {}}

    meta["load_average"]["before"] = load_average()
    wait(locust(a.txauth, COMMON, env("WARMUP_TIME", "30s"), os.path.join(a.out, "warmup-txauth"), common),
         locust(a.vanilla, COMMON, env("WARMUP_TIME", "30s"), os.path.join(a.out, "warmup-vanilla"), common))

    meta["load_average"]["mix start"] = load_average()
    wait(locust(a.txauth, COMMON, meta["run_time"], os.path.join(a.out, "mix-txauth"), common),
         locust(a.vanilla, COMMON, meta["run_time"], os.path.join(a.out, "mix-vanilla"), common))
    meta["load_average"]["mix end"] = load_average()
    meta["rss_after_mix"] = {"txauth": resident_bytes(a.txauth), "vanilla": resident_bytes(a.vanilla)}

    full = dict(common, PAYMENT_USERS=int(env("PAYMENT_USERS", "3")))
    meta["payment_users"] = full
    wait(locust(a.txauth, COMMON + ["PaymentUser"], meta["payment_run_time"],
                os.path.join(a.out, "payment-txauth"), full))
    meta["load_average"]["payment end"] = load_average()
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)


def smoke(a):
    """Every scenario once at least: proves the scenario code works against the server, not how fast it is."""
    one_each = {"LOGIN_USERS": 1, "REFRESH_USERS": 1, "CC_USERS": 1, "PAYMENT_USERS": 1}
    wait(locust(a.txauth, COMMON + ["PaymentUser"], env("SMOKE_TIME", "20s"), os.path.join(a.out, "smoke"),
                one_each))


if __name__ == "__main__":
    main()
