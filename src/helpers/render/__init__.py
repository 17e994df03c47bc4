"""What readers see: words for numbers, dates and lists; MyST markup; tables; the figure style and
the charts; the outputs a chapter shows (tables, figures, downloads); the pages made from the
seeds; the bibliography; and the Sphinx extension that carries the book's style.

It imports :mod:`helpers.analysis` and :mod:`helpers.evidence`, never the chapters or the build.
"""
