"""A tiny hand-made dataset shared by the gap tests (every number in the tests comes from it).

Tickets T1..T7, teams A and B. QA reviews (0–100) and CSAT answers (1–5):

| review | ticket | reviewed   | score | team |      | ticket | CSAT answers (latest wins)      |
|--------|--------|------------|-------|------|------|--------|---------------------------------|
| R1     | T1     | 2024-01-05 | 90    | A    |      | T1     | 5 on 01-03, then 2 on 01-04 → 2 |
| R2     | T2     | 2024-01-10 | 70    | A    |      | T2     | 4 (good)                        |
| R3     | T3     | 2024-01-20 | 100   | B    |      | T3     | none                            |
| R4     | T4     | 2024-02-03 | 80    | B    |      | T4     | 3 (neither good nor bad)        |
| R5     | T5     | 2024-02-15 | 60    | A    |      | T5     | 5 (good)                        |
| R6     | -      | 2024-02-20 | 50    | -    |      | T6     | 1 (bad; never reviewed)         |
| R7     | T1     | 2024-02-25 | 100   | A    |      | T7     | 1 (bad; self-assessed only)     |
| S1     | T7     | 2024-02-26 | 95    | A    |      |        | (S1 is a self-assessment)       |
"""

from __future__ import annotations

import pandas as pd

from dashboard.schema import TableKind as K
from dashboard.store import Dataset, build_dataset


def ts(*values: str | None) -> pd.Series:
    """Timestamps at microsecond resolution (None = missing)."""
    return pd.Series(pd.to_datetime(list(values)), dtype="datetime64[us]")


def tickets() -> pd.DataFrame:
    """T1..T7 with team, customer and SLA result (T3 SLA not evaluated)."""
    return pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4", "T5", "T6", "T7"],
            "created_at": ts(*[f"2024-01-0{i}" for i in range(1, 8)]),
            "resolved_at": ts(*[f"2024-01-0{i} 12:00" for i in range(1, 8)]),
            "team": ["A", "A", "B", "B", "A", "B", "A"],
            "customer_id": ["c1", "c1", "c2", "c3", "c3", "c4", "c5"],
            "sla_met": pd.array([True, True, None, True, False, True, True], dtype="boolean"),
        }
    )


def reviews() -> pd.DataFrame:
    """QA reviews R1..R7 and one self-assessment S1 (see the module table)."""
    return pd.DataFrame(
        {
            "review_id": ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "S1"],
            "ticket_id": ["T1", "T2", "T3", "T4", "T5", None, "T1", "T7"],
            "reviewed_at": ts(
                "2024-01-05",
                "2024-01-10",
                "2024-01-20",
                "2024-02-03",
                "2024-02-15",
                "2024-02-20",
                "2024-02-25",
                "2024-02-26",
            ),
            "score": [90.0, 70.0, 100.0, 80.0, 60.0, 50.0, 100.0, 95.0],
            "review_type": ["qa"] * 6 + [None, "self"],
        }
    )


def csat(ticket_ids: list[str | None], scores: list[float], dates: list[str]) -> pd.DataFrame:
    """CSAT answers on 1–5."""
    n = len(scores)
    return pd.DataFrame(
        {
            "response_id": [f"U{i}" for i in range(n)],
            "ticket_id": ticket_ids,
            "responded_at": ts(*dates),
            "survey_type": ["csat"] * n,
            "score": scores,
            "scale_min": [1.0] * n,
            "scale_max": [5.0] * n,
        }
    )


def surveys() -> pd.DataFrame:
    """The CSAT answers of the module table."""
    return csat(
        ["T1", "T1", "T2", "T4", "T5", "T6", "T7"],
        [5.0, 2.0, 4.0, 3.0, 5.0, 1.0, 1.0],
        ["2024-01-03", "2024-01-04", "2024-01-12", "2024-02-05", "2024-02-16", "2024-01-08",
         "2024-02-27"],
    )  # fmt: skip


def dataset(**extra: pd.DataFrame) -> Dataset:
    """Tickets, reviews and surveys of the module table, plus extra kinds by name."""
    frames = {K.TICKETS: tickets(), K.REVIEWS: reviews(), K.SURVEYS: surveys()}
    frames.update({K(k): v for k, v in extra.items()})
    return build_dataset(frames)


def test_fixture_loads() -> None:
    ds = dataset()
    assert ds.table(K.REVIEWS).count().execute() == 8
    assert ds.table(K.SURVEYS).count().execute() == 7
