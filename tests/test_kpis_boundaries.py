"""Period boundaries: backlog at a range end inside a month, time-zone conversion moving tickets
across midnight (and daylight saving), and `values` reproducing a cell from its rows."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.errors import ServicegapError
from dashboard.kpis import KpiRequest, compute, values
from dashboard.kpis.zones import offsets
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset

T = pd.Timestamp


@pytest.fixture(scope="module")
def data():
    tickets = pd.DataFrame({
        "ticket_id": ["1", "2", "3", "4"],
        # 2: created 23:30 UTC on 31 Jan = 00:30 on 1 Feb in Oslo (UTC+1 in winter)
        "created_at": [T("2024-01-05 10:00"), T("2024-01-31 23:30"), T("2024-01-10 08:00"),
                       T("2024-01-12 09:00")],
        "resolved_at": [T("2024-01-20 10:00"), T("2024-02-02 10:00"), pd.NaT,
                        T("2024-01-11 09:00")],  # 4: resolved before created (data error)
        "first_response_at": [T("2024-01-05 10:30"), T("2024-02-01 00:30"),
                              T("2024-01-10 07:00"), T("2024-01-12 10:00")],
    })  # fmt: skip
    return build_dataset({K.TICKETS: tickets})


def test_backlog_at_a_range_end_inside_the_month(data) -> None:
    req = KpiRequest(("backlog",), "month", date(2024, 1, 1), date(2024, 1, 15))
    f = compute(data, req, Settings()).frame.set_index("period")
    # open at the end of 15 Jan: 1 (resolved 20 Jan) and 3 (never); 4 closed on creation
    assert f.loc["all", "value"] == 2
    # open at the end of January (1 Feb): 2 and 3
    assert f.loc["2024-01", "value"] == 2
    assert len(values(data, "backlog", date(2024, 1, 1), date(2024, 1, 15))) == 2


def test_time_zone_moves_a_ticket_into_the_next_day() -> None:
    ticket = pd.DataFrame({"ticket_id": ["1"], "created_at": [T("2024-01-31 23:30")]})
    one = build_dataset({K.TICKETS: ticket})
    req = KpiRequest(("tickets_created",), "month", date(2024, 1, 1), date(2024, 2, 29))

    def monthly(settings: Settings) -> dict[str, float]:
        f = compute(one, req, settings).frame
        return dict(zip(f.period, f.value, strict=True))

    assert monthly(Settings())["2024-01"] == 1
    oslo = monthly(Settings(timezone="Europe/Oslo"))
    assert oslo["2024-01"] == 0 and oslo["2024-02"] == 1


def test_zone_offsets_follow_daylight_saving() -> None:
    changes = offsets("Europe/Oslo", date(2024, 1, 1), date(2024, 12, 31))
    # CET +60 min, CEST +120 min from 01:00 UTC on 31 March, back on 27 October
    assert changes == [(T("2023-12-30"), 60), (T("2024-03-31 01:00"), 120),
                       (T("2024-10-27 01:00"), 60)]  # fmt: skip
    with pytest.raises(ServicegapError, match="not a time zone"):
        offsets("Mars/Olympus", date(2024, 1, 1), date(2024, 1, 2))


def test_values_reproduce_the_cell(data) -> None:
    req = KpiRequest(("first_response_time",), "month", date(2024, 1, 1), date(2024, 1, 31))
    cell = compute(data, req, Settings()).frame.set_index("period").loc["all"]
    v = values(data, "first_response_time", date(2024, 1, 1), date(2024, 1, 31))
    # 30, 60 (ticket 2: 23:30 to 00:30) and 60 minutes; ticket 3 (-60) is left out
    np.testing.assert_allclose(np.sort(v), [30.0, 60.0, 60.0])
    assert cell["median"] == pytest.approx(np.median(v)) and cell["n"] == len(v)
