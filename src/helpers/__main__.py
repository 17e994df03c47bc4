"""The command line: ``python -m helpers validate``, ``bib``, ``package`` and ``build``.

Errors are printed for people, one sentence (after one line per problem where there are several),
with exit status 1; an interrupted build exits with 130.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from helpers.build.errors import BuildError
from helpers.evidence.errors import ReportedError


def _validate(args: argparse.Namespace) -> int:
    from helpers.evidence import validate

    problems = validate(args.data_dir)
    for problem in problems:
        print(problem)
    if problems:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} in the data", file=sys.stderr)
        return 1
    print("the data is valid")
    return 0


def _bib(args: argparse.Namespace) -> int:
    from helpers.build.files import write_if_changed
    from helpers.build.paths import find_project
    from helpers.evidence import DataError, load
    from helpers.render.bibliography import bibtex

    output = args.output or find_project().bibliography_file
    try:
        dataset = load(args.data_dir)
    except DataError as err:
        count = len(err.problems)
        raise BuildError(
            f"the data has {count} problem{'s' if count != 1 else ''}; {output} was not written",
            details=[str(problem) for problem in err.problems],
        ) from None
    changed = write_if_changed(output, bibtex(dataset).encode("utf-8"))
    print(f"{'wrote' if changed else 'unchanged:'} {output}")
    return 0


def _package(args: argparse.Namespace) -> int:
    from helpers.build.paths import find_project
    from helpers.evidence import DataError, load
    from helpers.render import data_package, show

    try:
        dataset = load(args.data_dir)
    except DataError as err:
        count = len(err.problems)
        raise BuildError(
            f"the data has {count} problem{'s' if count != 1 else ''}; no package was written",
            details=[str(problem) for problem in err.problems],
        ) from None
    released = data_package.project_release(dataset)
    output = args.output or find_project().build_dir / "package"
    name = data_package.archive_name(released.version).removesuffix(".zip")
    show.use(show.Context(name, output))
    package = data_package.write_package(dataset, released)
    print(f"wrote {package.folder}/ ({len(package.files)} files, {data_package.STANDARD})")
    print(f"wrote {package.folder / package.archive}")
    return 0


def _overrides(pairs: list[list[str]] | None) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in pairs or []:
        if name in values:
            from helpers.analysis.params import ParameterError

            raise ParameterError(f"{name} is given twice with -p; give each parameter once")
        values[name] = value
    return values


def _build(args: argparse.Namespace) -> int:
    from helpers.build.plan import BuildOptions
    from helpers.build.session import build

    started = time.monotonic()
    options = BuildOptions(
        overrides=_overrides(args.parameters),
        chapters=args.chapters,
        force=args.force,
        jobs=args.jobs,
        pdf=not args.no_pdf,
    )
    build(options, out=lambda line: print(line, flush=True))
    print(f"done in {time.monotonic() - started:.1f} s", flush=True)
    return 0


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return number


def _add_data_dir(command: argparse.ArgumentParser) -> None:
    """Give ``command`` the ``--data-dir`` option."""
    command.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of the data tables (default: the project's data/)",
    )


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m helpers``."""
    main = argparse.ArgumentParser(
        prog="python -m helpers", description="Validate the data and build the book."
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("validate", help="check the data; exit 1 listing every problem")
    _add_data_dir(check)
    check.set_defaults(run=_validate)

    bibliography = commands.add_parser(
        "bib", help="write references.bib from the data (the sources and the works they cite)"
    )
    _add_data_dir(bibliography)
    bibliography.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="where to write (default: references.bib at the project root)",
    )
    bibliography.set_defaults(run=_bib)

    publish = commands.add_parser(
        "package",
        help="write the data as a Frictionless data package (a folder and its zip), without "
        "building the book",
    )
    _add_data_dir(publish)
    publish.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write it (default: _build/package/); the package goes to "
        "DIR/pakistan-russia-evidence-VERSION/",
    )
    publish.set_defaults(run=_package)

    make = commands.add_parser(
        "build", help="execute the chapters that changed and compile the HTML and the PDF"
    )
    make.add_argument(
        "-p",
        dest="parameters",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="set a chapter parameter for this build (repeatable); a book with non-default "
        "parameters goes to _build/variants/<name-value>/",
    )
    make.add_argument(
        "--chapters",
        nargs="+",
        metavar="NAME",
        help="execute only these chapters; the book is assembled if the others are up to date",
    )
    make.add_argument("--force", action="store_true", help="execute chapters even if cached")
    make.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="chapters executed at once (default: the number of CPUs)",
    )
    make.add_argument("--no-pdf", action="store_true", help="build the HTML only (faster)")
    make.set_defaults(run=_build)
    return main


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit status."""
    args = parser().parse_args(argv)
    # Interrupted by SIGINT and SIGTERM alike, even when started with SIGINT ignored (as a
    # background job of a script is): the build then stops its children and keeps nothing
    # unfinished.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return int(args.run(args))
    except ReportedError as err:
        for line in getattr(err, "details", []):
            print(line, file=sys.stderr)
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: nothing unfinished is kept; build again to complete", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
