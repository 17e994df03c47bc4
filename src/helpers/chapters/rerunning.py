"""The appendix on parameters and rerunning: every chapter's parameters, read from their one
declaration, and how to build the book or run a chapter with other values."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from helpers.analysis.params import ChapterParams, Parameter
from helpers.analysis.scope import Scope, source_label
from helpers.chapters import registry
from helpers.chapters.contents import chapter_names, chapter_title
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.location import project_root
from helpers.render import markup

COMMON = ("data_dir", "start_year", "end_year", "sources", "themes", "tables_dir")
"""The parameters every chapter declares."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the appendix on rerunning (it shows every chapter's parameters)."""

    chapter: ClassVar[str] = "rerunning"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


def _type_words(parameter: Parameter) -> str:
    if parameter.is_list:
        return "list of names"
    return {int: "whole number", bool: "true or false", str: "text"}.get(parameter.type, "value")


def _default(parameter: Parameter) -> str:
    value = list(parameter.default) if parameter.is_list else parameter.default
    return json.dumps(value) if isinstance(value, list | bool) else str(value)


def _chapters() -> list[str]:
    """The book's chapters in reading order (every chapter module outside a project)."""
    root = project_root()
    return chapter_names(root) if root is not None else list(registry.chapter_modules())


def common_parameters() -> pd.DataFrame:
    """The parameters every chapter takes: name, kind, default, meaning and an example."""
    declared = {p.name: p for p in registry.parameters(_chapters()[0])}
    return _table([declared[name] for name in COMMON])


def chapter_parameters() -> pd.DataFrame:
    """The parameters that only some chapters take, with the chapters that take each."""
    rows = []
    for chapter in _chapters():
        for parameter in registry.parameters(chapter):
            if parameter.name not in COMMON:
                rows.append((chapter, parameter))
    table = _table([p for _, p in rows])
    root = project_root()
    titles = [chapter_title(root, c) if root is not None else c for c, _ in rows]
    table.insert(0, "Chapter", [markup.escape(t) for t in titles])
    return table


def _table(parameters: list[Parameter]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Parameter": [markup.Markup(f"`{p.name}`") for p in parameters],
            "Kind": [_type_words(p) for p in parameters],
            "Default": [markup.Markup(f"`{_default(p)}`") for p in parameters],
            "Meaning": [p.help for p in parameters],
            "Example": [markup.Markup(f"`{p.example}`") for p in parameters],
        }
    )


def source_choices(dataset: Dataset) -> markup.Markup:
    """The ids the ``sources`` parameter takes, oldest article first, each as code with the
    article it stands for: '`src-fdi-2012` for DeSilva-Ranasinghe (2012), …'."""
    ordered = dataset.sources.rename_axis("id").sort_values(["published", "id"])
    return markup.Markup(
        ", ".join(
            f"`{source_id}` for {markup.escape(source_label(row))}"
            for source_id, row in ordered.iterrows()
        )
    )
