"""Pages generated from the data when the book is staged.

- One page per seed (``chapters/sources/<source_id>.md``): the article's text with every passage
  that an evidence row quotes marked and anchored (``(evi-…)=`` targets, so a fact's source link
  lands on its paragraph), the raw seed file for download, and a table of what each passage
  attests.
- The sources-at-a-glance table that the introduction includes
  (``chapters/generated/sources_at_a_glance.md``).

All text from the seeds and the data is escaped (:func:`helpers.markup.escape`).
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pandas as pd

from helpers.analysis.scope import source_label
from helpers.evidence import Dataset, schema
from helpers.evidence.quotes import Span
from helpers.render import markup, source_terms, tables
from helpers.render import words as text
from helpers.render.markup import Markup

SEED_PAGES = "sources"
GENERATED = "generated"
FURNITURE_WORDS = 3
"""A line of at most this many words, in a long run closing the page, is a navigation link."""
FURNITURE_RUN = 10
"""How many such lines in a row close a page before they are summarised instead of printed."""


def seed_page_label(source_id: str) -> str:
    """The label of a seed page, for ``{ref}`` links from chapters."""
    return f"seed-{source_id}"


def _evidence_spans(dataset: Dataset, source_id: str) -> list[tuple[str, list[Span]]]:
    seed = dataset.seeds[source_id]
    rows = dataset.evidence[dataset.evidence["source_id"] == source_id]
    return [(evidence_id, seed.find_all(quote)) for evidence_id, quote in rows["quote"].items()]


def _lines(raw: str) -> list[tuple[int, int]]:
    """Raw ``[start, end)`` of every non-blank line."""
    found, pos = [], 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            found.append((pos, pos + len(body)))
        pos += len(line)
    return found


def _marked(raw: str, start: int, end: int, spans: list[tuple[str, Span]]) -> Markup:
    """The line ``raw[start:end]`` with every evidence span inside it marked, each marked stretch
    followed by the ids of the passages it holds (so that a reader sent to a paragraph with
    several passages sees which is which)."""
    cuts = sorted(
        (max(s.start, start), min(s.end, end)) for _, s in spans if s.start < end and s.end > start
    )
    merged: list[list[int]] = []
    for a, b in cuts:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    parts, pos = [], start
    for a, b in merged:
        ids = sorted({e for e, s in spans if s.start < b and s.end > a})
        tag = ", ".join(e.removeprefix("evi-") for e in ids)
        parts.append(_plain(raw[pos:a]))
        parts.append(Markup(f"[{markup.escape(raw[a:b])}]{{.evidence}}{{sup}}`{tag}`"))
        pos = b
    parts.append(_plain(raw[pos:end]))
    return Markup("".join(parts).strip())


def _plain(segment: str) -> str:
    """An unmarked stretch of text, escaped, keeping a space where it began or ended with one."""
    if not segment.strip():
        return " " if segment else ""
    lead = " " if segment[0].isspace() else ""
    trail = " " if segment[-1].isspace() else ""
    return f"{lead}{markup.escape(segment)}{trail}"


def _furniture_start(raw: str, lines: list[tuple[int, int]], after: int) -> int:
    """Index of the first line of the run of short lines that closes the page (page furniture
    such as lists of links), or ``len(lines)`` when there is no such run after line ``after``."""
    start = len(lines)
    while start - 1 > after and len(raw[slice(*lines[start - 1])].split()) <= FURNITURE_WORDS:
        start -= 1
    return start if len(lines) - start >= FURNITURE_RUN else len(lines)


def seed_page(dataset: Dataset, source_id: str) -> str:
    """The MyST page of one seed with its evidence passages marked and anchored."""
    source = dataset.sources.loc[source_id]
    raw = dataset.seeds[source_id].raw
    spans = _evidence_spans(dataset, source_id)
    tagged = [(evidence_id, s) for evidence_id, found in spans for s in found]
    first_line_of: dict[str, int] = {}
    lines = _lines(raw)
    for evidence_id, found in spans:
        start = min(s.start for s in found)
        for index, (a, b) in enumerate(lines):
            if a <= start < b or (start < a and index == 0):
                first_line_of[evidence_id] = index
                break

    marked = [
        i for i, (a, b) in enumerate(lines) if any(s.start < b and s.end > a for _, s in tagged)
    ]
    body_end = _furniture_start(raw, lines, after=max(marked, default=-1))

    out = [f"({seed_page_label(source_id)})=", f"# {markup.escape(source_label(source))}", ""]
    meta = pd.DataFrame(
        [
            ("Title", source["title"]),
            ("Outlet", source["outlet"]),
            ("Author", source["author"]),
            ("Published", text.format_date(source["published"], source["published_precision"])),
            ("How the date is known", source["date_basis"]),
            (
                "First published",
                f"{source['original_outlet']}, "
                f"{text.format_date(source['original_published'], 'day')}"
                if source["original_outlet"]
                else "—",
            ),
            ("Seed file", source["seed_file"]),
            ("SHA-256", source["sha256"]),
            ("Evidence passages", str(len(spans))),
        ],
        columns=["Field", "Value"],
    )
    out.append(tables.list_table(meta, widths=[25, 75], caption="About this article"))
    seed_name = Path(source["seed_file"]).name
    out.append(
        f"Cite as {markup.cite([source_id])}. "
        f"{markup.download(seed_name, 'The raw text of this seed')} is the exact file the "
        "quotes are checked against. Marked passages are those the data quotes; each is the "
        "target of the source links in the chapters.\n"
    )
    out.append(source_terms.terms_block(source))
    out.append("## Text\n")
    labels_at: dict[int, list[str]] = {}
    for evidence_id, index in sorted(first_line_of.items()):
        labels_at.setdefault(index, []).append(evidence_id)
    for index, (a, b) in enumerate(lines[:body_end]):
        for evidence_id in labels_at.get(index, []):
            out.append(f"({evidence_id})=")
        out.append(str(_marked(raw, a, b, tagged)) + "\n")
    if body_end < len(lines):
        trailer = Counter(raw[a:b].strip() for a, b in lines[body_end:])
        listed = text.join_words([f"'{name}' ({count})" for name, count in trailer.most_common()])
        out.append(
            str(
                markup.admonition(
                    "note",
                    markup.escape(
                        f"The archived page ends with {len(lines) - body_end} navigation "
                        f"links, not reproduced here: {listed}. They are in the raw text."
                    ),
                )
            )
        )
    out.append("## What each passage attests\n")
    out.append(passage_table(dataset, source_id))
    return "\n".join(str(part) for part in out) + "\n"


def passage_table(dataset: Dataset, source_id: str) -> Markup:
    """A table of this seed's evidence rows: passage link, subject, speaker and stance."""
    ev = dataset.evidence[dataset.evidence["source_id"] == source_id]
    titles = {
        **dataset.events["title"].to_dict(),
        **dataset.deals["name"].to_dict(),
        **dataset.figures["label"].to_dict(),
        **dataset.claims["statement"].to_dict(),
    }
    shown = pd.DataFrame(
        {
            "Passage": [markup.passage(e, e.removeprefix("evi-")) for e in ev.index],
            "Attests": [f"{titles[s]} ({s})" for s in ev["subject_id"]],
            "Kind": [schema.table_of_id(s)[:-1] for s in ev["subject_id"]],
            "Speaker": ev["speaker"].to_list(),
            "Stance": ev["stance"].to_list(),
        }
    )
    return tables.list_table(shown, widths=[10, 50, 10, 18, 12])


def sources_at_a_glance(dataset: Dataset) -> str:
    """The introduction's table of the five sources, each linked to its seed page."""
    sources = dataset.sources.sort_values("published")
    counts = dataset.evidence.groupby("source_id").size()
    shown = pd.DataFrame(
        {
            "Source": [Markup(f"{markup.cite([i])}") for i in sources.index],
            "Title": [markup.passage(seed_page_label(i), t) for i, t in sources["title"].items()],
            "Outlet": sources["outlet"].to_list(),
            "Published": [
                text.format_date(d, p)
                for d, p in zip(sources["published"], sources["published_precision"], strict=True)
            ],
            "Kind": sources["kind"].to_list(),
            "Evidence rows": [str(counts.get(i, 0)) for i in sources.index],
        }
    )
    return str(
        tables.list_table(
            shown, widths=[16, 34, 18, 12, 10, 10], caption="The five sources at a glance"
        )
    )


def write_seed_pages(dataset: Dataset, dest_dir: Path) -> list[Path]:
    """Write one page per seed, and the raw seed file beside it, into ``dest_dir``."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    written = []
    root = dataset.data_dir.parent
    for source_id, source in dataset.sources.sort_values("published").iterrows():
        page = dest_dir / f"{source_id}.md"
        page.write_text(seed_page(dataset, source_id), encoding="utf-8")
        shutil.copyfile(root / source["seed_file"], dest_dir / Path(source["seed_file"]).name)
        written.append(page)
    return written


def write_generated(dataset: Dataset, chapters_dir: Path) -> list[Path]:
    """Write every generated page under a staged ``chapters/`` folder."""
    written = write_seed_pages(dataset, chapters_dir / SEED_PAGES)
    generated = chapters_dir / GENERATED
    generated.mkdir(parents=True, exist_ok=True)
    glance = generated / "sources_at_a_glance.md"
    glance.write_text(sources_at_a_glance(dataset), encoding="utf-8")
    return [*written, glance]
