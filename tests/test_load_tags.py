"""Tags gathered from every column an export repeats for them (Jira: one "Labels" per label)."""

from __future__ import annotations

import pandas as pd

from dashboard.load.pipeline import SourceFile, inspect_files


def test_jira_labels_from_every_repeated_column_are_joined_into_tags() -> None:
    text = (
        "Issue key,Summary,Created,Labels,Labels,Labels\n"
        "SD-1,a,2024-03-01 10:00,vip,faktura,\n"
        "SD-2,b,2024-03-02 10:00,,,\n"
        "SD-3,c,2024-03-03 10:00,,eu,\n"
    )
    loaded = inspect_files([SourceFile("jira.csv", text.encode())])
    tags = loaded.frames["tickets"][0]["tags"]
    assert [None if pd.isna(t) else t for t in tags] == ["vip, faktura", None, "eu"]
