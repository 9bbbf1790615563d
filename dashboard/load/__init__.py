"""Loading exports: files in, canonical Dataset and per-file row accounting out."""

from dashboard.load.pipeline import Loaded, SourceFile, inspect_files, load_files, to_dataset
from dashboard.load.report import LoadReport

__all__ = ["LoadReport", "Loaded", "SourceFile", "inspect_files", "load_files", "to_dataset"]
