"""The settings a command or the reader runs with: where things are (:class:`Settings`) and
the learner's display settings (``settings.toml``). Light on purpose: the reader and the
command line read it before their first screen, without the annotation pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.script import DEFAULT_TRADITIONAL, TRADITIONAL_STANDARDS
from studyaid.core.vocab.toml_file import line_of, read_toml


@dataclass(frozen=True)
class Settings:
    """Where things are: the learner's vocab folder, the cache, an optional CC-CEDICT."""

    vocab: Path
    cache: Path
    cedict: Path | None = None
    context_model: bool = True
    """Read polyphones the dictionaries leave open with the g2pM model, weighed with
    their opinions (see :mod:`studyaid.core.nlp.disambiguate`; ``bench/polyphone_bench.py``
    measures it). On for every path that shows readings (the reader, annotate, export,
    cards, the word lists), so that they all read a text the same way;
    ``--no-context-model`` turns it off (the dictionary pipeline alone)."""
    traditional: str = DEFAULT_TRADITIONAL
    """The standard the reader converts to when it shows a text in traditional characters
    (``v``): a name of :data:`~studyaid.core.nlp.script.TRADITIONAL_STANDARDS`. Display
    only: annotation matches entries in the dictionary's own standard, whatever this says,
    so cached annotations do not depend on it."""


DISPLAY_SETTINGS = "settings.toml"
"""The learner's display settings in the config folder (``traditional = "hk"``)."""


def load_display_settings(path: Path) -> dict[str, str]:
    """The settings ``settings.toml`` makes (none when it does not exist), checked: an
    unknown key or value is a StudyaidError naming ``file:line``."""
    data, lines = read_toml(path)
    for key, value in data.items():
        if key != "traditional":
            raise StudyaidError(f"unknown setting {key!r} (the only one is 'traditional')",
                                path, line_of(lines, key))
        if value not in TRADITIONAL_STANDARDS:
            raise StudyaidError(f"'traditional' must be one of {', '.join(TRADITIONAL_STANDARDS)}"
                                f" (not {value!r})", path, line_of(lines, key))
    return dict(data)
