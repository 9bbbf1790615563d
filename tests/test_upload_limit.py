"""The upload size limit: one number for the browser and the loader, and a clear refusal."""

from __future__ import annotations

import tomllib
from pathlib import Path

from dashboard.config import Settings
from dashboard.load.pipeline import SourceFile, inspect_files

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_and_loader_limits_agree() -> None:
    """The browser refuses what the loader would refuse, and nothing it would accept."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == Settings().max_upload_mb


def test_a_file_over_the_limit_is_refused_by_name_with_what_to_do() -> None:
    """Over the limit: the message names the file, its size and the limit, and says what to do."""
    data = b"Id,Created at\n" + b"1,2024-03-11 08:00:00\n" * 60_000  # about 1.3 MB
    loaded = inspect_files([SourceFile("big.csv", data)], Settings(max_upload_mb=1))
    (error,) = loaded.errors
    assert loaded.error_files == ["big.csv"]
    text = f"{error.message} {error.hint}"
    assert "big.csv is 1.3 MB, over the 1 MB limit" in text
    assert "split the export into files under 1 MB" in text
