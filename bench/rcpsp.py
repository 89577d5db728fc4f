"""Schedule public RCPSP benchmark instances through navplan's levelling code.

    bench/rcpsp.py FILE... [--time-limit S] [--workers N] [--heuristic-only] [--log]

Reads PSPLIB single-project files (Patterson format: J30, J120) and MPLIB1
multi-project portfolio files (their format is told apart by the ``project:job``
successors), builds one :class:`navplan.engine.levelling.LevellingProblem` per
file (finish-to-start links, one renewable resource per column, the makespan as
the objective; a portfolio's projects become one network, each project's jobs
released at its release date) and levels it with
:func:`navplan.engine.levelling.level`. Prints one JSON object a line:

    {"instance": "J30_1.txt", "makespan": 43, "starts": [0, 0, ...], "optimal": true, ...}

``starts`` lists every job's start in the file's order (for a portfolio,
project by project), the dummy start and end jobs included. More fields:
``file``, ``status``, ``bound`` (the solver's proven lower bound on the
makespan), ``heuristic_makespan`` and ``heuristic_rule`` (the heuristic alone),
``lower_bound`` (critical path with release dates, and each resource's work
divided by its capacity, computed here), ``seconds`` (the solver's wall time)
and ``wall_seconds`` (the whole instance: reading, the heuristic, the model, the solver).
The solver runs with its workers racing and the clock as its limit
(``deterministic=False``): the fastest way to good schedules, and what the
published figures measure.
Validate the output with bench/check_rcpsp.py, which shares no code with this.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from navplan.engine.levelling import LevellingProblem, Link, Resource, level


@dataclass
class Instance:
    name: str
    durations: list[int]
    demands: list[list[int]]  # per resource, per job
    capacities: list[int]
    successors: list[list[int]]  # 0-based job indices
    release: list[int]

    def problem(self) -> LevellingProblem:
        return LevellingProblem(
            durations=self.durations,
            links=[Link(job, succ) for job, followers in enumerate(self.successors) for succ in followers],
            resources=[Resource(f"R{r + 1}", demands=self.demands[r], capacity=self.capacities[r])
                       for r in range(len(self.capacities))],
            release=self.release, objective=["makespan"])

    def lower_bound(self) -> int:
        """The longest path (from each job's release) and each resource's work over its capacity."""
        earliest = list(self.release)
        for job in _order(self.successors):
            for succ in self.successors[job]:
                earliest[succ] = max(earliest[succ], earliest[job] + self.durations[job])
        path = max(e + d for e, d in zip(earliest, self.durations, strict=True))
        work = [math.ceil(sum(d * q for d, q in zip(self.durations, demands, strict=True)) / capacity)
                for demands, capacity in zip(self.demands, self.capacities, strict=True) if capacity]
        return max([path] + work)


def _order(successors: list[list[int]]) -> list[int]:
    indegree = [0] * len(successors)
    for followers in successors:
        for succ in followers:
            indegree[succ] += 1
    ready = [job for job, count in enumerate(indegree) if count == 0]
    order = []
    while ready:
        job = ready.pop()
        order.append(job)
        for succ in successors[job]:
            indegree[succ] -= 1
            if indegree[succ] == 0:
                ready.append(succ)
    return order


def read_patterson(path: Path) -> Instance:
    """PSPLIB's Patterson format: jobs and resources; capacities; per job its duration, demands,
    number of successors and the successors (1-based)."""
    numbers = iter(int(token) for token in path.read_text().split())
    jobs, resources = next(numbers), next(numbers)
    capacities = [next(numbers) for _ in range(resources)]
    durations, demands, successors = [], [[] for _ in range(resources)], []
    for _job in range(jobs):
        durations.append(next(numbers))
        for r in range(resources):
            demands[r].append(next(numbers))
        successors.append([next(numbers) - 1 for _ in range(next(numbers))])
    if next(numbers, None) is not None:
        raise ValueError(f"{path}: more numbers than {jobs} jobs hold")
    return Instance(path.name, durations, demands, capacities, successors, [0] * jobs)


def read_mplib(path: Path) -> Instance:
    """An MPLIB1 portfolio: projects and shared resources; capacities; per project its job count
    and release date, one flag per resource, then its jobs (duration, demands, number of
    successors, successors as ``project:job``). The projects' jobs are numbered one after another."""
    tokens = iter(path.read_text().split())
    projects, resources = int(next(tokens)), int(next(tokens))
    capacities = [int(next(tokens)) for _ in range(resources)]
    durations, demands, successors, release, offsets = [], [[] for _ in range(resources)], [], [], []
    raw: list[list[tuple[int, int]]] = []
    for _project in range(projects):
        jobs, released = int(next(tokens)), int(next(tokens))
        for _r in range(resources):
            next(tokens)  # the project's flag per resource
        offsets.append(len(durations))
        for _job in range(jobs):
            durations.append(int(next(tokens)))
            for r in range(resources):
                demands[r].append(int(next(tokens)))
            raw.append([tuple(int(part) for part in next(tokens).split(":")) for _ in range(int(next(tokens)))])
            release.append(released)
    if next(tokens, None) is not None:
        raise ValueError(f"{path}: more numbers than {projects} projects hold")
    successors = [[offsets[project - 1] + job - 1 for project, job in followers] for followers in raw]
    return Instance(path.name, durations, demands, capacities, successors, release)


def read(path: Path) -> Instance:
    return read_mplib(path) if ":" in path.read_text() else read_patterson(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--time-limit", type=float, default=10.0, help="solver seconds per instance")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--heuristic-only", action="store_true", help="no solver (time limit 0)")
    parser.add_argument("--log", action="store_true", help="the solver's search log on stderr")
    arguments = parser.parse_args(argv)
    if not arguments.heuristic_only:
        import navplan.engine.levelling_cpsat  # noqa: F401  (ortools' import once, not in the first instance's time)
    for path in arguments.files:
        started = time.perf_counter()
        instance = read(path)
        result = level(instance.problem(), time_limit=0 if arguments.heuristic_only else arguments.time_limit,
                       workers=arguments.workers, deterministic=False, log=(lambda line: print(line, file=sys.stderr))
                       if arguments.log else None)
        print(json.dumps({
            "instance": instance.name, "makespan": result.objective[0], "starts": list(result.starts),
            "optimal": result.status == "optimal", "file": str(path), "status": result.status,
            "bound": result.bound[0], "lower_bound": instance.lower_bound(),
            "heuristic_makespan": result.heuristic_objective[0], "heuristic_rule": result.heuristic_rule,
            "seconds": round(result.solver_seconds, 2),
            "wall_seconds": round(time.perf_counter() - started, 2)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
