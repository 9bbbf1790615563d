"""Write the bundled sample exports: one synthetic year (2025) in five vendor formats.

Run `python sample_data/generate.py` from the repository root. The files are rewritten
byte-for-byte identically: a numpy Generator with a fixed seed, fixed ZIP timestamps and no
iteration over hashed sets. The world (accounts, tickets, outcomes, churn) is simulated in
`world.py`; this script draws the QA reviews and NPS answers, formats every file the way its
vendor writes it, and finally prints the planted findings (`findings.py`, computed by reading
the written files back). `sample_data/README.md` quotes those numbers.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # run as a script or imported: world.py and findings.py sit here

import findings  # noqa: E402
import world  # noqa: E402
from world import EXPORT_AT, MAIN, NORDIC, SEED, SUBJECTS, Account, Ticket  # noqa: E402

ZIP_TIME = (2026, 1, 1, 0, 0, 0)
ZENDESK_TZ = ZoneInfo("Europe/Amsterdam")
ZENDESK_HEADERS = [
    "Summation column",
    "Id",
    "Requester",
    "Requester id",
    "Requester external id",
    "Requester email",
    "Requester domain",
    "Submitter",
    "Assignee",
    "Group",
    "Subject",
    "Tags",
    "Status",
    "Priority",
    "Via",
    "Ticket type",
    "Created at",
    "Updated at",
    "Assigned at",
    "Organization",
    "Due date",
    "Initially assigned at",
    "Solved at",
    "Resolution time",
    "Satisfaction Score",
    "Group stations",
    "Assignee stations",
    "Reopens",
    "Replies",
    "First reply time in minutes",
    "First reply time in minutes within business hours",
    "First resolution time in minutes",
    "First resolution time in minutes within business hours",
    "Full resolution time in minutes",
    "Full resolution time in minutes within business hours",
    "Agent wait time in minutes",
    "Agent wait time in minutes within business hours",
    "Requester wait time in minutes",
    "Requester wait time in minutes within business hours",
    "On hold time in minutes",
    "On hold time in minutes within business hours",
    "Product [list]",
    "Country [list]",
]
FRESHDESK_HEADERS = [
    "Ticket ID",
    "Subject",
    "Status",
    "Priority",
    "Source",
    "Type",
    "Agent",
    "Group",
    "Created time",
    "Due by Time",
    "Resolved time",
    "Closed time",
    "Last update time",
    "Initial response time",
    "Time tracked",
    "First response time (in hrs)",
    "Resolution time (in hrs)",
    "Agent interactions",
    "Customer interactions",
    "Resolution status",
    "First response status",
    "Tags",
    "Survey results",
    "Product",
    "Full name",
    "Email",
    "Contact ID",
    "Company Name",
    "Ordreverdi (NOK)",
]
QUALTRICS_COLUMNS = (
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/Amsterdam"}'),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/Amsterdam"}'),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/Amsterdam"}'),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
    ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
    ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
    (
        "Q1",
        "How likely are you to recommend Northdesk to a friend or colleague?",
        '{"ImportId":"QID1"}',
    ),
    (
        "Q1_NPS_GROUP",
        "How likely are you to recommend Northdesk to a friend or colleague? - Group",
        '{"ImportId":"QID1_NPS_GROUP"}',
    ),
    ("Q2", "What is the main reason for your score?", '{"ImportId":"QID2_TEXT"}'),
)
COMMENTS = {
    "Promoter": (
        "Fast and friendly support every time.",
        "The product just works, and when it doesn't you fix it quickly.",
        "Great onboarding, the team really knows the product.",
    ),
    "Passive": (
        "Good product, but support can be slow.",
        "Does what we need. Pricing is getting steep.",
        "Okay overall, some features are missing.",
    ),
    "Detractor": (
        "Billing mistakes again and nobody explains the new prices.",
        "Waited days for an answer on an urgent issue.",
        "We were bounced between agents and the problem came back.",
    ),
}


# ---- small formatters --------------------------------------------------------------------------
def iso(d: datetime | None) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S") if d else ""


def nb_date(d: datetime | None) -> str:
    return d.strftime("%d.%m.%Y %H:%M") if d else ""


def minutes(a: datetime | None, b: datetime | None) -> int | None:
    return round((b - a).total_seconds() / 60) if a and b else None


def hms(total_minutes: float) -> str:
    sec = round(total_minutes * 60)
    return f"{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}"


def text(value: object) -> str:
    return "" if value is None else str(value)


def csv_text(rows: list[list[str]], delimiter: str = ",", crlf: bool = False) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n").writerows(rows)
    return buf.getvalue()


def write_zip(path: Path, member: str, data: bytes) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        zf.writestr(info, data)
    path.write_bytes(buf.getvalue())


# ---- Zendesk -----------------------------------------------------------------------------------
def zendesk_status(t: Ticket) -> str:
    if t.solved:
        return "Closed" if t.solved < EXPORT_AT - timedelta(days=4) else "Solved"
    if not t.first_reply:
        return "New" if t.created > EXPORT_AT - timedelta(hours=10) else "Open"
    return ("Open", "Pending", "Hold")[t.ticket_id % 7 % 3]


def zendesk_waits(rng: np.random.Generator, t: Ticket) -> list[str]:
    """Agent/requester wait and on-hold minutes (calendar, business); blank while unsolved."""
    full, full_b = minutes(t.created, t.solved), None
    if full is None:
        return [""] * 6
    full_b = round(MAIN.schedule.between(t.created, t.solved))
    requester = round(full * float(rng.uniform(0.15, 0.6))) if t.replies > 1 else 0
    hold = round(full * float(rng.uniform(0.05, 0.2))) if rng.random() < 0.04 else 0
    agent = max(full - requester - hold, 0)
    share = full_b / full if full else 0.0
    vals = (agent, round(agent * share), requester, round(requester * share), hold)
    return [str(v) for v in (*vals, round(hold * share))]


def zendesk_row(rng: np.random.Generator, t: Ticket) -> list[str]:
    a, sched = t.account, MAIN.schedule
    status = zendesk_status(t)
    assigned = None
    if t.first_reply:
        assigned = min(t.created + timedelta(minutes=float(rng.uniform(0.5, 20))), t.first_reply)
    updated = t.solved or t.first_reply or t.created
    if status == "Closed":
        updated = t.solved + timedelta(days=4)
    score = "Not Offered"
    if t.solved:
        score = t.rating or ("Offered" if t.is_offered else "Not Offered")
    full = minutes(t.created, t.solved)
    fr_b = round(sched.between(t.created, t.first_reply)) if t.first_reply else None
    fres_b = round(sched.between(t.created, t.first_solve)) if t.first_solve else None
    full_b = round(sched.between(t.created, t.solved)) if t.solved else None
    due = iso(t.created + timedelta(days=3)) if t.kind == "Task" else ""
    return [
        "",
        str(t.ticket_id),
        a.contact,
        str(a.account_id),
        "",
        a.email,
        a.domain,
        a.contact,
        t.agent if assigned else "",
        t.team,
        SUBJECTS[t.team][t.ticket_id % 3],
        " ".join(t.tags),
        status,
        t.priority,
        t.channel,
        t.kind,
        iso(t.created),
        iso(updated),
        iso(assigned),
        a.company,
        due,
        iso(assigned),
        iso(t.solved),
        text(round(full / 60) if full is not None else None),
        score,
        "1" if t.reopens == 0 else "2",
        "1" if assigned else "0",
        str(t.reopens),
        str(t.replies),
        text(minutes(t.created, t.first_reply)),
        text(fr_b),
        text(minutes(t.created, t.first_solve)),
        text(fres_b),
        text(full),
        text(full_b),
        *zendesk_waits(rng, t),
        t.product if rng.random() > 0.08 else "-",
        a.country if rng.random() > 0.05 else "-",
    ]


def write_zendesk(rng: np.random.Generator, tickets: list[Ticket]) -> None:
    rows = [ZENDESK_HEADERS, *(zendesk_row(rng, t) for t in tickets)]
    data = csv_text(rows).encode("utf-8")
    write_zip(HERE / "zendesk_tickets.csv.zip", "export-2026-01-01-0000-8734512.csv", data)


# ---- Freshdesk (Excel nb-NO) -------------------------------------------------------------------
def freshdesk_row(rng: np.random.Generator, t: Ticket) -> list[str]:
    a, sched = t.account, NORDIC.schedule
    closed = None
    if t.solved:
        status = "Closed" if t.solved < EXPORT_AT - timedelta(days=3) else "Resolved"
        closed = t.solved + timedelta(hours=48) if status == "Closed" else None
    else:
        status = "Pending" if t.first_reply and t.ticket_id % 3 == 0 else "Open"
    due = sched.add(t.created, t.res_target)
    fr_b = sched.between(t.created, t.first_reply) if t.first_reply else None
    res_b = sched.between(t.created, t.solved) if t.solved else None
    order = ""
    if t.team != "Teknisk støtte" and rng.random() < 0.55:
        order = f"{round(float(rng.lognormal(6.8, 0.7)), 1):.1f}".replace(".", ",")
        order = order.removesuffix(",0")
    kind = {"Task": "Feature Request"}.get(t.kind, t.kind)
    sla = {True: "Within SLA", False: "SLA Violated", None: ""}
    return [
        str(t.ticket_id),
        SUBJECTS[t.team][t.ticket_id % 3],
        status,
        t.priority,
        t.channel,
        kind,
        t.agent if t.first_reply else "",
        t.team,
        nb_date(t.created),
        nb_date(due),
        nb_date(t.solved),
        nb_date(closed),
        nb_date(closed or t.solved or t.first_reply or t.created),
        nb_date(t.first_reply),
        f"{t.handle_min // 60:02d}:{t.handle_min % 60:02d}" if t.first_reply else "",
        hms(fr_b) if fr_b is not None else "",
        hms(res_b) if res_b is not None else "",
        str(t.replies),
        str(1 + max(t.replies - 1, 0) + t.reopens),
        sla[t.res_met],
        sla[t.fr_met],
        ",".join(t.tags),
        t.rating,
        t.product,
        a.contact,
        a.email,
        str(a.account_id),
        a.company,
        order,
    ]


def write_freshdesk(rng: np.random.Generator, tickets: list[Ticket]) -> None:
    rows = [FRESHDESK_HEADERS, *(freshdesk_row(rng, t) for t in tickets)]
    data = csv_text(rows, delimiter=";", crlf=True).encode("cp1252")
    (HERE / "freshdesk_tickets_eu.csv").write_bytes(data)


# ---- Zendesk QA (Klaus) ------------------------------------------------------------------------
def qa_score(rng: np.random.Generator, t: Ticket) -> float:
    """Weighted mean of five categories on a 5-point scale (0/25/50/75/100); critical fail = 0."""
    if rng.random() < 0.01:
        return 0.0
    p = world.QA_ERROR[t.team] + 0.04 * (t.is_good is False)
    cats = 100 - 25 * rng.binomial(4, p, size=5)
    weights = np.array([2, 1, 1, 1, 1])
    return round(float((cats * weights).sum() / weights.sum()), 2)


def write_klaus(rng: np.random.Generator, tickets: list[Ticket]) -> None:
    cutoff = datetime(2025, 12, 20)
    pool = [t for t in tickets if t.solved and t.solved < cutoff]
    picks = sorted(rng.choice(len(pool), size=1500, replace=False).tolist())
    reviewers = ("Priya Raman", "Tom Hughes", "Anna Lindqvist")
    reviews = []
    for i in picks:
        t = pool[i]
        local = t.solved + timedelta(hours=float(rng.uniform(2, 240)))
        created = local.replace(tzinfo=ZENDESK_TZ).astimezone(UTC)
        scorecard = "Chat scorecard" if t.channel in MAIN.live else "Support scorecard"
        reviewer = world.weighted(rng, reviewers, (0.45, 0.35, 0.2))
        reviews.append((created, t, reviewer, scorecard, qa_score(rng, t)))
    reviews.sort(key=lambda r: (r[0], r[1].ticket_id))
    rows = [
        [
            "Review ID",
            "Conversation external ID",
            "Reviewee",
            "Reviewer",
            "Scorecard",
            "Review score",
            "Created",
        ]
    ]
    for n, (created, t, reviewer, scorecard, score) in enumerate(reviews):
        rows.append(
            [
                str(5_120_000 + n * 7),
                str(t.ticket_id),
                t.agent,
                reviewer,
                scorecard,
                f"{score:g}",
                created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            ]
        )
    (HERE / "klaus_qa_reviews.csv").write_bytes(csv_text(rows).encode("utf-8"))


# ---- Qualtrics NPS -----------------------------------------------------------------------------
def nps_group(score: int) -> str:
    return "Promoter" if score >= 9 else "Passive" if score >= 7 else "Detractor"


def response_id(rng: np.random.Generator) -> str:
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "R_" + "".join(chars[i] for i in rng.integers(0, len(chars), size=15))


def ip_address(rng: np.random.Generator) -> str:
    return ".".join(str(int(x)) for x in rng.integers(1, 255, size=4))


def qualtrics_answers(rng: np.random.Generator, accounts: list[Account], tickets: list[Ticket]):
    """Quarterly relationship-NPS invites to every active account; about 60 % answer."""
    events = world.bad_events(tickets)
    answers = []
    for q in range(4):
        for a in accounts:
            invite = datetime(2025, 3 * q + 1, 1) + timedelta(
                days=int(rng.integers(5, 80)), hours=int(rng.integers(8, 17))
            )
            if a.signup >= invite or (a.churn and a.churn <= invite) or rng.random() > 0.6:
                continue
            start = invite + timedelta(minutes=float(rng.lognormal(6.0, 1.3)))
            if start >= EXPORT_AT or (a.churn and start >= a.churn):
                continue
            bad = world.had_bad(events.get(a.account_id, []), start)
            score = int(np.clip(round(rng.normal(6.4 if bad else 8.55, 1.9)), 0, 10))
            answers.append((start, a, score))
    answers.sort(key=lambda r: (r[0], r[1].account_id))
    return answers


def qualtrics_row(
    rng: np.random.Generator, start: datetime, a: Account | None, score: int, finished: bool
) -> list[str]:
    """One response row; `a=None` makes a preview. Unfinished ones stop after Q1."""
    duration = int(rng.integers(25, 400))
    end = start + timedelta(seconds=duration)
    recorded = end + timedelta(seconds=1) if finished else end + timedelta(days=7)
    group = nps_group(score)
    comment = ""
    if finished and rng.random() < 0.35:
        comment = str(rng.choice(COMMENTS[group]))
    if a is None:
        return [
            iso(start), iso(end), "Survey Preview", "", "100", str(duration), "True",
            iso(recorded), response_id(rng), "", "", "preview", "EN",
            str(score), group, "Testing the survey",
        ]  # fmt: skip
    return [
        iso(start), iso(end), "IP Address", ip_address(rng),
        "100" if finished else str(int(rng.integers(30, 70))), str(duration),
        "True" if finished else "False", iso(recorded), response_id(rng), a.email,
        str(a.account_id), "email", "NO" if a.brand == "nordic" else "EN",
        str(score), group, comment,
    ]  # fmt: skip


def write_qualtrics(rng: np.random.Generator, accounts: list[Account], tickets: list[Ticket]):
    rows = [[c[i] for c in QUALTRICS_COLUMNS] for i in range(3)]
    rows.append(qualtrics_row(rng, datetime(2025, 1, 3, 10, 12, 5), None, 9, True))
    rows.append(qualtrics_row(rng, datetime(2025, 1, 3, 10, 20, 41), None, 3, True))
    answers = qualtrics_answers(rng, accounts, tickets)
    unfinished = set(rng.choice(len(answers), size=3, replace=False).tolist())
    for i, (start, a, score) in enumerate(answers):
        rows.append(qualtrics_row(rng, start, a, score, i not in unfinished))
    data = "\ufeff" + csv_text(rows)
    (HERE / "qualtrics_nps.csv").write_bytes(data.encode("utf-8"))


# ---- accounts ----------------------------------------------------------------------------------
def write_accounts(accounts: list[Account]) -> None:
    rows = [["Account ID", "Company", "Plan", "MRR", "Country", "Signup date", "Churn date"]]
    for a in sorted(accounts, key=lambda a: a.account_id):
        rows.append(
            [
                str(a.account_id),
                a.company,
                a.plan,
                f"{a.mrr:.2f}",
                a.country,
                a.signup.strftime("%Y-%m-%d"),
                a.churn.strftime("%Y-%m-%d") if a.churn else "",
            ]
        )
    (HERE / "accounts.csv").write_bytes(csv_text(rows).encode("utf-8"))


def main() -> None:
    rng = np.random.default_rng(SEED)
    accounts, tickets = world.simulate(rng)
    main_tickets = [t for t in tickets if t.brand == "main"]
    write_zendesk(rng, main_tickets)
    write_freshdesk(rng, [t for t in tickets if t.brand == "nordic"])
    write_klaus(rng, main_tickets)
    write_qualtrics(rng, accounts, tickets)
    write_accounts(accounts)
    findings.report(HERE)


if __name__ == "__main__":
    main()
