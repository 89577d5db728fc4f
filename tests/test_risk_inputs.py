"""What a plan (and the handbook data) tells `navplan risk` beyond duration ranges (issue 21):
shared causes (`correlation:`), risk events (`risks:`), work that happens or not
(`probability:` on an activity), what remains of started work (`remaining:`, and
`navplan set --remaining`). Each is read, checked against the network, and refused with
a located message when it cannot be used; the hostile cases are in tests/bad_inputs/
(correlation_*, risk_*, remaining_*, probability_*).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run_navplan
from navplan.errors import InvalidValue, NavplanError
from navplan.plan.handbook_files import load_handbook
from navplan.plan.loading import validate
from navplan.plan.plan_model import Plan
from navplan.plan.project import build_project, load_project
from navplan.plan.safe_yaml import parse_yaml
from navplan.plan.values import Duration, DurationRange, parse_probability, parse_rank
from plandiff import changed_lines

HEAD = 'navplan: 1\noffice: "NAV Test"\nopening: 2028-01-03\nstart: 2027-01-04\n'

FULL = HEAD + """\
correlation:
  - activities: ["9.2.1", "9.2.2", "9.2.3"]
    rank: 0.6
    reason: "samme utleier"
  - activities: ["9.2.2", "3.2.2"]       # 9.2.2 in two groups: allowed
    rank: 0.3
    reason: "kommunestyret vedtar både leie og avtale"
risks:
  - id: R1
    title: "Anbudet må lyses ut på nytt"
    probability: 0.2
    delays: ["9.2.2"]
    by: 6w..10w
    owner: "Anna Lena Gaup"
    mitigation: "Markedsdialog før utlysing"
  - id: R2
    title: "Kommunestyret utsetter saken"
    probability: 15 %
    delays: "3.2.2"
    by: 4w
activities:
  - id: "7.2"
    status: started
    actual_start: 2027-03-01
    remaining: 2w
  - id: "7.1"
    probability: 0,5
"""


def project_of(text: str):
    document = parse_yaml(text, "navplan.yaml")
    return build_project(validate(Plan, document), document)


def refusal(text: str) -> str:
    with pytest.raises((NavplanError, InvalidValue)) as caught:
        project_of(text)
    return caught.value.render("en")


def test_a_plan_with_every_risk_input_is_read() -> None:
    project = project_of(FULL)
    causes = {cause.reason.get("nb"): cause for cause in project.shared_causes if cause.origin == "plan"}
    landlord = causes["samme utleier"]
    assert (landlord.members, landlord.rank, landlord.id) == (("9.2.1", "9.2.2", "9.2.3"), 0.6, None)
    assert causes["kommunestyret vedtar både leie og avtale"].members == ("9.2.2", "3.2.2")
    first, second = project.risks
    assert (first.id, first.title, first.probability, first.delays, first.owner, first.mitigation) == (
        "R1", "Anbudet må lyses ut på nytt", 0.2, ["9.2.2"], "Anna Lena Gaup", "Markedsdialog før utlysing")
    assert first.by == DurationRange.parse("6w..10w")
    assert (second.probability, second.delays, second.by, second.owner) == (0.15, ["3.2.2"], Duration.parse("4w"), None)
    started = project.activities["7.2"]
    assert started.remaining == Duration.parse("2w")
    assert project.activities["7.1"].probability == 0.5
    assert project.activities["7.4"].probability is None and project.activities["7.4"].remaining is None


@pytest.mark.parametrize("written,value", [("0.2", 0.2), ('"0.2"', 0.2), (".2", 0.2), ("0,2", 0.2), ("20 %", 0.2),
                                           ("20%", 0.2), ('"20 %"', 0.2), ("1", 1.0), ("100 %", 1.0),
                                           ("2e-1", 0.2), ("0.5 %", 0.005), ("12,5 %", 0.125)])
def test_a_probability_is_read_as_people_write_it(written: str, value: float) -> None:
    risk = f'risks:\n  - id: R1\n    title: T\n    probability: {written}\n    delays: ["7.4"]\n    by: 2w\n'
    assert project_of(HEAD + risk).risks[0].probability == pytest.approx(value)


@pytest.mark.parametrize("written", ["0", "0 %", "20", "1.5", "120 %", "-0.2", "maybe", "~", "true", "50 % %", ".nan"])
def test_a_probability_outside_0_to_1_is_refused_in_navplans_words(written: str) -> None:
    risk = f'risks:\n  - id: R1\n    title: T\n    probability: {written}\n    delays: ["7.4"]\n    by: 2w\n'
    message = refusal(HEAD + risk)
    assert "risks[R1].probability:" in message
    assert "is not a probability: write a number above 0 and at most 1 (0.2) or a percentage (20 %)" in message


def test_probability_and_rank_parsers_directly() -> None:
    assert parse_probability("0x1") == 1.0, "YAML 1.2 reads 0x1 as the number 1, as an editor does"
    assert parse_rank("0") == 0.0 and parse_rank("1.0") == 1.0 and parse_rank("0,6") == 0.6
    for wrong in ("-0.4", "1.2", "60 %", "x"):
        with pytest.raises(InvalidValue) as caught:
            parse_rank(wrong)
        assert "is not a rank correlation from 0 to 1" in caught.value.render("en")


def test_the_handbooks_shared_causes_apply_with_their_reason_and_source() -> None:
    handbook = {cause.id: cause for cause in load_handbook().correlation}
    assert {"lokaler", "ikt"} <= set(handbook)
    for cause in handbook.values():
        assert cause.source.is_estimate, f"{cause.id}: a rank is navplan's estimate, never the handbook's word"
        assert len(cause.source.estimate.nb) > 30 and cause.source.estimate.nb != cause.source.estimate.en
        assert 0 < cause.rank < 1
    project = project_of(HEAD)
    applied = {cause.id: cause for cause in project.shared_causes}
    premises = applied["lokaler"]
    assert premises.origin == "handbook" and premises.members == tuple(handbook["lokaler"].activities)
    assert premises.reason == handbook["lokaler"].reason and premises.source == handbook["lokaler"].source


def test_a_plan_changes_or_switches_off_a_handbook_cause_by_its_id() -> None:
    changed = project_of(HEAD + 'correlation:\n  - {id: lokaler, rank: 0.8, reason: "én utleier i kommunen"}\n')
    premises = {cause.id: cause for cause in changed.shared_causes}["lokaler"]
    assert (premises.rank, premises.reason.get("en"), premises.origin) == (0.8, "én utleier i kommunen", "plan")
    assert premises.members == tuple({c.id: c for c in load_handbook().correlation}["lokaler"].activities)
    off = project_of(HEAD + "correlation:\n  - {id: lokaler, rank: 0}\n")
    assert "lokaler" not in {cause.id for cause in off.shared_causes}
    assert "ikt" in {cause.id for cause in off.shared_causes}, "the other handbook causes stay"


def test_a_handbook_cause_leaves_out_what_this_plan_does_not_sample() -> None:
    """A dropped activity, or one the plan fixes with a plain duration, is not sampled: the
    handbook's group goes on without it, and when fewer than two are left it is gone."""
    handbook = {c.id: c for c in load_handbook().correlation}["lokaler"]
    first, second, *rest = handbook.activities
    project = project_of(HEAD + f'drop: ["{first}"]\nactivities:\n  - id: "{second}"\n    duration: 4w\n')
    premises = {cause.id: cause for cause in project.shared_causes}["lokaler"]
    assert premises.members == tuple(rest)
    whole = project_of(HEAD + 'drop: ["9.2"]\n')
    assert "lokaler" not in {cause.id for cause in whole.shared_causes}


def test_too_many_risks_or_coupled_activities_are_refused_with_the_limit() -> None:
    risks = "risks:\n" + "".join(f'  - {{id: R{n}, title: T, probability: 0.1, delays: ["7.4"], by: 1w}}\n'
                                 for n in range(201))
    assert "risks: can have at most 200" in refusal(HEAD + risks)
    block = '  - {{id: "L{n}", title: T, parent: "9", duration: {{low: 1w, likely: 2w, high: 3w}}}}\n'
    locals_ = "activities:\n" + "".join(block.format(n=n) for n in range(101))
    members = ", ".join(f'"L{n}"' for n in range(101))
    group = ("correlation:\n  - {id: lokaler, rank: 0}\n  - {id: ikt, rank: 0}\n"
             f'  - activities: [{members}]\n    rank: 0.2\n    reason: "samme leverandør"\n')
    message = refusal(HEAD + group + locals_)
    assert "correlation: the shared causes couple 101 activities; navplan samples at most 100" in message


def test_remaining_work_on_a_months_activity_is_given_in_months() -> None:
    text = HEAD + 'activities:\n  - id: "3.1.4"\n    status: started\n    actual_start: 2027-03-01\n    remaining: 1m\n'
    assert project_of(text).activities["3.1.4"].remaining == Duration.parse("1m")
    text = HEAD + 'activities:\n  - id: "7.2"\n    status: started\n    remaining: 1w..4w\n'
    assert project_of(text).activities["7.2"].remaining == DurationRange.parse("1w..4w")


# --- navplan set --remaining, and what done and set --status do to it ------------------------------

PLAN = HEAD + """\
activities:
  - id: "7.2"           # Utarbeide beskrivelse av den enkelte rolle
    status: started
    actual_start: 2026-09-01
  - id: "7.3"
    owner: "Kari"
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "navplan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_set_remaining_writes_one_line_into_the_started_activitys_block(plan: Path) -> None:
    result = run_navplan("set", "7.2", plan, "--remaining", "2w", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    new = plan.read_text(encoding="utf-8")
    assert changed_lines(PLAN, new) == ([], ["    remaining: 2w"])
    assert load_project(plan).activities["7.2"].remaining == Duration.parse("2w")
    assert result.stderr.endswith(": 7.2 Describe each role: remaining – → 2 weeks\n")
    again = run_navplan("set", "7.2", plan, "--remaining", "1w..3w")
    assert again.exit_code == 0, again.stderr
    assert changed_lines(PLAN, plan.read_text(encoding="utf-8")) == ([], ["    remaining: 1w..3w"])
    cleared = run_navplan("set", "7.2", plan, "--clear", "remaining")
    assert cleared.exit_code == 0 and plan.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize("activity,value,message", [
    ("7.3", "2w", "7.3 has not started: remaining is what is left of work under way"),
    ("7.2", "0d", "nothing remains of 7.2: mark it done"),
    ("7.2", "2m", "7.2 is counted in working days and weeks: give what remains in d or w"),
    ("7.2", "soon", "'soon' is not a duration"),
])
def test_set_remaining_is_refused_where_it_cannot_hold_and_the_file_is_left_alone(
        plan: Path, activity: str, value: str, message: str) -> None:
    result = run_navplan("set", activity, plan, "--remaining", value, "--lang", "en")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and plan.read_text(encoding="utf-8") == PLAN


def test_done_and_a_status_other_than_started_take_remaining_away(plan: Path) -> None:
    assert run_navplan("set", "7.2", plan, "--remaining", "2w").exit_code == 0
    done = run_navplan("done", "7.2", plan, "--on", "30.11.2026")
    assert done.exit_code == 0, done.stderr
    text = plan.read_text(encoding="utf-8")
    assert "remaining" not in text and "    status: done\n" in text
    activity = load_project(plan).activities["7.2"]
    assert activity.remaining is None and activity.actual_finish == dt.date(2026, 11, 30)
    plan.write_text(PLAN, encoding="utf-8")
    assert run_navplan("set", "7.2", plan, "--remaining", "2w").exit_code == 0
    reset = run_navplan("set", "7.2", plan, "--status", "not_started")
    assert reset.exit_code == 0, reset.stderr
    assert "remaining" not in plan.read_text(encoding="utf-8")


# --- The handbook's "eventuell" --------------------------------------------------------------------


def test_the_notice_period_happens_or_not_with_an_estimated_probability() -> None:
    """Figure 2 (p. 7): "Eventuell 3 måneders oppsigelsestid" — three months, or none. The
    probability is navplan's estimate, with its reason in both languages."""
    notice = {a.id: a for a in load_handbook().activities}["3.1.4"]
    assert str(notice.duration) == "3m" and notice.duration_range is None
    assert 0 < notice.probability < 1
    assert notice.probability_source.is_estimate
    assert "ekstern rekruttering" in notice.probability_source.estimate.nb
    assert "external recruitment" in notice.probability_source.estimate.en
    project = project_of(HEAD)
    assert project.activities["3.1.4"].probability == notice.probability
    assert project_of(HEAD + 'activities:\n  - id: "3.1.4"\n    probability: 1\n').activities["3.1.4"].probability == 1


def test_navplan_handbook_shows_the_probability_and_its_reason() -> None:
    nb = " ".join(run_navplan("handbook", "3.1.4").stdout.split())
    en = " ".join(run_navplan("handbook", "3.1.4", "--lang", "en").stdout.split())
    assert "Skjer eller ikke (for navplan risk)" in nb and "Happens or not (for navplan risk)" in en
    assert "50 % — anslag:" in nb and "50% — estimate:" in en


def test_sync_marking_started_work_done_takes_its_remaining_away(tmp_path: Path) -> None:
    """A workbook that says 4.1 is done: the plan's remaining: for 4.1 no longer holds, and the
    plan written by sync must still load."""
    from conftest import INDRE_OSTFOLD_PLAN
    from workbooks import build_workbook, mark

    plan = tmp_path / "navplan.yaml"
    text = INDRE_OSTFOLD_PLAN.read_text(encoding="utf-8")
    started = '  - id: "4.1"\n    status: started\n    actual_start: 2018-12-10\n'
    assert started in text
    plan.write_text(text.replace(started, started + "    remaining: 1w\n"), encoding="utf-8")
    workbook = tmp_path / "plan.xlsx"
    rows = build_workbook(workbook, load_project(plan))
    mark(workbook, rows["4.1"], status="ferdig", finish=dt.date(2019, 3, 5))
    result = run_navplan("sync", workbook, plan, "--yes")
    assert result.exit_code == 0, result.stderr
    activity = load_project(plan).activities["4.1"]
    assert activity.remaining is None and activity.actual_finish == dt.date(2019, 3, 5)
    assert "remaining" not in plan.read_text(encoding="utf-8")


def test_clearing_a_probability_says_it_in_percent(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(HEAD + 'activities:\n  - id: "7.1"\n    probability: 0.3\n', encoding="utf-8")
    result = run_navplan("set", "7.1", plan, "--clear", "probability")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(": sannsynlighet 30 % → –\n")
    assert "probability" not in plan.read_text(encoding="utf-8")
