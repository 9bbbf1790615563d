"""Write large, seeded, realistic exports for the benchmarks: tickets, surveys and reviews.

Run from the repository root: `python bench/generate_large.py OUT_DIR [--tickets 1000000 ...]`.
Files (sizes at 1M tickets: about 190 MB of tickets, 25 MB of surveys, 9 MB of reviews):

- `tickets_<n>.csv`: a Zendesk ticket export (its real headers, 25 columns): quoted subjects
  holding commas, quotes and the odd line break, UTC timestamps, blank "Solved at" for open
  tickets, durations in minutes.
- `surveys_<n>.csv`: Delighted NPS answers for a quarter of the tickets (Response ID, Score
  0-10, Created at, Comment, Email, Survey type).
- `reviews_<n>.csv`: Klaus QA reviews for a tenth of the tickets (Review score 0-100).

The same seed gives the same bytes, so runs on different machines compare the same files.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

SEED = 20241
START = np.datetime64("2024-01-01T00:00:00")
YEAR_SECONDS = 366 * 86400


def _stamp(values: np.ndarray, blank: np.ndarray | None = None) -> pa.Array:
    text = np.datetime_as_string(values, unit="s")
    text = np.char.replace(text, "T", " ")
    return pa.array(text, mask=blank).cast(pa.string())


def _pick(rng: np.random.Generator, n: int, *options: str) -> np.ndarray:
    return np.array(options)[rng.integers(0, len(options), n)]


def ticket_columns(n: int, rng: np.random.Generator) -> dict[str, object]:
    """The columns of a Zendesk export of `n` tickets (ids 1..n, created over one year)."""
    created = START + np.sort(rng.integers(0, YEAR_SECONDS, n)).astype("timedelta64[s]")
    first_reply = rng.gamma(1.5, 120, n).astype(np.int64)
    resolution = first_reply + rng.gamma(1.2, 1500, n).astype(np.int64)
    solved = created + (resolution * 60).astype("timedelta64[s]")
    status = _pick(rng, n, "Solved", "Closed", "Closed", "Open", "Pending")
    is_open = np.isin(status, ["Open", "Pending"])
    subjects = np.array(
        [
            "Printer offline",
            "VPN drops",
            'The "new" laptop',
            "Refund, urgent",
            "Login fails",
            "Invoice wrong",
            "Æøå in my name",
            "导出失败",
            "Slow dashboard",
            "Cancel plan",
        ]
    )
    subject = subjects[rng.integers(0, len(subjects), n)]
    subject[rng.integers(0, n, max(1, n // 1000))] = "first line\nsecond line"
    return {
        "Id": np.arange(1, n + 1),
        "Requester": _pick(rng, n, "Ann Berg", "Bo Ek", "Cy Dahl", "Dag Moe", "Eva Lind"),
        "Requester id": rng.integers(10**11, 10**12, n),
        "Requester email": _pick(rng, n, "ann@acme.no", "bo@nordic.fi", "cy@berlin.de"),
        "Assignee": _pick(rng, n, "Kari", "Ola", "Lars", "Mette", "Søren", "Zoë"),
        "Group": _pick(rng, n, "Support", "Billing", "Tier 2", "Onboarding"),
        "Subject": subject,
        "Tags": _pick(rng, n, "vip refund", "printer", "", "sla_breach", "billing question"),
        "Status": status,
        "Priority": _pick(rng, n, "Low", "Normal", "Normal", "High", "Urgent"),
        "Via": _pick(rng, n, "Mail", "Web form", "Chat", "Phone call (incoming)"),
        "Ticket type": _pick(rng, n, "Question", "Incident", "Problem", "Task"),
        "Created at": _stamp(created),
        "Updated at": _stamp(solved + rng.integers(0, 3600, n).astype("timedelta64[s]")),
        "Solved at": _stamp(solved, blank=is_open),
        "Satisfaction Score": _pick(rng, n, "Good", "Bad", "Offered", "Not Offered", "Unoffered"),
        "Reopens": rng.poisson(0.2, n),
        "Replies": rng.poisson(2.5, n),
        "First reply time in minutes": first_reply,
        "First resolution time in minutes": resolution,
        "Full resolution time in minutes": resolution + rng.integers(0, 600, n),
        "Agent wait time in minutes": rng.integers(0, 9000, n),
        "Requester wait time in minutes": rng.integers(0, 9000, n),
        "On hold time in minutes": rng.integers(0, 900, n),
        "Organization": _pick(rng, n, "Acme AS", "Nordic Oy", "Berlin GmbH", ""),
    }


def survey_columns(tickets: int, rng: np.random.Generator) -> dict[str, object]:
    """Delighted NPS answers for about a quarter of the tickets."""
    n = tickets // 4
    ticket = np.sort(rng.choice(tickets, n, replace=False)) + 1
    answered = START + (ticket * (YEAR_SECONDS // max(tickets, 1))).astype("timedelta64[s]")
    score = np.clip(np.round(rng.normal(7.6, 2.2, n)), 0, 10).astype(np.int64)
    return {
        "Response ID": np.arange(9_000_000, 9_000_000 + n),
        "Score": score,
        "Created at": _stamp(answered + rng.integers(3600, 86400 * 3, n).astype("timedelta64[s]")),
        "Comment": _pick(rng, n, "", "", "Quick help, thanks!", "Took too long", "Meh; ok"),
        "Email": _pick(rng, n, "ann@acme.no", "bo@nordic.fi", "cy@berlin.de", "dag@moe.se"),
        "Survey type": np.full(n, "nps"),
    }


def review_columns(tickets: int, rng: np.random.Generator) -> dict[str, object]:
    """Klaus QA reviews (0-100) of about a tenth of the tickets."""
    n = tickets // 10
    ticket = np.sort(rng.choice(tickets, n, replace=False)) + 1
    reviewed = START + (ticket * (YEAR_SECONDS // max(tickets, 1))).astype("timedelta64[s]")
    score = np.clip(rng.normal(82, 12, n), 0, 100).round(2)
    return {
        "Review ID": np.arange(5_000_000, 5_000_000 + n),
        "Conversation external ID": ticket,
        "Reviewee": _pick(rng, n, "Kari", "Ola", "Lars", "Mette", "Søren", "Zoë"),
        "Reviewer": _pick(rng, n, "Priya Raman", "Jon Lee"),
        "Scorecard": np.full(n, "Support scorecard"),
        "Review score": score,
        "Created": _stamp(reviewed + rng.integers(86400, 86400 * 7, n).astype("timedelta64[s]")),
    }


def write_exports(folder: Path, tickets: int, seed: int = SEED) -> dict[str, Path]:
    """Write the three files for `tickets` tickets into `folder`; return them by kind."""
    rng = np.random.default_rng([seed, tickets])
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for kind, build in (
        ("tickets", ticket_columns),
        ("surveys", survey_columns),
        ("reviews", review_columns),
    ):
        path = folder / f"{kind}_{tickets}.csv"
        pacsv.write_csv(pa.table(build(tickets, rng)), path)
        out[kind] = path
    return out


def main() -> None:
    """Parse the command line and write the exports (1M and 5M tickets by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write (e.g. a temp dir)")
    parser.add_argument("--tickets", type=int, nargs="+", default=[1_000_000, 5_000_000])
    args = parser.parse_args()
    for n in args.tickets:
        for kind, path in write_exports(args.folder, n).items():
            print(f"{kind:<8} {n:>10,} tickets  {path.stat().st_size / 2**20:7.1f} MB  {path}")


if __name__ == "__main__":
    main()
