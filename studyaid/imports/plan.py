"""What an import would do: each incoming gloss is new, the same as the learner's, or
in conflict with it. Nothing is written here."""

from __future__ import annotations

from dataclasses import dataclass, field

from studyaid.core.model import Gloss


@dataclass(frozen=True)
class Incoming:
    """One gloss read from a file, with where it was."""

    gloss: Gloss
    line: int


@dataclass
class Plan:
    """The preview: incoming glosses sorted into new, same and conflicting."""

    new: list[Gloss] = field(default_factory=list)
    same: list[Gloss] = field(default_factory=list)
    conflicting: list[tuple[Gloss, Gloss]] = field(default_factory=list)
    """(the learner's, the file's)."""
    repeated: list[Incoming] = field(default_factory=list)
    """Later lines for a word the file already gave (the first one counts)."""

    def to_write(self, overwrite: bool) -> list[Gloss]:
        """The glosses to save: the new ones, and the conflicting ones if asked."""
        return self.new + ([theirs for _, theirs in self.conflicting] if overwrite else [])


def _same(mine: Gloss, theirs: Gloss) -> bool:
    # A file without a reading or a note agrees with the learner's reading or note.
    return (mine.gloss == theirs.gloss
            and (not theirs.reading or mine.reading == theirs.reading)
            and (not theirs.note or mine.note == theirs.note))


def plan(existing: dict[str, Gloss], incoming: list[Incoming]) -> Plan:
    """Sort ``incoming`` against the learner's glosses (``existing``, by word)."""
    result = Plan()
    seen: set[str] = set()
    for item in incoming:
        gloss = item.gloss
        if gloss.word in seen:
            result.repeated.append(item)
            continue
        seen.add(gloss.word)
        mine = existing.get(gloss.word)
        if mine is None:
            result.new.append(gloss)
        elif _same(mine, gloss):
            result.same.append(gloss)
        else:
            # Keep the learner's reading and note where the file has none.
            merged = Gloss(gloss.word, gloss.gloss, gloss.reading or mine.reading,
                           gloss.note or mine.note)
            result.conflicting.append((mine, merged))
    return result


SHOWN = 20
"""Words listed under each heading of a preview: about a screenful."""


def _listed(words: list[str], shown: int) -> list[str]:
    out = [f"    {w}" for w in words[:shown]]
    if len(words) > shown:
        out.append(f"    … and {len(words) - shown} more")
    return out


def preview_lines(result: Plan, path: str, fmt: str, shown: int = SHOWN) -> list[str]:
    """The preview as the command prints it: counts, and under each count the words
    (all, or the first ``shown`` and how many more)."""
    total = len(result.new) + len(result.same) + len(result.conflicting)
    out = [f"{path} ({fmt}): {total} gloss{'es' if total != 1 else ''}",
           f"  new:         {len(result.new)}"]
    out += _listed([f"{g.word}  {g.gloss}" for g in result.new], shown)
    out.append(f"  same:        {len(result.same)} (already glossed so)")
    out += _listed([f"{g.word}  {g.gloss}" for g in result.same], shown)
    out.append(f"  conflicting: {len(result.conflicting)} (glossed otherwise: kept unless"
               " --overwrite)")
    out += _listed([f"{mine.word}: yours {mine.gloss!r}, the file's {theirs.gloss!r}"
                    for mine, theirs in result.conflicting], shown)
    if result.repeated:
        out.append(f"  repeated:    {len(result.repeated)} (a word given again; the first"
                   f" counts, e.g. line {result.repeated[0].line})")
    return out
