"""`make bench` and `make bench-quick`: build (or reuse) datasets and measure the nine journeys.

    .venv/bin/python bench/run.py            # 10,000 and 1,000,000 zaken
    .venv/bin/python bench/run.py --quick    # 10,000 zaken only (regression check, < 3 minutes)

Each size has its own PostgreSQL database (`zs_bench_<size>` on BENCH_DATABASE_URL's server,
default postgres://postgres@127.0.0.1:5432); a database that already holds the dataset is reused.
Prints a table and writes JSON to bench/results/ (latest.json and a timestamped copy).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def database_url(size: int) -> str:
    return f"{SERVER}/zs_bench_{size}"


def ensure_database(size: int) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [f"zs_bench_{size}"]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "zs_bench_{size}"')


def python(script: str, size: int, *args: str) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(size),
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args], env=env, check=True, cwd=ROOT
    )


def table(runs: list[dict]) -> str:
    sizes = [r["size"] for r in runs]
    header = f"{'#':>2}  {'journey':<38}" + "".join(
        f"{'p50 ' + fmt(s):>12}{'p95':>9}{'q':>4}" for s in sizes
    )
    header += f"{'target p95':>12}"
    if len(runs) == 2:
        header += f"{'p50 ratio':>11}"
    lines = [header, "-" * len(header)]
    by_journey: dict[int, list[dict]] = {}
    for run in runs:
        for r in run["results"]:
            by_journey.setdefault(r["journey"], []).append(r)
    for journey, rows in sorted(by_journey.items()):
        line = f"{journey:>2}  {rows[0]['name']:<38}"
        for r in rows:
            line += f"{r['p50_ms']:>12.1f}{r['p95_ms']:>9.1f}{r['queries']:>4}"
        line += f"{rows[0]['target_p95_ms']:>12}"
        if len(rows) == 2:
            line += f"{rows[1]['p50_ms'] / max(rows[0]['p50_ms'], 0.01):>11.2f}"
        lines.append(line)
    return "\n".join(lines)


def fmt(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="only the small dataset")
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args(argv)
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    runs = []
    for size in sizes:
        ensure_database(size)
        t = time.monotonic()
        python("generate.py", size, "--zaken", str(size))
        print(f"dataset {fmt(size)}: ready after {time.monotonic() - t:.0f} s", flush=True)
        out = RESULTS / f"run-{size}.json"
        python("measure.py", size, "--out", str(out), "--repeat", str(args.repeat))
        runs.append(json.loads(out.read_text()))
    report = table(runs)
    print()
    print(report)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    payload = {
        "runs": runs,
        "table": report,
        "machine": os.uname().nodename,
        "cpus": os.cpu_count(),
    }
    for name in ("latest.json", f"bench-{stamp}.json"):
        (RESULTS / name).write_text(json.dumps(payload, indent=2))
    print(f"\nJSON: {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
