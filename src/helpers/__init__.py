"""The Python package of the Pakistan–Russia research book, imported as ``helpers`` by the chapter
notebooks, the tests and the command line (``python -m helpers``).

It is five layers; each imports only the layers below it (``make test`` enforces this with an
import-linter contract in ``pyproject.toml``):

``helpers.build``
    The pipeline, which knows nothing of Pakistan or Russia: the plan (checked inputs), the
    session that executes the chapters with papermill and compiles the book with Jupyter Book,
    the one registry of paths, the cache, the staged book, the tools' environment, and files,
    locks and child processes.
``helpers.chapters``
    One module per chapter notebook, named like it (or a package of modules, for a long
    chapter): its parameters (``Params``), its rules and the data ids it depends on; the
    book's key findings; the registry that finds the chapters; the book's contents
    (``_toc.yml``, the one list of chapters).
``helpers.render``
    What readers see: words for numbers and dates, MyST markup, tables, the figure style and
    the charts, the outputs a chapter shows, the seed pages, the bibliography and the Sphinx
    extension with the book's style.
``helpers.analysis``
    What the book computes: the parameters every chapter takes and how values are checked, the
    scope a selection defines, and the measures over it. Frames in, frames out: no markup, no
    files.
``helpers.evidence``
    The dataset: vocabularies with their display words, the one schema, quotes and seeds,
    strict CSV reading, the checks, and ``load``.

``helpers.__main__`` is the command line, above every layer.
"""
