"""The handbook data says only what its sources say: every quote is verbatim
on the page it cites, every id resolves, and the network has no cycle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from navplan.plan.handbook_files import handbook_dir, load_handbook, load_layer, load_template
from navplan.plan.handbook_model import HandbookActivity
from navplan.plan.values import Source

SOURCES = Path(__file__).resolve().parent.parent / "handbook" / "sources"
DOCUMENTS = {
    "Mandat for NAV Indre Østfold kommune (Fellesnemnda 13.03.2018)": "indre-ostfold-mandat-2018-03-13.txt",
    "Referat fra første Partnerskapsmøte for NAV Indre Østfold (10.12.2018)":
        "indre-ostfold-partnerskapsmote-2018-12-10.txt",
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


HANDBOOK_TEXT = normalise((SOURCES / "handbook-v2.0-2007.txt").read_text(encoding="utf-8"))
PAGES = {int(m.group(2)): m.group(1)
         for m in re.finditer(r"(.*?)Versjon 2\.0 Godkjent 20\.04\.07 (\d+)", HANDBOOK_TEXT)}


def all_activities() -> list[tuple[str, HandbookActivity]]:
    merger = load_template("merger")
    return [("handbook", a) for a in load_handbook().activities] + [("merger", a) for a in merger.activities]


def sources() -> list[tuple[str, Source]]:
    found = []
    for origin, activity in all_activities():
        if activity.duration_source:
            found.append((f"{origin} {activity.id} duration", activity.duration_source))
        if activity.duration_range:
            found.append((f"{origin} {activity.id} duration range", activity.duration_range.source))
        if activity.probability_source:
            found.append((f"{origin} {activity.id} probability", activity.probability_source))
        for link in activity.after:
            found.append((f"{origin} {activity.id} after {link.id}", link.source))
    for successor, links in load_template("merger").add_after.items():
        found += [(f"merger {successor} after {link.id}", link.source) for link in links]
    found += [(f"shared cause {cause.id}", cause.source) for cause in load_handbook().correlation]
    return found


@pytest.mark.parametrize("where,source", sources(), ids=[w for w, _ in sources()])
def test_every_quote_is_verbatim_on_its_page(where: str, source: Source) -> None:
    if source.page is not None:
        assert normalise(source.quote) in PAGES[source.page], f"{where}: not on page {source.page}"
    elif source.document is not None:
        text = normalise((SOURCES / DOCUMENTS[source.document]).read_text(encoding="utf-8"))
        assert normalise(source.quote) in text, f"{where}: not in {source.document}"
    else:
        # An estimate says why, in both languages, and never dresses up as a quote.
        assert len(source.estimate.nb) > 15 and len(source.estimate.en) > 15, f"{where}: an estimate must say why"
        assert source.estimate.nb != source.estimate.en, f"{where}: the bokmål reason is not a translation"
        assert source.quote is None, f"{where}: an estimate quotes nothing"


def test_every_duration_has_a_sourced_range_around_it() -> None:
    """`navplan risk` samples every handbook and template duration between low and high, but
    for work that happens or not: its duration is the source's, taken or not."""
    for origin, activity in all_activities():
        if activity.duration is None:
            assert activity.duration_range is None and activity.probability is None, activity.id
            continue
        if activity.probability is not None:
            assert activity.duration_range is None and activity.duration_source.quote, activity.id
            continue
        spread = activity.duration_range
        assert spread is not None, f"{origin} {activity.id}: a duration without low and high"
        assert spread.low.measure <= activity.duration.measure <= spread.high.measure, activity.id
        assert spread.low.measure < spread.high.measure, f"{activity.id}: a range that cannot vary"
        assert spread.low.in_months == activity.duration.in_months == spread.high.in_months, activity.id


def test_the_notice_period_is_three_months_or_none_as_figure_2_says() -> None:
    # "Eventuell 3 måneders oppsigelsestid" (p. 7): three months, or none at all; how likely is
    # navplan's estimate (tests/test_risk_inputs.py checks its reason).
    notice = {a.id: a for a in load_handbook().activities}["3.1.4"]
    assert str(notice.duration) == "3m" and notice.duration_range is None and 0 < notice.probability < 1
    assert notice.duration_source.page == 7 and "Eventuell" in notice.duration_source.quote


def test_the_handbooks_shared_causes_name_sampled_activities() -> None:
    """Each shared cause of the data couples two or more of the handbook's activities with a range."""
    activities = {a.id: a for a in load_handbook().activities}
    for cause in load_handbook().correlation:
        assert len(cause.activities) >= 2 and len(set(cause.activities)) == len(cause.activities), cause.id
        for member in cause.activities:
            assert activities[member].duration_range is not None, f"{cause.id}: {member} is not sampled"


def test_estimates_are_bilingual_and_shown_in_the_reader_language() -> None:
    from conftest import run_navplan

    nb = run_navplan("handbook", "7.4").stdout
    en = run_navplan("handbook", "7.4", "--lang", "en").stdout
    assert "anslag: en plan for innbemanning" in " ".join(nb.split())
    assert "a staffing plan" not in nb
    assert "estimate: a staffing plan" in " ".join(en.split())
    assert "3–10 uker" in nb and "3–10 weeks" in en


def test_every_duration_and_dependency_has_a_source() -> None:
    # The model enforces it on load; this guards against the check being removed.
    for _origin, activity in all_activities():
        if activity.duration is not None:
            assert activity.duration_source is not None, activity.id
        assert all(link.source is not None for link in activity.after), activity.id


def test_chapters_1_to_9_and_every_sub_activity_are_present() -> None:
    handbook = load_handbook()
    by_id = {a.id: a for a in handbook.activities}
    expected_subs = ["2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3",
                     "7.1", "7.2", "7.3", "7.4", "8.1", "8.2", "8.3", "9.1", "9.2", "9.3"]
    for main in map(str, range(1, 10)):
        assert by_id[main].kind == "main"
    for sub in expected_subs:
        activity = by_id[sub]
        assert activity.kind == "sub" and activity.parent == sub.split(".")[0] and activity.page
        assert activity.title.nb and activity.title.en and activity.role
    for sub in expected_subs:
        if sub[0] not in "89":
            assert by_id[sub].end_state, f"{sub} has the handbook's end state checklist"
            assert by_id[sub].purpose is not None
    for lost in ("8", "8.1", "8.2", "8.3", "9", "9.1", "9.2", "9.3"):
        assert by_id[lost].content_in_source is False and by_id[lost].note is not None


def test_opening_criteria_statutory_and_linked() -> None:
    handbook = load_handbook()
    ids = {a.id for a in handbook.activities}
    assert [c.number for c in handbook.criteria] == list(range(1, 10))
    assert {c.number for c in handbook.criteria if c.statutory} == {1, 3, 9}
    for criterion in handbook.criteria:
        assert normalise(criterion.text.nb) in HANDBOOK_TEXT
        assert set(criterion.activities) <= ids
    assert len(handbook.requirements) == 7


def test_roles_cover_the_table_on_page_9_and_the_formal_owners() -> None:
    roles = {r.id for r in load_handbook().roles}
    assert {"prosjektleder", "fylkesprosjektleder", "radmann", "lokal-ikt-kontakt", "kommunens-ikt-kontakt",
            "fylkets-ikt-koordinator", "fylkeskontakt", "sikkerhetskoordinator", "kompetansekoordinator",
            "fylkesdirektor", "tillitsvalgte", "verneombud", "brukerutvalg"} <= roles
    for _origin, activity in all_activities():
        assert activity.role in roles, activity.id


def test_the_six_tracks_of_figure_2_are_encoded() -> None:
    handbook = load_handbook()
    tracks = {t.id for t in handbook.tracks}
    assert tracks == {"lederrekruttering", "samarbeidsavtale", "faglig", "ikt", "lokaler", "spesiallinje"}
    used = {a.track for a in handbook.activities if a.track}
    assert used == tracks


def test_ids_are_quoted_in_the_yaml_so_2_10_stays_2_10() -> None:
    for path in [handbook_dir() / "handbook.yaml", *sorted((handbook_dir() / "templates").glob("*.yaml"))]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\s*(?:- )?(id|parent):\s*([\d.]+)\s*$", line)
            assert match is None, f"{path.name}:{number}: unquoted id"


def _texts(value: object) -> list[object]:
    """Every text (nb, en, nn) in a loaded handbook or template, however deep."""
    from pydantic import BaseModel

    from navplan.plan.values import Text

    if isinstance(value, Text):
        return [value]
    if isinstance(value, BaseModel):
        return [text for name in type(value).model_fields for text in _texts(getattr(value, name))]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    return []


def handbook_data() -> list[str]:
    """Every handbook data file: the handbook, each template and each current layer."""
    folder = handbook_dir()
    return ["handbook", *(f"templates/{path.stem}" for path in sorted((folder / "templates").glob("*.yaml"))),
            *(f"current/{path.stem}" for path in sorted((folder / "current").glob("*.yaml")))]


@pytest.mark.parametrize("data", handbook_data())
def test_every_bokmål_text_of_the_handbook_has_its_nynorsk(data: str) -> None:
    """A nynorsk reader gets the handbook in nynorsk, not bokmål where a text was left out
    (tools/import_handbook.py puts a translation beside each nb:): in the handbook, every
    template and every current layer."""
    assert {"templates/new", "templates/merger", "templates/split", "current/2027"} <= set(handbook_data())
    kind, _, name = data.partition("/")
    loaded = load_handbook() if kind == "handbook" else load_template(name) if kind == "templates" else load_layer(name)
    texts = _texts(loaded)
    assert len(texts) > (300 if data == "handbook" else 1)
    missing = [text.nb for text in texts if not text.nn]
    assert not missing, f"{len(missing)} texts without nn:, e.g. {missing[:3]}"


def test_a_nynorsk_reader_gets_the_nynorsk_text_and_bokmål_stays_the_source() -> None:
    from navplan.plan.values import Text

    text = Text(nb="Lederrekruttering", en="Leader recruitment", nn="Leiarrekruttering")
    assert (text.get("nb"), text.get("nn"), text.get("en")) == ("Lederrekruttering", "Leiarrekruttering",
                                                                 "Leader recruitment")
    assert Text(nb="Lokaler", en="Premises").get("nn") == "Lokaler"  # no nynorsk: the bokmål, never empty
