"""Cold-start time of navplan commands, each in a fresh Python process.

Run: make bench   (or .venv/bin/python bench/cold_start.py [--runs N])
Prints a Markdown table; the README quotes its figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "examples" / "indre-ostfold" / "navplan.yaml"
COMMANDS = {
    "navplan --help": ["--help"],
    "navplan validate (Indre Østfold)": ["validate", str(PLAN)],
    "navplan critical-path (Indre Østfold)": ["critical-path", str(PLAN), "--as-of", "10.12.2018"],
    "navplan calendar --by month (Indre Østfold)": ["calendar", str(PLAN), "--as-of", "10.12.2018", "--by", "month"],
}


def navplan_command() -> list[str]:
    installed = Path(sys.executable).parent / "navplan"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "navplan"]


def time_once(argv: list[str]) -> float:
    environment = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    base = navplan_command()
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"{runs} runs each, after one warm-up run (disk cache warm, fresh interpreter each run)\n")
    print("| command | median | min |")
    print("| --- | ---: | ---: |")
    for label, args in COMMANDS.items():
        time_once(base + args)
        timings = [time_once(base + args) for _ in range(runs)]
        print(f"| `{label}` | {statistics.median(timings) * 1000:.0f} ms | {min(timings) * 1000:.0f} ms |")
    if shutil.which("python3"):
        baseline = [time_once([sys.executable, "-c", "pass"]) for _ in range(runs)]
        print(f"| `python -c pass` (interpreter alone) | {statistics.median(baseline) * 1000:.0f} ms | "
              f"{min(baseline) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
