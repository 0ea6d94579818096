"""The study layer is plain Python: it never loads textual or rich, and only
``studyaid.study.scheduler`` imports fsrs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_study_never_imports_the_ui() -> None:
    code = (
        "import sys, pkgutil, importlib, studyaid.study as s\n"
        "for m in pkgutil.iter_modules(s.__path__):\n"
        "    importlib.import_module('studyaid.study.' + m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_only_the_scheduler_imports_fsrs() -> None:
    for path in (ROOT / "studyaid").rglob("*.py"):
        if path.name != "scheduler.py":
            text = path.read_text(encoding="utf-8")
            assert "import fsrs" not in text and "from fsrs" not in text, path
