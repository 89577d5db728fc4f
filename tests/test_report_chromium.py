"""The HTML report opened in headless Chromium: it renders, and it prints on
one or two A4 pages carrying the office's name, every word 7 points or more
and no word printed over another (measured with ``pdftotext -bbox``, as the
workbooks' print test measures them).

Skipped, saying why, where Chromium is not installed (CI installs Debian's
chromium package; see .ci/run)."""

from __future__ import annotations

import re
import shutil
import statistics
import struct
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH (apt-get install chromium)")

A4_WINDOW = "1240,1754"  # A4's proportions at 150 dpi


def chromium(profile: Path, *args: str) -> None:
    # No network, no first-run work, a profile of its own: the page must render from the file alone.
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("chromium")
    page = folder / "indre-ostfold.html"
    made = run_navplan("report", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018", "-o", page)
    assert made.exit_code == 0, made.stderr
    png, pdf = folder / "report.png", folder / "report.pdf"
    chromium(folder / "profile", f"--screenshot={png}", f"--window-size={A4_WINDOW}", page.as_uri())
    chromium(folder / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    return {"html": page, "png": png, "pdf": pdf}


def test_the_screenshot_is_a_rendered_page(printed) -> None:
    data = printed["png"].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1240, 1754)
    # A blank or error page compresses to a few kilobytes; tables, text and the Gantt chart do not.
    assert len(data) > 50_000


def test_the_pdf_prints_on_a4_pages_with_the_office_name(printed) -> None:
    """One to three pages: two until issue 19, whose "Må starte" follows the planned dates and
    so lists what the plan starts now (eight of Indre Østfold's thirteen, where the latest
    dates listed one), which carries the last two sections onto a third page."""
    data = printed["pdf"].read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 20_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(printed["pdf"])], capture_output=True, text=True).stdout
        assert "(A4)" in info, info
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not on PATH (apt-get install poppler-utils): page count and text not checked")
    text = subprocess.run(["pdftotext", "-layout", str(printed["pdf"]), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.count("\f")  # pdftotext ends every page with a form feed
    assert 1 <= pages <= 3, f"{pages} pages"
    assert "NAV Indre Østfold: rapport til styringsgruppen" in text
    assert "Oppstartskriterier" in text and "Beslutninger for styringsgruppen" in text


#: Reports whose S-curve labels ran into each other or into the curve's caption (issue 17 §13).
CROWDED = [("indre-ostfold", "01.10.2019"), ("lillehammer-gausdal", "04.11.2016"),
           ("lillehammer-gausdal", "01.06.2016"), ("nytt-kontor", "04.01.2027"), ("nytt-kontor", "01.10.2027")]
#: The page's body text, in points (report_html.py's CSS for print): the measure every word is compared with.
BODY_POINTS = 8.0


def words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per printed page, each word's box (x0, y0, x1, y1) and text."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not on PATH (apt-get install poppler-utils)")
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(x0), float(y0), float(x1), float(y1), text) for x0, y0, x1, y1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        for page in re.findall(r"<page [^>]*>(.*?)</page>", xml, flags=re.S)]


@pytest.fixture(scope="module")
def crowded(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("crowded")
    printed = {}
    for example, as_of in CROWDED:
        page, pdf = folder / f"{example}-{as_of}.html", folder / f"{example}-{as_of}.pdf"
        made = run_navplan("report", EXAMPLES / example, "--as-of", as_of, "-o", page)
        assert made.exit_code == 0, made.stderr
        chromium(folder / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
        printed[(example, as_of)] = pdf
    # With a baseline (issue 19): the Gantt chart draws a thin baseline bar under each activity and
    # the slack as a thin bar; the report gains the variance column and a section.
    office = folder / "indre-ostfold-baseline"
    shutil.copytree(EXAMPLES / "indre-ostfold", office)
    assert run_navplan("baseline", office, "--as-of", "10.12.2018").exit_code == 0
    page, pdf = folder / "baseline.html", folder / "baseline.pdf"
    made = run_navplan("report", office, "--as-of", "01.10.2019", "-o", page)
    assert made.exit_code == 0, made.stderr
    chromium(folder / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    printed[("indre-ostfold with a baseline", "01.10.2019")] = pdf
    return printed


def test_a_report_with_a_baseline_keeps_its_words_legible_on_a4(crowded) -> None:
    pages = words(crowded[("indre-ostfold with a baseline", "01.10.2019")])
    body = statistics.mode(round(y1 - y0, 1) for _x0, y0, _x1, y1, _text in pages[0])
    small = [(number, text, round(BODY_POINTS * (y1 - y0) / body, 1)) for number, page in enumerate(pages, start=1)
             for _x0, y0, _x1, y1, text in page if BODY_POINTS * (y1 - y0) / body < 7.0]
    assert not small, small[:10]
    text = " ".join(text for page in pages for *_box, text in page)
    assert "grunnlinje" in text  # the Gantt's legend names the baseline bar
    assert "Mot grunnlinjen fra 10.12.2018" in " ".join(text.split())


def test_every_word_prints_at_seven_points_or_more(printed) -> None:
    """The Gantt chart's activity labels, its months and legend, and the S-curve's labels are
    read on paper: none smaller than 7 points (they were 5.3 and 4.9: a 720-unit chart shrunk
    to the page's 188 mm). Sizes are measured against the body text, 8 points."""
    pages = words(printed["pdf"])
    body = statistics.mode(round(y1 - y0, 1) for _x0, y0, _x1, y1, _text in pages[0])
    small = [(number, text, round(BODY_POINTS * (y1 - y0) / body, 1)) for number, page in enumerate(pages, start=1)
             for _x0, y0, _x1, y1, text in page if BODY_POINTS * (y1 - y0) / body < 7.0]
    assert not small, small[:10]
    gantt = " ".join(text for page in pages for *_box, text in page)
    assert "Bli enige om lokale oppstartskriterier" in gantt  # a Gantt label, so the chart was measured


def _overlaps(page: list[tuple[float, float, float, float, str]]) -> list[tuple[str, str]]:
    found = []
    for index, (ax0, ay0, ax1, ay1, a) in enumerate(page):
        for bx0, by0, bx1, by1, b in page[index + 1:]:
            if min(ax1, bx1) - max(ax0, bx0) > 0.5 and min(ay1, by1) - max(ay0, by0) > 0.5:
                found.append((a, b))
    return found


def test_no_word_is_printed_over_another(printed, crowded) -> None:
    """The S-curve's opening and P80 labels and its caption once ran into each other (P80 over
    "åpning 02.01.2017", the opening's label over "andel av 10 000 simuleringer")."""
    for name, pdf in [("indre-ostfold", printed["pdf"]), *crowded.items()]:
        for number, page in enumerate(words(pdf), start=1):
            assert not _overlaps(page), (name, number, _overlaps(page)[:5])
