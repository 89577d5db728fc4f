"""The one exception type the core raises for anything the user can fix.

An error holds no language: a message key from :mod:`navplan.messages` and
its parameters. The CLI's error boundary renders it in the user's language
(bokmål unless ``--lang en``) as one line on stderr. Values quoted from a
hostile file (a 1 MB name, a newline in a role, a terminal escape) are
escaped and shortened when rendered, so the line stays one line.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

#: Longest piece of a message (a value quoted from the file, a field path) shown whole.
MAX_PART = 200
#: Bidirectional controls: U+202E turns the rest of a line right to left, so a name can
#: show other text than it holds (a "Trojan Source" spoof).
BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
#: Control characters would break the one-line message (or drive the terminal): shown escaped.
_ESCAPES = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]} | {
    0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"} | {
    code: f"\\u{code:04x}" for code in BIDI_CONTROLS}

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
#: What a shell reports for a process its reader stopped (128 + SIGPIPE), as for git or cat.
EXIT_BROKEN_PIPE = 141


def visible(text: str, keep: str = "") -> str:
    r"""``text`` with every control character shown as an escape (``\x1b``, ``\n``),
    except those in ``keep``: what a terminal, a comment in a plan or a calendar
    line receives from text it does not control (a commit subject, a file name).

    >>> print(visible("NAV \x1b]0;TITLE\x07\x1b[2J"))
    NAV \x1b]0;TITLE\x07\x1b[2J
    >>> print(visible("Ring\nKari\tx"), visible("Ring\nKari", keep="\n") == "Ring\nKari")
    Ring\nKari\tx True
    """
    table = _ESCAPES if not keep else {code: escape for code, escape in _ESCAPES.items() if chr(code) not in keep}
    return text.translate(table)


def shown_path(path: str | os.PathLike) -> str:
    r"""A file or folder name as navplan shows it anywhere (a message, a table, a report,
    a workbook): every control and bidirectional control character as a visible escape,
    line breaks and tabs too, so a name can neither drive a terminal nor break a line.
    The one rule for every path shown.

    >>> print(shown_path(Path("kontor\x1b[2J\u202e/navplan.yaml")))
    kontor\x1b[2J\u202e/navplan.yaml
    """
    return visible(os.fspath(path))


def plan_words(plan: str | os.PathLike | None) -> str:
    """The plan as the user named it, for a suggested command to be pasted as it
    stands: quoted for the shell, after a space (its control characters shown as
    escapes, as every path is); nothing when it was found from the current folder.

    >>> plan_words(None), plan_words("mitt kontor/")
    ('', " 'mitt kontor/'")
    """
    import shlex

    return "" if plan is None else " " + shown_path(shlex.quote(os.fspath(plan)))


def one_line(text: str, limit: int = MAX_PART) -> str:
    """``text`` with control characters escaped, cut in the middle when longer than ``limit``.

    >>> one_line("a\\nb")
    'a\\\\nb'
    >>> len(one_line("x" * 10_000))
    201
    """
    text = text.translate(_ESCAPES)
    if len(text) > limit:
        head = limit * 3 // 4
        text = text[:head] + "…" + text[len(text) - (limit - head):]
    return text


class Message:
    """A message key and its parameters, rendered in a language on demand.

    Parameters may be text (shown escaped and shortened), numbers, dates
    (``dd.mm.yyyy`` in bokmål, ISO in English), lists (joined with commas)
    or other messages. A ``value`` parameter is what the reader wrote, so a
    list there is shown as YAML writes it (``[1]``), never as the item alone.

    >>> Message("error.file_not_found").render("nb")
    'fant ikke filen'
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str = "nb") -> str:
        from navplan.messages import t

        return t(self.key, lang, **{
            name: one_line(_as_yaml(value)) if name == "value" and isinstance(value, (list, tuple))
            else render_value(value, lang)
            for name, value in self.params.items()})

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.params!r})"


def render_value(value: Any, lang: str) -> Any:
    """A parameter as it stands in a message (a whole number stays a number, to choose its word's plural)."""
    from navplan.messages import format_date

    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if hasattr(value, "render"):  # a Message, Choices or another value that says itself
        return value.render(lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(render_value(item, lang)) for item in value)
    if isinstance(value, Path):
        return one_line(shown_path(value), 2 * MAX_PART)
    if value is None or isinstance(value, dict):
        return one_line(_as_yaml(value))
    return one_line(str(value))


def _as_yaml(value: Any) -> str:
    """A value from a plan file as YAML writes it (``~``, ``{a: 1}``, ``[x, y]``),
    not as Python would (``None``, ``{'a': '1'}``): the reader wrote YAML.

    >>> _as_yaml({"low": None, "high": ["3w", 2]})
    '{low: ~, high: [3w, 2]}'
    """
    if value is None:
        return "~"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_as_yaml(key)}: {_as_yaml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_as_yaml(item) for item in value) + "]"
    return str(value)


class InvalidValue(ValueError):
    """A value the user wrote cannot be used; raised by parsers and validators.

    Like :class:`NavplanError` it carries a message key, not text, so pydantic
    can pass it through to :func:`navplan.plan.loading.located_error` and the
    CLI can say it in the user's language.

    >>> InvalidValue("error.value.not_a_date", value="1/1/2020").render("en")
    "'1/1/2020' is not a date: write dd.mm.yyyy or yyyy-mm-dd"
    """

    def __init__(self, key: str, /, **params: Any) -> None:
        self.message = Message(key, **params)
        super().__init__(self.message.render("en"))

    def render(self, lang: str = "nb") -> str:
        return self.message.render(lang)


class NavplanError(Exception):
    """Bad input or usage, located as precisely as the input allows.

    ``key`` names the message in :mod:`navplan.messages`; ``hint`` is another
    key (filled in from the same parameters) or a :class:`Message`.

    >>> error = NavplanError("error.value.not_a_date", file="navplan.yaml", line=4, field="opening", value="1/1")
    >>> error.render("en")
    "navplan.yaml:4: opening: '1/1' is not a date: write dd.mm.yyyy or yyyy-mm-dd"
    """

    def __init__(
        self,
        key: str | Message,
        /,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | Message | None = None,
        exit_code: int = EXIT_BAD_INPUT,
        **params: Any,
    ) -> None:
        self.message = key if isinstance(key, Message) else Message(key, **params)
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        self.hint = Message(hint, **self.message.params) if isinstance(hint, str) else hint
        self.exit_code = exit_code
        super().__init__(self.message.key)

    def located(self, file: str | Path | None = None) -> NavplanError:
        """Fill in the file if the raiser did not know it."""
        if self.file is None and file is not None:
            self.file = str(file)
        return self

    def add_hint(self, hint: Message) -> NavplanError:
        """Add to the hint (e.g. 'nothing was written'), keeping what the raiser said."""
        self.hint = hint if self.hint is None else Message("error.hints", first=self.hint, second=hint)
        return self

    def render(self, lang: str = "nb") -> str:
        """One line: ``file:line: field: message (hint)``."""
        where = ""
        if self.file:
            where = one_line(self.file, 2 * MAX_PART) + (f":{self.line}" if self.line else "") + ": "
        elif self.line:
            where = f"{render_value(Message('error.line', line=self.line), lang)}: "
        field = f"{one_line(self.field)}: " if self.field else ""
        hint = f" ({self.hint.render(lang)})" if self.hint is not None else ""
        return f"{where}{field}{self.message.render(lang)}{hint}"

    def __str__(self) -> str:
        return self.render("en")


class Choices:
    """Values a field accepts, shown as 'a', 'b' eller 'c' in the message's language.

    >>> Message("error.field.choice", choices=Choices(["new", "merger"]), value="x").render("nb")
    "må være 'new' eller 'merger', ikke 'x'"
    """

    __slots__ = ("values",)

    def __init__(self, values) -> None:
        self.values = [str(value) for value in values]

    def render(self, lang: str) -> str:
        from navplan.messages import t

        quoted = [f"'{one_line(value)}'" for value in self.values]
        if len(quoted) < 2:
            return "".join(quoted)
        return f"{', '.join(quoted[:-1])} {t('error.or', lang)} {quoted[-1]}"


class WordChoices(Choices):
    """Values a person types, each shown as the message key ``values`` names says it in the
    reader's language: 'ikkje starta', 'pågår' eller 'ferdig' for the statuses.

    >>> choices = WordChoices(["status.not_started", "status.done"])
    >>> Message("error.value.status", value="x", choices=choices).render("nn")
    "'x' er ikkje ein status: skriv 'ikkje starta' eller 'ferdig'"
    """

    __slots__ = ()

    def render(self, lang: str) -> str:
        from navplan.messages import t

        return Choices([t(key, lang) for key in self.values]).render(lang)


def os_reason(error: OSError) -> Message:
    """The operating system's reason for a failure, in navplan's words (never libc's).

    >>> import errno
    >>> os_reason(OSError(errno.ENAMETOOLONG, "File name too long")).render("nb")
    'navnet er for langt for filsystemet'
    """
    import errno

    from navplan.messages import MESSAGES

    code = errno.errorcode.get(error.errno or 0, "")
    if f"os.{code}" in MESSAGES:
        return Message(f"os.{code}")
    return Message("os.other", code=code or type(error).__name__)
