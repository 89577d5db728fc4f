"""`navplan portfolio` with a county file.

The small plans come from tests/gitplans.py: the handbook's chapters dropped, opening
Monday 04.03.2030, looked at as of Monday 07.01.2030 (working-day point 0); the
opening is point 40, so a single task of n days has 40 - n days of slack.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_navplan
from gitplans import AS_OF, block, no_repository_above, plan_text  # noqa: F401

COUNTY = "county: Innlandet\nresources:\n  - {id: it-utrulling, capacity: 2, unit: per uke, activities: [\"M4\"]}\n"


def _write(folder: Path, text: str, name: str = "navplan.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


# --- a county file beside the offices --------------------------------------------------------------------------------


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """Two offices whose slack is counted by hand (see tests/test_portfolio.py) and a county file."""
    root = tmp_path / "innlandet"
    _write(root / "romslig", plan_text(block("L1", "Lokaler", "30d"), office="NAV Romslig"))  # slack 10
    _write(root / "sein", plan_text(block("L1", "Lokaler", "50d"), office="NAV Sein"))  # slack -10
    _write(root, COUNTY, "fylke.yaml")
    return root


def test_the_portfolio_names_the_county_of_the_folder_it_is_given(county: Path) -> None:
    table = run_navplan("portfolio", county, "--as-of", AS_OF, "--samples", "0", "--lang", "en")
    assert table.exit_code == 0, table.stderr
    assert table.stdout.splitlines()[0] == "Innlandet: portfolio as of 2030-01-07: 2 plans, sorted by risk"
    assert f"County file {county / 'fylke.yaml'}: Innlandet, 1 shared resource." in table.stderr
    document = json.loads(run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "json").stdout)
    assert document["county"] == "Innlandet" and "since" not in document
    assert [o["slack_to_opening"] for o in document["offices"]] == [-10, 10]


def test_without_a_county_file_the_document_has_no_county(county: Path) -> None:
    (county / "fylke.yaml").unlink()
    document = json.loads(run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "json").stdout)
    assert set(document) == {"format_version", "as_of", "offices"}
    table = run_navplan("portfolio", county, "--as-of", AS_OF, "--samples", "0")
    assert table.stdout.startswith("Portefølje per 07.01.2030: 2 planer") and "Fylkesfil" not in table.stderr


def test_county_option_alone_lists_the_offices_under_the_county_file(county: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    moved = county.rename(tmp_path / "elsewhere")
    (moved / "fylke.yaml").rename(moved / "innlandet.yaml")
    alone = run_navplan("portfolio", "--county", moved / "innlandet.yaml", "--as-of", AS_OF, "--format", "json")
    assert alone.exit_code == 0, alone.stderr
    assert [o["office"] for o in json.loads(alone.stdout)["offices"]] == ["NAV Sein", "NAV Romslig"]
    # With paths, only those: the county file may lie anywhere.
    one = run_navplan("portfolio", moved / "romslig", "--county", moved / "innlandet.yaml", "--as-of", AS_OF,
                      "--format", "json")
    assert [o["office"] for o in json.loads(one.stdout)["offices"]] == ["NAV Romslig"]
    assert json.loads(one.stdout)["county"] == "Innlandet"
    # Neither paths nor a county file: the usage error it always was.
    monkeypatch.chdir(tmp_path)
    nothing = run_navplan("portfolio", "--lang", "en")
    assert nothing.exit_code == 2 and nothing.stderr == "navplan: missing PATHS... (see `navplan portfolio --help`)\n"


def test_two_county_files_ask_which(county: Path, tmp_path: Path) -> None:
    other = tmp_path / "viken"
    _write(other / "a", plan_text(block("L1", "Lokaler", "30d"), office="NAV A"))
    _write(other, COUNTY.replace("Innlandet", "Viken"), "fylke.yaml")
    result = run_navplan("portfolio", county, other, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("navplan: PATHS: found several county files: ")
    assert result.stderr.rstrip().endswith("(choose one with --county FILE)")
    chosen = run_navplan("portfolio", county, other, "--county", other, "--as-of", AS_OF, "--format", "json")
    assert json.loads(chosen.stdout)["county"] == "Viken" and len(json.loads(chosen.stdout)["offices"]) == 3


@pytest.mark.parametrize("written,environ,lang,first", [
    ("språk: en\n", {}, None, "Innlandet: portfolio as of 2030-01-07"),
    ("språk: en\n", {}, "nb", "Innlandet: portefølje per 07.01.2030"),
    ("språk: en\n", {"NAVPLAN_LANG": "nb"}, None, "Innlandet: portefølje per 07.01.2030"),
    ("language: nb\n", {}, None, "Innlandet: portefølje per 07.01.2030"),
    ("språk: nn\n", {}, None, "Innlandet: portefølje per 07.01.2030"),  # bokmål until navplan speaks nynorsk
    ("", {}, "en", "Innlandet: portfolio as of 2030-01-07"),
])
def test_the_county_language_speaks_when_nothing_else_chose(county: Path, written: str, environ: dict,
                                                           lang: str | None, first: str) -> None:
    _write(county, COUNTY + written, "fylke.yaml")
    result = run_navplan("portfolio", county, "--as-of", AS_OF, "--samples", "0",
                         *(["--lang", lang] if lang else []), environ=environ)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(first)


def test_a_bad_county_file_stops_the_portfolio_with_its_one_line(county: Path) -> None:
    _write(county, COUNTY.replace("per uke", "per måned"), "fylke.yaml")
    result = run_navplan("portfolio", county, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"navplan: {county / 'fylke.yaml'}:3: resources[it-utrulling].unit: 'per måned'")


def test_the_workbook_title_names_the_county(county: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "fylket.xlsx"
    assert run_navplan("portfolio", county, "--as-of", AS_OF, "-f", "xlsx", "-o", target).exit_code == 0
    book = load_workbook(target)
    assert book.sheetnames == ["Portefølje"]  # no changes sheet without --since
    assert book.active["A1"].value == "Innlandet: portefølje per 07.01.2030: 2 planer, sortert etter risiko"
