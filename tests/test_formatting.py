"""Display strings: real minus signs, edge-aware percents, spoken durations."""

from __future__ import annotations

import pytest

from dashboard import formatting as fmt


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (86.4, "%", "86 %"), (4.56, "%", "4.6 %"), (0.04, "%", "< 0.1 %"), (-12.0, "points", "−12"),
        (45, "minutes", "45 min"), (200, "minutes", "3 h 20 min"), (3000, "minutes", "2 d 2 h"),
        (1204, "tickets", "1,204"), (4.153, "score", "4.15"), (88.23, "score", "88.2"),
        (float("nan"), "%", "—"),
    ],
)  # fmt: skip
def test_value(value, unit, expected) -> None:
    assert fmt.value(value, unit) == expected


def test_change_pvalue_ratio() -> None:
    assert fmt.change(-5.0, "%") == "−5.0 points"
    assert fmt.change(12.0, "points") == "+12 points"
    assert fmt.change(-30, "minutes") == "−30 min"
    assert fmt.pvalue(0.0004) == "p < 0.001" and fmt.pvalue(0.0321) == "p = 0.032"
    assert fmt.pvalue(None) == "no test"
    assert fmt.ratio_change(1.16) == "+16 %" and fmt.ratio_change(0.9) == "−10 %"
    assert fmt.signed(0.0) == "0"
    # '+8699 tickets' on the Overview card: thousands are separated like every other count
    assert fmt.change(8699.0, "tickets") == "+8,699 tickets"
    assert fmt.signed(-12345.6, 1) == "−12,345.6" and fmt.signed(-0.0001, 2) == "0.00"
