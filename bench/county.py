"""A county's offices levelled together: how long and how much memory (issue 20).

    bench/county.py [--offices 46] [--time-limit 60] [--folder DIR] [--as-of YYYY-MM-DD]

Writes a county of N offices (default 46, the largest county by municipalities: Innlandet's
46 after 2020, Viken's 51 before the 2024 split counted as more offices than any county has
now), every one a merger on the merger template with the whole handbook, all opening on
01.01.2028, every third office with its own capacity for one role (2 for nav-leder); and a county
file with the IT team taking 2 offices a week (9.3.2 and M4), closed in fellesferie (weeks
28-31 of 2027), and 4 county coordinators at once (2.2 and 4.1). Then it levels them with
``navplan.features.county_levelling.level_county`` and prints one JSON object: offices,
jobs, the status, the objective, wall and processor seconds, and the peak memory of the
process (its maximum resident set, from getrusage).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PLAN = """\
navplan: 1
office: NAV {name}
opening: 2028-01-01
template: merger
{capacity}"""

COUNTY = """\
county: Benkfylke
resources:
  - id: it-utrulling
    name: IT-utrulling
    capacity: 2
    unit: per uke
    periods:
      - {{from: 12.07.2027, to: 08.08.2027, capacity: 0}}
    activities: ["9.3.2", "M4"]
  - id: fylkeskoordinator
    name: Fylkets koordinatorer
    capacity: 4
    unit: samtidig
    activities: ["2.2", "4.1"]
"""


def write_county(folder: Path, offices: int) -> Path:
    for index in range(1, offices + 1):
        office = folder / f"kontor-{index:02d}"
        office.mkdir(parents=True, exist_ok=True)
        capacity = "capacity:\n  nav-leder: 2\n" if index % 3 == 0 else ""
        (office / "navplan.yaml").write_text(PLAN.format(name=f"Kontor {index:02d}", capacity=capacity),
                                             encoding="utf-8")
    (folder / "fylke.yaml").write_text(COUNTY.format(), encoding="utf-8")
    return folder / "fylke.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offices", type=int, default=46)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--as-of", default="2027-01-04")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="navplan-county-"))
    county_file = write_county(folder, args.offices)

    from navplan.features.county_levelling import level_county
    from navplan.features.portfolio import find_plans
    from navplan.plan.county_file import load_county

    wall, cpu = time.perf_counter(), time.process_time()
    county = load_county(county_file)
    result = level_county(county, find_plans([folder]), dt.date.fromisoformat(args.as_of),
                          time_limit=args.time_limit, propose=False, clock=time.perf_counter)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    errors = [office.error.render("en") for office in result.offices if office.error is not None]
    print(json.dumps({
        "offices": len(result.offices), "jobs": result.jobs, "status": result.status,
        "objective": list(result.objective), "bound": list(result.bound), "late": len(result.late),
        "time_limit": args.time_limit, "wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
        "peak_memory_mb": round(peak), "errors": errors[:3]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
