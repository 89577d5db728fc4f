"""Property tests over hostile input, through the real entry point.

(a) Random plans built from valid building blocks (local activities with
    random ids, links, durations, dates and statuses; some blocks invalid):
    navplan schedules them, and then the CPM invariants hold, or rejects them
    with exit 2 and one located line. Never a traceback, never another code.
(b) Random YAML-ish text, random edits of a real plan, random bytes: exit 0
    or 2, never a traceback.

Derandomised, so a failure reproduces; example counts are modest so the
suite stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings, strategies as st

from conftest import EXAMPLES, run_navplan

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
AS_OF = "01.03.2019"
HANDBOOK_IDS = ["2.1", "2.2", "3.1.1", "3.2.3", "4.1", "7.4"]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def day_text(draw, *, valid: bool = True, after: dt.date = dt.date(2019, 1, 1), span: int = 900) -> str:
    if not valid:
        return draw(st.sampled_from(["2019-02-30", "31.04.2019", "31.12.99999", "2019-13-01", "yesterday", "0000-01-01"]))
    day = after + dt.timedelta(days=draw(st.integers(0, span)))
    return day.isoformat() if draw(st.booleans()) else f"{day:%d.%m.%Y}"


@st.composite
def plans(draw) -> tuple[str, dict]:
    """A plan's text and what the test needs to check its schedule."""
    # Half the plans are sound; in the others about one field in eight is broken.
    hostile = draw(st.booleans())
    bad = lambda: hostile and draw(st.integers(0, 7)) == 0  # noqa: E731
    opening = dt.date(2019, 9, 2) + dt.timedelta(days=draw(st.integers(0, 700)))
    lines = ['office: "NAV Egenskap"', f"opening: {opening.isoformat()}"]
    if draw(st.booleans()):
        start = opening - dt.timedelta(days=draw(st.integers(-5 if hostile else 1, 400)))
        lines.append(f"start: {start.isoformat()}")
    if draw(st.booleans()):
        weeks = draw(st.sampled_from(["true", "false", "[28, 29]", "[0]" if bad() else "[31]"]))
        lines.append(f"calendar: {{fellesferie: {weeks}, "
                     f"christmas_closure: {draw(st.sampled_from(['true', 'false']))}}}")
    n = draw(st.integers(0, 12))
    ids = [draw(st.sampled_from(["L", "Lokal-", "x.", "A"])) + str(i) for i in range(n)]
    if n and bad():
        ids[draw(st.integers(0, n - 1))] = draw(st.sampled_from(["", "-bad", "a" * 40, "2.1", ids[0]]))
    links: dict[str, list[tuple[str, str]]] = {}
    statuses: dict[str, str] = {}
    lines.append("activities:")
    for i, activity_id in enumerate(ids):
        block = [f"  - id: {q(activity_id)}", f"    title: {q('Aktivitet ' + activity_id)}"]
        if bad():
            block.append(f"    duration: {draw(st.sampled_from(['-3d', '99999d', 'ten days', '1.5w', '121m', '']))}")
        elif draw(st.integers(0, 9)) == 0:
            block.append("    milestone: true")
        else:
            block.append(f"    duration: {draw(st.integers(0, 30))}{draw(st.sampled_from(['d', 'd', 'w']))}")
        after: list[str] = []
        for _ in range(draw(st.integers(0, 3))):
            roll = draw(st.integers(0, 19 if hostile else 15))
            if roll < 12 and i > 0:
                predecessor = ids[draw(st.integers(0, i - 1))]  # backwards only: no cycle
            elif roll < 16:
                predecessor = draw(st.sampled_from(HANDBOOK_IDS))
            elif roll < 19 and n:
                predecessor = ids[draw(st.integers(0, n - 1))]  # may close a cycle or point at itself
            else:
                predecessor = draw(st.sampled_from(["9.9.9", "nope"]))
            kind = draw(st.sampled_from(["FS", "FS", "SS", "FF"]))
            lag = draw(st.integers(0, 10))
            after.append(f"{{id: {q(predecessor)}, type: {kind}, lag: {lag}d}}" if kind != "FS" or lag
                         else q(predecessor))
            links.setdefault(activity_id, []).append((predecessor, kind))  # a lag only adds to FS's wait
        if after:
            block.append(f"    after: [{', '.join(after)}]")
        if draw(st.integers(0, 4)) == 0:
            block.append(f"    not_before: {day_text(draw, valid=not bad(), after=dt.date(2019, 1, 1))}")
        if draw(st.integers(0, 5)) == 0:  # after every not_before, unless broken on purpose
            block.append(f"    not_after: {day_text(draw, valid=not bad(), after=dt.date(2021, 7, 1))}")
        status = draw(st.sampled_from(["not_started"] * 6 + ["started", "done"] + (["finished"] if bad() else [])))
        statuses[activity_id] = status
        if status != "not_started":
            block.append(f"    status: {status}")
            block.append(f"    actual_start: {day_text(draw, valid=not bad(), after=dt.date(2018, 1, 1), span=400)}")
        if status == "done":
            block.append(f"    actual_finish: {day_text(draw, valid=not bad(), after=dt.date(2019, 3, 1), span=60)}")
        lines.extend(block)
    if not ids:
        lines[-1] = "activities: []"
    return "\n".join(lines) + "\n", {"opening": opening, "links": links, "statuses": statuses}


def run_on_text(data: bytes, *command: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "navplan.yaml"
        path.write_bytes(data)
        result = run_navplan(*command, path)
        assert path.read_bytes() == data, "nothing is written"
        assert sorted(p.name for p in Path(folder).iterdir()) == ["navplan.yaml"]
    return result, path


def assert_rejected_cleanly(result, path: Path) -> None:
    assert result.exit_code == 2, f"exit {result.exit_code}: {result.stderr}"
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"navplan: {path}"), result.stderr


@SETTINGS
@given(plans())
def test_random_plans_are_scheduled_soundly_or_rejected_cleanly(generated) -> None:
    text, facts = generated
    result, path = run_on_text(text.encode(), "critical-path", "--as-of", AS_OF, "--format", "json")
    if result.exit_code != 0:
        event("rejected")
        assert_rejected_cleanly(result, path)
        return
    event("scheduled")
    document = json.loads(result.stdout)
    opening = facts["opening"].isoformat()
    activities = {a["id"]: a for a in document["activities"]}
    for activity in activities.values():
        if activity["latest_finish"] is not None and not activity["after_opening"]:
            assert activity["latest_finish"] <= opening, activity
        if activity["earliest_start"] and activity["earliest_finish"]:
            assert activity["earliest_start"] <= activity["earliest_finish"], activity
        if activity["latest_start"] and activity["latest_finish"]:
            assert activity["latest_start"] <= activity["latest_finish"], activity
    for successor, links in facts["links"].items():
        for predecessor, kind in links:
            if kind != "FS" or successor not in activities or predecessor not in activities:
                continue
            if facts["statuses"].get(successor) != "not_started" or facts["statuses"].get(predecessor, "not_started") != "not_started":
                continue  # work under way is dated by what happened, not by the network
            before, after = activities[predecessor], activities[successor]
            if before["earliest_finish"] and after["earliest_start"]:
                event("an FS link checked")
                assert after["earliest_start"] >= before["earliest_finish"], (predecessor, successor, before, after)
                if before["kind"] == "task" and after["kind"] == "task":
                    assert after["earliest_start"] > before["earliest_finish"], (predecessor, successor)


YAML_ALPHABET = st.sampled_from(list("abc019:-[]{}&*!|>'\"#%@`,?~.\n\t \r\\") + ["\u00e6", "\ufeff", "\x00", "\x85",
                                                                                  "\u2028", "\ud7ff"])
YAML_PIECES = st.sampled_from(["office: ", "opening: ", "2020-01-06", "activities:", "\n  - id: ", '"2.1"', "after: ",
                               "duration: ", "&a ", "*a", "!!python/object:os.system ", "!!str ", "<<: ", "---\n",
                               "...\n", "? ", "%YAML 1.2\n", "\n    ", "[", "]", "{", "}", "99999999999999999999"])


@SETTINGS
@given(st.lists(st.one_of(YAML_PIECES, st.text(YAML_ALPHABET, max_size=8)), max_size=40).map("".join))
def test_random_yaml_text_never_crashes(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    for command in (["validate"], ["critical-path", "--as-of", AS_OF]):
        result, path = run_on_text(data, *command)
        assert result.exit_code in (0, 2), result.stderr
        if result.exit_code == 2:
            assert_rejected_cleanly(result, path)


EXAMPLE = (EXAMPLES / "indre-ostfold" / "navplan.yaml").read_bytes()


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(EXAMPLE)), st.integers(0, 40), st.binary(max_size=6)), min_size=1,
                max_size=4))
def test_random_edits_of_a_real_plan_never_crash(edits) -> None:
    data = EXAMPLE
    for position, cut, inserted in edits:
        data = data[:position] + inserted + data[position + cut:]
    result, path = run_on_text(data, "critical-path", "--as-of", AS_OF)
    assert result.exit_code in (0, 2), result.stderr
    event("accepted" if result.exit_code == 0 else "rejected")
    if result.exit_code == 2:
        assert_rejected_cleanly(result, path)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data: bytes) -> None:
    result, path = run_on_text(data, "validate")
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert_rejected_cleanly(result, path)
