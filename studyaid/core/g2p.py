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


class PolyphoneModel:
    """Reads polyphonic characters in context. Loaded on first use (numpy and the
    weights take ~0.2 s), so a process that never asks pays nothing."""

    @cached_property
    def _model(self) -> Any:
        from g2pM import G2pM

        return G2pM()

    @cached_property
    def _class_index(self) -> dict[str, int]:
        return {reading: index for index, reading in self._model.idx2class.items()}

    def readings(self, char: str) -> list[str]:
        """The readings g2pM knows for ``char`` (from its CC-CEDICT digest)."""
        known = self._class_index
        return [r for r in self._model.cedict.get(char, ()) if r in known]

    def is_polyphone(self, char: str) -> bool:
        """Whether ``char`` has more than one reading to choose from."""
        return len(self.readings(char)) > 1

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

    def _batch(self, requests: list[tuple[str, list[int]]]) -> list[list[Guess]]:
        import numpy as np

        model = self._model
        char2idx = model.char2idx
        unknown = char2idx["<UNK>"]
        rows = [
            [char2idx["시"], *(char2idx.get(c, unknown) for c in sentence), char2idx["끝"]]
            for sentence, _ in requests
        ]
        width = max(len(r) for r in rows)
        inputs = np.zeros((len(rows), width), dtype=np.int32)
        for i, row in enumerate(rows):
            inputs[i, : len(row)] = row
        lengths = [len(r) for r in rows]
        forward_in = model.get_embedding(inputs)
        backward_in = model.get_embedding(model.reverse_sequence(inputs, lengths))
        forward = backward = None
        forward_out, backward_out = [], []
        for step in range(width):
            forward = model.fw_lstm_cell(forward_in[:, step, :], forward)
            backward = model.bw_lstm_cell(backward_in[:, step, :], backward)
            forward_out.append(forward[0])
            backward_out.append(backward[0])
        backward_h = model.reverse_sequence(np.stack(backward_out, axis=1), lengths)
        hidden = np.concatenate([np.stack(forward_out, axis=1), backward_h], axis=2)
        results = []
        for i, (sentence, positions) in enumerate(requests):
            # +1: the sentence starts after the begin-of-sentence marker.
            logits = model.fc_layer(hidden[i, [p + 1 for p in positions], :])
            results.append(
                [self._choose(sentence[p], row) for p, row in zip(positions, logits, strict=True)]
            )
        return results

    def _choose(self, char: str, logits: Any) -> Guess:
        import numpy as np

        candidates = self.readings(char)
        if not candidates:
            return Guess("", 0.0)
        scores = np.array([logits[self._class_index[c]] for c in candidates])
        order = np.argsort(-scores)
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        best = probabilities[order[0]]
        second = probabilities[order[1]] if len(order) > 1 else 0.0
        return Guess(candidates[int(order[0])], float(best - second))
