"""The simulated world behind the sample exports: accounts, tickets, outcomes, churn.

Two brands share one customer base:

- the main brand on Zendesk (account time zone Europe/Amsterdam, business hours Mon-Fri
  08:00-17:00), reviewed in Zendesk QA (Klaus), surveyed for NPS in Qualtrics;
- a Nordic brand on Freshdesk (Europe/Oslo, Mon-Fri 08:00-16:00), exported through Excel nb-NO.

Planted: high SLA attainment everywhere, a CSAT drop in Billing in June 2025, QA above CSAT
(most in Billing), seasonality, and churn that follows bad experiences. The world is simulated
first (accounts, tickets, outcomes, churn); `generate.py` only formats it per vendor.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

SEED = 20250101
YEAR_START = datetime(2025, 1, 1)
YEAR_END = datetime(2026, 1, 1)
EXPORT_AT = datetime(2026, 1, 1)  # exports taken at midnight: later events have not happened
BAD_WINDOW = timedelta(days=90)

MONTH_FACTOR = (1.0, 0.97, 1.0, 0.99, 1.02, 1.03, 0.74, 0.94, 1.06, 1.1, 1.55, 1.68)
WEEKDAY_FACTOR = (1.3, 1.2, 1.12, 1.05, 0.95, 0.42, 0.36)  # Monday first
HOUR_WEIGHT_WEEKDAY = (
    1,
    1,
    1,
    1,
    1,
    2,
    3,
    6,
    11,
    13,
    13,
    12,
    10,
    11,
    12,
    11,
    9,
    7,
    5,
    4,
    4,
    3,
    2,
    1,
)
HOUR_WEIGHT_WEEKEND = (2, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8, 8, 8, 7, 7, 6, 6, 6, 5, 4, 3, 2)
REPLIES = ((1, 2, 3, 4, 5, 6), (0.34, 0.28, 0.18, 0.1, 0.06, 0.04))


# ---- business hours ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Schedule:
    """Mon-Fri business hours in whole hours of the local day."""

    opens: int
    closes: int

    def window(self, day: datetime) -> tuple[datetime, datetime] | None:
        if day.weekday() >= 5:
            return None
        return day.replace(hour=self.opens), day.replace(hour=self.closes)

    def add(self, start: datetime, minutes: float) -> datetime:
        """The moment `minutes` business minutes after `start` (0 moves to the next opening)."""
        t, left = start, minutes
        while True:
            day = t.replace(hour=0, minute=0, second=0, microsecond=0)
            win = self.window(day)
            if win:
                t = max(t, win[0])
                if t < win[1]:
                    avail = (win[1] - t).total_seconds() / 60
                    if left <= avail:
                        return t + timedelta(minutes=left)
                    left -= avail
            t = day + timedelta(days=1)

    def between(self, a: datetime, b: datetime) -> float:
        """Business minutes between two moments (0 when b <= a)."""
        total, day = 0.0, a.replace(hour=0, minute=0, second=0, microsecond=0)
        while day <= b:
            win = self.window(day)
            if win:
                lo, hi = max(a, win[0]), min(b, win[1])
                total += max(0.0, (hi - lo).total_seconds() / 60)
            day += timedelta(days=1)
        return total


# ---- world model -------------------------------------------------------------------------------
@dataclass
class Account:
    account_id: int
    company: str
    domain: str
    contact: str
    email: str
    plan: str
    mrr: float
    country: str
    signup: datetime
    brand: str  # "main" (Zendesk) or "nordic" (Freshdesk)
    rate: float  # relative ticket rate
    churn: datetime | None = None


@dataclass
class Ticket:
    brand: str
    ticket_id: int
    account: Account
    created: datetime
    team: str
    agent: str
    channel: str
    priority: str
    kind: str
    product: str
    replies: int
    first_reply: datetime | None = None
    first_solve: datetime | None = None
    solved: datetime | None = None
    reopens: int = 0
    fr_target: float = 0.0  # business minutes
    res_target: float = 0.0
    fr_met: bool | None = None
    res_met: bool | None = None
    rating: str = ""  # brand vocabulary; "" = not offered/answered
    is_offered: bool = False
    is_good: bool | None = None
    tags: list[str] = field(default_factory=list)
    handle_min: int = 0


@dataclass(frozen=True)
class Brand:
    name: str
    schedule: Schedule
    teams: dict[str, tuple[str, ...]]
    team_share: tuple[float, ...]
    channels: tuple[str, ...]
    channel_share: tuple[float, ...]
    live: tuple[str, ...]  # channels answered live
    priorities: tuple[str, ...]
    priority_share: tuple[float, ...]
    fr_target: dict[str, float]  # async first-reply target by priority (business minutes)
    live_target: dict[str, float]
    res_target: dict[str, float]
    per_day: float
    first_id: int


MAIN = Brand(
    name="main",
    schedule=Schedule(8, 17),
    teams={
        "Billing": ("Emma Clarke", "Liam Novak", "Sofia Rossi", "Noah Becker", "Mia Jansen"),
        "Technical Support": (
            "Lucas Martin",
            "Olivia Brown",
            "Ethan Walsh",
            "Ava Schmidt",
            "Mateo García",
            "Chloe Dubois",
        ),
        "Onboarding": ("Isla Murphy", "Leo Visser", "Grace Kim"),
        "Account Management": ("Jack Turner", "Zoe Fischer", "Henry Adams"),
    },
    team_share=(0.34, 0.38, 0.15, 0.13),
    channels=("Mail", "Web form", "Chat", "Native Messaging", "Instagram DM"),
    channel_share=(0.44, 0.25, 0.2, 0.08, 0.03),
    live=("Chat", "Native Messaging"),
    priorities=("Low", "Normal", "High", "Urgent"),
    priority_share=(0.25, 0.5, 0.2, 0.05),
    fr_target={"Low": 480, "Normal": 240, "High": 120, "Urgent": 60},
    live_target={"Low": 30, "Normal": 15, "High": 10, "Urgent": 5},
    res_target={"Low": 4320, "Normal": 2700, "High": 1620, "Urgent": 540},
    per_day=19.3,
    first_id=48211,
)
NORDIC = Brand(
    name="nordic",
    schedule=Schedule(8, 16),
    teams={
        "Kundeservice": (
            "Håkon Bjørnstad",
            "Siri Ødegård",
            "Kjærsti Løvås",
            "Åse Nærø",
            "Bjørn Kåre Sæther",
        ),
        "Faktura": ("Tore Åsheim", "Ingrid Kvåle", "Mathias Grønli"),
        "Teknisk støtte": ("Sindre Møller", "Marte Brænd", "Øystein Lærum"),
    },
    team_share=(0.5, 0.25, 0.25),
    channels=("Email", "Portal", "Phone", "Chat"),
    channel_share=(0.5, 0.2, 0.15, 0.15),
    live=("Phone", "Chat"),
    priorities=("Low", "Medium", "High", "Urgent"),
    priority_share=(0.3, 0.45, 0.2, 0.05),
    fr_target={"Low": 480, "Medium": 240, "High": 120, "Urgent": 60},
    live_target={"Low": 30, "Medium": 20, "High": 10, "Urgent": 5},
    res_target={"Low": 2880, "Medium": 1920, "High": 960, "Urgent": 480},
    per_day=7.15,
    first_id=10234,
)

# CSAT level (probability of a good rating) per team; the planted drop is Billing in June.
CSAT_LEVEL = {
    "Billing": 0.86,
    "Technical Support": 0.79,
    "Onboarding": 0.85,
    "Account Management": 0.82,
    "Kundeservice": 0.80,
    "Faktura": 0.78,
    "Teknisk støtte": 0.74,
}
CSAT_DROP = ("Billing", 6, 0.62)
QA_ERROR = {  # chance that a QA category loses one 25-point step: lower = higher QA score
    "Billing": 0.06,
    "Technical Support": 0.135,
    "Onboarding": 0.115,
    "Account Management": 0.125,
}
PLANS = ("Starter", "Growth", "Business", "Enterprise")
PLAN_SHARE = (0.45, 0.33, 0.16, 0.06)
PLAN_MRR = {"Starter": (29, 99), "Growth": (150, 600), "Business": (800, 2500)}
PLAN_MRR["Enterprise"] = (3000, 12000)
PLAN_RATE = {"Starter": 0.6, "Growth": 1.0, "Business": 1.6, "Enterprise": 2.4}
PLAN_CHURN = {"Starter": 1.35, "Growth": 1.0, "Business": 0.7, "Enterprise": 0.5}
CHURN_BASE = 0.0105  # monthly hazard
CHURN_BAD = 2.3  # hazard multiplier after a bad experience in the previous 90 days

SUBJECTS = {
    "Billing": ("Invoice shows the wrong VAT", "Refund request", "Charged twice this month"),
    "Technical Support": ("Cannot log in", "Export keeps failing", "API returns 500 errors"),
    "Onboarding": ("Help setting up our workspace", "How do I import users?", "Training"),
    "Account Management": ("Upgrade to annual plan", "Contract renewal", "Add seats"),
    "Kundeservice": ("Spørsmål om bestilling", "Endre leveringsadresse", "Hvor er pakken min?"),
    "Faktura": ("Feil på faktura", "Dobbel belastning", "Ønsker kreditnota"),
    "Teknisk støtte": ("Får ikke logget inn", "Appen krasjer", "Synkronisering feiler"),
}
PRODUCTS = ("Web app", "Mobile app", "API", "Billing portal")
PRODUCTS_NORDIC = ("Nettbutikk", "App", "Abonnement")


def weighted(rng: np.random.Generator, items: tuple, weights: tuple[float, ...]):
    p = np.asarray(weights, dtype=float)
    return items[int(rng.choice(len(items), p=p / p.sum()))]


def ascii_name(text: str) -> str:
    """Lower-case ASCII for e-mail addresses and domains (æ -> ae, ø -> o, ü -> u)."""
    table = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss"})
    folded = unicodedata.normalize("NFKD", text.lower().translate(table))
    return folded.encode("ascii", "ignore").decode()


def make_accounts(rng: np.random.Generator) -> list[Account]:
    """480 main-brand and 120 Nordic accounts, each with one contact person."""
    prefixes = [
        "North",
        "Blue",
        "Bright",
        "Silver",
        "Green",
        "Red",
        "Summit",
        "Harbor",
        "Pioneer",
        "Atlas",
        "Nova",
        "Cedar",
        "Maple",
        "Orbit",
        "Vertex",
        "Crescent",
        "Golden",
        "Iron",
        "River",
        "Stone",
        "Falcon",
        "Lumen",
        "Quartz",
        "Meridian",
    ]
    cores = [
        "wind",
        "field",
        "path",
        "bridge",
        "light",
        "works",
        "point",
        "gate",
        "line",
        "stack",
        "wave",
        "peak",
    ]
    trades = [
        " Logistics",
        " Labs",
        " Retail",
        " Health",
        " Media",
        " Foods",
        " Systems",
        " Travel",
        " Energy",
    ]
    legal = ("Ltd", "Inc", "GmbH", "BV", "SAS", "LLC")
    n_prefix = [
        "Fjord",
        "Nord",
        "Vik",
        "Berg",
        "Dal",
        "Sjø",
        "Fjell",
        "Lyng",
        "Øst",
        "Vest",
        "Sør",
        "Bjørk",
        "Skog",
        "Elv",
        "Strand",
    ]
    n_core = ["kraft", "lys", "bygg", "data", "handel", "mat", "reise", "helse", "tre", "frakt"]
    first = [
        "Anna",
        "James",
        "Maria",
        "David",
        "Laura",
        "Peter",
        "Julia",
        "Marco",
        "Sarah",
        "Tom",
        "Elena",
        "Chris",
        "Nina",
    ]
    last = [
        "Smith",
        "Müller",
        "Dubois",
        "Rossi",
        "Jensen",
        "Walker",
        "Novak",
        "Evans",
        "Moreau",
        "Klein",
        "Silva",
        "Ward",
    ]
    n_first = [
        "Ola",
        "Kari",
        "Lars",
        "Ingrid",
        "Håkon",
        "Marit",
        "Sigrid",
        "Jørgen",
        "Åshild",
        "Knut",
        "Solveig",
        "Øyvind",
    ]
    n_last = [
        "Hansen",
        "Johansen",
        "Olsen",
        "Larsen",
        "Berg",
        "Haugen",
        "Bakken",
        "Sæther",
        "Løken",
        "Strøm",
        "Aasen",
    ]
    countries = [
        "United States",
        "United Kingdom",
        "Germany",
        "Netherlands",
        "France",
        "Spain",
        "Canada",
        "Ireland",
    ]
    accounts: list[Account] = []
    used: set[str] = set()
    ids = rng.choice(np.arange(10_000, 99_999), size=600, replace=False)
    for i in range(600):
        brand = "main" if i < 480 else "nordic"
        while True:
            if brand == "main":
                name = (
                    f"{rng.choice(prefixes)}{rng.choice(cores)}"
                    f"{rng.choice(trades)} {rng.choice(legal)}"
                )
            else:
                name = f"{rng.choice(n_prefix)}{rng.choice(n_core)} AS"
            if name not in used:
                used.add(name)
                break
        if brand == "main":
            person = f"{rng.choice(first)} {rng.choice(last)}"
            country = countries[int(rng.integers(len(countries)))]
            tld = ".com"
        else:
            person = f"{rng.choice(n_first)} {rng.choice(n_last)}"
            country = weighted(rng, ("Norway", "Sweden", "Denmark"), (0.8, 0.12, 0.08))
            tld = ".no"
        slug = "".join(c for c in ascii_name(name.rsplit(" ", 1)[0]) if c.isalnum())
        domain = f"{slug}{tld}"
        email = f"{ascii_name(person).replace(' ', '.')}@{domain}"
        plan = weighted(rng, PLANS, PLAN_SHARE)
        lo, hi = PLAN_MRR[plan]
        mrr = round(float(rng.uniform(lo, hi)), 2 if plan != "Starter" else 0)
        if rng.random() < 0.85:
            signup = datetime(2019, 1, 1) + timedelta(days=int(rng.integers(0, 2191)))
        else:
            signup = YEAR_START + timedelta(days=int(rng.integers(0, 300)))
        rate = float(rng.gamma(2.0, 0.5)) * PLAN_RATE[plan]
        accounts.append(
            Account(
                account_id=int(360_000_000_000 + ids[i] * 1_000_003 % 999_999_937),
                company=name,
                domain=domain,
                contact=person,
                email=email,
                plan=plan,
                mrr=mrr,
                country=country,
                signup=signup,
                brand=brand,
                rate=rate,
            )
        )
    return accounts


def arrival_times(rng: np.random.Generator, brand: Brand) -> list[datetime]:
    """Ticket creation moments over the year: month and weekday seasonality, daytime peaks."""
    out: list[datetime] = []
    day = YEAR_START
    while day < YEAR_END:
        lam = brand.per_day * MONTH_FACTOR[day.month - 1] * WEEKDAY_FACTOR[day.weekday()]
        weights = HOUR_WEIGHT_WEEKDAY if day.weekday() < 5 else HOUR_WEIGHT_WEEKEND
        hours = rng.choice(24, size=int(rng.poisson(lam)), p=np.array(weights) / sum(weights))
        for h in sorted(hours.tolist()):
            sec = int(rng.integers(0, 3600))
            out.append(day + timedelta(hours=h, seconds=sec))
        day += timedelta(days=1)
    out.sort()
    return out


def draw_ticket(rng: np.random.Generator, brand: Brand, created: datetime, acct: Account):
    """One ticket's attributes and outcome timeline (before churn and survey)."""
    team = weighted(rng, tuple(brand.teams), brand.team_share)
    if brand is MAIN and created.month == 6 and rng.random() < 0.35:
        team = "Billing"  # the June price change brings extra billing questions
    channel = weighted(rng, brand.channels, brand.channel_share)
    priority = weighted(rng, brand.priorities, brand.priority_share)
    products = PRODUCTS if brand is MAIN else PRODUCTS_NORDIC
    kind = weighted(rng, ("Question", "Incident", "Problem", "Task"), (0.55, 0.3, 0.1, 0.05))
    t = Ticket(
        brand=brand.name,
        ticket_id=0,
        account=acct,
        created=created,
        team=team,
        agent=str(rng.choice(brand.teams[team])),
        channel=channel,
        priority=priority,
        kind=kind,
        product=products[int(rng.integers(len(products)))],
        replies=int(weighted(rng, *REPLIES)),
    )
    sched = brand.schedule
    live = channel in brand.live
    t.fr_target = (brand.live_target if live else brand.fr_target)[priority]
    t.res_target = brand.res_target[priority]
    # First reply: lognormal in business minutes, median set so about 95 % meet the target.
    sigma = 0.85
    fr = float(rng.lognormal(math.log(t.fr_target) - 1.72 * sigma, sigma))
    t.first_reply = sched.add(created, fr) + timedelta(seconds=int(rng.integers(0, 60)))
    res = float(rng.lognormal(math.log(t.res_target) - 1.9 * 0.9, 0.9)) * (0.7 + 0.15 * t.replies)
    t.first_solve = sched.add(t.first_reply, res) + timedelta(seconds=int(rng.integers(5, 60)))
    t.solved = t.first_solve
    t.reopens = int(weighted(rng, (0, 1, 2), (0.88, 0.1, 0.02)))
    for _ in range(t.reopens):
        back = t.solved + timedelta(hours=float(rng.uniform(2, 72)))
        t.solved = sched.add(back, float(rng.lognormal(math.log(120), 0.8)))
    t.handle_min = int(4 + t.replies * rng.gamma(2.0, 3.5))
    t.tags = [team.lower().replace(" ", "_"), kind.lower()]
    if brand is MAIN and team == "Billing" and created.month == 6 and rng.random() < 0.6:
        t.tags.append("price_change_2025")
    return t


def settle(rng: np.random.Generator, brand: Brand, t: Ticket) -> None:
    """Cut the timeline at the export moment; SLA results; the satisfaction survey."""
    sched = brand.schedule
    if t.first_reply and t.first_reply > EXPORT_AT:
        t.first_reply = t.first_solve = t.solved = None
        t.replies, t.reopens = 0, 0
    if t.first_solve and t.first_solve > EXPORT_AT:
        t.first_solve = None
    if t.solved and t.solved > EXPORT_AT:
        t.solved = None
        t.reopens = 0 if t.first_solve is None else t.reopens
    if t.first_reply:
        t.fr_met = sched.between(t.created, t.first_reply) <= t.fr_target
    if t.solved:
        t.res_met = sched.between(t.created, t.solved) <= t.res_target
    if not t.solved:
        return
    t.is_offered = rng.random() < 0.85
    is_drop = (t.team, t.solved.month) == CSAT_DROP[:2]
    # Upset customers answer more often: the drop month gets more ratings, not only worse ones.
    if not (t.is_offered and rng.random() < (0.42 if is_drop else 0.295)):
        return
    p = CSAT_DROP[2] if is_drop else CSAT_LEVEL[t.team]
    p -= 0.25 * (t.fr_met is False) + 0.12 * (t.res_met is False) + 0.1 * min(t.reopens, 1)
    p -= 0.05 * (t.replies >= 4)
    t.is_good = bool(rng.random() < min(max(p, 0.02), 0.98))
    if brand is MAIN:
        t.rating = "Good" if t.is_good else "Bad"
    else:
        t.rating = "Awesome" if t.is_good else weighted(rng, ("Just Okay", "Not Good"), (6, 4))


def bad_events(tickets: list[Ticket]) -> dict[int, list[datetime]]:
    """Per account: moments of a bad rating (Bad / Not Good, at solve time) or an SLA breach."""
    events: dict[int, list[datetime]] = {}
    for t in tickets:
        aid = t.account.account_id
        if t.fr_met is False and t.first_reply:
            events.setdefault(aid, []).append(t.first_reply)
        if t.res_met is False and t.solved:
            events.setdefault(aid, []).append(t.solved)
        if t.rating in ("Bad", "Not Good") and t.solved:
            events.setdefault(aid, []).append(t.solved)
    return events


def month_starts() -> list[datetime]:
    return [datetime(2025, m, 1) for m in range(1, 13)]


def had_bad(events: list[datetime], at: datetime) -> bool:
    return any(at - BAD_WINDOW <= e < at for e in events)


def simulate_churn(rng: np.random.Generator, accounts: list[Account], tickets: list[Ticket]):
    """Monthly churn hazard, raised after a bad experience in the 90 days before the month."""
    events = bad_events(tickets)
    for start in month_starts():
        end = datetime(2025 + start.month // 12, start.month % 12 + 1, 1)
        for a in accounts:
            if a.churn or a.signup >= start:
                continue
            hazard = CHURN_BASE * PLAN_CHURN[a.plan]
            if had_bad(events.get(a.account_id, []), start):
                hazard *= CHURN_BAD
            if rng.random() < hazard:
                days = (end - start).days
                a.churn = start + timedelta(days=int(rng.integers(0, days)), hours=12)


def simulate(rng: np.random.Generator) -> tuple[list[Account], list[Ticket]]:
    accounts = make_accounts(rng)
    tickets: list[Ticket] = []
    for brand in (MAIN, NORDIC):
        pool = [a for a in accounts if a.brand == brand.name]
        rates = np.array([a.rate for a in pool])
        for created in arrival_times(rng, brand):
            active = np.array([a.signup <= created for a in pool])
            p = rates * active
            acct = pool[int(rng.choice(len(pool), p=p / p.sum()))]
            t = draw_ticket(rng, brand, created, acct)
            settle(rng, brand, t)
            tickets.append(t)
    simulate_churn(rng, accounts, tickets)
    kept = [t for t in tickets if not (t.account.churn and t.created >= t.account.churn)]
    for brand in (MAIN, NORDIC):
        mine = [t for t in kept if t.brand == brand.name]
        for i, t in enumerate(mine):
            t.ticket_id = brand.first_id + i
    return accounts, kept
