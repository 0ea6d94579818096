"""The data types of the text pipeline, which every room imports from (none reaches up
into a sibling for a type): a token and its word information, a sentence, an idiom
found in a text with its note, and the learner's gloss for a word."""

from __future__ import annotations

from dataclasses import dataclass, field

from studyaid.core.nlp.pinyin import capitalised, render, to_marks


@dataclass(frozen=True)
class WordInfo:
    """What annotation knows of one distinct token: reading and gloss, with sources."""

    pinyin: tuple[str, ...]
    gloss: str
    gloss_source: str
    reading_source: str
    readings: tuple[str, ...] = ()
    """Every distinct dictionary reading (numbered, space-separated) the word has."""
    close_call: bool = False
    """The reading was chosen in context and the model's margin was small: worth a look."""
    capitals: tuple[int, ...] = ()
    """Which syllables a proper noun writes with a capital (CC-CEDICT's An1 hui1: (0,));
    ``pinyin`` itself stays lowercase, as every reading rule compares it."""
    marks: tuple[str, ...] = field(init=False)
    """The reading with tone marks, capitals included (Ān huī), made once here."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "marks",
                           tuple(to_marks(s) for s in capitalised(self.pinyin, self.capitals)))


@dataclass(slots=True)
class Token:
    """A segment of the text with its offsets, reading and gloss."""

    text: str
    start: int
    end: int
    info: WordInfo

    @property
    def is_word(self) -> bool:
        """Whether the token has Han characters."""
        return bool(self.info.pinyin)

    def as_json(self, style: str = "marks") -> dict[str, object]:
        """The token as the ``annotate --format jsonl`` contract shows it."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "pinyin": render(list(self.info.pinyin), style),
            "gloss": self.info.gloss,
            "gloss_source": self.info.gloss_source,
        }


@dataclass(slots=True)
class Sentence:
    """A sentence: its span of the text, its tokens and the idioms in it."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    idioms: list[IdiomMatch] = field(default_factory=list)

    def as_json(self, style: str = "marks") -> dict[str, object]:
        """The sentence as one line of ``annotate --format jsonl``."""
        return {
            "sentence": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "tokens": [t.as_json(style) for t in self.tokens],
            "idioms": [i.as_json() for i in self.idioms],
        }


@dataclass(frozen=True)
class Note:
    """The project's own English note on an idiom or proverb."""

    word: str
    reading: str
    literal: str
    figurative: str
    usage: str
    origin: str
    traditional: str

    @property
    def english(self) -> str:
        """Literal and figurative meaning in one line."""
        return f"lit. {self.literal}; fig. {self.figurative}"


@dataclass(frozen=True)
class IdiomMatch:
    """An idiom found in a text: the span, its English and Chinese explanations."""

    text: str
    start: int
    end: int
    word: str
    english: str
    chinese: str
    source: str
    note: Note | None = None
    origin: str = ""
    marks: str = ""
    """The note's reading with tone marks, made here (where pypinyin is loaded anyway)."""

    def as_json(self) -> dict[str, object]:
        """The idiom as the ``annotate --format jsonl`` contract shows it."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "english": self.english,
            "chinese": self.chinese,
            "source": self.source,
        }


@dataclass(frozen=True)
class Gloss:
    """The learner's own entry for a word: English gloss, optional reading and note."""

    word: str
    gloss: str
    reading: tuple[str, ...] = ()
    note: str = ""

    def as_json(self) -> dict[str, object]:
        """The entry as ``gloss list --json`` shows it."""
        return {
            "word": self.word,
            "gloss": self.gloss,
            "reading": " ".join(self.reading),
            "note": self.note,
        }
