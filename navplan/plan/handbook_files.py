"""The handbook data shipped with navplan: the handbook itself and the plan templates.

Loaded once per process and shared by every plan (a portfolio run schedules
a thousand); the models are frozen, so no plan can change what the next one reads.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from navplan.plan.handbook_model import Handbook, HandbookActivity, Template
from navplan.plan.loading import validate
from navplan.plan.safe_yaml import load_yaml_file


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


def handbook_entries(template: str) -> list[HandbookActivity]:
    """The handbook's activities followed by ``template``'s, as `navplan handbook` lists them."""
    return [*load_handbook().activities, *load_template(template).activities]
