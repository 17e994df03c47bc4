"""File primitives of the build: content hashes and writes that never leave half a file."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

SKIPPED_NAMES = frozenset({"__pycache__", ".ipynb_checkpoints", ".DS_Store"})
"""Names of files and folders that are never inputs (caches of tools)."""

FILE_MODE = 0o644
"""Permissions of the files the build writes (temporary files are created private)."""


def sha256_file(path: Path) -> str:
    """The SHA-256 hex digest of the file at ``path``."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_files(folder: Path) -> Iterator[Path]:
    """Every file below ``folder`` in a stable order, tool caches and ``*.pyc`` left out."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if SKIPPED_NAMES.intersection(relative.parts) or path.suffix == ".pyc":
            continue
        if path.is_file():
            yield path


def tree_hashes(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file below ``folder``, keyed by its POSIX path relative to it."""
    return {path.relative_to(folder).as_posix(): sha256_file(path) for path in tree_files(folder)}


def sha256_tree(folder: Path) -> str:
    """One digest of the names and contents of every file below ``folder``."""
    digest = hashlib.sha256()
    for name, file_digest in tree_hashes(folder).items():
        digest.update(f"{name}\0{file_digest}\n".encode())
    return digest.hexdigest()


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` so that readers see the old file or the new, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` atomically unless ``path`` already holds it; True when written.

    Unchanged files keep their modification time, so Sphinx does not read them again.
    """
    if path.is_file() and path.read_bytes() == content:
        return False
    write_atomic(path, content)
    return True


def copy_atomic(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically (the copy is complete or absent)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_tree(path: Path) -> None:
    """Remove a file or a folder and everything in it, if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
