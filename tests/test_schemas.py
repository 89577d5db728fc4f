"""The schemas `navplan schema` publishes, checked with jsonschema.

The plan file's schema is checked against plans as an editor reads them
(tests/editor_yaml.py: YAML 1.2): every plan navplan accepts (the examples, the
README's snippet, every tests/cases/ok plan, what `navplan init` writes,
random plans) must be valid, and every error case a schema can tell from the
file alone must be invalid. The output schemas are checked against what the
commands print.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

import editor_yaml
from conftest import EXAMPLES, REPO, run_navplan
from navplan.errors import InvalidValue, NavplanError
from navplan.plan.loading import validate
from navplan.plan.plan_model import Plan
from navplan.plan.project import build_project
from navplan.plan.safe_yaml import parse_yaml
from navplan.schemas import DOCUMENTS, schema
from test_hostile_properties import plans

CASES = REPO / "tests" / "cases"
BAD = REPO / "tests" / "bad_inputs"
PLAN = jsonschema.Draft202012Validator(schema("plan"))

#: Error cases the schema cannot catch, and why: they need the handbook's network
#: or arithmetic on dates, or are not about the file's shape at all.
NOT_FOR_A_SCHEMA = {
    "cases/errors/cycle_local.yaml": "a cycle needs the network",
    "cases/errors/cycle_three_handbook.yaml": "a cycle needs the network",
    "cases/errors/cycle_through_handbook.yaml": "a cycle needs the network",
    "cases/errors/self_dependency.yaml": "a cycle needs the network",
    "bad_inputs/cycle_three_local.yaml": "a cycle needs the network",
    "bad_inputs/self_dependency_local.yaml": "a cycle needs the network",
    "cases/errors/unknown_after_id.yaml": "local activities are ids too: which ids exist needs the network",
    "bad_inputs/unknown_id_in_after.yaml": "which ids exist needs the network",
    "bad_inputs/unknown_id_in_drop.yaml": "which ids exist needs the network",
    "bad_inputs/unknown_id_block.yaml": "whether an id is the handbook's (or needs a title) needs the network",
    "cases/errors/local_without_title.yaml": "whether an id is the handbook's (or needs a title) needs the network",
    "cases/errors/duplicate_activity_block.yaml": "JSON Schema cannot say that ids in a list are unique",
    "bad_inputs/duplicate_ids.yaml": "JSON Schema cannot say that ids in a list are unique",
    "cases/errors/start_after_opening.yaml": "comparing two dates",
    "bad_inputs/opening_before_start.yaml": "comparing two dates",
    "bad_inputs/baseline_finish_before_start.yaml": "comparing two dates",
    "cases/errors/duplicate_key.yaml": "a key written twice is YAML's matter: editors flag it themselves",
    "bad_inputs/duplicate_top_key.yaml": "a key written twice is YAML's matter: editors flag it themselves",
    "bad_inputs/escaped_surrogate.yaml": "a lone surrogate: editors' patterns see text as UTF-16 code units",
    "bad_inputs/correlation_unknown_id.yaml": "which ids exist needs the network",
    "bad_inputs/correlation_no_range.yaml": "whether an activity is sampled needs the network",
    "bad_inputs/correlation_milestone.yaml": "whether an activity is sampled needs the network",
    "bad_inputs/correlation_summary.yaml": "which ids are summaries needs the network",
    "bad_inputs/correlation_dropped.yaml": "what drop: takes out (with its sub-activities) needs the network",
    "bad_inputs/correlation_unknown_group.yaml": "a new group's id with no activities: the handbook's group ids",
    "bad_inputs/risk_duplicate_id.yaml": "JSON Schema cannot say that ids in a list are unique",
    "bad_inputs/risk_id_is_activity.yaml": "which ids are the activities' needs the network",
    "bad_inputs/risk_delays_unknown.yaml": "which ids exist needs the network",
    "bad_inputs/risk_delays_opening.yaml": "the opening's id is the handbook's",
    "bad_inputs/risk_delays_summary.yaml": "which ids are summaries needs the network",
    "bad_inputs/risk_delays_months.yaml": "which activities are counted in months is the handbook's",
    "bad_inputs/remaining_units.yaml": "whether an activity is counted in months needs the network",
    "bad_inputs/probability_on_milestone.yaml": "which ids are milestones needs the network",
    "bad_inputs/probability_on_summary.yaml": "which ids are summaries needs the network",
    "bad_inputs/chain_past_year_9999.yaml": "a chain's length in days needs the network and the calendar",
    "cases/errors/fixed_on_a_main_activity.yaml": "which activities are summaries needs the handbook",
    "bad_inputs/capacity_unknown_name.yaml": "which names are roles and owners needs the handbook and the plan",
    "bad_inputs/capacity_twice.yaml": "that a role's id and its title name one role needs the handbook",
    "bad_inputs/capacity_of_a_resource.yaml": "comparing capacity's keys with the resources' ids",
    "bad_inputs/capacity_three_decimals.yaml": "a number's decimals: JSON Schema's multipleOf works on binary floats",
    "bad_inputs/load_above_capacity.yaml": "comparing a load with the capacity of the role that does the work",
    "bad_inputs/load_on_milestone.yaml": "which ids are milestones needs the network",
    "bad_inputs/schedule_on_summary.yaml": "which ids are summaries needs the network",
    "bad_inputs/uses_unknown_resource.yaml": "comparing uses: with the resources' ids",
    "bad_inputs/resource_is_role.yaml": "which ids are roles needs the handbook (and the current layer's roles)",
    "bad_inputs/resource_twice.yaml": "JSON Schema cannot say that ids in a list are unique",
}
#: Cases navplan accepts that the editor's YAML parser (PyYAML) cannot read.
UNREADABLE_BUT_VALID = {"bad_inputs/accept_tab_after_colon.yaml": "PyYAML refuses a tab after a colon"}


def editor_view(path: Path):
    return editor_yaml.load(path.read_bytes().decode("utf-8-sig"))


def problems(instance) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}" for error in PLAN.iter_errors(instance)]


def loader_accepts(text: str) -> bool:
    """Whether navplan reads ``text`` as a plan: its fields, and its references to the handbook."""
    try:
        document = parse_yaml(text, "navplan.yaml")
        if document.content is None:
            return False
        build_project(validate(Plan, document), document)
        return True
    except (NavplanError, InvalidValue):
        return False


@pytest.mark.parametrize("document", DOCUMENTS)
def test_each_schema_is_a_valid_json_schema(document: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(document))
    result = run_navplan("schema", document)
    assert result.exit_code == 0 and json.loads(result.stdout) == schema(document)


def readme_plans() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [block for block in re.findall(r"```yaml\n(.*?)```", text, re.S) if re.search(r"^office:", block, re.M)]


def plans_navplan_accepts() -> list[tuple[str, str]]:
    files = [*sorted(EXAMPLES.glob("*/navplan.yaml")), *sorted((CASES / "ok").glob("*.yaml")),
             *sorted(p for p in BAD.glob("accept_*") if p.relative_to(REPO / "tests").as_posix()
                     not in UNREADABLE_BUT_VALID)]
    named = [(path.relative_to(REPO).as_posix(), path.read_bytes().decode("utf-8-sig")) for path in files]
    return named + [(f"README.md plan {number}", text) for number, text in enumerate(readme_plans(), 1)]


@pytest.mark.parametrize("name,text", plans_navplan_accepts(), ids=lambda value: value if "\n" not in value else "")
def test_every_plan_navplan_accepts_is_valid(name: str, text: str) -> None:
    assert loader_accepts(text), f"{name}: navplan should read it"
    assert problems(editor_yaml.load(text)) == []


def test_the_readme_holds_a_plan_snippet() -> None:
    assert readme_plans(), "the README's 'The plan file' section shows a plan in a ```yaml block"


@pytest.mark.parametrize("template", ["new", "merger"])
def test_a_plan_navplan_init_writes_is_valid(template: str, tmp_path: Path) -> None:
    made = run_navplan("init", tmp_path, "--office", "NAV Ny", "--opening", "03.01.2028", "--template", template,
                       "-m", "Ny")
    assert made.exit_code == 0, made.stderr
    assert problems(editor_view(tmp_path / "navplan.yaml")) == []


def test_the_schema_rejects_every_error_case_a_schema_can_catch() -> None:
    """Each error case is read as an editor would; what YAML itself refuses is the
    editor's parser's matter. Of the rest, only NOT_FOR_A_SCHEMA may pass."""
    cases = [*sorted((CASES / "errors").glob("*.yaml")),
             *sorted(p for p in BAD.iterdir() if p.is_file() and not p.name.endswith(".expect")
                     and not p.name.startswith("accept_"))]  # county files have their own: tests/test_county_file.py
    passed, rejected, not_yaml = [], [], []
    for case in cases:
        name = case.relative_to(REPO / "tests").as_posix()
        try:
            instance = editor_view(case)
        except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
            not_yaml.append(name)
            continue
        (rejected if problems(instance) else passed).append(name)
    assert sorted(passed) == sorted(NOT_FOR_A_SCHEMA)
    assert len(rejected) >= 35 and len(not_yaml) >= 15


#: YAML for one field, and whether navplan reads it: the schema must agree.
FIELD_VALUES = {
    "navplan": ["1", '"1"', "01", "1.0", "2", "0", "one", "~"],
    "office": ['"NAV Nord"', "2020", "true", '"  NAV Nord  "', '""', '"   "', "~", "[NAV]", '"a\\u0007b"',
               '"' + "x" * 200 + '"', '"' + "x" * 201 + '"', '"  ' + "x" * 200 + '  "'],
    "municipalities": ['["Askim", "Eidsberg"]', "[1814]", '[""]', '"Askim"', "~", "[]", '["' + "y" * 101 + '"]'],
    "opening": ["2028-01-03", "03.01.2028", "3.1.2028", '" 03.01.2028 "', "2028-1-3", "30.02.2028", "29.02.2028",
                "29.02.2027", "2100-02-29", "2096-02-29", "31.04.2028", "01.01.1989", "31.12.2150", "01.01.2151",
                "01/01/2028", "20280103", "~", "2028-01-03 10:00"],
    "start": ["2027-01-04", "~", "04.01.2027", "2027-02-30"],
    "template": ["new", "merger", "New", "fusion", "~"],
    "handbook": ['"2.0"', "2.0", '"2"', "3.0", "~"],
    "calendar": ["{fellesferie: true}", "{fellesferie: yes}", "{fellesferie: [28, 29]}", '{fellesferie: ["28"]}',
                 "{fellesferie: [54]}", "{fellesferie: 1}", "{fellesferie: maybe}", "{fellesferie: ~}",
                 "{christmas_closure: on}", "{christmas_closure: TRUE}", "{christmas_closure: 2}",
                 "{closed: [2027-05-31, 14.05.2027]}", "{closed: [2027-02-30]}", "{closed: 2027-05-31}",
                 "{closed: ~}", "{calender: true}", "~", "{}"],
    "drop": ['["9.2"]', "[9.2]", '"9.2"', '["-bad"]', "[]", "~", '["' + "a" * 33 + '"]'],
    "correlation": ['[{activities: ["9.2.1", "9.2.2"], rank: 0.6, reason: "samme utleier"}]',
                    '[{activities: "9.2.1", rank: 0.6, reason: x}]', '[{activities: ["9.2.1", "9.2.2"], rank: 0.6}]',
                    "[{id: lokaler, rank: 0}]", '[{id: lokaler, rank: "0,3"}]', "[{id: lokaler, rank: .5}]",
                    '[{id: lokaler, activities: ["9.2.2", "9.2.3"], rank: 1}]',
                    '[{activities: ["9.2.1"], rank: 0.5, reason: x}]',
                    '[{activities: ["9.2.1", "9.2.1"], rank: 0.5, reason: x}]',
                    '[{activities: ["9.2.1", "9.2.2"], rank: -0.5, reason: x}]',
                    '[{activities: ["9.2.1", "9.2.2"], rank: 1.5, reason: x}]',
                    '[{activities: ["9.2.1", "9.2.2"], rank: 50 %, reason: x}]',
                    '[{activities: ["9.2.1", "9.2.2"], rank: 0.5, reason: x, weight: 2}]',
                    '[{activities: ["9.2.1", "9.2.2"], reason: x}]', '[{id: lokaler}]',
                    '[{id: lokaler, rank: 0.5, reason: "a\\u0007b"}]',
                    '{activities: ["9.2.1", "9.2.2"], rank: 0.5, reason: x}', "[]", "~"],
    "risks": ['[{id: R1, title: T, probability: 0.2, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, title: T, probability: 20 %, delays: "9.2.2", by: 6w..10w}]',
              '[{id: R1, title: T, probability: "0,2", delays: ["9.2.2"], by: {low: 6w, likely: 7w, high: 10w}}]',
              '[{id: R1, title: T, probability: 1, delays: ["9.2.2", "9.2.3"], by: 0d..2w, owner: Kari, '
              'mitigation: "two\\nlines"}]',
              '[{id: R1, title: T, probability: 0, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, title: T, probability: 20, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, title: T, probability: 100.5 %, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, title: T, probability: maybe, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, probability: 0.2, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, title: "", probability: 0.2, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, title: T, probability: 0.2, delays: [], by: 6w}]',
              '[{id: R1, title: T, probability: 0.2, delays: ["9.2.2", "9.2.2"], by: 6w}]',
              '[{id: R1, title: T, probability: 0.2, delays: ["9.2.2"], by: 2m}]',
              '[{id: R1, title: T, probability: 0.2, delays: ["9.2.2"], by: 0d}]',
              '[{id: R1, title: T, probability: 0.2, delays: ["9.2.2"], by: 0d..0w}]',
              '[{id: R1, title: T, probability: 0.2, delays: ["9.2.2"], by: {low: 0d, high: 0d}}]',
              '[{id: R1, title: T, probability: 0.2, delays: ["9.2.2"]}]',
              '[{id: "R 1", title: T, probability: 0.2, delays: ["9.2.2"], by: 6w}]',
              '[{id: R1, title: T, probability: 0.2, delays: ["9.2.2"], by: 6w, impact: 3}]',
              '[{id: R1, title: "T\\nU", probability: 0.2, delays: ["9.2.2"], by: 6w}]', "[]", "~"],
    "capacity": ["{nav-leder: 2}", "{radmann: 2.5}", '{radmann: "1,5"}', "{Rådmann: 1}", "{radmann: 0}",
                 "{radmann: -1}", "{radmann: 1000}", "{radmann: 1001}", "{radmann: two}", "{radmann: ~}",
                 '{radmann: "0,333"}', "[radmann]", "{}", "~"],
    "resources": ["[{id: koordinator, capacity: 1}]", '[{id: koordinator, title: Koordinator, capacity: "0,5"}]',
                  "[{id: koordinator}]", '[{id: "ko ord", capacity: 1}]', "[{id: koordinator, capacity: 1, kind: x}]",
                  "[{id: koordinator, capacity: 0}]", "[]", "~"],
}
ACTIVITY_VALUES = {
    "duration": ["10d", "3w", "2m", "10", "0", "0d", "10D", '" 10 d "', "2600d", "2601d", "520w", "521w", "120m", "121m",
                 "-3d", "1.5w", "ten days", "10x", "true", "~", "000010d"],
    "milestone": ["true", "false", "yes", "No", "1", "0", "2", "sure", "~"],
    "after": ['["2.1"]', "[2.1]", '"2.1"', "2.1", "[]", "~", '[{id: "2.1", type: SS, lag: 5d}]',
              '[{id: "2.1", type: ss}]', '[{id: "2.1", lag: 1m}]', '[{id: "2.1", lag: 2w}]', '[{id: "2.1", lag: ~}]',
              '[{type: FS}]', '[{id: "2.1", delay: 2d}]', '[["2.1"]]', '{id: "2.1"}'],
    "fixed": ["2027-05-03", "03.05.2027", "~", "May 3rd"],
    "role": ["prosjektleder", '" prosjektleder "', "Prosjektleder", "prosjektleiar", "~", "7"],
    "owner": ['"Kari Nordmann"', "2020", "~", '"Kari\\nNordmann"', "[Kari]", '"' + "k" * 200 + '"', '"' + "k" * 201 + '"'],
    "status": ["done", "ferdig", "Ferdig", "pågår", "PÅGÅR", "ikke startet", "ikke-startet", "not_started",
               "Not Started", "started", "in progress", "finished", "~", '" ferdig "', "_done_"],
    "notes": ['"two\\nlines\\tand a tab"', '"a\\u0007bell"', "~", "42"],
    "title": ['"Flytte inn"', "~", '""', "2020", '"' + "t" * 200 + '"', '"' + "t" * 201 + '"'],
    "parent": ['"7"', "7", "~", '"-7"'],
    "probability": ["0.5", "50 %", "50%", '"0,5"', ".5", "1", "100 %", "0", "0 %", "1.2", "-0.5", "50", "maybe", "~",
                    "true"],
    "schedule": ["alap", "ALAP", '" asap "', "late", "~", "1", "[alap]"],
    "load": ["0.5", '"0,5"', "2", "0", "-1", "~", "half", "1001"],
    "uses": ["~", "[]", '["ko ord"]', '["x", "x"]', "{}"],
}
def _plan_with(field: str, value: str) -> str:
    base = {"office": '"NAV Nord"', "opening": "2028-01-03", "start": "2027-01-04"}
    base[field] = value
    return "".join(f"{key}: {text}\n" for key, text in base.items())


def _activity_with(field: str, value: str, status: str | None = None) -> str:
    extra = f"\n    status: {status}" if status else ""
    return (_plan_with("office", '"NAV Nord"') +
            f'activities:\n  - id: "7.4"\n    {field}: {value}{extra}\n')


def test_each_fields_values_are_read_alike_by_navplan_and_the_schema() -> None:
    samples = [(f"{field}: {value}", _plan_with(field, value)) for field, values in FIELD_VALUES.items()
               for value in values]
    samples += [(f"activities[7.4].{field}: {value}", _activity_with(field, value))
                for field, values in ACTIVITY_VALUES.items() for value in values]
    samples += [(f"actual dates with status {status}", _activity_with("actual_start", "2027-02-01", status) +
                 ("    actual_finish: 2027-03-01\n" if finish else ""))
                for status in (None, "not_started", "pågår", "done") for finish in (False, True)]
    samples += [(f"remaining {value} with status {status}", _activity_with("remaining", value, status))
                for status in (None, "pågår", "done") for value in ("2w", "1w..3w", "{low: 1w, high: 3w}", "0d",
                                                                    "0d..2w", "0w..0d", "~", "soon", "-2w")]
    differ = []
    for label, text in samples:
        navplan_reads = loader_accepts(text)
        schema_accepts = not problems(editor_yaml.load(text))
        if navplan_reads != schema_accepts:
            differ.append(f"{label}: navplan {'reads' if navplan_reads else 'refuses'} it, the schema "
                          f"{'accepts' if schema_accepts else 'rejects'} it")
    assert differ == [], "\n".join(differ)


def test_every_date_the_schema_accepts_navplan_reads_and_the_other_way_round() -> None:
    from navplan.plan.file_schema import _date_pattern
    from navplan.plan.values import parse_date

    pattern = re.compile(_date_pattern())
    years = [0, 1989, 1990, 1991, 1992, 1996, 2000, 2019, 2024, 2027, 2099, 2100, 2104, 2148, 2149, 2150, 2151, 9999]
    texts = [form.format(d=d, m=m, y=y) for y in years for m in range(14) for d in range(33)
             for form in ("{d:02}.{m:02}.{y:04}", "{d}.{m}.{y:04}", "{y:04}-{m:02}-{d:02}")]
    texts += [f"29.02.{y}" for y in range(1990, 2151)] + [f"{y}-02-29" for y in range(1985, 2160)]
    for text in texts:
        try:
            reads = bool(parse_date(text))
        except InvalidValue:
            reads = False
        assert reads == bool(pattern.match(text)), text


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_navplan_reads_are_valid(generated) -> None:
    text, _facts = generated
    if loader_accepts(text):
        assert problems(editor_yaml.load(text)) == [], text


# --- the documents navplan prints ---------------------------------------------------------------------------


def check(document: str, instance) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
              for e in jsonschema.Draft202012Validator(schema(document),
                                                       format_checker=jsonschema.FormatChecker()).iter_errors(instance)]
    assert errors == []


@pytest.mark.parametrize("example,as_of", [("indre-ostfold", "10.12.2018"), ("lillehammer-gausdal", "04.11.2016"),
                                           ("nytt-kontor", "04.01.2027")])
def test_critical_path_and_calendar_json_match_the_schedule_schema(example: str, as_of: str, tmp_path: Path) -> None:
    plan = EXAMPLES / example
    for command in (["critical-path"], ["calendar"], ["calendar", "--by", "month"]):
        result = run_navplan(*command, plan, "--as-of", as_of, "--format", "json")
        assert result.exit_code == 0, result.stderr
        check("schedule", json.loads(result.stdout))
    exported = tmp_path / "plan.json"
    assert run_navplan("export", "json", plan, "--as-of", as_of, "-o", exported).exit_code == 0
    check("schedule", json.loads(exported.read_text(encoding="utf-8")))


def test_portfolio_json_matches_its_schema(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / "examples" / "broken").mkdir()
    (tmp_path / "examples" / "broken" / "navplan.yaml").write_text("office: NAV Feil\nopening: 2030-02-30\n")
    result = run_navplan("portfolio", tmp_path / "examples", "--as-of", "01.03.2019", "--format", "json")
    assert result.exit_code == 2  # the broken plan: its record is in the document all the same
    document = json.loads(result.stdout)
    assert len(document["offices"]) == 4 and document["offices"][-1]["status"] == "error"
    check("portfolio", document)


def test_diff_json_matches_its_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    from gitplans import AS_OF, block, commit_plan, new_repository, plan_text

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, plan_text(block("A", "Alpha", "10d") + block("B", "Beta", "5d", after="[A]")), "first",
                date="2030-01-02")
    (folder / "navplan.yaml").write_text(plan_text(block("A", "Alpha", "15d", status="started",
                                                         actual_start="2030-01-07") +
                                                   block("C", "Gamma", "3d")), encoding="utf-8")
    result = run_navplan("diff", folder, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["moved"] and document["added"] and document["dropped"] and document["status_changed"]
    check("diff", document)


#: Numbers in a plan are written in the digits 0-9 (issue 17, item 29): navplan read `０５d`, `٣d` and
#: full-width dates, which the schema refused, and refused `00000000001d`, which the schema accepted.
#: One rule now: ASCII digits only, any number of leading zeros, the value within its limit.
DIGIT_SPELLINGS = [
    # (where, value, read by both)
    ("duration", "10d", True), ("duration", "０５d", False), ("duration", "٣d", False), ("duration", "५w", False),
    ("duration", "1０d", False), ("duration", "00000000001d", True), ("duration", "0000000000000000000003w", True),
    ("duration", "000000002600d", True), ("duration", "000000002601d", False), ("duration", "0000000120m", True),
    ("duration", "0000000121m", False), ("duration", "3w..20w", True), ("duration", "٣w..20w", False),
    ("duration", "3w..٢٠w", False), ("duration", "0000000003w..20w", True),
    ("duration", "{low: 3w, likely: 5w, high: 20w}", True), ("duration", "{low: 3w, likely: ٥w, high: 20w}", False),
    ("duration", "{low: 00000000003w, likely: 5w, high: 20w}", True),
    ("after", '[{id: "2.1", lag: 3d}]', True), ("after", '[{id: "2.1", lag: ٣d}]', False),
    ("after", '[{id: "2.1", lag: 00000000003d}]', True),
    ("fixed", "03.05.2027", True), ("fixed", "０３.05.2027", False), ("fixed", "03.05.２０２７", False),
    ("fixed", "٠٣.٠٥.٢٠٢٧", False), ("fixed", "2027-٠٥-03", False), ("fixed", "２０２７-05-03", False),
]


@pytest.mark.parametrize(("field", "value", "read"), DIGIT_SPELLINGS, ids=[f"{f}: {v}" for f, v, _ in DIGIT_SPELLINGS])
def test_numbers_are_written_in_ascii_digits_for_navplan_and_the_schema_alike(field: str, value: str,
                                                                              read: bool) -> None:
    text = _activity_with(field, value)
    assert loader_accepts(text) is read, f"navplan {'refuses' if read else 'reads'} {value}"
    assert (not problems(editor_yaml.load(text))) is read, f"the schema {'rejects' if read else 'accepts'} {value}"


@pytest.mark.parametrize("value", ["０３.01.2028", "2028-٠١-03", "03.01.２０２８"])
def test_an_opening_in_other_digits_is_refused_by_both(value: str) -> None:
    text = _plan_with("opening", value)
    assert not loader_accepts(text) and problems(editor_yaml.load(text))
