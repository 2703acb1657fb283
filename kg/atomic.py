"""Atomic output: a file is written under a temporary name, then renamed into place.

A build killed at any moment leaves either the previous file or the new one,
never a half-written one.  Inside :func:`atomic_group` the renames of every
file written wait until the group ends, so that a set of outputs (graph,
view, report) is replaced together, not one by one across a long stage.

Temporary files are hidden (``.graph.ttl.HOST.PID.xxxxxxxx.tmp``).  A killed
build cannot remove its own; the next write to the same file removes those of
processes on this host that are no longer running, so they never pile up.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: (temporary file, final path) pairs whose rename waits for the enclosing atomic_group
_PENDING: contextvars.ContextVar[list[tuple[str, Path]] | None] = contextvars.ContextVar("kg_atomic_pending", default=None)
_HOST = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:32] or "host"


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.{_HOST}.{os.getpid()}."


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def remove_stale_temps(path: Path | str) -> list[Path]:
    """Remove the temporary files of ``path`` left by killed processes on this host.

    Args:
        path: A final output file name.

    Returns:
        The temporary files removed.
    """
    path = Path(path)
    head = f".{path.name}.{_HOST}."
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if not (entry.name.startswith(head) and entry.name.endswith(".tmp")):
                continue
            pid = entry.name[len(head) :].split(".", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def atomic_group() -> Iterator[None]:
    """Hold back the renames of every :func:`atomic_open` in the block until it succeeds.

    All the files are then renamed into place one after the other (microseconds
    apart); when the block raises, none is, and their temporary files are removed.
    When a rename fails (a folder in the way of an output), the files already
    renamed get their previous content back before the error is raised.
    Groups nest: an inner group's files are renamed with the outermost one.
    """
    if _PENDING.get() is not None:
        yield
        return
    pending: list[tuple[str, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    finally:
        _PENDING.reset(token)
    _replace_all(pending)


def _replace_all(pending: list[tuple[str, Path]]) -> None:
    """Rename every temporary file onto its path, or (when one rename fails) none: those already
    renamed get their previous content back, and the error is raised."""
    backups: list[Path] = []
    replaced: list[tuple[Path, Path | None]] = []
    try:
        for _, path in pending:  # a folder in the way fails its rename: find it before the first one
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "a folder is in the way of the output file", str(path))
        for tmp, path in pending:
            backup = None
            if path.is_file():  # the previous content stays reachable under another name until all are in place
                backup = path.with_name(f"{_temp_prefix(path)}previous.tmp")
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(backup)
                try:
                    os.link(path, backup)
                except OSError:  # a file system without hard links
                    shutil.copy2(path, backup)
                backups.append(backup)
            os.replace(tmp, path)
            replaced.append((path, backup))
    except BaseException:
        for path, backup in reversed(replaced):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, path)
                else:
                    os.unlink(path)
        for tmp, _ in pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    finally:
        for backup in backups:
            with contextlib.suppress(OSError):
                os.unlink(backup)


@contextlib.contextmanager
def atomic_open(path: Path | str, mode: str = "w", *, encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it onto ``path`` when the block succeeds.

    Inside :func:`atomic_group` the rename waits for the group.

    Args:
        path: The final file name.
        mode: ``"w"`` for text or ``"wb"`` for bytes.
        encoding: Text encoding (ignored for bytes).

    Yields:
        The open temporary file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; outputs are read by other users and stores
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        pending = _PENDING.get()
        if pending is None:
            os.replace(tmp, path)
        else:
            for earlier in [p for p in pending if p[1] == path]:  # written twice in the group: the last one wins
                pending.remove(earlier)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(earlier[0])
            pending.append((tmp, path))
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def written_file(path: Path | str) -> Path:
    """Where the content just written for ``path`` is now: its temporary file while an
    :func:`atomic_group` holds the rename back, else ``path`` itself."""
    path = Path(path)
    pending = _PENDING.get() or []
    return next((Path(tmp) for tmp, final in reversed(pending) if final == path), path)


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    with atomic_open(path, "w") as fh:
        fh.write(text)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)
