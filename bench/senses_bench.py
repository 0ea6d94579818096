"""How often the gloss shows the sense that fits the sentence (issue 14, point 4).

The table ``tests/data/senses.tsv`` holds real sentences (the seed article and Lu Xun)
with the sense a teacher gives each function word in them; the rules in
``studyaid/data/senses.toml`` were written reading the seed, 祝福, 孔乙己, 风波, 伤逝 and
社戏 (fitted); 药 and 明天 were labelled after and are held out. Each row is judged as in
``tests/unit/test_senses.py``: right (the first sense shown fits), unsure (several senses
shown with " / ", the fitting one among them), wrong. The baseline, measured in the same
run, is the dictionary's first senses (no rules). Also: the time the rules add to
annotating the table's sentences.

Run: ``python bench/senses_bench.py [--json FILE]``. Needs no outside data.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

from report import Report, add_json_option

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from studyaid.core.dictionary.senses import Senses  # noqa: E402
from studyaid.core.engine.annotate import Annotator  # noqa: E402
from studyaid.core.engine.services import build_annotator  # noqa: E402
from studyaid.core.engine.settings import Settings  # noqa: E402

TARGET_HELD_OUT = 0.80


def _table_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "test_senses", REPO / "tests" / "unit" / "test_senses.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_json_option(parser)
    args = parser.parse_args()
    report = Report("senses_bench")
    table = _table_module()
    with tempfile.TemporaryDirectory() as tmp:
        ruled = build_annotator(Settings(Path(tmp) / "vocab", Path(tmp) / "cache"))
        bare = Annotator(ruled.dictionary, ruled.segmenter, senses=Senses({}))
        print(f"{'':24}{'right':>8}{'unsure':>8}{'wrong':>8}{'merged':>8}")
        for name, annotator in (("first senses", bare), ("rules", ruled)):
            for held_out in (False, True):
                counts = table.score(annotator, table.FITTED, held_out)
                judged = counts["right"] + counts["unsure"] + counts["wrong"]
                label = f"{name}, {'held out' if held_out else 'fitted'}"
                print(f"{label:24}{counts['right']:8}{counts['unsure']:8}{counts['wrong']:8}"
                      f"{counts['merged']:8}")
                share = round(100 * counts["right"] / judged, 1)
                wrong = round(100 * counts["wrong"] / judged, 1)
                target = TARGET_HELD_OUT * 100 if name == "rules" and held_out else None
                report.figure(f"{label}: right", share, "%", ">=" if target else "", target)
                report.figure(f"{label}: wrong", wrong, "%")
        sentences = "\n".join(dict.fromkeys(row[1] for row in table.table()))
        times = {}
        for name, annotator in (("first senses", bare), ("rules", ruled)):
            annotator.annotate(sentences)  # warm the memos
            start = time.perf_counter()
            for _ in range(5):
                annotator.annotate(sentences)
            times[name] = (time.perf_counter() - start) / 5
        ratio = times["rules"] / times["first senses"]
        print(f"annotate the table's sentences: {ratio:.3f} x the time without rules")
        report.figure("time with rules / without", round(ratio, 3), "x")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
