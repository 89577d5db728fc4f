"""navplan as a library: the README's example runs, the names in ``__all__`` are
there, ``import navplan`` stays cheap, and progress and sync work without the
command line."""

from __future__ import annotations

import datetime as dt
import doctest
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import navplan
from conftest import EXAMPLES, REPO


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the example names examples/ relative to the repository
    parser = doctest.DocTestParser()
    text = (REPO / "README.md").read_text(encoding="utf-8")
    test = parser.get_doctest(text, {}, "README.md", str(REPO / "README.md"), 0)
    assert len(test.examples) >= 6, "the README's Python API example is where the test looks for it"
    failures: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=failures.append)
    assert runner.failures == 0, "".join(failures)


def test_every_public_name_resolves_and_is_typed() -> None:
    for name in navplan.__all__:
        assert getattr(navplan, name) is not None, name
    assert set(navplan.__all__) <= set(dir(navplan))
    assert (Path(navplan.__file__).parent / "py.typed").is_file()
    with pytest.raises(AttributeError):
        navplan.no_such_name  # noqa: B018


def test_import_navplan_loads_nothing_heavy() -> None:
    probe = ("import sys, navplan; heavy = sorted({m.split('.')[0] for m in sys.modules} & "
             "{'pydantic', 'typer', 'rich', 'networkx', 'holidays', 'openpyxl', 'yaml'}); print(heavy)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_the_schedule_is_the_documented_json_in_dates() -> None:
    import json

    from conftest import run_navplan

    plan = EXAMPLES / "indre-ostfold"
    s = navplan.schedule(navplan.load_plan(plan), as_of=dt.date(2018, 12, 10))
    document = json.loads(run_navplan("critical-path", plan, "--as-of", "10.12.2018", "-f", "json").stdout)
    assert s.opening_holds == document["opening_holds"] and s.slack_to_opening == document["slack_to_opening"]
    assert list(s.critical_path) == document["critical_path"]
    assert list(s.critical_path) == document["driving_chain"]
    assert s.forecast_opening.isoformat() == document["forecast_opening"] and s.opened == document["opened"]
    assert [(d.id, d.date.isoformat(), d.kind, d.slack) for d in s.deadlines] == [
        (d["id"], d["date"], d["kind"], d["slack"]) for d in document["deadlines"]]
    for row in document["activities"]:
        activity = s.activities[row["id"]]
        for name in ("earliest_start", "earliest_finish", "latest_start", "latest_finish"):
            assert getattr(activity, name).isoformat() == row[name], (row["id"], name)
        assert (activity.slack, activity.critical, activity.status.value) == (row["slack"], row["critical"],
                                                                            row["status"])
    assert list(s.activities) == [row["id"] for row in document["activities"]]
    with pytest.raises(TypeError):
        s.activities["7.4"] = None  # type: ignore[index]  # read-only


def test_a_bad_plan_raises_navplan_error_with_its_located_line(tmp_path: Path) -> None:
    (tmp_path / "navplan.yaml").write_text('office: "NAV X"\nopening: 30.02.2028\n', encoding="utf-8")
    with pytest.raises(navplan.NavplanError) as raised:
        navplan.load_plan(tmp_path)
    assert raised.value.exit_code == 2
    assert raised.value.render("en").startswith(f"{tmp_path / 'navplan.yaml'}:2: opening:")


PROGRESS_WITHOUT_TYPER = """
import datetime as dt, sys
import navplan
plan = sys.argv[1]
started = navplan.record_start(plan, "2.1", on=dt.date(2027, 2, 1), today=dt.date(2027, 3, 1))
done = navplan.record_done(plan, "2.1", on=dt.date(2027, 3, 1), today=dt.date(2027, 3, 1))
changed = navplan.set_fields(plan, "7.4", {"owner": "Kari Nordmann", "duration": "6w"})
again = navplan.set_fields(plan, "7.4", {"owner": "Kari Nordmann"})
print([c.field for c in started.changes], [c.field for c in done.changes], [c.field for c in changed.changes],
      again.written)
print(sorted({m.split(".")[0] for m in sys.modules} & {"typer", "rich", "click"}))
"""


def test_progress_is_recorded_without_the_command_line(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "nytt-kontor", tmp_path / "kontor")
    result = subprocess.run([sys.executable, "-c", PROGRESS_WITHOUT_TYPER, str(tmp_path / "kontor")],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "['status', 'actual_start'] ['status', 'actual_finish'] ['duration', 'owner'] False"
    assert lines[1] == "[]", "no command-line library was imported"
    text = (tmp_path / "kontor" / "navplan.yaml").read_text(encoding="utf-8")
    assert "actual_finish: 2027-03-01" in text and 'owner: "Kari Nordmann"' in text
    s = navplan.schedule(tmp_path / "kontor", as_of=dt.date(2027, 3, 1))
    assert s.activities["2.1"].status is navplan.Status.DONE
    assert s.activities["2.1"].actual_finish == dt.date(2027, 3, 1)
    assert s.activities["7.4"].owner == "Kari Nordmann"


def test_sync_reads_a_workbook_without_the_command_line(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from conftest import run_navplan

    shutil.copytree(EXAMPLES / "nytt-kontor", tmp_path / "kontor")
    workbook = tmp_path / "nedtelling.xlsx"
    assert run_navplan("export", "xlsx", tmp_path / "kontor", "--as-of", "04.01.2027", "-o", workbook).exit_code == 0
    book = load_workbook(workbook)
    sheet = book.worksheets[0]
    header_row = next(row for row in sheet.iter_rows() if any(cell.value == "Status" for cell in row))
    status_column = next(cell.column for cell in header_row if cell.value == "Status")
    row = next(r for r in sheet.iter_rows(min_row=header_row[0].row + 1) if r[0].value == "2.1")
    sheet.cell(row=row[0].row, column=status_column, value="pågår")
    book.save(workbook)

    found = navplan.sync_workbook(workbook, tmp_path / "kontor")
    assert [(c.activity_id, c.field, c.new) for c in found.changes] == [("2.1", "status", navplan.Status.STARTED)]
    before = (tmp_path / "kontor" / "navplan.yaml").read_text(encoding="utf-8")
    found.write()
    after = (tmp_path / "kontor" / "navplan.yaml").read_text(encoding="utf-8")
    assert after != before and "status: started" in after
