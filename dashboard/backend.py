"""The default Ibis backend of a session: an in-memory DuckDB that keeps its tables compressed.

A plain in-memory DuckDB stores tables uncompressed: a 1M-ticket table holds about 170 MB for
as long as the session lives. Tables created in an in-memory database attached with
`COMPRESS` are compressed (dictionary, RLE, bit-packing, FSST) when the database is
checkpointed: the same table then holds about a fifth of that and scans no slower. Nothing is
written to disk. Other backends are left as they are.

Compressing a million tickets takes one to two seconds, so it runs on a thread of its own
once the ticket table is stored: the pages query the tables meanwhile (DuckDB lets readers and
a checkpoint run together), and the manager does not wait for it. A checkpoint blocks writes
to its database, so the other tables go to a second attached database (`side_database`),
compressed after the tickets.

DuckDB's allocator keeps freed pages (the uncompressed copy, a query's hash tables) until its
next allocation; with its background threads on, they go back to the system while the
manager looks at the page.
"""

from __future__ import annotations

import logging
import threading

import ibis
from ibis.backends import BaseBackend

STORE = "servicegap"  # the attached database that holds a session's ticket table
SIDE = "servicegap_side"  # and the other tables: storing them while STORE compresses

log = logging.getLogger(__name__)


def in_memory_duckdb() -> BaseBackend:
    """A new in-memory DuckDB connection whose tables are created in a compressible database."""
    con = ibis.duckdb.connect()
    for sql in (
        f"ATTACH ':memory:' AS {STORE} (COMPRESS)",
        f"ATTACH ':memory:' AS {SIDE} (COMPRESS)",
        f"USE {STORE}",
        "SET allocator_background_threads = true",
        # no automatic checkpoint on a large commit: it would compress on the loading thread
        "SET checkpoint_threshold = '1TB'",
    ):
        con.raw_sql(sql).fetchall()
    return con


def side_database(con: BaseBackend) -> tuple[str, str] | None:
    """Where to store the tables other than tickets: (catalog, schema), or None (as usual).

    A checkpoint blocks writes to its database, so compressing the ticket table held the
    creation of the survey and review tables back by one to two seconds at 1M tickets; stored
    in a database of their own, they are not held back.
    """
    return (SIDE, "main") if _ours(con) else None


def _ours(con: BaseBackend) -> bool:
    """Whether `con` was made by `in_memory_duckdb` (the only connections compressed)."""
    if con.name != "duckdb":
        return False
    return con.raw_sql("SELECT current_database()").fetchall()[0][0] == STORE


def compress_in_background(
    con: BaseBackend, after: threading.Thread | None = None, database: str = STORE
) -> threading.Thread | None:
    """Start compressing the tables stored so far in `database`; the thread to join, or None.

    Only a connection made by `in_memory_duckdb` is compressed. `after` is an earlier such
    thread to wait for (one checkpoint at a time). A failure leaves the tables as they are
    (uncompressed, still correct) and is logged, never raised.
    """
    if not _ours(con):
        return None
    cursor = con.con.cursor()  # a connection of its own: the pages use `con` meanwhile

    def checkpoint() -> None:
        if after is not None:
            after.join()
        try:
            cursor.execute(f"CHECKPOINT {database}").fetchall()
        except Exception:  # compression is an optimisation: the data is intact without it
            log.warning("could not compress the session's tables", exc_info=True)
        finally:
            cursor.close()

    # not a daemon: an exiting process (the command line) waits for it, never kills it mid-way
    thread = threading.Thread(target=checkpoint, name="servicegap-compress", daemon=False)
    thread.start()
    return thread
