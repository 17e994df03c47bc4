"""What the fuzzing tests share: values that are mostly out of their column's range, and the
settings of a fuzzing test."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

OUT_OF_RANGE = st.one_of(
    st.integers(-(10**13), 10**13).map(str),
    st.floats().map(str),
    st.sampled_from(["1e400", "-1e400", "-0", "0.5", "1e12", "1000000000001", "99999"]),
    st.sampled_from(["1_000", "0x10", "１２", "٣", "２０１８", "inf", "nan", "1e", "--1"]),
    st.builds("{:04d}".format, st.integers(0, 9999)),
    st.builds("{:04d}-{:02d}".format, st.integers(0, 9999), st.integers(1, 12)),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
)
"""Numbers, years and dates, most of them out of the range their column allows."""


def fuzzing(examples: int) -> settings:
    """Hypothesis settings for ``examples`` runs of a test that reuses a module's dataset."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
