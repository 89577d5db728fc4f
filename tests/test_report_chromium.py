"""The HTML report opened in headless Chromium: it renders, and it prints on
one or two A4 pages carrying the office's name.

Skipped, saying why, where Chromium is not installed (CI installs Debian's
chromium package; see .ci/run)."""

from __future__ import annotations

import shutil
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


def test_the_pdf_prints_on_one_or_two_a4_pages_with_the_office_name(printed) -> None:
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
    assert 1 <= pages <= 2, f"{pages} pages"
    assert "NAV Indre Østfold: rapport til styringsgruppen" in text
    assert "Oppstartskriterier" in text and "Beslutninger for styringsgruppen" in text
