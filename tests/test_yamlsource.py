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
