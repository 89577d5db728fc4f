"""Personal views: --role and --owner (repeatable) narrow critical-path, calendar,
report and export xlsx to someone's own activities, as they do export ics; the
verdict on the opening stays on top, the whole plan's.

NAV Indre Østfold's plan (examples/indre-ostfold/navplan.yaml) names its owners:
Anna Lena Gaup owns 4.1 (started) and the milestone S1 (fixed 19.12.2018), Gudrun
H. Grindaker 5.1, Bjørn Sjøvold 3.2.2 and Kommunens IKT M2. As of 04.03.2019 the
plan has eight activities that must start within four weeks (S1 is late), all
but S1 the project leader's.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLES, run_navplan
from gitplans import no_repository_above  # noqa: F401

PLAN = EXAMPLES / "indre-ostfold"
AS_OF = "04.03.2019"
ANNA = "Anna Lena Gaup"


def document(*args: str) -> dict:
    result = run_navplan(*args, PLAN, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_critical_path_json_keeps_the_verdict_and_narrows_the_activities() -> None:
    whole = document("critical-path")
    anna = document("critical-path", "--owner", ANNA)
    for verdict in ("opening_holds", "slack_to_opening", "critical_path", "driving_chain", "missed_dates"):
        assert anna[verdict] == whole[verdict], verdict
    assert [a["id"] for a in anna["activities"]] == ["4.1", "S1", "opening"]
    assert anna["must_start"] == ["S1"]


def test_roles_and_owners_add_up_and_a_role_is_named_by_its_title() -> None:
    whole = document("critical-path")
    by_role = {a["id"]: a["role"] for a in whole["activities"]}
    owners = {a["id"]: a["owner"] for a in whole["activities"]}
    both = document("critical-path", "--role", "Rådmann", "--owner", ANNA, "--owner", "Gudrun H. Grindaker")
    expected = [i for i in whole["must_start"] if by_role[i] == "radmann" or owners[i] in (ANNA, "Gudrun H. Grindaker")]
    assert both["must_start"] == expected == ["S1", "5.1"]
    assert {a["id"] for a in both["activities"]} == {
        i for i in by_role if by_role[i] == "radmann" or owners[i] in (ANNA, "Gudrun H. Grindaker")} | {"opening"}
    assert document("critical-path", "--role", "radmann") == document("critical-path", "--role", "rådmann")


def test_a_decomposed_name_is_the_same_name() -> None:
    """Issue 17, item 30: "rådmann" typed with a combining ring (NFD, as macOS and some keyboards
    give it) is the role "rådmann"; so is an owner's name."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "rådmann")
    assert decomposed != "rådmann"
    assert document("critical-path", "--role", decomposed) == document("critical-path", "--role", "radmann")
    owner = "Bjørn Sjøvold, ass. rådmann"
    assert unicodedata.normalize("NFD", owner) != owner
    assert document("critical-path", "--owner", unicodedata.normalize("NFD", owner)) == \
        document("critical-path", "--owner", owner)


def test_the_table_has_the_verdict_on_top_and_says_whose_view_it_is() -> None:
    whole = run_navplan("critical-path", PLAN, "--as-of", AS_OF, width=None).stdout.splitlines()
    mine = run_navplan("critical-path", PLAN, "--as-of", AS_OF, "--owner", ANNA, width=None).stdout.splitlines()
    verdict = whole[:whole.index("")]
    assert mine[:len(verdict)] == verdict
    assert mine[len(verdict)] == "Viser bare aktivitetene til Anna Lena Gaup."
    assert "Ingen av disse aktivitetene er på den kritiske linjen." in mine
    table = mine[mine.index("Må starte innen 4 uker (til og med 31.03.2019)") + 3:]  # after the title, header, rule
    rows = [line.removeprefix("◆ ").split()[0] for line in table if line and not line.startswith((" ", "◆ ="))]
    assert rows == ["S1"]
    leader = run_navplan("critical-path", PLAN, "--as-of", AS_OF, "--role", "prosjektleder", width=None).stdout
    assert "Viser bare aktivitetene til NAV-leder." in leader
    ids = [line.split()[0 if not line.startswith("◆") else 1] for line in leader.splitlines()
           if re.match(r"(◆ )?[0-9SM]", line)]  # table rows: the verdict's lines start with a mark
    whole_plan = document("critical-path")
    role = {a["id"]: a["role"] for a in whole_plan["activities"]}
    theirs = [i for i in whole_plan["critical_path"] + whole_plan["must_start"] if role[i] == "prosjektleder"]
    assert "S1" not in ids and set(theirs) <= set(ids) and len(theirs) > 5


def test_calendar_keeps_every_period_and_only_their_activities() -> None:
    whole = document("calendar", "--by", "month")
    anna = document("calendar", "--by", "month", "--owner", ANNA)
    assert [p["first_day"] for p in anna["periods"]] == [p["first_day"] for p in whole["periods"]]
    mine = {i for p in anna["periods"] for i in p["must_start"] + p["must_finish"]}
    # 4.1 is under way; S1 was due 19.12.2018 and is not recorded held: by the planned dates (the
    # calendar's default) it is planned on the as-of day, as nothing open is planned in the past;
    # by the latest dates it was due before March 2019's period.
    assert mine == {"4.1", "S1"}
    latest = document("calendar", "--by", "month", "--owner", ANNA, "--dates", "latest")
    assert {i for p in latest["periods"] for i in p["must_start"] + p["must_finish"]} == {"4.1"}
    table = run_navplan("calendar", PLAN, "--as-of", AS_OF, "--owner", ANNA, width=None).stdout
    assert "Viser bare aktivitetene til Anna Lena Gaup." in table
    assert "4.1 Etablere prosjektorganisasjon" in table and "6.1 Beskrive" not in table


def test_report_narrows_its_lists_and_keeps_the_verdict_and_criteria(tmp_path: Path) -> None:
    whole, mine = tmp_path / "alle.md", tmp_path / "radmann.md"
    assert run_navplan("report", PLAN, "--as-of", AS_OF, "-o", whole).exit_code == 0
    result = run_navplan("report", PLAN, "--as-of", AS_OF, "-o", mine, "--role", "radmann")
    assert result.exit_code == 0, result.stderr
    everyone, radmann = whole.read_text(encoding="utf-8"), mine.read_text(encoding="utf-8")

    def section(text: str, heading: str) -> str:
        return text.split(f"## {heading}")[1].split("\n## ")[0]

    assert section(radmann, "Åpningsdato").strip() == \
        section(everyone, "Åpningsdato").strip() + "\n\nViser bare aktivitetene til Rådmann."
    assert section(radmann, "Oppstartskriterier") == section(everyone, "Oppstartskriterier")
    assert "6.1" in section(everyone, "Kritisk linje") and "6.1" not in section(radmann, "Kritisk linje")
    assert "5.1" in everyone and "| 5.1 |" not in radmann


def test_the_workbook_keeps_their_rows_with_their_groups_and_still_syncs(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    shutil.copy(PLAN / "navplan.yaml", plan)
    book = tmp_path / "anna.xlsx"
    result = run_navplan("export", "xlsx", plan, "--as-of", AS_OF, "--owner", ANNA, "-o", book)
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(book).worksheets[0]
    ids = [row[0] for row in sheet.iter_rows(min_row=5, max_col=1, values_only=True) if row[0]]
    assert ids == ["4", "4.1", "S1", "opening"]  # 4 is the main activity both belong to

    from workbooks import mark

    mark(book, 6, status="ferdig", finish="01.03.2019")  # row 6: 4.1
    synced = run_navplan("sync", book, plan, "--yes", width=None)
    assert synced.exit_code == 0, synced.stderr
    assert synced.stdout.splitlines()[1:] == [
        "4.1 Etablere prosjektorganisasjon: status pågår → ferdig, faktisk ferdig – → 01.03.2019"]


@pytest.mark.parametrize("command", [["critical-path"], ["calendar"], ["export", "xlsx", "-o", "x.xlsx"],
                                     ["export", "ods", "-o", "x.ods"], ["report", "-o", "x.md"]])
def test_a_name_nobody_has_is_refused(command: list[str], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    unknown = run_navplan(*command, PLAN, "--as-of", AS_OF, "--owner", "Anna Gaup")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("navplan: --owner: ingen aktivitet i planen har eieren 'Anna Gaup'")
    role = run_navplan(*command, PLAN, "--as-of", AS_OF, "--role", "sjef")
    assert role.exit_code == 2 and "ukjent rolle 'sjef'" in role.stderr
    assert not list(tmp_path.iterdir()), "nothing is written"
