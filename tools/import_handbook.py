"""Put a translation of the handbook's texts into the handbook data, beside each ``nb:``.

The handbook's texts (handbook/handbook.yaml, handbook/templates/*.yaml and the current
layers, handbook/current/*.yaml) are each written ``nb:`` (the handbook's own bokmål, the
quoted source, never changed) and ``en:``. This script reads a YAML file of key → text in another language and writes
each text as ``<lang>:`` on the line after the ``en:`` beside its ``nb:`` (or replaces
the ``<lang>:`` line that is there), leaving every other line as it is.

Keys name a text by its path from the file's top, parts joined with '.', less the final
``nb``: a list item by its ``id``, else its ``number``, else its index from 0; a
template's texts start with ``templates.<template>``, a current layer's with ``current.<layer>``.
For example ``activities.3.1.2.title``, ``criteria.1.text``, ``templates.merger.description``,
``current.2027.activities.G1.title``.

    python tools/import_handbook.py nn handbook-nn.yaml [--check]

``--check`` changes nothing and lists the ``nb:`` texts that have no text in the
language (exit 1 if any).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
FILES = {"": REPO / "handbook" / "handbook.yaml",
         **{f"templates.{path.stem}.": path for path in sorted((REPO / "handbook" / "templates").glob("*.yaml"))},
         **{f"current.{path.stem}.": path for path in sorted((REPO / "handbook" / "current").glob("*.yaml"))}}


def nb_texts(data, prefix: str = "") -> list[tuple[str, object]]:
    """(key, the mapping holding ``nb:``) for every text, in file order."""
    found: list[tuple[str, object]] = []
    if isinstance(data, dict):
        if "nb" in data and isinstance(data["nb"], str):
            found.append((prefix.rstrip("."), data))
            return found
        for name, value in data.items():
            found += nb_texts(value, f"{prefix}{name}.")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            name = item.get("id", item.get("number", index)) if isinstance(item, dict) else index
            found += nb_texts(item, f"{prefix}{name}.")
    return found


def insert(lang: str, texts: dict[str, str], check: bool) -> list[str]:
    """Write ``texts`` into every handbook file; the keys with no text in ``lang``."""
    yaml = YAML()
    missing: list[str] = []
    for prefix, path in FILES.items():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        data = yaml.load("".join(lines))
        edits: dict[int, str] = {}  # line index → the line to put after it (or over it, if it is lang's)
        for key, mapping in nb_texts(data if not prefix else data, prefix):
            text = texts.get(key)
            if text is None:
                if not mapping.get(lang):
                    missing.append(key)
                continue
            line, column = mapping.lc.key("nb")
            indent = " " * column  # a list item's "- nb:" has its "en:" below the nb
            after = line
            for other in ("en", lang):
                if other in mapping:
                    after = max(after, mapping.lc.key(other)[0])
            edits[after] = f"{indent}{lang}: {json.dumps(text, ensure_ascii=False)}\n"
        if check:
            continue
        out: list[str] = []
        for index, line in enumerate(lines):
            if index in edits and line.lstrip().startswith(f"{lang}:"):
                out.append(edits[index])
                continue
            out.append(line)
            if index in edits:
                out.append(edits[index])
        path.write_text("".join(out), encoding="utf-8")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lang")
    parser.add_argument("texts", type=Path, nargs="?")
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args(argv)
    texts: dict[str, str] = {}
    if options.texts:
        texts = {str(k): str(v) for k, v in (YAML(typ="safe").load(options.texts.read_text("utf-8")) or {}).items()
                 if v is not None and str(v).strip()}
    missing = insert(options.lang, texts, options.check)
    for key in missing:
        print(f"no {options.lang} text: {key}")
    return 1 if missing and options.check else 0


if __name__ == "__main__":
    sys.exit(main())
