"""Synthetic navplan plans for the benchmark, from a fixed seed.

Two kinds:

* ``write_portfolio(folder, n)``: n office plans (folders holding navplan.yaml),
  each the real handbook template ("new" or "merger", about 50 activities) plus
  random local activities and local changes (durations, owners, a pinned date),
  about 60 activities a plan: 1,000 plans hold about 60,000 activities.
* ``write_fs_network(folder, n)``: one plan of n local activities in a plain
  finish-to-start network with working-day durations (every handbook activity
  dropped), and the equivalent TaskJuggler project (.tjp) scheduling the same
  network backwards (``scheduling alap``) from the same opening date, with
  Norway's public holidays as leaves.

Run: .venv/bin/python bench/generate.py OUT --plans 1000   (or --network 5000)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

SEED = 20071  # the handbook's year and version, nothing more

#: A weekday clear of Norway's holidays on both sides; as-of dates lie before every plan's start.
NETWORK_OPENING = dt.date(2031, 3, 3)
NETWORK_LAYERS = 40


def _handbook():
    from navplan.plan.handbook_files import load_handbook, load_template

    book = load_handbook()
    return book, {name: load_template(name) for name in ("new", "merger")}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _working_monday(rng: random.Random, first_year: int, last_year: int) -> dt.date:
    day = dt.date(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28))
    day -= dt.timedelta(days=day.weekday())
    while (day.month, day.day) in ((1, 1), (5, 1), (5, 17), (12, 25), (12, 26)) or day.month in (4, 5, 6):
        day += dt.timedelta(days=7 * 5)  # steer clear of Easter and Whitsun too
    return day


def portfolio_plan(index: int, rng: random.Random, book, templates) -> tuple[str, int]:
    """One office's plan text and its number of activities."""
    template = "merger" if rng.random() < 0.4 else "new"
    activities = [*book.activities, *templates[template].activities]
    leaves = [a for a in activities if a.duration is not None]
    parent_of = {a.id: a.parent for a in leaves}
    opening = _working_monday(rng, 2027, 2031)
    start = opening - dt.timedelta(days=7 * rng.randint(52, 80))
    lines = [
        f"# Synthetic plan {index} for the navplan benchmark (bench/generate.py, seed {SEED}).",
        "navplan: 1",
        f"office: {_quote(f'NAV Bench {index:04d}')}",
        "municipalities:",
        f"  - {_quote(f'Kommune {index:04d}')}",
        f"opening: {opening.isoformat()}",
        f"start: {start.isoformat()}",
        f"template: {template}",
        'handbook: "2.0"',
        "calendar:",
        f"  fellesferie: {'true' if rng.random() < 0.8 else 'false'}",
        f"  christmas_closure: {'true' if rng.random() < 0.5 else 'false'}",
        "activities:",
    ]
    for changed in rng.sample(leaves, rng.randint(2, 6)):
        lines += [f"  - id: {_quote(changed.id)}", f"    duration: {rng.randint(1, 8)}w",
                  f"    owner: {_quote(f'Eier {rng.randint(1, 99)}')}"]
    local = rng.randint(6, 12)
    local_ids: list[str] = []
    for number in range(1, local + 1):
        activity_id = f"L{number}"
        # Under the predecessor's own summary, so no link can loop through a summary.
        predecessor = rng.choice([*[a.id for a in leaves], *local_ids])
        parent_of[activity_id] = parent_of[predecessor]
        lines += [f"  - id: {_quote(activity_id)}",
                  f"    title: {_quote(f'Lokal aktivitet {number}')}",
                  f"    parent: {_quote(parent_of[activity_id])}"]
        if rng.random() < 0.15:
            lines += ["    milestone: true"]
        else:
            lines += [f"    duration: {rng.randint(1, 30)}d"]
        lines += ["    after:", f"      - id: {_quote(predecessor)}"]
        local_ids.append(activity_id)
    return "\n".join(lines) + "\n", len(activities) + local


def write_portfolio(folder: Path, count: int, seed: int = SEED) -> int:
    """Write ``count`` plans under ``folder``; returns the number of activities."""
    rng = random.Random(seed)
    book, templates = _handbook()
    total = 0
    for index in range(1, count + 1):
        text, activities = portfolio_plan(index, rng, book, templates)
        target = folder / f"office-{index:04d}" / "navplan.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        total += activities
    return total


def fs_network(size: int, seed: int = SEED) -> list[tuple[str, int, list[str]]]:
    """``size`` tasks (id, working days, predecessors) in layers; each task after
    one or two tasks of the layer before."""
    rng = random.Random(seed + size)
    layers = min(NETWORK_LAYERS, size)
    tasks: list[tuple[str, int, list[str]]] = []
    previous: list[str] = []
    for layer in range(layers):
        width = size // layers + (1 if layer < size % layers else 0)
        current = []
        for _ in range(width):
            task_id = f"T{len(tasks) + 1}"
            predecessors = sorted(set(rng.sample(previous, min(len(previous), rng.randint(1, 2))))) if previous else []
            tasks.append((task_id, rng.randint(1, 10), predecessors))
            current.append(task_id)
        previous = current
    return tasks


def network_plan(tasks: list[tuple[str, int, list[str]]]) -> str:
    """The navplan plan of an FS network: every handbook activity dropped."""
    book, _ = _handbook()
    tops = [a.id for a in book.activities if a.parent is None and a.id != book.opening_id]
    lines = [
        f"# A plain finish-to-start network of {len(tasks)} tasks (bench/generate.py).",
        "navplan: 1",
        'office: "NAV Nettverk"',
        f"opening: {NETWORK_OPENING.isoformat()}",
        'handbook: "2.0"',
        "calendar:",
        "  fellesferie: false",
        "  christmas_closure: false",
        "drop: [" + ", ".join(_quote(t) for t in tops) + "]",
        "activities:",
    ]
    for task_id, days, predecessors in tasks:
        lines += [f"  - id: {_quote(task_id)}", f"    title: {_quote('Oppgave ' + task_id)}",
                  f"    duration: {days}d"]
        if predecessors:
            lines += ["    after:"] + [f"      - id: {_quote(p)}" for p in predecessors]
    return "\n".join(lines) + "\n"


def network_tjp(tasks: list[tuple[str, int, list[str]]], report: str = "dates") -> str:
    """The same network for TaskJuggler: scheduled as late as possible, every
    task before the opening milestone, Norway's public holidays as leaves; the
    CSV report ``report``.csv gives each task's (late) start and end."""
    import holidays as holiday_calendars

    # The longest path is at most 10 working days a layer; tj3 knows only the years 1970-2035.
    first = NETWORK_OPENING - dt.timedelta(days=int(NETWORK_LAYERS * 10 * 1.6) + 400)
    successors: dict[str, list[str]] = {task_id: [] for task_id, _, _ in tasks}
    for task_id, _, predecessors in tasks:
        for predecessor in predecessors:
            successors[predecessor].append(task_id)
    holidays = holiday_calendars.Norway(years=range(first.year, NETWORK_OPENING.year + 1), include_sundays=False,
                                        language="no")
    lines = [
        f'project bench "navplan bench {len(tasks)}" {first.isoformat()} - '
        f'{(NETWORK_OPENING + dt.timedelta(days=30)).isoformat()} {{',
        '  timezone "UTC"',
        "  timingresolution 60min",
        "}",
    ]
    lines += [f'leaves holiday "{name}" {day.isoformat()}' for day, name in sorted(holidays.items())]
    for task_id, days, _ in tasks:
        follows = [*successors[task_id], "opening"]
        lines += [f'task {task_id.lower()} "{task_id}" {{',
                  f"  length {days}d",
                  "  scheduling alap",
                  "  precedes " + ", ".join(s.lower() for s in follows),
                  "}"]
    lines += ['task opening "Opening" {', "  milestone", f"  end {NETWORK_OPENING.isoformat()}", "}"]
    lines += [f'taskreport "{report}" {{', "  formats csv", "  columns name, start, end",
              '  timeformat "%Y-%m-%d %H:%M"', "}"]
    return "\n".join(lines) + "\n"


def write_fs_network(folder: Path, size: int) -> tuple[Path, Path, list[tuple[str, int, list[str]]]]:
    """Write navplan.yaml and network.tjp for an FS network of ``size`` tasks."""
    tasks = fs_network(size)
    folder.mkdir(parents=True, exist_ok=True)
    plan, tjp = folder / "navplan.yaml", folder / "network.tjp"
    plan.write_text(network_plan(tasks), encoding="utf-8")
    tjp.write_text(network_tjp(tasks), encoding="utf-8")
    return plan, tjp, tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plans", type=int, default=0, help="write this many office plans")
    parser.add_argument("--network", type=int, default=0, help="write one FS network of this many tasks")
    arguments = parser.parse_args()
    if arguments.plans:
        total = write_portfolio(arguments.out, arguments.plans)
        print(f"{arguments.plans} plans, {total} activities in {arguments.out}")
    if arguments.network:
        plan, tjp, _ = write_fs_network(arguments.out, arguments.network)
        print(f"{plan} and {tjp}")


if __name__ == "__main__":
    main()
