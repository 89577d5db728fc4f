"""`navplan done`, `start` and `set`: progress written into the plan file, and nothing else."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan
from navplan.plan.project import load_project
from navplan.plan.values import Status
from plandiff import changed_lines, touched_blocks

TODAY = dt.date(2029, 3, 15)

COMMENTED = """\
# NAV Kommentar: planen for det nye kontoret.
navplan: 1
office: "NAV Kommentar"   # navnet etter sammenslåingen
opening: 01.01.2030
start: 07.01.2029
template: new
calendar:
  fellesferie: true       # uke 28-30
drop: ["8.3"]             # kulturbygging tas i linjen

activities:
  # 2 Målarbeid
  - id: "2.1"       # Skape felles forståelse for målene med reformen
    owner: "Kari"   # prosjektleder
    status: started # startet på første møte
    actual_start: 14.01.2029
    # Notatet under er fra styringsgruppen.
    notes: "Felles samling i februar"

  - id: "2.2"       # Kartlegge lokale forhold
  - id: "2.3"       # Utarbeide virksomhetsplan

  # 4 Prosjektorganisering
  - id: "4.1"
    not_before: 2029-02-01   # etter budsjettvedtaket
  # En lokal milepæl.
  - id: "S1"
    title: "Styringsgruppemøte"   # forankrer prosjektplanen
    parent: "4"
    milestone: true
    fixed: 2029-03-01
    status: done
    actual_finish: 01.03.2029

# Slutt på planen.
"""


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    """Tests never read the clock: 'today' is TODAY."""
    import conftest

    monkeypatch.setattr(conftest, "TODAY", TODAY)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "navplan.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def comments(text: str) -> list[str]:
    """Every comment in the file, in order, without the spacing before it."""
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def test_done_on_a_commented_plan_changes_only_the_status_lines(plan: Path) -> None:
    result = run_navplan("done", "2.1", plan, "--on", "01.03.2029")
    assert result.exit_code == 0, result.stderr
    new = plan.read_text(encoding="utf-8")
    assert touched_blocks(COMMENTED, new) == {"2.1"}
    removed, added = changed_lines(COMMENTED, new)
    assert [line.split("#")[0].strip() for line in removed] == ["status: started"]
    assert [line.split("#")[0].strip() for line in added] == ["status: done", "actual_finish: 2029-03-01"]
    assert comments(new) == comments(COMMENTED)
    assert "    actual_start: 14.01.2029\n" in new, "the actual start is kept as written"
    activity = load_project(plan).activities["2.1"]
    assert (activity.status, activity.actual_start, activity.actual_finish) == (
        Status.DONE, dt.date(2029, 1, 14), dt.date(2029, 3, 1))
    assert result.stdout == ""
    assert result.stderr == (f"{plan}: 2.1 Skape felles forståelse for målene med reformen: status pågår → ferdig, "
                             "faktisk ferdig – → 01.03.2029\n")


def test_the_same_done_again_gives_identical_bytes_and_says_so(plan: Path) -> None:
    assert run_navplan("done", "2.1", plan, "--on", "01.03.2029").exit_code == 0
    once = plan.read_bytes()
    again = run_navplan("done", "2.1", plan, "--on", "01.03.2029")
    assert again.exit_code == 0 and plan.read_bytes() == once
    assert again.stderr.startswith("Ingenting å endre:") and again.stdout == ""


def test_done_without_a_start_leaves_the_start_empty_and_defaults_to_today(plan: Path) -> None:
    result = run_navplan("done", "2.2", plan)
    assert result.exit_code == 0, result.stderr
    new = plan.read_text(encoding="utf-8")
    assert changed_lines(COMMENTED, new) == ([], ["    status: done", "    actual_finish: 2029-03-15"])
    assert '  - id: "2.2"       # Kartlegge lokale forhold\n    status: done\n' in new
    assert load_project(plan).activities["2.2"].actual_start is None


def test_start_marks_an_activity_started_in_its_block(plan: Path) -> None:
    result = run_navplan("start", "2.3", plan, "--on", "2029-03-11", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    new = plan.read_text(encoding="utf-8")
    assert touched_blocks(COMMENTED, new) == {"2.3"}
    assert changed_lines(COMMENTED, new) == ([], ["    status: started", "    actual_start: 2029-03-11"])
    assert result.stderr.endswith(": 2.3 Draw up a business plan with local goals for the NAV office: "
                                  "status not started → started, actual start – → 2029-03-11\n")


def test_set_changes_local_fields_and_keeps_the_comments(plan: Path) -> None:
    result = run_navplan("set", "4.1", plan, "--owner", "Per Hansen", "--duration", "3w", "--not-after", "30.04.2029",
                         "--notes", "Etter budsjettet")
    assert result.exit_code == 0, result.stderr
    new = plan.read_text(encoding="utf-8")
    assert touched_blocks(COMMENTED, new) == {"4.1"}
    assert changed_lines(COMMENTED, new) == ([], ["    duration: 3w", "    not_after: 2029-04-30",
                                                  '    owner: "Per Hansen"', '    notes: "Etter budsjettet"'])
    assert comments(new) == comments(COMMENTED)
    activity = load_project(plan).activities["4.1"]
    assert (str(activity.duration), activity.owner, activity.not_after) == ("3w", "Per Hansen", dt.date(2029, 4, 30))
    # The handbook's 2 weeks were a range (1-4 weeks for navplan risk); a plain duration is fixed.
    assert "varighet 1–2–4 uker → 3 uker" in result.stderr and "eier – → Per Hansen" in result.stderr


def test_set_clear_removes_the_key_and_the_handbook_value_applies_again(plan: Path) -> None:
    run_navplan("set", "4.1", plan, "--duration", "3w")
    result = run_navplan("set", "4.1", plan, "--clear", "duration", "--clear", "not-before")
    assert result.exit_code == 0, result.stderr
    new = plan.read_text(encoding="utf-8")
    assert changed_lines(COMMENTED, new) == (["    not_before: 2029-02-01   # etter budsjettvedtaket"], [])
    assert "varighet 3 uker → 1–2–4 uker" in result.stderr and "tidligst start 01.02.2029 → –" in result.stderr
    assert str(load_project(plan).activities["4.1"].duration) == "2w"


def test_set_status_removes_the_actual_dates_the_status_does_not_allow(plan: Path) -> None:
    result = run_navplan("set", "2.1", plan, "--status", "ikke startet")
    assert result.exit_code == 0, result.stderr
    removed, added = changed_lines(COMMENTED, plan.read_text(encoding="utf-8"))
    assert removed == ["    status: started # startet på første møte", "    actual_start: 14.01.2029"]
    assert [line.split("#")[0].strip() for line in added] == ["status: not_started"]
    assert "faktisk start 14.01.2029 → –" in result.stderr
    reopened = run_navplan("set", "S1", plan, "--status", "started")
    assert reopened.exit_code == 0, reopened.stderr
    assert load_project(plan).activities["S1"].actual_finish is None


def test_an_activity_without_a_block_gets_one_in_outline_order(plan: Path) -> None:
    assert run_navplan("done", "4.2", plan, "--on", "12.03.2029").exit_code == 0
    new = plan.read_text(encoding="utf-8")
    assert touched_blocks(COMMENTED, new) == {"4.2"}
    assert '    not_before: 2029-02-01   # etter budsjettvedtaket\n  - id: "4.2"\n    status: done\n' in new


def test_editing_an_example_touches_only_that_activity(tmp_path: Path) -> None:
    path = tmp_path / "navplan.yaml"
    shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", path)
    original = path.read_text(encoding="utf-8")
    assert run_navplan("done", "4.1", path, "--on", "15.01.2019").exit_code == 0
    assert touched_blocks(original, path.read_text(encoding="utf-8")) == {"4.1"}


@pytest.mark.parametrize(("args", "message"), [
    (["done", "7.44"], "ukjent aktivitets-id '7.44' (mente du '7.4'?)"),
    (["done", "2"], "2 Målarbeid er en hovedaktivitet: statusen kommer fra underaktivitetene "
                    "(marker underaktivitetene: 2.1, 2.2, 2.3)"),
    (["start", "3.1", "--lang", "en"], "is a summary: its status comes from its sub-activities"),
    (["set", "2", "--status", "done"], "statusen kommer fra underaktivitetene"),
    (["set", "3", "--duration", "2w"], "datoene kommer fra underaktivitetene"),
    (["done", "8.3"], "8.3 er tatt ut av planen (drop)"),
    (["done", "opening"], "åpningen er planens åpningsdato"),
    (["done", "2.2", "--on", "31.02.2029"], "--on: '31.02.2029' er ikke en ekte dato: februar 2029 har 28 dager"),
    (["done", "2.2", "--on", "16.03.2029"], "--on: 16.03.2029 er etter i dag (15.03.2029)"),
    (["done", "2.1", "--on", "13.01.2029"], "13.01.2029 er før faktisk start 14.01.2029"),
    (["start", "S1"], "S1 Styringsgruppemøte er allerede ferdig (01.03.2029) "
                      "(for å åpne den igjen: navplan set S1 "),
    (["set", "2.2", "--duration", "3x"], "--duration: '3x' er ikke en varighet"),
    (["set", "2.2", "--duration", "3x", "--lang", "en"], "--duration: '3x' is not a duration"),
    (["set", "2.2", "--not-before", "1.1.19"], "--not-before: '1.1.19' er ikke en dato"),
    (["set", "2.2", "--status", "ferdi"], "--status: 'ferdi' er ikke en status: skriv 'ikke startet', 'pågår' eller 'ferdig'"),
    (["set", "2.2", "--clear", "ower"], "--clear: 'ower' er ikke et felt i en aktivitetsblokk (mente du 'owner'?)"),
    (["set", "2.2", "--clear", "id"], "'id' er ikke et felt i en aktivitetsblokk"),
    (["set", "2.2", "--owner", "Kari", "--clear", "owner"], "owner kan ikke både settes og fjernes"),
    (["set", "2.2", "--owner", " "], "--owner kan ikke være tom; bruk --clear owner"),
    (["set", "2.2", "--role", "prosjektledr"], "ukjent rolle 'prosjektledr' (mente du 'prosjektleder'?)"),
    (["set", "2.2"], "ingenting å endre (gi minst ett av --owner"),
    (["set", "2.2", "--not-before", "01.03.2029", "--not-after", "01.02.2029"],
     "not_after er før not_before (ingenting er skrevet)"),
])
def test_errors_exit_2_with_one_line_and_leave_the_file_alone(plan: Path, args: list[str], message: str) -> None:
    before = plan.read_bytes(), plan.stat().st_mtime_ns
    result = run_navplan(args[0], args[1], plan, *args[2:])
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert (plan.read_bytes(), plan.stat().st_mtime_ns) == before
    assert list(plan.parent.iterdir()) == [plan], "no temporary file left behind"


def test_a_hint_s_command_names_the_plan_as_it_was_named(plan: Path, monkeypatch) -> None:
    """Pasted as it stands, the suggested command edits the same plan: with the plan
    named (quoted for the shell), or without it when the plan was found from here."""
    spaced = plan.parent / "mitt kontor"
    spaced.mkdir()
    (spaced / "navplan.yaml").write_bytes(plan.read_bytes())
    named = run_navplan("start", "S1", spaced)
    assert f"(for å åpne den igjen: navplan set S1 '{spaced}' --status started)" in named.stderr
    before = run_navplan("done", "2.1", spaced / "navplan.yaml", "--on", "13.01.2029", "--lang", "en")
    assert f"(correct the start with navplan start 2.1 '{spaced / 'navplan.yaml'}' --on DATE)" in before.stderr
    monkeypatch.chdir(spaced)
    here = run_navplan("start", "S1")
    assert "(for å åpne den igjen: navplan set S1 --status started)" in here.stderr


def test_a_plan_that_does_not_load_is_refused_before_any_edit(plan: Path) -> None:
    plan.write_text(COMMENTED.replace("opening: 01.01.2030", "opening: 32.01.2030"), encoding="utf-8")
    before = plan.read_bytes()
    result = run_navplan("done", "2.2", plan, "--on", "01.03.2029")
    assert result.exit_code == 2 and "opening" in result.stderr
    assert plan.read_bytes() == before


# Real git: two people, two branches, one merge.

def git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    identity = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=folder, capture_output=True, text=True)


def committed(folder: Path, message: str) -> None:
    result = git(folder, "commit", "-q", "-a", "-m", message)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def repository(tmp_path: Path) -> tuple[Path, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "kontor"
    made = run_navplan("init", folder, "--office", "NAV Fjordby", "--opening", "03.01.2030", "--start", "07.01.2029",
                       "--git")
    assert made.exit_code == 0, made.stderr
    base = git(folder, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
    return folder, base


def two_branches(folder: Path, base: str, on_a: list[list[str]], on_b: list[list[str]]) -> subprocess.CompletedProcess:
    """Make each branch's edits from the same base, commit them, and merge b into a."""
    plan = folder / "navplan.yaml"
    for branch, edits in (("a", on_a), ("b", on_b)):
        assert git(folder, "checkout", "-q", "-b", branch, base).returncode == 0
        for args in edits:
            result = run_navplan(args[0], args[1], plan, *args[2:])
            assert result.exit_code == 0, result.stderr
        # Only the lines that changed: each edit shows as added lines in git.
        diff = git(folder, "diff", "--unified=0", "--", "navplan.yaml").stdout
        changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        assert changed and all(line.startswith("+    ") for line in changed), diff
        committed(folder, f"progress on {branch}")
    assert git(folder, "checkout", "-q", "a").returncode == 0
    return git(folder, "merge", "--no-edit", "b")


def test_two_people_on_two_branches_merge_without_conflict(repository) -> None:
    folder, base = repository
    merged = two_branches(folder, base, [["done", "2.1", "--on", "01.03.2029"]],
                          [["start", "2.3", "--on", "05.03.2029"], ["set", "7.4", "--owner", "Kari Nordmann"]])
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert git(folder, "status", "--porcelain").stdout == ""
    assert run_navplan("validate", folder).exit_code == 0
    activities = load_project(folder).activities
    assert (activities["2.1"].status, activities["2.1"].actual_finish) == (Status.DONE, dt.date(2029, 3, 1))
    assert (activities["2.3"].status, activities["2.3"].actual_start) == (Status.STARTED, dt.date(2029, 3, 5))
    assert activities["7.4"].owner == "Kari Nordmann"


def test_adjacent_activities_on_two_branches_merge_without_conflict(repository) -> None:
    folder, base = repository
    merged = two_branches(folder, base, [["done", "2.2", "--on", "01.03.2029"]],
                          [["start", "2.3", "--on", "05.03.2029"], ["set", "2.3", "--owner", "Per"]])
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (folder / "navplan.yaml").read_text(encoding="utf-8")
    assert ('  - id: "2.2"       # Kartlegge lokale forhold\n    status: done\n    actual_finish: 2029-03-01\n'
            '  - id: "2.3"') in text
    activities = load_project(folder).activities
    assert activities["2.2"].status is Status.DONE
    assert (activities["2.3"].status, activities["2.3"].owner) == (Status.STARTED, "Per")


@pytest.mark.parametrize(("drop", "args", "message"), [
    # In drop: itself: say how to plan it again.
    ('["8.3"]', ["done", "8.3"], "8.3 er tatt ut av planen (drop) (ta den ut av drop: i planfilen for å bruke den igjen)"),
    ('["8.3"]', ["done", "8.3", "--lang", "en"], "8.3 is dropped from the plan (drop) "
                                                 "(take it out of drop: in the plan file to use it again)"),
    # Dropped with its main activity: drop: does not name it.
    ('["8"]', ["set", "8.2", "--owner", "Kari"], "8.2 er tatt ut av planen sammen med 8 (drop) "
                                                 "(ta 8 ut av drop: i planfilen for å bruke den igjen)"),
    # Every sub-activity dropped: the main activity is not in drop: at all.
    ('["8.1", "8.2", "8.3"]', ["set", "8", "--owner", "Kari"],
     "8 Kultur- og kompetanseutvikling har ingen underaktiviteter igjen: alle er tatt ut av planen (8.1, 8.2, 8.3) "
     "(ta en av dem ut av drop: i planfilen for å bruke den igjen)"),
    ('["8.1", "8.2", "8.3"]', ["done", "8", "--lang", "en"],
     "8 Culture and competence development has no sub-activities left: all of them are dropped (8.1, 8.2, 8.3)"),
])
def test_a_dropped_activity_is_refused_with_the_way_back(plan: Path, drop: str, args: list[str], message: str) -> None:
    plan.write_text(COMMENTED.replace('drop: ["8.3"]', f"drop: {drop}"), encoding="utf-8")
    before = plan.read_bytes()
    result = run_navplan(args[0], args[1], plan, *args[2:])
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert plan.read_bytes() == before


@pytest.mark.parametrize("role", ["prosjektleder", "Prosjektleder"])
def test_setting_the_role_the_activity_already_has_says_so_and_writes_nothing(plan: Path, role: str) -> None:
    """2.2's role is the handbook's prosjektleder: 'set --role prosjektleder' said
    'ansvarlig prosjektleder → prosjektleder' and wrote role: "prosjektleder" into the plan."""
    before = plan.read_bytes()
    result = run_navplan("set", "2.2", plan, "--role", role)
    assert result.exit_code == 0, result.stderr
    assert plan.read_bytes() == before
    assert result.stderr == f"Ingenting å endre: {plan} sier allerede dette om 2.2 Kartlegge lokale forhold.\n"
    assert "→" not in result.stderr


def test_a_change_beside_a_role_it_already_has_names_only_the_change(plan: Path) -> None:
    result = run_navplan("set", "2.2", plan, "--role", "prosjektleder", "--owner", "Per")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{plan}: 2.2 Kartlegge lokale forhold: eier – → Per\n"
    assert load_project(plan).activities["2.2"].owner == "Per"


@pytest.mark.parametrize("command, day", [("start", "01.01.1990"), ("done", "01.01.1990"), ("start", "31.12.2026")])
def test_an_actual_date_years_before_the_opening_is_refused(plan: Path, command: str, day: str) -> None:
    """'start --on 01.01.1990' was written into the plan: a year mistyped. The opening is
    01.01.2030; the handbook counts down under a year, so a date more than three years
    before it (before 01.01.2027) is taken for a mistake, and the plan file is the way to
    write one that is true."""
    before = plan.read_bytes()
    result = run_navplan(command, "2.2", plan, "--on", day)
    assert result.exit_code == 2, result.stderr
    assert plan.read_bytes() == before
    assert f"{day} er mer enn tre år før åpningen 01.01.2030" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_an_actual_date_three_years_before_the_opening_is_taken(plan: Path) -> None:
    result = run_navplan("start", "2.2", plan, "--on", "01.01.2027")
    assert result.exit_code == 0, result.stderr
    assert load_project(plan).activities["2.2"].actual_start == dt.date(2027, 1, 1)
