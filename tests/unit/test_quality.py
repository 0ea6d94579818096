"""The one command runs every check: ruff, mypy, and the core's independence of the UI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.prefix) / "bin/ruff").exists(),
                    reason="ruff not installed")
def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.prefix) / "bin/ruff")
    folders = [d for d in ("studyaid", "tests", "bench") if (ROOT / d).is_dir()]
    result = subprocess.run([ruff, "check", *folders], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    pytest.importorskip("mypy")
    result = subprocess.run([sys.executable, "-m", "mypy", "studyaid"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_never_imports_the_ui() -> None:
    code = (
        "import sys, pkgutil, importlib, studyaid.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('studyaid.core.' + m.name)\n"
        "import studyaid.cli\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_reader_paints_without_the_heavy_libraries() -> None:
    # The reader's own process shows cached annotations: jieba, pypinyin, numpy (g2pM)
    # and fsrs load in the annotation process or on first use, never before the paint.
    code = (
        "import sys, studyaid.cli, studyaid.tui.app\n"
        "heavy = [m for m in ('jieba', 'pypinyin', 'numpy', 'g2pM', 'fsrs', 'genanki')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


LAYERS = ["core", "study", "imports", "export", "tui", "cli"]
"""Lowest first: a layer imports only from itself and the layers before it."""
BASE = {"studyaid", "studyaid.paths", "studyaid.core"}


def _layer(module: str) -> int:
    parts = module.split(".")
    if module in BASE or len(parts) < 2:
        return 0
    name = parts[1]
    return LAYERS.index(name) if name in LAYERS else 0


def test_layers_import_downward_only() -> None:
    import ast

    upward = []
    for path in sorted((ROOT / "studyaid").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if module.endswith(".__main__"):
            continue
        own = _layer(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                if name.startswith("studyaid") and _layer(name) > own:
                    upward.append(f"{module} imports {name}")
    assert not upward, upward
