"""``studyaid export vocab``: gathering the words, every format against a golden file,
the Anki package read back, and the command's errors.

Golden files live in tests/data/golden/; after a deliberate change, regenerate them with
``STUDYAID_UPDATE_GOLDEN=1 pytest tests/unit/test_export_vocab.py`` and read the diff.
"""

from __future__ import annotations

import csv as csv_module
import io
import os
import sqlite3
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from studyaid.cli import build_parser, main
from studyaid.core.dictionary.index import Entry
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import Learner
from studyaid.export import VOCAB_FORMATS, anki, apkg, csv, note_type, pleco
from studyaid.export.items import Filters, VocabItem, gather
from studyaid.study import Card, CardStore

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
TEXT_NAME = "盟友还是对手"

# A tiny dictionary: word -> (traditional, pinyin, definitions).
DICTIONARY = {
    "合作": ("合作", "he2 zuo4", ("to cooperate", "to collaborate", "cooperation")),
    "微软": ("微軟", "Wei1 ruan3", ("Microsoft Corporation",)),
    "釜底抽薪": ("釜底抽薪", "fu3 di3 chou1 xin1",
                 ("to take drastic measures to deal with a situation",
                  "to pull the carpet from under sb")),
    "绿": ("綠", "lu:4", ("green",)),
}


def fake_entries(word: str) -> tuple[Entry, ...]:
    found = DICTIONARY.get(word)
    if found is None:
        return ()
    traditional, pinyin, definitions = found
    return (Entry(traditional, word, pinyin, definitions),)


def build_vocab(folder: Path, text: Path) -> None:
    """The fixture: three cards (one from a text), three glossed words, two statuses."""
    vocab = Vocab(folder)
    vocab.set_gloss("釜底抽薪", 'take drastic <measures> & "cut off" the supply',
                    note="lit. to take the firewood from under the cauldron")
    vocab.set_gloss("绿", "=green | -ish, @once")
    vocab.set_gloss("奥特曼", "Ultraman", reading="ao4 te4 man4")
    text_id = str(text.resolve())
    CardStore(folder).add_many([
        Card("合作", "合作", "he2 zuo4", "to cooperate; to collaborate; cooperation", "",
             "我们要合作。", "We must work together.", text_id,
             datetime(2026, 2, 1, 9, 30, tzinfo=UTC)),
        Card("微软", "微軟", "wei1 ruan3", "Microsoft Corporation", "", "", "", "",
             datetime(2026, 1, 5, 8, 0, tzinfo=UTC)),
        Card("釜底抽薪", "釜底抽薪", "fu3 di3 chou1 xin1", "take drastic measures",
             "lit. to take the firewood from under the cauldron",
             "这场打击无疑是釜底抽薪。", "The blow pulled the rug out.", text_id,
             datetime(2026, 2, 20, 10, 0, tzinfo=UTC)),
    ])
    Learner(folder).set_status("微软", "known")
    Learner(folder).set_status("绿", "learning")


@pytest.fixture
def fixture_vocab(vocab_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / f"{TEXT_NAME}.txt"
    text.write_text("盟友还是对手?\n这场打击无疑是釜底抽薪。我们要合作。\n", encoding="utf-8")
    build_vocab(vocab_dir, text)
    return vocab_dir, text


def items_of(folder: Path, filters: Filters | None = None) -> list[VocabItem]:
    return gather(folder, filters=filters, entries=fake_entries,
                  card_statuses=lambda: {"合作": "learning", "微软": "learning",
                                         "釜底抽薪": "learning"})


def check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("STUDYAID_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path}: run with STUDYAID_UPDATE_GOLDEN=1"
    assert data == path.read_bytes(), f"{name} differs from its golden file"


# -- Gathering ----------------------------------------------------------------------------


def test_gather_cards_and_glossed_words(fixture_vocab: tuple[Path, Path]) -> None:
    items = {i.word: i for i in items_of(fixture_vocab[0])}
    assert list(items) == ["合作", "奥特曼", "微软", "绿", "釜底抽薪"]
    # The learner's gloss first, the dictionary's beside it; a card made from the
    # dictionary has no gloss of the learner's.
    assert (items["合作"].gloss, items["合作"].definition) == (
        "", "to cooperate; to collaborate; cooperation")
    assert items["釜底抽薪"].gloss.startswith("take drastic <measures>")
    assert items["釜底抽薪"].note.startswith("lit. ")
    # Readings: the card's, the learner's, the dictionary's (lu:4 -> lǜ).
    assert (items["奥特曼"].numbered, items["奥特曼"].marks) == ("ao4 te4 man4", "àotèmàn")
    assert (items["绿"].reading, items["绿"].marks, items["绿"].traditional) == (
        ("lu:4",), "lǜ", "綠")
    # Statuses: by hand wins, then the card's, else new.
    assert [(w, i.status, i.card) for w, i in items.items()] == [
        ("合作", "learning", True), ("奥特曼", "new", False), ("微软", "known", True),
        ("绿", "learning", False), ("釜底抽薪", "learning", True)]
    assert items["釜底抽薪"].tags == ("studyaid", "learning", "card", "idiom")
    assert items["合作"].source_title == TEXT_NAME


@pytest.mark.parametrize(("filters", "words"), [
    (Filters(cards_only=True), ["合作", "微软", "釜底抽薪"]),
    (Filters(status="learning"), ["合作", "绿", "釜底抽薪"]),
    (Filters(status="new"), ["奥特曼"]),
    (Filters(since=date(2026, 2, 1)), ["合作", "釜底抽薪"]),
    (Filters(text=TEXT_NAME), ["合作", "釜底抽薪"]),
    (Filters(text="elsewhere.txt"), []),
])
def test_filters(fixture_vocab: tuple[Path, Path], filters: Filters, words: list[str]) -> None:
    assert [i.word for i in items_of(fixture_vocab[0], filters)] == words


def test_text_filter_takes_a_path(fixture_vocab: tuple[Path, Path]) -> None:
    folder, text = fixture_vocab
    assert [i.word for i in items_of(folder, Filters(text=str(text)))] == ["合作", "釜底抽薪"]


# -- Every format, byte for byte -----------------------------------------------------------


@pytest.mark.parametrize(("name", "golden"), [
    ("anki", "vocab.anki.txt"), ("pleco", "vocab.pleco.txt"), ("csv", "vocab.csv"),
    ("md", "vocab.md"),
])
def test_golden(fixture_vocab: tuple[Path, Path], name: str, golden: str) -> None:
    check_golden(golden, VOCAB_FORMATS[name](items_of(fixture_vocab[0]), NOW))


@pytest.mark.parametrize(("name", "golden"), [
    ("anki", "empty.anki.txt"), ("pleco", "empty.pleco.txt"), ("csv", "empty.csv"),
    ("md", "empty.md"),
])
def test_golden_empty(name: str, golden: str) -> None:
    check_golden(golden, VOCAB_FORMATS[name]([], NOW))


def test_the_cli_offers_the_registry_s_formats() -> None:
    parser = build_parser()
    for name in VOCAB_FORMATS:
        args = parser.parse_args(["export", "vocab", "--format", name, "-o", "x"])
        assert args.format == name
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "vocab", "--format", "xlsx", "-o", "x"])


# -- What each format promises -------------------------------------------------------------

AWKWARD = VocabItem("绿", "綠", ("lu:4",), "green\tgrass\nfield", "=1+1", note="<b>x</b>",
                    sentence="绿\r\n色", translation='"quoted", comma')


def test_anki_fields_never_hold_a_tab_or_newline() -> None:
    lines = anki.write([AWKWARD], NOW).decode("utf-8").split("\n")
    columns = lines[6].removeprefix("#columns:").split("\t")
    assert columns == [*note_type.FIELDS, "GUID", "Tags"]
    row = lines[7].split("\t")
    assert len(row) == len(columns) and lines[8:] == [""]
    assert row[4] == "green grass<br>field" and row[6] == "&lt;b&gt;x&lt;/b&gt;"
    assert row[7] == "绿<br>色" and row[8] == "&quot;quoted&quot;, comma"
    assert f"#guid column:{columns.index('GUID') + 1}" in lines
    assert f"#tags column:{columns.index('Tags') + 1}" in lines


def test_anki_and_apkg_share_the_guid() -> None:
    row = anki.write([AWKWARD], NOW).decode("utf-8").split("\n")[7].split("\t")
    assert row[anki.COLUMNS.index("GUID")] == apkg.guid(AWKWARD)


def test_pleco_keeps_one_card_per_line() -> None:
    text = pleco.write([AWKWARD], NOW).decode("utf-8")
    assert text.split("\n") == [
        "//studyaid/other",
        "绿[綠]\tlu:4\tgreen grass field\ueab1=1+1\ueab1Note: <b>x</b>\ueab1绿 色\ueab1"
        '"quoted", comma',
        "",
    ]


def test_csv_reads_back_and_neutralises_formulas() -> None:
    data = csv.write([AWKWARD], NOW)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv_module.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(csv.HEADER)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["gloss"] == "green\tgrass\nfield"
    assert row["definition"] == "'=1+1" and row["translation"] == '"quoted", comma'


NEUTRALISED = [
    # a cell, as the csv export writes it
    # formulas, and what a spreadsheet reads as one
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://x","点")', '\'=HYPERLINK("http://x","点")'),
    ("+x", "'+x"),
    ("-ish (suffix)", "'-ish (suffix)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("\n=1", "'\n=1"),
    # plain numbers run nothing: left as they are
    ("-5", "-5"),
    ("+3.5", "+3.5"),
    # the learner's ordinary text
    ("x=1", "x=1"),
    ("绿色", "绿色"),
    ("lǜsè", "lǜsè"),
    ("'quoted'", "'quoted'"),
]


@pytest.mark.parametrize(("cell", "written"), NEUTRALISED)
def test_csv_neutralises_formulas(cell: str, written: str) -> None:
    assert csv.neutralise(cell) == written


@pytest.mark.parametrize(("title", "category"), [
    ("盟友还是对手?", "//studyaid/盟友还是对手?"),
    ("a/b\\c", "//studyaid/a-b-c"),
    ("../../etc/passwd", "//studyaid/-.-etc-passwd"),
    ("\x1b[31m红\x00色\x7f", "//studyaid/[31m红 色"),
    ("..", "//studyaid/other"),
])
def test_pleco_categories_from_titles_are_clean(title: str, category: str) -> None:
    # A title is a text's file name, or whatever a caller passes: never a path or a
    # terminal escape in the category.
    assert pleco._category(title) == category + "\n"


# -- The Anki package, read back ---------------------------------------------------------


def read_apkg(data: bytes, tmp_path: Path) -> tuple[list[tuple], dict]:
    """(guid, model id, fields, tags) per note, and the collection's models."""
    import json

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        db = tmp_path / "collection.anki2"
        db.write_bytes(package.read("collection.anki2"))
    connection = sqlite3.connect(db)
    try:
        notes = connection.execute(
            "SELECT guid, mid, flds, tags FROM notes ORDER BY sfld").fetchall()
        models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
    finally:
        connection.close()
    db.unlink()
    return notes, models


def test_apkg_round_trip(fixture_vocab: tuple[Path, Path], tmp_path: Path) -> None:
    items = items_of(fixture_vocab[0])
    first, models = read_apkg(apkg.write(items, NOW), tmp_path)
    model = models[str(note_type.MODEL_ID)]
    assert model["name"] == note_type.NOTE_TYPE
    assert [f["name"] for f in model["flds"]] == list(note_type.FIELDS)
    assert len(first) == len(items)
    by_word = {row[2].split("\x1f")[0]: row for row in first}
    idiom = by_word["釜底抽薪"][2].split("\x1f")
    assert len(idiom) == len(note_type.FIELDS)
    assert idiom[2] == ('<span class="tone3">fǔ</span><span class="tone3">dǐ</span>'
                       '<span class="tone1">chōu</span><span class="tone1">xīn</span>')
    assert idiom[4].startswith("take drastic &lt;measures&gt; &amp; &quot;cut off&quot;")
    assert idiom[7] == "这场打击无疑是釜底抽薪。" and idiom[9] == TEXT_NAME
    assert by_word["釜底抽薪"][3].split() == ["studyaid", "learning", "card", "idiom"]
    assert {row[1] for row in first} == {note_type.MODEL_ID}
    # A later export (a word more, another day) keeps every note's GUID and the model id.
    Vocab(fixture_vocab[0]).set_gloss("对手", "opponent")
    later, _ = read_apkg(apkg.write(items_of(fixture_vocab[0]), datetime.now(UTC)), tmp_path)
    assert {r[0] for r in first} < {r[0] for r in later} and len(later) == len(first) + 1
    assert {row[1] for row in later} == {note_type.MODEL_ID}


def test_apkg_with_anki_itself(fixture_vocab: tuple[Path, Path], tmp_path: Path) -> None:
    """Import into a real collection with Anki's own library (optional, AGPL: not in
    the test extras); a second export re-imports as updates, and the TSV loses nothing."""
    pytest.importorskip("anki")
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    folder = fixture_vocab[0]
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        def import_package(data: bytes) -> None:
            path = tmp_path / "vocab.apkg"
            path.write_bytes(data)
            col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(path), options=ImportAnkiPackageOptions(
                    merge_notetypes=True, with_scheduling=True, with_deck_configs=True)))

        import_package(apkg.write(items_of(folder), NOW))
        ids = sorted(col.find_notes(""))
        assert len(ids) == 5
        notes = {col.get_note(i)["Simplified"]: col.get_note(i) for i in ids}
        assert notes["微软"]["Traditional"] == "微軟"
        assert notes["釜底抽薪"]["Note"].startswith("lit. ")
        Vocab(folder).set_gloss("微软", "the software company")
        # Anki updates a note only from a newer one: the export's time is the notes'.
        import_package(apkg.write(items_of(folder), NOW + timedelta(days=1)))
        assert sorted(col.find_notes("")) == ids
        assert col.get_note(
            next(i for i in ids if col.get_note(i)["Simplified"] == "微软"))["Gloss"] == (
            "the software company")

        Vocab(folder).set_gloss("合作", "work together")
        items = items_of(folder)
        text = tmp_path / "vocab.txt"
        text.write_bytes(anki.write(items, NOW))
        metadata = col.get_csv_metadata(str(text), None)
        col.import_csv(_csv_request(str(text), metadata))
        assert sorted(col.find_notes("")) == ids  # updated in place, none added
        for item in items:
            note = col.get_note(col.find_notes(f"Simplified:{item.word}")[0])
            assert note.note_type()["name"] == note_type.NOTE_TYPE
            assert note.fields == note_type.note_fields(item)  # no column lost
            assert note.guid == apkg.guid(item)
            assert sorted(note.tags) == sorted(item.tags)
    finally:
        col.close()


def _csv_request(path: str, metadata: object) -> object:
    from anki.collection import ImportCsvRequest

    return ImportCsvRequest(path=path, metadata=metadata)


# -- The command -------------------------------------------------------------------------


def test_cli_writes_each_format(fixture_vocab: tuple[Path, Path], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(fixture_vocab[0])
    for name in VOCAB_FORMATS:
        out = tmp_path / f"out.{name}"
        assert main(["export", "vocab", "--vocab", folder, "--format", name,
                     "-o", str(out), "--cards-only"]) == 0
        assert out.stat().st_size > 0
        assert capsys.readouterr().out == f"exported 3 words to {out}\n"
    with zipfile.ZipFile(tmp_path / "out.apkg") as package:
        assert "collection.anki2" in package.namelist()


def test_cli_refuses_to_overwrite(fixture_vocab: tuple[Path, Path], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "words.csv"
    out.write_text("mine", encoding="utf-8")
    args = ["export", "vocab", "--vocab", str(fixture_vocab[0]), "--format", "csv",
            "-o", str(out)]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        f"studyaid: {out}: already exists; add --force to replace it\n")
    assert out.read_text(encoding="utf-8") == "mine"
    assert main([*args, "--force"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfword,")


def test_cli_errors(vocab_dir: Path, tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    base = ["export", "vocab", "--vocab", str(vocab_dir), "--format", "md"]
    missing = tmp_path / "nope" / "words.md"
    assert main([*base, "-o", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err == f"studyaid: {missing.parent}: no such folder; create it first\n"
    assert main([*base, "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main([*base, "-o", str(tmp_path / "w.md"), "--since", "March"]) == 2
    assert "is not a date" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_cli_unwritable_folder(vocab_dir: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        assert main(["export", "vocab", "--vocab", str(vocab_dir), "--format", "md",
                     "-o", str(locked / "w.md")]) == 2
        assert capsys.readouterr().err == (
            f"studyaid: {locked}: cannot write here: permission denied\n")
    finally:
        locked.chmod(0o700)


def test_cli_exporting_nothing(vocab_dir: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "none.anki.txt"
    assert main(["export", "vocab", "--vocab", str(vocab_dir), "--format", "anki",
                 "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"studyaid: no words to export; wrote an empty anki file to {out}\n")
    assert out.read_bytes() == (GOLDEN / "empty.anki.txt").read_bytes()


# -- Layers ---------------------------------------------------------------------------------


def test_export_never_imports_the_ui_and_only_apkg_imports_genanki() -> None:
    import subprocess
    import sys

    code = ("import sys, studyaid.export\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
    folder = Path(__file__).resolve().parents[2] / "studyaid"
    for path in folder.rglob("*.py"):
        if path.name != "apkg.py":
            assert "import genanki" not in path.read_text(encoding="utf-8"), path


def test_apkg_carries_both_directions_and_the_fsrs_schedule_into_anki(
    vocab_dir: Path, tmp_path: Path
) -> None:
    """A word carded with recall is two Anki cards; a card reviewed here arrives as a
    review card due on its FSRS due date, with its stability (Anki's own library)."""
    pytest.importorskip("anki")
    from anki.collection import Collection as AnkiCollection
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    from studyaid.study import Collection

    now = datetime.now(UTC)
    assert main(["card", "add", "合作", "--vocab", str(vocab_dir)]) == 0
    assert main(["card", "add", "银行", "--recall", "--vocab", str(vocab_dir)]) == 0
    collection = Collection(vocab_dir, None)
    due = collection.next_due(now)
    assert due is not None and due.card.word == "合作"
    state = collection.grade(due, 4, now, 4000)  # Easy: a review card, due in days
    out = tmp_path / "vocab.apkg"
    assert main(["export", "vocab", "--format", "apkg", "-o", str(out),
                 "--vocab", str(vocab_dir)]) == 0

    (tmp_path / "anki").mkdir()
    col = AnkiCollection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(out), options=ImportAnkiPackageOptions(
                merge_notetypes=True, with_scheduling=True, with_deck_configs=True)))
        cards = {(col.get_card(c).note()["Simplified"], col.get_card(c).ord): col.get_card(c)
                 for c in col.find_cards("")}
        assert set(cards) == {("合作", 0), ("银行", 0), ("银行", 1)}
        assert "hanzi?" in cards[("银行", 1)].question()
        for key in (("银行", 0), ("银行", 1)):
            assert cards[key].type == 0  # never reviewed: new in Anki too
        reviewed = cards[("合作", 0)]
        assert reviewed.type != 0 and reviewed.reps == 1
        assert state.state == "review" and reviewed.type == 2
        days = (state.due.date() - now.date()).days
        assert days >= 1 and abs((reviewed.due - col.sched.today) - days) <= 1
        assert reviewed.ivl >= 1
        assert reviewed.memory_state is not None
        assert abs(reviewed.memory_state.stability - state.stability) < 0.01
    finally:
        col.close()


def test_apkg_with_audio_in_anki(fixture_vocab: tuple[Path, Path], tmp_path: Path,
                                 plain_annotator) -> None:
    """``--audio``: a sound per word and example sentence as media, ``[sound:…]`` in the
    Audio fields; Anki imports the media, and a re-export adds no second copy."""
    pytest.importorskip("espeakng_loader")
    pytest.importorskip("anki")
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    from studyaid.core.output.speech import Speech, spoken_text
    from studyaid.export.sounds import Sounds

    def sentence_text(sentence: str) -> str:
        return spoken_text([t for s in plain_annotator.annotate(sentence) for t in s.tokens])

    sounds = Sounds(Speech(tmp_path / "cache"), sentence_text)
    items = items_of(fixture_vocab[0])
    data = apkg.write(items, NOW, sounds)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = json_media(package.read("media"))
        waves = [package.read(number) for number in names]
    # 5 words, 2 with a sentence; each file a WAV
    assert len(names) == 7 and all(w[:4] == b"RIFF" and len(w) > 2000 for w in waves)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        for when in (NOW, NOW + timedelta(days=1)):
            path = tmp_path / "vocab.apkg"
            path.write_bytes(apkg.write(items_of(fixture_vocab[0]), when, sounds))
            col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(path), options=ImportAnkiPackageOptions(
                    merge_notetypes=True, with_scheduling=True, with_deck_configs=True)))
        media = sorted(os.listdir(col.media.dir()))
        assert media == sorted(names.values())  # the second import added no copy
        note = col.get_note(col.find_notes("Simplified:合作")[0])
        assert note["Audio"] == f"[sound:{sounds.word(items[0])[0]}]"
        assert note["SentenceAudio"].startswith("[sound:studyaid-")
        assert note["Audio"] != note["SentenceAudio"]
        assert col.get_note(col.find_notes("Simplified:微软")[0])["SentenceAudio"] == ""
        assert col.media.check().missing == []  # every [sound:…] has its file
    finally:
        col.close()


def json_media(data: bytes) -> dict[str, str]:
    """The package's media map: number in the zip -> file name."""
    import json

    return json.loads(data)
