"""Only ``studyaid.study.scheduler`` imports fsrs (that the study layer never loads
textual or rich is checked with core's, in test_quality.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_only_the_scheduler_imports_fsrs() -> None:
    for path in (ROOT / "studyaid").rglob("*.py"):
        if path.name != "scheduler.py":
            text = path.read_text(encoding="utf-8")
            assert "import fsrs" not in text and "from fsrs" not in text, path
