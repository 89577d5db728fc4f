"""Render the pictures of the workbooks in docs/ (`make docs-images`).

The examples are exported at fixed as-of dates, printed to PDF by
LibreOffice (headless, with a fresh profile) and the chosen page turned into
a PNG by pdftoppm, so the pictures show what a printer gives:

- docs/workbook-week.png: NAV Indre Østfold by week as of 10.12.2018, the
  second printed page (the Gantt, with ID and activity repeated);
- docs/workbook-month.png: the same by month, its second page;
- docs/workbook-portfolio.png: the portfolio of the three examples as of
  01.06.2016.

Needs soffice (LibreOffice) and pdftoppm (poppler) on the PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
RESOLUTION = 80

#: picture name → (navplan arguments writing FILE, printed page to show)
PICTURES = {
    "workbook-week": (["export", "xlsx", "examples/indre-ostfold", "--as-of", "10.12.2018", "--by", "week"], 2),
    "workbook-month": (["export", "xlsx", "examples/indre-ostfold", "--as-of", "10.12.2018", "--by", "month"], 2),
    "workbook-portfolio": (["portfolio", "examples/indre-ostfold", "examples/lillehammer-gausdal",
                            "examples/nytt-kontor", "--as-of", "01.06.2016", "--format", "xlsx"], 1),
}


def main() -> int:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"render_workbooks: {tool} is not installed", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, (arguments, page) in PICTURES.items():
            workbook = work / f"{name}.xlsx"
            # From the repository's root, so the portfolio names the plans by relative paths.
            subprocess.run([sys.executable, "-m", "navplan", *arguments, "-o", str(workbook)], check=True,
                           cwd=ROOT)
            subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                            "--norestore", "--convert-to", "pdf", "--outdir", str(work), str(workbook)],
                           check=True, capture_output=True)
            subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(page), "-l", str(page),
                            "-singlefile", str(work / f"{name}.pdf"), str(DOCS / name)], check=True)
            print(f"wrote docs/{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
