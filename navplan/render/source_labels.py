"""Where an activity comes from, in words: the handbook (a page), a template, navplan,
or the current layer with its source (a law and section, a guide, an estimate).

Shared by `navplan handbook`, the workbook's Kilder sheet and the report."""

from __future__ import annotations

from navplan.messages import t
from navplan.plan.handbook_model import HandbookActivity


def source_label(source, lang: str) -> str:
    """A source's kind in a word: 's. 11', 'lov', 'veileder', 'dok.', 'anslag'."""
    if source is None:
        return ""
    if source.is_estimate:
        return t("handbook.source.estimate", lang)
    if source.page:
        return t("handbook.source.page", lang, page=source.page)
    return t(f"handbook.source.{source.kind}", lang)


def layer_mark(activity: HandbookActivity, current: str | None, lang: str) -> str:
    """Where an activity comes from, in a word: the handbook, a template, navplan, or the
    current layer with the kind of its source ('2027 lov'); 'endret 2027' for a handbook
    activity the layer changed."""
    if activity.origin == "current":
        return t("handbook.from.current", lang, current=current, kind=source_label(activity.source, lang))
    if activity.change_source is not None:
        return t("handbook.from.changed", lang, current=current)
    return t(f"handbook.from.{activity.origin}", lang)


def source_text(source, lang: str, *, address: bool = True) -> str:
    """The source as people read it: the page, law and section or guide, with the quote and
    (``address``) where it can be read; a terminal leaves the address to `--format json`,
    as an address longer than the line would have to be cut."""
    if source is None:
        return ""
    if source.is_estimate:
        return t("handbook.estimate", lang, reason=source.estimate.get(lang))
    if source.page:
        where = t("handbook.page", lang, page=source.page)
    elif source.law:
        where = f"{source.law} {source.section}"
    else:
        where = source.document
    url = f" ({source.url})" if source.url and address else ""
    return f"{where}: «{source.quote}»{url}"
