"""Recognise helpdesk, survey and QA exports and map their columns onto canonical columns.

Public surface:

- `detect(headers, header_extra, sample, file_name=...) -> Detection`
- `apply_overrides(detection, {"created_at": "Opened"}, headers) -> Detection`
- `PROFILES`: the registry of vendor profiles (declarative data, see `model.Profile`)
- the result types `Detection`, `TableMapping`, `ColumnSpec`, `ParseAs`
"""

from dashboard.sources.detect import detect
from dashboard.sources.model import ColumnSpec, Detection, ParseAs, Profile, TableMapping
from dashboard.sources.overrides import apply_overrides
from dashboard.sources.registry import PROFILES

__all__ = [
    "PROFILES",
    "ColumnSpec",
    "Detection",
    "ParseAs",
    "Profile",
    "TableMapping",
    "apply_overrides",
    "detect",
]
