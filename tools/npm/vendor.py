"""Copy the built files of the pinned npm packages into the book's static files and write their
manifest.

The interactive views of the HTML book (``helpers.render.interactive``) load vis-timeline and
Tabulator from ``src/helpers/render/static/interactive/vendor/``, shipped with the package and
the book; no page asks another host for anything. The versions are pinned here, in
``package.json`` and ``package-lock.json``. To update them, change the pins, then::

    (cd tools/npm && npm ci) && python tools/npm/vendor.py

Only the files the pages load are copied (the minified JavaScript and CSS), with each library's
licence. vis-timeline's standalone build bundles other packages (moment, hammer.js, vis-data, …);
their licence texts, taken from the same pinned versions, are gathered into
``vendor/vis-timeline/THIRD-PARTY-LICENSES.txt``. Files are copied byte for byte: the SHA-256 in
``vendor/MANIFEST.json`` can be checked against the package tarballs (the tests check the files
against the manifest, and the manifest's versions against the lock file). ``--check`` verifies
that ``vendor/`` matches ``node_modules/`` without writing anything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
VENDOR = HERE.parents[1] / "src" / "helpers" / "render" / "static" / "interactive" / "vendor"


@dataclass(frozen=True)
class Library:
    """A package whose files the pages load, and the files taken from it."""

    package: str
    files: dict[str, str]  # file in vendor/<package>/ -> path inside the package
    bundled: tuple[tuple[str, str], ...] = ()  # (package, licence file) bundled in its build


LIBRARIES = (
    Library(
        "vis-timeline",
        {
            "vis-timeline-graph2d.min.js": "standalone/umd/vis-timeline-graph2d.min.js",
            "vis-timeline-graph2d.min.css": "styles/vis-timeline-graph2d.min.css",
            "LICENSE.md": "LICENSE.md",
            "LICENSE.MIT.txt": "LICENSE.MIT.txt",
            "LICENSE.Apache-2.0.txt": "LICENSE.Apache-2.0.txt",
        },
        bundled=(
            ("vis-data", "LICENSE-MIT"),
            ("vis-util", "LICENSE-MIT"),
            ("moment", "LICENSE"),
            ("@egjs/hammerjs", "LICENSE.md"),
            ("propagating-hammerjs", "LICENSE"),
            ("keycharm", "LICENSE-MIT"),
            ("component-emitter", "LICENSE"),
            ("uuid", "LICENSE.md"),
            ("xss", "LICENSE"),
            ("cssfilter", "LICENSE"),
            ("core-js", "LICENSE"),
        ),
    ),
    Library(
        "tabulator-tables",
        {
            "tabulator.min.js": "dist/js/tabulator.min.js",
            "tabulator.min.css": "dist/css/tabulator.min.css",
            "LICENSE": "LICENSE",
        },
    ),
)


def _package_json(package: str) -> dict:
    return json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))


def _third_party_text(library: Library) -> str:
    """The licences of the packages bundled in ``library``'s build, one after another."""
    version = _package_json(library.package)["version"]
    head = (
        f"The standalone build of {library.package} {version} bundles the packages below.\n"
        "Dual-licensed packages (Apache-2.0 OR MIT) are used under the MIT licence.\n"
    )
    parts = [head]
    for package, licence_file in library.bundled:
        meta = _package_json(package)
        text = (NODE_MODULES / package / licence_file).read_text(encoding="utf-8").strip()
        parts.append(
            f"{'=' * 78}\n{package} {meta['version']} ({meta.get('license', '?')})\n"
            f"{'=' * 78}\n\n{text}\n"
        )
    return "\n".join(parts)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def expected() -> dict[Path, bytes]:
    """Every file ``vendor/`` should hold, with its content."""
    files: dict[Path, bytes] = {}
    manifest: dict[str, dict] = {}
    for library in LIBRARIES:
        meta = _package_json(library.package)
        entry: dict = {
            "version": meta["version"],
            "license": meta.get("license"),
            "files": {},
        }
        for name, inner in library.files.items():
            data = (NODE_MODULES / library.package / inner).read_bytes()
            files[VENDOR / library.package / name] = data
            entry["files"][name] = {"from": inner, "bytes": len(data), "sha256": _sha256(data)}
        if library.bundled:
            data = _third_party_text(library).encode("utf-8")
            files[VENDOR / library.package / "THIRD-PARTY-LICENSES.txt"] = data
            entry["bundled"] = {
                package: _package_json(package)["version"] for package, _ in library.bundled
            }
        manifest[library.package] = entry
    files[VENDOR / "MANIFEST.json"] = (
        json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    ).encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    """Write ``vendor/`` (or, with ``--check``, report how it differs)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if not NODE_MODULES.is_dir():
        print(f"{NODE_MODULES} is missing: run `npm ci` in {NODE_MODULES.parent}", file=sys.stderr)
        return 2
    wanted = expected()
    present = {p for p in VENDOR.rglob("*") if p.is_file()} if VENDOR.is_dir() else set()
    if args.check:
        stale = sorted(
            str(p.relative_to(VENDOR))
            for p in wanted.keys() | present
            if p not in wanted or p not in present or p.read_bytes() != wanted[p]
        )
        for path in stale:
            print(f"differs: {path}", file=sys.stderr)
        return 1 if stale else 0
    if VENDOR.is_dir():
        shutil.rmtree(VENDOR)
    for path, data in sorted(wanted.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(VENDOR)}  {len(data):>9,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
