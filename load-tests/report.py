#!/usr/bin/python3
"""Writes report.md from drive.py's Locust CSVs (+ memory.json from the benchmark): per scenario throughput,
p50/p95/p99 and errors, txauth/vanilla ratios for the scenarios both servers have, payments on their own."""
import csv
import json
import os
import sys


def stats(path):
    rows = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            rows[(row["Type"], row["Name"])] = row
    return rows


def cell(row, key):
    return float(row[key]) if row and row.get(key) not in (None, "", "N/A") else float("nan")


def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"


def main(out):
    meta = json.load(open(os.path.join(out, "meta.json")))
    tx, va = stats(os.path.join(out, "mix-txauth_stats.csv")), stats(os.path.join(out, "mix-vanilla_stats.csv"))
    pay = stats(os.path.join(out, "payment-txauth_stats.csv"))
    lines = [f"# Load test {meta['started']}", "",
             f"Common mix on both servers at once for {meta['run_time']}: {meta['common_users']} Locust users, "
             f"think time ~{meta['wait_seconds']} s. Load average (1/5/15 min): {meta['load_average']}.", "",
             "| scenario | server | runs/s | p50 ms | p95 ms | p99 ms | errors | ratio runs/s | ratio p50 | ratio p99 |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name in ("login", "refresh", "client credentials"):
        t, v = tx.get(("SCENARIO", name)), va.get(("SCENARIO", name))
        for label, row in (("txauth", t), ("vanilla", v)):
            extra = ("| " + " | ".join([ratio(cell(t, "Requests/s"), cell(v, "Requests/s")),
                                        ratio(cell(t, "50%"), cell(v, "50%")),
                                        ratio(cell(t, "99%"), cell(v, "99%"))]) + " |") if label == "txauth" \
                else "| | | |"
            lines.append(f"| {name} | {label} | {cell(row, 'Requests/s'):.2f} | {cell(row, '50%'):.0f} | "
                         f"{cell(row, '95%'):.0f} | {cell(row, '99%'):.0f} | "
                         f"{int(cell(row, 'Failure Count')) if row else '-'}/{int(cell(row, 'Request Count')) if row else '-'} "
                         + extra)
    lines += ["", f"Full mix with payments on txauth alone for {meta['payment_run_time']}: {meta['payment_users']}.", "",
              "| scenario / step | runs/s | p50 ms | p95 ms | p99 ms | errors |", "|---|---|---|---|---|---|"]
    for (kind, name), row in sorted(pay.items(), key=lambda kv: (kv[0][0] != "SCENARIO", kv[0][1])):
        if name == "Aggregated" or not (kind == "SCENARIO" or name.startswith("payment")):
            continue
        lines.append(f"| {kind} {name} | {cell(row, 'Requests/s'):.2f} | {cell(row, '50%'):.0f} | "
                     f"{cell(row, '95%'):.0f} | {cell(row, '99%'):.0f} | "
                     f"{int(cell(row, 'Failure Count'))}/{int(cell(row, 'Request Count'))} |")
    memory_file = os.path.join(out, "memory.json")
    if os.path.exists(memory_file):
        m = json.load(open(memory_file))
        lines += ["", "| resident memory (RSS) | txauth | vanilla | ratio |", "|---|---|---|---|"]
        after_mix = meta.get("rss_after_mix") or {}
        if after_mix.get("txauth") and after_mix.get("vanilla"):
            m["txauth after the common mix (like for like)"] = after_mix["txauth"]
            m["vanilla after the common mix (like for like)"] = after_mix["vanilla"]
        for phase in ("idle", "after the common mix (like for like)", "after load"):
            if f"txauth {phase}" not in m:
                continue
            t, v = m[f"txauth {phase}"], m[f"vanilla {phase}"]
            label = "after the payment phase (txauth only ran it)" if phase == "after load" else phase
            lines.append(f"| {label} | {t / 2**20:.0f} MiB | {v / 2**20:.0f} MiB | {ratio(t, v)} |")
    failures = os.path.join(out, "mix-txauth_failures.csv")
    lines += ["", f"Failures by request: see {out}/*_failures.csv.", ""]
    text = "\n".join(lines)
    open(os.path.join(out, "report.md"), "w").write(text)
    print(text)


if __name__ == "__main__":
    main(sys.argv[1])
