"""One build at a time per checkout: an exclusive ``flock`` on a file under ``_build/``."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(path: Path, on_wait: Callable[[], None]) -> Iterator[int]:
    """Hold an exclusive lock on ``path`` for the duration of the block; yields its descriptor.

    When another process holds it, ``on_wait`` is called once and the call blocks until the lock
    is free. The lock belongs to the open file, so processes started with the descriptor passed
    to them keep holding it after this one dies: a later build waits until they are gone too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield descriptor
    finally:
        os.close(descriptor)
