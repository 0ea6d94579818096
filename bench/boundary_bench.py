"""Word boundaries that mislead (issue 14, point 3), on the texts in ../shared/data/texts.

Every story (the BOM/CRLF copies and the raw-wrapped one left out; 祝福 read through the
segmenter's traditional-to-simplified view) is cut twice in this process:

- baseline: plain jieba, precise mode with its HMM (``jieba.Tokenizer().cut``), what
  studyaid used before;
- studyaid: ``Segmenter`` as the program builds it, CC-CEDICT as its known words.

Figures, over Chinese tokens (a token with a Han character; tokens made only of numeral
characters, and numeral words, are left aside, as the team's gold benchmark does):

- crossing: the share of tokens that are not a CC-CEDICT word and whose span cuts
  through a CC-CEDICT word of two or more characters occurring in the text there (the
  word starts inside the token and ends after it, or starts before it and ends inside
  it: jieba's 歌云 in 谷歌云 cuts 谷歌). A proxy for "crosses a gold word boundary":
  CC-CEDICT words also occur where they are not meant (云和 in 谷歌云和), for both
  segmentations alike.
- invented: the share of tokens of two or more characters that neither CC-CEDICT nor
  jieba's dictionary knows (如闰土, 豆撒得): what a learner looks up and does not find.
- speed: segmentation time of the stories repeated to ``--chars`` characters, studyaid
  over the baseline (median of ``--rounds``, alternating).

Targets: crossing and invented below the baseline's; the gold-benchmark goal (≤ 0.15 %
of tokens crossing a gold boundary) is measured by the team apart. Run: ``python
bench/boundary_bench.py [--rounds N] [--chars N]``; skips (exit 0) without the texts.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from report import Report, add_json_option

REPO = Path(__file__).resolve().parents[1]
TEXTS = REPO.parent / "shared" / "data" / "texts"
NUMERALS = frozenset("零〇○一二三四五六七八九十百千万萬亿億两兩几幾半第")
LONGEST = 8


def stories() -> list[str]:
    """The stories' lines, each once."""
    lines = []
    for path in sorted(TEXTS.glob("*.txt")):
        if "utf8bom" not in path.name:
            lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                      if line.strip()]
    return lines


def headwords() -> set[str]:
    """Every CC-CEDICT headword, simplified and traditional."""
    sys.path.insert(0, str(REPO))
    from studyaid.core.dictionary import cedict

    words: set[str] = set()
    for traditional, simplified, _, _ in cedict.parse(cedict.find_source().path):
        words.update((traditional, simplified))
    return words


def is_chinese(token: str) -> bool:
    """Whether ``token`` has a Han character and is not only numerals."""
    return (any("\u4e00" <= c <= "\u9fff" for c in token)
            and not all(c in NUMERALS for c in token))


def count(lines: Iterable[str], cut: Callable[[str], list[str]], seen: Callable[[str], str],
          known: set[str], jieba_words: dict[str, int]) -> tuple[int, int, int]:
    """Chinese tokens, crossing tokens and invented tokens over ``lines``."""
    tokens = crossing = invented = 0
    for line in lines:
        simple = seen(line)
        # Where CC-CEDICT words of two or more characters occur: start -> ends.
        ends: dict[int, list[int]] = {}
        for start in range(len(simple)):
            for length in range(2, min(LONGEST, len(simple) - start) + 1):
                word = simple[start : start + length]
                if word in known and not all(c in NUMERALS for c in word):
                    ends.setdefault(start, []).append(start + length)
        position = 0
        for token in cut(line):
            start, end = position, position + len(token)
            position = end
            if not is_chinese(token):
                continue
            tokens += 1
            word = simple[start:end]
            if len(token) < 2 or word in known:
                continue
            if not jieba_words.get(word):
                invented += 1
            if any(start < s < end < e for s in range(start + 1, end) for e in ends.get(s, ())) \
                    or any(s < start < e < end for s in range(max(0, start - LONGEST), start)
                           for e in ends.get(s, ())):
                crossing += 1
    return tokens, crossing, invented


def main() -> int:
    """Run the benchmark and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chars", type=int, default=300_000)
    add_json_option(parser)
    args = parser.parse_args()
    report = Report("boundary_bench")
    if not TEXTS.is_dir() or not any(TEXTS.glob("*.txt")):
        return report.skip(f"no texts in {TEXTS}", args.json)

    sys.path.insert(0, str(REPO))
    import jieba

    from studyaid.core.nlp.script import simplified_for_segmentation
    from studyaid.core.nlp.segment import Segmenter

    jieba.setLogLevel(logging.WARNING)
    lines = stories()
    known = headwords()
    plain = jieba.Tokenizer()
    plain.initialize()
    segmenter = Segmenter(None, simplified_for_segmentation, known.__contains__)
    segmenter.cut("热身")  # loads jieba's dictionary before anything is timed

    def baseline(line: str) -> list[str]:
        return list(plain.cut(simplified_for_segmentation(line)))

    figures = {}
    for name, cut in (("baseline", baseline), ("studyaid", segmenter.cut)):
        tokens, crossing, invented = count(lines, cut, simplified_for_segmentation, known,
                                           plain.FREQ)
        figures[name] = (100 * crossing / tokens, 100 * invented / tokens)
        print(f"{name:9} {tokens:7,} Chinese tokens  crossing {crossing:5} "
              f"({figures[name][0]:.2f} %)  invented {invented:5} ({figures[name][1]:.2f} %)")

    text = "\n".join(lines)
    text = (text * (args.chars // len(text) + 1))[: args.chars]
    times: dict[str, list[float]] = {"baseline": [], "studyaid": []}
    for _ in range(args.rounds):
        for name, cut in (("baseline", baseline), ("studyaid", segmenter.cut)):
            start = time.perf_counter()
            for line in text.splitlines():
                cut(line)
            times[name].append(time.perf_counter() - start)
    ratio = statistics.median(times["studyaid"]) / statistics.median(times["baseline"])
    print(f"segmentation of {args.chars:,} characters: studyaid / plain jieba = {ratio:.2f}")

    report.figure("crossing, plain jieba (baseline)", figures["baseline"][0], "%")
    report.figure("crossing, studyaid", figures["studyaid"][0], "%", "<=",
                  figures["baseline"][0])
    report.figure("invented, plain jieba (baseline)", figures["baseline"][1], "%")
    report.figure("invented, studyaid", figures["studyaid"][1], "%", "<=",
                  figures["baseline"][1])
    report.figure("segmentation time / plain jieba", ratio, "x")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
