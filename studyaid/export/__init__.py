"""Exports: the learner's words and texts as files other programs read.

- ``items``: what a vocabulary export carries (``VocabItem``), gathered from the vocab
  folder by ``gather(folder, Filters(...))``;
- ``apkg``, ``anki``, ``pleco``, ``csv``, ``md``: one module per vocabulary format,
  ``write(items, now) -> bytes`` (``note_type``: the Anki note both Anki formats share);
- ``text``: a text as a bilingual document (``build_document``), ``text_document`` its
  types, ``text_html`` and ``text_md`` its formats.

Formats are found by name in :data:`VOCAB_FORMATS` and :data:`TEXT_FORMATS`, which import
a format's module when it is looked up. Plain Python over the study layer; never imports
textual or rich.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeAlias

from studyaid.registry import Format, Registry

if TYPE_CHECKING:
    from studyaid.export.items import VocabItem
    from studyaid.export.text_document import TextDocument

VocabWriter: TypeAlias = Callable[[list["VocabItem"], datetime], bytes]
"""A vocabulary format: the items (sorted by word) and the time of export -> the file's
bytes."""

VOCAB_FORMATS: Registry[VocabWriter] = Registry({
    "apkg": Format("studyaid.export.apkg:write", "Anki package"),
    "anki": Format("studyaid.export.anki:write", "Anki import text"),
    "pleco": Format("studyaid.export.pleco:write"),
    "csv": Format("studyaid.export.csv:write"),
    "md": Format("studyaid.export.md:write"),
})
"""``export vocab`` formats: name -> writer."""

TextWriter: TypeAlias = Callable[["TextDocument"], str]
"""A text format: the document (``text.build_document``) -> the file's content."""

TEXT_FORMATS: Registry[TextWriter] = Registry({
    "html": Format("studyaid.export.text_html:write_html", "a self-contained page"),
    "md": Format("studyaid.export.text_md:write_md", "Markdown"),
})
"""``export text`` formats: name -> writer."""

__all__ = ["TEXT_FORMATS", "VOCAB_FORMATS", "TextWriter", "VocabWriter"]
