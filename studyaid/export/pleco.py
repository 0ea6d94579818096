"""``pleco``: Pleco's flashcard import text, UTF-8.

One card per line, ``简体[繁體]<TAB>pin1yin1<TAB>definition``, under category lines
``//studyaid/<text title>`` (words met in no text go under ``//studyaid/other``).
A line break inside a definition is Pleco's own (U+EAB1): a real one would end the card.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from studyaid.export.items import VocabItem
from studyaid.imports.pleco import PLECO_NEWLINE  # one definition: imports read it too

ROOT = "studyaid"
NO_TEXT = "other"


def _clean(text: str) -> str:
    """One line of a field: tabs, line breaks and other control characters become
    spaces."""
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c
                            for c in text).split())


def _category(title: str) -> str:
    # "/" nests categories in Pleco: a title's own slashes (and "..") must not.
    name = _clean(title).replace("/", "-").replace("\\", "-").replace("..", ".")
    return f"//{ROOT}/{name.strip(' .') or NO_TEXT}\n"


def definition(item: VocabItem) -> str:
    """Gloss, dictionary definition, note, sentence and translation, one per line."""
    parts = [item.gloss, item.definition if item.definition != item.gloss else "",
             f"Note: {item.note}" if item.note else "",
             item.sentence, item.translation]
    return PLECO_NEWLINE.join(_clean(p) for p in parts if _clean(p))


def _line(item: VocabItem) -> str:
    head = item.word if item.traditional in ("", item.word) else (
        f"{item.word}[{item.traditional}]")
    return f"{_clean(head)}\t{''.join(item.reading)}\t{definition(item)}\n"


def write(items: list[VocabItem], now: datetime) -> bytes:
    """The items as Pleco import text, grouped by the text they came from."""
    groups: dict[str, list[VocabItem]] = {}
    for item in items:
        groups.setdefault(item.source_title, []).append(item)
    out = []
    for title in sorted(groups, key=lambda t: (t == "", t)):
        out.append(_category(title))
        out.extend(_line(item) for item in groups[title])
    return "".join(out).encode("utf-8")
