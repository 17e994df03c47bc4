"""The chapters: one module per chapter notebook, named like it, holding the chapter's parameters
(``Params``), its rules and the data ids it depends on; the registry that finds them by name;
and the book's contents (``_toc.yml``), the one list of chapters.

A notebook starts with ``P, dataset, scope = chapter.open(globals())``. Chapters import the
layers below them (:mod:`helpers.render`, :mod:`helpers.analysis`, :mod:`helpers.evidence`).
"""
