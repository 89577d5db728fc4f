"""Progress marked in the countdown workbook, compared with the plan.

The workbook (.xlsx or .ods, read by :mod:`navplan.features.workbook_file` as
hostile input) has its countdown sheet laid out as docs/workbook-layout.md
says. Only the status and the actual dates of tasks and milestones are read;
which rows those are is decided by the plan's own activities, never by a
row's looks.

The comparison is three-way when the workbook holds a record of the plan as
exported (:mod:`navplan.features.workbook_record`): a cell that still says
what the record says is no change, so a plan that moved on since the export
keeps what happened meanwhile; a cell changed in the workbook where the plan
changed the same field to something else is a :class:`Conflict`, and nothing
is written. A workbook without a record is compared two ways: it wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from navplan.errors import NavplanError
from navplan.features.workbook_file import WorkbookFile, column_letter
from navplan.features.workbook_origin import normal_words, origin
from navplan.features.workbook_record import RECORD_SHEET, ExportRecord, read_record
from navplan.messages import LANGUAGES, MESSAGES, format_date, t
from navplan.plan.project import Project
from navplan.plan.values import FIRST_YEAR, LAST_YEAR, Status, parse_date

FIELDS = ("status", "actual_start", "actual_finish")
_HEADERS = {"status": "col.status", "actual_start": "col.actual_start", "actual_finish": "col.actual_finish"}
#: Rows searched for the header row; the exporter puts it on row 4.
_HEADER_SEARCH = 50


@dataclass(frozen=True)
class Change:
    """One field of one activity that the workbook says differently."""

    activity_id: str
    field: str  # one of FIELDS
    old: Status | dt.date | None
    new: Status | dt.date | None


@dataclass(frozen=True)
class Conflict:
    """A field the workbook and the plan both changed since the export, to different values."""

    activity_id: str
    field: str  # one of FIELDS
    cell: str  # Sheet!J12
    exported: Status | dt.date | None
    plan: Status | dt.date | None
    workbook: Status | dt.date | None


@dataclass(frozen=True)
class Progress:
    """What one row of the workbook says; ``None`` for a column the sheet lacks."""

    activity_id: str
    row: int
    values: dict[str, Status | dt.date | None]


def _words(key: str) -> set[str]:
    return {text.casefold() for text in MESSAGES[key]}


def _status_words() -> dict[str, Status]:
    """Every way a status is written, normalised (NFC, spaces) as a typed cell is."""
    words = {normal_words(status.value): status for status in Status}
    for status in Status:
        for text in MESSAGES[f"status.{status.value}"]:
            words[normal_words(text)] = status
    return words


class _Sheet:
    """Cell addresses and located errors for one worksheet."""

    def __init__(self, file: Path, title: str, lang: str, today: dt.date | None = None) -> None:
        self.file, self.title, self.lang, self.today = file, title, lang, today
        self.words_lang = lang  # the workbook's own language, once the header shows it
        self.heading: list[Any] = [None, None]  # column A of rows 1 and 2: office, and as-of date
        self.header: dict[str, int] = {}  # every header's column, by its words
        self.rows: dict[str, tuple[int, tuple]] = {}  # each activity's row number and cells
        self.columns: dict[str, int] = {}  # the column of each field sync reads
        self.dropped: dict[str, tuple[int, dict]] = {}  # rows of dropped activities that say something else

    def error(self, at_column: int, at_row: int, key: str, **params: Any) -> NavplanError:
        return NavplanError(key, file=self.file, **params, field=f"{self.title}!{column_letter(at_column)}{at_row}")

    def status_list(self) -> str:
        return ", ".join(t(f"status.{status.value}", self.words_lang) for status in Status)


def read_progress(path: str | Path, project: Project, lang: str = "nb", today: dt.date | None = None) -> list[Progress]:
    """The status and actual dates of every task and milestone row, checked cell by
    cell (an actual date after ``today`` is refused, as `done` and `start` refuse it)."""
    sheet, progress, record = _read_workbook_and_record(path, project, lang, today)
    _check_dropped(sheet, record)
    return progress


def _read_workbook_and_record(path: str | Path, project: Project, lang: str,
                              today: dt.date | None) -> tuple[_Sheet, list[Progress], ExportRecord | None]:
    """The countdown sheet and its progress, and the workbook's record of the plan as exported."""
    with WorkbookFile(path) as book:
        title = countdown_sheet_name(book)
        sheet = _Sheet(book.path, title, lang, today)
        progress = _read_rows(sheet, book.rows(title), project)
        return sheet, progress, read_record(book)


def countdown_sheet_name(book: WorkbookFile) -> str:
    """The sheet progress is read from: the one named as the countdown sheet (in
    either language), else the first whose header row has ID, Status and an
    actual date; never a sheet that merely has IDs (the critical path's)."""
    names = {name.casefold() for name in MESSAGES["sheet.countdown"]}
    for title in book.sheet_names:
        if title.casefold() in names:
            return title
    shown = [title for title in book.sheet_names if title.casefold() != RECORD_SHEET]  # the record is hidden
    for title in shown:
        if _has_progress_header(book.rows(title)):
            return title
    sheets = ", ".join(shown) or t("sync.no_sheets")
    raise NavplanError("sync.no_countdown_sheet", file=book.path,
                       names=" / ".join(dict.fromkeys(MESSAGES["sheet.countdown"])),
                       sheets=sheets)


def _has_progress_header(rows) -> bool:
    ids, statuses = _words("col.id"), _words("col.status")
    dates = _words("col.actual_start") | _words("col.actual_finish")
    for number, cells in rows:
        if number > _HEADER_SEARCH:
            return False
        texts = {_text(value).casefold() for value in cells}
        if cells and _text(cells[0]).casefold() in ids:
            return bool(texts & statuses) and bool(texts & dates)
    return False


def _read_rows(sheet: _Sheet, rows, project: Project) -> list[Progress]:
    columns: dict[str, int] | None = None
    found: list[Progress] = []
    seen: dict[str, int] = {}
    statuses = _status_words()
    for number, cells in rows:
        first = _text(cells[0]) if cells else ""
        if number <= 2 and cells:
            sheet.heading[number - 1] = cells[0]
        if columns is None:
            if first.casefold() in _words("col.id"):
                columns = sheet.columns = _columns(sheet, cells, number)
                sheet.header = {_text(value).casefold(): index for index, value in enumerate(cells, start=1)
                                if _text(value)}
            elif number >= _HEADER_SEARCH:
                break
            continue
        if not first:
            continue
        activity_id = _activity_id(cells[0])
        activity = project.activities.get(activity_id)
        if activity is None:
            raise sheet.error(1, number, "sync.unknown_id", id=activity_id)
        if activity_id in seen:
            raise sheet.error(1, number, "sync.duplicate_id", id=activity_id, row=seen[activity_id])
        seen[activity_id] = number
        if activity.dropped:
            # A workbook made before the plan dropped it: the row is left alone while it
            # says what the plan says; progress marked on it would be lost, so it is refused.
            if activity.is_summary:
                continue
            values = {name: _cell(sheet, cells, column, number, name, statuses) for name, column in columns.items()}
            if any(values[name] != getattr(activity, name) for name in values):
                sheet.dropped[activity_id] = (number, values)
            continue
        sheet.rows[activity_id] = (number, cells)
        if activity.is_summary or activity_id == project.opening_id:
            continue  # their status comes from their steps, or is the opening itself
        values = {name: _cell(sheet, cells, column, number, name, statuses) for name, column in columns.items()}
        _check_consistent(sheet, columns, number, values)
        found.append(Progress(activity_id, number, values))
    if columns is None:
        raise NavplanError("sync.no_header", file=sheet.file, field=sheet.title)
    return found


def _columns(sheet: _Sheet, cells: tuple, row: int) -> dict[str, int]:
    """Column numbers (1-based) by field, found by their header in either language."""
    columns: dict[str, int] = {}
    candidates = list(LANGUAGES)  # the languages every header read so far is written in
    for index, value in enumerate(cells, start=1):
        text = _text(value).casefold()
        for name, key in _HEADERS.items():
            languages = [lang for lang, words in zip(LANGUAGES, MESSAGES[key], strict=True) if words.casefold() == text]
            if languages and name not in columns:
                columns[name] = index
                # `Status` is the same word in every language, `Aktivitet` in two
                candidates = [lang for lang in candidates if lang in languages] or candidates
                sheet.words_lang = sheet.lang if sheet.lang in candidates else candidates[0]
    if "status" not in columns:
        raise sheet.error(1, row, "sync.no_status_column", header=" / ".join(dict.fromkeys(MESSAGES["col.status"])))
    return columns


def _cell(sheet: _Sheet, cells: tuple, column: int, row: int, name: str, statuses: dict[str, Status]):
    value = cells[column - 1] if column <= len(cells) else None
    if name == "status":
        text = _text(value)
        if not normal_words(text):
            raise sheet.error(column, row, "sync.empty_status", words=sheet.status_list())
        if not isinstance(value, str) or normal_words(text) not in statuses:
            raise sheet.error(column, row, "sync.bad_status", value=text, words=sheet.status_list())
        return statuses[normal_words(text)]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = parse_date(value)
        except ValueError:
            day = None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise sheet.error(column, row, "sync.bad_date", value=_text(value))
    if sheet.today is not None and day > sheet.today:
        raise sheet.error(column, row, "progress.future", date=day, today=sheet.today)
    return day


def _check_consistent(sheet: _Sheet, columns: dict[str, int], row: int, values: dict) -> None:
    status, start, finish = values["status"], values.get("actual_start"), values.get("actual_finish")
    word = t(f"status.{status.value}", sheet.words_lang)
    if finish is not None and status is not Status.DONE:
        raise sheet.error(columns["actual_finish"], row, "sync.finish_not_done", date=format_date(finish),
                          status=word, done=t("status.done", sheet.words_lang))
    if start is not None and status is Status.NOT_STARTED:
        raise sheet.error(columns["actual_start"], row, "sync.start_not_started", date=format_date(start),
                          status=word)
    if start is not None and finish is not None and finish < start:
        raise sheet.error(columns["actual_finish"], row, "sync.finish_before_start", finish=format_date(finish),
                          start=format_date(start))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value.date() if isinstance(value, dt.datetime) else value)
    return str(value).strip()


def _activity_id(value: Any) -> str:
    # A spreadsheet may have turned the text 7.4 into the number 7.4.
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return _text(value)


def compare(project: Project, progress: list[Progress]) -> list[Change]:
    """What the workbook says differently from the plan, in the workbook's row order."""
    return merge(project, progress, None)[0]


def merge(project: Project, progress: list[Progress], record: ExportRecord | None,
          sheet: _Sheet | None = None) -> tuple[list[Change], list[Conflict]]:
    """What the workbook changes in the plan, in the workbook's row order, and the conflicts.

    With the export's ``record``, per field: the workbook's value where it still
    says what the record says is no change; where it differs from the record
    and the plan still says what the record says, it is a change; where the
    plan changed too, to the workbook's value, nothing is left to do, and to
    another value it is a conflict. Without a record (or a row the record lacks),
    the workbook wins."""
    changes: list[Change] = []
    conflicts: list[Conflict] = []
    for row in progress:
        activity = project.activities[row.activity_id]
        exported = record.rows.get(row.activity_id) if record is not None else None
        for name in FIELDS:
            if name not in row.values:
                continue
            mine, now = row.values[name], getattr(activity, name)
            if mine == now:
                continue
            if exported is not None:
                was = exported[name]
                if mine == was:
                    continue  # not touched in the workbook: what the plan says now stands
                if now != was:
                    cell = f"{sheet.title}!{column_letter(sheet.columns[name])}{row.row}" if sheet else ""
                    conflicts.append(Conflict(row.activity_id, name, cell, was, now, mine))
                    continue
            changes.append(Change(row.activity_id, name, now, mine))
    return changes, conflicts


def conflict_error(workbook: str | Path | None, conflict: Conflict) -> NavplanError:
    """A conflict as a located message naming both values (exit 1: nothing is written)."""
    from navplan.errors import EXIT_CHECK_FAILED, Message

    def value(of: Status | dt.date | None):
        if of is None:
            return Message("sync.empty")
        return Message(f"status.{of.value}") if isinstance(of, Status) else of.strftime("%d.%m.%Y")

    return NavplanError("sync.conflict", file=workbook, field=conflict.cell, exit_code=EXIT_CHECK_FAILED,
                        id=conflict.activity_id, field_name=Message(f"progress.name.{conflict.field}"),
                        plan=value(conflict.plan), workbook=value(conflict.workbook),
                        exported=value(conflict.exported))


def _check_dropped(sheet: _Sheet, record: ExportRecord | None) -> None:
    """A dropped activity's row must say what the plan says, or what it said at the
    export: progress marked on it would be lost, so it is refused."""
    for activity_id, (number, values) in sheet.dropped.items():
        exported = record.rows.get(activity_id) if record is not None else None
        if exported is None or any(values[name] != exported[name] for name in values):
            raise sheet.error(1, number, "sync.dropped_progress", id=activity_id)


def workbook_changes(path: str | Path, project: Project, lang: str = "nb") -> list[Change]:
    """What syncing the workbook would change in the plan (three ways when it holds a record;
    conflicts left out: :func:`sync_workbook` refuses them)."""
    sheet, progress, record = _read_workbook_and_record(path, project, lang, None)
    _check_dropped(sheet, record)
    return merge(project, progress, record, sheet)[0]


def unread_cells(sheet: _Sheet, project: Project) -> list[str]:
    """The cells of the columns sync does not read (activity, role, owner, the computed
    dates and slack) that say something else than the plan, scheduled as of the
    workbook's own as-of date: edits that would otherwise be lost without a word."""
    from navplan.engine.schedule import schedule

    lang = sheet.words_lang
    as_of = origin(*sheet.heading).as_of
    scheduled = schedule(project, as_of) if as_of is not None else None
    found: list[str] = []
    for activity_id, (number, cells) in sheet.rows.items():
        activity = project.activities[activity_id]
        expected: dict[str, Any] = {"col.activity": activity.title.get(lang), "col.owner": activity.owner or ""}
        if scheduled is not None and activity_id in scheduled.activities:
            at = scheduled.activities[activity_id]
            expected["col.role"] = project.role_title(activity.role, lang)
            if at.status is not Status.DONE and activity_id != project.opening_id:
                expected["col.start_by"] = at.dates["latest_start"]
                expected["col.finish_by"] = at.dates["latest_finish"]
            if at.slack is not None:
                expected["col.slack"] = at.slack
        for key, value in expected.items():
            column = next((sheet.header[word.casefold()] for word in MESSAGES[key] if word.casefold() in sheet.header),
                          None)
            if column is None or column > len(cells) or not normal_words(_text(cells[column - 1])):
                continue  # a blank cell says nothing: only what someone wrote instead is named
            if not _same_cell(cells[column - 1], value):
                found.append(f"{sheet.title}!{column_letter(column)}{number}")
    return found


def _same_cell(cell: Any, value: Any) -> bool:
    if isinstance(value, int) and isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell == value  # an ods file gives every number back as a float
    if isinstance(value, dt.date):
        if isinstance(cell, dt.datetime):
            cell = cell.date()
        return cell == value or normal_words(_text(cell)) == normal_words(format_date(value))
    return normal_words(_text(cell)).lstrip("\u2060'") == normal_words(str(value))


def edits(changes: list[Change]) -> dict[str, dict[str, Status | dt.date | None]]:
    """The changes as fields to set, by activity (None removes a date)."""
    by_activity: dict[str, dict[str, Status | dt.date | None]] = {}
    for change in changes:
        fields = by_activity.setdefault(change.activity_id, {})
        fields[change.field] = change.new
        if change.field == "status" and change.new is not Status.STARTED:
            fields["remaining"] = None  # what remains is said of work under way only
    return by_activity


def check_applied(project: Project, changes: list[Change], file: str | Path) -> None:
    """The edited plan, read back, must say what the workbook said."""
    for change in changes:
        if getattr(project.activities[change.activity_id], change.field) != change.new:
            raise NavplanError("sync.not_applied", file=file, id=change.activity_id, field_name=change.field)


@dataclass
class WorkbookSync:
    """What a workbook says differently from the plan, and the plan edited to say it."""

    plan_file: Path
    project: Project
    changes: list[Change]
    unread: list[str] = field(default_factory=list)  # cells that differ from the plan but are not read
    editor: Any = None  # the edited plan, checked; written by :meth:`write`
    problem: NavplanError | None = None  # why the edited plan cannot be written, if it cannot
    conflicts: list[Conflict] = field(default_factory=list)  # changed in both since the export: nothing is written
    workbook: Path | None = None  # the workbook read
    recorded: bool = True  # False: the workbook holds no record of the export, and was compared two ways

    def write(self) -> None:
        """Write the edited plan, unless it would be invalid or someone saved the plan since it was read."""
        if self.problem is not None:
            raise self.problem
        if self.conflicts:
            raise conflict_error(self.workbook, self.conflicts[0])
        if self.editor is not None:
            self.editor.save(self.plan_file)

    @property
    def activities_changed(self) -> int:
        return len({change.activity_id for change in self.changes})


def sync_workbook(workbook: str | Path, plan: str | Path | None, lang: str = "nb", *,
                  today: dt.date | None = None, other_office: bool = False) -> WorkbookSync:
    """Read the workbook, compare it with the plan, and prepare the edited plan;
    nothing is written until :meth:`WorkbookSync.write`. A workbook made for
    another office is refused unless ``other_office``; an actual date after
    ``today`` is refused."""
    from navplan.features.workbook_file import check_workbook_path
    from navplan.plan.editing import PlanEditor
    from navplan.plan.loading import resolve_plan_path
    from navplan.plan.project import load_project

    check_workbook_path(workbook)  # the first argument: its problem before a missing plan's
    plan_file = resolve_plan_path(plan)
    project = load_project(plan_file)
    sheet, progress, record = _read_workbook_and_record(workbook, project, lang, today)
    # The record names the office exactly; a workbook without one, its title row.
    office = record.office if record is not None and record.office else origin(*sheet.heading).office
    if office is not None and not other_office and normal_words(office) != normal_words(project.plan.office):
        raise NavplanError("sync.other_office", file=workbook, hint="sync.other_office.hint", office=office,
                           plan_office=project.plan.office)
    _check_dropped(sheet, record)
    changes, conflicts = merge(project, progress, record, sheet)
    found = WorkbookSync(plan_file, project, changes, unread_cells(sheet, project), conflicts=conflicts,
                         recorded=record is not None, workbook=Path(workbook))
    if changes and not conflicts:
        editor = PlanEditor.open(plan_file, list(project.activities))
        for activity_id, fields in edits(changes).items():
            editor.set_activity_fields(activity_id, fields)
        # Checked to load exactly as any plan will, and to say what the workbook says.
        from navplan.engine.dependency_graph import check_cycles

        try:
            edited = editor.project()
            check_cycles(edited)
            check_applied(edited, changes, plan_file)
            found.editor = editor
        except NavplanError as problem:
            found.problem = problem
    return found
