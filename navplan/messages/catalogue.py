"""The gettext catalogues of navplan/locale, read as they are written (``.po``).

navplan's catalogues are *monolingual* gettext, as Weblate calls it: each
``msgid`` is a stable message key (``critical_path.title``), and bokmål (nb),
nynorsk (nn) and English (en) each hold their real text in ``msgstr``. A
message that counts something is a plural entry whose ``msgid_plural`` names
the parameter that chooses the form (``days``); the catalogue's
``Plural-Forms`` picks ``msgstr[0]`` or ``msgstr[1]``.

The ``.po`` files are read directly (a few milliseconds for all of a
language's messages), so a checkout runs without a compile step, an edited
catalogue is seen at once, and ``pip install`` ships them as package data.
An entry that is fuzzy or untranslated is left out, as ``msgfmt`` leaves it
out of a ``.mo``: the message then falls back to bokmål.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

#: navplan/locale/<lang>/LC_MESSAGES/navplan.po
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "navplan"

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")
_PLURAL_FORMS = re.compile(r"plural=(.+?);?\s*$")


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _unquote(line: str) -> str:
    text = line[line.index('"') + 1:line.rindex('"')]
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text) if "\\" in text else text


def read_po(path: Path) -> tuple[dict[str, str], list[dict[str, object]]]:
    """The header's fields and the entries of a ``.po`` file, obsolete ones left out. Each
    entry is a dict: ``msgctxt``, ``msgid``, ``msgid_plural`` (or absent), ``msgstr`` (a
    list of forms) and ``fuzzy``."""
    entries: list[dict[str, object]] = []
    entry: dict[str, object] = {}
    field = ""

    def close() -> None:
        nonlocal entry
        if "msgid" in entry:
            entries.append(entry)
        entry = {}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            close()
            continue
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                if "msgid" in entry:
                    close()
                entry["fuzzy"] = True
            elif "msgid" in entry and not line.startswith("#~"):
                close()
            continue
        if line.startswith('"'):
            if field.startswith("msgstr["):
                forms = entry["msgstr"]
                forms[-1] += _unquote(line)  # type: ignore[index]
            else:
                entry[field] = entry.get(field, "") + _unquote(line)  # type: ignore[operator]
            continue
        keyword = line.split(None, 1)[0]
        if keyword in ("msgctxt", "msgid") and "msgstr" in entry:
            close()
        if keyword.startswith("msgstr"):
            entry.setdefault("msgstr", []).append(_unquote(line))  # type: ignore[union-attr]
            field = "msgstr[" if keyword.startswith("msgstr[") else "msgstr"
            if field == "msgstr":
                field = "msgstr["  # a singular's continuation lines join its one form too
        else:
            entry[keyword] = _unquote(line)
            field = keyword
    close()
    header: dict[str, str] = {}
    if entries and entries[0]["msgid"] == "":
        for header_line in entries.pop(0)["msgstr"][0].splitlines():  # type: ignore[index]
            name, _, value = header_line.partition(":")
            header[name.strip()] = value.strip()
    return header, entries


class Catalogue(gettext.NullTranslations):
    """One language's messages, with gettext's interface (``gettext``, ``ngettext``,
    ``pgettext``, ``npgettext``) and its fallback: a message this catalogue lacks
    comes from the one added with :meth:`add_fallback` (bokmål)."""

    def __init__(self, lang: str, path: Path | None = None) -> None:
        super().__init__()
        self.lang = lang
        header, entries = read_po(path or catalogue_path(lang))
        self._info = header
        match = _PLURAL_FORMS.search(header.get("Plural-Forms", ""))
        self.plural = gettext.c2py(match.group(1) if match else "n != 1")
        #: (msgctxt or None, msgid) → the text, or the plural forms
        self.texts: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
        #: msgid → the parameter that counts (its msgid_plural: "days")
        self.counts: dict[str, str] = {}
        for entry in entries:
            forms = entry.get("msgstr") or [""]
            msgid = entry["msgid"]
            if "msgid_plural" in entry:
                self.counts[msgid] = str(entry["msgid_plural"]).strip("{}")  # type: ignore[index]
            if entry.get("fuzzy") or not all(forms):  # type: ignore[arg-type]
                continue
            key = (entry.get("msgctxt"), msgid)
            self.texts[key] = tuple(forms) if "msgid_plural" in entry else forms[0]  # type: ignore[index,assignment]

    def keys(self) -> list[str]:
        """Every message key this catalogue has a text for, in its order."""
        return [msgid for context, msgid in self.texts if context is None]

    def count_of(self, key: str) -> str | None:
        """The parameter that chooses the plural form of ``key``; None for a message that counts nothing."""
        if key in self.counts:
            return self.counts[key]
        return self._fallback.count_of(key) if isinstance(self._fallback, Catalogue) else None

    def _lookup(self, context: str | None, message: str, n: int | None) -> str | None:
        found = self.texts.get((context, message))
        if found is None:
            return None
        if isinstance(found, tuple):
            index = self.plural(n if n is not None else 1)
            return found[min(index, len(found) - 1)]
        return found

    def gettext(self, message: str) -> str:
        return self.pgettext(None, message)  # type: ignore[arg-type]

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.npgettext(None, msgid1, msgid2, n)  # type: ignore[arg-type]

    def pgettext(self, context: str | None, message: str) -> str:
        found = self._lookup(context, message, None)
        if found is not None:
            return found
        return self._fallback.pgettext(context, message) if self._fallback else message

    def npgettext(self, context: str | None, msgid1: str, msgid2: str, n: int) -> str:
        found = self._lookup(context, msgid1, n)
        if found is not None:
            return found
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2
