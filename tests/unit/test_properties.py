"""Properties that hold for any text: the loader, the sentence splitter, the segmenter and
annotate never raise on hostile input, and every offset they report indexes the text.

The strings mix what real Chinese files contain (Han, full- and half-width Latin, digits
and punctuation, whitespace, emoji with ZWJ, CJK Extension B, zero-width characters)
with arbitrary Unicode (surrogates excluded). Derandomised and without a database, so
the run is the same every time; examples are few, so the file stays fast.
"""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyaid.core.engine.annotate import Annotator
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import has_han
from studyaid.core.nlp.segment import Segmenter
from studyaid.core.text.loader import Text, decode_bytes
from studyaid.core.text.sentences import MAX_SENTENCE, split_sentences

PIECES = [
    # Han, common and rare; CJK Extension B; a compatibility ideograph.
    "孔乙己", "微软", "的", "了", "行", "𠮷", "𪚥", "豈", "〇", "慢慢地走了", "多少",
    # Traditional and variant forms; idioms (their spans may cross punctuation).
    "什麽", "裏", "著", "說話", "釜底抽薪", "杀敌一千", "自损八百", "巧妇难为无米之炊",
    # Latin and digits, half- and full-width.
    "GPT-4", "OpenAI", "3.5", "Ｇ", "ＧＰＴ４", "１２３", "C++", "Wi-Fi",
    # Punctuation, full- and half-width, and things that end sentences.
    "。", "！", "？", "，", "、", "；", "：", "“", "”", "「", "」", "（", "）", "《", "》",
    "……", "…", "⋯", "——", ".", "...", "!", "?", ",", '"', "'", "(", ")", "[1]", "①", "※",
    # Whitespace of every kind.
    " ", "\n", "\n\n", "\t", "\u3000", "\u00a0", "\u2028", "\u2029", "\x0b", "\x0c",
    "\x1c", "\x85",
    # Zero-width characters and marks.
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u0301", "\ufe0f",
    # Emoji, alone and in ZWJ sequences; flags.
    "😀", "👩\u200d💻", "👨\u200d👩\u200d👧", "🇨🇳",
]

_ANY = st.characters(exclude_categories=("Cs",))
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(_ANY, max_size=3)),
                 max_size=40).map("".join)
"""Strings made of the pieces above and arbitrary characters, up to a few hundred chars."""

FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
SLOW = settings(FAST, max_examples=60)


# -- The loader: bytes in, a Text or one StudyaidError out ------------------------------


BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
        codecs.BOM_UTF32_BE]
BYTES = st.one_of(st.binary(max_size=300),
                  st.tuples(st.sampled_from(BOMS), st.binary(max_size=300)).map(b"".join))


@FAST
@given(BYTES)
def test_decode_any_bytes(data: bytes) -> None:
    try:
        text = decode_bytes(data, "f.txt")
    except StudyaidError as exc:
        assert str(exc).startswith("f.txt: ")
        assert "\n" not in str(exc)
        return
    assert isinstance(text, Text)
    assert "\r" not in text.content


@FAST
@given(TEXTS, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_decode_encoded_text(text: str, encoding: str) -> None:
    data = text.encode(encoding, "replace")
    try:
        decoded = decode_bytes(data, "f.txt")
    except StudyaidError:
        return  # e.g. a NUL, or a legacy encoding that reads as mojibake: refused
    assert "\r" not in decoded.content
    if encoding != "gb18030" and "\x00" not in text and not text.startswith("\ufeff"):
        assert decoded.content == text.replace("\r\n", "\n").replace("\r", "\n")


# -- Sentences: cover the text, in order, short -----------------------------------------


def _check_sentences(text: str) -> None:
    spans = split_sentences(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert not text[position:start].strip(), "only whitespace between sentences"
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert end - start <= MAX_SENTENCE
        position = end
    assert not text[position:].strip()


@FAST
@given(TEXTS)
def test_sentences_cover_the_text(text: str) -> None:
    _check_sentences(text)


@FAST
@given(st.text(_ANY, max_size=200))
def test_sentences_cover_any_unicode(text: str) -> None:
    _check_sentences(text)


@settings(FAST, max_examples=30)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map("".join),
       st.integers(200, 900))
def test_sentences_long_runs(piece: str, repeat: int) -> None:
    _check_sentences((piece * (repeat // len(piece) + 1))[:repeat])


# -- The segmenter: tokens tile each sentence ---------------------------------------------


@SLOW
@given(TEXTS, st.integers(0, 5))
def test_tokens_tile_the_text(segmenter: Segmenter, text: str, offset: int) -> None:
    position = offset
    for token, start, end in segmenter.tokenize(text, offset):
        assert start == position and end > start
        assert text[start - offset : end - offset] == token
        position = end
    assert position == offset + len(text)


# -- annotate: never raises; tokens keep their offsets; no pinyin without Han ----------


@SLOW
@given(TEXTS)
def test_annotate_any_text(plain_annotator: Annotator, text: str) -> None:
    spans = split_sentences(text)
    sentences = plain_annotator.annotate(text)
    assert [(s.start, s.end) for s in sentences] == [tuple(span) for span in spans]
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert sentence.text == text[sentence.start : sentence.end]
        position = sentence.start
        for token in sentence.tokens:
            assert sentence.start <= position <= token.start < token.end <= sentence.end
            assert not text[position : token.start].strip(), "only whitespace is left out"
            assert text[token.start : token.end] == token.text
            if has_han(token.text):
                assert len(token.info.pinyin) == sum(has_han(c) for c in token.text)
            else:
                assert token.info.pinyin == ()
            token.as_json("marks")
            token.as_json("numbers")
            position = token.end
        for idiom in sentence.idioms:
            assert text[idiom.start : idiom.end] == idiom.text
        sentence.as_json()
