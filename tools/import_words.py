"""Fold message keys written the old way into the gettext catalogues.

Before navplan's words lived in navplan/locale/*/LC_MESSAGES/navplan.po, each
key was a tuple (bokmål, English) in a ``navplan/messages/*_words.py`` module,
with a home-made plural syntax: ``{days} {days:arbeidsdag|arbeidsdager}``.
This script reads every such module that is left (a branch written before the
catalogues, merged since), turns each entry into a gettext entry (a counted
word into a plural entry whose ``msgid_plural`` is the name of the parameter that counts, ``days``)
and adds it to the catalogues:

- a new key: its bokmål and English text into nb and en, and nynorsk into nn
  from ``--nn`` if given there, else left untranslated;
- a key already there whose bokmål or English text differs: the catalogue takes
  the module's text, and the nynorsk one is marked fuzzy (to be reviewed);
- a key already there with the same texts: nothing;
- a key whose texts are those it had when the modules became catalogues (the last commit
  with navplan/messages/error_words.py, read with git): nothing either, as the branch did
  not change it and the catalogue's text may be newer.

Then the modules are deleted (``--keep`` leaves them), so that the catalogues
stay the one place a word is kept. ``make messages`` checks the result:
``msgfmt --check`` fails on the untranslated or fuzzy nynorsk entries until a
translator has filled them in.

    python tools/import_words.py [--nn nn-messages.yaml] [--keep] [--check]

``--nn`` takes a YAML file of key → nynorsk text in the same old syntax
(``{days} {days:arbeidsdag|arbeidsdagar}``); its texts replace those in the
nn catalogue. ``--check`` changes nothing and exits 1 if anything is left to
fold. Run it from the top of the repository with navplan's .venv (it needs Babel).
"""

from __future__ import annotations

import argparse
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
WORDS = REPO / "navplan" / "messages"
LOCALE = REPO / "navplan" / "locale"
#: The catalogues: bokmål is the base language, the one every key is written in first.
LANGUAGES = ("nb", "nn", "en")
TITLES = {"nb": "bokmål", "nn": "nynorsk", "en": "English"}
WIDTH = 100


def words_modules(folder: Path = WORDS) -> list[Path]:
    return sorted(folder.glob("*_words.py"))


def read_words(path: Path) -> dict[str, tuple[str, str]]:
    """The ``*_WORDS`` dict of a words module (plain data: run on its own, not imported as navplan's)."""
    import runpy

    found = [value for name, value in runpy.run_path(str(path)).items() if name.endswith("_WORDS")]
    if len(found) != 1:
        raise SystemExit(f"{path}: not one *_WORDS dict")
    return found[0]


def baseline_words() -> dict[str, tuple[str, str]]:
    """Every key's (bokmål, English) as the words modules had them just before they were
    folded into the catalogues (the parent of the commit that deleted error_words.py); empty
    where git or that history is not at hand. A merged branch's module repeats these for
    every key it did not touch; they are not changes to fold."""
    import subprocess
    import tempfile

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout

    try:
        deleted = git("log", "--diff-filter=D", "--format=%H", "-1", "--", "navplan/messages/error_words.py").strip()
        if not deleted:
            return {}
        names = git("ls-tree", "--name-only", f"{deleted}^", "navplan/messages/").split()
        words: dict[str, tuple[str, str]] = {}
        with tempfile.TemporaryDirectory() as folder:
            for name in (name for name in names if name.endswith("_words.py")):
                path = Path(folder) / Path(name).name
                path.write_text(git("show", f"{deleted}^:{name}"), encoding="utf-8")
                words.update(read_words(path))
        return words
    except (OSError, subprocess.CalledProcessError):
        return {}


def split_plural(text: str) -> tuple[str | None, tuple[str, str]]:
    """The counting parameter of an old-style text and its two forms (one, other).

    >>> split_plural("{days} {days:arbeidsdag|arbeidsdager} igjen")
    ('days', ('{days} arbeidsdag igjen', '{days} arbeidsdager igjen'))
    >>> split_plural("Ingenting {weeks:den neste uken|de neste {weeks} ukene}; {{x}}")
    ('weeks', ('Ingenting den neste uken; {{x}}', 'Ingenting de neste {weeks} ukene; {{x}}'))
    >>> split_plural("uke {week}")
    (None, ('uke {week}', 'uke {week}'))
    """
    one, other, counts = [], [], set()
    for literal, name, spec, conversion in string.Formatter().parse(text):
        literal = literal.replace("{", "{{").replace("}", "}}")
        one.append(literal)
        other.append(literal)
        if name is None:
            continue
        if spec and "|" in spec:
            counts.add(name)
            singular, plural = spec.split("|", 1)
            one.append(singular)
            other.append(plural)
        else:
            field = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            one.append(field)
            other.append(field)
    if len(counts) > 1:
        raise ValueError(f"two numbers choose words in one message ({sorted(counts)}): split it: {text!r}")
    return (counts.pop() if counts else None), ("".join(one), "".join(other))


def gettext_entry(texts: dict[str, str]) -> tuple[str | None, dict[str, object]]:
    """Each language's text as a gettext string (or a pair of plural forms) and the counting parameter."""
    # A text's last line break is the caller's to add: msgfmt wants a msgstr to end as its msgid does.
    split = {lang: split_plural(text.rstrip("\n")) for lang, text in texts.items() if text}
    counts = {count for count, _forms in split.values() if count}
    if len(counts) > 1:
        raise ValueError(f"languages count different numbers: {texts}")
    count = counts.pop() if counts else None
    return count, {lang: forms if count else forms[0] for lang, (_c, forms) in split.items()}


def load(lang: str) -> Catalog:
    path = LOCALE / lang / "LC_MESSAGES" / "navplan.po"
    if path.exists():
        with path.open("rb") as file:
            return read_po(file, locale=lang, domain="navplan")
    return new_catalogue(lang)


def new_catalogue(lang: str) -> Catalog:
    catalogue = Catalog(locale=lang, domain="navplan", project="navplan", version="",
                        header_comment=f"# navplan's messages in {TITLES.get(lang, lang)}.\n"
                                       "# The msgid is the message key; nb is the base language (monolingual "
                                       "gettext).\n# See README.md, Development, Messages and languages.",
                        fuzzy=False)
    catalogue.language_team = f"{TITLES.get(lang, lang)} <navplan>"
    return catalogue


def save(catalogue: Catalog, lang: str) -> None:
    path = LOCALE / lang / "LC_MESSAGES" / "navplan.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.fuzzy = False
    catalogue.last_translator = "navplan <navplan>"
    catalogue.revision_date = catalogue.creation_date
    with path.open("wb") as file:
        write_po(file, catalogue, width=WIDTH, omit_header=False, ignore_obsolete=True)


def fold(entries: dict[str, tuple[str, str]], nynorsk: dict[str, str]) -> dict[str, list[str]]:
    """Fold ``entries`` (key → (bokmål, English)) and ``nynorsk`` (key → text) into the catalogues."""
    catalogues = {lang: load(lang) for lang in LANGUAGES}
    report: dict[str, list[str]] = {"added": [], "changed": [], "nynorsk": []}
    before = baseline_words() if entries else {}
    for key, (nb, en) in entries.items():
        if key in catalogues["nb"] and before.get(key) == (nb, en):
            continue  # as it was before the catalogues: not changed where this module comes from
        count, texts = gettext_entry({"nb": nb, "en": en})
        msgid = (key, count) if count else key
        old_nb, old_en = catalogues["nb"].get(key), catalogues["en"].get(key)
        if old_nb is not None and old_en is not None and old_nb.id == msgid and \
                old_nb.string == texts["nb"] and old_en.string == texts["en"]:
            continue
        report["changed" if old_nb is not None else "added"].append(key)
        for lang in ("nb", "en"):
            catalogues[lang].delete(key)
            catalogues[lang].add(msgid, texts[lang])
        old_nn = catalogues["nn"].get(key)
        catalogues["nn"].delete(key)
        if old_nn is not None and old_nn.string and any(old_nn.string):
            catalogues["nn"].add(msgid, _same_shape(old_nn.string, count), flags=["fuzzy"])
        else:
            catalogues["nn"].add(msgid, ("", "") if count else "")
    for key, text in nynorsk.items():
        base = catalogues["nb"].get(key)
        if base is None:
            print(f"--nn: {key} is no message key; left out", file=sys.stderr)
            continue
        count = base.id[1] if isinstance(base.id, tuple) else None
        own_count, forms = split_plural(text.rstrip("\n"))
        if own_count not in (None, count):
            print(f"--nn: {key} counts {own_count}, bokmål counts {count}; left out", file=sys.stderr)
            continue
        catalogues["nn"].delete(key)
        catalogues["nn"].add(base.id, forms if count else forms[0])
        report["nynorsk"].append(key)
    for lang in ("nn", "en"):
        _follow_order(catalogues[lang], catalogues["nb"])
    for lang, catalogue in catalogues.items():
        save(catalogue, lang)
    return report


def _same_shape(string_: object, count: str | None) -> object:
    forms = string_ if isinstance(string_, tuple) else (string_, string_)
    return tuple(forms) if count else forms[0]


def _follow_order(catalogue: Catalog, base: Catalog) -> None:
    """The catalogue's entries in the base's order, so that the three files read side by side."""
    def key_of(message) -> tuple[str, str | None]:
        return (message.id if isinstance(message.id, str) else message.id[0]), message.context

    messages = {key_of(message): message for message in catalogue if message.id}
    for key, context in list(messages):
        catalogue.delete(key, context=context)
    for message in base:
        if not message.id:
            continue
        key = key_of(message)
        if key in messages:
            old = messages.pop(key)
            catalogue.add(old.id, old.string, flags=old.flags, auto_comments=old.auto_comments,
                          user_comments=old.user_comments, context=old.context)
    for old in messages.values():  # keys the base has not: pybabel update marks them obsolete
        catalogue.add(old.id, old.string, flags=old.flags, context=old.context)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nn", type=Path, help="YAML file: key → nynorsk text (old syntax)")
    parser.add_argument("--keep", action="store_true", help="leave the *_words.py modules in place")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if there is anything to fold")
    options = parser.parse_args(argv)
    modules = words_modules()
    entries: dict[str, tuple[str, str]] = {}
    for module in modules:
        for key, value in read_words(module).items():
            if key in entries:
                raise SystemExit(f"{module.name}: {key} is defined twice")
            entries[key] = value
    if options.check:
        for module in modules:
            print(f"{module.relative_to(REPO)}: not folded into the catalogues (python tools/import_words.py)")
        return 1 if modules else 0
    nynorsk: dict[str, str] = {}
    if options.nn:
        import yaml

        nynorsk = {str(key): str(value) for key, value in (yaml.safe_load(options.nn.read_text("utf-8")) or {}).items()
                   if value is not None and str(value).strip()}
    report = fold(entries, nynorsk)
    if not options.keep:
        for module in modules:
            module.unlink()
    for what, keys in report.items():
        print(f"{what}: {len(keys)}" + (f" ({', '.join(keys[:8])}{', …' if len(keys) > 8 else ''})" if keys else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
