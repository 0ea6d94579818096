"""The learner's small TOML settings files (``keymap.toml``, ``library.toml``): read with
problems named ``file:line``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.storage import read_lines

_WHERE = re.compile(r" \(at line (\d+), column \d+\)$| \(at end of document\)$")


def read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The file's settings and its lines ({} and [] when it does not exist)."""
    lines = read_lines(path)
    if not any(line.strip() for line in lines):
        return {}, lines
    try:
        return tomllib.loads("\n".join(lines)), lines
    except tomllib.TOMLDecodeError as exc:
        # tomllib says where at the end, "(at line N, column M)": as file:line instead.
        message = str(exc)
        found = _WHERE.search(message)
        line = None if found is None else (
            int(found.group(1)) if found.group(1) else len(lines))  # "at end of document"
        raise StudyaidError(f"not valid TOML: {_WHERE.sub('', message)}", path, line) from None


def line_of(lines: list[str], key: str) -> int | None:
    """The line that sets ``key`` at the top level (for a file:line message)."""
    for number, line in enumerate(lines, 1):
        if line.split("=", 1)[0].strip().strip('"') == key:
            return number
    return None
