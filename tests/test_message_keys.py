"""Every message key the code uses is in the catalogues, in every language,
and every key in the catalogues is used.

The keys are read from the source (navplan/**/*.py)
with the ast module: string literals passed to t(), Message(), NavplanError()
and InvalidValue(), the help=, hint=, short_help= and epilog= of options and
commands, and any other literal shaped like a key of one of the catalogues'
namespaces (a column list, a help key handed to a helper). Keys built while
navplan runs (f"status.{...}") are listed below, each with where it is built.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from navplan.messages import MESSAGES

PACKAGE = Path(__file__).resolve().parent.parent / "navplan"
#: Calls whose first argument is a message key.
KEY_CALLS = {"t", "Message", "NavplanError", "InvalidValue", "words"}
#: Keyword arguments that hold a message key.
KEY_KEYWORDS = {"help", "hint", "short_help", "epilog"}
#: Keys made from a value at run time: the prefix, and where it is built.
BUILT_KEYS = {
    "status.": "the three statuses: t(f'status.{status.value}') in every renderer",
    "template.": "new and merger: t(f'template.{plan.template}')",
    "duration.": "d, w, m: messages.format_duration",
    "note.": "the schedule's notes: render/labels.py verdict_lines",
    "missed.": "fixed and not_after dates missed: render/labels.py verdict_lines",
    "levers.move_date.": "a fixed or not_after date moved to its forecast: render/labels.py lever_lines",
    "os.": "errno names: errors.os_reason",
    "employer.": "a role's employer: render/workbook/plan_sheets.py",
    "sync.field.": "the workbook's fields: render/edit_lines.py sync_lines",
    "handbook.origin.": "navplan and merger: render/handbook_terminal.py",
    "handbook.from.": "an activity's origin in a word: render/handbook_terminal.py layer_mark",
    "handbook.source.": "a source's kind (handbook page, law, guide, document, estimate): render/handbook_terminal.py",
    "init.git.": "new or existing repository: cli/plan_commands.py",
    "progress.name.": "a plan field's name: render/edit_lines.py edit_line",
    "report.overdue.": "not started or not finished: render/report_sections.py",
    "report.no_history.": "why there is no history: render/report_sections.py",
    "ics.summary.": "deadline, milestone, start, each also .critical: render/ics.py",
    "ics.slack.critical": "'ics.slack' + '.critical' on the critical path: render/ics.py",
    "deadline.": "a fixed or not-after date that holds: render/labels.py verdict_lines",
    "diff.deadline.": "a deadline's slack before and after: render/diff_terminal.py",
    "help.value.": "an option's values in words: cli/options.py choice, cli/help_format.py metavar",
    "risk.kind.": "fixed or not_after, a date navplan risk gives a probability: render/risk_*.py",
    "changes.date.": "the date of an activity that moved most: render/portfolio_changes.py moved_lines",
    "verdict.colour.": "green, yellow, red: render/labels.py verdict_headline and verdict_word",
    "baseline.variance.": "later or earlier, in weeks or working days: render/labels.py variance_words",
}
_KEY_SHAPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_FILE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".xlsx", ".xml", ".ics", ".csv", ".md", ".html", ".txt")
NAMESPACES = {key.split(".")[0] for key in MESSAGES if "." in key}


def sources() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(PACKAGE.rglob("*.py"))
            if not path.name.endswith("_words.py")]


def _strings(node: ast.AST) -> list[str]:
    """A literal, or both literals of ``a if x else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def used_keys() -> dict[str, str]:
    """Every key the code names, with the file and line that names it."""
    found: dict[str, str] = {}
    for path, tree in sources():
        where = lambda node: f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"  # noqa: E731, B023
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                if _name(node) in KEY_CALLS and node.args:
                    for key in _strings(node.args[0]):
                        found.setdefault(key, where(node))
                for keyword in node.keywords:
                    if keyword.arg in KEY_KEYWORDS:
                        for key in _strings(keyword.value):
                            if _KEY_SHAPE.match(key):
                                found.setdefault(key, where(node))
                if _name(node) == "command" and len(node.args) >= 3:  # @command(app, "name", "help key")
                    for key in _strings(node.args[2]):
                        for suffix in ("", ".short", ".example"):
                            found.setdefault(f"help.{key}{suffix}", where(node))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if text in MESSAGES or (_KEY_SHAPE.match(text) and text.split(".")[0] in NAMESPACES
                                        and not text.endswith(_FILE_SUFFIXES)):
                    found.setdefault(text, where(node))
    # The top level lists its commands by help key before building them (cli/app.py COMMANDS).
    from navplan.cli.app import COMMANDS

    for _module, key in COMMANDS.values():
        found.setdefault(f"help.{key}.short", "navplan/cli/app.py COMMANDS")
    # The export subcommands are built from a table (cli/export_commands.py EXPORTS): help and written message.
    from navplan.cli.export_commands import EXPORTS

    for export in EXPORTS:
        for suffix in ("", ".short", ".example"):
            found.setdefault(f"help.{export.help_key}{suffix}", "navplan/cli/export_commands.py EXPORTS")
        found.setdefault(export.written, "navplan/cli/export_commands.py EXPORTS")
    return found


def test_every_key_the_code_uses_is_in_every_language() -> None:
    used = used_keys()
    assert len(used) > 300, "the scan finds the keys"
    missing = {key: where for key, where in used.items() if key not in MESSAGES
               and not any(key == prefix.rstrip(".") for prefix in BUILT_KEYS)}
    assert not missing, f"keys used but in no catalogue: {missing}"
    empty = [key for key in used if key in MESSAGES and not all(MESSAGES[key])]
    assert not empty, f"keys without a bokmål or an English text: {empty}"


def test_every_key_in_the_catalogues_is_used() -> None:
    used = used_keys()
    unused = sorted(key for key in MESSAGES
                    if key not in used and not key.startswith(tuple(BUILT_KEYS)))
    assert not unused, f"catalogue keys nothing uses: {unused}"


def test_every_built_key_has_a_family_in_the_catalogues() -> None:
    for prefix in BUILT_KEYS:
        assert any(key.startswith(prefix) for key in MESSAGES), prefix


def test_every_language_takes_the_same_parameters() -> None:
    """A translation names the parameters bokmål names: a form that says "den neste uken"
    for one may leave the number out, but no text names a parameter the call does not pass."""
    import string

    from navplan.messages import LANGUAGES, translations

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    def forms(lang: str, key: str) -> tuple[str, ...]:
        found = translations(lang).texts.get((None, key))
        return found if isinstance(found, tuple) else (found,) if found is not None else ()

    differ = {}
    for key in MESSAGES:
        base = set().union(*map(fields, forms("nb", key)))
        count = translations("nb").count_of(key)
        for lang in LANGUAGES:
            for text in forms(lang, key):
                if not fields(text) <= base or not base - {count} <= fields(text):
                    differ[f"{lang} {key}"] = (sorted(fields(text)), sorted(base))
    assert not differ, differ


def test_the_words_modules_are_folded_into_the_catalogues() -> None:
    """Every word is kept in navplan/locale: a ``*_words.py`` module (written before the
    catalogues, on a branch merged since) is folded in with tools/import_words.py."""
    left = sorted(path.name for path in (PACKAGE / "messages").glob("*_words.py"))
    assert not left, f"fold these into the catalogues with `python tools/import_words.py`: {left}"
