"""Traditional characters in one standard, the dictionary's (Taiwan's, OpenCC s2tw) by
default, Hong Kong's or OpenCC's own as a setting; display only, so annotations and
their cache do not depend on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.cli import main
from studyaid.cli.common import settings
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import DISPLAY_SETTINGS, Settings, load_display_settings
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.script import DEFAULT_TRADITIONAL, to_traditional


@pytest.mark.parametrize(
    ("simplified", "tw", "hk", "opencc"),
    [
        # 为: 為 in Taiwan and Hong Kong (and CC-CEDICT), 爲 in OpenCC's own
        ("为", "為", "為", "爲"),
        ("视为", "視為", "視為", "視爲"),
        ("认为", "認為", "認為", "認爲"),
        ("被视为典范", "被視為典範", "被視為典範", "被視爲典範"),
        # 着 and 里: Taiwan writes 著 and 裡, Hong Kong and OpenCC 着 and 裏
        ("着急", "著急", "着急", "着急"),
        ("里面", "裡面", "裏面", "裏面"),
        # 面 (noodles): 麵 in Taiwan, 麪 in Hong Kong and OpenCC
        ("面条", "麵條", "麪條", "麪條"),
        # the same in all three
        ("后来", "後來", "後來", "後來"),
        ("干燥", "乾燥", "乾燥", "乾燥"),
        ("头发", "頭髮", "頭髮", "頭髮"),
        ("什么", "什麼", "什麼", "什麼"),
    ],
)
def test_standards(simplified: str, tw: str, hk: str, opencc: str) -> None:
    assert to_traditional(simplified) == tw
    assert [to_traditional(simplified, s) for s in ("tw", "hk", "opencc")] == [tw, hk, opencc]


@pytest.mark.parametrize("word", ["为", "视为", "认为", "着急", "里面", "面条", "后来", "以为",
                                  "成为", "作为", "因为", "头发", "系统", "于是"])
def test_the_default_writes_words_as_the_dictionary_does(dictionary: Dictionary,
                                                         word: str) -> None:
    assert DEFAULT_TRADITIONAL == "tw"
    headwords = {e.traditional for e in dictionary.entries(word) if e.simplified == word}
    assert to_traditional(word) in headwords


# -- The setting: settings.toml in the config folder, or --traditional ---------------------


@pytest.mark.parametrize(
    ("content", "found", "problem"),
    [
        ("", {}, None),
        ('traditional = "hk"\n', {"traditional": "hk"}, None),
        ('# Hong Kong forms\ntraditional = "opencc"\n', {"traditional": "opencc"}, None),
        ('traditional = "s2hk"\n', None, "settings.toml:1: 'traditional' must be one of"),
        ('\ntraditional = 1\n', None, "settings.toml:2: 'traditional' must be one of"),
        ('script = "hk"\n', None, "settings.toml:1: unknown setting 'script'"),
        ('traditional = "hk\n', None, "settings.toml:1: not valid TOML"),
    ],
)
def test_settings_file(tmp_path: Path, content: str, found: dict | None,
                       problem: str | None) -> None:
    path = tmp_path / DISPLAY_SETTINGS
    path.write_text(content, encoding="utf-8")
    if problem is None:
        assert load_display_settings(path) == found
    else:
        with pytest.raises(StudyaidError, match=problem):
            load_display_settings(path)
        assert path.read_text(encoding="utf-8") == content  # never rewritten


def test_no_settings_file(tmp_path: Path) -> None:
    assert load_display_settings(tmp_path / DISPLAY_SETTINGS) == {}


@pytest.mark.parametrize(
    ("file", "flag", "chosen"),
    [
        (None, [], "tw"),
        ('traditional = "hk"\n', [], "hk"),
        ('traditional = "hk"\n', ["--traditional", "opencc"], "opencc"),
        (None, ["--traditional", "hk"], "hk"),
    ],
)
def test_the_setting_reaches_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      file: str | None, flag: list[str], chosen: str) -> None:
    from studyaid.cli import build_parser

    monkeypatch.setenv("STUDYAID_CONFIG", str(tmp_path))
    if file is not None:
        (tmp_path / DISPLAY_SETTINGS).write_text(file, encoding="utf-8")
    args = build_parser().parse_args(["lookup", "为", *flag])
    args.vocab = args.cedict = None
    assert settings(args).traditional == chosen


def test_a_bad_setting_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STUDYAID_CONFIG", str(tmp_path))
    (tmp_path / DISPLAY_SETTINGS).write_text('traditional = "taiwan"\n', encoding="utf-8")
    assert main(["annotate", "-", "--no-context-model"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "settings.toml:1: 'traditional' must be one of" in err
    with pytest.raises(SystemExit) as exited:
        main(["lookup", "为", "--traditional", "taiwan"])
    assert exited.value.code == 2


def test_annotation_does_not_depend_on_the_standard(dictionary: Dictionary,
                                                    vocab_dir: Path) -> None:
    text = "微软和OpenAI的关系曾被视为AI领域的典范。他认为城里面条很好吃，着急了。"
    shown = {}
    for standard in ("tw", "hk", "opencc"):
        found = Settings(vocab_dir, dictionary.path.parent, context_model=False,
                         traditional=standard)
        annotator = build_annotator(found, dictionary)
        shown[standard] = json.dumps([s.as_json() for s in annotator.annotate(text)],
                                     ensure_ascii=False)
    assert shown["tw"] == shown["hk"] == shown["opencc"]
