"""Plan files → validated models, with errors that name file, line and field.

Pydantic's own messages never reach the user: each kind of problem it
reports (its error *type*, a stable part of its API) is said in navplan's
words, in the user's language.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from navplan.errors import Choices, InvalidValue, Message, NavplanError, os_reason
from navplan.plan.plan_model import Plan
from navplan.plan.safe_yaml import YamlDocument, load_yaml_file

PLAN_FILE_NAME = "navplan.yaml"
Model = TypeVar("Model", bound=BaseModel)
Location = tuple[int | str, ...]  # a field's place, as pydantic gives it

#: pydantic error types → navplan's message, with the context value it needs.
_FIELD_MESSAGES = {
    "list_type": "error.field.list",
    "dict_type": "error.field.mapping",
    "model_type": "error.field.mapping",
    "model_attributes_type": "error.field.mapping",
    "string_type": "error.field.text",
    "int_type": "error.field.whole_number",
    "int_parsing": "error.field.whole_number",
    "int_from_float": "error.field.whole_number",
    "int_parsing_size": "error.field.big_number",
    "bool_type": "error.field.boolean",
    "bool_parsing": "error.field.boolean",
    "less_than_equal": "error.field.at_most",
    "greater_than_equal": "error.field.at_least",
    "less_than": "error.field.below",
    "greater_than": "error.field.above",
    "string_too_long": "error.field.too_long_text",
    "too_short": "error.field.too_few",
    "too_long": "error.field.too_many",
}
_LIMITS = ("le", "ge", "lt", "gt", "max_length", "min_length")


def resolve_plan_path(path: str | Path | None) -> Path:
    """A plan file: ``path`` itself, the navplan.yaml inside a folder, or, with
    no path, the navplan.yaml in the current folder or the nearest folder
    above it (as git finds its repository)."""
    if path is None:
        return find_plan_upwards(Path("."))
    plan_path = Path(path)
    try:
        is_dir = plan_path.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise NavplanError("error.cannot_open", file=plan_path, reason=os_reason(exc)) from None
    if is_dir:
        inner = plan_path / PLAN_FILE_NAME
        try:
            found = inner.exists() or inner.is_symlink()
        except OSError as exc:  # a folder that may be listed but not searched
            raise NavplanError("error.plan.search_denied", file=plan_path, hint="hint.plan.name_or_init",
                               name=PLAN_FILE_NAME, reason=os_reason(exc)) from None
        if not found:
            raise NavplanError("error.plan.folder_without_plan", file=plan_path, hint="hint.plan.name_or_init",
                               name=PLAN_FILE_NAME)
        return inner
    return plan_path


#: A plan's language, as its top level writes it: ``språk: nn`` (or ``language: nn``).
_LANGUAGE_LINE = re.compile(r"^(?:språk|language)[ \t]*:[ \t]*[\"']?([A-Za-z]{2,3})[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


def plan_language(path: str | Path | None) -> str | None:
    """The language the plan file names with ``språk:``, read before the plan is loaded
    (a command chooses its language first); None if it names none, or the file
    cannot be read: loading the plan then says what is wrong.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "navplan.yaml").write_text("navplan: 1\\nspråk: nn  # nynorsk\\n", encoding="utf-8")
    >>> plan_language(folder), plan_language(folder / "nothing.yaml")
    ('nn', None)
    """
    from navplan.messages import LANGUAGES
    from navplan.plan.safe_yaml import read_text

    try:  # as the plan is read: never a pipe or a device, which could wait for ever, nor a huge file
        text = read_text(resolve_plan_path(path))
    except (NavplanError, OSError, ValueError):
        return None
    # NFC: språk with the å as a + combining ring is the key the plan's loading reads too.
    match = _LANGUAGE_LINE.search(unicodedata.normalize("NFC", text))
    found = match.group(1).casefold() if match else None
    return found if found in LANGUAGES else None


def find_plan_upwards(start: Path) -> Path:
    """The navplan.yaml in ``start`` or the nearest folder above it, named
    relative to ``start`` (``navplan.yaml``, ``../navplan.yaml``) as a user would."""
    try:
        here = start.resolve()
    except FileNotFoundError:  # the current folder was deleted (or moved) after the shell entered it
        raise NavplanError("error.cwd_gone") from None
    for steps, folder in enumerate([here, *here.parents]):
        # Each folder is looked into by its relative name (``../navplan.yaml``), as the
        # kernel walks up from the current folder, so a folder above that may not be
        # searched stops only the search above it.
        candidate = start / Path(*([".."] * steps)) / PLAN_FILE_NAME if steps else start / PLAN_FILE_NAME
        try:
            if candidate.exists() or candidate.is_symlink():
                return candidate
        except OSError as exc:
            # Going on up could find another office's plan: stop, naming the folder.
            raise NavplanError("error.plan.search_denied", file=folder, hint="hint.plan.name_or_init",
                               name=PLAN_FILE_NAME, reason=os_reason(exc)) from None
    raise NavplanError("error.plan.none_found", file=start / PLAN_FILE_NAME, hint="hint.plan.name_or_init",
                       name=PLAN_FILE_NAME)


def load_plan(path: str | Path | None) -> tuple[Plan, YamlDocument]:
    """Read and validate a plan file; the document keeps line numbers for later checks."""
    plan_path = resolve_plan_path(path)
    document = load_yaml_file(plan_path)
    if document.content is None:
        raise NavplanError("error.plan.empty", file=plan_path, line=1, hint="hint.plan.empty")
    return validate(Plan, document), document


def validate(model: type[Model], document: YamlDocument) -> Model:
    """Validate ``document`` as ``model``; the first error becomes a located NavplanError."""
    if not isinstance(document.content, dict):
        raise NavplanError("error.plan.not_mapping", file=document.file, line=document.line_of(()) or 1)
    try:
        return model.model_validate(document.content)
    except ValidationError as exc:
        raise located_error(exc, document, model) from None


def located_error(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> NavplanError:
    errors = exc.errors(include_url=False)
    for error in errors:
        error["loc"] = _without_union_members(tuple(error["loc"]), document.content, error["type"])
    # A field missing beside a key navplan does not know is most likely that key misspelt
    # (openning:, titel:): the key is named, where the reader wrote it, with its correction.
    # One misspelt key, close to the missing name, is one problem, not two.
    unknown: dict[Location, list[str]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            unknown.setdefault(tuple(error["loc"][:-1]), []).append(str(error["loc"][-1]))

    def beside_unknown(error: ErrorDetails, close: bool = False) -> bool:
        keys = unknown.get(tuple(error["loc"][:-1]), [])
        return error["type"] == "missing" and bool(keys) and (
            not close or bool(difflib.get_close_matches(str(error["loc"][-1]), keys, n=1)))

    # Report the problem nearest the top of the file, as an editor would.
    first = min([error for error in errors if not beside_unknown(error)] or errors,
                key=lambda error: document.line_of(tuple(error["loc"])) or 0)
    location = tuple(first["loc"])
    message, hint = _field_message(first, location, model)
    # One field that fits none of a union's types (bool | list[int]) is one problem, not one per type.
    places = {tuple(error["loc"]) for error in errors if not beside_unknown(error, close=True)}
    if len(places) > 1:
        count = len(places) - 1
        message = Message("error.more_problems.one" if count == 1 else "error.more_problems.many",
                          message=message, count=count)
    return NavplanError(message, file=document.file, line=document.line_of(location),
                        field=field_label(location, document.content), hint=hint)


def _without_union_members(location: Location, content: Any, kind: str) -> Location:
    """``location`` as the reader wrote it: pydantic names the type of a union it tried after the
    field (``calendar.fellesferie.bool``, ``risks.0.by.Duration``), a name no file holds."""
    kept: list[Any] = []
    node = content
    for index, step in enumerate(location):
        named = isinstance(node, dict) and step in node
        if (isinstance(step, str) and step != "[key]" and not named
                and not (kind == "missing" and index == len(location) - 1)):
            continue
        kept.append(step)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return tuple(kept)


def _field_message(error: ErrorDetails, location: Location, model: type[BaseModel]) -> tuple[Message, Message | None]:
    """One pydantic error in navplan's words, and a hint where one helps."""
    kind, context, value = error["type"], error.get("ctx") or {}, error.get("input")
    if isinstance(context.get("error"), InvalidValue):  # navplan's own validators
        return context["error"].message, None
    if value is None and kind.endswith("_type") and location:  # `opening:` with nothing after it, or ~
        return Message("error.field.empty_value"), None
    if kind == "extra_forbidden":
        name = str(location[-1])
        known = _fields_at(model, location[:-1])
        for names in _alias_choices(model, location[:-1]):
            if name in names:  # one field written under two of its names (språk and language)
                return Message("error.field.same_field", first=names[0], second=names[-1]), None
        close = difflib.get_close_matches(name, known, n=1)
        hint = (Message("hint.did_you_mean", guess=close[0]) if close else
                Message("hint.known_fields", fields=known) if known else None)
        return Message("error.field.unknown", name=name), hint
    if kind == "missing":
        return Message("error.field.missing"), None
    if kind == "string_pattern_mismatch":
        return Message("error.field.bad_id", value=value), Message("hint.id_example")
    if kind in ("literal_error", "enum"):
        # The accepted values, as pydantic quotes them in its context (data, not prose).
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return Message("error.field.choice", choices=Choices(choices), value=value), None
    if kind == "string_too_short":
        return Message("error.field.empty_text"), None
    if kind in _FIELD_MESSAGES:
        limit = next((context[name] for name in _LIMITS if name in context), None)
        return Message(_FIELD_MESSAGES[kind], limit=limit), None
    return Message("error.field.invalid"), None


def field_label(location: tuple[Any, ...], content: Any) -> str | None:
    """A readable field path: ``activities[2.1].duration`` rather than ``activities.3.duration``."""
    parts: list[str] = []
    node = content
    for step in location:
        if step == "[key]":  # pydantic's mark for a mapping's key: the key itself is named already
            continue
        if isinstance(step, int):
            label = str(step + 1)
            # The block's id if it is text: an id written as a list or a mapping is the mistake.
            if (isinstance(node, list) and step < len(node) and isinstance(node[step], dict)
                    and isinstance(node[step].get("id"), str) and node[step]["id"]):
                label = node[step]["id"]
            if parts:
                parts[-1] += f"[{label}]"
            else:
                parts.append(f"[{label}]")
        else:
            parts.append(str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return ".".join(parts) if parts else None


def _fields_at(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """Field names of the model reached by following ``location`` through ``model``."""
    current: Any = model
    for step in location:
        if isinstance(step, int):
            continue
        field = getattr(current, "model_fields", {}).get(step)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    # A field read under another name than its own (``from`` for ``first``) is known by that name.
    return [field.alias or name for name, field in getattr(current, "model_fields", {}).items()]


def _alias_choices(model: type[BaseModel], location: tuple[Any, ...]) -> list[list[str]]:
    """The names of each field at ``location`` that may be written under more than one name."""
    from pydantic import AliasChoices

    current: Any = model
    for step in location:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", {})
        field = fields.get(step) or next((f for f in fields.values() if f.alias == step), None)
        current = _model_in(field.annotation) if field is not None else None
        if current is None:
            return []
    return [[str(choice) for choice in field.validation_alias.choices]
            for field in getattr(current, "model_fields", {}).values()
            if isinstance(field.validation_alias, AliasChoices)]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def closest(name: str, known: list[str]) -> str | None:
    """The known id most like ``name``, for 'did you mean' hints."""
    matches = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    return matches[0] if matches else None
