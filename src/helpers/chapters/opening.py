"""How a chapter notebook starts: its parameters read from the ``parameters`` cell, checked, and the
dataset and the scope they select."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from helpers.analysis.coercion import coerce
from helpers.analysis.params import ChapterParams, parameters
from helpers.analysis.scope import Scope, citation_labels
from helpers.evidence import Dataset, load
from helpers.render import show


def open_chapter(
    definition: type[ChapterParams], namespace: Mapping[str, object]
) -> tuple[ChapterParams, Dataset, Scope]:
    """The checked parameters of a chapter, read from ``namespace`` (the notebook's globals,
    after its ``parameters`` cell), the dataset in their ``data_dir`` and the scope they select.

    A parameter missing from ``namespace`` takes its default; a bad value stops the chapter with
    one :class:`~helpers.analysis.params.ParameterError` sentence. What the chapter shows goes
    to its tables folder (:func:`helpers.render.show.use`).
    """
    values = {p.name: namespace[p.name] for p in parameters(definition) if p.name in namespace}
    # Type everything but the source ids first: they are checked against the dataset, which
    # is read from the typed data_dir.
    typed = coerce(definition, {name: v for name, v in values.items() if name != "sources"})
    dataset = load(typed.data_dir)
    chosen = coerce(definition, values, dataset)
    show.use(show.Context(chosen.chapter, Path(chosen.tables_dir), citation_labels(dataset)))
    return chosen, dataset, Scope.from_params(dataset, chosen)
