"""Wiring the core together from settings passed as a value (no globals)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from studyaid import paths
from studyaid.core.dictionary.idioms import load_notes
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotate import Annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.model import Gloss
from studyaid.core.nlp.g2p import PolyphoneModel
from studyaid.core.nlp.pinyin import has_han
from studyaid.core.nlp.script import simplified_for_segmentation
from studyaid.core.nlp.segment import Lexicon, Segmenter
from studyaid.core.vocab.glosses import Vocab, read_glosses
from studyaid.core.vocab.readings import Readings

SHIPPED_GLOSSES = "seed_glosses.tsv"
"""In ``studyaid/data``: glosses scoped to the texts studyaid ships (the seed article)."""


def open_dictionary(settings: Settings) -> Dictionary:
    """The dictionary index, built into the cache on first use."""
    return Dictionary.open(settings.cache, settings.cedict)


def shipped_glosses(text_id: str) -> dict[str, Gloss]:
    """The glosses studyaid ships for one of its texts (the seed article's names and
    terms: 奥特曼 is Sam Altman there), by word; {} for any other text."""
    if not text_id:
        return {}
    return {word: g for (text, word), g in _shipped().items() if text == text_id}


@lru_cache(maxsize=1)
def _shipped() -> dict[tuple[str, str], Gloss]:
    with resources.as_file(resources.files("studyaid.data").joinpath(SHIPPED_GLOSSES)) as path:
        return read_glosses(path)


def build_annotator(
    settings: Settings, dictionary: Dictionary | None = None, *,
    previous: Annotator | None = None, text_id: str = "",
) -> Annotator:
    """The one way an Annotator is made, for every path (the reader and its reloads,
    annotate, export, cards, profiles, word lists): the learner's glosses and lexicon from
    the vocab folder, and the polyphone model when ``settings.context_model`` is on.
    ``text_id`` is the text it annotates: the learner's glosses, readings and rules for
    that text win over those for everywhere, and what studyaid ships for it applies
    beneath them.

    ``previous`` (the annotator being replaced after an edit) lends what does not depend
    on the vocab folder: its dictionary, its polyphone model, and its segmenter when the
    lexicon is the same."""
    vocab = Vocab(settings.vocab)
    glosses = vocab.glosses(text_id)
    shipped = shipped_glosses(text_id)
    rules = vocab.lexicon(text_id)
    # A word the learner glossed is a unit to them: keep it whole when segmenting,
    # unless a rule splits it.
    glossed = {w for w in [*glosses, *shipped] if has_han(w) and w not in rules.splits}
    lexicon = Lexicon(rules.merges | glossed, rules.splits)
    if previous is not None:
        dictionary = dictionary or previous.dictionary
    dictionary = dictionary or open_dictionary(settings)
    segmenter = (previous.segmenter if previous is not None
                 and previous.segmenter.lexicon == lexicon else
                 Segmenter(lexicon, simplified_for_segmentation, dictionary.has_word,
                           paths.segmentation_dir(settings.cache)))
    polyphones = None
    if settings.context_model:
        polyphones = (previous.polyphones if previous is not None and previous.polyphones
                      else PolyphoneModel())
    return Annotator(
        dictionary,
        segmenter,
        glosses,
        load_notes(),
        polyphones=polyphones,
        shipped=shipped,
        occurrences=Readings(settings.vocab).of_text(text_id) if text_id else {},
    )
