"""Tab completion for bash, zsh, fish and PowerShell: the script, and installing it.

The scripts are typer's (they call navplan back with ``_NAVPLAN_COMPLETE`` set);
what navplan says about them is its own, in the user's language. A shell named
after the option is used as given; without one, the shell navplan runs in.
"""

from __future__ import annotations

import os
from pathlib import Path

from navplan.errors import Choices, NavplanError

PROG = "navplan"
from navplan.cli.app import COMPLETE_VAR  # noqa: E402  (one name for it)
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
    except Exception:  # no shell above this process (a service, a container): fall back on $SHELL
        return Path(os.environ.get("SHELL", "")).name or None


def completion_script(shell: str) -> str:
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell_named(shell))


def install_completion(shell: str) -> tuple[str, Path]:
    """Install the script where the shell reads it; (the shell, the file written)."""
    from typer._completion_classes import completion_init
    from typer._completion_shared import install

    completion_init()
    name = shell_named(shell)
    try:
        return install(shell=name, prog_name=PROG, complete_var=COMPLETE_VAR)
    except OSError as error:
        from navplan.errors import os_reason

        raise NavplanError("error.completion.install", shell=name, reason=os_reason(error)) from None
