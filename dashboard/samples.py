"""The bundled sample data: a year of synthetic exports in several vendor formats.

The app opens on it so a first-time user sees real charts before uploading anything; the files
are written by `sample_data/generate.py` (seeded) and read through the same loader as uploads.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.config import Settings
from dashboard.load import Loaded, SourceFile, load_files
from dashboard.store import Dataset

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
SUFFIXES = (".csv", ".zip", ".xlsx", ".tsv", ".txt")


def sample_files(directory: Path = SAMPLE_DIR) -> list[SourceFile]:
    """The sample exports, in name order (generator script and README excluded)."""
    paths = sorted(p for p in directory.iterdir() if p.is_file() and p.name.endswith(SUFFIXES))
    return [SourceFile(name=p.name, data=p.read_bytes()) for p in paths]


def load_sample(settings: Settings | None = None) -> tuple[Dataset, Loaded]:
    """Load every sample file into a fresh Dataset marked as sample data."""
    return load_files(sample_files(), settings, is_sample=True)
