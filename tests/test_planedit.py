"""The plan editor: edits move only the lines they change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import EXAMPLES, run_navplan
from navplan.plan.editing import PlanEditor, round_trip
from navplan.plan.loading import validate
from navplan.plan.plan_model import Plan
from navplan.plan.project import build_project, load_project
from navplan.plan.safe_yaml import parse_yaml
from navplan.plan.values import Status
from plandiff import changed_lines, touched_blocks

EXAMPLE_FILES = sorted(EXAMPLES.glob("*/navplan.yaml"))

COMMENTED = """\
# A plan with comments everywhere.
navplan: 1
office: 'NAV Kommentar'   # single quotes on purpose
municipalities: [ "A",  "B" ]
opening: 01.01.2030
start:   2029-01-08
template: new
handbook: "2.0"
calendar:
    fellesferie: true
    christmas_closure:   false
drop: []

activities:
  # The agreement first.
  - id: "3.2.2"
    owner: ~
    notes: Rådmannen          # the council's man
    fixed: 19.06.2029        # kommunestyremøtet

  # Leadership.
  - id: "3.1.1"
    status: done   # finished early
    actual_finish: 01.03.2029
    # a comment inside the block

    notes: "Leder på plass."

  - id: "4.1"
    status: started
    actual_start: 2029-02-01
    after:
      - "3.1.1"   # the mandate
      # and nothing else

# End of plan.
"""


def project_of(text: str):
    return build_project(validate(Plan, parse_yaml(text, "navplan.yaml")), parse_yaml(text, "navplan.yaml"))


def edit(text: str, *changes: tuple[str, dict]) -> str:
    editor = PlanEditor(text, "navplan.yaml", list(project_of(text).activities))
    for activity_id, fields in changes:
        editor.set_activity_fields(activity_id, fields)
    return editor.text()


@pytest.fixture(scope="module")
def fresh_plans(tmp_path_factory) -> list[Path]:
    made = []
    for lang, template in (("nb", "new"), ("en", "merger")):
        folder = tmp_path_factory.mktemp(f"init-{lang}")
        result = run_navplan("init", folder, "--office", "NAV Ny", "--opening", "01.01.2030", "--template", template,
                             "-m", "Ny", "--lang", lang)
        assert result.exit_code == 0, result.stderr
        made.append(folder / "navplan.yaml")
    return made


def all_plans(fresh_plans: list[Path]) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in [*EXAMPLE_FILES, *fresh_plans]]


def test_the_ruamel_configuration_renders_every_example_and_new_plan_byte_for_byte(fresh_plans) -> None:
    for text in all_plans(fresh_plans):
        assert round_trip(text) == text


def test_an_unchanged_plan_is_saved_as_the_same_bytes(fresh_plans) -> None:
    for text in [*all_plans(fresh_plans), COMMENTED]:
        editor = PlanEditor(text)
        assert editor.text() == text and not editor.changed


def test_setting_what_the_file_already_says_changes_nothing() -> None:
    # 01.03.2029 in the file, a date object from the caller: the same date.
    text = edit(COMMENTED, ("3.1.1", {"status": Status.DONE, "actual_finish": dt.date(2029, 3, 1)}),
                ("3.2.2", {"fixed": "2029-06-19"}))
    assert text == COMMENTED


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.parent.name)
def test_changing_one_status_changes_only_that_line_in_every_example(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    project = load_project(path)
    for activity in project.active():
        if activity.is_summary or activity.id == project.opening_id:
            continue
        new_status = Status.STARTED if activity.status is not Status.STARTED else Status.NOT_STARTED
        fields = {"status": new_status, "actual_finish": None}
        if new_status is Status.NOT_STARTED:
            fields["actual_start"] = None
        new = edit(text, (activity.id, fields))
        assert touched_blocks(text, new) == {activity.id}, activity.id
        removed, added = changed_lines(text, new)
        assert [line for line in added if "status" in line] == [_status_line(new, activity.id)]
        assert all(line.strip().startswith(("status:", "actual_", "- id:")) for line in removed + added)
        changed = project_of(new).activities[activity.id]
        assert changed.status is new_status


def _status_line(text: str, activity_id: str) -> str:
    lines = text.splitlines()
    start = lines.index(f'  - id: "{activity_id}"')
    return next(line for line in lines[start:] if line.strip().startswith("status:"))


def test_a_status_change_on_a_commented_plan_moves_one_line() -> None:
    new = edit(COMMENTED, ("4.1", {"status": Status.DONE}))
    assert changed_lines(COMMENTED, new) == (["    status: started"], ["    status: done"])


def test_an_added_key_goes_in_canonical_order_before_the_comments_of_the_next_key() -> None:
    new = edit(COMMENTED, ("3.2.2", {"status": Status.DONE, "actual_finish": dt.date(2029, 6, 19)}))
    assert changed_lines(COMMENTED, new) == ([], ["    status: done", "    actual_finish: 2029-06-19"])
    assert "    owner: ~\n    status: done\n    actual_finish: 2029-06-19\n    notes: Rådmannen " in new


def test_a_key_added_at_the_end_of_a_block_stays_in_the_block() -> None:
    new = edit(COMMENTED, ("4.1", {"status": Status.DONE, "actual_finish": dt.date(2029, 3, 1)}))
    assert changed_lines(COMMENTED, new) == (["    status: started"],
                                             ["    status: done", "    actual_finish: 2029-03-01"])
    # The comment indented under `after` stays there; the blank line and the
    # file's closing comment stay after the block.
    assert new.endswith('      - "3.1.1"   # the mandate\n      # and nothing else\n'
                        "    actual_finish: 2029-03-01\n\n# End of plan.\n")


def test_removing_a_key_removes_its_line_and_keeps_the_comments() -> None:
    new = edit(COMMENTED, ("3.1.1", {"status": Status.STARTED, "actual_finish": None,
                                     "actual_start": dt.date(2029, 1, 8)}))
    removed, added = changed_lines(COMMENTED, new)
    assert removed == ["    status: done   # finished early", "    actual_finish: 01.03.2029"]
    assert added[0].startswith("    status: started") and added[0].endswith("# finished early")
    assert added[1:] == ["    actual_start: 2029-01-08"]
    assert "    # a comment inside the block\n\n    notes: \"Leder på plass.\"" in new


def test_new_blocks_go_in_outline_order_with_the_file_s_blank_lines() -> None:
    new = edit(COMMENTED, ("3.1.2", {"status": Status.DONE}), ("1.1", {"owner": "Kari"}),
               ("9.3.1", {"status": Status.STARTED, "actual_start": "04.03.2029"}))
    ids = [block["id"] for block in parse_yaml(new, "x").content["activities"]]
    # 1.1 before the first block the outline puts after it; 3.1.2 right after 3.1.1; 9.3.1 last.
    assert ids == ["3.2.2", "1.1", "3.1.1", "3.1.2", "4.1", "9.3.1"]
    assert '    fixed: 19.06.2029        # kommunestyremøtet\n\n  - id: "1.1"\n    owner: "Kari"\n\n  # Leadership.' in new
    assert '  - id: "9.3.1"\n    status: started\n    actual_start: 2029-03-04\n\n# End of plan.\n' in new
    assert touched_blocks(COMMENTED, new) == {"1.1", "3.1.2", "9.3.1"}
    assert not changed_lines(COMMENTED, new)[0]


def test_ids_are_double_quoted_and_new_keys_follow_the_canonical_order() -> None:
    new = edit(COMMENTED, ("7.4", {"notes": "x", "owner": "Per", "actual_start": dt.date(2029, 5, 2),
                                   "status": "started", "not_after": dt.date(2029, 6, 21)}))
    assert ('  - id: "7.4"\n    not_after: 2029-06-21\n    owner: "Per"\n    status: started\n'
            '    actual_start: 2029-05-02\n    notes: "x"\n') in new


def test_the_flow_style_empty_list_of_an_older_plan_becomes_a_block_list() -> None:
    # Plans made before `navplan init` wrote a block per activity end so.
    text = 'navplan: 1\noffice: "NAV Ny"\nopening: 2030-01-01\n# Lokale endringer.\nactivities: []\n'
    new = edit(text, ("4.1", {"status": Status.STARTED, "actual_start": dt.date(2029, 3, 1)}),
               ("2.1", {"owner": "Kari"}))
    assert new.endswith('activities:\n  - id: "2.1"\n    owner: "Kari"\n'
                        '  - id: "4.1"\n    status: started\n    actual_start: 2029-03-01\n')
    assert changed_lines(text, new)[0] == ["activities: []"]
    assert project_of(new).activities["4.1"].actual_start == dt.date(2029, 3, 1)


def test_a_new_plan_s_blocks_keep_their_title_comments_when_keys_are_added_and_removed(fresh_plans) -> None:
    for path in fresh_plans:
        text = path.read_text(encoding="utf-8")
        id_lines = {line.split('"')[1]: line for line in text.splitlines() if line.startswith('  - id: "')}
        assert {"2.1", "2.3", "7.4", "9.3.2"} <= set(id_lines) and all("  # " in line for line in id_lines.values())
        # 2.3 is the last block of its main activity and 9.3.2 of the file: the
        # next heading and the end of the file follow the new keys, not the id.
        new = edit(text, ("2.3", {"status": Status.DONE, "actual_finish": dt.date(2029, 3, 1)}),
                   ("2.1", {"owner": "Kari", "notes": "x"}), ("9.3.2", {"duration": "4w"}))
        assert changed_lines(text, new) == ([], ['    owner: "Kari"', '    notes: "x"', "    status: done",
                                                 "    actual_finish: 2029-03-01", "    duration: 4w"])
        assert f'{id_lines["2.3"]}\n    status: done\n    actual_finish: 2029-03-01\n\n  # 3 ' in new
        assert touched_blocks(text, new) == {"2.1", "2.3", "9.3.2"}
        undone = edit(new, ("2.3", {"status": None, "actual_finish": None}), ("2.1", {"owner": None, "notes": None}),
                      ("9.3.2", {"duration": None}))
        assert undone == text


def test_formatting_ruamel_would_change_survives_outside_the_edit() -> None:
    """Odd indentation, `~`, aligned values, flow lists, a folded scalar: all kept."""
    text = """\
navplan: 1
office:    "NAV Skjev"
municipalities: [ "A",  "B" ]
opening: 2030-01-01
calendar:
    fellesferie:   true
    christmas_closure:   false
activities:
- id: "2.1"
  notes: a long note
    folded over two lines
- id: 4.1
  status:    started
  owner: ~
"""
    new = edit(text, ("2.1", {"status": Status.DONE}), ("4.1", {"status": Status.DONE}))
    assert changed_lines(text, new) == (["  status:    started"], ["  status: done", "  status: done"])
    assert "- id: \"2.1\"\n  status: done\n  notes: a long note\n    folded over two lines\n" in new
    assert new.replace("  status: done\n", "", 1).replace("status: done", "status:    started") == text


def test_line_endings_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    text = COMMENTED.replace("\n", "\r\n")
    path = tmp_path / "navplan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    editor = PlanEditor.open(path, list(project_of(COMMENTED).activities))
    assert editor.data() == path.read_bytes()
    editor.set_activity_fields("4.1", {"status": Status.DONE})
    assert editor.data() == path.read_bytes().replace(b"status: started\r\n", b"status: done\r\n")
    assert editor.unchanged_on_disk(path)
    path.write_text("changed", encoding="utf-8")
    assert not editor.unchanged_on_disk(path)


def test_a_block_is_found_by_the_id_navplan_reads() -> None:
    text = 'navplan: 1\noffice: "X"\nopening: 2030-01-01\nactivities:\n  - id: 2.10\n    status: done\n'
    editor = PlanEditor(text)
    editor.set_activity_fields("2.10", {"status": "started"})
    editor.set_activity_fields("2.1", {"status": "done"})
    assert editor.text() == text.replace("done", "started") + '  - id: "2.1"\n    status: done\n'


def test_unknown_fields_and_removing_the_id_are_refused() -> None:
    editor = PlanEditor(COMMENTED)
    with pytest.raises(ValueError):
        editor.set_activity_fields("4.1", {"statsu": "done"})
    with pytest.raises(ValueError):
        editor.set_activity_fields("4.1", {"id": None})


EDITABLE = ["1.1", "2.1", "2.2", "3.1.1", "3.1.5", "3.2.2", "4.1", "5.3", "7.4", "8.2", "9.3.1", "M2", "S1"]
FIELD_VALUES = {
    "status": st.sampled_from([None, *Status]),
    "owner": st.sampled_from([None, "Kari Nordmann", "IT: «drift»", "#1 person"]),
    "not_before": st.sampled_from([None, dt.date(2018, 2, 1), "01.02.2018"]),
    "notes": st.sampled_from([None, "kort", 'med "sitat" og: kolon']),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(EDITABLE), st.sampled_from(sorted(FIELD_VALUES)), st.data()),
                      max_size=6))
def test_random_edits_mean_what_they_say_and_touch_only_their_blocks(edits) -> None:
    text = (EXAMPLES / "indre-ostfold" / "navplan.yaml").read_text(encoding="utf-8")
    editor = PlanEditor(text, "navplan.yaml", list(project_of(text).activities))
    expected: dict[tuple[str, str], object] = {}
    for activity_id, name, data in edits:
        value = data.draw(FIELD_VALUES[name])
        if name == "status" and value is not Status.DONE:
            editor.set_activity_fields(activity_id, {"actual_finish": None})
            expected[(activity_id, "actual_finish")] = None
            if value is not Status.STARTED:
                editor.set_activity_fields(activity_id, {"actual_start": None})
                expected[(activity_id, "actual_start")] = None
        editor.set_activity_fields(activity_id, {name: value})
        expected[(activity_id, name)] = value
    new = editor.text()
    blocks = {block["id"]: block for block in parse_yaml(new, "x").content.get("activities") or []}
    for (activity_id, name), value in expected.items():
        written = blocks.get(activity_id, {}).get(name)
        if name == "not_before" and value is not None:
            assert dt.date.fromisoformat(written) == dt.date(2018, 2, 1)
        elif isinstance(value, Status):
            assert written == value.value
        else:
            assert written == value, (activity_id, name)
    assert touched_blocks(text, new) <= {activity_id for activity_id, _, _ in edits}


def test_splicing_keeps_the_original_s_own_way_of_writing_unchanged_lines() -> None:
    from navplan.plan.line_splice import splice_lines

    before = ["a: 1\n", "b:\n", "c: 3\n", "d: 4\n"]
    after = ["a: 1\n", "b:\n", "c: 30\n", "d: 4\n"]
    assert splice_lines(before, before, after) == after
    # `b: ~` is written differently but takes one line: it is paired and kept.
    original = ["a:   1\n", "b: ~\n", "c: 3\n", "d: 4\n"]
    assert splice_lines(original, before, after) == ["a:   1\n", "b: ~\n", "c: 30\n", "d: 4\n"]
    # Two original lines for one rendered line next to the change: the change
    # is widened over them, so no half of the old value is left behind.
    original = ["a: 1\n", "b: x\n", "  y\n", "c: 3\n", "d: 4\n"]
    before = ["a: 1\n", "b: x y\n", "c: 3\n", "d: 4\n"]
    after = ["a: 1\n", "b: x y\n", "c: 30\n", "d: 4\n"]
    assert splice_lines(original, before, after) == ["a: 1\n", "b: x\n", "  y\n", "c: 30\n", "d: 4\n"]
    after = ["a: 1\n", "b: z\n", "c: 3\n", "d: 4\n"]
    assert splice_lines(original, before, after) == ["a: 1\n", "b: z\n", "c: 3\n", "d: 4\n"]


def test_when_a_splice_would_change_the_meaning_the_full_rendering_is_used(monkeypatch) -> None:
    import navplan.plan.editing

    monkeypatch.setattr(navplan.plan.editing, "splice_lines", lambda original, before, after: original)
    editor = PlanEditor(COMMENTED)
    editor.set_activity_fields("4.1", {"status": Status.DONE})
    assert parse_yaml(editor.text(), "x").content["activities"][2]["status"] == "done"
