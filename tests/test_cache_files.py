"""The cache files: the holiday dates handed out are the holidays package's, a
new holidays version gets a file of its own, a damaged file is ignored and
written again, a run whose years are cached never imports the package; the
handbook read from the cache is the handbook read from its YAML."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from conftest import EXAMPLES, REPO, copy_of_indre_ostfold
from navplan.engine import holiday_cache

YEARS = range(2015, 2036)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NAVPLAN_CACHE_DIR", str(tmp_path))
    holiday_cache.forget()
    yield tmp_path
    holiday_cache.forget()


def package_names(years: range, language: str) -> dict[dt.date, str]:
    return dict(holidays.Norway(years=years, include_sundays=False, language=language))


def test_cached_dates_are_the_packages(cache: Path) -> None:
    first = holiday_cache.norway_holidays(YEARS)
    files = list(cache.iterdir())
    assert [f.name for f in files] == [f"holidays-norway-{holidays.__version__}.json"]
    holiday_cache.forget()  # a new process: only the file knows
    second = holiday_cache.norway_holidays(YEARS)
    assert second == first
    assert second[0] == package_names(YEARS, "no")
    assert second[1] == package_names(YEARS, "en_US")
    # e.g. Easter Monday 2024 and Whit Monday 2030, by the Easter tables: 01.04.2024, 10.06.2030
    assert second[0][dt.date(2024, 4, 1)] == "Andre påskedag" and dt.date(2030, 6, 10) in second[0]


def test_a_cached_run_never_imports_holidays(cache: Path) -> None:
    plan = EXAMPLES / "indre-ostfold" / "navplan.yaml"
    probe = ("import sys; from navplan.cli.app import main; code = main(sys.argv[1:]);"
             "print('HOLIDAYS', 'holidays' in sys.modules); sys.exit(code)")
    argv = [sys.executable, "-c", probe, "critical-path", str(plan), "--as-of", "10.12.2018"]
    environment = {"NAVPLAN_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    cold = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=environment)
    warm = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=environment)
    assert cold.returncode == warm.returncode == 0, cold.stderr + warm.stderr
    assert "HOLIDAYS True" in cold.stdout and "HOLIDAYS False" in warm.stdout
    assert cold.stdout.replace("HOLIDAYS True", "") == warm.stdout.replace("HOLIDAYS False", "")


def test_a_new_holidays_version_invalidates_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    holiday_cache.norway_holidays(YEARS)
    old_file = next(cache.iterdir())
    # Plant a wrong date under the old version: the new version must not read it.
    content = json.loads(old_file.read_text(encoding="utf-8"))
    content["years"]["2024"][0][1] = "Feil navn"
    old_file.write_text(json.dumps(content), encoding="utf-8")
    holiday_cache.forget()
    assert holiday_cache.norway_holidays(YEARS)[0][dt.date(2024, 1, 1)] == "Feil navn", "the file is read"

    monkeypatch.setattr(holiday_cache, "holidays_version", lambda: "99.0")
    holiday_cache.forget()
    computed = []
    original = holiday_cache.computed_holidays
    monkeypatch.setattr(holiday_cache, "computed_holidays", lambda years: computed.append(years) or original(years))
    names = holiday_cache.norway_holidays(YEARS)
    assert computed == [list(YEARS)], "a new version computes every year afresh"
    assert names[0][dt.date(2024, 1, 1)] == "Første nyttårsdag"
    assert sorted(f.name for f in cache.iterdir()) == sorted([old_file.name, "holidays-norway-99.0.json"])


@pytest.mark.parametrize("damage", [
    b"", b"{", b"\xff\xfe", b"[]", b'{"format": 1}', b"x" * 3_000_000,
    b'{"format": 1, "holidays_version": "VERSION", "years": {"2024": [["2024-02-30", "a", "b"]]}}',
    b'{"format": 1, "holidays_version": "VERSION", "years": {"2024": [["2025-01-01", "a", "b"]]}}',
    b'{"format": 1, "holidays_version": "VERSION", "years": {"2024": [["2024-01-01", 7, "b"]]}}',
    b'{"format": 2, "holidays_version": "VERSION", "years": {}}',
], ids=["empty", "cut", "not-utf8", "a-list", "no-years", "huge", "no-such-day", "wrong-year", "not-text",
        "other-format"])
def test_a_damaged_cache_is_ignored_and_written_again(cache: Path, damage: bytes) -> None:
    version = holiday_cache.holidays_version()
    path = cache / f"holidays-norway-{version}.json"
    path.write_bytes(damage.replace(b"VERSION", version.encode()))
    holiday_cache.forget()
    assert holiday_cache.norway_holidays(YEARS)[0] == package_names(YEARS, "no")
    holiday_cache.forget()
    assert holiday_cache._read_cache().keys() == set(YEARS), "rewritten whole"


def test_an_unwritable_or_disabled_cache_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for folder in (str(blocker / "cache"), ""):
        monkeypatch.setenv("NAVPLAN_CACHE_DIR", folder)
        holiday_cache.forget()
        assert holiday_cache.norway_holidays(YEARS)[0] == package_names(YEARS, "no")
    assert sorted(tmp_path.iterdir()) == [blocker]
    holiday_cache.forget()


def test_the_version_is_read_without_importing_holidays() -> None:
    probe = ("import sys; from navplan.engine.holiday_cache import holidays_version; v = holidays_version();"
             "print(v, 'holidays' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.split() == [holidays.__version__, "False"]


def test_the_cached_handbook_is_the_yaml_handbook(cache: Path) -> None:
    from navplan.plan import handbook_files
    from navplan.plan.handbook_model import Handbook, Template
    from navplan.plan.loading import validate
    from navplan.plan.safe_yaml import load_yaml_file

    folder = handbook_files.handbook_dir()
    shipped = {folder / "handbook.yaml": Handbook, folder / "templates" / "new.yaml": Template,
               folder / "templates" / "merger.yaml": Template}
    for path, model in shipped.items():
        from_yaml = validate(model, load_yaml_file(path))
        assert handbook_files.load_shipped(model, path) == from_yaml  # read from the YAML, then cached
        [cached] = cache.glob(f"{path.stem}-*.json")
        assert handbook_files.load_shipped(model, path) == from_yaml  # read from the cache
        cached.write_text('{"activities": "not a list"}', encoding="utf-8")  # damaged: the YAML again
        assert handbook_files.load_shipped(model, path) == from_yaml
        assert json.loads(cached.read_text(encoding="utf-8")) == load_yaml_file(path).content, "written again"


def test_an_edited_handbook_is_not_read_from_an_older_cache(cache: Path, tmp_path: Path) -> None:
    from navplan.plan import handbook_files
    from navplan.plan.handbook_model import Template

    template = tmp_path / "data" / "mine.yaml"
    template.parent.mkdir()
    original = (handbook_files.handbook_dir() / "templates" / "merger.yaml").read_text(encoding="utf-8")
    template.write_text(original, encoding="utf-8")
    first = handbook_files.load_shipped(Template, template)
    template.write_text(original.replace("M1", "M9"), encoding="utf-8")
    second = handbook_files.load_shipped(Template, template)
    assert first != second and "M9" in {a.id for a in second.activities}
    assert len(list(cache.glob("mine-*.json"))) == 2


def _run_probe(plan: Path, cache: Path | str, *args: str) -> tuple[str, bool]:
    """critical-path of ``plan`` in a fresh process: its output, and whether it loaded networkx."""
    probe = ("import sys; from navplan.cli.app import main; code = main(sys.argv[1:]);"
             "print('NETWORKX', 'networkx' in sys.modules); sys.exit(code)")
    argv = [sys.executable, "-c", probe, "critical-path", str(plan), "--as-of", "10.12.2018", *args]
    environment = {"NAVPLAN_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "100"}
    done = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=environment)
    assert done.returncode == 0, done.stderr
    output, _, loaded = done.stdout.rpartition("NETWORKX ")
    return output, loaded.strip() == "True"


def test_a_cached_run_never_imports_networkx(cache: Path, tmp_path: Path) -> None:
    """networkx's order of a plan's network is kept per plan file: the next run of the same
    plan reads it and never loads networkx, and says the same; a plan whose links changed is
    ordered by networkx again, as a run without any cache orders it."""
    plan = copy_of_indre_ostfold(tmp_path / "kontor")
    cold, cold_loaded = _run_probe(plan, cache, "--format", "json")
    warm, warm_loaded = _run_probe(plan, cache, "--format", "json")
    assert cold_loaded and not warm_loaded
    assert warm == cold
    assert len(list(cache.glob("network-*.json"))) == 1
    table, table_loaded = _run_probe(plan, cache)
    assert not table_loaded and table == _run_probe(plan, "")[0], "the table too, as without a cache"
    # 7.4 (everyone knows where they belong, not after 21.06.2019) now waits for 5.1 (which
    # services the office holds) too: another network, another driving chain.
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('    not_after: 2019-06-21\n', '    not_after: 2019-06-21\n    after: ["5.1"]\n'),
                    encoding="utf-8")
    edited, edited_loaded = _run_probe(plan, cache, "--format", "json")
    assert edited_loaded, "a changed network is ordered by networkx again"
    assert edited != cold and edited == _run_probe(plan, "", "--format", "json")[0]
    assert len(list(cache.glob("network-*.json"))) == 1, "written over the plan's old order"
    again, again_loaded = _run_probe(plan, cache, "--format", "json")
    assert again == edited and not again_loaded


@pytest.mark.parametrize("plan", sorted(EXAMPLES.glob("*/navplan.yaml")), ids=lambda path: path.parent.name)
def test_the_kept_order_is_networkx_own_and_only_for_the_same_network(cache: Path, plan: Path) -> None:
    import networkx

    from navplan.engine.dependency_graph import network_edges, network_nodes
    from navplan.engine.order_cache import cached_order, keep_order
    from navplan.plan.project import load_project

    project = load_project(plan)
    nodes, edges = network_nodes(project), network_edges(project)
    graph = networkx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    order = list(networkx.topological_sort(graph))
    assert cached_order(project.file, nodes, edges) is None, "nothing kept yet"
    keep_order(project.file, nodes, edges, order)
    assert cached_order(project.file, nodes, edges) == order
    assert cached_order(None, nodes, edges) is None, "a plan without a file has no cache file"
    fewer = dict(list(edges.items())[:-1])  # one link less: another network
    assert cached_order(project.file, nodes, fewer) is None
    [kept] = cache.glob("network-*.json")
    content = json.loads(kept.read_text(encoding="utf-8"))
    for forged in (content["order"][::-1], content["order"][:-1], [*content["order"][:-1], 0],
                   [float(row) for row in content["order"]], "0,1,2"):
        kept.write_text(json.dumps(dict(content, order=forged)), encoding="utf-8")
        assert cached_order(project.file, nodes, edges) is None, forged
    for damage in (b"", b"\xff\xfe", b"[]", b'{"format": 1}', b"{" * 100_000):
        kept.write_bytes(damage)
        assert cached_order(project.file, nodes, edges) is None
