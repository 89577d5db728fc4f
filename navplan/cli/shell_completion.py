"""Tab completion for bash, zsh, fish and PowerShell: the script, and installing it.

The scripts are typer's (they call navplan back with ``_NAVPLAN_COMPLETE`` set);
what navplan says about them is its own, in the user's language. A shell named
after the option is used as given; without one, the shell navplan runs in.
"""

from __future__ import annotations

import os
from pathlib import Path

from navplan.api import Choices, NavplanError
from navplan.cli.environment import COMPLETE_VAR

PROG = "navplan"

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def shell_named(value: str) -> str:
    """The shell asked for, or (for an empty value) the one navplan runs in."""
    name = value.strip().casefold()
    if not name:
        name = _running_shell() or ""
        if name not in SHELLS:
            raise NavplanError("error.completion.unknown_shell", hint="hint.completion.name_shell",
                               choices=Choices(SHELLS))
    if name not in SHELLS:
        raise NavplanError("error.completion.shell", field="--show-completion", shell=value, choices=Choices(SHELLS))
    return name


def _running_shell() -> str | None:
    try:
        import shellingham

        return shellingham.detect_shell()[0]
    except Exception:  # noqa: BLE001  no shell above this process (a service, a container): fall back on $SHELL
        return Path(os.environ.get("SHELL", "")).name or None


def completion_script(shell: str) -> str:
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell_named(shell))


def install_completion(shell: str) -> tuple[str, Path]:
    """Install the script where the shell reads it; (the shell, the file written).

    bash, zsh and fish are installed by navplan itself, under a HOME that must be
    an absolute path (an empty one would put the files in ``/``), with every
    file written whole (a .bashrc is never left half-written) and the line added
    to .bashrc quoted for the shell, so no character of HOME (``'``, ``$(…)``)
    can run a command when a shell starts. PowerShell is typer's: it asks
    PowerShell itself where its profile is."""
    from typer._completion_classes import completion_init

    completion_init()
    name = shell_named(shell)
    try:
        if name in ("powershell", "pwsh"):
            from typer._completion_shared import install

            return install(shell=name, prog_name=PROG, complete_var=COMPLETE_VAR)
        home = _home()
        return name, {"bash": _install_bash, "zsh": _install_zsh, "fish": _install_fish}[name](home, name)
    except OSError as error:
        from navplan.api import os_reason

        raise NavplanError("error.completion.install", shell=name, reason=os_reason(error)) from None


def _home() -> Path:
    """The home folder the files go under: $HOME when set, which must be an absolute path."""
    if "HOME" not in os.environ:
        return Path.home()  # from the user database
    home = os.environ["HOME"]
    if not home.strip() or not os.path.isabs(home):
        raise NavplanError("error.completion.home", home=home, hint="hint.completion.home")
    return Path(home)


def shell_word(text: str) -> str:
    """``text`` as one word for bash and zsh, always in single quotes (shlex's quoting),
    so a ``'``, ``$(…)`` or a backtick in it is only text.

    >>> print(shell_word("/home/kari"), shell_word("/home/it's"))
    '/home/kari' '/home/it'"'"'s'
    """
    import shlex

    quoted = shlex.quote(text)
    return quoted if quoted != text else f"'{text}'"


def _script(shell: str) -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell)


def _write(path: Path, data: str | bytes) -> None:
    from navplan.api import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, force=True)


def _add_lines(rc_file: Path, lines: list[str]) -> None:
    """Add the lines a shell's start-up file lacks, keeping every byte it has."""
    data = rc_file.read_bytes() if rc_file.is_file() else b""
    have = data.splitlines()
    encoded = [line.encode("utf-8", "surrogateescape") for line in lines]  # a HOME that is not UTF-8 too
    missing = [line for line in encoded if line not in have]
    if missing:
        _write(rc_file, data + (b"" if not data or data.endswith(b"\n") else b"\n") + b"".join(
            line + b"\n" for line in missing))


def _install_bash(home: Path, shell: str) -> Path:
    script = home / ".bash_completions" / f"{PROG}.sh"
    _write(script, _script(shell))
    _add_lines(home / ".bashrc", [f"source {shell_word(str(script))}"])
    return script


def _install_zsh(home: Path, shell: str) -> Path:
    script = home / ".zfunc" / f"_{PROG}"
    _write(script, _script(shell))
    _add_lines(home / ".zshrc", ["fpath+=~/.zfunc; autoload -Uz compinit; compinit"])
    return script


def _install_fish(home: Path, shell: str) -> Path:
    script = home / ".config" / "fish" / "completions" / f"{PROG}.fish"
    _write(script, _script(shell) + "\n")
    return script
