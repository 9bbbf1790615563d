"""What each file gave: source, row accounting with reasons and examples, mapping, preview.

Upload text (headers, values, names) is only ever shown inside dataframes or as plain text,
never as Markdown or HTML, so a cell such as `**urgent**` or `<img src=x>` stays literal.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.load import LoadReport
from dashboard.reports import accounting, examples_table, mapping_table, reasons_table
from dashboard.schema import COLUMNS, TableKind
from dashboard.ui import loading
from dashboard.ui.text import literal
from dashboard.uploads import NOT_MAPPED, FileResult, overrides_from_edit


def file_panel(result: FileResult) -> None:
    """One uploaded file: its error with a hand mapping, or its reports."""
    if len(result.sheets) > 1:
        _sheet_chooser(result)
    if result.error is not None:
        with st.expander(literal(result.name), expanded=True, icon=":material/error:"):
            st.error(literal(result.error.message), icon=":material/error:")
            if result.error.hint:
                st.text(result.error.hint)
            if result.headers:
                _mapping_editor(result, None)
        return
    for report in result.loaded.reports:
        report_panel(report, result)


def report_panel(report: LoadReport, result: FileResult | None = None) -> None:
    """One table read from one file, with its accounting, mapping and problems."""
    acc = accounting(report)
    icon = ":material/warning:" if acc.rows_excluded else ":material/check_circle:"
    title = literal(f"{report.file} · {report.source_label} · {report.kind}")
    with st.expander(title, expanded=result is not None, icon=icon):
        cols = st.columns(4)
        cols[0].metric("Rows read", f"{acc.rows_read:,}")
        cols[1].metric("Used", f"{acc.rows_used:,}")
        cols[2].metric("Excluded", f"{acc.rows_excluded:,}")
        cols[3].metric("Recognised as", str(report.kind).capitalize())
        st.text(acc.sentence)
        reasons = reasons_table(report)
        if not reasons.empty:
            st.markdown("**Rows excluded or values blanked, by reason**")
            st.dataframe(reasons, hide_index=True)
            st.markdown("**Examples** (line numbers as a text editor shows them)")
            st.dataframe(
                examples_table(report),
                hide_index=True,
                height=220,
                # the explanation matters more than the raw line: give it the room
                column_config={
                    "Value": st.column_config.TextColumn(width="medium"),
                    "Detail": st.column_config.TextColumn(width="large"),
                },
            )
        st.markdown("**Column mapping**")
        st.dataframe(mapping_table(report), hide_index=True)
        if report.notes:
            st.markdown("**How the file was read**")
            st.text("\n".join(f"• {n}" for n in report.notes))
        if result is not None:
            preview = result.previews.get(report.kind)
            if preview is not None:
                st.markdown("**Preview after mapping**")
                st.dataframe(preview, hide_index=True)
            _mapping_editor(result, report)


def _mapping_editor(result: FileResult, report: LoadReport | None) -> None:
    """Correct the mapping: pick the header for each canonical column, then re-read the file."""
    key = f"map_{result.name}_{report.kind if report else 'new'}"
    kinds = [str(k) for k in TableKind]
    kind = str(report.kind) if report else st.selectbox(
        "This file holds", kinds, key=key + "_kind",
        format_func=lambda k: {"surveys": "survey answers", "reviews": "QA reviews"}.get(k, k),
    )  # fmt: skip
    current = dict(report.mapping) if report else {}
    columns = COLUMNS[TableKind(kind)]
    frame = pd.DataFrame(
        {
            "Column": [c.name for c in columns],
            "Meaning": [c.description for c in columns],
            "Header in the file": [current.get(c.name, NOT_MAPPED) for c in columns],
        }
    )
    options = [NOT_MAPPED, *result.headers]
    with st.popover("Correct the mapping", icon=":material/edit:"):
        edited = st.data_editor(
            frame,
            key=key,
            hide_index=True,
            disabled=["Column", "Meaning"],
            column_config={"Header in the file": st.column_config.SelectboxColumn(options=options)},
        )
        chosen = dict(zip(edited["Column"], edited["Header in the file"], strict=True))
        st.button(
            "Re-read the file with this mapping",
            key=key + "_apply",
            on_click=loading.remap,  # a callback: runs before the next script run
            args=(result.name, overrides_from_edit(kind, current, chosen)),
        )


def _sheet_chooser(result: FileResult) -> None:
    """Which sheets of a workbook to read; by default each sheet that is a table of records,
    the first of each kind."""
    key = f"sheets_{result.name}"
    read = result.sheets_read
    with st.container(border=True):
        st.text(
            f"{result.name} is a workbook with {len(result.sheets)} sheets; "
            + (f"read: {', '.join(read)}." if read else "none could be read as it is.")
        )
        chosen = st.multiselect(
            "Sheets to read",
            list(result.sheets),
            default=list(result.chosen_sheets or read),
            key=key,
            help="Each sheet is read on its own; two sheets with the same tickets would count "
            "them twice.",
        )
        current = list(result.chosen_sheets or read)
        st.button(
            "Read these sheets",
            key=key + "_apply",
            disabled=not chosen or chosen == current,
            on_click=loading.choose_sheets,  # a callback: runs before the next script run
            args=(result.name, tuple(chosen)),
        )
