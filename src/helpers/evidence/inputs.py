"""Opening the input files: each a regular file under its size limit, refused before it is read
whole; a seed only inside ``seeds/``, never through a path or a symbolic link that leads out.

The limits leave room for data many times the size of the real data (``data/README.md`` says
how much): a table over :data:`MAX_TABLE_BYTES` or a seed over :data:`MAX_SEED_BYTES` is refused
from its size alone, without reading it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

MAX_TABLE_BYTES = 256 * 2**20
"""The largest data table read: 256 MiB (the largest table of the real data is under 100 KiB;
of the benchmark's data 1000 times its size, 94 MiB)."""

MAX_SEED_BYTES = 2**20
"""The largest seed read: 1 MiB, some 200,000 words (the longest article is 22 KB)."""


class Refused(Exception):
    """An input file that is not read; the message says why, after the file's name."""


def size_words(size: int) -> str:
    """A size in bytes as people read it: ``256 MiB``, ``1.5 KiB``, ``12 bytes``."""
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            return f"{size / factor:.4g} {unit}"
    return f"{size} bytes"


def over_limit(size: int, limit: int) -> str:
    """``is 300 MiB, over the limit of 256 MiB``, in bytes when the two read alike."""
    shown, allowed = size_words(size), size_words(limit)
    if shown == allowed:
        shown, allowed = f"{size:,} bytes", f"{limit:,} bytes"
    return f"is {shown}, over the limit of {allowed}"


def read_limited(path: Path, limit: int, what: str, *, follow: bool = True) -> bytes:
    """The bytes of the regular file at ``path``, or :class:`Refused` when it is not a regular
    file or is larger than ``limit`` (``what`` names the kind of file in the message).

    The size is read from the open file before its content, and no more than ``limit`` + 1 bytes
    are ever read, so a file that grows while it is read is refused too. With ``follow`` unset,
    a symbolic link is not opened.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow else os.O_NOFOLLOW)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise Refused("does not exist") from None
    except OSError as err:
        raise Refused(f"cannot be opened ({err.strerror or err})") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("is not a regular file")
        if info.st_size > limit:
            raise Refused(f"{over_limit(info.st_size, limit)} for {what}")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            # as many bytes as it holds, and one more: a file that grew since is seen to
            content = handle.read(info.st_size + 1)
            if len(content) > info.st_size:
                content += handle.read(limit + 1 - len(content))
    finally:
        os.close(descriptor)
    if len(content) > limit:
        raise Refused(f"is over the limit of {size_words(limit)} for {what}")
    return content


def confined(root: Path, value: str, folder: str) -> Path:
    """The file that ``value`` (a path relative to ``root``, as a data cell gives it) names
    inside ``root/folder``, or :class:`Refused` saying why it does not stay there.

    Refused: an empty or absolute path, a control character or a backslash, a ``..``, a path
    that does not begin with ``folder/``, and a symbolic link (anywhere on the path) that leads
    outside the folder. Only the names on the path are looked up; no file is opened.
    """
    valid = f"valid: a path inside {folder}/, such as '{folder}/<file>'"
    if not value or any(ord(char) < 32 or char in "\\\x7f" for char in value):
        raise Refused(f"is not a plain path; {valid}")
    relative = PurePosixPath(value)
    if relative.is_absolute():
        raise Refused(f"is an absolute path; {valid}")
    if ".." in relative.parts:
        raise Refused(f"climbs out of its folder with '..'; {valid}")
    if len(relative.parts) < 2 or relative.parts[0] != folder:
        raise Refused(f"is not inside {folder}/; {valid}")
    inside = (root / folder).resolve()
    try:
        target = (root / relative).resolve()
    except (OSError, RuntimeError):
        raise Refused(f"cannot be resolved (a loop of symbolic links); {valid}") from None
    if not target.is_relative_to(inside):
        raise Refused(f"is a symbolic link that leads outside {folder}/; {valid}")
    return target
