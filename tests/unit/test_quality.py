"""The one command runs every check: ruff, mypy, and the core's independence of the UI."""

from __future__ import annotations

import os
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
    folders = [d for d in ("studyaid", "tests", "bench", "tools") if (ROOT / d).is_dir()]
    result = subprocess.run([ruff, "check", *folders], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    pytest.importorskip("mypy")
    result = subprocess.run([sys.executable, "-m", "mypy", "studyaid"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("package", "also"), [
    ("core", "import studyaid.cli\n"),  # the command line loads the UI only to run it
    ("study", ""),
])
def test_headless_packages_never_import_the_ui(package: str, also: str) -> None:
    code = (
        f"import sys, pkgutil, importlib, studyaid.{package} as p\n"
        f"for m in pkgutil.walk_packages(p.__path__, 'studyaid.{package}.'):\n"
        "    importlib.import_module(m.name)\n"
        f"{also}"
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
CORE_ROOMS = ["errors", "nlp", "model", "vocab", "text", "dictionary", "output", "engine"]
"""The rooms of ``studyaid.core``, lowest first, ranked the same way."""
BASE = {"studyaid", "studyaid.paths", "studyaid.registry", "studyaid.core"}


def _rank(module: str) -> tuple[int, int]:
    parts = module.split(".")
    if module in BASE or len(parts) < 2:
        return (0, 0)
    name = parts[1]
    layer = LAYERS.index(name) if name in LAYERS else 0
    room = CORE_ROOMS.index(parts[2]) if name == "core" and len(parts) > 2 else 0
    return (layer, room if layer == 0 else 0)


def _imports() -> dict[str, set[str]]:
    """Every module of the package and the studyaid modules it imports (resolved)."""
    import ast

    graph: dict[str, set[str]] = {}
    for path in sorted((ROOT / "studyaid").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        if module.endswith(".__main__"):
            continue
        graph[module] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                       and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                       for n in ast.walk(block)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue  # an import for the type checker only: no arrow at run time
            if isinstance(node, ast.ImportFrom) and node.module:
                graph[module].add(node.module)
                graph[module].update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                graph[module].update(a.name for a in node.names)
    return {m: {n for n in names if n in graph and n != m} for m, names in graph.items()}


def test_layers_and_core_rooms_import_downward_only() -> None:
    upward = [f"{module} imports {name}" for module, names in _imports().items()
              for name in names if _rank(name) > _rank(module)]
    assert not upward, upward


def test_no_module_imports_itself_in_a_circle() -> None:
    graph = _imports()
    circles = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for name in sorted(graph[module]):
            if name.rsplit(".", 1)[0] == module or module.startswith(name + "."):
                continue  # a package and its own modules
            if state.get(name) == 1:
                circles.append(" -> ".join(trail[trail.index(name):] + [name]))
            elif name not in state:
                visit(name, trail + [name])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles, circles


def test_no_folder_holds_more_than_a_dozen_modules_and_each_package_has_a_map() -> None:
    for folder in (ROOT / "studyaid").rglob("__init__.py"):
        modules = [p for p in folder.parent.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 13, f"{folder.parent}: {len(modules)} modules"
        assert folder.read_text(encoding="utf-8").lstrip().startswith('"""'), folder


# -- Nothing a learner can hand us is executed; nothing goes on the network ---------------

# Loading pickled (or shelved) data runs code the data names; eval and exec run text.
UNSAFE_MODULES = {"pickle", "_pickle", "cPickle", "shelve", "dill", "cloudpickle", "jsonpickle"}
UNSAFE_CALLS = {"eval", "exec", "__import__"}
# Modules that open connections. (socket and ssl themselves load with asyncio and
# importlib.metadata, under Textual and the stdlib, and are checked at run time below.)
NETWORK_MODULES = {"socket", "ssl", "http", "urllib.request", "requests", "httpx", "urllib3",
                   "aiohttp", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc",
                   "websockets", "paramiko"}


def _imports_and_calls() -> list[tuple[str, int, str, str]]:
    """Every (file, line, "import"|"call", name) in studyaid/."""
    import ast

    found = []
    for path in sorted((ROOT / "studyaid").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(where, node.lineno, "import", a.name) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.append((where, node.lineno, "import", node.module))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                found.append((where, node.lineno, "call", node.func.id))
    return found


def _is(name: str, modules: set[str]) -> bool:
    return any(name == m or name.startswith(m + ".") for m in modules)


def test_no_pickle_eval_or_exec_in_the_package() -> None:
    bad = [f"{f}:{line}: {kind} {name}" for f, line, kind, name in _imports_and_calls()
           if (kind == "import" and _is(name, UNSAFE_MODULES))
           or (kind == "call" and name in UNSAFE_CALLS)]
    assert not bad, bad


def test_the_package_never_imports_a_network_module() -> None:
    bad = [f"{f}:{line}: import {name}" for f, line, kind, name in _imports_and_calls()
           if kind == "import" and _is(name, NETWORK_MODULES)]
    assert not bad, bad


def test_annotate_and_the_reader_open_no_connection(tmp_path: Path) -> None:
    # Every way out of the machine raises; annotate a text and run the reader on it
    # (annotation done); no client library is even loaded.
    code = (
        "import asyncio, io, contextlib, socket, sys\n"
        "def refuse(*a, **k): raise AssertionError('network access')\n"
        "socket.socket.connect = socket.socket.connect_ex = refuse\n"
        "socket.create_connection = socket.getaddrinfo = refuse\n"
        "from studyaid import cli, paths\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert cli.main(['annotate']) == 0\n"
        "from studyaid.core.engine.process import InProcessEngine\n"
        "from studyaid.core.text.loader import decode_bytes\n"
        "from studyaid.core.engine.services import Settings\n"
        "from studyaid.tui.app import ReaderApp\n"
        "text = decode_bytes(paths.seed_text().encode(), 'seed')\n"
        "settings = Settings(paths.vocab_dir(), paths.cache_dir())\n"
        "async def run():\n"
        "    app = ReaderApp(settings, text, 'seed', InProcessEngine(settings, text.content))\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause(); await app.workers.wait_for_complete()\n"
        "        assert app.reader.state.sentence.tokens\n"
        "asyncio.run(run())\n"
        "clients = ('urllib.request', 'http.client', 'requests', 'httpx', 'urllib3',\n"
        "           'aiohttp', 'ftplib', 'smtplib', 'xmlrpc.client')\n"
        "loaded = [m for m in clients if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    env = {**os.environ, "STUDYAID_VOCAB": str(tmp_path / "vocab")}
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True,
                   timeout=120)
