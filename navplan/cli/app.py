"""The navplan command: its commands assembled in one place, and its one error boundary.

Each command lives in a module of its own (``navplan/cli/*_commands.py``),
which parses options, calls one function of the library and hands the result
to a renderer. This module imports none of them until one is called.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Annotated, NoReturn

import typer

from navplan.api import EXIT_BAD_INPUT, EXIT_BROKEN_PIPE, EXIT_OK, Message, NavplanError
from navplan.cli.environment import COMPLETE_VAR, Environment, given_language, language_of
from navplan.cli.help_format import LazyGroup, usage_error

#: New objects between two collections of the youngest generation (Python's default: 700); see run().
GC_FIRST_GENERATION = 100_000

#: Every command, in the order `navplan --help` lists them: the module that
#: defines it, and its help key.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("navplan.cli.plan_commands", "init"),
    "critical-path": ("navplan.cli.schedule_commands", "critical_path"),
    "calendar": ("navplan.cli.schedule_commands", "calendar"),
    "workload": ("navplan.cli.workload_command", "workload"),
    "risk": ("navplan.cli.risk_command", "risk"),
    "validate": ("navplan.cli.schedule_commands", "validate"),
    "done": ("navplan.cli.progress_commands", "done"),
    "start": ("navplan.cli.progress_commands", "start"),
    "set": ("navplan.cli.progress_commands", "set"),
    "baseline": ("navplan.cli.progress_commands", "baseline"),
    "export": ("navplan.cli.export_commands", "export"),
    "sync": ("navplan.cli.sync_command", "sync"),
    "diff": ("navplan.cli.history_commands", "diff"),
    "report": ("navplan.cli.history_commands", "report"),
    "portfolio": ("navplan.cli.portfolio_command", "portfolio"),
    "handbook": ("navplan.cli.plan_commands", "handbook"),
    "schema": ("navplan.cli.plan_commands", "schema"),
}


#: The Norwegian names the commands answer to as well (bokmål and nynorsk alike; both where they
#: differ), listed under the commands in `navplan --help`.
ALIASES: dict[str, str] = {
    "opprett": "init", "kritisk-linje": "critical-path", "kalender": "calendar", "risiko": "risk",
    "valider": "validate", "ferdig": "done", "sett": "set", "eksport": "export", "synk": "sync",
    "endringer": "diff", "endringar": "diff", "rapport": "report", "portefølje": "portfolio",
    "håndbok": "handbook", "handbok": "handbook", "skjema": "schema", "grunnlinje": "baseline",
    "arbeidsmengde": "workload",
}


class NavplanTopLevel(LazyGroup):
    LAZY = COMMANDS
    ALIASES = ALIASES


# navplan's own --install-completion and --show-completion (below) replace typer's, which
# speak English and ignore a shell named after them.
app = typer.Typer(
    name="navplan", cls=NavplanTopLevel, context_settings={"help_option_names": ["-h", "--help"]},
    help="help.navplan", epilog="help.navplan.example", no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False, rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from navplan.api import __version__

        typer.echo(f"navplan {__version__}")
        raise typer.Exit(EXIT_OK)


def _completion(action: str):
    """``--show-completion [SHELL]`` and ``--install-completion [SHELL]``: the shell named, or the one
    navplan runs in. The option library has no options with an optional value, so main() reads a
    shell named after the option; here the option stands alone."""

    def callback(ctx: typer.Context, _param, given: bool) -> None:
        if given and not ctx.resilient_parsing:
            raise typer.Exit(_run_completion(ctx.find_root().obj, action, ""))

    return callback


def _run_completion(env: Environment | None, action: str, shell: str) -> int:
    from navplan.cli import shell_completion

    env = env if isinstance(env, Environment) else Environment()
    if action == "--show-completion":
        env.stdout.write(shell_completion.completion_script(shell) + "\n")
    else:
        used, path = shell_completion.install_completion(shell)
        env.say(Message("completion.installed", shell=used, path=path).render(env.lang))
    return EXIT_OK


@app.callback()
def _global_options(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_print_version, is_eager=True,
                                          help="help.option.version")] = False,
    install_completion: Annotated[bool, typer.Option(
        "--install-completion", metavar="[SHELL]", callback=_completion("--install-completion"), is_eager=True,
        expose_value=False, help="help.option.install_completion")] = False,
    show_completion: Annotated[bool, typer.Option(
        "--show-completion", metavar="[SHELL]", callback=_completion("--show-completion"), is_eager=True,
        expose_value=False, help="help.option.show_completion")] = False,
) -> None:
    pass


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """The entry point, and navplan's one error boundary: every problem the
    user can fix ends here as one line on stderr in their language."""

    # navplan validates its own files the same whatever pydantic plugins happen to be installed,
    # and so skips pydantic's scan of every installed package for them (a cost at each start).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # The Monte Carlo uses no linear algebra: numpy's BLAS need not start a pool of threads
    # when a command loads it (it costs start-up time, more so on a busy machine).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if COMPLETE_VAR in os.environ:  # before the environment reads NAVPLAN_LANG
        _lang_out_of_completion(os.environ)
    env = env or Environment()
    argv = list(sys.argv[1:] if argv is None else argv)
    env.lang_given = given_language(argv, env.environ)
    env.lang = language_of(argv, env.environ)
    argv = _lang_after_command(argv)
    if COMPLETE_VAR in os.environ:  # the shell asks for completions: typer's classes answer it
        from typer._completion_classes import completion_init

        completion_init()
    code = _run(argv, env)
    # Output still buffered must reach its reader here, where a full disk or a
    # closed pipe can be said, not in the interpreter's last flush.
    from navplan.cli.output_channels import ReaderGone

    try:
        env.stdout.flush()
        if sys.stdout is not None:
            sys.stdout.flush()  # help and --version are printed there by the option parser
    except (ReaderGone, BrokenPipeError):
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except NavplanError as error:
        return _fail(env, error)
    except OSError as error:
        from navplan.cli.output_channels import OutputFailed

        return _fail(env, OutputFailed(error))
    return code


def _lang_after_command(argv: list[str]) -> list[str]:
    """``navplan --lang en COMMAND ...`` as ``navplan COMMAND ... --lang en``: people put
    a language first, as they would ``git -C``, but ``--lang`` is each command's option.
    Among navplan's own options with no command (``navplan --lang en --help``, or
    ``navplan --help --lang en``) it has already chosen the language and is left out.

    >>> _lang_after_command(["--lang", "en", "critical-path", "kontor/"])
    ['critical-path', 'kontor/', '--lang', 'en']
    >>> _lang_after_command(["--lang=en", "--help"]), _lang_after_command(["-h", "--lang", "nn"])
    (['--help'], ['-h'])
    """
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            option, rest = argv[index:index + 2], argv[:index] + argv[index + 2:]
            break
        if word.startswith("--lang="):
            option, rest = argv[index:index + 1], argv[:index] + argv[index + 1:]
            break
        if not word.startswith("-") or word == "--":  # the command: --lang after it is its own
            return argv
    else:
        return argv
    if not any(not word.startswith("-") for word in rest):
        return rest
    end = rest.index("--") if "--" in rest else len(rest)
    return rest[:end] + option + rest[end:]


def _lang_out_of_completion(environ) -> None:
    """A shell's line to complete with ``--lang`` before the command (``navplan --lang nn init
    --t``) without it, as :func:`_lang_after_command` takes it out of a command line to run:
    else the completer, which knows no ``--lang`` there, completes nothing. The language, before
    the command or after it, is kept as ``NAVPLAN_LANG`` (which ``--lang`` overrides anyway),
    where the completer reads it, so zsh and fish show the help in it.

    >>> line = {"COMP_WORDS": "navplan --lang nn init --t", "COMP_CWORD": "4"}
    >>> _lang_out_of_completion(line); line
    {'COMP_WORDS': 'navplan init --t', 'COMP_CWORD': '2', 'NAVPLAN_LANG': 'nn'}
    """
    import shlex

    from navplan.cli.environment import completion_words, given_language

    bash = "COMP_WORDS" in environ
    words = completion_words(environ)
    lang = given_language(words, {})
    if lang:
        environ["NAVPLAN_LANG"] = lang
    if bash:
        current = int(environ.get("COMP_CWORD", len(words)))
    else:  # the last word is being typed unless the line ends with a space
        text = environ.get("_TYPER_COMPLETE_ARGS", "")
        current = len(words) if text.endswith(" ") else len(words) - 1
    for index, word in enumerate(words[1:current], start=1):
        width = 2 if word == "--lang" else 1 if word.startswith("--lang=") else 0
        if width and index + width <= current:
            words, current = words[:index] + words[index + width:], current - width
            break
        if not word.startswith("-") or word == "--":  # the command: --lang after it is its own
            return
    else:
        return
    if bash:
        environ["COMP_WORDS"], environ["COMP_CWORD"] = shlex.join(words), str(current)
    else:
        environ["_TYPER_COMPLETE_ARGS"] = shlex.join(words) + (" " if len(words) == current else "")


def _run(argv: list[str], env: Environment) -> int:
    from typer._click import exceptions as click_errors  # typer carries its own copy of click

    from navplan.cli.output_channels import ReaderGone

    try:
        if argv and argv[0] in ("--show-completion", "--install-completion"):
            named = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else ""
            return _run_completion(env, argv[0], named)
        command = typer.main.get_command(app)
        result = command.main(args=argv, prog_name="navplan", standalone_mode=False, obj=env)
    except NavplanError as error:
        return _fail(env, error)
    except click_errors.NoArgsIsHelpError as error:
        return _print_help(env, error.ctx.get_help())
    except click_errors.UsageError as error:
        return _fail(env, usage_error(error, env.lang))
    except typer.Exit as stop:
        return stop.exit_code
    except typer.Abort:
        env.say(f"navplan: {Message('error.aborted').render(env.lang)}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except (ReaderGone, BrokenPipeError):
        # A reader that stopped early (`| head`): end quietly, as git and coreutils do.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except SystemExit as stop:
        # The option parser printing help to a closed pipe exits 1 itself, after
        # wrapping stdout in its PacifyFlushWrapper: that is the reader gone too.
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        raise stop
    except OSError as error:
        if error.filename is not None:
            raise  # a file navplan failed to turn into its own message: a bug to see, not to hide
        # The option parser printing help or the version to a stdout that cannot take it.
        from navplan.cli.output_channels import OutputFailed

        return _fail(env, OutputFailed(error))
    return result if isinstance(result, int) else EXIT_OK


def _print_help(env: Environment, text: str) -> int:
    from navplan.cli.output_channels import ReaderGone

    try:
        env.stdout.write(text + "\n")
    except ReaderGone:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except NavplanError as error:
        return _fail(env, error)
    return EXIT_OK


def run() -> NoReturn:
    """The ``navplan`` command: :func:`main`, then exit without the interpreter's teardown.

    Freeing every module and object one by one at exit costs a scheduling
    command about a quarter of its processor time (networkx, pydantic, Typer and
    rich are loaded), and achieves nothing for a process that ends. Everything
    navplan writes is whole on disk before main() returns (atomic writes are
    synced, worker processes joined, stdout flushed), so only what is left in the
    standard streams is flushed here.

    The cyclic garbage collector runs every 100,000 new objects instead of every 700: at
    start-up every module, class and pydantic schema is a new object that lives to the end,
    and the default thresholds traversed them over and over (about 150 collections, one of
    them of everything, some 40 ms of a scheduling command's processor time). Garbage
    without cycles is freed at once all the same; cycles wait a little longer.
    """
    import gc
    import os

    gc.set_threshold(GC_FIRST_GENERATION, 20, 10)
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader that went away, or a stream already closed
            pass
    os._exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _fail(env: Environment, error: NavplanError) -> int:
    from navplan.cli.output_channels import OutputFailed

    if isinstance(error, OutputFailed):
        _silence_stdout()  # what stdout could not take would fail again in the last flush
    env.say(f"navplan: {error.render(env.lang)}")
    return error.exit_code
