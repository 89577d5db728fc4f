"""Commands that speak the user's language: their help, and their usage errors.

The command-line library writes help and usage errors in English, with its
own section names and type names (``<int range>``, ``[[ID]]``). navplan's
commands carry message keys instead of help texts; the classes here lay the
help out themselves, in bokmål or English, and turn every usage error into
a :class:`~navplan.errors.NavplanError` with navplan's words.

The top-level command builds a subcommand only when it is called (or its
help is asked for), so `navplan validate` does not pay for building
`navplan export`'s parameters.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import typer
from typer._click.core import Context  # typer carries its own copy of click
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup

from navplan.api import Message, NavplanError
from navplan.messages import t

#: Extra arguments are left to :meth:`NavplanCommand.parse_args`, which says so in navplan's words.
CONTEXT = {"help_option_names": ["-h", "--help"], "allow_extra_args": True}
#: Metavariables, each shown in the reader's language by its message key.
_METAVARS = {"DATE": "help.metavar.date", "NAME": "help.metavar.name", "ROLE": "help.metavar.role",
             "FILE": "help.metavar.file", "FIELD": "help.metavar.field", "TEXT": "help.metavar.text",
             "FOLDER": "help.metavar.folder", "PATHS": "help.metavar.paths", "DURATION": "help.metavar.duration",
             "STATUS": "help.metavar.status", "REV": "help.metavar.rev", "SHELL": "help.metavar.shell",
             "DOCUMENT": "help.metavar.document"}
#: Help keys for the options the libraries add themselves.
_LIBRARY_OPTIONS = {"help": "help.option.help", "install_completion": "help.option.install_completion",
                    "show_completion": "help.option.show_completion"}


def language(ctx: Any) -> str:
    env = ctx.find_root().obj
    if env is None:  # completing a command line for the shell: no environment is made
        import os

        from navplan.cli.environment import language_of

        return language_of([], os.environ)
    return getattr(env, "lang", "nb")


def words(key: str | None, lang: str) -> str:
    """A help key in ``lang``; text that is not a key (a library's) as it is."""
    from navplan.messages import MESSAGES

    if key is None:
        return ""
    return t(key, lang) if key in MESSAGES else key


def metavar(text: str, lang: str) -> str:
    """``DATE`` as ``DATO`` in bokmål and nynorsk; an option's values in the reader's words where
    they have some (``week|month`` as ``uke|måned``; ``json`` as it is)."""
    if "|" in text:
        from navplan.messages import MESSAGES

        return "|".join(t(f"help.value.{value}", lang) if f"help.value.{value}" in MESSAGES else metavar(value, lang)
                        for value in text.split("|"))
    for english, key in _METAVARS.items():
        if english in text:
            text = text.replace(english, t(key, lang))
    return text


def command(app: typer.Typer, name: str, key: str, **settings: Any):
    """``app.command`` for a navplan command: help from ``help.<key>`` in the user's language."""
    return app.command(name, cls=NavplanCommand, context_settings=CONTEXT, help=f"help.{key}",
                       short_help=f"help.{key}.short", epilog=f"help.{key}.example", **settings)


class _HelpFormatter(HelpFormatter):
    """The library's help layout, except that text never breaks at a hyphen
    inside a word (åååå-mm-dd): it wraps between words, as navplan's tables do."""

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        start = len(self.buffer)
        super().write_dl([(term, text.replace("-", _NO_BREAK)) for term, text in rows], *args, **kwargs)
        self.buffer[start:] = [piece.replace(_NO_BREAK, "-") for piece in self.buffer[start:]]

    def write_text(self, text: str) -> None:
        start = len(self.buffer)
        super().write_text(text.replace("-", _NO_BREAK))
        self.buffer[start:] = [piece.replace(_NO_BREAK, "-") for piece in self.buffer[start:]]


#: Stands in for a hyphen while a text is wrapped, so that the wrap cannot break there.
_NO_BREAK = "\u2011"


class _Context(Context):
    formatter_class = _HelpFormatter


class _Localised:
    """Help laid out in the user's language; shared by commands and groups."""

    context_class = _Context

    def format_help(self, ctx: Any, formatter: Any) -> None:
        lang = language(ctx)
        pieces = [metavar(piece, lang) for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("help.usage", lang) + " ")
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(words(self.help, lang))
        arguments, options = [], []
        for param in self.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            help_text = words(_LIBRARY_OPTIONS.get(param.name, param.help), lang)
            if param.param_type_name == "argument":
                arguments.append((metavar(_argument_usage(param), lang), help_text))
                continue
            # Long name first, as written; the library's help option keeps its names in a set,
            # whose order would change from run to run.
            names = ", ".join(sorted(param.opts + param.secondary_opts, key=lambda name: not name.startswith("--")))
            if not param.is_flag and not getattr(param, "count", False):
                names += " " + metavar(param.metavar or param.name.upper(), lang)
            elif param.metavar:  # a flag that main() lets take a value (--show-completion [SHELL])
                names += " " + metavar(param.metavar, lang)
            if param.required:
                help_text += f" [{t('help.required', lang)}]"
            options.append((names, help_text))
        for heading, rows in (("help.arguments", arguments), ("help.options", options)):
            if rows:
                with formatter.section(t(heading, lang)):
                    formatter.write_dl(rows)
        self.format_commands_in(ctx, formatter, lang)
        if self.epilog:
            with formatter.section(t("help.examples", lang)):
                for line in words(self.epilog, lang).splitlines():
                    _write_command(formatter, line)

    def format_commands_in(self, ctx: Any, formatter: Any, lang: str) -> None:
        """Groups list their commands; a command has none."""

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Completions with their help in the user's language (zsh and fish show it)."""
        lang = language(ctx)
        items = super().shell_complete(ctx, incomplete)
        for item in items:
            if item.value in ctx.help_option_names:  # the library's own option, with its English help
                item.help = _LIBRARY_OPTIONS["help"]
            item.help = words(item.help, lang) if item.help else item.help
        return items

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from typer._click import exceptions as click_errors  # typer carries its own copy of click

        try:
            return super().parse_args(ctx, args)
        except click_errors.UsageError as error:
            # The parser raises "needs a value" and "takes no value" without the
            # command they belong to; usage_error() needs it to tell the two apart
            # and to name the command's help.
            if error.ctx is None:
                error.ctx = ctx
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [t("help.metavar.options", language(ctx))]
        pieces += [_argument_usage(param) for param in self.get_params(ctx) if param.param_type_name == "argument"]
        return pieces


def _write_command(formatter: Any, line: str) -> None:
    """An example command, continued with `` \\`` where it would pass the width,
    so that it can be copied into a shell as it stands (wrapped as prose, its last
    option landed on a line of its own); a quoted value is never split, nor an
    option from its value."""
    indent = " " * formatter.current_indent
    width = formatter.width - formatter.current_indent - len(" \\")
    words = re.findall(r"(?:\"[^\"]*\"|'[^']*'|\S)+", line)
    tokens: list[str] = []
    for word in words:
        if tokens and tokens[-1].startswith("-") and " " not in tokens[-1] and not word.startswith("-"):
            tokens[-1] += " " + word
        else:
            tokens.append(word)
    current = ""
    for token in tokens:
        if current and len(current) + 1 + len(token) > width:
            formatter.write(f"{indent}{current} \\\n")
            current = "  " + token
        else:
            current = f"{current} {token}" if current else token
    formatter.write(f"{indent}{current}\n")


def _argument_usage(param: Any) -> str:
    """``ID``, ``[PLAN]`` or ``PATHS...``: required, optional, repeated."""
    name = param.metavar or param.name.upper()
    if param.nargs == -1 and "..." not in name:  # ``ID... [PLAN]`` says itself what repeats
        name += "..."
    return name if param.required else f"[{name}]"


class NavplanCommand(_Localised, TyperCommand):
    """A command whose extra arguments are a navplan usage error, not the library's."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            raise NavplanError("error.usage.extra_arguments", args=ctx.args,
                               hint=Message("error.see_help", command=ctx.command_path))
        return rest


class NavplanGroup(_Localised, TyperGroup):
    """A group of commands (`navplan export`): help in the user's language, unknown commands in navplan's words."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*super().collect_usage_pieces(ctx), t("help.metavar.command", language(ctx))]

    def format_commands_in(self, ctx: Any, formatter: Any, lang: str) -> None:
        rows = [(name, words(self.short_help_of(ctx, name), lang)) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section(t("help.commands", lang)):
                formatter.write_dl(rows)
                aliases = getattr(self, "ALIASES", {})
                if aliases:
                    formatter.write_paragraph()
                    named = {command: "/".join(alias for alias, target in aliases.items() if target == command)
                             for command in dict.fromkeys(aliases.values())}
                    formatter.write_text(t("help.aliases", lang, aliases=", ".join(
                        f"{alias} ({command})" for command, alias in named.items())))

    def short_help_of(self, ctx: Any, name: str) -> str | None:
        found = self.get_command(ctx, name)
        return found.short_help if found is not None else None

    def resolve_command(self, ctx: Any, args: list[str]):
        name = args[0]
        found = self.get_command(ctx, name)
        if found is None and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)  # an unknown option: the parser says which
            from navplan.api import closest

            known = self.list_commands(ctx)
            guess = closest(name, [*known, *getattr(self, "ALIASES", {})])
            raise NavplanError("error.usage.no_such_command", name=name,
                               hint=Message("hint.did_you_mean", guess=guess) if guess
                               else Message("hint.commands", commands=known))
        return name if found else None, found, args[1:]


class LazyGroup(NavplanGroup):
    """The top level: each subcommand's module is imported and its parameters
    built only when that subcommand runs, or when help lists it."""

    #: command name → (module holding its Typer app, help key)
    LAZY: dict[str, tuple[str, str]] = {}
    #: another name a command answers to (a Norwegian one) → the command
    ALIASES: dict[str, str] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.LAZY)

    def short_help_of(self, ctx: Any, name: str) -> str | None:
        return f"help.{self.LAZY[name][1]}.short"

    def get_command(self, ctx: Any, name: str):
        name = self.ALIASES.get(name, name)
        if name not in self.LAZY:
            return None
        if name not in self.commands:
            module = importlib.import_module(self.LAZY[name][0])
            group = typer.main.get_group(module.commands)
            self.commands[name] = group.commands[name]
        return self.commands[name]


def usage_error(error: Any, lang: str) -> NavplanError:
    """A usage error from the command-line library in navplan's words: read
    from the error's kind and the parameter it names, never from its text."""
    from typer._click import exceptions as click_errors  # typer carries its own copy of click

    ctx = getattr(error, "ctx", None)
    see_help = Message("error.see_help", command=ctx.command_path if ctx is not None else "navplan")
    if isinstance(error, click_errors.NoSuchOption):
        from navplan.api import closest

        guess = closest(error.option_name, sorted(error.possibilities or ()))
        return NavplanError("error.usage.no_such_option", option=error.option_name,
                            hint=Message("hint.did_you_mean", guess=guess) if guess else see_help)
    if isinstance(error, click_errors.MissingParameter):
        param = error.param
        name = "/".join(param.opts) if param is not None and param.param_type_name == "option" else \
            metavar(param.display_name_raw if param is not None else "?", lang)
        return NavplanError("error.usage.missing", name=name, hint=see_help)
    if isinstance(error, click_errors.BadOptionUsage):
        flag = ctx is not None and any(error.option_name in p.opts and getattr(p, "is_flag", False)
                                       for p in ctx.command.params)
        return NavplanError("error.usage.takes_no_value" if flag else "error.usage.needs_value",
                            option=error.option_name, hint=see_help)
    if isinstance(error, click_errors.BadParameter) and error.param is not None:
        return NavplanError("error.usage.invalid", name="/".join(error.param.opts), hint=see_help)
    return NavplanError("error.usage.invalid", name=ctx.command_path if ctx is not None else "navplan",
                        hint=see_help)
