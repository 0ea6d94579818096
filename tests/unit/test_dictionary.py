"""The dictionary: CC-CEDICT compiled into an index, lookups, cross-references, search."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studyaid.core.dictionary import cedict
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotate import Annotator
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import has_han
from studyaid.paths import seed_text

# Real CC-CEDICT lines (CC BY-SA 4.0, https://cc-cedict.org), in the file's own order.
TINY_CEDICT = """\
# CC-CEDICT excerpt for studyaid's tests
#! version=1
#! subversion=0
#! date=2024-01-01T00:00:00Z
一個樣 一个样 [yi1 ge5 yang4] /see 一樣|一样[yi1 yang4]/
一樣 一样 [yi1 yang4] /same/like/equal to/the same as/just like/
吃 吃 [chi1] /to eat; to consume/to eat at (a cafeteria etc)/to eradicate; to destroy/
喫 吃 [chi1] /variant of 吃[chi1]/
巧婦難為無米之炊 巧妇难为无米之炊 [qiao3 fu4 nan2 wei2 wu2 mi3 zhi1 chui1] /The cleverest \
housewife cannot cook without rice (idiom); You won't get anywhere without equipment./
煙 烟 [yan1] /cigarette or pipe tobacco/CL:根[gen1]/smoke/mist/vapour/
煮 煮 [zhu3] /to cook/to boil/
菸 菸 [yan1] /variant of 煙|烟[yan1]/cigarette/tobacco/smoke/
菸 菸 [yu1] /to wither/dried leaves/faded/withered/
行 行 [hang2] /row/line/commercial firm/line of business/profession/
行 行 [xing2] /to walk/to go/to travel/a visit/temporary/makeshift/current/
釜底抽薪 釜底抽薪 [fu3 di3 chou1 xin1] /to take drastic measures to deal with a situation/\
to pull the carpet from under sb/
銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/
"""


def _write_cedict(folder: Path, text: str = TINY_CEDICT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cedict_ts.u8"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dictionary:
    """The tiny excerpt compiled into an index of its own (not the session's cache)."""
    folder = tmp_path_factory.mktemp("tiny")
    return Dictionary.open(folder / "cache", cedict_file=_write_cedict(folder / "src"))


def _heads(entries) -> list[tuple[str, str, str]]:
    return [(e.traditional, e.simplified, e.pinyin) for e in entries]


# -- Lookup by headword ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "heads"),
    [
        # Simplified and traditional headwords find the same entry.
        ("银行", [("銀行", "银行", "yin2 hang2")]),
        ("銀行", [("銀行", "银行", "yin2 hang2")]),
        ("巧妇难为无米之炊",
         [("巧婦難為無米之炊", "巧妇难为无米之炊", "qiao3 fu4 nan2 wei2 wu2 mi3 zhi1 chui1")]),
        ("巧婦難為無米之炊",
         [("巧婦難為無米之炊", "巧妇难为无米之炊", "qiao3 fu4 nan2 wei2 wu2 mi3 zhi1 chui1")]),
        # All readings of a word.
        ("行", [("行", "行", "hang2"), ("行", "行", "xing2")]),
        ("菸", [("菸", "菸", "yan1"), ("菸", "菸", "yu1")]),
        # A simplified form shared by two traditional ones.
        ("吃", [("吃", "吃", "chi1"), ("喫", "吃", "chi1")]),
        ("喫", [("喫", "吃", "chi1")]),
        # Not in the excerpt.
        ("奥特曼", []),
        ("", []),
    ],
)
def test_lookup_by_headword(tiny: Dictionary, word: str, heads: list) -> None:
    assert _heads(tiny.entries(word)) == heads


def test_definitions_are_split(tiny: Dictionary) -> None:
    (entry,) = tiny.entries("釜底抽薪")
    assert entry.definitions == (
        "to take drastic measures to deal with a situation",
        "to pull the carpet from under sb",
    )
    assert entry.pinyin_marks == "fǔdǐchōuxīn"


@pytest.mark.parametrize(
    ("word", "reference", "target_definition"),
    [
        # "see X": the target's definitions follow the reference.
        ("一个样", "see 一樣|一样[yi1 yang4]", "same"),
        # "variant of X", by traditional and by simplified headword.
        ("喫", "variant of 吃[chi1]", "to eat; to consume"),
        ("菸", "variant of 煙|烟[yan1]", "cigarette or pipe tobacco"),
    ],
)
def test_cross_references_are_resolved_inline(
    tiny: Dictionary, word: str, reference: str, target_definition: str
) -> None:
    definitions = [d for e in tiny.entries(word) for d in e.definitions]
    resolved = [d for d in definitions if d.startswith(reference)]
    assert resolved, definitions
    assert resolved[0].startswith(f"{reference}: ")
    assert target_definition in resolved[0]


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("釜底抽薪 釜底抽薪 fu3 di3 chou1 xin1 /to take drastic measures/", "no brackets"),
        ("釜底抽薪", "one field"),
        ("釜底抽薪 釜底抽薪 [fu3 di3 chou1 xin1] to take drastic measures", "no slashes"),
    ],
)
def test_malformed_line_is_reported_with_file_and_line(
    tmp_path: Path, bad_line: str, problem: str
) -> None:
    lines = TINY_CEDICT.splitlines()
    lines.insert(6, bad_line)
    path = _write_cedict(tmp_path / "src", "\n".join(lines) + "\n")
    with pytest.raises(StudyaidError) as caught:
        Dictionary.open(tmp_path / "cache", cedict_file=path)
    assert str(caught.value).startswith(f"{path}:7: "), problem


def test_missing_cedict_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.u8"
    with pytest.raises(StudyaidError) as caught:
        Dictionary.open(tmp_path / "cache", cedict_file=path)
    assert str(caught.value).startswith(f"{path}: ")


def test_index_is_rebuilt_when_the_source_changes(tmp_path: Path) -> None:
    source = _write_cedict(tmp_path / "src")
    cache = tmp_path / "cache"
    assert Dictionary.open(cache, cedict_file=source).entries("煮饭") == ()
    index = cache / "dictionary.sqlite"
    built = index.stat().st_mtime_ns

    # Opening again without a change keeps the index.
    Dictionary.open(cache, cedict_file=source)
    assert index.stat().st_mtime_ns == built

    # A new entry appears after the file grows.
    with open(source, "a", encoding="utf-8") as handle:
        handle.write("煮飯 煮饭 [zhu3 fan4] /to cook rice/\n")
    assert _heads(Dictionary.open(cache, cedict_file=source).entries("煮饭")) == [
        ("煮飯", "煮饭", "zhu3 fan4")
    ]

    # An edit that keeps the size is noticed too (the file's time changes).
    text = source.read_text(encoding="utf-8").replace("/to cook rice/", "/to boil rice/")
    stat = source.stat()
    source.write_text(text, encoding="utf-8")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    (entry,) = Dictionary.open(cache, cedict_file=source).entries("煮饭")
    assert entry.definitions == ("to boil rice",)


def test_newest_packaged_snapshot_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    older = _write_cedict(tmp_path / "old", TINY_CEDICT.replace("2024-01-01", "2023-11-07"))
    newer = _write_cedict(tmp_path / "new", TINY_CEDICT.replace("2024-01-01", "2026-05-01"))
    files = {"old_package": older, "new_package": newer}
    monkeypatch.setattr(cedict, "PACKAGE_SOURCES", {"old_package": "x", "new_package": "x"})
    monkeypatch.setattr(cedict, "_package_file", lambda package, _: files[package])
    source = cedict.find_source()
    assert (source.path, source.origin) == (newer, "new_package")
    assert source.date.startswith("2026-05-01")
    # A file the learner names wins over any package.
    assert cedict.find_source(older).path == older


# -- Search in the full dictionary ------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # Hanzi, simplified and traditional.
        ("釜底抽薪", "釜底抽薪"),
        ("巧婦難為無米之炊", "巧妇难为无米之炊"),
        ("銀行", "银行"),
        # Pinyin without tones, with numbers, with or without spaces, with marks.
        ("fudichouxin", "釜底抽薪"),
        ("fu3 di3 chou1 xin1", "釜底抽薪"),
        ("fu3di3chou1xin1", "釜底抽薪"),
        ("fǔ dǐ chōu xīn", "釜底抽薪"),
        ("yinhang", "银行"),
        ("yínháng", "银行"),
        ("ni hao", "你好"),
        # ü typed as v, u: or ü.
        ("nvren", "女人"),
        ("nu:3 ren2", "女人"),
        ("nǚrén", "女人"),
        # An apostrophe or a space is a syllable boundary (xian alone is 先, 见, 县 …).
        ("xi'an", "西安"),
        ("xi an", "西安"),
        ("Xī'ān", "西安"),
        ("xi1'an1", "西安"),
        ("fang'an", "方案"),
        ("dang'an", "档案"),
        ("tian'anmen", "天安门"),
        ("ping'an", "平安"),
        # English.
        ("bank", "银行"),
    ],
)
def test_search_best_match_first(dictionary: Dictionary, query: str, first: str) -> None:
    results = dictionary.search(query)
    assert results, query
    assert results[0].simplified == first


@pytest.mark.parametrize(
    ("query", "pinyin"),
    [
        # Tone marks without spaces: every result has exactly that reading first.
        ("fǔdǐ", "fu3 di3"),
        ("Fǔdǐ", "fu3 di3"),
        ("lü4", "lu:4"),
    ],
)
def test_search_pinyin_with_marks(dictionary: Dictionary, query: str, pinyin: str) -> None:
    results = dictionary.search(query)
    assert results and results[0].pinyin.lower() == pinyin


@pytest.mark.parametrize(
    ("query", "definition", "within"),
    [
        # A word whose definition *is* the query comes among the first results.
        ("cook", "to cook", 3),
        ("bank", "bank", 1),
        ("hello", "hello", 3),
        ("green", "green", 3),
    ],
)
def test_search_english(dictionary: Dictionary, query: str, definition: str, within: int) -> None:
    results = dictionary.search(query)[:within]
    assert any(definition in e.definitions for e in results), [e.definitions for e in results]


@pytest.mark.parametrize("query", ["", "   ", "zzzz", "???"])
def test_search_with_no_match_is_empty(dictionary: Dictionary, query: str) -> None:
    assert dictionary.search(query) == []


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("行", {"hang2", "xing2"}),
        ("长", {"chang2", "zhang3"}),
        ("不是", {"bu2 shi5", "bu4 shi4"}),
        ("东西", {"dong1 xi1", "dong1 xi5"}),
    ],
)
def test_full_dictionary_has_all_readings(
    dictionary: Dictionary, word: str, readings: set[str]
) -> None:
    assert readings <= {e.pinyin for e in dictionary.entries(word)}


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("一个样", "same"),
        ("一命归西", "to die"),
        ("喫", "to eat"),
    ],
)
def test_full_dictionary_resolves_references(
    dictionary: Dictionary, word: str, meaning: str
) -> None:
    definitions = " / ".join(d for e in dictionary.entries(word) for d in e.definitions)
    assert meaning in definitions


# -- Every Chinese token has a gloss ----------------------------------------------------


def test_every_token_of_the_seed_has_a_gloss(plain_annotator: Annotator) -> None:
    for sentence in plain_annotator.annotate(seed_text()):
        for token in sentence.tokens:
            if has_han(token.text):
                assert token.info.gloss, token
                assert token.info.gloss_source in ("cc-cedict", "parts", "name"), token
            else:
                assert (token.info.gloss, token.info.gloss_source) == ("", ""), token


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        # Words the dictionary lacks are glossed from their longest known parts.
        ("最终目标", ["最终", "目标"]),
        ("混合结构", ["混合", "结构"]),
        ("商业价值", ["商业", "价值"]),
        ("喝水", ["喝", "水"]),
    ],
)
def test_gloss_from_parts(plain_annotator: Annotator, word: str, parts: list[str]) -> None:
    info = plain_annotator.word(word)
    assert info.gloss_source == "parts"
    pieces = info.gloss.split(" + ")
    assert [piece.split(" ", 1)[0] for piece in pieces] == parts
    assert all(" " in piece for piece in pieces)


# -- Search ranking: real queries, the best results expected ----------------------------


@pytest.mark.parametrize(
    ("query", "best"),
    [
        # English: words whose sense *is* "cook" (or the activity, "cooking") come first.
        ("cook", {"做饭", "烹饪", "厨师", "煮"}),
        ("to eat", {"吃"}),
        ("cooking", {"烹饪"}),
        # Pinyin without tones or spaces, and numbered pinyin typed part of the way.
        ("fudichouxin", {"釜底抽薪"}),
        ("fu3di3", {"府邸", "釜底抽薪"}),
        # Hanzi typed part of the way, simplified or traditional.
        ("釜底", {"釜底抽薪"}),
        ("斷糧", {"断粮"}),
    ],
)
def test_search_ranks_the_best_first(dictionary: Dictionary, query: str, best: set[str]) -> None:
    results = [e.simplified for e in dictionary.search(query, 50)]
    top = results[: max(len(best), 2) + 4]
    assert best <= set(top), top


@pytest.mark.parametrize(
    ("query", "central", "minor"),
    [
        # 烧's "to cook" is its second of ten senses; 库克 is the name Cook.
        ("cook", ["做饭", "烹饪", "厨师"], ["烧", "库克"]),
        # 产品 is "goods", another word than "good".
        ("good", ["好", "良好"], ["产品"]),
    ],
)
def test_search_english_central_before_minor(
    dictionary: Dictionary, query: str, central: list[str], minor: list[str]
) -> None:
    results = [e.simplified for e in dictionary.search(query, 100)]
    last_central = max(results.index(w) for w in central)
    for word in minor:
        assert word not in results or results.index(word) > last_central, results


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # As typed so far: the results follow the keystrokes.
        ("釜", "釜"),
        ("fudichou", "釜底抽薪"),
        ("fu3di3chou", "釜底抽薪"),
        ("coo", None),
    ],
)
def test_search_as_typed(dictionary: Dictionary, query: str, first: str | None) -> None:
    results = dictionary.search(query)
    assert results
    if first is not None:
        assert results[0].simplified == first


def test_words_containing(dictionary: Dictionary) -> None:
    found = [e.simplified for e in dictionary.containing("釜底")]
    assert "釜底抽薪" in found and "釜底" not in found
    assert "釜底抽薪" in [e.simplified for e in dictionary.containing("抽薪")]
