"""``md``: a readable vocabulary list, a Markdown table for notes and printing."""

from __future__ import annotations

import html
from datetime import datetime

from studyaid.export.items import VocabItem


def _cell(text: str) -> str:
    """Text for one table cell: HTML and pipes escaped, line breaks as ``<br>``."""
    text = html.escape(text, quote=False).replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("*", "\\*").replace("_", "\\_")
    return "<br>".join(" ".join(line.split()) for line in text.splitlines()) or " "


def _meaning(item: VocabItem) -> str:
    parts = [item.gloss]
    if item.definition and item.definition != item.gloss:
        parts.append(f"Dictionary: {item.definition}" if item.gloss else item.definition)
    if item.note:
        parts.append(f"Note: {item.note}")
    return "\n".join(p for p in parts if p)


def _example(item: VocabItem) -> str:
    return "\n".join(p for p in (item.sentence, item.translation) if p)


def write(items: list[VocabItem], now: datetime) -> bytes:
    """The items as a Markdown document with one table."""
    count = f"{len(items)} word{'s' if len(items) != 1 else ''}"
    out = [f"# Vocabulary\n\n{count}, exported by studyaid.\n"]
    if items:
        out.append("\n| Word | Pinyin | Meaning | Example | Text |\n"
                   "| --- | --- | --- | --- | --- |\n")
        for item in items:
            word = item.word if item.traditional in ("", item.word) else (
                f"{item.word} ({item.traditional})")
            out.append("| " + " | ".join(_cell(c) for c in (
                word, item.marks, _meaning(item), _example(item), item.source_title)) + " |\n")
    return "".join(out).encode("utf-8")
