"""Which chapters must run again: cache keys and cache entries that prove their outputs.

A chapter's key is the hash of everything its executed notebook depends on: the notebook source,
its resolved parameters, every file of the data and seed folders, the ``helpers`` source, the
pinned requirements and the Python version. A cache entry records the key and the SHA-256 of every
output the execution made; it is written atomically and only after those outputs are complete, and
it is trusted only while each recorded output still exists with its recorded hash.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from helpers.build.files import sha256_file, sha256_tree, tree_hashes, write_atomic

FORMAT = 1
"""Version of the entry format; entries of another version are not trusted."""


def input_digest(
    data_dir: Path, seeds_dir: Path, helpers_dir: Path, requirements: Path, version: str = ""
) -> str:
    """One digest of the inputs that every chapter shares, the project's version included (a
    chapter may publish it)."""
    digest = hashlib.sha256()
    for label, folder in (("data", data_dir), ("seeds", seeds_dir), ("helpers", helpers_dir)):
        digest.update(f"{label}\0{sha256_tree(folder)}\n".encode())
    pins = sha256_file(requirements) if requirements.is_file() else "missing"
    digest.update(f"requirements\0{pins}\npython\0{platform.python_version()}\n".encode())
    digest.update(f"version\0{version}\n".encode())
    return digest.hexdigest()


def chapter_key(notebook: Path, parameters: Mapping[str, object], shared_inputs: str) -> str:
    """The cache key of one chapter: its notebook, its parameters and the shared inputs."""
    digest = hashlib.sha256()
    digest.update(f"format\0{FORMAT}\nnotebook\0{sha256_file(notebook)}\n".encode())
    digest.update(f"parameters\0{json.dumps(parameters, sort_keys=True)}\n".encode())
    digest.update(f"inputs\0{shared_inputs}\n".encode())
    return digest.hexdigest()


@dataclass
class CacheEntry:
    """What one successful execution of a chapter produced.

    ``outputs`` maps each output file (relative to the build root) to its SHA-256; each folder of
    ``complete_folders`` must hold exactly the outputs recorded below it.
    """

    chapter: str
    key: str
    seconds: float
    outputs: dict[str, str]
    complete_folders: list[str] = field(default_factory=list)
    format: int = FORMAT


class ChapterCache:
    """The cache entries of one build root, one JSON file per chapter under ``cache/``."""

    def __init__(self, build_root: Path) -> None:
        self.build_root = build_root
        self.folder = build_root / "cache"

    def _path(self, chapter: str) -> Path:
        return self.folder / f"{chapter}.json"

    def record(
        self, chapter: str, key: str, seconds: float, files: list[Path], folders: list[Path]
    ) -> CacheEntry:
        """Hash the finished outputs of ``chapter`` and store its entry (atomically)."""
        outputs = {self._relative(path): sha256_file(path) for path in files}
        for folder in folders:
            for name, digest in tree_hashes(folder).items():
                outputs[f"{self._relative(folder)}/{name}"] = digest
        entry = CacheEntry(
            chapter=chapter,
            key=key,
            seconds=round(seconds, 3),
            outputs=dict(sorted(outputs.items())),
            complete_folders=[self._relative(folder) for folder in folders],
        )
        text = json.dumps(asdict(entry), indent=1, sort_keys=True) + "\n"
        write_atomic(self._path(chapter), text.encode())
        return entry

    def valid_entry(self, chapter: str, key: str) -> CacheEntry | None:
        """The entry of ``chapter`` if it has ``key`` and all its outputs are intact, else None."""
        entry = self.read(chapter)
        if entry is None or entry.key != key or entry.format != FORMAT:
            return None
        for name, digest in entry.outputs.items():
            path = self.build_root / name
            if not path.is_file() or sha256_file(path) != digest:
                return None
        for folder in entry.complete_folders:
            present = {f"{folder}/{name}" for name in tree_hashes(self.build_root / folder)}
            if not present <= set(entry.outputs):
                return None
        return entry

    def read(self, chapter: str) -> CacheEntry | None:
        """The stored entry of ``chapter``, or None when there is none or it is unreadable."""
        try:
            return CacheEntry(**json.loads(self._path(chapter).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def forget(self, chapter: str) -> None:
        """Drop the entry of ``chapter`` (before its outputs are rewritten)."""
        self._path(chapter).unlink(missing_ok=True)

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.build_root).as_posix()


class Stamp:
    """A record that a step finished with given inputs: written last, only after success."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def matches(self, inputs: str) -> bool:
        """Whether the step last finished with exactly ``inputs``."""
        try:
            return json.loads(self.path.read_text(encoding="utf-8")).get("inputs") == inputs
        except (OSError, ValueError, AttributeError):
            return False

    def write(self, inputs: str) -> None:
        """Record that the step finished with ``inputs``."""
        write_atomic(self.path, (json.dumps({"inputs": inputs}) + "\n").encode())

    def clear(self) -> None:
        """Forget the record (before the step's outputs are rewritten)."""
        self.path.unlink(missing_ok=True)
