"""The county file (fylke.yaml): its model, its checks, its schema, and `navplan validate`.

Capacities over time are worked out by hand from the calendar of 2027: Monday
12.07.2027 starts ISO week 28, Friday 06.08.2027 ends the working days of week
31, Wednesday 01.09.2027 lies in week 35 (Monday 30.08 to Sunday 05.09).

Each case in tests/bad_inputs/county/ states the message it must produce, like
tests/bad_inputs/: an inline ``# expect-error:`` (and ``# expect-line:``) or a
sidecar ``<name>.expect``; ``accept_*`` cases are county files navplan reads.
Each case is copied, as fylke.yaml, into a folder beside a copy of the office
plan the cases name (tests/bad_inputs/county/kontor/), and given to `navplan
validate` and to `navplan portfolio --county`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

import editor_yaml
from conftest import REPO, run_navplan
from test_hostile_inputs import MARKER, directives, snapshot

COUNTY_CASES = REPO / "tests" / "bad_inputs" / "county"
CASES = sorted(p for p in COUNTY_CASES.glob("*.yaml"))
REJECTED = [p for p in CASES if not p.name.startswith("accept_")]
ACCEPTED = [p for p in CASES if p.name.startswith("accept_")]
D = dt.date


def _county_folder(tmp_path: Path, text: str | bytes) -> Path:
    """A county folder: the cases' office plan, and ``text`` as its fylke.yaml."""
    folder = tmp_path / "fylket"
    shutil.copytree(COUNTY_CASES / "kontor", folder / "kontor")
    target = folder / "fylke.yaml"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return target


def _check_rejected(county: Path, expected: dict[str, list[str]], workdir: Path) -> None:
    before = snapshot(county.parent)
    for command in (["validate", county], ["portfolio", "--county", county, "--as-of", "07.01.2030", "--samples", "0"]):
        english = run_navplan(*command, "--lang", "en")
        norwegian = run_navplan(*command)
        for result in (english, norwegian):
            assert result.exit_code == 2, f"{command[0]}: exit {result.exit_code}\n{result.stdout}{result.stderr}"
            assert result.stdout == "" and "Traceback" not in result.stderr
            assert result.stderr.count("\n") == 1, f"not one line: {result.stderr!r}"
            assert result.stderr.startswith(f"navplan: {county}"), result.stderr
        assert norwegian.stderr != english.stderr, "not translated"
        for wanted in expected.get("expect-error", []):
            assert wanted in english.stderr, f"'{wanted}' not in: {english.stderr}"
        for line in expected.get("expect-line", []):
            assert f"{county}:{line}:" in english.stderr, f"line {line} not in: {english.stderr}"
    assert snapshot(county.parent) == before, "nothing is written"
    assert not (workdir / MARKER).exists(), "a python tag was executed"


@pytest.mark.parametrize("case", REJECTED, ids=lambda p: p.name)
def test_bad_county_file(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = directives(case)
    assert expected.get("expect-error"), f"{case.name} must state the message it expects"
    county = _county_folder(tmp_path, case.read_bytes())
    monkeypatch.chdir(tmp_path)
    _check_rejected(county, expected, tmp_path)


def _six_megabytes(folder: Path) -> Path:
    (folder / "fylke.yaml").write_text("county: Innlandet\n" + ("# " + "x" * 98 + "\n") * 60_000, "utf-8")
    return folder / "fylke.yaml"


def _a_folder(folder: Path) -> Path:
    (folder / "fylke.yaml").mkdir()
    return folder / "fylke.yaml"


def _a_folder_in_a_folder(folder: Path) -> Path:
    (folder / "fylke.yaml" / "fylke.yaml").mkdir(parents=True)
    return folder / "fylke.yaml"


def _symlink_loop(folder: Path) -> Path:
    (folder / "fylke.yaml").symlink_to("annen.yaml")
    (folder / "annen.yaml").symlink_to("fylke.yaml")
    return folder / "fylke.yaml"


GENERATED = {
    "file_6mb": (_six_megabytes, "file is larger than 5 MB; a county file is a few kB"),
    "county_file_is_a_folder": (_a_folder, "the folder has no fylke.yaml"),
    "county_file_in_it_is_a_folder": (_a_folder_in_a_folder, "is a folder, not a county file"),
    "symlink_loop": (_symlink_loop, "is a symbolic link that leads nowhere"),
    "missing_file": (lambda folder: folder / "nowhere.yaml", "file not found (a county file (fylke.yaml)"),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_county_file(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Named with --county, and found in the folder given: the same one line."""
    build, wanted = GENERATED[name]
    folder = tmp_path / "fylket"
    folder.mkdir()
    county = build(folder)
    (folder / "kontor").mkdir()
    shutil.copy(COUNTY_CASES / "kontor" / "navplan.yaml", folder / "kontor" / "navplan.yaml")
    monkeypatch.chdir(tmp_path)
    found = [] if name == "missing_file" else [["portfolio", folder]]
    for command in [["portfolio", "--county", county], *found]:
        result = run_navplan(*command, "--as-of", "07.01.2030", "--lang", "en")
        assert result.exit_code == 2 and result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(f"navplan: {county}") and wanted in result.stderr, result.stderr


def test_a_folder_without_a_county_file_says_so(tmp_path: Path) -> None:
    result = run_navplan("portfolio", "--county", tmp_path, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"navplan: {tmp_path}: the folder has no fylke.yaml (a county file (fylke.yaml) beside " \
                            "the office folders needs at least `county:`; see the README, 'County file')\n"


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda p: p.name)
def test_a_good_county_file_is_valid(case: Path, tmp_path: Path) -> None:
    assert "expect-ok" in directives(case)
    county = _county_folder(tmp_path, case.read_bytes())
    for lang, said in (("nb", "er gyldig: Innlandet, 2 delte ressurser, 1 kontor med egne innstillinger."),
                       ("en", "is valid: Innlandet, 2 shared resources, 1 office with its own settings.")):
        result = run_navplan("validate", county, "--lang", lang)
        assert result.exit_code == 0 and result.stderr == f"{county} {said}\n", result.stderr
    # The folder names its county file when it has no plan of its own.
    assert run_navplan("validate", county.parent).exit_code == 0


def test_validate_reads_a_county_file_under_another_name(tmp_path: Path) -> None:
    county = _county_folder(tmp_path, (COUNTY_CASES / "accept_valid_county.yaml").read_bytes())
    renamed = county.rename(county.with_name("innlandet.yaml"))
    result = run_navplan("validate", renamed, "--lang", "en")
    assert result.exit_code == 0 and "is valid: Innlandet, 2 shared resources" in result.stderr
    # Several files: each its own line, a plan and a county file alike.
    both = run_navplan("validate", renamed, county.parent / "kontor", "--lang", "en")
    assert both.exit_code == 0 and both.stderr.count("is valid") == 2


# --- what a capacity means over time -------------------------------------------------------------------------------


def _resource(unit: str):
    from navplan.plan.county_model import CountyResource

    return CountyResource.model_validate({
        "id": "it-utrulling", "capacity": "2", "unit": unit,
        "periods": [{"from": "12.07.2027", "to": "2027-08-06", "capacity": "0"},
                    {"from": "2027-09-01", "to": "03.09.2027", "capacity": "1"}]})


def test_capacity_on_each_day_and_in_each_week() -> None:
    per_week = _resource("per uke")
    assert per_week.unit == "per-week" and per_week.per_week
    # Sunday before fellesferie, its first and last days, the Saturday after.
    assert [per_week.capacity_on(day) for day in (D(2027, 7, 11), D(2027, 7, 12), D(2027, 8, 6), D(2027, 8, 7))] == \
        [2, 0, 0, 2]
    # Week 31 (02.08-08.08) lies in the period on its working days: 0, asked on its Sunday too.
    # Week 32 is free again. Week 35 has Wednesday to Friday at 1: the week takes its lowest day.
    assert [per_week.capacity_in_week(day) for day in (D(2027, 8, 8), D(2027, 8, 9), D(2027, 8, 30), D(2027, 9, 5))] \
        == [0, 2, 1, 1]


def test_capacity_changes_are_half_open_day_ranges_and_whole_weeks_per_week() -> None:
    # At once: the periods as they are, to the day after their last day.
    assert _resource("samtidig").capacity_changes() == [(D(2027, 7, 12), D(2027, 8, 7), 0),
                                                         (D(2027, 9, 1), D(2027, 9, 4), 1)]
    # Per week: weeks 28-31 (12.07 to Sunday 08.08, so until Monday 09.08) at 0; week 35 at 1.
    assert _resource("per-week").capacity_changes() == [(D(2027, 7, 12), D(2027, 8, 9), 0),
                                                         (D(2027, 8, 30), D(2027, 9, 6), 1)]


def test_the_days_an_activity_holds_a_place() -> None:
    # An activity from Wednesday 14.07 to Friday 20.08: at once, all of it; per week, its first ISO week.
    assert _resource("at-once").held(D(2027, 7, 14), D(2027, 8, 20)) == (D(2027, 7, 14), D(2027, 8, 20))
    assert _resource("per-week").held(D(2027, 7, 14), D(2027, 8, 20)) == (D(2027, 7, 12), D(2027, 7, 18))


# --- which activities of which office use them ---------------------------------------------------------------------


COUNTY = """\
county: Innlandet
resources:
  - id: it-utrulling
    capacity: 2
    unit: per-week
    activities: ["9.3.2", "M4"]
  - id: koordinator
    capacity: 4
    unit: at-once
    activities: ["4.1"]
  - id: apningsstotte
    capacity: 3
    unit: per-week
    activities: ["opening"]
offices:
  - plan: sammen/
    resources:
      it-utrulling: ["L1", "LM", "M4"]
      koordinator: ["L1"]
"""
MERGER = """\
office: NAV Sammen
opening: 2028-01-03
template: merger
drop: ["9.3"]
activities:
  - {id: L1, title: Lokal IT, parent: "9", duration: 2w}
  - {id: LM, title: Klar for IT, parent: "9", milestone: true}
"""
NEW = "office: NAV Ny\nopening: 2028-01-03\ntemplate: new\n"


def test_which_activities_of_which_office_use_each_resource(tmp_path: Path) -> None:
    """The merger office drops 9.3, so 9.3.2 is not its work; M4 is its template's; L1 and the
    milestone LM are its own (LM only per week: a milestone holds no day at once); M4 named twice
    is one use. The new office has 9.3.2 but no M4, and no entry of its own."""
    from navplan.plan.county_file import ResourceUse, check_county_offices, load_county
    from navplan.plan.project import load_project

    (tmp_path / "fylke.yaml").write_text(COUNTY, encoding="utf-8")
    for name, text in (("sammen", MERGER), ("ny", NEW)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "navplan.yaml").write_text(text, encoding="utf-8")
    county = load_county(tmp_path)
    assert check_county_offices(county) == []
    merged = county.uses(load_project(tmp_path / "sammen"), tmp_path / "sammen" / "navplan.yaml")
    assert merged == [ResourceUse("it-utrulling", "M4"), ResourceUse("it-utrulling", "L1", office_entry=True),
                      ResourceUse("it-utrulling", "LM", office_entry=True), ResourceUse("koordinator", "4.1"),
                      ResourceUse("koordinator", "L1", office_entry=True), ResourceUse("apningsstotte", "opening")]
    fresh = county.uses(load_project(tmp_path / "ny"), tmp_path / "ny" / "navplan.yaml")
    assert [(use.resource, use.activity) for use in fresh] == [
        ("it-utrulling", "9.3.2"), ("koordinator", "4.1"), ("apningsstotte", "opening")]
    assert all(use.demand == 1 for use in merged + fresh)
    # The office is found however its plan is named: its folder, relative or not.
    assert county.office_entry(tmp_path / "sammen")[0] == 0
    assert county.office_entry(tmp_path / "x" / ".." / "sammen" / "navplan.yaml")[0] == 0
    assert county.office_entry(tmp_path / "ny" / "navplan.yaml") is None


def test_a_milestone_of_the_office_cannot_hold_a_place_at_once(tmp_path: Path) -> None:
    (tmp_path / "sammen").mkdir()
    (tmp_path / "sammen" / "navplan.yaml").write_text(MERGER, encoding="utf-8")
    (tmp_path / "fylke.yaml").write_text(COUNTY.replace('koordinator: ["L1"]', 'koordinator: ["LM"]'), "utf-8")
    result = run_navplan("validate", tmp_path / "fylke.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "fylke.yaml:19: offices[1].resources.koordinator: 'LM' is a milestone and takes no time" in result.stderr


def test_an_office_plan_that_cannot_be_read_is_its_own_problem(tmp_path: Path) -> None:
    """validate names the plan's own fault; the portfolio lists the plan with its error and goes on."""
    (tmp_path / "sammen").mkdir()
    (tmp_path / "sammen" / "navplan.yaml").write_text("office: NAV Sammen\nopening: 2028-02-30\n", "utf-8")
    (tmp_path / "fylke.yaml").write_text(COUNTY, "utf-8")
    checked = run_navplan("validate", tmp_path / "fylke.yaml", "--lang", "en")
    assert checked.exit_code == 2 and checked.stderr.startswith(f"navplan: {tmp_path / 'sammen' / 'navplan.yaml'}:2:")
    listed = run_navplan("portfolio", tmp_path, "--as-of", "07.01.2027", "--format", "json", "--samples", "0")
    assert listed.exit_code == 2
    document = json.loads(listed.stdout)
    assert document["county"] == "Innlandet" and [o["status"] for o in document["offices"]] == ["error"]


# --- the schema -----------------------------------------------------------------------------------------------------


def _schema():
    from navplan.schemas import schema

    return jsonschema.Draft202012Validator(schema("county"))


def _problems(text: str) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
            for e in _schema().iter_errors(editor_yaml.load(text))]


def readme_county_files() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [block for block in re.findall(r"```yaml\n(.*?)```", text, re.S) if re.search(r"^county:", block, re.M)]


def test_the_county_schema_is_published() -> None:
    from navplan.schemas import schema

    jsonschema.Draft202012Validator.check_schema(schema("county"))
    result = run_navplan("schema", "county")
    assert result.exit_code == 0 and json.loads(result.stdout) == schema("county")


def test_the_readme_county_file_is_valid_to_navplan_and_the_schema(tmp_path: Path) -> None:
    blocks = readme_county_files()
    assert blocks, "the README's 'County file' section shows a county file in a ```yaml block"
    for block in blocks:
        assert _problems(block) == []
        folder = tmp_path / f"readme{blocks.index(block)}"
        for office in re.findall(r"plan: (\S+)", block):
            (folder / office).mkdir(parents=True, exist_ok=True)
            (folder / office / "navplan.yaml").write_text(MERGER, encoding="utf-8")
        (folder / "fylke.yaml").write_text(block, encoding="utf-8")
        assert _navplan_reads(folder / "fylke.yaml"), block
        result = run_navplan("validate", folder / "fylke.yaml")  # the offices' own ids too
        assert result.exit_code == 0, result.stderr


def _navplan_reads(path: Path) -> bool:
    from navplan.errors import NavplanError
    from navplan.plan.county_file import load_county

    try:
        load_county(path)
        return True
    except NavplanError:
        return False


#: Cases the schema cannot catch, and why.
NOT_FOR_A_SCHEMA = {
    "duplicate_activity.yaml": "JSON Schema cannot say that ids in a list are unique",
    "duplicate_resource.yaml": "JSON Schema cannot say that ids in a list of objects are unique",
    "duplicate_key.yaml": "a key written twice is YAML's matter: editors flag it themselves",
    "milestone_at_once.yaml": "which ids are milestones needs the handbook",
    "summary_activity.yaml": "which ids have steps under them needs the handbook",
    "unknown_activity.yaml": "which ids exist needs the handbook",
    "office_dropped_activity.yaml": "what an office drops needs its plan",
    "office_unknown_activity.yaml": "an office's ids need its plan",
    "office_plan_missing.yaml": "whether a plan is there needs the file system",
    "office_twice.yaml": "two paths to one plan need the file system",
    "office_unknown_resource.yaml": "which resources exist is another part of the file",
    "period_reversed.yaml": "comparing two dates",
    "periods_overlap.yaml": "comparing dates across periods",
}


def test_the_schema_rejects_every_bad_county_file_a_schema_can_catch() -> None:
    passed, rejected, not_yaml = [], [], []
    for case in REJECTED:
        try:
            instance = editor_yaml.load(case.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
            not_yaml.append(case.name)
            continue
        problems = list(_schema().iter_errors(instance))
        (rejected if problems else passed).append(case.name)
    assert sorted(passed) == sorted(NOT_FOR_A_SCHEMA)
    assert len(rejected) >= 15 and len(not_yaml) >= 2
    for case in ACCEPTED:
        assert _problems(case.read_text("utf-8")) == []


#: YAML for one field, and whether navplan reads it: the schema must agree.
RESOURCE_VALUES = {
    "id": ["it-utrulling", "Fylkeskoordinatør", "2020", "9.3", '"-it"', '"it utrulling"', '"' + "x" * 40 + '"',
          '"' + "x" * 41 + '"', "~"],
    "name": ['"IT-utrulling (basis IKT)"', "2020", "~", '""', '"a\\u0007b"', '"' + "y" * 201 + '"'],
    "capacity": ["0", "2", "1000", "1001", "-1", '"3"', "2 per uke", "1.5", "~", "true"],
    "unit": ["at-once", "per-week", "samtidig", "per uke", "Per Uke", "per_week", "AT ONCE", "per week",
             "per month", "weekly", "~", "2"],
    "periods": ["[]", "[{from: 2027-07-12, to: 2027-08-06, capacity: 0}]",
                "[{from: 12.07.2027, to: 06.08.2027, capacity: 1}]", "[{from: 2027-07-12, capacity: 0}]",
                "[{from: 2027-02-30, to: 2027-03-01, capacity: 0}]", "[{from: 2027-07-12, to: 2027-08-06}]",
                "[{from: 2027-07-12, to: 2027-08-06, capacity: 0, why: ferie}]", "~", "{}"],
    "activities": ['["9.3.2", "M4"]', "[9.3.2]", "[]", '"M4"', "~", '["-x"]'],
}
TOP_VALUES = {
    "county": ["Innlandet", "2020", '""', "~", "[Innlandet]", '"' + "z" * 200 + '"', '"' + "z" * 201 + '"'],
    "språk": ["nb", "nn", "en", "NB", '" en "', "de", "~", "1"],
    "language": ["nb", "nn", "fr"],
    "navplan": ["1", "2", "one"],
}


def test_each_fields_values_are_read_alike_by_navplan_and_the_schema(tmp_path: Path) -> None:
    samples = []
    for field, values in RESOURCE_VALUES.items():
        for value in values:
            base = {"id": "it", "capacity": "2", "unit": "per-week", field: value}
            samples.append((f"resources[].{field}: {value}", "county: Innlandet\nresources:\n  - " +
                            "\n    ".join(f"{key}: {text}" for key, text in base.items()) + "\n"))
    for field, values in TOP_VALUES.items():
        for value in values:
            base = {"county": "Innlandet", field: value}
            samples.append((f"{field}: {value}", "".join(f"{key}: {text}\n" for key, text in base.items())))
    differ = []
    for label, text in samples:
        path = tmp_path / "fylke.yaml"
        path.write_text(text, encoding="utf-8")
        reads, accepts = _navplan_reads(path), not _problems(text)
        if reads != accepts:
            differ.append(f"{label}: navplan {'reads' if reads else 'refuses'} it, the schema "
                          f"{'accepts' if accepts else 'rejects'} it")
    assert differ == [], "\n".join(differ)
