"""YAML files → validated models, with errors that name file, line and field."""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from navplan.errors import NavplanError
from navplan.plan.model import Handbook, Plan, Template
from navplan.plan.safe_yaml import YamlDocument, load_yaml_file

PLAN_FILE_NAME = "navplan.yaml"
Model = TypeVar("Model", bound=BaseModel)


def handbook_dir() -> Path:
    """The folder holding the handbook data: ``navplan/data`` in an installed
    package (pyproject maps ``handbook/`` there), ``handbook/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "data"
    if (installed / "handbook.yaml").is_file():
        return installed
    return package.parent / "handbook"


@lru_cache(maxsize=1)
def load_handbook() -> Handbook:
    """The handbook v2.0 as shipped with navplan."""
    return validate(Handbook, load_yaml_file(handbook_dir() / "handbook.yaml"))


@lru_cache(maxsize=4)
def load_template(name: str) -> Template:
    """A plan template (``new`` or ``merger``)."""
    return validate(Template, load_yaml_file(handbook_dir() / "templates" / f"{name}.yaml"))


def resolve_plan_path(path: str | Path | None) -> Path:
    """``None`` means ./navplan.yaml; a folder means the navplan.yaml inside it."""
    plan_path = Path(path) if path is not None else Path(PLAN_FILE_NAME)
    try:
        is_dir = plan_path.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise NavplanError(f"cannot be opened: {exc.strerror}", file=plan_path) from None
    if is_dir:
        inner = plan_path / PLAN_FILE_NAME
        if not inner.exists():
            raise NavplanError(
                f"the folder has no {PLAN_FILE_NAME}", file=plan_path,
                hint="name a plan file, or create one with `navplan init`",
            )
        return inner
    return plan_path


def load_plan(path: str | Path | None) -> tuple[Plan, YamlDocument]:
    """Read and validate a plan file; the document keeps line numbers for later checks."""
    plan_path = resolve_plan_path(path)
    document = load_yaml_file(plan_path)
    if document.content is None:
        raise NavplanError(
            "the plan file is empty", file=plan_path, line=1,
            hint="a plan needs at least office and opening; `navplan init` writes one",
        )
    return validate(Plan, document), document


def validate(model: type[Model], document: YamlDocument) -> Model:
    """Validate ``document`` as ``model``; the first error becomes a located NavplanError."""
    if not isinstance(document.content, dict):
        raise NavplanError(
            "the file must hold a mapping of keys (like `office: ...`), not a list or a single value",
            file=document.file, line=document.line_of(()) or 1,
        )
    try:
        return model.model_validate(document.content)
    except ValidationError as exc:
        raise located_error(exc, document, model) from None


def located_error(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> NavplanError:
    errors = exc.errors(include_url=False)
    # Report the problem nearest the top of the file, as an editor would.
    first = min(errors, key=lambda error: document.line_of(tuple(error["loc"])) or 0)
    location = tuple(first["loc"])
    field = field_label(location, document.content)
    message = first["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    hint = None
    if first["type"] == "extra_forbidden":
        name = str(location[-1])
        known = _fields_at(model, location[:-1])
        message = f"unknown field '{name}'"
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else ("known fields: " + ", ".join(known) if known else None)
    elif first["type"] == "missing":
        message = "is required but missing"
    elif first["type"] == "string_pattern_mismatch":
        message = (f"'{first.get('input')}' is not an activity id: use up to 32 letters, digits, '.', '_' "
                   "or '-', starting with a letter or digit")
        hint = 'e.g. "2.1" or "L1"'
    elif first["type"] == "literal_error" and "expected" in first.get("ctx", {}):
        message = f"must be {first['ctx']['expected']}, not '{first.get('input')}'"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return NavplanError(message, file=document.file, line=document.line_of(location), field=field, hint=hint)


def field_label(location: tuple[Any, ...], content: Any) -> str:
    """A readable field path: ``activities[2.1].duration`` rather than ``activities.3.duration``."""
    parts: list[str] = []
    node = content
    for step in location:
        if isinstance(step, int):
            label = str(step + 1)
            if isinstance(node, list) and step < len(node) and isinstance(node[step], dict) and node[step].get("id"):
                label = str(node[step]["id"])
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
    return ".".join(parts) if parts else "(top level)"


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
    return list(getattr(current, "model_fields", {}))


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
