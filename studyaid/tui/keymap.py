"""The learner's own keys: ``keymap.toml`` maps binding ids to keys.

Example (``studyaid locate`` prints where the file lives)::

    # binding id = "keys, comma-separated (Textual key names)"
    word-next = "right,l,n"
    quit = "q,ctrl+q"

Every id is one of the bindings (the ``?`` screen lists them); a file with an
unknown id or a value that is not a string is reported as ``file:line: problem``.
"""

from __future__ import annotations

from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.toml_file import line_of, read_toml
from studyaid.tui.bindings import ALL_BINDINGS

KEYMAP = "keymap.toml"


def load_keymap(path: Path) -> dict[str, str]:
    """Binding id -> keys from ``path`` ({} when it does not exist)."""
    data, lines = read_toml(path)
    known = {binding.id for binding in ALL_BINDINGS}
    keymap: dict[str, str] = {}
    for key, value in data.items():
        if key not in known:
            raise StudyaidError(f"{key!r} is not a binding id (see the ? screen)", path,
                                line_of(lines, key))
        if not isinstance(value, str) or not value.strip():
            raise StudyaidError(f"the keys for {key!r} must be a non-empty string", path,
                                line_of(lines, key))
        keymap[key] = ",".join(k.strip() for k in value.split(","))
    return keymap
