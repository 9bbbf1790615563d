"""Which KPIs the loaded data supports, and which export would unlock the others."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.kpis.registry import KPIS, Kpi
from dashboard.schema import TableKind
from dashboard.store import Dataset


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether one KPI can be computed, and if not, what is missing and what would unlock it."""

    kpi: Kpi
    ok: bool
    missing: tuple[str, ...]
    note: str


def available(data: Dataset) -> list[Availability]:
    """Every KPI in registry order; one small query per loaded table counts non-empty columns."""
    filled = {kind: _filled(data, kind) for kind in data.tables}
    survey_types = _survey_types(data)
    out = []
    for kpi in KPIS.values():
        have = filled.get(kpi.table, set())
        missing = tuple(r for r in kpi.requires if not set(r.split("|")) & have)
        if kpi.table == TableKind.SURVEYS and not missing:
            wanted = {"nps": "nps", "ces": "ces"}.get(kpi.key, "csat")
            if wanted not in survey_types:
                missing = (f"{wanted} answers",)
        if kpi.key == "survey_response_rate" and not data.has(TableKind.TICKETS):
            missing = (*missing, "tickets")
        if kpi.table not in data.tables:
            missing = (f"{kpi.table} table",)
        ok = not missing
        shown = ", ".join(_words(m) for m in missing)
        note = "" if ok else f"Needs {kpi.unlock} (missing: {shown})."
        out.append(Availability(kpi, ok, missing, note))
    return out


def _filled(data: Dataset, kind: TableKind) -> set[str]:
    table = data.table(kind)
    counts = table.aggregate(**{c: table[c].count() for c in table.columns}).to_pandas()
    return {c for c in counts.columns if int(counts[c].iloc[0]) > 0}


def _survey_types(data: Dataset) -> set[str]:
    if not data.has(TableKind.SURVEYS):
        return set()
    t = data.table(TableKind.SURVEYS)
    return set(t.select("survey_type").distinct().to_pandas()["survey_type"].dropna())


def _words(requirement: str) -> str:
    """'is_fcr|agent_replies' -> 'an FCR flag or agent replies': column names in words."""
    names = [_LABELS.get(n, n.replace("_", " ")) for n in requirement.split("|")]
    return " or ".join(names)


_LABELS = {
    "is_escalated": "an escalation flag", "is_fcr": "a first-contact-resolved flag",
    "sla_met": "an SLA met/breached column", "handle_minutes": "handle time",
    "customer_id": "a customer id", "first_response_at": "a first reply time",
    "resolved_at": "a resolution time", "created_at": "a creation time",
    "agent_replies": "agent reply counts", "reopens": "reopen counts", "agent": "an agent",
    "score": "a rating", "churned_at": "a churn date", "started_at": "a start date",
}  # fmt: skip
