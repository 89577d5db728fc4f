"""navplan's benchmark, in one run: cold start, the start-up budget import by
import, scaling over 100 and 1,000 generated plans (in-process and through
`navplan portfolio`), the portfolio workbook, peak memory, and TaskJuggler
(tj3) side by side on the same networks, with a check that both tools give the
same latest dates.

navplan's own modules are compiled to bytecode first, as any installation has
them (a PYTHONDONTWRITEBYTECODE=1 environment would otherwise compile every
module on every run), and the children run without that variable. The cache
files (holidays, handbook, each plan's network order) are those of a run
before: the "first run" row shows a start with none.

Run: make bench   (or .venv/bin/python bench/run.py [--runs N] [--quick])
Prints Markdown; the README's Speed section quotes it. Speed is never asserted
by the test suite. Takes a few minutes, most of it TaskJuggler at 5,000 tasks.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "indre-ostfold" / "navplan.yaml"
EXAMPLE_AS_OF = "10.12.2018"
AS_OF = "01.01.2025"  # before every generated plan's start
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENVIRONMENT.update(NO_COLOR="1", COLUMNS="100")
#: The issue's targets.
TARGET_EXAMPLE_RATIO, AIM_EXAMPLE_RATIO = 1.3, 1.5
TARGET_PORTFOLIO_SECONDS, TARGET_WORKBOOK_SECONDS, TARGET_MEMORY_MIB = 5.0, 15.0, 1024


def navplan() -> list[str]:
    installed = Path(sys.executable).parent / "navplan"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "navplan"]


def run_child(argv: list[str], stdout=subprocess.DEVNULL, cwd: Path | None = None,
              environment: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KiB, ru_maxrss: the largest of the
    process and its worker processes) of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL, env=environment or ENVIRONMENT,
                               cwd=cwd)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(argv)}")
    CPU_SECONDS.setdefault(tuple(argv), []).append(usage.ru_utime + usage.ru_stime)
    return elapsed, usage.ru_maxrss


#: Processor time (user + system) of each run, by command: on a busy machine a process
#: waits for a core, which its wall time counts and its processor time does not.
CPU_SECONDS: dict[tuple[str, ...], list[float]] = {}


def paired(first: list[str], second: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall times of two commands run in turn, so that a busy moment slows both alike."""
    run_child(first), run_child(second)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(run_child(first)[0])
        times[1].append(run_child(second)[0])
    return times


def timed(argv: list[str], runs: int, **kwargs) -> tuple[float, float, int]:
    """Median and minimum wall time over ``runs`` fresh processes after one warm-up; peak memory."""
    run_child(argv, **kwargs)
    results = [run_child(argv, **kwargs) for _ in range(runs)]
    times = [seconds for seconds, _ in results]
    return statistics.median(times), min(times), max(memory for _, memory in results)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def in_process(plans: list[Path], as_of: dt.date) -> float:
    """Load and schedule every plan in this process (handbook cached as in a portfolio run)."""
    from navplan.engine.schedule import schedule
    from navplan.plan.project import load_project

    started = time.perf_counter()
    for plan in plans:
        schedule(load_project(plan), as_of)
    return time.perf_counter() - started


def cold_start(runs: int, work: Path) -> None:
    print("### Cold start (fresh process each run)\n")
    print("| command | median | min | processor time, min | peak memory |")
    print("| --- | ---: | ---: | ---: | ---: |")
    critical_path = [*navplan(), "critical-path", str(EXAMPLE), "--as-of", EXAMPLE_AS_OF]
    rows = {
        "navplan --help": ([*navplan(), "--help"], None),
        "navplan validate (Indre Østfold)": ([*navplan(), "validate", str(EXAMPLE)], None),
        "navplan critical-path (Indre Østfold)": (critical_path, None),
        "navplan critical-path, first run (no cache files)": (critical_path, dict(ENVIRONMENT, NAVPLAN_CACHE_DIR="")),
        "python -c pass (the interpreter alone)": ([sys.executable, "-c", "pass"], None),
    }
    for label, (argv, environment) in rows.items():
        CPU_SECONDS.pop(tuple(argv), None)
        median, minimum, memory = timed(argv, runs, environment=environment)
        print(f"| `{label}` | {ms(median)} | {ms(minimum)} | {ms(min(CPU_SECONDS[tuple(argv)]))} | {mib(memory)} |")
    print()


#: Top-level imports of `critical-path`, grouped as the README's budget names them.
BUDGET_GROUPS = [
    ("networkx (the engine's graph; not loaded when the plan's order is in the cache)", ("networkx",)),
    ("Typer and its click, with pydantic underneath (the CLI)", ("typer", "navplan.cli.app", "click")),
    ("navplan's models, plan reading and engine: pydantic models, PyYAML", ("navplan.engine", "navplan.plan",
                                                                          "navplan.features", "yaml")),
    ("rich (the table)", ("rich", "navplan.render")),
    ("importlib.metadata (pydantic's and networkx's entry points)", ("pydantic.plugin", "importlib.metadata")),
    ("site and the editable install's finder", ("site",)),
    ("platformdirs (the cache folder)", ("platformdirs",)),
]


def start_up_budget(runs: int) -> None:
    """`python -X importtime` of `critical-path`: each top-level import's cumulative
    time (the fastest of ``runs``), in groups; the rest of the run is work."""
    print("### Start-up budget of `navplan critical-path` (Indre Østfold), import by import\n")
    argv = [sys.executable, "-X", "importtime", "-m", "navplan", "critical-path", str(EXAMPLE), "--as-of",
            EXAMPLE_AS_OF]
    best: dict[str, int] = {}
    totals, outside_imports = [], []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, env=ENVIRONMENT, cwd=REPO)
        totals.append(time.perf_counter() - started)
        imported = 0
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            _self, cumulative, name = line[len("import time:"):].split("|")
            if name.startswith(" ") and not name.startswith("  "):  # a top-level import
                best[name.strip()] = min(best.get(name.strip(), 10**9), int(cumulative))
                imported += int(cumulative)
        outside_imports.append(totals[-1] - imported / 1e6)
    interpreter = timed([sys.executable, "-c", "pass"], runs)[1]
    print(f"| part | ms (fastest of {runs}) |")
    print("| --- | ---: |")
    print(f"| the interpreter (`python -c pass`) | {interpreter * 1000:.0f} |")
    counted = 0
    for label, prefixes in BUDGET_GROUPS:
        micro = sum(t for name, t in best.items() if name.startswith(prefixes))
        counted += micro
        print(f"| {label} | {micro / 1000:.0f} |")
    rest = sum(best.values()) - counted
    print(f"| other imports ({len(best)} top-level imports in all) | {rest / 1000:.0f} |")
    work = min(outside_imports) - interpreter  # in the same run: the time outside imports, less the interpreter's
    print(f"| the work: read the handbook (cached) and the plan, schedule, render, print | {work * 1000:.0f} |")
    print(f"| **total**, the fastest run (under -X importtime, which adds a little; the rows above are each "
          f"the fastest of their own) | **{min(totals) * 1000:.0f}** |")
    print()


def scaling(work: Path, runs: int) -> None:
    print("### 100 and 1,000 generated plans\n")
    folders = {}
    for count in (100, 1000):
        folder = work / f"plans-{count}"
        activities = generate.write_portfolio(folder, count)
        folders[count] = (folder, activities)
    as_of = dt.date(2025, 1, 1)
    rows = [(count, activities) for count, (_folder, activities) in folders.items()]
    lists = {count: sorted(folder.glob("*/navplan.yaml")) for count, (folder, _a) in folders.items()}
    in_process(lists[100][:20], as_of)  # warm: handbook, templates, code paths
    samples: dict[str, dict[int, list[float]]] = {"in-process": {100: [], 1000: []}, "portfolio": {100: [], 1000: []}}
    memory: dict[int, int] = {100: 0, 1000: 0}
    # Alternate the two sizes so that a busy moment on a shared machine hits both alike;
    # each figure is the fastest of its rounds.
    for _round in range(max(3, runs // 3)):
        for count, (folder, _activities) in folders.items():
            samples["in-process"][count].append(in_process(lists[count], as_of))
            seconds, peak = run_child([*navplan(), "portfolio", str(folder), "--as-of", AS_OF, "-f", "csv",
                                       "--samples", "0"])
            samples["portfolio"][count].append(seconds)
            memory[count] = max(memory[count], peak)
    timings = {kind: {count: min(values) for count, values in by_count.items()} for kind, by_count in samples.items()}
    print("Fastest of alternating rounds. The portfolio schedules every plan (`--samples 0`: the targets "
          "were set before it also sampled each office's probability of opening on time; that is measured "
          "below).\n")
    print("| plans (activities) | load + schedule, in-process | per plan | `navplan portfolio -f csv`, cold "
          "| peak memory |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for count, activities in rows:
        inside = timings["in-process"][count]
        print(f"| {count:,} ({activities:,}) | {ms(inside)} | {inside / count * 1000:.1f} ms | "
              f"{ms(timings['portfolio'][count])} | {mib(memory[count])} |")
    for kind, label in (("in-process", "in-process"), ("portfolio", "`navplan portfolio`")):
        ratio = timings[kind][1000] / timings[kind][100]
        print(f"\nt(1,000) / t(100), {label}: **{ratio:.1f}** (target ≤ 11: {'met' if ratio <= 11 else 'NOT met'})")
    workbook = work / "portfolio.xlsx"
    argv = [*navplan(), "portfolio", str(folders[1000][0]), "--as-of", AS_OF, "--format", "xlsx", "-o", str(workbook),
            "--force", "--samples", "0"]
    median, _minimum, peak = timed(argv, max(1, runs // 5))
    print(f"\n`navplan portfolio` of 1,000 plans `--format xlsx -o`: **{ms(median)}**, peak memory {mib(peak)}, "
          f"workbook {workbook.stat().st_size / 1024:,.0f} KiB\n")
    portfolio_1000 = timings["portfolio"][1000]
    memory_mib = max(memory[1000], peak) / 1024
    portfolio_cpu = min(CPU_SECONDS[(*navplan(), "portfolio", str(folders[1000][0]), "--as-of", AS_OF, "-f", "csv",
                                     "--samples", "0")])
    sampled = [*navplan(), "portfolio", str(folders[1000][0]), "--as-of", AS_OF, "-f", "csv", "--samples", "2000"]
    sampled_median, _minimum, sampled_peak = timed(sampled, max(1, runs // 5))
    print(f"With each office's probability of opening on time (2,000 samples a plan; the default is 10,000), "
          f"`navplan portfolio -f csv` of 1,000 plans: **{ms(sampled_median)}**, processor time "
          f"{ms(min(CPU_SECONDS[tuple(sampled)]))}, peak memory {mib(sampled_peak)}.\n")
    workbook_cpu = min(CPU_SECONDS[tuple(argv)])
    print(f"Processor time (user + system, the process and its workers; the least of the runs): `navplan "
          f"portfolio` of 1,000 plans {ms(portfolio_cpu)}, as a workbook {ms(workbook_cpu)}; on {os.cpu_count()} "
          f"otherwise idle cores the CSV would take about {ms(portfolio_cpu / (os.cpu_count() or 1))} "
          f"at best.\n")
    print(f"- `navplan portfolio` of 1,000 plans: {ms(portfolio_1000)} (target ≤ {TARGET_PORTFOLIO_SECONDS:.0f} s: "
          f"{'met' if portfolio_1000 <= TARGET_PORTFOLIO_SECONDS else 'NOT met'}); as a workbook {ms(median)} "
          f"(target ≤ {TARGET_WORKBOOK_SECONDS:.0f} s: {'met' if median <= TARGET_WORKBOOK_SECONDS else 'NOT met'}); "
          f"peak memory of one process {memory_mib:,.0f} MiB, at most three processes (target ≤ 1 GiB: "
          f"{'met' if 3 * memory_mib <= TARGET_MEMORY_MIB else 'NOT met'})\n")


def navplan_latest(csv_text: str) -> dict[str, tuple[dt.date, dt.date]]:
    rows = csv.DictReader(csv_text.splitlines())
    return {row["id"]: (dt.date.fromisoformat(row["latest_start"]), dt.date.fromisoformat(row["latest_finish"]))
            for row in rows if row["id"].startswith("T")}


def tj3_latest(report: Path, opening: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    """Each task's start and last working day from tj3's CSV. tj3 gives the end
    as a moment: an ALAP task ends at its successor's start (09:00 of the next
    working day), so the last day of work is the working day before it."""
    from navplan.engine.working_days import WorkCalendar

    found = {}
    calendar = None
    with report.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    starts = [dt.date.fromisoformat(row["Start"][:10]) for row in rows]
    calendar = WorkCalendar(min(starts) - dt.timedelta(days=30), opening + dt.timedelta(days=30))
    for row in rows:
        if not row["Name"].startswith("T"):
            continue
        start = dt.date.fromisoformat(row["Start"][:10])
        end_day, end_time = dt.date.fromisoformat(row["End"][:10]), row["End"][11:]
        last = (end_day if end_time > "09:00"
                else calendar.date_of(calendar.index_on_or_before(end_day - dt.timedelta(days=1))))
        found[row["Name"]] = (start, last)
    return found


def taskjuggler(work: Path, runs: int, sizes: list[int]) -> None:
    tj3 = shutil.which("tj3")
    print("### navplan and TaskJuggler on the same networks (cold, fresh process each run)\n")
    if tj3 is None:
        print("tj3 is not installed (Debian package `tj3`): comparison left out.\n")
        return
    version = subprocess.run([tj3, "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    print(f"TaskJuggler: {version[-1] if version else 'tj3'}; networks: plain finish-to-start, working-day "
          f"durations, {generate.NETWORK_LAYERS} layers, scheduled back from the opening "
          f"{generate.NETWORK_OPENING:%d.%m.%Y} with Norway's public holidays.\n")
    print("Each tool writes the tasks' dates as CSV (`navplan critical-path -f csv`, tj3's `taskreport`); "
          "times are the median (and minimum) of fresh processes; the ratio is of the medians (of the minimums).\n")
    print("| tasks | `navplan critical-path` | `tj3` | tj3 / navplan | navplan memory | tj3 memory "
          "| latest dates equal |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    ratios = {}
    for size in sizes:
        folder = work / f"network-{size}"
        plan, tjp, tasks = generate.write_fs_network(folder, size)
        repeat = runs if size <= 100 else (5 if size <= 1000 else 2)
        nav_argv = [*navplan(), "critical-path", str(plan), "--as-of", AS_OF, "-f", "csv"]
        nav_median, nav_min, nav_memory = timed(nav_argv, repeat)
        tj_argv = [tj3, "--silent", "--no-color", "-o", str(folder), str(tjp)]
        tj_median, tj_min, tj_memory = timed(tj_argv, repeat)
        ours = navplan_latest(subprocess.run(nav_argv, capture_output=True, text=True, env=ENVIRONMENT).stdout)
        theirs = tj3_latest(folder / "dates.csv", generate.NETWORK_OPENING)
        agree = sum(1 for task_id, _, _ in tasks if ours.get(task_id) == theirs.get(task_id) is not None)
        disagree = [t for t, _, _ in tasks if ours.get(t) != theirs.get(t)][:3]
        ratios[size] = tj_median / nav_median
        note = "" if not disagree else " (first differing: " + ", ".join(
            f"{t} navplan {ours.get(t)} tj3 {theirs.get(t)}" for t in disagree) + ")"
        print(f"| {size:,} | {ms(nav_median)} ({ms(nav_min)}) | {ms(tj_median)} ({ms(tj_min)}) | "
              f"**{ratios[size]:.1f}×** ({tj_min / nav_min:.1f}×) | {mib(nav_memory)} | "
              f"{mib(tj_memory)} | {agree:,} of {len(tasks):,}{note} |")
    smallest = min(sizes)
    example_argv = [*navplan(), "critical-path", str(EXAMPLE), "--as-of", EXAMPLE_AS_OF]
    tj_small_argv = [tj3, "--silent", "--no-color", "-o", str(work / f"network-{smallest}"),
                     str(work / f"network-{smallest}" / "network.tjp")]
    CPU_SECONDS.pop(tuple(example_argv), None), CPU_SECONDS.pop(tuple(tj_small_argv), None)
    ours_times, theirs_times = paired(example_argv, tj_small_argv, runs)
    example_median, example_min = statistics.median(ours_times), min(ours_times)
    tj_small, tj_small_min = statistics.median(theirs_times), min(theirs_times)
    example_ratio = tj_small / example_median
    cpu_ours, cpu_theirs = min(CPU_SECONDS[tuple(example_argv)]), min(CPU_SECONDS[tuple(tj_small_argv)])
    print(f"\n`navplan critical-path` on the Indre Østfold example (49 activities, its real handbook network, "
          f"table output) and tj3 on the {smallest}-task network, run in turn {runs} times: navplan "
          f"{ms(example_median)} ({ms(example_min)}), tj3 {ms(tj_small)} ({ms(tj_small_min)}); ratio "
          f"**{example_ratio:.2f}×** ({tj_small_min / example_min:.2f}×): target ≥ {TARGET_EXAMPLE_RATIO}× "
          f"{'met' if example_ratio >= TARGET_EXAMPLE_RATIO else 'NOT met'}, aim {AIM_EXAMPLE_RATIO}× "
          f"{'reached' if example_ratio >= AIM_EXAMPLE_RATIO else 'not reached'}. Processor time (user + system, "
          f"the least of the runs): navplan {ms(cpu_ours)}, tj3 {ms(cpu_theirs)}, ratio "
          f"**{cpu_theirs / cpu_ours:.2f}×**.\n")
    if 1000 in ratios:  # the target of an earlier round, kept for comparison
        print(f"- 1,000 tasks: tj3 / navplan = {ratios[1000]:.1f}× (earlier target ≥ 10×: "
              f"{'met' if ratios[1000] >= 10 else 'NOT met'})\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="fresh processes per cold-start figure")
    parser.add_argument("--quick", action="store_true", help="TaskJuggler at 50 and 1,000 tasks only")
    parser.add_argument("--keep", type=Path, help="write the generated plans here and keep them")
    parser.add_argument("--only", choices=["cold", "budget", "scaling", "tj3"], action="append",
                        help="run only these parts (repeatable)")
    arguments = parser.parse_args()
    # Bytecode for navplan's modules, as an installation has it.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "navplan")], check=True, env=ENVIRONMENT)
    parts = set(arguments.only or ["cold", "budget", "scaling", "tj3"])
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, {cpu}, "
          f"{os.cpu_count()} cores; `{' '.join(['bench/run.py', *sys.argv[1:]])}`, {dt.date.today():%d.%m.%Y}; "
          f"load average at the start {os.getloadavg()[0]:.1f} (a shared machine: other work slows every figure)\n")
    sizes = [50, 1000] if arguments.quick else [50, 1000, 5000]
    with tempfile.TemporaryDirectory(prefix="navplan-bench-") as temporary:
        work = arguments.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        subprocess.run([*navplan(), "critical-path", str(EXAMPLE), "--as-of", EXAMPLE_AS_OF], env=ENVIRONMENT,
                       stdout=subprocess.DEVNULL, check=True)  # the cache files, as after a first run
        if "cold" in parts:
            cold_start(arguments.runs, work)
        if "budget" in parts:
            start_up_budget(arguments.runs)
        if "scaling" in parts:
            scaling(work, arguments.runs)
        if "tj3" in parts:
            taskjuggler(work, arguments.runs, sizes)


if __name__ == "__main__":
    main()
