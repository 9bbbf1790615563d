"""Funnel limits and positions against hand computation."""

from __future__ import annotations

import math

import pytest

from dashboard.funnel import Position, mean_funnel, proportion_funnel


def test_proportion_funnel_positions_by_hand() -> None:
    f = proportion_funnel(["A", "B", "C"], [45, 400, 10], [50, 500, 20])
    p0 = 455 / 570
    assert f.center == pytest.approx(100 * p0)
    # C: z = (0.5 - p0) / sqrt(p0 (1 - p0) / 20) = -3.32 -> beyond the 99.8 % limit (3.09)
    z_c = (0.5 - p0) / math.sqrt(p0 * (1 - p0) / 20)
    assert z_c == pytest.approx(-3.3233, abs=1e-3)
    positions = dict(zip(f.points["segment"], f.points["position"], strict=True))
    assert positions == {"A": Position.EXPECTED, "B": Position.EXPECTED, "C": Position.BELOW}
    # the 95 % limit at n = 50 is p0 ± 1.96 sd / sqrt(50)
    half = 1.959964 * 100 * math.sqrt(p0 * (1 - p0)) / math.sqrt(50)
    row = f.curve.iloc[(f.curve["n"] - 50).abs().argmin()]
    n = row["n"]
    assert row["hi95"] - f.center == pytest.approx(half * math.sqrt(50 / n), rel=1e-6)


def test_limits_narrow_with_n_and_stay_within_0_100() -> None:
    f = proportion_funnel(["A", "B"], [1, 97], [2, 100])
    assert f.curve["hi95"].is_monotonic_decreasing or (f.curve["hi95"] == 100).any()
    assert f.curve[["lo998", "hi998"]].min().min() >= 0
    assert f.curve[["lo998", "hi998"]].max().max() <= 100


def test_mean_funnel_uses_pooled_sd() -> None:
    # A: 1,2,3 (n 3, sum 6, sumsq 14); B: 4,5 (n 2, sum 9, sumsq 41); pooled mean 3, var 2.5
    f = mean_funnel(["A", "B"], [3, 2], [6, 9], [14, 41])
    assert f.center == pytest.approx(3.0)
    row = f.curve.iloc[0]
    assert row["hi95"] - 3.0 == pytest.approx(1.959964 * math.sqrt(2.5) / math.sqrt(row["n"]))
    assert list(f.points["value"]) == [2.0, 4.5]


def test_no_variation_and_no_data_give_reasons() -> None:
    assert proportion_funnel(["A", "B"], [5, 10], [5, 10]).reason
    assert proportion_funnel(["A"], [0], [0]).reason
    assert mean_funnel(["A"], [3], [6], [12]).reason  # all values 2
