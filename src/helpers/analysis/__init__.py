"""What the book computes: the parameters a chapter takes and how they are checked, the scope a
selection defines, and the measures computed over it (disagreements, stances, statuses, counts).

Frames in, frames out: nothing here writes markup or files. It imports only
:mod:`helpers.evidence`.
"""
