"""Tab completion: the script for each shell, and completions answered the way a
shell asks for them (a real process with _NAVPLAN_COMPLETE set)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO, run_navplan
from navplan.cli.export_commands import EXPORTS

FORMATS = [export.name for export in EXPORTS]  # in the table's order, as export --help lists them


def _complete(environ: dict[str, str]) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("_NAVPLAN", "_TYPER", "NAVPLAN"))}
    return subprocess.run([sys.executable, "-m", "navplan"], capture_output=True, text=True, cwd=REPO, timeout=120,
                          env=env | {"_NAVPLAN_COMPLETE": environ.pop("instruction")} | environ)


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o default -F _navplan_completion navplan"),
                                           ("zsh", "#compdef navplan"), ("fish", "complete --command navplan"),
                                           ("powershell", "Register-ArgumentCompleter")])
def test_show_completion_prints_the_script_for_the_shell_named(shell: str, marker: str) -> None:
    result = run_navplan("--show-completion", shell)
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout and "_NAVPLAN_COMPLETE" in result.stdout


def test_an_unknown_shell_is_refused_in_bokmål() -> None:
    result = run_navplan("--show-completion", "tcsh")
    assert result.exit_code == 2 and not result.stdout
    assert result.stderr == ("navplan: --show-completion: navplan har ikke tab-fullføring for 'tcsh'; den finnes "
                             "for 'bash', 'zsh', 'fish', 'powershell' eller 'pwsh'\n")


def test_bash_completes_a_command_name() -> None:
    done = _complete({"instruction": "complete_bash", "COMP_WORDS": "navplan cri", "COMP_CWORD": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["critical-path"]


def test_bash_completes_subcommands_and_options() -> None:
    exports = _complete({"instruction": "complete_bash", "COMP_WORDS": "navplan export ", "COMP_CWORD": "2"})
    assert exports.stdout.split() == FORMATS
    weeks = _complete({"instruction": "complete_bash", "COMP_WORDS": "navplan critical-path --we", "COMP_CWORD": "2"})
    assert weeks.stdout.split() == ["--weeks"]


def test_zsh_and_fish_show_each_completion_s_help_in_the_user_s_language() -> None:
    zsh = _complete({"instruction": "complete_zsh", "_TYPER_COMPLETE_ARGS": "navplan ex"})
    assert zsh.returncode == 0, zsh.stderr
    assert '"export":"Skriv planen til en fil' in zsh.stdout and "help." not in zsh.stdout
    options = _complete({"instruction": "complete_zsh", "_TYPER_COMPLETE_ARGS": "navplan --"})
    assert '"--help":"Vis denne hjelpen og avslutt"' in options.stdout
    fish = _complete({"instruction": "complete_fish", "_TYPER_COMPLETE_ARGS": "navplan export ",
                      "_TYPER_COMPLETE_FISH_ACTION": "get-args", "NAVPLAN_LANG": "en"})
    assert "xlsx\tThe countdown workbook for the steering group" in fish.stdout.splitlines()


def test_a_language_before_the_command_completes_the_command_in_that_language() -> None:
    """`navplan --lang nn init --t<TAB>` completed nothing (the language before the command is
    each command's option, which the completer, unlike a run, did not move), and zsh showed the
    help in bokmål after `navplan --lang nn` or `navplan critical-path --lang en`."""
    options = _complete({"instruction": "complete_bash", "COMP_WORDS": "navplan --lang nn init --t",
                         "COMP_CWORD": "4"})
    assert options.returncode == 0, options.stderr
    assert options.stdout.split() == ["--template"]
    exports = _complete({"instruction": "complete_bash", "COMP_WORDS": "navplan --lang=en export ", "COMP_CWORD": "3"})
    assert exports.stdout.split() == FORMATS
    zsh = _complete({"instruction": "complete_zsh", "_TYPER_COMPLETE_ARGS": "navplan --lang nn ex"})
    assert '"export":"Skriv planen til ei fil' in zsh.stdout, zsh.stdout
    fish = _complete({"instruction": "complete_fish", "_TYPER_COMPLETE_ARGS": "navplan --lang en export ",
                      "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    assert "xlsx\tThe countdown workbook for the steering group" in fish.stdout.splitlines()
    after = _complete({"instruction": "complete_zsh", "_TYPER_COMPLETE_ARGS": "navplan critical-path --lang en --we"})
    assert '"--weeks":"How many weeks ahead' in after.stdout, after.stdout


def test_install_completion_writes_the_script_where_the_shell_reads_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = run_navplan("--install-completion", "bash")
    assert result.exit_code == 0, result.stderr
    script = tmp_path / ".bash_completions" / "navplan.sh"
    assert "_NAVPLAN_COMPLETE" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    assert result.stderr == f"Installerte tab-fullføring for bash i {script}; den virker i nye terminaler.\n"


# Issue 17, item 28: a HOME navplan did not expect.

HOSTILE_HOME = "a'$(touch pwned)'b `touch pwned2` \"x\""


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_home_with_quotes_and_commands_is_quoted_so_nothing_runs(shell: str, tmp_path, monkeypatch) -> None:
    import shutil

    home = tmp_path / HOSTILE_HOME
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    result = run_navplan("--install-completion", shell)
    assert result.exit_code == 0, result.stderr
    if shell != "bash" or shutil.which("bash") is None:
        return
    # Bash reads the .bashrc as at every shell start: the script is sourced, and no command in the name runs.
    started = subprocess.run(["bash", "--norc", "--noprofile", "-c",
                              'source "$HOME/.bashrc" && type _navplan_completion >/dev/null && echo sourced'],
                             capture_output=True, text=True, cwd=tmp_path, env=dict(os.environ, HOME=str(home)),
                             timeout=60)
    assert started.stdout.strip() == "sourced", started.stderr
    assert not list(tmp_path.glob("pwned*")) and not list(home.glob("pwned*")), "a command in HOME ran"


@pytest.mark.parametrize("home", ["", "relative/home", "."])
def test_an_empty_or_relative_home_is_refused_and_nothing_is_written(home: str, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", home)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "relative" / "home").mkdir(parents=True)
    before = sorted(tmp_path.rglob("*"))
    for shell in ("bash", "zsh", "fish"):
        result = run_navplan("--install-completion", shell)
        assert result.exit_code == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "HOME" in result.stderr and "ingenting er skrevet" in result.stderr, result.stderr
    assert sorted(tmp_path.rglob("*")) == before
