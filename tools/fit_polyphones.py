"""Fit the weights that combine the polyphone opinions (studyaid/core/nlp/disambiguate.py).

Reads the CPP development split (``../shared/data/cpp-dev``; skips when absent), runs
each sentence through the annotator without the context model (the dictionary's and
pypinyin's readings of each token), asks the context model (g2pM) for the marked
character's probabilities, and fits a conditional logit: a candidate's score is the
weighted sum of its features; the fit maximises the gold readings' likelihood, with an
L2 penalty. Prints accuracy by 5-fold cross-validation (folds by sentence; each fold's
weights fitted on the other four) beside g2pM alone and the dictionary pipeline alone,
then fits on everything and, with ``--write``, stores the weights in
``studyaid/data/polyphone_weights.toml``.

Run: ``python tools/fit_polyphones.py [--write]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from studyaid import paths
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.nlp.disambiguate import (
    FEATURES,
    WEIGHTS_FILE,
    features,
    gather,
    keep_neutral,
    settled,
)
from studyaid.core.nlp.g2p import PolyphoneModel
from studyaid.core.nlp.pinyin import HAN
from studyaid.core.nlp.script import simplified_for_segmentation

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "cpp-dev"
MARK = "\u2581"
L2 = 0.001
FOLDS = 5


class Item:
    """One marked character: its candidates' features and the gold reading's index."""

    def __init__(self, candidates: list[str], matrix: np.ndarray, gold: int,
                 model: str, pipeline: str, agreed: str | None, dictionary: tuple[str, ...]):
        self.candidates = candidates
        self.matrix = matrix
        self.gold = gold  # -1: the gold reading is not a candidate
        self.model = model
        self.pipeline = pipeline
        self.agreed = agreed  # two dictionaries agree: not weighed (see settled())
        self.dictionary = dictionary  # CC-CEDICT's readings here (see keep_neutral())


def collect(limit: int | None) -> tuple[list[Item], int]:
    """Every dev sentence's item (and how many sentences were read)."""
    marked = (DATA / "dev.sent").read_text(encoding="utf-8").splitlines()[:limit]
    golds = [g.strip() for g in (DATA / "dev.lb").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as vocab:
        annotator = build_annotator(Settings(Path(vocab), paths.cache_dir()))
        model = PolyphoneModel()
        asks = []
        for line, gold in zip(marked, golds, strict=False):
            index = line.index(MARK)
            text = line.replace(MARK, "")
            for sentence in annotator.annotate(text):
                if not sentence.start <= index < sentence.end:
                    continue
                token = next(t for t in sentence.tokens if t.start <= index < t.end)
                han = len(HAN.findall(text[token.start:index]))
                asks.append((sentence, token, han, index - sentence.start, gold))
        # As the annotator does: the model reads the simplified form.
        guesses = model.guess([(simplified_for_segmentation(s.text), [p])
                               for s, _, _, p, _ in asks])
    items = []
    for (sentence, token, han, position, gold), [guess] in zip(asks, guesses, strict=True):
        info = token.info
        if not guess.probabilities:
            # Not a polyphone for the model (於 read as 于): the dictionaries' reading
            # stands, counted as it is.
            reading = info.pinyin[han] if han < len(info.pinyin) else ""
            items.append(Item([reading], np.zeros((1, len(FEATURES))),
                              0 if reading == gold else -1, "", reading, reading, ()))
            continue
        opinions = gather(token.text, info.readings, info.pinyin, han,
                          simplified_for_segmentation(sentence.text),
                          position, guess.probabilities, annotator.is_proper_noun(token.text))
        candidates = list(guess.probabilities)
        matrix = np.array([features(c, opinions) for c in candidates])
        items.append(Item(candidates, matrix, candidates.index(gold) if gold in candidates
                          else -1, guess.reading, opinions.token_reading, settled(opinions),
                          opinions.dictionary))
    return items, len(marked)


def _stack(items: list[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features padded to the most candidates (n, k, f), the padding mask, the golds."""
    k = max(len(it.candidates) for it in items)
    x = np.zeros((len(items), k, len(FEATURES)))
    mask = np.zeros((len(items), k), dtype=bool)
    for i, it in enumerate(items):
        x[i, :len(it.candidates)] = it.matrix
        mask[i, :len(it.candidates)] = True
    return x, mask, np.array([it.gold for it in items])


def fit(items: list[Item], steps: int = 1500) -> np.ndarray:
    """Weights maximising the gold readings' log-likelihood (Adam), L2-penalised."""
    # Not fitted on: readings the dictionaries settle, and golds that keep_neutral() turns
    # into the dictionary's neutral tone whatever is chosen (CPP's 认识 shí: the weights
    # only need to choose the syllable there).
    x, mask, gold = _stack([it for it in items if it.gold >= 0 and it.agreed is None
                            and keep_neutral(it.candidates[it.gold], it.dictionary)
                            == it.candidates[it.gold]])
    rows = np.arange(len(gold))
    weights = np.zeros(x.shape[2])
    weights[0] = 1.0  # start from the model alone
    m = np.zeros_like(weights)
    v = np.zeros_like(weights)
    for step in range(1, steps + 1):
        scores = np.where(mask, x @ weights, -np.inf)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        grad = (x[rows, gold] - np.einsum("nk,nkf->nf", p, x)).mean(axis=0) - L2 * weights
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        weights += 0.05 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return weights


def right(items: list[Item], weights: np.ndarray) -> int:
    """How many items are read right (the weights choose where no reading is agreed)."""
    return sum(it.gold >= 0 and (it.agreed or keep_neutral(
        it.candidates[int(np.argmax(it.matrix @ weights))], it.dictionary))
        == it.candidates[it.gold] for it in items)


def main() -> int:
    """Collect, cross-validate, fit, and write with --write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the weights")
    parser.add_argument("--limit", type=int, help="only the first N sentences")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    start = time.perf_counter()
    items, sentences = collect(args.limit)
    print(f"{sentences} sentences, {len(items)} polyphones with candidates "
          f"({time.perf_counter() - start:.0f} s)")
    rng = random.Random(0)
    order = list(range(len(items)))
    rng.shuffle(order)
    folds = [order[k::FOLDS] for k in range(FOLDS)]
    correct = 0
    for k, held in enumerate(folds):
        held_set = set(held)
        weights = fit([items[i] for i in order if i not in held_set])
        correct += right([items[i] for i in held], weights)
        print(f"  fold {k + 1}: {right([items[i] for i in held], weights)}/{len(held)}")
    n = len(items)
    model = sum(it.model == (it.candidates[it.gold] if it.gold >= 0 else None) for it in items)
    pipeline = sum(it.pipeline == (it.candidates[it.gold] if it.gold >= 0 else None)
                   for it in items)
    print(f"accuracy on these polyphones: combined {100 * correct / n:.2f}% (5-fold CV), "
          f"g2pM alone on the simplified text {100 * model / n:.2f}%, dictionary pipeline alone "
          f"{100 * pipeline / n:.2f}%")
    weights = fit(items)
    print(f"fitted on all: {100 * right(items, weights) / n:.2f}% (training accuracy)")
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {name:34s} {w:+.3f}")
    if args.write:
        target = ROOT / "studyaid" / "data" / WEIGHTS_FILE
        lines = ["# Written by tools/fit_polyphones.py from the CPP development split",
                 f"# ({len(items)} polyphones; 5-fold CV accuracy {100 * correct / n:.2f}%).",
                 "# Do not edit by hand: python tools/fit_polyphones.py --write writes it again.",
                 "", "[weights]"]
        lines += [f"{name} = {w:.6f}" for name, w in zip(FEATURES, weights, strict=True)]
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
