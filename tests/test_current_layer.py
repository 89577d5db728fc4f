"""The current layer (handbook/current/2027.yaml) and the split template (issue 23).

Every item of the layer carries a source of an allowed kind; quotes of the
handbook and the seed documents stand verbatim where they are cited; the
handbook's own text is kept beside what the layer changes; a fresh merger plan
opening 01.01.2028 has the election on its computed day and everything a merger
needs today; a plan without the ``current:`` line is the handbook alone.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import run_navplan
from navplan.plan.current_layer import municipal_election_day, rule_date
from navplan.plan.handbook_files import load_handbook, load_layer, load_template
from navplan.plan.values import Source
from test_handbook_data import DOCUMENTS, PAGES, SOURCES, normalise

LAYER = load_layer("2027")
AS_OF = dt.date(2027, 3, 1)


def layer_sources() -> list[tuple[str, Source]]:
    """Every source in the current layer and the split template, named by where it stands."""
    found: list[tuple[str, Source]] = []
    for role in LAYER.roles:
        found.append((f"role {role.id}", role.source))
    split = load_template("split")
    for origin, activities in (("layer", LAYER.activities), ("split", split.activities)):
        for activity in activities:
            where = f"{origin} {activity.id}"
            if origin == "layer":
                found.append((f"{where} source", activity.source))
            if activity.role_source is not None:
                found.append((f"{where} owner", activity.role_source))
            found.append((f"{where} duration", activity.duration_source) if activity.duration else (where, None))
            if activity.duration_range:
                found.append((f"{where} duration range", activity.duration_range.source))
            found += [(f"{where} after {link.id}", link.source) for link in activity.after]
    for index, change in enumerate(LAYER.changes):
        where = f"change {index} ({change.id})"
        for name in ("source", "duration_source", "role_source"):
            if getattr(change, name) is not None:
                found.append((f"{where} {name}", getattr(change, name)))
        if change.duration_range:
            found.append((f"{where} duration range", change.duration_range.source))
        found += [(f"{where} after {link.id}", link.source) for link in change.after_add]
        found += [(f"{where} not after {link.id}", link.source) for link in change.after_remove]
    for successor, links in split.add_after.items():
        found += [(f"split {successor} after {link.id}", link.source) for link in links]
    return [(where, source) for where, source in found if where.endswith("source") or source is not None
            or " after " in where or " owner" in where or "duration" in where]


SOURCES_OF_THE_LAYER = layer_sources()


@pytest.mark.parametrize("where,source", SOURCES_OF_THE_LAYER, ids=[w for w, _ in SOURCES_OF_THE_LAYER])
def test_every_item_of_the_current_layer_has_a_source_of_an_allowed_kind(where: str, source: Source) -> None:
    assert source is not None, f"{where}: no source"
    if source.kind == "law":
        # A law and its section, with the words quoted from the address given.
        assert source.section and re.search(r"§|art\.", source.section), f"{where}: a law needs its section"
        assert source.url.startswith(("http://", "https://")) and len(source.quote) > 15, where
    elif source.kind == "guide":
        assert source.document and source.url.startswith(("http://", "https://")) and len(source.quote) > 15, where
    elif source.kind == "handbook":
        assert normalise(source.quote) in PAGES[source.page], f"{where}: not on page {source.page}"
    elif source.kind == "document":
        # A seed document without an address: its text is in handbook/sources/.
        text = normalise((SOURCES / DOCUMENTS[source.document]).read_text(encoding="utf-8"))
        assert normalise(source.quote) in text, f"{where}: not in {source.document}"
    else:
        assert source.kind == "estimate"
        assert len(source.estimate.nb) > 15 and len(source.estimate.en) > 15, f"{where}: an estimate must say why"
        assert source.estimate.nb != source.estimate.en, f"{where}: the bokmål reason is not a translation"


def test_every_activity_of_the_layer_says_where_it_comes_from_and_who_owns_it() -> None:
    roles = {role.id for role in [*load_handbook().roles, *LAYER.roles]}
    for activity in LAYER.activities:
        assert activity.origin == "current" and activity.source is not None, activity.id
        assert activity.role in roles and activity.role_source is not None, activity.id
        if activity.duration is not None:
            assert activity.duration_source is not None and activity.duration_range is not None, activity.id


def test_the_handbooks_own_title_is_kept_beside_a_changed_one() -> None:
    from navplan.plan.handbook_files import layered

    original = {a.id: a.title for a in load_handbook().activities}
    book, _ = layered("merger", "2027")
    changed = {a.id: a for a in book.activities if a.handbook_title is not None}
    assert set(changed) == {"2.1", "3.2", "9.3.2"}
    assert changed["2.1"].handbook_title.nb == "Skape felles forståelse for målene med reformen"
    assert changed["9.3.2"].handbook_title.nb == "Etablering av NAV basis IKT"
    for activity_id, activity in changed.items():
        assert activity.handbook_title == original[activity_id]
        assert activity.title != original[activity_id] and activity.change_source is not None
    # The shipped handbook itself is untouched.
    assert original["2.1"].nb == "Skape felles forståelse for målene med reformen"


@pytest.mark.parametrize("year,day", [(2015, dt.date(2015, 9, 14)), (2019, dt.date(2019, 9, 9)),
                                      (2023, dt.date(2023, 9, 11)), (2027, dt.date(2027, 9, 13)),
                                      (2031, dt.date(2031, 9, 8))])
def test_the_municipal_election_is_the_second_monday_of_september_every_fourth_year(year: int, day: dt.date) -> None:
    # 2015, 2019 and 2023 as fixed in the King in Council (regjeringen.no, valg.no); 2027 and 2031
    # counted by hand: 1 September 2027 is a Wednesday (Mondays 6 and 13), 2031 a Monday (1 and 8).
    assert municipal_election_day(year) == day
    assert day.weekday() == 0


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2028, 2029, 2030])
def test_no_municipal_election_between(year: int) -> None:
    assert municipal_election_day(year) is None


def test_the_election_applies_only_when_the_opening_year_follows_an_election_year() -> None:
    assert rule_date("election_day", dt.date(2028, 1, 1)) == dt.date(2027, 9, 13)
    assert rule_date("election_day", dt.date(2028, 6, 1)) == dt.date(2027, 9, 13)
    assert rule_date("election_day", dt.date(2029, 1, 1)) is None
    assert rule_date("constitution_deadline", dt.date(2024, 1, 1)) == dt.date(2023, 10, 31)
    assert rule_date("budget_deadline", dt.date(2028, 1, 1)) == dt.date(2027, 12, 31)


def _init(tmp_path: Path, *args: str, opening: str = "01.01.2028") -> Path:
    folder = tmp_path / "kontor"
    result = run_navplan("init", str(folder), "--office", "NAV Tre Kommuner", "--opening", opening, *args,
                         today=AS_OF)
    assert result.exit_code == 0, result.stderr
    return folder / "navplan.yaml"


def _schedule(plan: Path) -> dict:
    result = run_navplan("critical-path", str(plan), "--as-of", "01.03.2027", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_fresh_merger_opening_01_01_2028_has_what_a_merger_needs_today(tmp_path: Path) -> None:
    plan = _init(tmp_path, "--template", "merger", "-m", "Nordvik", "-m", "Sørvik", "-m", "Østvik")
    text = plan.read_text(encoding="utf-8")
    assert '\ncurrent: "2027"\n' in text and "Fjern linjen for håndboken alene" in text
    assert "  christmas_closure: true\n" in text
    for activity_id in ("G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12", "M1", "M5"):
        assert f'  - id: "{activity_id}"' in text, activity_id
    # Nothing that fits only one real case or the 2006 reform.
    for words in ("Socio", "5 systemer", "fem installasjoner", "2020", "reformen", "NAV basis IKT"):
        assert words not in text, words
    assert "fra 3 til ett" in text

    schedule = _schedule(plan)
    deadlines = {d["id"]: d for d in schedule["deadlines"]}
    assert (deadlines["G1"]["kind"], deadlines["G1"]["date"]) == ("fixed", "2027-09-13")
    assert (deadlines["G2"]["kind"], deadlines["G2"]["date"]) == ("not_after", "2027-10-31")
    assert (deadlines["G5"]["kind"], deadlines["G5"]["date"]) == ("not_after", "2027-12-31")
    activities = {a["id"]: a for a in schedule["activities"]}
    assert activities["G7"]["after_opening"], "the archive deposit continues after the opening"
    assert activities["G7"]["duration"] == "12w"
    assert activities["M4"]["role"] == activities["G8"]["role"] == activities["G9"]["role"] == "nav-direktoratet"
    assert activities["9.3.2"]["duration"] == "4w"
    assert activities["G1"]["origin"] == "current"
    # The budget comes after the cost-sharing and the new council: 9.1 no longer waits for the opening.
    assert activities["9.1"]["latest_finish"] < activities["G4"]["latest_start"] <= "2027-12-31"

    shown = run_navplan("critical-path", str(plan), "--as-of", "01.03.2027")
    assert "G1 Kommunestyrevalg: den faste datoen 13.09.2027" in " ".join(shown.stdout.split())


def test_an_opening_after_a_year_without_election_leaves_the_election_out(tmp_path: Path) -> None:
    plan = _init(tmp_path, "--template", "merger", "-m", "Nordvik", "-m", "Sørvik", opening="01.01.2029")
    text = plan.read_text(encoding="utf-8")
    assert '  - id: "G1"' not in text and '  - id: "G2"' not in text and '  - id: "G5"' in text
    schedule = _schedule(plan)
    assert {a["id"] for a in schedule["activities"]}.isdisjoint({"G1", "G2"})
    assert {d["id"]: d["date"] for d in schedule["deadlines"]}["G5"] == "2028-12-31"


def test_removing_the_current_line_gives_the_handbook_alone(tmp_path: Path) -> None:
    plan = _init(tmp_path, "--template", "merger", "-m", "Nordvik", "-m", "Sørvik")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('current: "2027"\n', ""), encoding="utf-8")
    # The layer's blocks (id only) are the plan's now-unknown activities: the message says so.
    bare = run_navplan("validate", str(plan))
    assert bare.exit_code == 2 and "G1" in bare.stderr
    kept = [line for line in plan.read_text(encoding="utf-8").splitlines(True)
            if not re.match(r'  - id: "G\d+"', line)]
    plan.write_text("".join(kept), encoding="utf-8")
    assert run_navplan("validate", str(plan)).exit_code == 0
    activities = {a["id"]: a for a in _schedule(plan)["activities"]}
    assert not any(a["origin"] == "current" for a in activities.values())
    assert activities["2.1"]["title"] == "Skape felles forståelse for målene med reformen"
    assert activities["9.3.2"]["duration"] == "12w" and activities["M4"]["role"] == "lokal-ikt-kontakt"


def test_a_split_re_establishes_the_office_without_the_mergers_steps(tmp_path: Path) -> None:
    plan = _init(tmp_path, "--template", "split", "-m", "Sørvik")
    text = plan.read_text(encoding="utf-8")
    for activity_id in ("D1", "D2", "D3", "D4", "G1", "G2", "G6", "G7", "G9"):
        assert f'  - id: "{activity_id}"' in text, activity_id
    for activity_id in ("M1", "M2", "M3", "M4", "M5", "G3"):
        assert f'  - id: "{activity_id}"' not in text, activity_id
    activities = {a["id"]: a for a in _schedule(plan)["activities"]}
    assert activities["D2"]["role"] == "nav-direktoratet" and activities["D1"]["origin"] == "split"


def test_a_new_office_gets_the_layer_without_the_political_calendar_of_a_merger(tmp_path: Path) -> None:
    plan = _init(tmp_path)
    text = plan.read_text(encoding="utf-8")
    assert '\ncurrent: "2027"\n' in text
    assert '  - id: "G8"' in text and '  - id: "G11"' in text
    assert '  - id: "G1"' not in text and '  - id: "G6"' not in text


def test_the_handbook_view_marks_what_comes_from_the_current_layer() -> None:
    index = run_navplan("handbook").stdout
    rows = {line.split()[0]: line for line in index.splitlines() if line and not line.startswith(" ")}
    assert "2027 lov" in rows["G1"] and "endret 2027" in rows["2.1"] and "håndbok" in rows["2.2"]
    assert "Fra: håndbok = håndboken fra 2007" in " ".join(index.split())
    alone = run_navplan("handbook", "--handbook-only", width=None).stdout
    assert "G1" not in alone.split() and "Skape felles forståelse for målene med reformen" in " ".join(alone.split())

    one = " ".join(run_navplan("handbook", "2.1", width=None).stdout.split())
    assert "Håndbokens egen tittel: «Skape felles forståelse for målene med reformen»" in one
    g1 = " ".join(run_navplan("handbook", "G1", "--lang", "en", width=None).stdout.split())
    assert "valgloven § 9-2 (1): «Kongen fastsetter før hvert valg valgdagen til en mandag.»" in g1

    document = json.loads(run_navplan("handbook", "--format", "json").stdout)
    assert document["current"] == "2027"
    g1_json = next(a for a in document["activities"] if a["id"] == "G1")
    assert g1_json["origin"] == "current" and g1_json["source"]["law"] == "valgloven"
    csv_head = run_navplan("handbook", "--format", "csv").stdout.splitlines()[0]
    assert csv_head.endswith(",current,current_source,handbook_title")


def test_the_workbook_and_the_report_show_the_layers_sources(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    plan = _init(tmp_path, "--template", "merger", "-m", "Nordvik", "-m", "Sørvik")
    book_file, report_file = tmp_path / "plan.xlsx", tmp_path / "plan.md"
    assert run_navplan("export", "xlsx", str(plan), "-o", str(book_file), "--as-of", "01.03.2027").exit_code == 0
    sheet = load_workbook(book_file)["Kilder"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["G1"][2] == "2027 lov" and rows["G1"][3].startswith("valgloven § 9-2 (1): «Kongen fastsetter")
    assert rows["2.1"][2] == "endret 2027" and rows["2.1"][4] == "Skape felles forståelse for målene med reformen"
    assert rows["2.2"][2] == "håndbok" and rows["2.2"][3] == "side 11"
    assert run_navplan("report", str(plan), "-o", str(report_file), "--as-of", "01.03.2027").exit_code == 0
    report = report_file.read_text(encoding="utf-8")
    assert "Gjeldende lag 2027: tillegg og endringer med kilde" in report
    assert "| G7 | Trekke ut (Noark 5) og avlevere de gamle arkivene til arkivdepot | 2027 lov | arkivforskrifta § 21" in report


def test_a_link_the_layer_takes_away_is_one_the_handbook_data_has_and_only_estimated() -> None:
    """The layer may take away only a link of navplan's own estimate, never one the handbook
    states; and a removal that names no link of the activity (a typo) would change nothing
    silently: each names one that is there."""
    from navplan.plan.handbook_files import load_handbook

    handbook = load_handbook()
    activities = {a.id: a for a in handbook.activities}
    removals = [(change.id, link.id) for change in LAYER.changes for link in change.after_remove]
    assert ("4.2", "4.1") in removals and ("9.1", "9.2.4") in removals
    for activity_id, link_id in removals:
        links = {link.id: link for link in activities[activity_id].after}
        assert link_id in links, (activity_id, link_id)
        assert links[link_id].source is not None and links[link_id].source.estimate is not None, (activity_id, link_id)
