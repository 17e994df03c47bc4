"""Citations lead to their bibliography entries, under the words the reader sees.

A small Sphinx book is built with the book's own bibliography (``references.bib``), its Sphinx
extension and its citation settings (``_config.yml``): a page cites every entry, in parentheses
and in a sentence, and another page holds the bibliography. In the HTML, every citation must be a
link to a bibliography entry whose label is the citation's text; in the LaTeX of the PDF, every
citation must be a hyperlink to a ``\\bibitem`` with the same label.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers.render import citation, markup

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r"^@\w+\{([^,]+),", re.MULTILINE)


def bibliography_keys(text: str) -> list[str]:
    return KEY.findall(text)


def make_book(folder: Path, bibliography: str) -> list[str]:
    """A Sphinx project in ``folder`` that cites every entry of ``bibliography``; the keys."""
    folder.mkdir(parents=True)
    (folder / "references.bib").write_text(bibliography, encoding="utf-8")
    (folder / "pyproject.toml").write_text('[project]\nversion = "9.8.7"\n', encoding="utf-8")
    settings = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"][
        "config"
    ]
    conf = {
        "project": "Citations",
        "extensions": ["myst_parser", "sphinxcontrib.bibtex", "helpers.render.sphinx_extension"],
        "bibtex_bibfiles": ["references.bib"],
        "bibtex_reference_style": settings["bibtex_reference_style"],
        "bibtex_default_style": settings["bibtex_default_style"],
        "myst_enable_extensions": ["colon_fence"],
        "nitpicky": True,
        "exclude_patterns": ["_build"],
    }
    (folder / "conf.py").write_text(
        "".join(f"{name} = {value!r}\n" for name, value in conf.items()), encoding="utf-8"
    )
    keys = bibliography_keys(bibliography)
    lines = ["# Text", ""]
    for key in keys:
        lines.append(f"As {markup.cite([key], parenthetical=False)} says {markup.cite([key])}.")
        lines.append("")
    lines.append(f"Two at once {markup.cite(keys[:2])}.")
    (folder / "text.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "references.md").write_text(
        "# References\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8"
    )
    (folder / "index.md").write_text(
        "# Book\n\n```{toctree}\ntext\nreferences\n```\n", encoding="utf-8"
    )
    return keys


def sphinx(folder: Path, builder: str) -> Path:
    output = folder / "_build" / builder
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-W", "-q", str(folder), str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def words_of(label: str) -> str:
    """A label or a citation's text as words: no brackets, no parentheses, spaces collapsed."""
    return " ".join(re.sub(r"[\[\]()]", " ", label).split())


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("citations") / "book"
    keys = make_book(folder, (ROOT / "references.bib").read_text(encoding="utf-8"))
    return folder, keys


def entry_labels(page: Path) -> dict[str, str]:
    """The label of every bibliography entry of ``page``, by its element id."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return {
        entry["id"]: words_of(entry.select_one("span.label").get_text())
        for entry in soup.select("div.citation[id]")
    }


def test_every_citation_of_the_html_links_to_an_entry_under_its_label(book) -> None:
    folder, keys = book
    output = sphinx(folder, "html")
    labels = entry_labels(output / "references.html")
    assert len(labels) == len(keys)
    soup = BeautifulSoup((output / "text.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select("span.bibtex-citation a, a[href^='references.html#']")
    assert len(links) >= 2 * len(keys)
    problems = []
    for link in links:
        page, _, target = link["href"].partition("#")
        text = words_of(link.get_text())
        if page != "references.html" or target not in labels:
            problems.append(f"{text!r} leads to {link['href']}, which is no bibliography entry")
        elif labels[target] != text:
            problems.append(f"{text!r} leads to the entry labelled {labels[target]!r}")
    assert not problems, "\n".join(problems)


def test_a_citation_in_parentheses_is_the_label_itself(book) -> None:
    folder, _ = book
    output = folder / "_build" / "html"
    if not (output / "text.html").is_file():
        output = sphinx(folder, "html")
    soup = BeautifulSoup((output / "text.html").read_text(encoding="utf-8"), "html.parser")
    texts = [span.get_text() for span in soup.select("span.bibtex-citation")]
    assert "[Qureshi 2018]" in texts
    assert "Qureshi (2018)" in texts
    assert "[DeSilva-Ranasinghe 2012; Pakistan Forward 2018]" in texts


def test_every_citation_of_the_latex_links_to_a_bibitem_with_its_label(book) -> None:
    folder, _ = book
    output = sphinx(folder, "latex")
    tex = next(output.glob("*.tex")).read_text(encoding="utf-8")

    def plain(latex: str) -> str:
        return words_of(html.unescape(latex.replace(r"\sphinxhyphen{}", "-")).replace("{}", ""))

    items = {
        key: plain(label) for label, key in re.findall(r"\\bibitem\[([^\]]*)\]\{([^}]*)\}", tex)
    }
    links = re.findall(r"\\hyperlink\{cite\.([^}]*)\}\{((?:[^{}]|\{[^{}]*\})*)\}", tex)
    assert items and links
    problems = [
        f"{plain(text)!r} links to {key}, labelled {items.get(key)!r}"
        for key, text in links
        if items.get(key) != plain(text)
    ]
    assert not problems, "\n".join(problems)


def test_each_source_s_short_label_is_its_bibliography_label() -> None:
    """A source named "Qureshi (2018)" in the book's tables, captions and figures is the entry
    labelled "Qureshi 2018": one entry of that name and year, no a/b suffix to puzzle over."""
    from pybtex.database import parse_string

    from helpers.analysis.scope import source_label
    from helpers.evidence import load
    from helpers.render import bibliography
    from helpers.render.sphinx_extension import BookStyle

    dataset = load(ROOT / "data")
    entries = parse_string(bibliography.bibtex(dataset), "bibtex")
    labels = {e.key: e.label for e in BookStyle().format_bibliography(entries)}
    for source_id, source in dataset.sources.iterrows():
        assert labels[source_id] == words_of(source_label(source))
    assert citation.BOOK_KEY not in labels
