"""Compile the staged book with Jupyter Book: HTML, and LaTeX turned into a PDF by xelatex.

Jupyter Book runs in a child process
(``python -m helpers.build.jupyter_book BUILDER SOURCE OUTPUT DOCTREES``)
with warnings as errors, nit-picky references and ``--keep-going``, so that every warning of a
build is listed before it fails.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from helpers.build.files import copy_atomic
from helpers.build.processes import ChildProcesses
from helpers.evidence.location import CONFIG_FILE, TOC_FILE

PDF_TOOLS = ("xelatex", "latexmk", "xindy", "make")
"""Programs the PDF needs (Debian: texlive-xetex latexmk xindy make)."""

LATEX_DOCUMENT = "book"
"""The LaTeX target name set in ``_config.yml`` (``latex_documents: targetname: book.tex``)."""

MAX_SHOWN_LINES = 30
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
SPHINX_PROBLEM = re.compile(r"\b(WARNING|ERROR|CRITICAL|SEVERE)\b|Exception|Error:")
LATEX_PROBLEM = re.compile(r"^!|Error")


@dataclass
class BookResult:
    """How one Jupyter Book step ended: ``problem`` is None on success."""

    seconds: float
    problem: str | None = None
    details: list[str] = field(default_factory=list)


def missing_pdf_tools() -> list[str]:
    """The programs the PDF needs that are not installed."""
    return [tool for tool in PDF_TOOLS if shutil.which(tool) is None]


def _sphinx_command(
    builder: str, source: Path, output: Path, doctrees: Path, fresh: bool
) -> list[str]:
    command = [sys.executable, "-m", "helpers.build.jupyter_book", builder]
    command += [str(source), str(output), str(doctrees)]
    return [*command, "--fresh"] if fresh else command


def _problem_lines(log: Path, pattern: re.Pattern[str]) -> list[str]:
    """The lines of ``log`` that report problems, without terminal colours."""
    try:
        text = ANSI_ESCAPE.sub("", log.read_text(errors="replace"))
    except OSError:
        return []
    lines = [line.rstrip() for line in text.splitlines() if pattern.search(line)]
    return lines[:MAX_SHOWN_LINES]


_BUILDER_OUTPUT = {"html": "the HTML", "latex": "the LaTeX for the PDF"}


@dataclass(frozen=True)
class JupyterBook:
    """Runs Jupyter Book's Sphinx build for one builder at a time, in a child process started
    with ``children`` in ``environment``."""

    children: ChildProcesses
    environment: dict[str, str]

    def sphinx(
        self, builder: str, source: Path, output: Path, doctrees: Path, *, fresh: bool, log: Path
    ) -> BookResult:
        """Compile the staged book in ``source`` with the Sphinx ``builder`` (``html`` or
        ``latex``) into ``output``; ``fresh`` reads every page again."""
        started = time.monotonic()
        status = self.children.run(
            _sphinx_command(builder, source, output, doctrees, fresh),
            cwd=source,
            environment=self.environment,
            log=log,
        )
        seconds = time.monotonic() - started
        if status == 0:
            return BookResult(seconds)
        return BookResult(
            seconds,
            problem=f"Jupyter Book could not build {_BUILDER_OUTPUT[builder]} (status {status})",
            details=_problem_lines(log, SPHINX_PROBLEM),
        )

    def html(
        self, source: Path, output: Path, doctrees: Path, *, fresh: bool, log: Path
    ) -> BookResult:
        """Compile the staged book in ``source`` to HTML in ``output``."""
        result = self.sphinx("html", source, output, doctrees, fresh=fresh, log=log)
        if result.problem is None and not (output / "index.html").is_file():
            result.problem = "Jupyter Book could not build the HTML (status 0)"
            result.details = _problem_lines(log, SPHINX_PROBLEM)
        return result

    def pdf(
        self, source: Path, latex_dir: Path, doctrees: Path, pdf: Path, *, fresh: bool, log: Path
    ) -> BookResult:
        """Compile the staged book in ``source`` to LaTeX in ``latex_dir``, then to ``pdf``."""
        started = time.monotonic()
        result = self.sphinx("latex", source, latex_dir, doctrees, fresh=fresh, log=log)
        if result.problem is not None:
            return result
        produced = latex_dir / f"{LATEX_DOCUMENT}.pdf"
        produced.unlink(missing_ok=True)
        tex_environment = dict(
            self.environment,
            LATEXMKOPTS="-silent",
            LATEXOPTS="-interaction=nonstopmode -halt-on-error",
        )
        tex_log = log.with_name(log.stem + "-xelatex.log")
        status = self.children.run(
            ["make", "all-pdf"], cwd=latex_dir, environment=tex_environment, log=tex_log
        )
        seconds = time.monotonic() - started
        if status != 0 or not produced.is_file():
            return BookResult(
                seconds,
                problem=f"xelatex could not build the PDF (status {status})",
                details=_problem_lines(tex_log, LATEX_PROBLEM),
            )
        copy_atomic(produced, pdf)
        return BookResult(seconds)


def _remember_pybtex_plugins() -> None:
    """Look up every pybtex plugin once, so that sphinxcontrib-bibtex's lookups cost nothing.

    sphinxcontrib-bibtex asks pybtex for a plugin for every citation it resolves, and pybtex
    reads the entry points of every installed distribution each time (one to two seconds of
    each Sphinx run here). Each plugin, loaded once from the same entry point pybtex would use
    (the first of its group and name), is registered with pybtex's ``register_plugin``, whose
    plugins pybtex consults first; a plugin that does not load is left to pybtex.
    """
    from importlib.metadata import distributions

    from pybtex.plugin import PluginGroupNotFound, entry_points, register_plugin

    groups = {
        point.group
        for distribution in distributions()
        for point in distribution.entry_points
        if point.group.startswith("pybtex.")
    }
    for group in sorted(groups):
        seen: set[str] = set()
        for point in entry_points(group=group):
            if point.name in seen:
                continue
            seen.add(point.name)
            try:
                register_plugin(group, point.name, point.load(), force=True)
            except (ImportError, PluginGroupNotFound, ValueError):
                continue


def _run_jupyter_book(builder: str, source: Path, output: Path, doctrees: Path, fresh: bool) -> int:
    """Run Jupyter Book's Sphinx build in this process; its exit status."""
    from jupyter_book.sphinx import build_sphinx

    _remember_pybtex_plugins()
    result = build_sphinx(
        source,
        output,
        doctreedir=doctrees,
        use_external_toc=True,
        noconfig=True,
        path_config=str(source / CONFIG_FILE),
        confoverrides={
            "external_toc_path": (source / TOC_FILE).as_posix(),
            "latex_individualpages": False,
            "nitpicky": True,
        },
        builder=builder,
        warningiserror=True,
        keep_going=True,
        freshenv=fresh,
    )
    return 1 if isinstance(result, Exception) else int(result or 0)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the child process that runs Jupyter Book."""
    parser = argparse.ArgumentParser(prog="python -m helpers.build.jupyter_book")
    parser.add_argument("builder", choices=("html", "latex"))
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("doctrees", type=Path)
    parser.add_argument("--fresh", action="store_true", help="read every page again")
    args = parser.parse_args(argv)
    return _run_jupyter_book(args.builder, args.source, args.output, args.doctrees, args.fresh)


if __name__ == "__main__":
    sys.exit(main())
