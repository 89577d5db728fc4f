"""The commands as a user meets them, through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, run_navplan
from navplan.cli.export_commands import EXPORTS

INDRE_OSTFOLD = EXAMPLES / "indre-ostfold" / "navplan.yaml"
LILLEHAMMER = EXAMPLES / "lillehammer-gausdal" / "navplan.yaml"
COMMANDS = ["init", "critical-path", "calendar", "risk", "validate", "handbook", "schema", "sync", "done", "start", "set",
            "baseline", "diff", "report", "portfolio", "workload"]
GROUPS = {"export": [export.name for export in EXPORTS]}  # sub-apps and their commands


@pytest.mark.parametrize("command", COMMANDS + [f"{group} {sub}" for group, subs in GROUPS.items() for sub in subs])
def test_every_command_has_help_and_is_documented_in_the_readme(command: str) -> None:
    result = run_navplan(*command.split(), "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Bruk: navplan {command} [VALG]") and len(result.stdout) > 200
    assert "Eksempel:" in result.stdout and f"navplan {command}" in result.stdout.split("Eksempel:")[1]
    english = run_navplan(*command.split(), "-h", "--lang", "en")
    assert english.stdout.startswith(f"Usage: navplan {command} [OPTIONS]") and "Example:" in english.stdout
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"navplan {command}" in readme, f"README documents `navplan {command}`"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_help_at_80_columns_keeps_each_example_one_command_and_each_date_format_whole(lang: str, monkeypatch) -> None:
    """A long example is continued with a backslash, so that it can be copied into a
    shell as it stands (it used to wrap as prose: `--git` alone on a line of its own
    ran as a command); and «åååå-mm-dd» is never broken at its hyphen."""
    monkeypatch.setenv("COLUMNS", "80")
    heading = "Eksempel:" if lang == "nb" else "Example:"
    for command in COMMANDS + [f"{group} {sub}" for group, subs in GROUPS.items() for sub in subs]:
        text = run_navplan(*command.split(), "-h", "--lang", lang).stdout
        assert max(len(line) for line in text.splitlines()) <= 80, text
        assert not re.search(r"(åååå|yyyy)-\n", text), text
        example = text.split(heading)[1].strip().replace(" \\\n", " ")
        for line in example.splitlines():
            assert line.strip().startswith("navplan "), f"{command}: {line!r} is not a command\n{text}"
    init = run_navplan("init", "-h", "--lang", lang).stdout.split(heading)[1]
    folder = "kontor/" if lang == "nb" else "office/"
    assert " ".join(init.replace("\\\n", " ").split()) == \
        f'navplan init {folder} --office "NAV Fjordby" --opening 03.01.2028 -m Fjordby --git'


def test_help_is_the_same_text_in_every_run() -> None:
    """The help option's names were listed "--help, -h" in one run and "-h, --help" in the
    next: the option library keeps them in a set, whose order follows the run's string hash
    seed. Each name list reads long name first, as every other option (--format, -f)."""
    texts = set()
    for seed in range(8):
        run = subprocess.run([sys.executable, "-m", "navplan", "validate", "--help"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed), "COLUMNS": "80"}, cwd=REPO)
        assert run.returncode == 0, run.stderr
        texts.add(run.stdout)
    assert len(texts) == 1, texts
    assert "  --help, -h  " in texts.pop()


def test_the_readme_lists_every_command_the_app_has() -> None:
    import typer

    from navplan.cli.app import app

    top = typer.main.get_command(app)
    context = top.make_context("navplan", ["--help"], resilient_parsing=True)
    assert set(top.list_commands(context)) == set(COMMANDS) | set(GROUPS)
    for group, subs in GROUPS.items():
        assert set(top.get_command(context, group).list_commands(context)) == set(subs)


def test_init_critical_path_calendar_for_a_new_office(tmp_path: Path) -> None:
    folder = tmp_path / "fjordby"
    made = run_navplan("init", folder, "--office", "NAV Fjordby", "--opening", "03.01.2028", "-m", "Fjordby")
    assert made.exit_code == 0, made.stderr
    plan = folder / "navplan.yaml"
    assert "office: \"NAV Fjordby\"" in plan.read_text(encoding="utf-8")
    assert "Skrev" in made.stderr and made.stdout == ""
    path = run_navplan("critical-path", plan, "--as-of", "04.01.2027")
    assert path.exit_code == 0
    assert "NAV Fjordby: kritisk linje per 04.01.2027 (uke 1)" in path.stdout
    assert "Åpning mandag 03.01.2028 (uke 1)" in path.stdout
    assert "● Status " in path.stdout and ": åpningen holder med " in path.stdout
    calendar = run_navplan("calendar", plan, "--as-of", "04.01.2027")
    assert calendar.exit_code == 0
    assert "uke 1" in calendar.stdout and "T-52u" in calendar.stdout and "ÅPNING 03.01.2028" in calendar.stdout


def test_init_merger_adds_the_merger_steps(tmp_path: Path) -> None:
    made = run_navplan("init", tmp_path, "--office", "NAV Nye", "--opening", "2030-01-01", "--template", "merger",
                       "-m", "A", "-m", "B")
    assert made.exit_code == 0, made.stderr
    document = json.loads(run_navplan("critical-path", tmp_path, "--as-of", "02.01.2029", "-f", "json").stdout)
    ids = {a["id"] for a in document["activities"]}
    assert {"M1", "M2", "M3", "M4", "M5"} <= ids
    assert document["municipalities"] == ["A", "B"] and document["template"] == "merger"


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text("# mine\n", encoding="utf-8")
    refused = run_navplan("init", tmp_path, "--office", "NAV X", "--opening", "03.01.2028")
    assert refused.exit_code == 2
    assert "finnes allerede" in refused.stderr and "--force" in refused.stderr
    assert plan.read_text(encoding="utf-8") == "# mine\n"
    forced = run_navplan("init", tmp_path, "--office", "NAV X", "--opening", "03.01.2028", "--force")
    assert forced.exit_code == 0
    assert "NAV X" in plan.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["navplan.yaml"], "no temporary file left behind"


def test_init_rejects_an_impossible_date_and_writes_nothing(tmp_path: Path) -> None:
    result = run_navplan("init", tmp_path, "--office", "NAV X", "--opening", "30.02.2028")
    assert result.exit_code == 2
    assert "--opening" in result.stderr and "er ikke en ekte dato: februar 2028 har 29 dager" in result.stderr
    assert not (tmp_path / "navplan.yaml").exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_git_creates_a_repository_with_a_first_commit(tmp_path: Path) -> None:
    result = run_navplan("init", tmp_path / "kontor", "--office", "NAV Git", "--opening", "03.01.2028", "--git")
    assert result.exit_code == 0, result.stderr
    log = subprocess.run(["git", "log", "--format=%s", "--name-only"], cwd=tmp_path / "kontor",
                         capture_output=True, text=True, check=True).stdout
    assert "navplan: ny plan for NAV Git" in log and "navplan.yaml" in log


def test_critical_path_json_is_the_documented_contract() -> None:
    result = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", "10.12.2018", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["format_version"] == 2
    assert document["opening_date"] == "2020-01-01" and document["as_of"] == "2018-12-10"
    for activity in document["activities"]:
        assert {"id", "title", "earliest_start", "earliest_finish", "latest_start", "latest_finish", "slack",
                "critical", "status"} <= set(activity)
    critical = [a["id"] for a in document["activities"] if a["critical"] and a["kind"] != "summary"]
    assert sorted(critical) == sorted(document["critical_path"])
    done = {a["id"]: a for a in document["activities"]}["2.2"]
    assert done["status"] == "done" and done["actual_finish"] == "2018-12-10" and done["slack"] is None
    schema = json.loads(run_navplan("schema", "schedule").stdout)
    assert set(schema["properties"]) == set(document)


def test_csv_is_flat_and_cannot_run_formulas(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(
        'office: "NAV Test"\nopening: 03.01.2028\nactivities:\n'
        '  - id: "X1"\n    title: "=HYPERLINK(\\"http://evil\\",\\"klikk\\")"\n    duration: 2w\n'
        '    owner: "@SUM(A1)"\n', encoding="utf-8")
    result = run_navplan("critical-path", plan, "--as-of", "04.01.2027", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    hostile = next(row for row in rows if row["id"] == "X1")
    assert hostile["title"].startswith("'=") and hostile["owner"].startswith("'@")
    assert next(row for row in rows if row["id"] == "2.1")["title"] == "Skape felles forståelse for målene med reformen"
    assert {"true", "false"} >= {row["critical"] for row in rows}


def test_english_output_and_iso_dates() -> None:
    result = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", "10.12.2018", "--lang", "en")
    assert "NAV Indre Østfold: critical path as of 2018-12-10 (week 50)" in result.stdout
    assert "● Status green: the opening holds with 107 working days" in result.stdout and "Start by" in result.stdout


def test_check_fails_when_the_opening_date_cannot_be_reached() -> None:
    result = run_navplan("critical-path", LILLEHAMMER, "--as-of", "04.11.2016", "--check")
    assert result.exit_code == 1
    assert "Åpningsdatoen holder ikke" in result.stdout and "Kjeden som forsinker" in result.stdout
    assert run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", "10.12.2018", "--check").exit_code == 0


def test_must_start_lists_what_is_due_in_the_coming_weeks() -> None:
    result = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", "10.12.2018", "--weeks", "8", "-f", "json")
    document = json.loads(result.stdout)
    latest_start = {a["id"]: a["latest_start"] for a in document["activities"]}
    assert document["must_start"], "something must start within eight weeks of the first partnership meeting"
    for activity_id in document["must_start"]:
        assert latest_start[activity_id] <= "2019-02-03"  # Sunday of the eighth week from week 50
    assert document["must_start"] == sorted(document["must_start"], key=lambda i: latest_start[i])


def test_validate_reports_on_stderr_and_prints_no_data() -> None:
    result = run_navplan("validate", INDRE_OSTFOLD)
    assert result.exit_code == 0
    assert result.stdout == "" and "er gyldig" in result.stderr


def test_handbook_shows_an_activity_with_its_sources() -> None:
    result = run_navplan("handbook", "7.4")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Personelløpet" in text and "side 25" in text
    assert "Medarbeidere er innplassert i avdelinger/team med roller og nødvendige fullmakter" in text
    assert "side 25: «Rollebeskrivelse bør brukes som et grunnlag for innbemanningsprosesser»" in text
    lost = run_navplan("handbook", "8.2", "--lang", "en")
    assert "not in the source" in lost.stdout
    unknown = run_navplan("handbook", "7.9")
    assert unknown.exit_code == 2 and "mente du" in unknown.stderr


def test_usage_errors_exit_2_without_traceback() -> None:
    result = run_navplan("critical-path", INDRE_OSTFOLD, "--format", "xml")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    bad_date = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", "31.11.2018")
    assert bad_date.exit_code == 2 and "--as-of" in bad_date.stderr


def test_an_option_without_its_value_or_a_flag_with_one_names_the_command_s_help() -> None:
    missing = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of")
    assert missing.exit_code == 2
    assert missing.stderr == "navplan: --as-of trenger en verdi (se `navplan critical-path --help`)\n"
    flag = run_navplan("critical-path", INDRE_OSTFOLD, "--check=yes", "--lang", "en")
    assert flag.exit_code == 2
    assert flag.stderr == "navplan: --check takes no value (see `navplan critical-path --help`)\n"
    nested = run_navplan("export", "xlsx", INDRE_OSTFOLD, "-o")
    assert nested.stderr == "navplan: -o trenger en verdi (se `navplan export xlsx --help`)\n"


def _subprocess(args: list[str], **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "navplan", *args], capture_output=True, text=True,
                          env=environment, cwd=REPO)


def test_no_colour_when_piped_or_when_no_color_is_set() -> None:
    args = ["critical-path", str(INDRE_OSTFOLD), "--as-of", "10.12.2018"]
    piped = _subprocess(args)
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout
    forced = _subprocess(args, FORCE_COLOR="1")
    assert "\x1b[" in forced.stdout, "colour is on for a terminal"
    refused = _subprocess(args, FORCE_COLOR="1", NO_COLOR="1")
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", refused.stdout), "NO_COLOR removes colour"


#: Commands and the libraries they must not import: each is paid for only where it is used
#: (networkx to schedule, holidays when a year is not in the cache, openpyxl for workbooks,
#: rich for tables, pydantic and PyYAML to read a plan).
LIGHT = {
    "--help": ["networkx", "openpyxl", "holidays", "rich", "pydantic", "yaml", "numpy"],
    "--version": ["networkx", "openpyxl", "holidays", "rich", "pydantic", "yaml", "numpy"],
    "export xlsx --help": ["networkx", "openpyxl", "holidays", "rich", "yaml", "numpy"],
    f"validate {INDRE_OSTFOLD}": ["networkx", "openpyxl", "holidays", "rich", "numpy"],
    "schema plan": ["networkx", "openpyxl", "holidays", "rich", "numpy"],
    f"critical-path {INDRE_OSTFOLD} --as-of 10.12.2018 --format json": ["openpyxl", "rich", "numpy"],
    f"calendar {INDRE_OSTFOLD} --as-of 10.12.2018 --format csv": ["openpyxl", "rich", "numpy"],
}


@pytest.mark.parametrize("args", sorted(LIGHT))
def test_light_commands_do_not_import_heavy_modules(args: str) -> None:
    if args.startswith("critical-path"):
        # The verdict's probability of opening on time (Indre Østfold has duration ranges) is sampled
        # once per plan content and day, by whichever command needs it first, and kept in the cache
        # folder: after `navplan risk` on that day, critical-path reads it and never loads numpy
        # (tests/test_verdict.py: the cold run, and a plan without ranges, which is never sampled).
        assert run_navplan("risk", *args.split()[1:4]).exit_code == 0
    probe = (
        "import sys, io, contextlib; from navplan.cli.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): code = main(sys.argv[1:])\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules})); sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", probe, *args.split()], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.split("LOADED", 1)[1].replace("'", '"'))
    assert [name for name in LIGHT[args] if name in loaded] == []


def test_a_non_editable_install_works_from_another_folder(tmp_path: Path) -> None:
    """Installed as a user installs it (a wheel, not the checkout), the navplan command runs
    anywhere, with its handbook and templates: issue 9's newcomer with pipx."""
    source = tmp_path / "source"  # a clean copy, so the build leaves nothing in the checkout
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", ".tools", "build", "*.egg-info",
                                                                "__pycache__", ".hypothesis", ".pytest_cache"))
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "--target", str(target), str(source)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert not (target / "navplan" / "__editable__").exists() and (target / "navplan" / "py.typed").is_file()
    assert (target / "navplan" / "data" / "handbook.yaml").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = dict(os.environ, PYTHONPATH=str(target), NO_COLOR="1")

    def navplan_command(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(target / "bin" / "navplan"), *args], capture_output=True, text=True,
                              cwd=elsewhere, env=environment)

    import navplan

    version = navplan_command("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout == f"navplan {navplan.__version__}\n"
    where = subprocess.run([sys.executable, "-c", "import navplan; print(navplan.__file__)"], capture_output=True,
                           text=True, cwd=elsewhere, env=environment)
    assert where.stdout.startswith(str(target)), "the installed copy runs, not the checkout"
    assert "Ombygging" in navplan_command("handbook", "9.2.5").stdout
    made = navplan_command("init", "kontor", "--office", "NAV Ny", "--opening", "03.01.2028", "--template",
                           "merger", "-m", "Ny")
    assert made.returncode == 0, made.stderr
    checked = navplan_command("critical-path", "kontor", "--as-of", "04.01.2027", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    assert {"M1", "M5"} <= {activity["id"] for activity in json.loads(checked.stdout)["activities"]}
    # the message catalogues are installed too: nynorsk, and the handbook's own nynorsk text
    nynorsk = navplan_command("critical-path", "kontor", "--as-of", "04.01.2027", "--lang", "nn")
    assert nynorsk.returncode == 0 and "(veke 1)" in nynorsk.stdout.splitlines()[0], nynorsk.stderr
    assert (target / "navplan" / "locale" / "nn" / "LC_MESSAGES" / "navplan.po").is_file()


def test_calendar_counts_down_in_the_users_language() -> None:
    norwegian = run_navplan("calendar", EXAMPLES / "nytt-kontor", "--as-of", "04.01.2027")
    english = run_navplan("calendar", EXAMPLES / "nytt-kontor", "--as-of", "04.01.2027", "--lang", "en")
    assert "T-52u" in norwegian.stdout and "uke 1 " in norwegian.stdout
    assert "T-52w" in english.stdout and "week 1 " in english.stdout
    months = json.loads(run_navplan("calendar", EXAMPLES / "nytt-kontor", "--as-of", "04.01.2027", "--by", "month",
                                    "-f", "json").stdout)
    # January 2027 is twelve months before January 2028; the last period holds the opening.
    assert [p["countdown"] for p in months["periods"]] == list(range(12, -1, -1))
    assert months["periods"][0]["first_day"] == "2027-01-01"
    assert "3.1.1" in months["periods"][0]["must_start"]


def test_calendar_csv_has_one_row_per_week() -> None:
    result = run_navplan("calendar", EXAMPLES / "nytt-kontor", "--as-of", "04.01.2027", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["first_day"] == "2027-01-04" and rows[0]["iso_week"] == "1" and rows[0]["countdown"] == "52"
    assert rows[-1]["first_day"] == "2028-01-03" and rows[-1]["countdown"] == "0"
    assert len(rows) == 53


def test_an_empty_file_and_a_folder_without_a_plan_are_refused_plainly(tmp_path: Path) -> None:
    empty = tmp_path / "navplan.yaml"
    empty.write_bytes(b"")
    result = run_navplan("critical-path", empty, "--as-of", "01.01.2019")
    assert result.exit_code == 2 and f"{empty}:1: planfilen er tom" in result.stderr
    folder = tmp_path / "tom"
    folder.mkdir()
    result = run_navplan("validate", folder)
    assert result.exit_code == 2 and "mappen har ingen navplan.yaml" in result.stderr
    missing = run_navplan("validate", tmp_path / "finnes-ikke.yaml")
    assert missing.exit_code == 2 and "fant ikke filen" in missing.stderr


def test_error_messages_show_the_users_text_verbatim(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text('office: "NAV :thumbs_up:"\nopening: 03.01.2028\nactivities:\n  - id: ":smile:"\n', encoding="utf-8")
    result = run_navplan("validate", plan)
    assert result.exit_code == 2
    assert "':smile:' er ikke en aktivitets-id" in result.stderr and "😄" not in result.stderr


def test_the_command_ends_without_teardown_and_loses_nothing() -> None:
    """`python -m navplan` (like the installed command) ends through os._exit after main():
    the output is whole and the exit code is main's."""
    args = ["critical-path", str(INDRE_OSTFOLD), "--as-of", "10.12.2018", "--format", "json"]
    ran = _subprocess(args)
    assert ran.returncode == 0 and json.loads(ran.stdout) == json.loads(run_navplan(*args).stdout)
    assert _subprocess(["critical-path", str(LILLEHAMMER), "--as-of", "04.11.2016", "--check"]).returncode == 1
    bad = _subprocess(["validate", "no-such-plan.yaml"])
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and bad.stdout == ""


def test_after_the_opening_a_date_of_work_never_recorded_done_is_said_once_not_counted_up() -> None:
    """Indre Østfold opened 01.01.2020 with S1 (fixed 19.12.2018) and 7.4 (finish by
    21.06.2019) never recorded done. Two weeks and half a year after the opening,
    critical-path says the same about them: not recorded done, not a count of
    working days that grows every day."""
    outputs = [run_navplan("critical-path", EXAMPLES / "indre-ostfold", "--as-of", day, width=200).stdout
               for day in ("15.01.2020", "15.06.2020")]
    expected = ("✘ S1 Styringsgruppemøte: prosjektplan og lokaliseringsplan forankres: fast dato 19.12.2018, "
                "ikke registrert ferdig.")
    for output in outputs:
        assert expected in output
        assert "✘ 7.4 Personelløpet: Innplassere medarbeidere med roller og fullmakter: ferdig senest 21.06.2019, " \
               "ikke registrert ferdig." in output
        assert "mangler" not in output and "Kjeden som bryter den" not in output
    english = run_navplan("critical-path", EXAMPLES / "indre-ostfold", "--as-of", "15.06.2020", "--lang", "en",
                          width=200).stdout
    assert "✘ 7.4 The staffing process: place staff in roles with authority: finish by 2019-06-21, " \
           "not recorded done." in english


def test_the_critical_mark_is_explained_only_under_a_table_that_has_it() -> None:
    """Indre Østfold as of 10.12.2018, Anna Lena Gaup's view: what the plan starts for her in
    the next four weeks (S1) is not on the critical path, so "◆ = på kritisk linje" under that
    table would explain a mark it does not have; the whole office's list has 9.2.1, which is.
    Lillehammer-Gausdal as of 04.11.2016: 8.3 is, and the legend stays."""
    holds = run_navplan("critical-path", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018", "--owner",
                        "Anna Lena Gaup", width=120).stdout
    must = holds[holds.index("Må starte"):]
    assert "S1" in must and "◆" not in must
    whole = run_navplan("critical-path", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018", width=120).stdout
    must = whole[whole.index("Må starte"):]
    assert "◆ 9.2.1" in must and "◆ = på kritisk linje" in must
    late = run_navplan("critical-path", EXAMPLES / "lillehammer-gausdal", "--as-of", "04.11.2016", width=120).stdout
    must = late[late.index("Må starte"):]
    assert "◆ 8.3" in must and "◆ = på kritisk linje" in must
