"""The build of the book, which knows nothing of Pakistan or Russia: the plan (checked inputs), the
session that executes the chapters and compiles the book, the one registry of paths, the cache,
the kernels, Jupyter Book, the staged book, the environment of the tools, and files, locks and
processes.

Entry point: :func:`helpers.build.session.build`. This is the top layer: it may import every
other.
"""
