"""Profiles of service-management and CRM case exports.

Jira Service Management, ServiceNow (CSV field names and Excel display labels) and Salesforce
case reports.
"""

from __future__ import annotations

from dashboard.schema import TableKind
from dashboard.sources.model import ParseAs, Profile, TableRule, entries, rule

T, S = TableKind.TICKETS, TableKind.SURVEYS

# ---- Jira Service Management -------------------------------------------------------------------
_CF = "Custom field ({})"
JIRA = Profile(
    key="jira_service_management",
    label="Jira Service Management issue export",
    required=(("Issue key", "Clave de incidencia"), ("Created", "Creada")),
    optional=tuple(
        (h,)
        for h in (
            "Summary",
            "Issue id",
            "Issue Type",
            "Status",
            "Project key",
            "Project name",
            "Priority",
            "Resolution",
            "Assignee",
            "Reporter",
            "Updated",
            "Resolved",
            "Labels",
            "Satisfaction rating",
            _CF.format("Request Type"),
            _CF.format("Time to first response"),
            _CF.format("Time to resolution"),
            _CF.format("Satisfaction date"),
            _CF.format("[CHART] Date of First Response"),
            _CF.format("Organizations"),
        )
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "Issue key", "Clave de incidencia"),
                rule("created_at", "Created", "Creada"),
                rule("resolved_at", "Resolved", "Resuelta"),
                rule("first_response_at", _CF.format("[CHART] Date of First Response")),
                rule("status", "Status", "Estado"),
                rule("priority", "Priority", "Prioridad"),
                rule("agent", "Assignee", "Responsable"),
                rule("team", _CF.format("Team"), "Team", "Component/s"),
                rule("customer_id", "Reporter", "Informador"),
                rule("product", _CF.format("Request Type"), "Issue Type", "Tipo de Incidencia"),
                rule("organization", _CF.format("Organizations")),
                rule("tags", "Labels"),
                rule(
                    "first_response_sla_met",
                    _CF.format("Time to first response"),
                    parse_as=ParseAs.SLA_REMAINING,
                ),
                rule("sla_met", _CF.format("Time to resolution"), parse_as=ParseAs.SLA_REMAINING),
            ),
            keep=("Issue Type", "Project name", "Resolution", "Component/s"),
            keep_pattern=r"^Custom field \((?!.*(date|time|\[CHART\]))",
        ),
        TableRule(
            S,
            (
                rule("ticket_id", "Issue key", "Clave de incidencia"),
                rule(
                    "score",
                    "Satisfaction rating",
                    _CF.format("Satisfaction rating"),
                    _CF.format("Satisfaction"),
                    survey_type="csat",
                    scale=(1.0, 5.0),
                ),
                rule(
                    "responded_at",
                    _CF.format("Satisfaction date"),
                    "Resolved",
                    "Updated",
                    "Created",
                ),
                rule("customer_id", "Reporter"),
            ),
            constants={"survey_type": "csat"},
            requires=("score", "responded_at"),
            note="Satisfaction ratings (1-5) from '{score}', answered at '{responded_at}'.",
        ),
    ),
    notes=(
        "Jira SLA columns show the remaining time: negative means the goal was breached.",
        "Jira dates are in the exporting user's time zone and date format.",
        "Jira repeats 'Labels' for each label; all of them are joined into tags.",
    ),
    vocab={"Priority": ("Highest", "High", "Medium", "Low", "Lowest")},
)

# ---- ServiceNow --------------------------------------------------------------------------------
_ESCALATED = ("moderate", "high", "overdue", "1", "2", "3")
_NOT_ESCALATED = ("normal", "0")
_SN_NOTES = (
    "ServiceNow 'calendar_stc'/'business_stc' (Resolve time) are seconds.",
    "ServiceNow dates are in the exporting user's time zone.",
)
SERVICENOW = Profile(
    key="servicenow_incidents",
    label="ServiceNow incident export (CSV field names)",
    required=(("number",), ("opened_at",)),
    optional=entries(
        "short_description | caller_id | priority | state | assignment_group | "
        "assigned_to | resolved_at | closed_at | calendar_stc | business_stc | "
        "reassignment_count | reopen_count | made_sla | escalation | sys_updated_on | "
        "category | contact_type | impact | urgency | company | location"
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "number"),
                rule("created_at", "opened_at"),
                rule("resolved_at", "resolved_at", "closed_at"),
                rule("status", "state", "incident_state"),
                rule("priority", "priority"),
                rule("team", "assignment_group"),
                rule("agent", "assigned_to"),
                rule("customer_id", "caller_id"),
                rule("channel", "contact_type"),
                rule("product", "category"),
                rule("organization", "company"),
                rule("country", "location"),
                rule("reopens", "reopen_count"),
                rule("sla_met", "made_sla", parse_as=ParseAs.SLA),
                rule(
                    "is_escalated",
                    "escalation",
                    true_values=_ESCALATED,
                    false_values=_NOT_ESCALATED,
                ),
                rule("resolution_minutes", "calendar_stc", unit="seconds"),
                rule("resolution_business_minutes", "business_stc", unit="seconds"),
            ),
            keep=("impact", "urgency", "subcategory", "category"),
        ),
    ),
    notes=_SN_NOTES,
    vocab={"priority": ("1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning")},
)
SERVICENOW_LABELS = Profile(
    key="servicenow_incidents_labels",
    label="ServiceNow incident export (Excel display labels)",
    required=(("Number",), ("Opened",)),
    optional=entries(
        "Short description | Caller | Priority | State | Assignment group | Assigned to | "
        "Resolved | Closed | Resolve time | Business resolve time | Reassignment count | "
        "Reopen count | Made SLA | Escalation | Updated | Category | Channel | "
        "Contact type | Impact | Urgency | Company | Location"
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "Number"),
                rule("created_at", "Opened"),
                rule("resolved_at", "Resolved", "Closed"),
                rule("status", "State", "Incident state"),
                rule("priority", "Priority"),
                rule("team", "Assignment group"),
                rule("agent", "Assigned to"),
                rule("customer_id", "Caller"),
                rule("channel", "Channel", "Contact type"),
                rule("product", "Category"),
                rule("organization", "Company"),
                rule("country", "Location"),
                rule("reopens", "Reopen count"),
                rule("sla_met", "Made SLA", parse_as=ParseAs.SLA),
                rule(
                    "is_escalated",
                    "Escalation",
                    true_values=_ESCALATED,
                    false_values=_NOT_ESCALATED,
                ),
                rule("resolution_minutes", "Resolve time", unit="seconds"),
                rule("resolution_business_minutes", "Business resolve time", unit="seconds"),
            ),
            keep=("Impact", "Urgency", "Subcategory", "Category"),
        ),
    ),
    notes=_SN_NOTES,
    vocab=SERVICENOW.vocab | {"Priority": SERVICENOW.vocab["priority"]},
    min_match=4,
)

# ---- Salesforce --------------------------------------------------------------------------------
SALESFORCE = Profile(
    key="salesforce_cases",
    label="Salesforce case report",
    required=(("Case Number",), ("Date/Time Opened", "Opened Date", "Created Date")),
    optional=entries(
        "Subject | Status | Priority | Case Origin | Case Owner | Account Name | "
        "Date/Time Closed | Closed | Escalated | Type | Case Reason | Contact Name | "
        "Contact Email | Product | Case Owner Role | Age (Hours) | Billing Country"
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "Case Number"),
                rule("created_at", "Date/Time Opened", "Opened Date", "Created Date"),
                rule("resolved_at", "Date/Time Closed", "Closed Date"),
                rule("status", "Status"),
                rule("priority", "Priority"),
                rule("channel", "Case Origin"),
                rule("agent", "Case Owner"),
                rule("organization", "Account Name"),
                rule("customer_id", "Contact Email", "Contact Name", "Contact ID"),
                rule("product", "Product", "Type", "Case Reason"),
                rule("is_escalated", "Escalated"),
                rule("country", "Billing Country", "Account: Billing Country", "Mailing Country"),
            ),
            keep=("Type", "Case Reason", "Case Owner Role", "Product"),
        ),
    ),
    notes=(
        "Salesforce formats dates in the exporting user's locale.",
        "The report footer ('Grand Totals', copyright lines) is not data.",
    ),
    vocab={"Case Origin": ("Email", "Phone", "Web", "Chat")},
)

PROFILES: tuple[Profile, ...] = (JIRA, SERVICENOW, SERVICENOW_LABELS, SALESFORCE)
