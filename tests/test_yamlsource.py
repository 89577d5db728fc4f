"""The safe reader's nulls, whichever YAML parser is installed."""

from __future__ import annotations

import pytest
import yaml

from navplan.plan import safe_yaml as yamlsource


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_plain_nulls_are_none_and_quoted_ones_are_text(monkeypatch, loader: str) -> None:
    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML was built without {loader}")
    monkeypatch.setattr(yamlsource, "_Loader", getattr(yaml, loader))
    document = yamlsource.parse_yaml('a: ~\nb:\nc: null\nd: "~"\ne: ""\n', "x.yaml")
    assert document.content == {"a": None, "b": None, "c": None, "d": "~", "e": ""}


def test_a_key_typed_as_two_code_points_is_the_key() -> None:
    """`språk:` with the å as a + combining ring (a name pasted from macOS) was refused as
    "ukjent felt 'språk'", a message that shows exactly the key navplan knows; both ways of
    writing å are one key, so both at once are the same key twice."""
    from navplan.errors import NavplanError

    document = yamlsource.parse_yaml('office: X\nspra\u030ak: nn\n', "x.yaml")
    assert document.content == {"office": "X", "språk": "nn"}
    with pytest.raises(NavplanError) as twice:
        yamlsource.parse_yaml('språk: nb\nspra\u030ak: nn\n', "x.yaml")
    assert twice.value.render("en").startswith("x.yaml:2: språk: the key 'språk' appears twice")
