"""Helpers for the Pakistan–Russia research book.

The package is imported as ``helpers`` by the chapter notebooks, the tests and the command line
(``python -m helpers``). Its modules each do one job:

- :mod:`helpers.schema`, :mod:`helpers.data`, :mod:`helpers.provenance`: the dataset, its one
  schema, validation and quote matching;
- :mod:`helpers.params`: the typed parameters of every chapter;
- :mod:`helpers.build` and the modules it drives (:mod:`helpers.project`, :mod:`helpers.cache`,
  :mod:`helpers.execute`, :mod:`helpers.staging`, :mod:`helpers.book`, :mod:`helpers.lock`): the
  incremental build of the book.
"""
