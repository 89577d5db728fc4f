"""`navplan risk` as people and machines read it, ranges in plan files, and
the risk in the report, the workbook and the portfolio.

The small plan (see gitplans: opening 04.03.2030 is working-day point 40
after Monday 07.01.2030, no holidays in between) has
  A: {low 1d, likely 2d, high 3d}, rounded to whole days: P(1) = F(1.5) = 1/8,
     P(2) = F(2.5) - F(1.5) = 3/4, P(3) = 1/8 (F the triangle's distribution function);
  B: 38d after A, fixed, not after 28.02.2030 (its last day may be point 38, so it finishes by point 39);
  M: a milestone after A, fixed on 09.01.2030 (point 2).
The opening's forecast is A + 38: points 39, 40, 41 with 1/8, 3/4, 1/8. It holds when A <= 2 (7/8);
M holds when A ends by point 2 (A <= 2: 7/8); B's deadline holds when A + 38 <= 39 (A = 1: 1/8).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import EXAMPLES, REPO, run_navplan
from gitplans import AS_OF, block, no_repository_above, plan_text  # noqa: F401  (a fixture)

SMALL = plan_text(
    block("A", "Arbeid", "{low: 1d, likely: 2d, high: 3d}")
    + block("B", "Bygging", "38d", after='["A"]', not_after="2030-02-28")
    + block("M", "Møte", None, milestone="true", after='["A"]', fixed="2030-01-09"))
SAMPLES = 10_000


def close(value: float, expected: float) -> bool:
    return abs(value - expected) <= 4.5 * math.sqrt(expected * (1 - expected) / SAMPLES) + 1e-12


@pytest.fixture
def small(tmp_path: Path) -> Path:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(SMALL, encoding="utf-8")
    return plan


def risk_json(plan: Path, *args: str) -> dict:
    result = run_navplan("risk", plan, "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_small_plan_worked_out_by_hand(small: Path) -> None:
    document = risk_json(small)
    assert close(document["probability_opening_holds"], 7 / 8)
    assert document["opening_holds_deterministic"] is True and document["slack_to_opening_deterministic"] == 0
    # P50 and P85 at point 40 (the opening date itself: 7/8 = 87.5 % of samples are done by then).
    assert [(f["percentile"], f["date"], f["slack"]) for f in document["forecasts"]] == [
        (50, "2030-03-04", 0), (85, "2030-03-04", 0)]
    assert (document["percentiles"], document["frame"], document["buffer"]["slack"]) == ([50, 85], 85, 0)
    # Point 39 is Friday 01.03.2030: all work done by Thursday, the office could open on Friday.
    steps = document["distribution"]
    assert [(s["date"], s["slack"]) for s in steps] == [("2030-03-01", 1), ("2030-03-04", 0), ("2030-03-05", -1)]
    assert close(steps[0]["probability"], 1 / 8) and close(steps[1]["cumulative"], 7 / 8)
    assert steps[-1]["cumulative"] == 1.0
    dates = {(d["id"], d["kind"]): d for d in document["dates"]}
    assert close(dates["M", "fixed"]["probability"], 7 / 8) and dates["M", "fixed"]["holds_deterministic"]
    assert close(dates["B", "not_after"]["probability"], 1 / 8) and not dates["B", "not_after"]["holds_deterministic"]
    # B's work ends A + 38 working days after the as-of date: its last day is point 38 (Thursday 28.02,
    # in time) when A = 1, else point 39 (Friday 01.03.2030, a day late) at P50 and at P85.
    assert [(p["percentile"], p["date"], p["slack"]) for p in dates["B", "not_after"]["percentiles"]] == [
        (50, "2030-03-01", -1), (85, "2030-03-01", -1)]
    # The opening moves exactly with A: a rank correlation of 1. A and B are on the chain in every sample.
    activities = {a["id"]: a for a in document["activities"]}
    assert document["drivers"] == ["A"] and activities["A"]["correlation"] == 1.0
    assert activities["A"]["criticality"] == activities["B"]["criticality"] == 1.0
    assert (activities["A"]["duration_low"], activities["A"]["duration"], activities["A"]["duration_high"]) == \
        ("1d", "2d", "3d")
    assert activities["B"]["sampled"] is False and activities["B"]["correlation"] is None
    # The tornado: A held at 1 day, every sample opens at point 39 (P85 a day earlier); at 3 days at 41.
    assert (activities["A"]["held_low"], activities["A"]["held_high"]) == (-1, 1)
    assert [(bar["id"], bar["held_low"], bar["held_high"]) for bar in document["tornado"]] == [("A", -1, 1)]
    # What the numbers assume: the plan's own range for A, no shared cause, no risk, no levelling.
    assumptions = document["assumptions"]
    assert (assumptions["plan_ranges"], assumptions["handbook_ranges"], assumptions["levelling_applied"]) == (
        ["A"], [], False)
    assert document["shared_causes"] == [] and document["risks"] == []
    assert (document["samples"], document["seed"], document["distribution_kind"]) == (10_000, 2007, "triangular")
    assert document["format_version"] == 2


def test_other_percentiles_by_option(small: Path) -> None:
    # P95 at point 41 (only 7/8 are done by 40): Tuesday 05.03.2030, a day late.
    document = risk_json(small, "--percentiles", "50,85,95")
    assert [(f["percentile"], f["date"], f["slack"]) for f in document["forecasts"]] == [
        (50, "2030-03-04", 0), (85, "2030-03-04", 0), (95, "2030-03-05", -1)]
    # Without 85 the buffer is read at the highest shown: P95, a day missing.
    document = risk_json(small, "--percentiles", "10,95")
    assert document["frame"] == 95 and document["buffer"]["slack"] == -1
    out = " ".join(run_navplan("risk", small, "--as-of", AS_OF, "--percentiles", "10,95").stdout.split())
    assert "P10 01.03.2030 · P95 05.03.2030" in out and "Med 95 % sannsynlighet mangler det høyst 1 arbeidsdag." in out
    for value in ("0", "100", "85,x", ""):
        result = run_navplan("risk", small, "--as-of", AS_OF, "--percentiles", value)
        assert result.exit_code == 2 and result.stdout == "" and "--percentiles" in result.stderr, value
        assert result.stderr.count("\n") == 1

def test_the_terminal_shows_the_verdict_the_distribution_and_the_drivers(small: Path) -> None:
    result = run_navplan("risk", small, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.replace("\xa0", " ").split())
    assert "NAV Testby: risiko per 07.01.2030 (uke 2)" in out
    assert "sannsynlighet for at åpningsdatoen holder." in out
    assert "Tidligste åpning (alt arbeid ferdig): P50 04.03.2030 · P85 04.03.2030" in out
    # The buffer, never a promise of another day: at P85 the work is done just in time.
    assert ("Med 85 % sannsynlighet er arbeidet ferdig i tide til åpningen 04.03.2030, uten arbeidsdager til "
            "overs.") in out
    assert "Forutsetninger • Varighetene trekkes mellom lav og høy verdi: planens egne for 1 (A)." in out
    assert "• Ingen felles årsaker: varighetene trekkes uavhengig av hverandre." in out
    assert "• Ingen risikoer i planen (risks:)" in out and "• Kapasitet er ikke utjevnet" in out
    # By week: week 9 (from 25.02) holds 01.03 (1/8), week 10 (from 04.03) the rest, with the opening and P85.
    assert "uke 9 25.02.2030" in out and "uke 10 04.03.2030" in out and "100 % P85, ◀ åpningsdato" in out
    assert "M Møte 09.01.2030 fast dato" in out and "B Bygging 28.02.2030 ferdig senest" in out
    assert "holder ikke" in out  # B's deadline, with every duration at its likely value
    assert "A Arbeid 1–2–3 arbeidsdager 100 % 1,00 −1 +1" in out  # the tornado's two ends: P85 moves a day
    # B's deadline can slip: what drives it is A, on its chain in every sample.
    assert "Hva truer B (ferdig senest 28.02.2030) mest" in out
    english = " ".join(run_navplan("risk", small, "--as-of", AS_OF, "--lang", "en").stdout.replace("\xa0", " ").split())
    assert ("With 85% probability the work is done in time for the opening on 2030-03-04, with no working day to "
            "spare.") in english
    assert "What threatens the opening most" in english and "A Arbeid 1–2–3 working days 100% 1.00 −1 +1" in english
    assert "Assumptions" in english and "Capacity is not levelled" in english


def test_csv_has_one_row_per_open_activity(small: Path) -> None:
    result = run_navplan("risk", small, "--as-of", AS_OF, "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0] == ("id,title,status,duration,duration_low,duration_high,sampled,criticality,correlation,"
                        "driver_rank,held_low,held_high,probability,remaining")
    assert [line.split(",")[0] for line in lines[1:]] == ["A", "B", "M"]


def test_samples_and_seed_are_checked_and_a_seed_is_reproducible(small: Path) -> None:
    for option, value in (("--samples", "0"), ("--samples", "100001"), ("--samples", "mange"), ("--seed", "-1")):
        result = run_navplan("risk", small, "--as-of", AS_OF, option, value)
        assert result.exit_code == 2 and result.stdout == "" and option in result.stderr, (option, value)
        assert result.stderr.count("\n") == 1
    first = risk_json(small, "--seed", "42", "--samples", "2000")
    assert first == risk_json(small, "--seed", "42", "--samples", "2000")
    assert first["distribution"] != risk_json(small, "--seed", "43", "--samples", "2000")["distribution"]


def test_indre_ostfold_prints_the_probabilities_the_p80_date_and_the_drivers() -> None:
    result = run_navplan("risk", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "sannsynlighet for at åpningsdatoen holder" in out and "P50" in out and "P85" in out and "P80" not in out
    flat = " ".join(out.split())
    assert re.search(r"Med 85 % sannsynlighet er arbeidet ferdig innen \d\d\.\d\d\.2019, \d+ arbeidsdager før "
                     r"åpningen\.", flat)
    # The handbook's shared causes are named with their reasons, and what is left out is said.
    assert "Felles årsaker: samme lokalmarked og utleier (9.2.1, 9.2.2, 9.2.3, 9.2.5; rangkorrelasjon 0,5)" in flat
    assert "Kapasitet er ikke utjevnet" in flat
    assert "Hva truer 7.4 (ferdig senest 21.06.2019) mest" in flat  # drivers for a deadline, not only the opening
    assert "7.4" in out and "ferdig senest" in out  # "alle ansatte ... innen sommeren 2019"
    assert "Hva truer åpningen mest" in out


# --- Risk events, in every output ----------------------------------------------------------------------------------

RISKY = SMALL.replace("activities:\n", """risks:
  - id: R1
    title: "Leverandøren svikter"
    probability: 0.3
    delays: ["B"]
    by: 2d
    owner: "Kari Nordmann"
    mitigation: "Reserveleverandør"
activities:
""", 1)


@pytest.fixture
def risky(tmp_path: Path) -> Path:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(RISKY, encoding="utf-8")
    return plan


def test_a_risk_event_is_reported_with_its_effect_at_p85(risky: Path, tmp_path: Path) -> None:
    """R1 (30 %) delays B by 2 days: the opening's point is 39 + (A - 1) + 2·R1, so
    39: 1/8·0.7 = 0.0875, 40: 3/4·0.7 = 0.525, 41: 1/8·0.7 + 1/8·0.3 = 0.125, 42: 3/4·0.3 = 0.225,
    43: 1/8·0.3 = 0.0375. Cumulative 0.6125 at 40 (the opening holds), 0.7375 at 41, 0.9625 at 42:
    P85 at point 42, Wednesday 06.03.2030, two working days late; without R1 it is point 40 (the
    small plan's): R1 costs two working days at P85."""
    document = risk_json(risky)
    assert close(document["probability_opening_holds"], 0.6125)
    assert (document["buffer"]["date"], document["buffer"]["slack"]) == ("2030-03-06", -2)
    [event] = document["risks"]
    assert (event["id"], event["probability"], event["delays"], event["by"], event["owner"], event["mitigation"]) == (
        "R1", 0.3, ["B"], "2d", "Kari Nordmann", "Reserveleverandør")
    assert close(event["happened"], 0.3) and event["effect"] == 2
    assert (event["with_risk"]["slack"], event["without_risk"]["date"], event["without_risk"]["slack"]) == (
        -2, "2030-03-04", 0)
    assert document["assumptions"]["levelling_applied"] is False
    out = " ".join(run_navplan("risk", risky, "--as-of", AS_OF).stdout.split())
    assert "Med 85 % sannsynlighet mangler det høyst 2 arbeidsdager." in out
    assert "• Risikoer som er med: R1 Leverandøren svikter (30 %)." in out
    assert "Risikoregister" in out and "R1 Leverandøren svikter 30 % B 2 arbeidsdager Kari Nordmann 2 arbeidsdager" in out
    english = " ".join(run_navplan("risk", risky, "--as-of", AS_OF, "--lang", "en").stdout.split())
    assert "With 85% probability at most 2 working days are missing." in english and "Risk register" in english
    # The report's register: the plan's fields tied to the schedule, with the effect.
    page = tmp_path / "r.md"
    assert run_navplan("report", risky, "--as-of", AS_OF, "-o", page).exit_code == 0
    assert ("| R1 | Leverandøren svikter | 30 % | B | 2 arbeidsdager | Kari Nordmann | Reserveleverandør | "
            "**2 arbeidsdager** |") in page.read_text(encoding="utf-8")
    # The workbook's register, numbers as numbers.
    from openpyxl import load_workbook

    book = tmp_path / "plan.xlsx"
    assert run_navplan("export", "xlsx", risky, "--as-of", AS_OF, "-o", book).exit_code == 0
    [row] = [row for row in load_workbook(book)["Risiko"].iter_rows() if row[0].value == "R1"]
    assert [cell.value for cell in row[:8]] == ["R1", "Leverandøren svikter", 0.3, "B", "2 arbeidsdager",
                                               "Kari Nordmann", "Reserveleverandør", 2]


def test_a_shared_cause_is_named_in_the_assumptions(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(plan_text(block("A", "Arbeid", "{low: 1d, likely: 2d, high: 3d}")
                              + block("C", "Kontrakt", "{low: 1d, likely: 2d, high: 3d}")
                              + block("B", "Bygging", "30d", after='["A", "C"]')).replace(
        "activities:\n", 'correlation:\n  - activities: ["A", "C"]\n    rank: 0.6\n    reason: "samme utleier"\n'
                         "activities:\n", 1), encoding="utf-8")
    document = risk_json(plan, "--samples", "2000")
    assert [(g["activities"], g["rank"], g["reason"], g["origin"]) for g in document["shared_causes"]] == [
        (["A", "C"], 0.6, "samme utleier", "plan")]
    out = " ".join(run_navplan("risk", plan, "--as-of", AS_OF, "--samples", "2000").stdout.split())
    assert "• Felles årsaker: samme utleier (A, C; rangkorrelasjon 0,6)." in out


# --- Ranges in a plan file ---------------------------------------------------------------------------------------

def nytt_kontor(tmp_path: Path, blocks: str) -> Path:
    plan = tmp_path / "navplan.yaml"
    text = (EXAMPLES / "nytt-kontor" / "navplan.yaml").read_text(encoding="utf-8")
    plan.write_text(text.rstrip("\n") + "\n" + blocks, encoding="utf-8")
    return plan


def activity_of(document: dict, activity_id: str) -> dict:
    return next(a for a in document["activities"] if a["id"] == activity_id)


def test_a_range_without_likely_keeps_the_handbooks_duration(tmp_path: Path) -> None:
    plan = nytt_kontor(tmp_path, '  - id: "7.4"\n    duration: 3w..8w\n')
    document = risk_json(plan, "--as-of", "04.01.2027", "--samples", "500")
    assert (activity_of(document, "7.4")["duration_low"], activity_of(document, "7.4")["duration"],
            activity_of(document, "7.4")["duration_high"]) == ("3w", "5w", "8w")
    schedule = json.loads(run_navplan("critical-path", plan, "--as-of", "04.01.2027", "-f", "json").stdout)
    assert activity_of(schedule, "7.4")["duration"] == "5w"


def test_a_range_with_its_likely_value_is_scheduled_at_it(tmp_path: Path) -> None:
    plan = nytt_kontor(tmp_path, '  - id: "7.4"\n    duration: {low: 2w, likely: 4w, high: 9w}\n')
    schedule = json.loads(run_navplan("critical-path", plan, "--as-of", "04.01.2027", "-f", "json").stdout)
    assert activity_of(schedule, "7.4")["duration"] == "4w"


def test_a_plain_duration_is_fixed(tmp_path: Path) -> None:
    plan = nytt_kontor(tmp_path, '  - id: "7.4"\n    duration: 6w\n')
    item = activity_of(risk_json(plan, "--as-of", "04.01.2027", "--samples", "500"), "7.4")
    assert (item["duration"], item["duration_low"], item["sampled"], item["correlation"]) == ("6w", None, False, None)


@pytest.mark.parametrize("duration,message", [
    ("6w..9w", "den sannsynlige varigheten 5w ligger utenfor intervallet 6w..9w"),
    ("1m..8w", "intervallet 1m..8w blander måneder med arbeidsdager eller uker"),
    ("8w..3w", "intervallet 8w..3w er baklengs"),
    ("{low: 1w, mode: 2w, high: 3w}", "ikke med feltene low, mode, high"),
    ("{low: 0w, likely: 0w, high: 3w}", "den sannsynlige varigheten i 0w..3w er 0"),
    ("3x..8w", "'3x..8w' er ikke en varighet"),
])
def test_a_bad_range_is_one_located_line(tmp_path: Path, duration: str, message: str) -> None:
    plan = nytt_kontor(tmp_path, f'  - id: "7.4"\n    duration: {duration}\n')
    line = len(plan.read_text(encoding="utf-8").splitlines())
    result = run_navplan("risk", plan, "--as-of", "04.01.2027")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"navplan: {plan}:{line}: activities[7.4].duration: ")
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_a_local_range_needs_its_likely_value(tmp_path: Path) -> None:
    plan = nytt_kontor(tmp_path, '  - id: "L1"\n    title: "Lokalt"\n    duration: 3w..8w\n')
    result = run_navplan("validate", plan)
    assert result.exit_code == 2
    assert "L1 har ingen varighet i håndboken" in result.stderr and "{low: 3w, likely: 5w, high: 8w}" in result.stderr


def test_set_writes_a_range_and_says_what_changed(tmp_path: Path) -> None:
    plan = nytt_kontor(tmp_path, "")
    result = run_navplan("set", "7.4", plan, "--duration", "3w..8w")
    assert result.exit_code == 0, result.stderr
    assert "varighet 3–5–10 uker → 3–5–8 uker" in result.stderr
    assert plan.read_text(encoding="utf-8").endswith('  - id: "7.4"\n    duration: 3w..8w\n')


def test_the_schema_covers_ranges_and_the_risk_document(small: Path) -> None:
    import jsonschema

    import editor_yaml

    plan_schema = json.loads(run_navplan("schema").stdout)
    duration = plan_schema["properties"]["activities"]["items"]["properties"]["duration"]
    for value in ("3w", "3w..8w", "10d..3w", "0m..3m", {"low": "3w", "likely": "5w", "high": "8w"},
                  {"low": "1m", "high": "2m"}, None):
        jsonschema.validate(value, duration)
    for value in ("3w..", "3w..8x", "1m..8w", {"low": "3w"}, {"low": "1w", "mode": "2w", "high": "3w"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(value, duration)
    jsonschema.validate(editor_yaml.load(SMALL), plan_schema)  # the small plan, with its range, as an editor reads it
    risk_schema = json.loads(run_navplan("schema", "risk").stdout)
    assert set(risk_schema["properties"]) == set(risk_json(small))
    jsonschema.validate(risk_json(small), risk_schema)


# --- The report, the workbook, the portfolio ---------------------------------------------------------------------

def test_the_html_report_draws_the_s_curve_worked_out_by_hand(small: Path, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    assert run_navplan("report", small, "--as-of", AS_OF, "-o", page).exit_code == 0
    html = page.read_text(encoding="utf-8")
    svg = html[html.index('<svg class="scurve" viewBox="0 0 258 68"'):]
    svg, caption = svg[:svg.index("</svg>")], svg[svg.index("</svg>"):svg.index("</figcaption>")]
    # Beside the text, 258 units wide: the printed points of half the page less the gap. The axis
    # runs from 01.03.2030 (the month of the earliest outcome) to 31.03.2030: 31 days over x 26..252
    # (226 wide); 0-100 % over y 54..5 (49 high). The opening 04.03.2030 (3 days in):
    # 26 + 226 * 3 / 31 = 47.9; P85 is the same day.
    assert '<line x1="47.9" y1="1" x2="47.9" y2="54" stroke="#38761D"' in svg
    # The P85 line: across at 85 % (54 - 0.85 * 49 = 12.35) to P85, then down to the axis.
    assert '<line x1="26" y1="12.4" x2="47.9" y2="12.4" stroke="#C00000"' in svg
    assert '<line x1="47.9" y1="12.4" x2="47.9" y2="54" stroke="#C00000"' in svg
    # The curve starts at 0 % on 01.03, steps at 01.03 (1/8), 04.03 (7/8: 54 - 0.875 * 49 = 11.1) and
    # 05.03 (4 days in: 26 + 226 * 4 / 31 = 55.2) to 100 %, and runs on to 31.03 (30 days in: 244.7).
    points = svg[svg.index('<polyline points="') + 18:].split('"')[0].split()
    assert points[0] == "26.0,54.0" and points[-2:] == ["55.2,5.0", "244.7,5.0"]
    assert [point.split(",")[0] for point in points[1:-1]] == ["26.0", "26.0", "47.9", "47.9", "55.2", "55.2"]
    assert points[4].startswith("47.9,") and abs(float(points[4].split(",")[1]) - 11.1) < 0.5  # sampled, about 7/8
    # What the two lines mark is said under the chart, in the colours of the lines, where the page
    # sets the words (inside the chart they ran into each other).
    assert '<span class="opening">åpning 04.03.2030: ' in caption and '<span class="frame">P85 04.03.2030</span>' in caption
    assert "åpning" not in svg
    # The lines beside it: the verdict, the deadline at risk, the drivers; no heading of their own.
    beside = html[html.index('<section id="risk">'):html.index('<svg class="scurve"')]
    assert "<h2>" not in beside and "sannsynlighet for at åpningsdatoen holder" in beside
    assert "Kan glippe: B ferdig senest 28.02.2030 holder i" in beside
    assert "Truer åpningen mest (rangkorrelasjon): A Arbeid 1,00." in html
    assert "Med 85 % sannsynlighet er arbeidet ferdig i tide til åpningen 04.03.2030" in beside
    # What the numbers assume, under the lines, run in after its heading; the tornado under the S-curve:
    # A held at 1 day moves P85 a day earlier, at 3 a day later. The bars run from P85 (x 182: half way
    # between 112 + 17 for the labels and numbers and 258 - 6 - 17) a day each way, the whole half: 53
    # wide, green to the left, red to the right.
    section = html[html.index('<section id="risk">'):]
    section = section[:section.index("</section>")]
    assert ('<p class="assumptions"><strong>Forutsetninger:</strong> Varighetene trekkes mellom lav og høy verdi: '
            "planens egne for 1 (A).") in section and "Kapasitet er ikke utjevnet" in section
    tornado = section[section.index('<svg class="tornado"'):]
    tornado = tornado[:tornado.index("</svg>")]
    assert '>A Arbeid</text>' in tornado
    assert '<rect x="129.0" y="6.5" width="53.0" height="6.5" fill="#93C47D"/>' in tornado
    assert '<rect x="182.0" y="6.5" width="53.0" height="6.5" fill="#E06666"/>' in tornado
    assert '>−1</text>' in tornado and '>+1</text>' in tornado
    markdown = tmp_path / "r.md"
    run_navplan("report", small, "--as-of", AS_OF, "-o", markdown)
    text = markdown.read_text(encoding="utf-8")
    assert "**Med 85 % sannsynlighet er arbeidet ferdig i tide til åpningen 04.03.2030, uten arbeidsdager" in text
    assert "Truer åpningen mest (rangkorrelasjon): A Arbeid 1,00." in text
    assert "**Forutsetninger**" in text and "| A | Arbeid | −1 | +1 |" in text
    assert "P80" not in text and "loves" not in text


def test_the_workbook_has_a_risk_sheet_with_numbers(small: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "plan.xlsx"
    assert run_navplan("export", "xlsx", small, "--as-of", AS_OF, "-o", book).exit_code == 0
    ws = load_workbook(book)["Risiko"]
    assert ws["A1"].value == "NAV Testby: risiko per 07.01.2030"
    rows = [row for row in ws.iter_rows() if row[0].value in ("A", "B", "M")]
    # First the dates (M's fixed date, then B's deadline, by date), then the drivers (A) and the tornado
    # (A), which the printed page holds; under it every open activity, drivers first.
    assert [row[0].value for row in rows] == ["M", "B", "A", "A", "A", "B", "M"]
    probability = rows[1][4]
    assert close(probability.value, 1 / 8) and probability.number_format == "0%"
    # B's P50 and P85: its last day of work is Friday 01.03.2030, a day past its deadline.
    assert [cell.value.date() for cell in rows[1][6:8]] == [dt.date(2030, 3, 1)] * 2
    # A's tornado: P85 a working day earlier at its low value, a day later at its high.
    assert [cell.value for cell in rows[2][:11]][3:] == ["1d", "2d", "3d", 1.0, 1.0, 1, -1, 1]
    assert [cell.value for cell in rows[3][:6]] == ["A", "Arbeid", -1, "█" * 12, "█" * 12, 1]
    # What the numbers assume, beside the S-curve (column F), a bullet a line.
    texts = [row[5].value for row in ws.iter_rows() if len(row) > 5 and isinstance(row[5].value, str)]
    assert texts[0] == "Forutsetninger"
    assert "• Varighetene trekkes mellom lav og høy verdi: planens egne for 1 (A)." in texts
    assert any(text.startswith("• Kapasitet er ikke utjevnet") for text in texts)
    # The S-curve's points: 01.03, 04.03 and 05.03.2030, one working day early, on time, one late.
    points = [row for row in ws.iter_rows(min_col=1, max_col=4) if isinstance(row[1].value, int)
              and row[2].number_format == "0%"]
    assert [(row[0].value.date(), row[1].value) for row in points] == [
        (dt.date(2030, 3, 1), 1), (dt.date(2030, 3, 4), 0), (dt.date(2030, 3, 5), -1)]
    assert points[-1][3].value == 1.0
    # The S-curve is a chart of those points: the dates in A, the share up to each in D.
    [chart] = ws._charts
    first, last = points[0][0].row, points[-1][0].row
    assert chart.series[0].xVal.numRef.f == f"'Risiko'!$A${first}:$A${last}"
    assert chart.series[0].yVal.numRef.f == f"'Risiko'!$D${first}:$D${last}"
    # The printed page: the verdict, the assumptions, the chart, the dates, the drivers and the register (none
    # here: a line says so), which ends four rows above the tornado's bar table (the second A row): a blank
    # row, a heading, a header between.
    assert ws.print_area == f"'Risiko'!$A$1:$K${rows[3][0].row - 4}"


def test_the_portfolio_gives_each_office_the_probability_risk_gives(small: Path) -> None:
    lines = json.loads(run_navplan("portfolio", small.parent, "--as-of", AS_OF, "-f", "json").stdout)["offices"]
    document = risk_json(small)  # the same samples by default
    assert lines[0]["probability_on_time"] == document["probability_opening_holds"]
    # The buffer at P50 and P85, as risk gives it: the opening's own day, no working day to spare.
    assert (lines[0]["buffer_p50"], lines[0]["buffer_p85"]) == (0, 0) == tuple(f["slack"] for f in document["forecasts"])
    table = run_navplan("portfolio", small.parent, "--as-of", AS_OF).stdout
    headers = [line.strip() for line in table.splitlines()[1:10]]
    assert "I tide" in table and "Buffer" in headers and "P50 /" in headers and "P85 /" in headers
    none = json.loads(run_navplan("portfolio", small.parent, "--as-of", AS_OF, "-f", "json", "--samples", "0").stdout)
    assert none["offices"][0]["probability_on_time"] is None and none["offices"][0]["buffer_p85"] is None


def test_only_the_risk_path_imports_numpy() -> None:
    probe = ("import sys; from navplan.cli.app import main; code = main(sys.argv[1:]);"
             "print('NUMPY', 'numpy' in sys.modules)")
    for args, loaded in ((["critical-path", "--as-of", "10.12.2018"], False), (["calendar", "--as-of", "10.12.2018"],
                                                                                 False),
                         (["risk", "--as-of", "10.12.2018", "--samples", "100"], True)):
        result = subprocess.run([sys.executable, "-c", probe, *args, str(EXAMPLES / "indre-ostfold")],
                                capture_output=True, text=True, cwd=REPO)
        assert result.returncode == 0, result.stderr
        assert f"NUMPY {loaded}" in result.stdout, args


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.deferred(lambda: __import__("test_hostile_properties").plans()), st.integers(0, 3))
def test_random_plans_are_sampled_soundly_or_rejected_cleanly(generated, spread: int) -> None:
    """The hostile property tests' random plans, some durations given as ranges (some of them
    invalid: a likely value of 0): `risk` accepts exactly the plans `critical-path` accepts, and
    what it says is consistent; a plan it rejects gets one located line."""
    from test_hostile_properties import AS_OF as HOSTILE_AS_OF, assert_rejected_cleanly, run_on_text

    text, _facts = generated
    if spread:
        text = re.sub(r"duration: (\d+)([dw])\n", lambda m: f"duration: {{low: 0{m[2]}, likely: {m[1]}{m[2]}, "
                      f"high: {int(m[1]) * spread + 1}{m[2]}}}\n", text)
    result, path = run_on_text(text.encode(), "risk", "--as-of", HOSTILE_AS_OF, "--samples", "200", "-f", "json")
    plain, _path = run_on_text(text.encode(), "critical-path", "--as-of", HOSTILE_AS_OF, "-f", "json")
    assert result.exit_code == plain.exit_code, (result.stderr, plain.stderr)
    if result.exit_code != 0:
        assert_rejected_cleanly(result, path)
        return
    document, schedule = json.loads(result.stdout), json.loads(plain.stdout)
    assert 0 <= document["probability_opening_holds"] <= 1
    assert [f["date"] for f in document["forecasts"]] == sorted(f["date"] for f in document["forecasts"])
    assert all(0 <= a["criticality"] <= 1 for a in document["activities"])
    assert document["opening_holds_deterministic"] == schedule["opening_holds"]
    if not any(a["sampled"] for a in document["activities"]):
        assert document["probability_opening_holds"] == (1.0 if schedule["opening_holds"] else 0.0)


# --- Found by hostile testing ------------------------------------------------------------------------------------

def _one_task(tmp_path: Path, days: int) -> Path:
    """The small plan's A alone, a range with no spread: the opening has 2 - days working days to spare."""
    plan = tmp_path / "navplan.yaml"
    plan.write_text(plan_text(block("A", "Arbeid", f"{{low: {days}d, likely: {days}d, high: {days}d}}")
                              + block("B", "Bygging", "38d", after='["A"]')), encoding="utf-8")
    return plan


@pytest.mark.parametrize("days,nb,en", [
    (1, ["1 simulering (frø 2007)", "holder, 1 arbeidsdag til overs.", "01.03.2030, 1 arbeidsdag før åpningen."],
     ["1 sample (seed 2007)", "holds, 1 working day to spare.", "2030-03-01, 1 working day before the opening."]),
    (3, ["det mangler 1 arbeidsdag.", "mangler det høyst 1 arbeidsdag."],
     ["does not hold, 1 working day missing.", "at most 1 working day is missing."]),
])
def test_one_of_a_thing_is_said_in_the_singular(tmp_path: Path, days: int, nb: list[str], en: list[str]) -> None:
    plan = _one_task(tmp_path, days)
    for lang, expected in (("nb", nb), ("en", en)):
        result = run_navplan("risk", plan, "--as-of", AS_OF, "--samples", "1", "--lang", lang)
        assert result.exit_code == 0, result.stderr
        out = " ".join(result.stdout.split())
        for words in expected:
            assert words in out, (lang, words)


def test_an_office_that_has_opened_is_not_promised_an_opening(small: Path, tmp_path: Path) -> None:
    """Once the office has opened, risk says so, as critical-path and the portfolio do; it does not
    speak of a buffer before an opening that is in the past."""
    result = run_navplan("risk", small, "--as-of", "11.03.2030")
    assert result.exit_code == 0, result.stderr
    assert "Kontoret åpnet 04.03.2030." in result.stdout
    assert "arbeidet ferdig" not in result.stdout and "sannsynlighet for at åpningsdatoen" not in result.stdout
    english = run_navplan("risk", small, "--as-of", "11.03.2030", "--lang", "en").stdout
    assert "The office opened on 2030-03-04." in english and "probability the work is done" not in english
    page = tmp_path / "r.md"
    assert run_navplan("report", small, "--as-of", "11.03.2030", "-o", page).exit_code == 0
    assert "arbeidet ferdig" not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("duration,message", [
    ("1m..3m", "den sannsynlige varigheten 5w er ikke i samme enhet som intervallet 1m..3m"),
    ("{low: 1m, likely: 5w, high: 3m}", "den sannsynlige varigheten 5w er ikke i samme enhet som intervallet 1m..3m"),
])
def test_a_likely_value_in_another_unit_is_named(tmp_path: Path, duration: str, message: str) -> None:
    """"the range 1m..3m mixes months with weeks" is not what is wrong with 1m..3m: its likely value is."""
    plan = nytt_kontor(tmp_path, f'  - id: "7.4"\n    duration: {duration}\n')
    result = run_navplan("risk", plan, "--as-of", "04.01.2027")
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_the_portfolio_without_samples_leaves_the_probability_out(small: Path) -> None:
    """`--samples 0` leaves the probability out, as the README says: no empty "I tide" column."""
    result = run_navplan("portfolio", small.parent, "--as-of", AS_OF, "--samples", "0")
    assert result.exit_code == 0, result.stderr
    assert "I tide" not in result.stdout and "NAV Testby" in result.stdout


@pytest.mark.skipif(__import__("shutil").which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; CI installs it")
@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_the_risiko_sheet_never_shows_a_rounded_certainty(tmp_path: Path, suffix: str) -> None:
    """One task of 10..30..41 working days, 40 working days before the opening, due by
    the working day before it: late only when the sample rounds to 41, with probability
    (41 - 40.5)² / (31 · 11) = 0.07 %. The terminal says "over 99 %"; the workbook,
    as a spreadsheet shows it, says the same (and "under 1 %" for the 0.07 % step of its
    distribution), never "100 %" or "0 %" for what is not certain."""
    import csv
    import shutil

    plan = tmp_path / "navplan.yaml"
    plan.write_text(plan_text(block("L1", "Lokaler", "{low: 10d, likely: 30d, high: 41d}",
                                    not_after="2030-03-01"), office="NAV Nesten"), encoding="utf-8")
    assert "over 99 %" in run_navplan("risk", plan, "--as-of", AS_OF, width=100).stdout
    workbook = tmp_path / f"plan.{suffix}"
    assert run_navplan("export", suffix, plan, "--as-of", AS_OF, "-o", workbook).exit_code == 0
    # Every sheet, each cell as the spreadsheet shows it (token 9), one file per sheet (token 12: -1).
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--norestore", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                    "--outdir", str(tmp_path / "csv"), str(workbook)], capture_output=True, timeout=240)
    rows = list(csv.reader((tmp_path / "csv" / "plan-Risiko.csv").read_text(encoding="utf-8").splitlines()))
    shown = [cell for row in rows for cell in row]
    date_row = next(row for row in rows if row[:2] == ["L1", "Lokaler"] and "01.03.2030" in row)
    assert "over 99 %" in date_row
    assert "under 1 %" in shown
    assert not any(cell in ("100%", "0%") for row in rows if row and row[0] != "L1" for cell in row[2:3])
