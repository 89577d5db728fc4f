"""How wide a label prints in the report's SVG charts, so that no label is
laid over another: a browser sets them in Liberation Sans (or Arial, with the
same widths), where no letter, digit or space is wider than 0.6 of the
type's size on average over a word; capitals and bold are counted wider.

The charts' units are printed points (their viewBox is as wide as the
page's 188 mm), so a size here is the size on paper.
"""

from __future__ import annotations

#: Average advance of a lower-case letter or digit, and of a capital, as a share of the type size.
_NARROW, _WIDE = 0.53, 0.72
_BOLD = 1.08


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An upper bound on the printed width of ``text`` at ``size`` points.

    >>> round(text_width("jan", 7.2), 1), round(text_width("2019", 7.2, bold=True), 1)
    (11.4, 16.5)
    """
    width = sum((_WIDE if character.isupper() or character in "◆%mwMW" else _NARROW) for character in text)
    return width * size * (_BOLD if bold else 1.0)


def fitted(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text``, cut with an ellipsis where it would print wider than ``width``.

    >>> fitted("Kontrollere oppstartskriteriene før åpning", 80, 7.2)
    'Kontrollere oppstar…'
    """
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"
