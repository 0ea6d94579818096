"""The learner's own keys: ``keymap.toml`` maps binding ids to keys.

Example (``studyaid locate`` prints where the file lives)::

    # binding id = "keys, comma-separated (Textual key names)"
    word-next = "right,l,n"
    quit = "q,ctrl+q"

Every id is one of the bindings (the ``?`` screen lists them); a file with an
unknown id or a value that is not a string is reported as ``file:line: problem``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import read_lines
from studyaid.tui.bindings import ALL_BINDINGS

KEYMAP = "keymap.toml"


def _line_of(lines: list[str], key: str) -> int | None:
    for number, line in enumerate(lines, 1):
        if line.split("=", 1)[0].strip().strip('"') == key:
            return number
    return None


def load_keymap(path: Path) -> dict[str, str]:
    """Binding id -> keys from ``path`` ({} when it does not exist)."""
    lines = read_lines(path)
    if not lines:
        return {}
    try:
        data = tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError as exc:
        raise StudyaidError(f"not valid TOML: {exc}", path) from None
    known = {binding.id for binding in ALL_BINDINGS}
    keymap: dict[str, str] = {}
    for key, value in data.items():
        if key not in known:
            raise StudyaidError(f"{key!r} is not a binding id (see the ? screen)", path,
                                _line_of(lines, key))
        if not isinstance(value, str) or not value.strip():
            raise StudyaidError(f"the keys for {key!r} must be a non-empty string", path,
                                _line_of(lines, key))
        keymap[key] = ",".join(k.strip() for k in value.split(","))
    return keymap
