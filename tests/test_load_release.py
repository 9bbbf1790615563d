"""Once a file's main table is parsed, the text nothing reads any more is let go before the
tables inside the same file (ratings in a ticket export, further survey questions) are parsed:
the peak memory of a large load. What is read must not change."""

from __future__ import annotations

from pathlib import Path

import pandas.testing as pdt
import pytest

from dashboard.ingest import read_file
from dashboard.load import pipeline
from dashboard.load.pipeline import Loaded, SourceFile, inspect_files

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
FILES = sorted(p.name for p in EXPORTS.iterdir() if p.suffix in (".csv", ".xlsx", ".zip"))


def test_a_ticket_export_keeps_only_the_rating_columns_once_its_tickets_are_parsed() -> None:
    name = "zendesk_tickets.csv"
    (raw,) = read_file((EXPORTS / name).read_bytes(), name)
    width = raw.frame.shape[1]
    loaded = Loaded()
    pipeline._load_table(raw, {}, loaded)
    survey = loaded.detections[0].mappings[1]
    read = {s.header for s in survey.columns} | set(survey.keep)
    assert set(raw.frame.columns) <= read
    assert "Satisfaction Score" in raw.frame.columns
    assert raw.frame.shape[1] < width / 4
    assert len(raw.frame) == loaded.reports[0].rows_read  # lines and rows still line up


@pytest.mark.parametrize("name", FILES)
def test_what_is_read_is_the_same_as_with_every_column_kept(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [SourceFile(name, (EXPORTS / name).read_bytes())]
    released = inspect_files(files)
    monkeypatch.setattr(pipeline, "_release_text", lambda raw, derived: None)
    kept = inspect_files(files)
    assert [str(e) for e in released.errors] == [str(e) for e in kept.errors]
    assert released.reports == kept.reports
    assert released.kept == kept.kept
    assert list(released.frames) == list(kept.frames)
    for kind, parts in kept.frames.items():
        for got, want in zip(released.frames[kind], parts, strict=True):
            pdt.assert_frame_equal(got, want)
