"""`navplan report` for a plan in a real git repository, checked against a
report worked out by hand (calendar in tests/gitplans.py: point 0 = Mon
07.01.2030, opening = point 40 = Mon 04.03.2030, no holidays in between)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import navplan
from conftest import run_navplan
from gitplans import AS_OF, block, commit_plan, git, new_repository, no_repository_above, plan_text  # noqa: F401

# The plan keeps one handbook piece, the cooperation agreement's political
# consideration (3.2.2, 6 weeks, rådmann) and its milestone 3.2.3, and three
# local activities. Everything else is dropped (a dropped activity is a
# zero-length pass-through, so 3.2.2 can start on the as-of date).
DROP = '["1", "2", "4", "5", "6", "7", "8", "9", "3.1", "3.2.1"]'
H25 = block("H", "Hire", "25d", role="prosjektleder", owner='"Kari Nordmann"')
B5 = block("B", "Beta", "5d", after="[A]")

# At the last meeting: A 10d then B 5d (15 days, slack 25); H 25d (slack 15);
# 3.2.2 takes 30 days, 3.2.3 follows it: slack 10, so 3.2.2 -> 3.2.3 is the
# critical path and the opening has 40 - 30 = 10 days to spare.
MEETING = plan_text('  - id: "3.2.2"\n    owner: "Rådmann Berg"\n'
                    + block("A", "Alpha", "10d", owner='"Kari Nordmann"') + B5 + H25, drop=DROP)
# Now: 3.2.2 started on the as-of date, and A takes 40 days: A then B need
# 45 days, 5 more than the 40 left, so the opening fails and A -> B (slack -5)
# is the critical path.
NOW = plan_text('  - id: "3.2.2"\n    owner: "Rådmann Berg"\n    status: started\n    actual_start: 2030-01-07\n'
                + block("A", "Alpha", "40d", owner='"Kari Nordmann"') + B5 + H25, drop=DROP)




@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, MEETING, "Steering meeting", date="2030-01-02")
    (folder / "navplan.yaml").write_text(NOW, encoding="utf-8")
    return folder


def report(plan: Path, output: Path, *args: str) -> str:
    result = run_navplan("report", plan, "-o", output, "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return output.read_text(encoding="utf-8")


def test_the_markdown_report_worked_out_by_hand(repo: Path, tmp_path: Path) -> None:
    plan = repo / "navplan.yaml"
    text = report(plan, tmp_path / "møte.md")
    short = git(repo, "rev-parse", "--short=7", "HEAD")
    version = navplan.__version__
    shown = str(plan).replace("_", "\\_")  # the temporary folder's name has underscores, escaped as Markdown
    expected = f"""\
# NAV Testby: rapport til styringsgruppen

Per 07.01.2030 (uke 2) · plan {shown} · navplan {version}

**● Status rød: åpningen holder ikke: det mangler 5 arbeidsdager; bare 0 % sannsynlighet for å åpne i tide (under 50 %).**

## Åpningsdato

**Åpning mandag 04.03.2030 (uke 10), 40 arbeidsdager igjen**

**✘ Åpningsdatoen holder ikke: det mangler 5 arbeidsdager (tidligst mulig åpning 11.03.2030).**

Kjeden som forsinker: A → B
"""
    # 45 days from point 0 end at point 45: Monday 11.03.2030 is the earliest opening. A and B have
    # plain durations, so no sample opens on time: 0 %, and the one verdict is red (issue 19).
    assert text.startswith(expected)
    # Criterion 1 is 3.2, whose status comes from 3.2.2 (started) and 3.2.3: not met.
    # Every other criterion names only dropped activities, which cannot hold it back.
    assert "8 av 9 kriterier oppfylt, 2 av 3 lovpålagte." in text
    assert ("| 1 | Lokal samarbeidsavtale er undertegnet og politisk behandlet i kommunen. | ja | "
            "3.2 Utarbeide og få besluttet lokal samarbeidsavtale (pågår) | 0 av 1 ferdig |") in text
    assert "| 3 | Ledelse med nødvendige fullmakter er på plass. | ja | 3.1 Enighet om rammer og mål for " \
           "etableringsprosessen (tatt ut); 7.1 Eventuelt tilsette mellomledere (tatt ut) | oppfylt |" in text
    # The critical path: A must start 5 working days before the as-of date (28.12.2029, New
    # Year's Day skipped) and finish by point 35 (last day 22.02); B from 35 (25.02) to 40 (01.03).
    assert """\
## Kritisk linje

| ID | Aktivitet | Ansvarlig | Eier | Start senest | Ferdig senest | Slakk | Status |
| --- | --- | --- | --- | --- | --- | ---: | --- |
| A | Alpha |  | Kari Nordmann | 28.12.2029 | 22.02.2030 | **-5** | ikke startet |
| B | Beta |  |  | 25.02.2030 | 01.03.2030 | **-5** | ikke startet |
""" in text
    # Since the meeting: 10 -> -5 days to spare; A's latest start 11.02 -> 28.12 (30 days
    # earlier), A's earliest finish 18.01 -> 01.03 and B's 25.01 -> 08.03 (30 days later).
    assert f"""\
## Endringer siden forrige møte

Planen sammenlignet med {short} (02.01.2030, «Steering meeting»), begge beregnet per 07.01.2030.

**Slakk til åpning: 10 → -5 arbeidsdager (-15).**

**Åpningsdatoen holdt, men holder ikke lenger: det mangler 5 arbeidsdager.**

Endret status: 3.2.2 Politisk behandling: ikke startet → pågår

Kritisk linje: Før: 3.2.2 → 3.2.3 · Nå: A → B · Kom inn: A, B · Gikk ut: 3.2.2, 3.2.3

**Flyttet (ny dato og arbeidsdager flyttet)**

| ID | Aktivitet | Start senest | Ferdig senest | Prognose ferdig | Slakk |
| --- | --- | --- | --- | --- | ---: |
| A | Alpha | 28.12.2029 (-30) | 22.02.2030 | **01.03.2030 (+30)** | 25 → -5 |
| B | Beta | 25.02.2030 | 01.03.2030 | **08.03.2030 (+30)** | 25 → -5 |
""" in text
    # Four weeks from the as-of week end on Sunday 03.02.2030. H (25 days, as soon as possible,
    # waiting for nothing) is planned to start on the as-of day, Monday 07.01.2030 (ISO week 2),
    # and must start by point 15, Monday 28.01.2030; A is late, so it is listed as overdue instead.
    assert """\
## Må starte innen 4 uker (til og med 03.02.2030)

| ID | Aktivitet | Ansvarlig | Eier | Planlagt start | Uke | Start senest | Slakk |
| --- | --- | --- | --- | --- | --- | --- | ---: |
| H | Hire | NAV-leder | Kari Nordmann | 07.01.2030 | uke 2 | 28.01.2030 | 15 |

## Forsinket

| ID | Aktivitet | Ansvarlig | Eier | Hva | Slakk |
| --- | --- | --- | --- | --- | ---: |
| A | Alpha |  | Kari Nordmann | **skulle startet 28.12.2029** | **-5** |
""" in text
    # The rådmann's 3.2.2 (started; latest start point 10 = 21.01) and 3.2.3 (reached by
    # 01.03) fall within eight weeks (to Sunday 03.03.2030).
    assert """\
## Beslutninger for styringsgruppen, de neste 8 ukene

| ID | Aktivitet | Ansvarlig | Eier | Start senest | Frist | Slakk | Status |
| --- | --- | --- | --- | --- | --- | ---: | --- |
| 3.2.2 | Politisk behandling | Rådmann | Rådmann Berg | 21.01.2030 | 01.03.2030 | 10 | pågår |
| 3.2.3 | Samarbeidsavtale undertegnet og vedtatt | Rådmann |  | 01.03.2030 | 01.03.2030 | 10 | ikke startet |
""" in text
    assert text.endswith(f"---\n\nLaget av navplan {version} fra {shown}. "
                         "Planfilen er kilden: endre den, ikke rapporten.\n")


def test_markdown_has_no_html_and_every_table_is_plain_gfm(repo: Path, tmp_path: Path) -> None:
    text = report(repo, tmp_path / "r.md")
    assert "<" not in text and ">" not in text.replace("→", "")
    for table in _tables(text):
        widths = {line.count("|") - line.count("\\|") for line in table}
        assert len(widths) == 1, table  # every row has the header's number of cells
        assert set(table[1].replace("|", "").split()) <= {"---", "---:"}


def _tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables + ([current] if current else [])


def test_english(repo: Path, tmp_path: Path) -> None:
    text = report(repo, tmp_path / "r.md", "--lang", "en")
    assert text.startswith("# NAV Testby: report to the steering group\n")
    assert "**Opening Monday 2030-03-04 (week 10), 40 working days left**" in text
    assert "| A | Alpha |  | Kari Nordmann | should have started 2029-12-28 |" not in text  # bold, as in nb
    assert "| A | Alpha |  | Kari Nordmann | **should have started 2029-12-28** | **-5** |" in text
    assert "8 of 9 criteria met, 2 of 3 statutory ones." in text


class Page(HTMLParser):
    """The tags of a page, with their attributes and the text inside each section."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.sections: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "section":
            self.sections.append(dict(attrs)["id"])

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_the_html_report_is_one_self_contained_printable_page(repo: Path, tmp_path: Path) -> None:
    html = report(repo, tmp_path / "r.html")
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nb\">")
    # The risk lines with what the numbers assume and the tornado (issue 21); no register: no risks.
    assert page.sections == ["opening", "criteria", "critical", "risk", "changes", "must_start", "overdue",
                             "decisions"]
    # Nothing to fetch: no URL at all (inline SVG needs no namespace), no scripts, no links.
    assert "http://" not in html and "https://" not in html
    assert not page.all("script") and not page.all("link") and not page.all("img")
    assert all("src" not in attrs and "href" not in attrs for _tag, attrs in page.tags)
    # Printing: A4 pages, colours kept, rows never split across pages.
    assert "@page { size: A4;" in html and "print-color-adjust: exact" in html
    assert "tr { break-inside: avoid;" in html
    text = "".join(page.text)
    assert "Åpningsdatoen holder ikke: det mangler 5 arbeidsdager (tidligst mulig åpning 11.03.2030)." in text
    assert "skulle startet 28.12.2029" in text and "Kari Nordmann" in text
    # A criterion's activities stack in their cell; Markdown joins them with "; ".
    assert ("<td>3.1 Enighet om rammer og mål for etableringsprosessen (tatt ut)<br>"
            "7.1 Eventuelt tilsette mellomledere (tatt ut)</td>") in html


def test_the_gantt_chart_worked_out_by_hand(repo: Path, tmp_path: Path) -> None:
    html = report(repo, tmp_path / "r.html")
    assert [svg["class"] for svg in parse(html).all("svg")] == ["gantt", "scurve", "tornado"]
    page = parse(html[html.index('<svg class="gantt"'):html.index("</svg>")])  # the Gantt chart alone
    # The axis runs from 01.01.2030 (the as-of month) to 31.03.2030 (the opening's): 90 days
    # over x 190..527 (337 wide; the chart is 533 units, the printed page's 188 mm in points). One bar per open task: 3.2.2, A, B, H, in outline order; the
    # milestone 3.2.3 is a diamond (path). A and B are critical (red), 3.2.2 and H blue.
    bars = [attrs for attrs in page.all("rect") if attrs.get("rx") == "1" and attrs.get("width") != "14"]
    assert [b["fill"] for b in bars] == ["#6FA8DC", "#E06666", "#E06666", "#6FA8DC"]
    a = bars[1]
    # A from its latest start 28.12.2029 (before the axis: drawn from 01.01) to the end of
    # 22.02.2030: 53 days in, 190 + 337 * 53 / 90 = 388.5.
    assert (float(a["x"]), round(float(a["x"]) + float(a["width"]), 1)) == (190.0, 388.5)
    # B: 25.02 (55 days in: 395.9) to the end of 01.03 (60 days: 414.7).
    assert (float(bars[2]["x"]), round(float(bars[2]["x"]) + float(bars[2]["width"]), 1)) == (395.9, 414.7)
    [diamond] = page.all("path")
    assert diamond["fill"] == "#6FA8DC" and diamond["d"].startswith("M414.7 ")
    # The as-of line at 07.01 (6 days: 212.5) and the opening line at 04.03 (62 days: 422.2);
    # the plan misses by 5 working days, so the forecast opening 11.03 (69 days: 448.4) has a
    # red dashed line of its own. (They run from just above the first row, y 15, as the
    # legend's small copies do not.)
    lines = {attrs["stroke"]: float(attrs["x1"]) for attrs in page.all("line")
             if attrs.get("stroke-width") == "1.5" and attrs["y1"] == "15"}
    assert lines == {"#BF9000": 212.5, "#38761D": 422.2, "#E06666": 448.4}
    months = [attrs for attrs in page.all("line") if attrs.get("stroke") == "#D9D9D9"]
    assert [float(m["x1"]) for m in months] == [190.0, 306.1, 410.9]  # 1 Jan, 1 Feb (31 days), 1 Mar (59)


def test_hostile_plan_text_is_escaped(tmp_path: Path) -> None:
    folder = new_repository(tmp_path / "kontor")
    hostile = plan_text(block("A", '"<script>alert(1)</script>"', "10d", owner='"</td><img src=x onerror=alert(2)>"'),
                        office='"NAV <script>alert(3)</script> & Co"')
    commit_plan(folder, hostile, "<script>alert(4)</script>")
    (folder / "navplan.yaml").write_text(hostile.replace("10d", "12d"), encoding="utf-8")
    html = report(folder, tmp_path / "r.html")
    page = parse(html)
    assert not page.all("script") and not page.all("img")
    assert "<script" not in html and "<img" not in html
    assert "<title>NAV &lt;script&gt;alert(3)&lt;/script&gt; &amp; Co: rapport til styringsgruppen</title>" in html
    for number in (1, 4):
        assert f"&lt;script&gt;alert({number})&lt;/script&gt;" in html
    assert "&lt;/td&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    markdown = report(folder, tmp_path / "r.md")
    assert "<" not in markdown.replace("\\<", "")
    assert "# NAV \\<script\\>alert(3)\\</script\\> & Co: rapport til styringsgruppen" in markdown
    assert "| A | \\<script\\>alert(1)\\</script\\> |" in markdown


def test_without_history_the_report_says_so(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "navplan.yaml").write_text(NOW, encoding="utf-8")
    text = report(outside, tmp_path / "a.md")
    assert "## Endringer siden forrige møte\n\nIngen historikk: planen ligger ikke i et git-repository.\n" in text
    assert "## Kritisk linje" in text  # the rest of the report is there
    uncommitted = new_repository(tmp_path / "new")
    (uncommitted / "navplan.yaml").write_text(NOW, encoding="utf-8")
    assert "Ingen historikk: planen er ikke committet ennå." in report(uncommitted, tmp_path / "b.md")
    english = report(outside, tmp_path / "c.md", "--lang", "en")
    assert "No history: the plan is not in a git repository." in english


def test_since_a_revision_or_a_date(repo: Path, tmp_path: Path) -> None:
    first = git(repo, "rev-parse", "--short=7", "HEAD")
    commit_plan(repo, NOW, "Now", date="2030-01-05")
    # The last commit is the working copy itself: nothing changed since.
    assert f"Ingenting i planen er endret siden {git(repo, 'rev-parse', '--short=7', 'HEAD')}." in \
        report(repo, tmp_path / "a.md")
    assert f"Planen sammenlignet med {first} (02.01.2030" in report(repo, tmp_path / "b.md", "--since", "HEAD~1")
    assert f"Planen sammenlignet med {first} (02.01.2030" in report(repo, tmp_path / "c.md", "--since", "03.01.2030")
    early = report(repo, tmp_path / "d.md", "--since", "01.01.2030")
    assert "Ingen historikk: ingen commit av planen til og med 01.01.2030." in early
    wrong = run_navplan("report", repo, "-o", tmp_path / "e.md", "--as-of", AS_OF, "--since", "no-such-tag")
    assert wrong.exit_code == 2 and "ukjent revisjon 'no-such-tag'" in wrong.stderr
    assert not (tmp_path / "e.md").exists()


def test_the_file_name_decides_the_format_and_nothing_is_overwritten(repo: Path, tmp_path: Path) -> None:
    wrong = run_navplan("report", repo, "-o", tmp_path / "r.pdf", "--as-of", AS_OF)
    assert wrong.exit_code == 2
    assert "--output: kan ikke skrive en rapport som '.pdf'" in wrong.stderr and not (tmp_path / "r.pdf").exists()
    existing = tmp_path / "r.html"
    existing.write_text("mine\n", encoding="utf-8")
    refused = run_navplan("report", repo, "-o", existing, "--as-of", AS_OF)
    assert refused.exit_code == 2 and "finnes allerede" in refused.stderr and "--force" in refused.stderr
    assert existing.read_text(encoding="utf-8") == "mine\n"
    forced = run_navplan("report", repo, "-o", existing, "--as-of", AS_OF, "--force")
    assert forced.exit_code == 0
    assert existing.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert forced.stderr.strip() == f"Skrev {existing}: rapport til styringsgruppen for NAV Testby per 07.01.2030."
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_markdown_keeps_entity_references_as_the_plan_wrote_them(tmp_path: Path) -> None:
    # Markdown reads '&amp;' as '&' and '&#x27;' as an apostrophe: a title written
    # 'R&amp;D' would show 'R&D'. The '&' that starts a reference is escaped; a lone
    # '&' ('& Co') stays as it is, as Markdown shows it literally.
    folder = new_repository(tmp_path / "kontor")
    text = plan_text(block("A", '"R&amp;D &#x27;x&#39; &copy;"', "10d"), office='"NAV &lt;b&gt; & Co"')
    commit_plan(folder, text, "Plan")
    markdown = report(folder, tmp_path / "r.md")
    assert "# NAV \\&lt;b\\&gt; & Co: rapport til styringsgruppen" in markdown
    assert "| A | R\\&amp;D \\&#x27;x\\&#39; \\&copy; |" in markdown


def test_the_decisions_legend_without_the_political_consideration(tmp_path: Path) -> None:
    # A plan that dropped 3.2 has no political consideration to follow: the legend names
    # only the roles, with no empty '()'.
    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, plan_text(block("A", "Alpha", "10d")), "Plan")
    text = report(folder, tmp_path / "r.md")
    assert "*Åpne aktiviteter for Fylkesdirektør og Rådmann.*" in text
    english = report(folder, tmp_path / "e.md", "--lang", "en")
    assert "*Open activities of" in english and "()" not in english


def test_the_ten_biggest_moves_are_the_biggest_whichever_way_they_went(tmp_path: Path) -> None:
    """Twelve 5-day tasks, every one of them given more room since the meeting:
    T01..T10 must be done by Friday 15.02.2030 instead of 08.02 (latest finish
    point 25 → 30: +5 working days), T11 and T12 lost their not-after date of
    25.01 (point 15), so the opening bounds them (point 40: +25). The report
    promises the ten biggest moves: T11 and T12 first, then eight of the +5s,
    and says two more moved."""
    def tasks(early: str, others: str) -> str:
        return "".join(block(f"T{n:02}", f"Task {n}", "5d", not_after=others) for n in range(1, 11)) + "".join(
            block(f"T{n}", f"Task {n}", "5d", **({"not_after": early} if early else {})) for n in (11, 12))

    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, plan_text(tasks("2030-01-25", "2030-02-08")), "Steering meeting", date="2030-01-02")
    (folder / "navplan.yaml").write_text(plan_text(tasks("", "2030-02-15")), encoding="utf-8")
    text = report(folder / "navplan.yaml", tmp_path / "møte.md")
    moved = text[text.index("| ID | Aktivitet | Start senest"):]
    rows = [line.split("|")[1].strip() for line in moved.splitlines()[2:] if line.startswith("| T")]
    assert rows[:2] == ["T11", "T12"], rows
    assert len(rows) == 10 and set(rows[2:]) < {f"T{n:02}" for n in range(1, 11)}
    assert "(+25)" in moved and "… og 2 til." in moved


def test_a_legend_explains_only_marks_its_table_has(tmp_path: Path) -> None:
    """Under "Må starte innen 4 uker" the legend says "◆ = på kritisk linje": the critical rows
    of that table carry the ◆ (they were only bold, so the legend promised a mark the table did
    not have). NAV Fjordby as of 04.01.2027: 3.1.1 and 3.1.2 must start within four weeks, both
    on the critical path (slack 2, the opening's)."""
    from conftest import EXAMPLES

    for suffix in ("md", "html"):
        output = tmp_path / f"r.{suffix}"
        assert run_navplan("report", EXAMPLES / "nytt-kontor", "--as-of", "04.01.2027", "-o", output).exit_code == 0
        text = output.read_text(encoding="utf-8")
        section = text[text.index("Må starte innen 4 uker"):text.index("Forsinket")]
        legend = section.index("◆ = på kritisk linje")
        table = section[:legend]
        assert table.count("◆") == 2, suffix
        assert ("| **◆ 3.1.1** |" if suffix == "md" else "<td class=\"nowrap\">◆ 3.1.1</td>") in table
