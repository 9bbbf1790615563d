"""Compiled queries kept across filter changes: a new filter runs old SQL on new rows.

Compiling a page's KPI queries from Ibis to SQL costs about as much as running them (40–130 ms
per query at 1M rows), and a filter change used to pay it again for identical query shapes. So
the engine builds its queries on stand-in tables (`stand_ins`) whose compiled SQL does not
depend on the filters; `Sources.frame` compiles each query shape once (kept in a small
process-wide memo: a pure function of the query, shared safely by every session) and puts the
current scoped tables in as subqueries (each compiled once per compute). The splice only
swaps a stand-in table name for SQL that Ibis itself compiled from the scoped table, so no
value ever enters SQL by hand.

This fast path is for the embedded DuckDB backend; on any other backend the stand-ins are not
used and every query runs through Ibis as usual, so the KPI code stays backend-independent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

import ibis
import ibis.expr.operations as ops
import pandas as pd
import pyarrow.types as pat
from ibis.backends import BaseBackend

from dashboard.store import Dataset

STAND_IN = "servicegap_stand_in_"

Run = Callable[[ibis.Table], pd.DataFrame]
"""How a query becomes a frame: `Sources.frame` in the engine, `run_plain` elsewhere."""


def run_plain(expr: ibis.Table) -> pd.DataFrame:
    """Run a query through Ibis (no stand-ins): the default for callers outside the engine."""
    return expr.to_pandas()


@dataclass(frozen=True, slots=True)
class Sources:
    """The real (scoped) table behind each stand-in, on one DuckDB connection.

    Attributes:
        con: the Ibis DuckDB backend the SQL runs on (None: stand-ins unused, plain Ibis).
        tables: stand-in table name -> the scoped table it stands for.
    """

    con: BaseBackend | None = None
    tables: Mapping[str, ibis.Table] = field(default_factory=dict)
    # compiled on first use, once per compute; not process-wide, which would keep every
    # session's backend (and its data) alive
    _compiled: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def sql(self) -> dict[str, str]:
        """Stand-in table name -> the compiled SQL of the table it stands for."""
        return {name: self._source(name) for name in self.tables}

    def _source(self, name: str) -> str:
        if name not in self._compiled:
            self._compiled[name] = str(self.con.compile(self.tables[name]))
        return self._compiled[name]

    def frame(self, expr: ibis.Table) -> pd.DataFrame:
        """The result of `expr` as a DataFrame, exactly as `expr.to_pandas()` would give it."""
        if self.con is None:
            return run_plain(expr)
        sql, hooks = _template(expr.op())
        for name in self.tables:
            quoted = f'"{name}"'
            if quoted in sql:  # only the tables this query reads are compiled
                sql = sql.replace(quoted, f"({self._source(name)})")
        return _duckdb_frame(self.con, sql, expr, hooks)


def stand_ins(data: Dataset) -> tuple[Dataset, Sources]:
    """`data` with every table replaced by an unbound stand-in of the same schema, + its SQL.

    On a backend other than DuckDB, `data` comes back unchanged with `Sources()` (plain Ibis).
    """
    if getattr(data.con, "name", "") != "duckdb":
        return data, Sources()
    tables, real = {}, {}
    for kind, table in data.tables.items():
        name = f"{STAND_IN}{kind.value}"
        tables[kind] = ibis.table(table.schema(), name=name)
        real[name] = table
    return replace(data, tables=tables), Sources(data.con, real)


@lru_cache(maxsize=512)
def _template(op) -> tuple[str, bool]:
    """The DuckDB SQL of a query on stand-in tables, and whether it needs Ibis's pre-run hooks.

    Memoised: ops hash by structure. The hooks register in-memory tables (e.g. a period grid)
    and UDFs; walking a large query for them costs milliseconds, so only queries holding one
    run them.
    """
    sql = str(ibis.to_sql(op.to_expr(), dialect="duckdb"))
    return sql, bool(op.find((ops.InMemoryTable, *_UDFS)))


_UDFS = (ops.ScalarUDF, ops.AggUDF, ops.ElementWiseVectorizedUDF, ops.ReductionVectorizedUDF,
         ops.AnalyticVectorizedUDF)  # fmt: skip


def _duckdb_frame(con: BaseBackend, sql: str, expr: ibis.Table, hooks: bool) -> pd.DataFrame:
    """Run `sql` on DuckDB and convert the result the way Ibis's DuckDB backend does."""
    from ibis.backends.duckdb.converter import DuckDBPandasData

    if hooks:
        con._run_pre_execute_hooks(expr)
    table = con.con.sql(sql).to_arrow_table()
    columns = {
        name: col.to_pylist()
        if pat.is_nested(col.type) or pat.is_dictionary(col.type) or col.null_count
        else col.to_pandas()
        for name, col in zip(table.column_names, table.columns, strict=True)
    }
    schema = expr.schema()
    frame = DuckDBPandasData.convert_table(pd.DataFrame(columns), schema)
    if any(t.is_nested() for t in schema.types):
        return expr.__pandas_result__(frame)  # Ibis's second pass (arrays, maps, structs)
    return frame  # flat columns: the second pass gives back the same frame, at 3 ms a query
