"""Check the schedules bench/rcpsp.py prints, independently of navplan.

    bench/rcpsp.py FILES... | bench/check_rcpsp.py [--best-known CSV] [--require-optimal] [--max-gap PCT]
    bench/check_rcpsp.py RESULTS.jsonl ...

Reads each JSON line, reads the instance file it names again with a parser of
its own (this file imports nothing of navplan's) and checks the schedule: one
start per job, no job before its project's release, every successor starting
no earlier than its predecessor finishes, at every time unit every resource
used within its capacity, and the makespan the finish of the last job. Then
compares the makespan with the best known (best-known.csv beside the
instances) and with a lower bound computed here (longest path from the
releases; each resource's work over its capacity). A makespan below the best
known of an instance whose optimum is proven (J30) is an error too.

Prints one line per instance with a problem, then a summary per set (valid,
at best known, mean and worst gap to best known, mean gap to the lower bound).
Exit 1 when a schedule is invalid or worse than the heuristic alone (the
``heuristic_makespan`` it reports), or with ``--require-optimal`` when one is
above best known, or with ``--max-gap`` when the mean gap exceeds it.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

DEFAULT_BEST_KNOWN = Path("/work/shared/benchmarks/rcpsp/best-known.csv")


def parse(path: Path) -> dict:
    """jobs: list of (duration, demands, successor indices, release), 0-based; capacities."""
    text = path.read_text()
    words = text.split()
    position = 0

    def take() -> str:
        nonlocal position
        position += 1
        return words[position - 1]

    jobs = []
    if ":" in text:  # MPLIB1: projects, resources, capacities, then each project
        projects, resources = int(take()), int(take())
        capacities = [int(take()) for _ in range(resources)]
        first_of = []
        pending = []
        for _ in range(projects):
            count, release = int(take()), int(take())
            position += resources  # the flags
            first_of.append(len(jobs))
            for _ in range(count):
                duration = int(take())
                demands = [int(take()) for _ in range(resources)]
                successors = [take() for _ in range(int(take()))]
                jobs.append([duration, demands, [], release])
                pending.append(successors)
        for job, successors in enumerate(pending):
            for text_pair in successors:
                project, index = (int(part) for part in text_pair.split(":"))
                jobs[job][2].append(first_of[project - 1] + index - 1)
    else:  # Patterson
        count, resources = int(take()), int(take())
        capacities = [int(take()) for _ in range(resources)]
        for _ in range(count):
            duration = int(take())
            demands = [int(take()) for _ in range(resources)]
            successors = [int(take()) - 1 for _ in range(int(take()))]
            jobs.append([duration, demands, successors, 0])
    if position != len(words):
        raise ValueError(f"{path}: {len(words) - position} numbers left over")
    return {"jobs": jobs, "capacities": capacities}


def problems(instance: dict, starts: list[int], makespan: int) -> list[str]:
    jobs, capacities = instance["jobs"], instance["capacities"]
    if len(starts) != len(jobs):
        return [f"{len(starts)} starts for {len(jobs)} jobs"]
    found = []
    for job, (duration, _demands, successors, release) in enumerate(jobs):
        if starts[job] < release:
            found.append(f"job {job + 1} starts at {starts[job]}, before its release {release}")
        for succ in successors:
            if starts[succ] < starts[job] + duration:
                found.append(f"job {succ + 1} starts at {starts[succ]}, before job {job + 1} finishes at "
                             f"{starts[job] + duration}")
    end = max(start + job[0] for start, job in zip(starts, jobs, strict=True))
    usage = [[0] * (end + 1) for _ in capacities]
    for start, (duration, demands, _successors, _release) in zip(starts, jobs, strict=True):
        for r, amount in enumerate(demands):
            if amount:
                for time in range(start, start + duration):
                    usage[r][time] += amount
    for r, capacity in enumerate(capacities):
        over = [time for time, used in enumerate(usage[r]) if used > capacity]
        if over:
            found.append(f"resource {r + 1} over its capacity {capacity} at {len(over)} times, first {over[0]} "
                         f"({usage[r][over[0]]})")
    if makespan != end:
        found.append(f"makespan {makespan}, but the last job finishes at {end}")
    return found


def lower_bound(instance: dict) -> int:
    jobs, capacities = instance["jobs"], instance["capacities"]
    earliest = [job[3] for job in jobs]
    # repeated relaxation: the networks are small and acyclic
    changed = True
    while changed:
        changed = False
        for job, (duration, _demands, successors, _release) in enumerate(jobs):
            for succ in successors:
                if earliest[succ] < earliest[job] + duration:
                    earliest[succ] = earliest[job] + duration
                    changed = True
    bound = max(e + job[0] for e, job in zip(earliest, jobs, strict=True))
    for r, capacity in enumerate(capacities):
        if capacity:
            bound = max(bound, math.ceil(sum(job[0] * job[1][r] for job in jobs) / capacity))
    return bound


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="*", type=Path, help="JSON lines files (default: stdin)")
    parser.add_argument("--best-known", type=Path, default=DEFAULT_BEST_KNOWN)
    parser.add_argument("--require-optimal", action="store_true", help="fail when a makespan is above best known")
    parser.add_argument("--max-gap", type=float, help="fail when the mean gap to best known exceeds this %%")
    arguments = parser.parse_args(argv)
    best = {}
    proven = set()
    with arguments.best_known.open(newline="") as handle:
        for row in csv.DictReader(handle):
            best[row["instance"]] = int(row["bks"])
            if row["category"] == "PSPLIB-J30":
                proven.add(row["instance"])
    lines = []
    for source in arguments.results or [None]:
        text = sys.stdin.read() if source is None else source.read_text()
        lines += [json.loads(line) for line in text.splitlines() if line.strip()]
    failed = False
    by_set: dict[str, list[dict]] = defaultdict(list)
    for result in lines:
        name = result["instance"]
        instance = parse(Path(result["file"]))
        found = problems(instance, result["starts"], result["makespan"])
        known = best.get(name)
        if known is not None and result["makespan"] < known and name in proven:
            found.append(f"makespan {result['makespan']} below the proven optimum {known}")
        if known is not None and arguments.require_optimal and result["makespan"] > known:
            found.append(f"makespan {result['makespan']} above the best known {known}")
        bound = lower_bound(instance)
        if result["makespan"] < bound:
            found.append(f"makespan {result['makespan']} below the lower bound {bound}")
        if found:
            failed = True
            print(f"{name}: " + "; ".join(found))
        by_set[name.rsplit("_", 1)[0]].append({
            "valid": not found or all("above the best known" in text for text in found),
            "makespan": result["makespan"], "best": known, "bound": bound,
            "heuristic": result.get("heuristic_makespan"), "optimal": result.get("optimal"),
            "seconds": result.get("seconds")})
    for name, rows in sorted(by_set.items()):
        with_best = [row for row in rows if row["best"]]
        gaps = [100 * (row["makespan"] - row["best"]) / row["best"] for row in with_best]
        bound_gaps = [100 * (row["makespan"] - row["bound"]) / row["bound"] for row in rows]
        heuristic_gaps = [100 * (row["heuristic"] - row["best"]) / row["best"] for row in with_best
                          if row["heuristic"] is not None]
        seconds = [row["seconds"] for row in rows if row["seconds"] is not None]
        print(f"{name}: {sum(row['valid'] for row in rows)} of {len(rows)} valid; "
              f"{sum(row['makespan'] == row['best'] for row in with_best)} at best known, "
              f"{sum(row['makespan'] < row['best'] for row in with_best)} below; "
              f"{sum(bool(row['optimal']) for row in rows)} proven optimal; "
              f"gap to best known mean {_mean(gaps):.2f} %, worst {max(gaps, default=0):.2f} %; "
              f"heuristic alone {_mean(heuristic_gaps):.2f} %; "
              f"gap to the lower bound mean {_mean(bound_gaps):.2f} %; "
              f"solver seconds mean {_mean(seconds):.1f}, max {max(seconds, default=0):.1f}")
        worse = [row for row in rows if row["heuristic"] is not None and row["makespan"] > row["heuristic"]]
        if worse:
            print(f"{name}: {len(worse)} schedules worse than the heuristic alone")
            failed = True
        if arguments.max_gap is not None and _mean(gaps) > arguments.max_gap:
            print(f"{name}: mean gap {_mean(gaps):.2f} % above {arguments.max_gap} %")
            failed = True
    return 1 if failed else 0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


if __name__ == "__main__":
    sys.exit(main())
