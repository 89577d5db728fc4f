"""Property tests of the CPM engine over random acyclic networks.

Activities a0..a{n-1} are laid out in outline order (a summary's children
follow it contiguously); links only go from a lower to a higher index and
never between an activity and its own descendant, so every network is
acyclic. Durations 0-15d, some in weeks, a few in months; FS/SS/FF links with
0-5 working days of lag.
"""

import datetime as dt

from hypothesis import HealthCheck, event, given, settings, strategies as st

from cpm_builders import milestone, project, summary, task
from navplan.engine.schedule import schedule

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def networks(draw, *, summaries=True, months=True, types=("FS", "SS", "FF")):
    n = draw(st.integers(1, 25))
    parent: list[int | None] = [None] * n
    is_summary = [False] * n
    stack: list[int] = []
    for i in range(n):
        if stack:
            del stack[len(stack) - draw(st.integers(0, len(stack))):]
        parent[i] = stack[-1] if stack else None
        if summaries and i < n - 1 and draw(st.integers(0, 4)) == 0:
            is_summary[i] = True
            stack.append(i)
    ancestors = []
    for i in range(n):
        chain, p = set(), parent[i]
        while p is not None:
            chain.add(p)
            p = parent[p]
        ancestors.append(chain)
    has_child = {p for p in parent if p is not None}
    durations: list[str | None] = []
    for i in range(n):
        is_summary[i] = is_summary[i] and i in has_child
        roll = draw(st.integers(0, 19))
        if is_summary[i] or roll == 0:
            durations.append(None)  # a summary, or a milestone
        elif months and roll == 1:
            durations.append(f"{draw(st.integers(1, 3))}m")
        elif roll <= 4:
            durations.append(f"{draw(st.integers(1, 3))}w")
        else:
            durations.append(f"{draw(st.integers(0, 15))}d")
    raw = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(types),
                                  st.integers(0, 5)), max_size=2 * n))
    links: dict[tuple[int, int], tuple[str, int]] = {}
    for i, j, kind, lag in raw:
        if i < j and i not in ancestors[j]:
            links.setdefault((i, j), (kind, lag))
    spec = []  # (id, kind, duration, parent, after): compact in a falsifying example
    for j in range(n):
        after = tuple((f"a{i}", kind, f"{lag}d") for (i, jj), (kind, lag) in links.items() if jj == j)
        kind = "summary" if is_summary[j] else "milestone" if durations[j] is None else "task"
        spec.append((f"a{j}", kind, durations[j], None if parent[j] is None else f"a{parent[j]}", after))
    return spec


def build(spec) -> list[dict]:
    out = []
    for id, kind, duration, parent, after in spec:
        if kind == "summary":
            out.append(summary(id, after, parent=parent))
        elif kind == "milestone":
            out.append(milestone(id, after, parent=parent))
        else:
            out.append(task(id, duration, after, parent=parent))
    return out


def links_of(spec):
    """{(pred index, succ index): (type, lag)}"""
    return {(int(p[1:]), j): (kind, int(lag[:-1]))
            for j, (*_rest, after) in enumerate(spec) for p, kind, lag in after}


def work_length(spec) -> tuple[int, int]:
    """(working days incl. lags, months) of all work: a bound on any chain."""
    wd = sum(lag for _kind, lag in links_of(spec).values())
    mo = 0
    for _id, _kind, d, _parent, _after in spec:
        if d is not None:
            amount, unit = int(d[:-1]), d[-1]
            wd += amount * (5 if unit == "w" else 1) if unit != "m" else 0
            mo += amount if unit == "m" else 0
    return wd, mo


openings = st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31))
calendars = st.fixed_dictionaries({"fellesferie": st.booleans(), "christmas_closure": st.booleans()})


def scheduled(spec, opening, as_of, start=None, calendar=None):
    return schedule(project(build(spec), opening, start=start, calendar=calendar), as_of)


@st.composite
def cases(draw, **kinds):
    """(spec, opening, as_of, plan start, calendar settings): sometimes late."""
    spec = draw(networks(**kinds))
    opening = draw(openings)
    as_of = opening - dt.timedelta(days=draw(st.integers(1, 1200)))
    lead = draw(st.none() | st.integers(1, 1200))
    start = None if lead is None else opening - dt.timedelta(days=lead)
    return spec, opening, as_of, start, draw(calendars)


def assert_links_hold(case):
    spec = case[0]
    s = scheduled(*case)
    for (i, j), (kind, lag) in links_of(spec).items():
        p, q = s.activities[f"a{i}"], s.activities[f"a{j}"]
        label = f"a{i} -{kind}+{lag}-> a{j}"
        if kind == "FS":
            assert q.earliest_start >= p.earliest_finish + lag, "forward " + label
            assert q.latest_start >= p.latest_finish + lag, "backward " + label
        elif kind == "SS":
            assert q.earliest_start >= p.earliest_start + lag, "forward " + label
            assert q.latest_start >= p.latest_start + lag, "backward " + label
        else:
            assert q.earliest_finish >= p.earliest_finish + lag, "forward " + label
            assert q.latest_finish >= p.latest_finish + lag, "backward " + label


@SETTINGS
@given(cases(summaries=False, months=False))
def test_links_hold_in_both_passes(case):
    assert_links_hold(case)


@SETTINGS
@given(cases(summaries=False, months=True))
def test_links_hold_with_month_durations(case):
    assert_links_hold(case)


@SETTINGS
@given(cases(summaries=True, months=False))
def test_links_hold_for_summaries_as_shown(case):
    assert_links_hold(case)


@SETTINGS
@given(cases())
def test_everything_is_over_before_the_opening(case):
    spec = case[0]
    s = scheduled(*case)
    opening = s.activities["opening"]
    has_link_out = {i for i, _j in links_of(spec)}
    parents = {id: parent for id, _k, _d, parent, _a in spec}
    for j, (id, kind, _d, _parent, _after) in enumerate(spec):
        a = s.activities[id]
        assert a.latest_finish <= s.opening_point, f"{id} may finish after the opening"
        assert a.earliest_finish <= opening.earliest_start, f"{id} forecast to finish after the opening"
        chain, p = {j}, parents[id]
        while p is not None:
            chain.add(int(p[1:]))
            p = parents[p]
        if kind != "summary" and not chain & has_link_out:
            assert a.latest_finish == s.opening_point, f"{id} has no successor"


def driving_links(spec, s):
    """{(pred id, succ id)} of the spec's links that leave no slack, worked out
    from the schedule's points alone (networks without summaries or months)."""
    points = {a.id: a for a in s.leaves()}
    durations = {id: (0 if d is None else int(d[:-1]) * (5 if d[-1] == "w" else 1)) for id, _k, d, _p, _a in spec}
    found = set()
    for succ, _kind, _d, _parent, after in spec:
        for pred, kind, lag in after:
            lag = int(lag[:-1])
            p, q = points[pred], points[succ]
            bound = {"FS": p.earliest_finish + lag, "SS": p.earliest_start + lag,
                     "FF": p.earliest_finish + lag - durations[succ]}[kind]
            if bound == q.earliest_start:
                found.add((pred, succ))
    return found


@SETTINGS
@given(networks(summaries=False, months=False), openings, calendars, st.integers(-60, 200))
def test_the_critical_path_is_the_driving_chain_into_the_opening(spec, opening, calendar, extra):
    """Each reported chain is connected, every link in it drives, it ends at the
    opening, and its slack is the verdict's number (issue 10's property)."""
    wd, _mo = work_length(spec)
    as_of = opening - dt.timedelta(days=2 * wd + 60 + extra)
    s = scheduled(spec, opening, as_of, calendar=calendar)
    leaves = {a.id: a for a in s.leaves()}
    chain = set(s.critical_path)
    opening_start = s.activities["opening"].earliest_start
    assert chain, "some work decides the opening"
    drives = driving_links(spec, s)
    # It ends at the opening: each activity whose finish is the forecast opening is on it.
    into_opening = {i for i, a in leaves.items() if a.earliest_finish == opening_start}
    assert into_opening and into_opening <= chain
    # Connected, and every link in it drives: walking back from the opening along
    # driving links reaches exactly the chain.
    reached, stack = set(into_opening), list(into_opening)
    while stack:
        node = stack.pop()
        for pred, succ in drives:
            if succ == node and pred not in reached:
                reached.add(pred)
                stack.append(pred)
    assert reached == chain
    # Its slack is the verdict's number, and no activity has less.
    assert all(leaves[i].slack == s.slack_to_opening for i in chain)
    assert min(a.slack for a in leaves.values()) == s.slack_to_opening
    assert s.opening_holds == (s.slack_to_opening >= 0)
    assert {i for i, a in leaves.items() if a.critical} == chain


@SETTINGS
@given(networks(), openings, calendars, st.integers(0, 200))
def test_slack_and_the_chain_when_nothing_is_late(spec, opening, calendar, extra):
    wd, mo = work_length(spec)
    as_of = opening - dt.timedelta(days=2 * wd + 31 * mo + 60 + extra)
    s = scheduled(spec, opening, as_of, calendar=calendar)
    leaves = s.leaves()
    assert s.slack_to_opening >= 0 and s.opening_holds
    assert all(a.slack >= 0 for a in leaves)
    assert set(s.critical_path) == {a.id for a in leaves if a.critical}
    for a in s.activities.values():
        assert a.earliest_start <= a.latest_start and a.earliest_finish <= a.latest_finish, a.id
    if mo:
        return
    # Working-day networks: the tightest activity has exactly the opening's slack.
    minimum = min(a.slack for a in leaves)
    assert minimum == s.slack_to_opening
    assert all(s.activities[i].slack == minimum for i in s.critical_path)
    # Start the plan exactly that many working days later: now nothing may slip.
    start = s.calendar.date_of(s.as_of_point + minimum)
    if start >= opening:
        return
    event("re-run with zero slack")
    s = scheduled(spec, opening, as_of, start=start, calendar=calendar)
    leaves = s.leaves()
    assert s.slack_to_opening == 0
    assert min(a.slack for a in leaves) == 0
    assert all(s.activities[i].slack == 0 for i in s.critical_path)
    assert s.critical_path, "something drives a zero-slack opening"


@SETTINGS
@given(cases())
def test_no_start_after_latest_start_unless_slack_is_negative(case):
    s = scheduled(*case)
    for a in s.activities.values():
        if a.slack is not None and a.slack >= 0:
            assert a.earliest_start <= a.latest_start, a.id
            assert a.earliest_finish <= a.latest_finish, a.id


@SETTINGS
@given(cases())
def test_task_dates_are_working_days_and_span_the_duration(case):
    spec = case[0]
    s = scheduled(*case)
    cal = s.calendar
    one = dt.timedelta(days=1)
    for id, kind, duration, _parent, _after in spec:
        if kind != "task":
            continue
        d = s.activities[id].dates
        for key in ("earliest_start", "earliest_finish", "latest_start", "latest_finish"):
            assert cal.is_working_day(d[key]), f"{id} {key} {d[key]} {cal.day_off(d[key])}"
        assert d["earliest_start"] <= d["earliest_finish"] and d["latest_start"] <= d["latest_finish"]
        amount, unit = int(duration[:-1]), duration[-1]
        if unit != "m" and amount:
            days = amount * (5 if unit == "w" else 1)
            assert cal.working_days_between(d["earliest_start"], d["earliest_finish"] + one) == days, id
            assert cal.working_days_between(d["latest_start"], d["latest_finish"] + one) == days, id
