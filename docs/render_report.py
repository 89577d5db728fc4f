"""Render the picture of the steering group's report in docs/ (`make docs-images`).

NAV Indre Østfold as a month after its first partnership meeting would see it:
the example plan committed as of the meeting (10.12.2018), then progress marked
(S1 done 19.12.2018, 4.1 done 15.01.2019, 6.1 started 14.01.2019, 3.2.2 given
10 weeks), and the report as of 21.01.2019, screenshot by headless Chromium
as docs/report.png. Needs git and chromium on the PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PICTURE = ROOT / "docs" / "report.png"
PROGRESS = [["done", "S1", "--on", "19.12.2018"], ["done", "4.1", "--on", "15.01.2019"],
            ["start", "6.1", "--on", "14.01.2019"], ["set", "3.2.2", "--duration", "10w"]]


def navplan(*arguments: str, cwd: Path) -> None:
    executable = Path(sys.executable).parent / "navplan"
    command = [str(executable)] if executable.exists() else [sys.executable, "-m", "navplan"]
    subprocess.run([*command, *arguments], cwd=cwd, check=True, env=dict(os.environ, NO_COLOR="1"))


def main() -> int:
    for tool in ("git", "chromium"):
        if shutil.which(tool) is None:
            print(f"render_report: {tool} is not installed", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "indre-ostfold"
        folder.mkdir()
        shutil.copy(ROOT / "examples" / "indre-ostfold" / "navplan.yaml", folder)
        environment = dict(os.environ, GIT_COMMITTER_DATE="2018-12-10T15:00", GIT_AUTHOR_DATE="2018-12-10T15:00")
        for git in (["init", "-q"], ["add", "navplan.yaml"],
                    ["-c", "user.name=navplan", "-c", "user.email=navplan@localhost", "commit", "-qm",
                     "Partnerskapsmøtet 10.12.2018"]):
            subprocess.run(["git", *git], cwd=folder, check=True, env=environment)
        for step in PROGRESS:
            navplan(*step, cwd=folder)
        report = Path(scratch) / "rapport.html"
        navplan("report", str(folder), "--as-of", "21.01.2019", "-o", str(report), cwd=Path(scratch))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={scratch}/chromium", f"--screenshot={PICTURE}", "--window-size=1240,1754",
                        report.as_uri()], check=True, capture_output=True)
    print(f"wrote {PICTURE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
