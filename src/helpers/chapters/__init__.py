"""The chapters: one module per chapter notebook, named like it, holding the chapter's parameters
(``Params``), its rules and the data ids it depends on; the registry that finds them by name;
and the book's contents (``_toc.yml``), the one list of chapters.

A chapter too long for one module is a package of the same name (``chronology/``): its
``__init__`` holds ``Params``, ``open`` and the names the notebook and the tests use, imported
explicitly from the modules beside it, each with one job (the rules and selections, the sentences
whose shape depends on the selection, the tables, the figures). ``findings/`` holds the book's
key findings, which the introduction and the conclusion check.

A notebook starts with ``P, dataset, scope = chapter.open(globals())``. Chapters import the
layers below them (:mod:`helpers.render`, :mod:`helpers.analysis`, :mod:`helpers.evidence`).
"""
