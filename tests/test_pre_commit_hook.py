"""The pre-commit hook (.pre-commit-hooks.yaml): a county's repository that lists
navplan's hook has every navplan.yaml (and fylke.yaml) checked on each commit, and a bad plan
stops the commit with navplan's own message.

pre-commit installs navplan from a repository at a revision, so the test makes
one of this working tree (its files as they are, committed in a temporary
folder), points a county repository's .pre-commit-config.yaml at it and commits
there with git. pre-commit builds the hook's environment with pip once (about a
minute); without a package index to install from, the test skips and says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


#: Where pre-commit keeps the hook's environment for this module's tests (set by the fixture).
_PRE_COMMIT: dict[str, str] = {}


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", PRE_COMMIT_COLOR="never",
               **_PRE_COMMIT)
    done = subprocess.run(["git", "-c", "user.name=Kari", "-c", "user.email=kari@example.no", *args], cwd=folder,
                          capture_output=True, text=True, env=env, timeout=600)
    assert not check or done.returncode == 0, done.stdout + done.stderr
    return done


def _snapshot_of_navplan(folder: Path) -> str:
    """This working tree's files (tracked and new, as they are now) committed in ``folder``."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "navplan as tested")
    return _git(folder, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Iterator[Path]:
    """A county repository with two offices' plans and navplan's hook installed."""
    navplan = tmp_path_factory.mktemp("navplan-repo")
    revision = _snapshot_of_navplan(navplan)
    folder = tmp_path_factory.mktemp("county")
    _git(folder, "init", "-q")
    for office in ("indre-ostfold", "nytt-kontor"):
        (folder / office).mkdir()
        shutil.copy(EXAMPLES / office / "navplan.yaml", folder / office / "navplan.yaml")
    (folder / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {navplan}\n    rev: {revision}\n    hooks:\n      - id: navplan-validate\n",
        encoding="utf-8")
    # The configuration is committed before the hook is installed: a test's `git add -A` stages it, and
    # _fresh's `git reset --hard` on a branch with no commit yet would delete it with the other staged files.
    _git(folder, "add", ".pre-commit-config.yaml")
    _git(folder, "commit", "-q", "-m", "pre-commit")
    _PRE_COMMIT["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install", "--install-hooks"], cwd=folder,
                               capture_output=True, text=True, timeout=900, env=dict(os.environ, **_PRE_COMMIT))
    if installed.returncode != 0 and "pip" in installed.stdout + installed.stderr:
        pytest.skip(f"pre-commit could not install navplan with pip: {installed.stdout[-500:]}")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    yield folder
    # The hook's environment is some 10,000 files: removed now, beside the other worker's tests, rather than
    # by pytest's clean-up of old temporary folders at the end of a later run, after every test.
    shutil.rmtree(_PRE_COMMIT.pop("PRE_COMMIT_HOME"), ignore_errors=True)


def test_the_manifest_is_valid() -> None:
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_good_plans_are_committed_and_a_bad_one_stops_the_commit(county: Path) -> None:
    _git(county, "add", "-A")
    committed = _git(county, "commit", "-m", "To kontorer")
    said = committed.stdout + committed.stderr  # git shows the hook's output on stderr
    assert "navplan validate" in said and "Passed" in said, said

    plan = county / "nytt-kontor" / "navplan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("opening: 2028-01-03", "opening: 2028-02-30"),
                    encoding="utf-8")
    _git(county, "add", "-A")
    refused = _git(county, "commit", "-m", "Feil dato", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "Failed" in said, said
    assert "navplan: nytt-kontor/navplan.yaml:7: opening: '2028-02-30' er ikke en ekte dato: februar 2028 har 29 dager" \
        in said, said
    assert _git(county, "log", "--format=%s").stdout.split("\n")[0] == "To kontorer"


def _fresh(county: Path) -> None:
    """The county repository as last committed, whatever a test before left."""
    _git(county, "reset", "-q", "--hard", check=False)  # no commit yet when run on its own
    _git(county, "clean", "-q", "-f", "-d", "-e", ".pre-commit-config.yaml")


def test_a_symlinked_plan_is_checked_too(county: Path) -> None:
    """Issue 17, item 26: `types: [file]` left a navplan.yaml that is a symbolic link out,
    so a bad plan behind one was committed without a word."""
    _fresh(county)
    (county / "planer").mkdir()
    (county / "planer" / "fjordby.yml").write_text(
        (EXAMPLES / "nytt-kontor" / "navplan.yaml").read_text(encoding="utf-8").replace(
            "opening: 2028-01-03", "opening: 2028-02-30"), encoding="utf-8")
    (county / "fjordby").mkdir()
    (county / "fjordby" / "navplan.yaml").symlink_to(Path("..") / "planer" / "fjordby.yml")
    _git(county, "add", "-A")
    refused = _git(county, "commit", "-m", "Fjordby via en lenke", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "'2028-02-30' er ikke en ekte dato" in said, said
    assert "fjordby/navplan.yaml" in said


def test_a_plan_in_a_folder_whose_name_starts_with_a_dash_is_checked_as_a_file(county: Path) -> None:
    """`-x/navplan.yaml` was read as an option (`navplan validate -x/...`): `--` goes before the files."""
    _fresh(county)
    (county / "-x").mkdir()
    shutil.copy(EXAMPLES / "nytt-kontor" / "navplan.yaml", county / "-x" / "navplan.yaml")
    _git(county, "add", "-A")
    committed = _git(county, "commit", "-m", "Et kontor med bindestrek", check=False)
    said = committed.stdout + committed.stderr
    assert committed.returncode == 0 and "Passed" in said, said
    (county / "-x" / "navplan.yaml").write_text(
        (county / "-x" / "navplan.yaml").read_text(encoding="utf-8").replace("opening: 2028-01-03",
                                                                            "opening: 2028-02-30"), encoding="utf-8")
    _git(county, "add", "-A")
    refused = _git(county, "commit", "-m", "Feil dato", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "navplan: -x/navplan.yaml:7: opening: '2028-02-30'" in said, said


def test_a_county_file_is_checked_too(county: Path) -> None:
    """fylke.yaml beside the offices is checked like a plan: a good one goes in, a unit navplan
    cannot read stops the commit with its located message."""
    _fresh(county)
    county_file = county / "fylke.yaml"
    county_file.write_text("county: Viken\nresources:\n  - id: it-utrulling\n    capacity: 2\n    unit: per uke\n"
                           "    activities: [\"9.3.2\"]\n", encoding="utf-8")
    _git(county, "add", "-A")
    committed = _git(county, "commit", "-m", "Fylkesfil")
    assert "Passed" in committed.stdout + committed.stderr
    county_file.write_text(county_file.read_text(encoding="utf-8").replace("per uke", "per måned"), encoding="utf-8")
    _git(county, "add", "-A")
    refused = _git(county, "commit", "-m", "Feil enhet", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "navplan: fylke.yaml:5: resources[it-utrulling].unit: 'per måned'" in said, said
    assert _git(county, "log", "--format=%s").stdout.split("\n")[0] == "Fylkesfil"
