"""Self-checking case files (after TaskJuggler's test suite).

``tests/cases/ok/*.yaml`` are plans that state their expected schedule in
comments; ``tests/cases/errors/*.yaml`` are bad plans that state the error
they must produce. One parametrised test runs them all.

Comment directives (expected values are computed by hand, never copied from
navplan's output):

    # as-of: 02.01.2019
    # expect: 2.2 latest_start=01.07.2019 latest_finish=26.07.2019 slack=0 critical=true
    # expect-opening: holds=false missing=8
    # expect-critical-path: 3.1.1 3.1.2
    # expect-error: unknown activity id '2.7'
    # expect-line: 12
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run_navplan

CASES = Path(__file__).resolve().parent / "cases"


def directives(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        match = re.match(r"\s*#\s*(as-of|expect|expect-opening|expect-critical-path|expect-error|expect-line|args)"
                         r":\s*(.*)$", line)
        if match:
            found.setdefault(match.group(1), []).append(match.group(2).strip())
    return found


def norwegian(day: str) -> str:
    """ISO date from the JSON → dd.mm.yyyy as the case files write it."""
    year, month, date = day.split("-")
    return f"{date}.{month}.{year}"


def pairs(text: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in text.split())


@pytest.mark.parametrize("case", sorted((CASES / "ok").glob("*.yaml")), ids=lambda p: p.stem)
def test_ok_case(case: Path) -> None:
    expected = directives(case)
    assert "expect" in expected or "expect-opening" in expected, "an ok case must state what it expects"
    result = run_navplan("critical-path", case, "--as-of", expected["as-of"][0], "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    activities = {a["id"]: a for a in document["activities"]}
    for line in expected.get("expect", []):
        activity_id, *rest = line.split()
        actual = activities[activity_id]
        for field, value in pairs(" ".join(rest)).items():
            got = actual[field]
            if field.endswith(("start", "finish")) and got is not None:
                got = norwegian(got)
            elif isinstance(got, bool):
                got = str(got).lower()
            assert str(got) == value, f"{case.name}: {activity_id}.{field} is {got}, expected {value}"
    for line in expected.get("expect-opening", []):
        wanted = pairs(line)
        if "holds" in wanted:
            assert str(document["opening_holds"]).lower() == wanted["holds"]
        if "missing" in wanted:
            assert max(0, -document["slack_to_opening"]) == int(wanted["missing"])
    for line in expected.get("expect-critical-path", []):
        assert document["critical_path"] == line.split(), case.name


@pytest.mark.parametrize("case", sorted((CASES / "errors").glob("*.yaml")), ids=lambda p: p.stem)
def test_error_case(case: Path) -> None:
    expected = directives(case)
    assert "expect-error" in expected, "an error case must state the message it expects"
    before = case.read_bytes()
    for command in (["validate"], ["critical-path", "--as-of", "01.01.2019"]):
        result = run_navplan(*command, case, "--lang", "en")
        assert result.exit_code == 2, f"{case.name}: exit {result.exit_code}\n{result.stdout}{result.stderr}"
        assert "Traceback" not in result.stderr
        message = " ".join(result.stderr.split())
        assert str(case) in message, f"the message names the file: {message}"
        for wanted in expected["expect-error"]:
            assert wanted in message, f"{case.name}: '{wanted}' not in: {message}"
        for line in expected.get("expect-line", []):
            assert f"{case}:{line}:" in message, f"{case.name}: line {line} not in: {message}"
        assert result.stdout == ""
        # The same problem in bokmål, the default: the same place, navplan's words translated.
        norwegian = run_navplan(*command, case)
        assert norwegian.exit_code == 2 and norwegian.stdout == ""
        assert norwegian.stderr.split(": ")[0] == result.stderr.split(": ")[0], "the same file and line"
        assert norwegian.stderr != result.stderr, f"{case.name}: not translated: {norwegian.stderr}"
    assert case.read_bytes() == before, "nothing is written"
