"""Settings: the user-adjustable defaults every computation takes as an argument.

Logic modules never read global state; pages hold one `Settings` in session state and pass it in.
Each field's help text is kept next to it so the UI and the glossary show the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import StrEnum


class CsatDefinition(StrEnum):
    """How CSAT turns ratings into one number."""

    TOP_BOX = "top_box"  # share in the top 2 boxes (top box only on scales of 3 points or fewer)
    GOOD_BAD = "good_bad"  # good / (good + bad) on two-point scales; top-box elsewhere
    MEAN = "mean"  # mean rating rescaled to 1-5


class TimeBasis(StrEnum):
    """Which clock durations are measured on."""

    CALENDAR = "calendar"  # wall-clock minutes between timestamps (default)
    BUSINESS = "business"  # the export's business-hours durations, where it has them


class DurationStat(StrEnum):
    """Which statistic summarises a duration KPI in a cell."""

    MEDIAN = "median"
    MEAN = "mean"
    P90 = "p90"


class Correction(StrEnum):
    """Multiple-comparison adjustment of p-values across segments, or across KPIs."""

    BH = "bh"  # Benjamini-Hochberg false discovery rate (default)
    HOLM = "holm"  # Holm step-down family-wise error rate
    NONE = "none"

    @property
    def label(self) -> str:
        """The adjustment in words, for captions."""
        return {"bh": "Benjamini–Hochberg", "holm": "Holm", "none": "no adjustment"}[self.value]


@dataclass(frozen=True, slots=True)
class Settings:
    """Defaults for KPI definitions, periods and statistics. Frozen: use `with_changes`."""

    alpha: float = field(default=0.05, metadata={"help": "Significance level for verdicts."})
    correction: Correction = field(
        default=Correction.BH,
        metadata={"help": "Adjustment when many segments or KPIs are tested."},
    )
    min_n: int = field(
        default=30, metadata={"help": "Fewest observations per group before a test is run."}
    )
    top_n: int = field(
        default=8, metadata={"help": "Segments shown by name; the rest are pooled as (other)."}
    )
    week_start: int = field(
        default=0, metadata={"help": "First day of the week (0 = Monday, ISO weeks)."}
    )
    csat_definition: CsatDefinition = field(
        default=CsatDefinition.TOP_BOX, metadata={"help": "How ratings become CSAT."}
    )
    time_basis: TimeBasis = field(
        default=TimeBasis.CALENDAR, metadata={"help": "Calendar or business-hours durations."}
    )
    duration_stat: DurationStat = field(
        default=DurationStat.MEDIAN, metadata={"help": "Median, mean or 90th percentile."}
    )
    qa_pass_mark: float = field(
        default=80.0, metadata={"help": "QA review score (0-100) that counts as a pass."}
    )
    repeat_contact_days: int = field(
        default=7, metadata={"help": "Window for counting a repeat contact from a customer."}
    )
    churn_lookback_days: int = field(
        default=90, metadata={"help": "Days before churn in which a bad experience counts."}
    )
    timezone: str | None = field(
        default=None, metadata={"help": "Convert timestamps to this zone (None: as written)."}
    )
    max_upload_mb: int = field(
        default=200, metadata={"help": "Largest file accepted, in MB (archives: unpacked)."}
    )

    def with_changes(self, **changes: object) -> Settings:
        """Return a copy with the given fields replaced (validated by the dataclass)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @staticmethod
    def help_for(name: str) -> str:
        """The help sentence of one field, for tooltips and the glossary."""
        for f in fields(Settings):
            if f.name == name:
                return str(f.metadata.get("help", ""))
        raise ValueError(f"no setting named {name!r}")
