"""Timing a command: wall time, CPU time and peak memory of a child process, and summaries of
repeated measurements."""

from __future__ import annotations

import os
import resource
import signal
import statistics
import subprocess
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from projects import BUILD_TIMEOUT

# ----------------------------------------------------------------------------------------------
# Timing commands
# ----------------------------------------------------------------------------------------------


@dataclass
class Timed:
    """One command run to its end: wall and CPU seconds, its output lines with their times."""

    seconds: float
    cpu_seconds: float
    load_average: float
    status: int
    lines: list[tuple[float, str]] = field(default_factory=list)

    def text(self) -> str:
        """The command's output."""
        return "\n".join(line for _, line in self.lines)


def _stop(process: subprocess.Popen[str]) -> None:
    """Interrupt a timed-out command and its process group, then kill what is left."""
    for signum, grace in ((signal.SIGINT, 30.0), (signal.SIGKILL, 0.0)):
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace or None)
            return
        except subprocess.TimeoutExpired:
            continue


def run_timed(
    command: list[str], *, cwd: Path, env: dict[str, str], timeout: float = BUILD_TIMEOUT
) -> Timed:
    """Run ``command``; its wall time, the CPU time of it and its children, and its output.

    CPU time is the growth of this process's ``RUSAGE_CHILDREN`` (user + system), which counts
    every descendant that has been waited for: kernels, Sphinx, LaTeX.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    lines: list[tuple[float, str]] = []
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        bufsize=1,
        start_new_session=True,
    ) as process:
        watchdog = threading.Timer(timeout, _stop, args=(process,))
        watchdog.start()
        assert process.stdout is not None
        for line in process.stdout:
            lines.append((time.perf_counter() - start, line.rstrip("\n")))
        status = process.wait()
        watchdog.cancel()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(round(seconds, 3), round(cpu, 3), load, status, lines)


def summary(values: Iterable[float]) -> dict[str, float | int]:
    """Median, minimum, maximum and count of ``values`` (rounded)."""
    data = list(values)
    if not data:
        return {"n": 0}
    return {
        "median": round(statistics.median(data), 3),
        "min": round(min(data), 3),
        "max": round(max(data), 3),
        "n": len(data),
    }
