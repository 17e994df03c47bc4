"""Child processes of the build: each in its own session, all stopped together on interrupt."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path


class ChildProcesses:
    """Starts the build's tools and remembers them until they end, so they can be stopped.

    Each child leads its own session (a Ctrl-C at the terminal reaches only the build, which then
    stops the children and their kernels), and inherits the descriptors in ``keep_open`` (the
    build lock), so that a later build waits for children that outlive a killed build.
    """

    def __init__(self, keep_open: Sequence[int] = ()) -> None:
        self.keep_open = tuple(keep_open)
        self._running: set[subprocess.Popen[bytes]] = set()
        self._guard = threading.Lock()
        self._stopping = False

    def run(
        self, command: Sequence[str], *, cwd: Path, environment: dict[str, str], log: Path
    ) -> int:
        """Run ``command`` to its end with its output going to ``log``; its exit status."""
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("wb") as output, self._guard:
            if self._stopping:
                return -signal.SIGTERM
            child = subprocess.Popen(
                list(command),
                cwd=cwd,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                pass_fds=self.keep_open,
            )
            self._running.add(child)
        try:
            return child.wait()
        finally:
            with self._guard:
                self._running.discard(child)

    def stop_all(self, grace: float = 5.0) -> None:
        """Stop every running child and its process group: SIGTERM, then SIGKILL after ``grace``."""
        with self._guard:
            self._stopping = True
            children = list(self._running)
        for child in children:
            _signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for child in children:
            try:
                child.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(child, signal.SIGKILL)
                child.wait()


def _signal_group(child: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signum)
