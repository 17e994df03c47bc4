"""Pages generated from the data when the book is staged.

- One page per seed (``chapters/sources/<source_id>.md``): the article's text with every passage
  that an evidence row quotes as a span of its own, anchored by its evidence id
  and carrying its number (:mod:`helpers.render.passage_numbers`) as a class
  (``[…]{#evi-… .passage-12 .evidence}``; quotes inside quotes are spans inside spans), so that
  a link from a chapter lands on the quoted words; the raw seed file for download; and a table
  of what each passage attests and which sections of the book cite it. The book's Sphinx
  extension (:mod:`helpers.render.sphinx_passages`) shows the numbers, highlights only the
  passage a reader was sent to, and fills in the sections that cite each.
- The sources-at-a-glance table that the introduction includes
  (``chapters/generated/sources_at_a_glance.md``).

All text from the seeds and the data is escaped (:func:`helpers.markup.escape`).
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope, source_label
from helpers.evidence import Dataset, schema
from helpers.evidence.quotes import Span
from helpers.render import markup, source_terms, tables
from helpers.render import words as text
from helpers.render.markup import Markup
from helpers.render.passage_numbers import NUMBER_CLASS, article_numbers, evidence_spans

SEED_PAGES = "sources"
GENERATED = "generated"
FURNITURE_WORDS = 3
"""A line of at most this many words, in a long run closing the page, is a navigation link."""
FURNITURE_RUN = 10
"""How many such lines in a row close a page before they are summarised instead of printed."""
PASSAGE_CLASS = "evidence"
"""The class of a passage's span (styled by ``static/book.css``, numbered by the extension)."""
CITED_BY_ROLE = "cited-by"
"""The role that the Sphinx extension replaces by the sections citing a passage."""
SHOW_ALL_SWITCH = (
    "```{raw} html\n"
    '<p class="passage-switch"><label><input type="checkbox" id="show-passages"> '
    "Highlight every quoted passage</label></p>\n"
    "```\n"
)
"""The switch that highlights every passage of a page (the one a link leads to is always)."""


def seed_page_label(source_id: str) -> str:
    """The label of a seed page, for ``{ref}`` links from chapters."""
    return f"seed-{source_id}"


def _lines(raw: str) -> list[tuple[int, int]]:
    """Raw ``[start, end)`` of every non-blank line."""
    found, pos = [], 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            found.append((pos, pos + len(body)))
        pos += len(line)
    return found


@dataclass
class _Element:
    """A passage's span in one line: where it starts and ends, its id (empty for the part of a
    passage continued from the line before), and the spans inside it."""

    start: int
    end: int
    evidence_id: str
    inner: list[_Element] = field(default_factory=list)


def _nest(passages: Iterable[tuple[int, int, str]]) -> list[_Element]:
    """Spans as a tree: a quote inside another is a span inside its span. Where two quotes only
    partly overlap, the first one's span is stretched to the end of the second, so that each
    passage still has one element holding the whole quote."""
    roots: list[_Element] = []
    open_: list[_Element] = []
    for start, end, evidence_id in sorted(passages, key=lambda p: (p[0], -p[1], p[2])):
        while open_ and open_[-1].end <= start:
            open_.pop()
        element = _Element(start, end, evidence_id)
        for outer in open_:
            outer.end = max(outer.end, end)
        (open_[-1].inner if open_ else roots).append(element)
        open_.append(element)
    return roots


def _plain(segment: str) -> str:
    """A stretch of text, escaped, keeping a space where it began or ended with one."""
    if not segment.strip():
        return " " if segment else ""
    lead = " " if segment[0].isspace() else ""
    trail = " " if segment[-1].isspace() else ""
    return f"{lead}{markup.escape(segment)}{trail}"


def _render(
    raw: str, start: int, end: int, elements: list[_Element], numbers: dict[str, int]
) -> str:
    """``raw[start:end]`` with each element as a span (``[…]{#id .passage-12 .evidence}``, its
    number from ``numbers``)."""
    parts, pos = [], start
    for element in elements:
        parts.append(_plain(raw[pos : element.start]))
        inside = _render(raw, element.start, element.end, element.inner, numbers)
        anchor = (
            f"#{element.evidence_id} .{NUMBER_CLASS}{numbers[element.evidence_id]} "
            if element.evidence_id
            else ""
        )
        parts.append(f"[{inside}]{{{anchor}.{PASSAGE_CLASS}}}")
        pos = element.end
    parts.append(_plain(raw[pos:end]))
    return "".join(parts)


def _marked_line(
    raw: str, start: int, end: int, spans: list[tuple[str, Span]], numbers: dict[str, int]
) -> Markup:
    """One line of the seed with its passages as spans; a passage that runs on from the line
    before (or into the next) gets an element in each line, its id on the first."""
    inside = [
        (max(s.start, start), min(s.end, end), evidence_id if s.start >= start else "")
        for evidence_id, s in spans
        if s.start < end and s.end > start
    ]
    return Markup(_render(raw, start, end, _nest(inside), numbers).strip())


def _furniture_start(raw: str, lines: list[tuple[int, int]], after: int) -> int:
    """Index of the first line of the run of short lines that closes the page (page furniture
    such as lists of links), or ``len(lines)`` when there is no such run after line ``after``."""
    start = len(lines)
    while start - 1 > after and len(raw[slice(*lines[start - 1])].split()) <= FURNITURE_WORDS:
        start -= 1
    return start if len(lines) - start >= FURNITURE_RUN else len(lines)


def seed_page(dataset: Dataset, source_id: str) -> str:
    """The MyST page of one seed: its title, what it is, its text with every passage anchored,
    and what each passage attests."""
    parts = [
        _heading(dataset, source_id),
        _about(dataset, source_id),
        source_terms.terms_block(dataset.sources.loc[source_id]),
        "## Text\n",
        SHOW_ALL_SWITCH,
        _text(dataset, source_id),
        "## What each passage attests\n",
        passage_table(dataset, source_id),
    ]
    return "\n".join(str(part) for part in parts) + "\n"


def _heading(dataset: Dataset, source_id: str) -> str:
    source = dataset.sources.loc[source_id]
    return f"({seed_page_label(source_id)})=\n# {markup.escape(source_label(source))}\n"


def _about(dataset: Dataset, source_id: str) -> str:
    """The table of what the article is, and how to cite it and fetch its raw text."""
    source = dataset.sources.loc[source_id]
    passages = int((dataset.evidence["source_id"] == source_id).sum())
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
            ("Evidence passages", str(passages)),
        ],
        columns=["Field", "Value"],
    )
    seed_name = Path(source["seed_file"]).name
    return (
        f"{tables.list_table(meta, widths=[25, 75], caption='About this article')}\n"
        f"Cite as {markup.cite([source_id])}. "
        f"{markup.download(seed_name, 'The raw text of this seed')} is the exact file the "
        "quotes are checked against. Each passage the data quotes is numbered; the links in the "
        "chapters lead to it and highlight it, and the table at the end of the page says what "
        "each attests and which sections of the book cite it.\n"
    )


def _text(dataset: Dataset, source_id: str) -> str:
    """The article's text, one paragraph per line, its passages anchored; the run of navigation
    links that closes an archived page is summarised instead of printed."""
    raw = dataset.seeds[source_id].raw
    spans = evidence_spans(dataset, source_id)
    lines = _lines(raw)
    marked = [
        i for i, (a, b) in enumerate(lines) if any(s.start < b and s.end > a for _, s in spans)
    ]
    body_end = _furniture_start(raw, lines, after=max(marked, default=-1))
    numbers = article_numbers(dataset, source_id)
    out = [str(_marked_line(raw, a, b, spans, numbers)) + "\n" for a, b in lines[:body_end]]
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
    return "\n".join(out)


def passage_table(dataset: Dataset, source_id: str) -> Markup:
    """A table of this seed's passages in the order of the text: a link to each, what it
    attests, who speaks and with which stance, and the sections of the book that cite it."""
    ev = dataset.evidence.loc[list(article_numbers(dataset, source_id))]
    titles = {
        **dataset.events["title"].to_dict(),
        **dataset.deals["name"].to_dict(),
        **dataset.figures["label"].to_dict(),
        **dataset.claims["statement"].to_dict(),
    }
    shown = pd.DataFrame(
        {
            "Passage": [markup.passage(e) for e in ev.index],
            "Attests": [titles[s] for s in ev["subject_id"]],
            "Kind": [schema.table_of_id(s)[:-1] for s in ev["subject_id"]],
            "Speaker": ["the author" if s == "author" else s for s in ev["speaker"]],
            "Stance": ev["stance"].to_list(),
            "Cited in": [Markup(f"{{{CITED_BY_ROLE}}}`{e}`") for e in ev.index],
        }
    )
    return tables.list_table(shown, widths=[10, 30, 7, 12, 9, 32])


def sources_at_a_glance(dataset: Dataset) -> str:
    """The introduction's table of the five sources, each linked to its seed page."""
    sources = dataset.sources.sort_values("published")
    counts = dataset.evidence.groupby("source_id").size()
    shown = pd.DataFrame(
        {
            "Source": [Markup(f"{markup.cite([i])}") for i in sources.index],
            "Title": [markup.ref(seed_page_label(i), t) for i, t in sources["title"].items()],
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


def write_generated(
    dataset: Dataset, chapters_dir: Path, selection: ChapterParams | None = None
) -> list[Path]:
    """Write every generated page under a staged ``chapters/``: the seed pages, the pages the
    markdown pages include, and the interactive views of the ``selection`` the book is built
    with (the default parameters when None)."""
    from helpers.render.views import write_views

    written = write_seed_pages(dataset, chapters_dir / SEED_PAGES)
    generated = chapters_dir / GENERATED
    generated.mkdir(parents=True, exist_ok=True)
    glance = generated / "sources_at_a_glance.md"
    glance.write_text(sources_at_a_glance(dataset), encoding="utf-8")
    scope = Scope.from_params(dataset, selection or ChapterParams())
    return [*written, glance, *write_views(scope, chapters_dir)]
