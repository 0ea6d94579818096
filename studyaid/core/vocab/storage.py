"""Safe writes for the learner's files: atomic replace and a lock between processes."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from studyaid.core.errors import StudyaidError

Identity = tuple[int, int, int]
"""A file's inode, modification time (ns) and size: it changes when the file is replaced
or written, by this process or another."""
MISSING: Identity = (0, 0, -1)


def identity(path: Path) -> Identity:
    """``path``'s :data:`Identity` (:data:`MISSING` when there is no file)."""
    try:
        stat = path.stat()
    except OSError:
        return MISSING
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


class FileWatch:
    """Notices when files change on disk (another process's write, or a hand edit): a
    few stat calls, cheap enough to run every second or two."""

    def __init__(self, files: dict[str, Path]):
        self.files = files
        self.seen = {name: identity(path) for name, path in files.items()}

    def changed(self) -> set[str]:
        """The names of the files changed since the last call (or since made)."""
        now = {name: identity(path) for name, path in self.files.items()}
        found = {name for name, ident in now.items() if ident != self.seen[name]}
        self.seen = now
        return found


def write_atomic(path: Path, content: str | bytes, *, sweep: bool = False) -> None:
    """Replace ``path`` with ``content``: temp file, fsync, rename, fsync the folder.

    A crash at any moment leaves either the old file or the new one, never a torn one.
    A failure (disk full, read-only folder) raises StudyaidError and leaves the old file.
    ``sweep``: the caller holds the folder's :func:`locked`, so no one else is writing
    ``path`` and a temp file of it is one a killed process left: removed.
    """
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if sweep:
            for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
                stale.unlink(missing_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        else:  # mkstemp makes 0600; a new file gets the usual mode under the umask
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
        tmp_name = None
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        raise StudyaidError(f"cannot save: {failure(exc)}; the old file is unchanged",
                            path) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def failure(exc: OSError) -> str:
    """Why a write failed, in the learner's words."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the folder is on a read-only file system"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (a read-only folder or file?)"
    return exc.strerror or str(exc)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (a ``.lock`` file in it) for a read-modify-write."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StudyaidError(f"cannot lock the folder to save: {failure(exc)}", folder) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def read_lines(path: Path) -> list[str]:
    """The file's lines, or [] if it does not exist; bad bytes are reported with a line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StudyaidError(f"cannot read: {exc.strerror or exc}", path) from None
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(0)) + 1
        raise StudyaidError("NUL byte in a text file", path, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise StudyaidError("invalid UTF-8", path, line) from None
    return text.replace("\r\n", "\n").split("\n")
