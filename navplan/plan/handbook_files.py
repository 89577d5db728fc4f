"""The handbook data shipped with navplan: the handbook itself and the plan templates.

Loaded once per process and shared by every plan (a portfolio run schedules
a thousand); the models are frozen, so no plan can change what the next one reads.

Reading the 90 KB handbook as YAML, with the line of every value, costs more
than validating it, so its plain content is also kept as JSON in the user's
cache folder (:mod:`navplan.io.cache_files`), named by a hash of the YAML
file's bytes: an edited or upgraded handbook is a new name. The cached content
is validated exactly as the YAML's would be; anything wrong with it and the
YAML is read again.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from navplan.io.cache_files import read_cache, write_cache
from navplan.plan.handbook_model import CurrentLayer, Handbook, HandbookActivity, Template
from navplan.plan.loading import validate
from navplan.plan.safe_yaml import load_yaml_file, read_text

Model = TypeVar("Model", bound=BaseModel)
#: Larger than any cached handbook can be (its YAML is at most safe_yaml's 5 MB).
_MAX_CACHED_BYTES = 10_000_000


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
    return load_shipped(Handbook, handbook_dir() / "handbook.yaml")


@lru_cache(maxsize=4)
def load_template(name: str) -> Template:
    """A plan template (``new`` or ``merger``)."""
    return load_shipped(Template, handbook_dir() / "templates" / f"{name}.yaml")


@lru_cache(maxsize=4)
def load_layer(name: str) -> CurrentLayer:
    """A current layer (``2027``): ``handbook/current/2027.yaml``."""
    return load_shipped(CurrentLayer, handbook_dir() / "current" / f"{name}.yaml")


@lru_cache(maxsize=16)
def layered(template: str, current: str | None) -> tuple[Handbook, Template]:
    """The handbook and ``template``, with the current layer ``current`` laid over them (None: the handbook alone)."""
    if current is None:
        return load_handbook(), load_template(template)
    from navplan.plan.current_layer import apply_layer

    return apply_layer(load_handbook(), load_template(template), load_layer(current), template)


def handbook_entries(template: str, current: str | None = None) -> list[HandbookActivity]:
    """The handbook's activities followed by ``template``'s (and the current layer's), as
    `navplan handbook` lists them."""
    book, shaped = layered(template, current)
    return [*book.activities, *shaped.activities]


def load_shipped(model: type[Model], path: Path) -> Model:
    """A data file shipped with navplan, validated as ``model``; its plain content cached by hash."""
    text = read_text(path)
    name = f"{path.stem}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}.json"
    cached = read_cache(name, _MAX_CACHED_BYTES)
    if cached is not None:
        try:
            return model.model_validate(json.loads(cached.decode("utf-8")))
        except (ValueError, ValidationError):  # not as written (JSON, UTF-8 and validation errors): read the YAML
            pass
    document = load_yaml_file(path)
    result = validate(model, document)
    write_cache(name, json.dumps(document.content, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return result
