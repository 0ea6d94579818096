"""Polyphone disambiguation in context: the one module that talks to g2pM.

g2pM (Apache-2.0; a small BiLSTM trained on the CPP polyphone benchmark, numpy only,
its weights inside the package) reads a character from its sentence. We use its own
layers, with two changes to how its output is read:

- many sentences in one forward pass (padded), which is what makes a long text
  affordable; g2pM itself reads one sentence at a time;
- the choice is limited to the readings the character has (g2pM's argmax over all 876
  classes can give 的 a reading like ge3 after Latin letters), and the margin between
  the best two is returned, so a close call can be shown as one.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import cached_property
from typing import Any

BATCH = 128
"""Sentences per forward pass: larger batches amortise numpy's per-call cost."""


@dataclass(frozen=True)
class Guess:
    """The reading chosen for one character, and how sure the model was."""

    reading: str
    """Numbered, CC-CEDICT style (``le5``, ``lu:4``)."""
    margin: float
    """Probability of the best reading minus the second best, among the char's own."""
    probabilities: dict[str, float]
    """Every reading of the char with the model's probability (among the char's own)."""


class PolyphoneModel:
    """Reads polyphonic characters in context. Loaded on first use (numpy and the
    weights take ~0.2 s), so a process that never asks pays nothing."""

    @cached_property
    def _model(self) -> Any:
        _one_blas_thread()
        from g2pM import G2pM

        return G2pM()

    @cached_property
    def _class_index(self) -> dict[str, int]:
        return {reading: index for index, reading in self._model.idx2class.items()}

    @cached_property
    def _readings(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """Each polyphone's readings with their class indexes (one reading: no entry)."""
        known = self._class_index
        table = {}
        for char, readings in self._model.cedict.items():
            found = tuple((r, known[r]) for r in readings if r in known)
            if len(found) > 1:
                table[char] = found
        return table

    def readings(self, char: str) -> list[str]:
        """The readings g2pM chooses among for ``char`` (from its CC-CEDICT digest):
        none when it has only one."""
        return [r for r, _ in self._readings.get(char, ())]

    def is_polyphone(self, char: str) -> bool:
        """Whether ``char`` has more than one reading to choose from."""
        return char in self._readings

    def guess(self, requests: list[tuple[str, list[int]]]) -> list[list[Guess]]:
        """For each ``(sentence, positions)``, a Guess per position (same order)."""
        # Sentences of like length together: less padding in each forward pass.
        order = sorted(range(len(requests)), key=lambda i: len(requests[i][0]))
        out: list[list[Guess]] = [[] for _ in requests]
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            for i, guesses in zip(chosen, self._batch([requests[i] for i in chosen]),
                                  strict=True):
                out[i] = guesses
        return out

    @cached_property
    def _weights(self) -> dict[str, Any]:
        """g2pM's LSTM weights in float32, the input projections transposed once."""
        import numpy as np

        m = self._model
        f32 = np.float32
        return {
            "embeddings": m.embeddings.astype(f32),
            "forward_ih": m.weight_ih.T.astype(f32), "forward_hh": m.weight_hh.T.astype(f32),
            "forward_bias": (m.bias_ih + m.bias_hh).astype(f32),
            "backward_ih": m.weight_ih_reverse.T.astype(f32),
            "backward_hh": m.weight_hh_reverse.T.astype(f32),
            "backward_bias": (m.bias_ih_reverse + m.bias_hh_reverse).astype(f32),
        }

    def _batch(self, requests: list[tuple[str, list[int]]]) -> list[list[Guess]]:
        import numpy as np

        model = self._model
        w = self._weights
        char2idx = model.char2idx
        unknown = char2idx["<UNK>"]
        rows = [
            [char2idx["시"], *(char2idx.get(c, unknown) for c in sentence), char2idx["끝"]]
            for sentence, _ in requests
        ]
        width = max(len(r) for r in rows)
        forward_ids = np.zeros((len(rows), width), dtype=np.int32)
        backward_ids = np.zeros((len(rows), width), dtype=np.int32)
        for i, row in enumerate(rows):
            forward_ids[i, : len(row)] = row
            backward_ids[i, : len(row)] = row[::-1]
        # The input projections of every step at once; each step then adds only its
        # recurrent part (g2pM's own cells project one step at a time, in float64).
        forward_x = w["embeddings"][forward_ids] @ w["forward_ih"] + w["forward_bias"]
        backward_x = w["embeddings"][backward_ids] @ w["backward_ih"] + w["backward_bias"]
        forward_out = _lstm(forward_x, w["forward_hh"])
        backward_out = _lstm(backward_x, w["backward_hh"])
        # Every position's hidden state in the batch, through the output layer at once.
        # +1: the sentence starts after the begin-of-sentence marker; the backward pass
        # read row i reversed, so step t of the row is its step len - 1 - t.
        row_of = [i for i, (_, positions) in enumerate(requests) for _ in positions]
        steps = [p + 1 for _, positions in requests for p in positions]
        back = [len(rows[i]) - 1 - t for i, t in zip(row_of, steps, strict=True)]
        hidden = np.concatenate([forward_out[row_of, steps], backward_out[row_of, back]], axis=1)
        logits = model.fc_layer(hidden.astype(np.float64))
        results: list[list[Guess]] = []
        at = 0
        for sentence, positions in requests:
            results.append([self._choose(sentence[p], logits[at + k])
                            for k, p in enumerate(positions)])
            at += len(positions)
        return results

    def _choose(self, char: str, logits: Any) -> Guess:
        candidates = self._readings.get(char)
        if not candidates:
            return Guess("", 0.0, {})
        scores = logits[[index for _, index in candidates]].tolist()
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        probabilities = {r: e / total for (r, _), e in zip(candidates, exps, strict=True)}
        ranked = sorted(probabilities.values(), reverse=True)
        best = max(probabilities, key=probabilities.__getitem__)
        return Guess(best, ranked[0] - ranked[1], probabilities)


def _lstm(inputs: Any, recurrent: Any) -> Any:
    """The hidden states of one LSTM direction over ``inputs`` (batch, steps, 4 x hidden:
    the input projections with both biases), gates in PyTorch's order (i, f, g, o)."""
    import numpy as np

    batch, steps, four = inputs.shape
    size = four // 4
    h = np.zeros((batch, size), dtype=np.float32)
    c = np.zeros((batch, size), dtype=np.float32)
    out = np.empty((batch, steps, size), dtype=np.float32)
    for t in range(steps):
        gates = inputs[:, t] + h @ recurrent
        sig = 1.0 / (1.0 + np.exp(-gates[:, : 2 * size]))
        c = sig[:, size:] * c + sig[:, :size] * np.tanh(gates[:, 2 * size : 3 * size])
        h = np.tanh(c) / (1.0 + np.exp(-gates[:, 3 * size :]))
        out[:, t] = h
    return out


def _one_blas_thread() -> None:
    """Keep numpy's BLAS on one thread (set before numpy is first imported).

    The model's matrices are tiny (32 hidden units): BLAS threads only add their
    hand-offs, and on a busy machine they spin against the annotation itself. Measured on
    36,000 characters of Lu Xun: the polyphone model took 0.4 s with one thread, 6.4 s
    with two."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
