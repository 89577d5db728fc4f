"""What a report's section holds, apart from how :mod:`navplan.render.report_sections` fills it, so
that a renderer of one section (the risk's) need not import the module that assembles them all."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    text: str  # a line break separates items the renderer may stack or join with "; "
    tone: str | None = None


@dataclass
class Grid:
    headers: list[str]
    rows: list[list[Cell]]
    right: set[int] = field(default_factory=set)  # columns aligned right (numbers)
    row_tones: list[str | None] = field(default_factory=list)
    narrow: set[int] = field(default_factory=set)  # ids and dates: a wrapped 01.02.|2019 reads badly


@dataclass
class Section:
    key: str
    title: str
    lines: list[tuple[str | None, str]] = field(default_factory=list)  # (tone, text) before the table
    grid: Grid | None = None
    notes: list[str] = field(default_factory=list)  # after the table
