"""The command line calls the library through ``navplan.api`` only (issue 18 item 5).

``navplan/cli`` may import ``navplan.api``, the renderers (``navplan.render``), the messages
(``navplan.messages``) and itself; never the engine, the plan model, the features, ``navplan.io``,
``navplan.errors`` or ``navplan.schemas`` directly. The imports are read from the source with ast,
not by importing: module level, inside functions and under ``if TYPE_CHECKING:`` alike.
"""

from __future__ import annotations

import ast
from pathlib import Path

import navplan
import navplan.api as api
from conftest import REPO

ALLOWED = ("navplan.api", "navplan.render", "navplan.messages", "navplan.cli")


def forbidden_imports(cli: Path) -> list[str]:
    """Every import of a navplan module outside ``ALLOWED`` in ``cli``'s files, as file:line module."""
    found = []
    for path in sorted(cli.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: within navplan/cli, or reaching out of it
                    modules = ["navplan.cli" if node.level == 1 else f"navplan.{node.module or ''}"]
                else:
                    modules = [node.module or ""]
            else:
                continue
            for module in modules:
                inside = module == "navplan" or module.startswith("navplan.")
                if inside and not any(module == a or module.startswith(a + ".") for a in ALLOWED):
                    found.append(f"{path.name}:{node.lineno} {module}")
    return found


def test_the_command_line_imports_only_the_api_the_renderers_and_the_messages() -> None:
    found = forbidden_imports(REPO / "navplan" / "cli")
    assert not found, "navplan/cli imports the core past navplan.api:\n" + "\n".join(found)


def test_the_check_finds_a_deferred_and_a_bare_import_of_the_core(tmp_path: Path) -> None:
    # The check itself can fail: an import inside a function, a plain `import`, the package itself.
    (tmp_path / "a.py").write_text("from navplan.api import schedule\nfrom navplan.render import x\n"
                                   "def f():\n    from navplan.engine.schedule import schedule\n")
    (tmp_path / "b.py").write_text("import navplan.errors\nimport navplan\nfrom . import a\n")
    assert forbidden_imports(tmp_path) == ["a.py:4 navplan.engine.schedule", "b.py:1 navplan.errors",
                                           "b.py:2 navplan"]


def test_every_name_of_the_api_resolves_from_its_home() -> None:
    assert set(api.__all__) == set(api.HOMES) | {"load_plan", "schedule"}
    assert set(api.PUBLIC) | set(api.FOR_THE_COMMAND_LINE) == set(api.__all__)
    assert not set(api.PUBLIC) & set(api.FOR_THE_COMMAND_LINE)
    for name, home in api.HOMES.items():
        value = getattr(api, name)
        module = __import__(home, fromlist=["_"])
        assert value is getattr(module, "schedule" if name == "schedule_project" else name), name
    assert set(navplan.__all__) - {"__version__"} == set(api.PUBLIC)


def test_the_engines_schedule_is_schedule_project_and_the_apis_reads_it_in_dates() -> None:
    import datetime as dt

    from navplan.engine.schedule import Schedule

    plan = api.load_plan(REPO / "examples" / "indre-ostfold")
    engine = api.schedule_project(plan, dt.date(2018, 12, 10))
    dated = api.schedule(plan, as_of=dt.date(2018, 12, 10))
    assert isinstance(engine, Schedule) and isinstance(dated, api.PlanSchedule)
    assert dated.opening_date == dt.date(2020, 1, 1)  # the README's Indre Østfold opens 01.01.2020


def test_the_workbooks_risk_is_navplan_risks_default_run() -> None:
    """The workbook's Monte Carlo, moved out of the command line into the API: its Risiko sheet and
    verdict read what `navplan risk` prints with its defaults (the new office, 04.01.2027: 47.44 %)."""
    import datetime as dt
    import json

    from conftest import EXAMPLES, run_navplan

    printed = run_navplan("risk", EXAMPLES / "nytt-kontor", "--as-of", "04.01.2027", "--format", "json")
    assert printed.exit_code == 0, printed.stderr
    document = json.loads(printed.stdout)
    result = api.schedule_project(api.load_plan(EXAMPLES / "nytt-kontor"), dt.date(2027, 1, 4))
    risk, found = api.workbook_risk(result)
    assert (risk.samples, risk.seed) == (document["samples"], document["seed"]) == (10000, 2007)
    assert risk.probability_holds == found.probability == document["probability_opening_holds"]
    assert 0.4 < found.probability < 0.5 and found.samples == 10000


def test_validate_is_a_feature_of_the_api(tmp_path: Path) -> None:
    """validate's checks, moved out of the command line: a plan, a county folder and a county file
    under another name are told apart; a plan whose network loops is refused."""
    import shutil

    import pytest

    cases = REPO / "tests" / "bad_inputs" / "county"
    plan = api.validate(REPO / "examples" / "indre-ostfold")
    assert isinstance(plan, api.ValidPlan) and plan.file == REPO / "examples" / "indre-ostfold" / "navplan.yaml"
    assert plan.project.plan.office == "NAV Indre Østfold"
    folder = tmp_path / "fylket"
    shutil.copytree(cases / "kontor", folder / "kontor")
    shutil.copy(cases / "accept_valid_county.yaml", folder / "fylke.yaml")
    county = api.validate(folder)
    assert isinstance(county, api.ValidCounty) and county.county.name == "Innlandet"
    renamed = (folder / "fylke.yaml").rename(folder / "innlandet.yaml")
    assert isinstance(api.validate(renamed), api.ValidCounty)
    loop = tmp_path / "navplan.yaml"
    loop.write_text('office: "NAV Sløyfe"\nopening: 03.01.2028\ndrop: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]\n'
                    "activities:\n  - {id: A, title: A, duration: 1d, after: [B]}\n"
                    "  - {id: B, title: B, duration: 1d, after: [A]}\n", encoding="utf-8")
    with pytest.raises(api.NavplanError) as refused:
        api.validate(loop)
    assert "the dependencies form a cycle: A → B → A" in refused.value.render("en")
