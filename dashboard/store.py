"""Dataset: the canonical tables of one session on an Ibis backend, with their provenance.

DuckDB in memory is the default backend; any Ibis backend that can `create_table` from a pandas
frame works, so the KPI code (written against `Dataset.table(kind)`) runs unchanged elsewhere.

Surveys and reviews that carry a ticket id inherit the ticket's segments (channel, team, agent,
priority, country, product, organisation and kept columns) where they have none of their own:
`Dataset.table` returns that enriched table (joined once, when the data is stored), so KPI
code never joins by hand and no query pays the join again.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import ibis
import pandas as pd
from ibis.backends import BaseBackend

from dashboard.agent_numbers import COLUMN as AGENT_NUMBER
from dashboard.agent_numbers import agent_numbers
from dashboard.backend import SIDE, compress_in_background, in_memory_duckdb, side_database
from dashboard.followups import COLUMN as FOLLOW_UP
from dashboard.followups import OBSERVED, next_contact_minutes, observed_minutes
from dashboard.schema import COLUMNS, TableKind, conform


@dataclass(frozen=True, slots=True)
class Dataset:
    """Canonical tables on one Ibis connection, plus labels and what each file contributed.

    Attributes:
        con: the Ibis backend holding the tables (per session; never shared between users).
        tables: enriched Ibis tables by kind, only for kinds that were loaded.
        labels: per kind, display label for every segment column (original header for kept
            columns, a readable name for canonical ones).
        reports: one load report per file (row accounting, mapping), in load order.
        is_sample: True when the data is the bundled sample.
        compressing: the thread compressing the stored tables (`backend`), if one was started.
    """

    con: BaseBackend
    tables: Mapping[TableKind, ibis.Table]
    labels: Mapping[TableKind, Mapping[str, str]] = field(default_factory=dict)
    reports: tuple[Any, ...] = ()
    is_sample: bool = False
    compressing: threading.Thread | None = field(default=None, compare=False, repr=False)

    def settle(self) -> None:
        """Wait until the tables are stored compressed (for benchmarks and tests)."""
        if self.compressing is not None:
            self.compressing.join()

    def has(self, kind: TableKind) -> bool:
        """Whether a table of this kind was loaded (it may still hold zero rows)."""
        return kind in self.tables

    def table(self, kind: TableKind) -> ibis.Table:
        """The (enriched) Ibis table of `kind` (KeyError when that kind was not loaded)."""
        return self.tables[kind]

    def columns(self, kind: TableKind) -> tuple[str, ...]:
        """Column names of the loaded table of `kind` (empty when not loaded)."""
        return tuple(self.tables[kind].columns) if kind in self.tables else ()

    def segment_columns(self, kind: TableKind) -> dict[str, str]:
        """Segment column -> display label, for the columns the table of `kind` really has."""
        present = set(self.columns(kind))
        return {c: label for c, label in self.labels.get(kind, {}).items() if c in present}


def default_label(name: str) -> str:
    """A readable label for a canonical column name ("first_response_minutes" -> "First ...")."""
    return name.replace("_", " ").capitalize()


def build_dataset(
    frames: MutableMapping[TableKind, pd.DataFrame],
    *,
    kept_labels: Mapping[TableKind, Mapping[str, str]] | None = None,
    reports: tuple[Any, ...] = (),
    is_sample: bool = False,
    con: BaseBackend | None = None,
    consume: bool = False,
) -> Dataset:
    """Put canonical frames on an Ibis backend (a new in-memory DuckDB by default).

    Args:
        frames: canonical frames by kind (already parsed; `schema.conform` is applied here).
        kept_labels: per kind, kept (non-canonical) column -> original header.
        reports: the per-file load reports to carry along.
        is_sample: whether this is the bundled sample data.
        con: an Ibis backend to use instead of a fresh in-memory DuckDB.
        consume: take each frame out of `frames` as it is stored, so that (when the caller
            holds no other reference) a stored table's frame is freed before the next table
            is stored: the parsed frames and the backend's copies never all coexist.
    """
    con = con if con is not None else in_memory_duckdb()
    side = side_database(con)
    kept_labels = kept_labels or {}
    base: dict[TableKind, ibis.Table] = {}
    labels: dict[TableKind, dict[str, str]] = {}
    compressing = None
    for kind in list(frames):
        conformed = conform(kind, frames.pop(kind) if consume else frames[kind])
        if kind == TableKind.TICKETS:
            conformed[FOLLOW_UP] = next_contact_minutes(conformed.customer_id, conformed.created_at)
            conformed[OBSERVED] = observed_minutes(conformed.created_at)
            conformed[AGENT_NUMBER] = agent_numbers(conformed.agent)
        where = side if kind != TableKind.TICKETS else None
        base[kind] = con.create_table(kind.value, conformed, overwrite=True, database=where)
        seg = {c.name: default_label(c.name) for c in COLUMNS[kind] if c.is_segment}
        seg.update(kept_labels.get(kind, {}))
        # a canonical segment the export has no values for is no segment: a survey file
        # without teams offered "CSAT by team" with one "(blank)" dot
        labels[kind] = {c: label for c, label in seg.items()
                        if c in conformed.columns and conformed[c].notna().any()}  # fmt: skip
        del conformed
        if kind == TableKind.TICKETS:  # the big one: compress it while the others are stored
            compressing = compress_in_background(con)
    tables = dict(base)
    children = [k for k in (TableKind.SURVEYS, TableKind.REVIEWS) if k in base]
    if TableKind.TICKETS in base and children:
        tickets = base[TableKind.TICKETS]
        unique = _ids_unique(tickets)
        for kind in children:
            enriched, labels[kind] = _inherit_ticket_segments(
                base[kind], tickets, labels[kind], labels[TableKind.TICKETS], unique
            )
            # stored, not a view: every survey query (and the KPI list) would join again
            tables[kind] = con.create_table(kind.value, enriched, overwrite=True, database=side)
    if any(kind != TableKind.TICKETS for kind in base):  # the tables in the side database
        compressing = compress_in_background(con, after=compressing, database=SIDE)
    return Dataset(con, tables, labels, reports, is_sample, compressing)


def _ids_unique(tickets: ibis.Table) -> bool:
    """Whether no ticket id repeats (ids repeat only across files: two brands' numbers)."""
    ids = tickets.ticket_id
    counts = tickets.aggregate(n=ids.count(), distinct=ids.nunique()).to_pandas()
    return int(counts["n"].iloc[0]) == int(counts["distinct"].iloc[0])


def _inherit_ticket_segments(
    child: ibis.Table,
    tickets: ibis.Table,
    child_labels: dict[str, str],
    ticket_labels: dict[str, str],
    unique: bool,
) -> tuple[ibis.Table, dict[str, str]]:
    """Left-join a survey/review table to its tickets' segments; the child's own values win.

    A ticket id that repeats (`unique` False) gives its first value of each column, so a
    child row never joins twice.
    """
    seg_cols = [c for c in ticket_labels if c in tickets.columns]
    tickets = tickets.filter(tickets.ticket_id.isin(child.ticket_id))  # the rated ones only
    right = tickets.select(
        _t_ticket_id=tickets.ticket_id,
        **{f"_t_{c}": tickets[c] for c in seg_cols},
        _t_created_at=tickets.created_at,
        _t_resolved_at=tickets.resolved_at,
        _t_sla_met=tickets.sla_met,
    )
    if not unique:
        right = right.distinct(on="_t_ticket_id", keep="first")
    joined = child.left_join(right, child.ticket_id == right._t_ticket_id)
    out: dict[str, Any] = {}
    for c in child.columns:
        out[c] = joined[c]
    for c in seg_cols:
        out[c] = joined[c].coalesce(joined[f"_t_{c}"]) if c in child.columns else joined[f"_t_{c}"]
    out["ticket_created_at"] = joined._t_created_at
    out["ticket_resolved_at"] = joined._t_resolved_at
    out["ticket_sla_met"] = joined._t_sla_met
    labels = dict(ticket_labels)
    labels.update(child_labels)
    return joined.select(**out), labels
