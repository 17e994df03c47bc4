"""What a chapter shows: the dataset narrowed to the chosen sources, years and themes.

Every chapter builds one :class:`Scope` from the dataset and its validated parameters and asks
it for events, deals, figures, claims and their evidence. The rules, the same everywhere:

- an event, deal, figure or claim is in scope when at least one *selected source* attests it, and
  only the attestations of selected sources are shown;
- an event is in the year range when its span (a decade counts as ten years) overlaps it; an
  undated event can only be placed when the range covers every dated event;
- a deal, claim or figure without a year of its own is dated by the publication of the sources
  that attest it;
- an event needs one of the chosen themes; a deal's sector stands for its theme.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from helpers.analysis.params import ChapterParams
from helpers.evidence import Dataset

SECTOR_THEMES = {"energy": "energy", "defence": "defence", "industry": "economy"}


def contains_any(cells: pd.Series, values: Iterable[str]) -> pd.Series:
    """A boolean mask: which list cells (tuples) hold at least one of ``values``.

    Always boolean, also when ``cells`` is empty, so it can index a frame safely.
    """
    wanted = set(values)
    return pd.Series([bool(wanted & set(c)) for c in cells], index=cells.index, dtype=bool)


def lookup_rows(frame: pd.DataFrame, columns: str | list[str]) -> Callable[[object], pd.DataFrame]:
    """A function that gives the rows of ``frame`` whose ``columns`` hold a value (a tuple of
    values for several columns), in the table's order: ``frame[frame[column] == value]``, found
    through one grouping of the table rather than a scan of it for every value asked for."""
    positions = frame.groupby(columns, sort=False).indices
    none = np.empty(0, dtype=np.intp)

    def rows(value: object) -> pd.DataFrame:
        return frame.iloc[positions.get(value, none)]

    return rows


@dataclass(frozen=True)
class Scope:
    """The dataset as one chapter sees it under its parameters."""

    dataset: Dataset
    source_ids: tuple[str, ...]
    start_year: int
    end_year: int
    themes: tuple[str, ...]

    @classmethod
    def from_params(cls, dataset: Dataset, params: ChapterParams) -> Scope:
        """The scope the validated ``params`` ask for."""
        chosen = tuple(params.sources) or tuple(dataset.sources.sort_values("published").index)
        return cls(dataset, chosen, params.start_year, params.end_year, params.theme_names)

    # -- sources -----------------------------------------------------------------------------

    @cached_property
    def sources(self) -> pd.DataFrame:
        """The selected sources, oldest first, with ``year`` and a short ``label``."""
        frame = self.dataset.sources.loc[list(self.source_ids)].copy()
        frame["year"] = frame["published"].str[:4].astype(int)
        frame["label"] = [source_label(row) for _, row in frame.iterrows()]
        return frame.sort_values(["published", "source_id"])

    @property
    def all_sources(self) -> bool:
        """Whether every source of the dataset is selected."""
        return set(self.source_ids) == set(self.dataset.sources.index)

    @cached_property
    def covers_all_years(self) -> bool:
        """Whether the year range holds every dated event of the dataset."""
        years = self.dataset.events["year"].dropna()
        ends = self.dataset.events["end_year"].dropna()
        return self.start_year <= int(years.min()) and self.end_year >= int(ends.max())

    # -- evidence ----------------------------------------------------------------------------

    @cached_property
    def evidence(self) -> pd.DataFrame:
        """Attestations by the selected sources, with the source's year and label."""
        ev = self.dataset.evidence
        ev = ev[ev["source_id"].isin(self.source_ids)].copy()
        ev["source_year"] = ev["source_id"].map(self.sources["year"])
        ev["source_label"] = ev["source_id"].map(self.sources["label"])
        return ev

    @cached_property
    def _evidence_rows(self) -> dict[str, np.ndarray]:
        """The positions in :attr:`evidence` of each subject's attestations, in order."""
        return self.evidence.groupby("subject_id", sort=False).indices

    def evidence_for(self, subject_ids: pd.Index | list[str]) -> pd.DataFrame:
        """The in-scope attestations of the given subjects."""
        # The rows of ``evidence[evidence["subject_id"].isin(subject_ids)]``, found without
        # scanning the whole table: chapters ask for one subject at a time.
        rows = self._evidence_rows
        found = [rows[subject] for subject in dict.fromkeys(subject_ids) if subject in rows]
        positions = np.sort(np.concatenate(found)) if found else np.empty(0, dtype=np.intp)
        return self.evidence.iloc[positions]

    def _attested(self, table: pd.DataFrame) -> pd.DataFrame:
        return table[table.index.isin(self.evidence["subject_id"])]

    def _attested_in_years(self, table: pd.DataFrame) -> pd.DataFrame:
        ev = self.evidence
        in_years = ev[(ev["source_year"] >= self.start_year) & (ev["source_year"] <= self.end_year)]
        return table[table.index.isin(in_years["subject_id"])]

    # -- subjects ----------------------------------------------------------------------------

    @cached_property
    def events(self) -> pd.DataFrame:
        """Dated events in scope, in date order."""
        events = self._attested(self.dataset.events)
        dated = events[events["start"].notna()]
        overlaps = (dated["year"] <= self.end_year) & (dated["end_year"] >= self.start_year)
        themed = contains_any(dated["themes"], self.themes)
        return dated[overlaps & themed].sort_values(["start", "end", "event_id"])

    @cached_property
    def undated_events(self) -> pd.DataFrame:
        """Undated events in scope; empty unless the range covers every dated event."""
        events = self._attested(self.dataset.events)
        undated = events[events["start"].isna()]
        themed = contains_any(undated["themes"], self.themes)
        return undated[themed] if self.covers_all_years else undated.iloc[0:0]

    @cached_property
    def deals(self) -> pd.DataFrame:
        """Deals in scope: attested within the years, or with an event in the years."""
        deals = self._attested(self.dataset.deals)
        by_source = set(self._attested_in_years(deals).index)
        by_event = set(self.events["deal_id"].replace("", pd.NA).dropna())
        themed = deals["sector"].map(SECTOR_THEMES).isin(self.themes)
        return deals[deals.index.isin(by_source | by_event) & themed]

    @cached_property
    def figures(self) -> pd.DataFrame:
        """Figures in scope: their own year in range, or attested within the years."""
        figures = self._attested(self.dataset.figures)
        own_year = figures["year"].notna()
        in_range = (figures["year"] >= self.start_year) & (figures["year"] <= self.end_year)
        by_source = figures.index.isin(self._attested_in_years(figures).index)
        keep = (own_year & in_range.fillna(False)) | (~own_year & by_source)
        return figures[keep.astype(bool)]

    @cached_property
    def claims(self) -> pd.DataFrame:
        """Claims voiced by the selected sources published within the years."""
        return self._attested_in_years(self._attested(self.dataset.claims))

    # -- labels ------------------------------------------------------------------------------

    def source_labels_for(self, subject_ids: pd.Index | list[str]) -> list[str]:
        """The labels of the selected sources that attest any of ``subject_ids``, oldest first:
        the sources a figure or a table drawn from those records rests on."""
        attesting = set(self.evidence_for(subject_ids)["source_id"])
        return [label for i, label in self.sources["label"].items() if i in attesting]

    def subject_title(self, subject_id: str) -> str:
        """A readable title for an event, deal, figure or claim id."""
        ds = self.dataset
        for table, column in (
            (ds.events, "title"),
            (ds.deals, "name"),
            (ds.figures, "label"),
            (ds.claims, "statement"),
            (ds.actors, "name"),
        ):
            if subject_id in table.index:
                return str(table.at[subject_id, column])
        return subject_id


def citation_label(row: pd.Series) -> str:
    """A short name for a work an article cites: 'Khan (2021)', 'Dawn (2018)', 'Reuters'."""
    author = str(row["cited_author"])
    name = author.split()[-1] if author else str(row["cited_outlet"])
    return f"{name} ({str(row['cited_date'])[:4]})" if row["cited_date"] else name


def citation_labels(dataset: Dataset) -> dict[str, str]:
    """The short label of every work the book can cite: the sources and the works they cite."""
    labels = {i: source_label(row) for i, row in dataset.sources.iterrows()}
    labels.update({i: citation_label(row) for i, row in dataset.citations.iterrows()})
    return labels


def source_label(row: pd.Series) -> str:
    """A short name for a source: 'Pakistan Forward (2018)', 'Qureshi (2018)'."""
    author = str(row["author"])
    outlet = str(row["outlet"])
    name = outlet if author == outlet else author.split()[-1]
    return f"{name} ({str(row['published'])[:4]})"
