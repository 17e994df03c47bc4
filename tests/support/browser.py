"""What the browser tests share: a static server on loopback, Debian's Chromium driven by
Playwright, a JupyterLab server, and the poppler tools for the PDF.

Everything here is a context manager that stops what it started, whatever happens in between.
Playwright never downloads a browser of its own: it drives ``/usr/bin/chromium`` (Debian's
``chromium`` package, installed by ``make test``) with a fresh profile for every launch.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
NAVIGATION_TIMEOUT_MS = 30_000
POPPLER_TOOLS = ("pdftoppm", "pdftotext", "pdfimages", "pdfinfo")
"""Debian's poppler-utils, installed by ``make test``."""


def require_chromium() -> None:
    """Skip the calling test when Chromium or Playwright is missing (``make test`` has both)."""
    pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")


def require_poppler() -> None:
    """Skip the calling test when poppler-utils is missing (``make test`` installs it)."""
    missing = [tool for tool in POPPLER_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} missing: install poppler-utils (make test does)")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ----------------------------------------------------------------------------------------------
# A static web server for the built site
# ----------------------------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files; records every request and its status instead of printing them."""

    log: list[tuple[str, int]]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        with contextlib.suppress(ValueError, TypeError):
            self.log.append((self.path, int(code)))

    def handle(self) -> None:
        # A browser that drops a connection (a page left before its images loaded) is not
        # an error of the site.
        with contextlib.suppress(ConnectionError):
            super().handle()


@dataclass
class StaticSite:
    """A folder served over HTTP on 127.0.0.1."""

    root: Path
    base_url: str
    requests: list[tuple[str, int]] = field(default_factory=list)

    def url(self, relative: str = "") -> str:
        """The URL of a file of the site, given relative to its root."""
        return self.base_url + relative.lstrip("/")

    def relative(self, url: str) -> str:
        """The path of ``url`` relative to the site's root (no query, no fragment)."""
        assert url.startswith(self.base_url), url
        return url[len(self.base_url) :].split("#", 1)[0].split("?", 1)[0]


@contextlib.contextmanager
def serve_folder(root: Path) -> Iterator[StaticSite]:
    """Serve ``root`` on a free port of 127.0.0.1 until the block ends."""
    requests: list[tuple[str, int]] = []
    handler = type("Handler", (_QuietHandler,), {"log": requests})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="static-site", daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        yield StaticSite(root, f"http://127.0.0.1:{port}/", requests)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# ----------------------------------------------------------------------------------------------
# Chromium
# ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def chromium_context(**options: object) -> Iterator[object]:
    """A Playwright browser context of headless Chromium with a fresh profile.

    Yields a ``playwright.sync_api.BrowserContext``; the browser is closed and its profile
    removed when the block ends.
    """
    require_chromium()
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile,
        sync_playwright() as pw,
    ):
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            **options,
        )
        try:
            context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
            yield context
        finally:
            context.close()


@dataclass
class PageLog:
    """What a page reported while it was open: console errors, page errors, failed requests,
    dialogs."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Every console error, uncaught exception and failed request, as one line each."""
        return [
            *(f"console error: {m}" for m in self.console_errors),
            *(f"uncaught exception: {m}" for m in self.page_errors),
            *(f"failed request: {m}" for m in self.failed_requests),
        ]

    def clear(self) -> None:
        for entries in (self.console_errors, self.page_errors, self.failed_requests, self.dialogs):
            entries.clear()


def watch(page: object) -> PageLog:
    """Record what ``page`` (a Playwright page) reports; dialogs are recorded and dismissed."""
    log = PageLog()

    def on_console(message: object) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            log.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_response(response: object) -> None:
        if response.status >= 400:
            log.failed_requests.append(f"{response.status} {response.url}")

    def on_failed(request: object) -> None:
        log.failed_requests.append(f"{request.failure} {request.url}")

    def on_dialog(dialog: object) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.on("dialog", on_dialog)
    return log


# ----------------------------------------------------------------------------------------------
# JupyterLab
# ----------------------------------------------------------------------------------------------

LAB_START_TIMEOUT = 120


@dataclass
class LabServer:
    """A running ``jupyter lab`` server."""

    base_url: str
    token: str
    process: subprocess.Popen[bytes]
    log: Path

    def url(self, path: str) -> str:
        """The URL of a Lab path (``lab/tree/…``), with the token."""
        return f"{self.base_url}{path}?token={self.token}"

    def output(self) -> str:
        """What the server has printed so far."""
        return self.log.read_text(errors="replace") if self.log.is_file() else ""


def lab_kernel_setup(makefile: Path) -> list[str]:
    """The ``ipykernel install`` arguments of the Makefile's ``lab`` target, as a list.

    The test runs exactly what ``make lab`` runs, so the two cannot drift apart.
    """
    text = makefile.read_text(encoding="utf-8").replace("\\\n", " ")
    target = re.search(r"^lab:.*\n((?:\t.*\n?)+)", text, re.MULTILINE)
    assert target, f"{makefile} has no lab target"
    install = re.search(r"-m ipykernel install(?P<args>[^>\n]*)", target.group(1))
    assert install, "the lab target installs no kernel with ipykernel"
    args = re.findall(r'"[^"]*"|\S+', install.group("args"))
    return [arg.strip('"') for arg in args]


def stop_process(process: subprocess.Popen[bytes], timeout: float = 20) -> None:
    """Stop ``process`` and the process group it leads: SIGTERM, then SIGKILL."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)


@contextlib.contextmanager
def jupyter_lab(
    root_dir: Path, work_dir: Path, cwd: Path, settings: dict[str, dict] | None = None
) -> Iterator[LabServer]:
    """``jupyter lab --no-browser`` on a free port of 127.0.0.1, with a token.

    Its settings (``settings``: file name under the settings folder → its content), workspaces,
    data and runtime files live in ``work_dir``, so nothing of the user's own JupyterLab set-up
    is read or changed; kernels are found as ``make lab`` installs them (in the environment's
    prefix). The server, and every kernel it started, is stopped when the block ends.
    """
    port = free_port()
    token = os.urandom(16).hex()
    for name in ("settings", "workspaces", "runtime", "config", "data", "ipython", "matplotlib"):
        (work_dir / name).mkdir(parents=True, exist_ok=True)
    for name, content in (settings or {}).items():
        file = work_dir / "settings" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(content), encoding="utf-8")
    environment = dict(
        os.environ,
        JUPYTER_RUNTIME_DIR=str(work_dir / "runtime"),
        JUPYTER_CONFIG_DIR=str(work_dir / "config"),
        JUPYTER_DATA_DIR=str(work_dir / "data"),
        IPYTHONDIR=str(work_dir / "ipython"),
        MPLCONFIGDIR=str(work_dir / "matplotlib"),
        JUPYTERLAB_SETTINGS_DIR=str(work_dir / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(work_dir / "workspaces"),
    )
    command = [
        str(Path(sys.executable).with_name("jupyter")),
        "lab",
        "--no-browser",
        f"--ServerApp.root_dir={root_dir}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    # matplotlib builds its font cache on first import, and says so on stderr when that takes a
    # while: built here first, so that no cell of the notebook shows it.
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env=environment,
        capture_output=True,
        timeout=600,
        check=False,
    )
    log = work_dir / "lab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = LabServer(f"http://127.0.0.1:{port}/", token, process, log)
    try:
        deadline = time.monotonic() + LAB_START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise AssertionError(
                    f"jupyter lab exited with {process.returncode}:\n{server.output()}"
                )
            try:
                with urllib.request.urlopen(server.url("api/status"), timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"jupyter lab did not start:\n{server.output()}")
            time.sleep(0.5)
        yield server
    finally:
        stop_process(process)


# ----------------------------------------------------------------------------------------------
# The PDF
# ----------------------------------------------------------------------------------------------


def run_tool(*command: str | Path, timeout: float = 300) -> str:
    """Run a command line tool; its standard output (it must succeed)."""
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{command[0]} failed ({result.returncode}): {result.stderr}"
    return result.stdout
