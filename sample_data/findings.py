"""The planted findings, computed by reading the written sample files back (not from the model).

`report(directory)` prints them and returns them as a dict; `generate.py` calls it last and
`sample_data/README.md` quotes the printed numbers. SLA attainment for Zendesk (whose export has
no SLA column) uses the policy documented in the README: business-minute targets by priority,
tighter for live channels (`world.MAIN`).
"""

from __future__ import annotations

import math
from datetime import timedelta
from pathlib import Path

import pandas as pd
import world

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _read(directory: Path) -> dict[str, pd.DataFrame]:
    opts = {"dtype": str, "keep_default_na": False}
    return {
        "zd": pd.read_csv(directory / "zendesk_tickets.csv.zip", **opts),
        "fd": pd.read_csv(
            directory / "freshdesk_tickets_eu.csv", sep=";", encoding="cp1252", **opts
        ),
        "qa": pd.read_csv(directory / "klaus_qa_reviews.csv", **opts),
        "q": pd.read_csv(
            directory / "qualtrics_nps.csv", skiprows=[1, 2], encoding="utf-8-sig", **opts
        ),
        "acc": pd.read_csv(directory / "accounts.csv", **opts),
    }


def _num(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s.replace("", None))


def _nb(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s.replace("", None), format="%d.%m.%Y %H:%M")


def _two_proportions(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (no continuity correction)."""
    p = (k1 + k2) / (n1 + n2)
    z = (k1 / n1 - k2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return math.erfc(abs(z) / math.sqrt(2))


def _zendesk(zd: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "id": zd["Id"],
            "customer": zd["Requester id"],
            "team": zd["Group"],
            "created": pd.to_datetime(zd["Created at"]),
            "solved": pd.to_datetime(zd["Solved at"].replace("", None)),
            "score": zd["Satisfaction Score"],
        }
    )
    live = zd["Via"].isin(world.MAIN.live)
    fr_target = (
        zd["Priority"]
        .map(world.MAIN.fr_target)
        .where(~live, zd["Priority"].map(world.MAIN.live_target))
    )
    fr_b = _num(zd["First reply time in minutes within business hours"])
    res_b = _num(zd["Full resolution time in minutes within business hours"])
    out["fr_met"] = (fr_b <= fr_target).where(fr_b.notna())
    out["res_met"] = (res_b <= zd["Priority"].map(world.MAIN.res_target)).where(res_b.notna())
    out["first_reply"] = out["created"] + pd.to_timedelta(
        _num(zd["First reply time in minutes"]), unit="min"
    )
    return out


def _bad_events(z: pd.DataFrame, fd: pd.DataFrame) -> pd.DataFrame:
    """Account id and moment of every bad rating or SLA breach, both brands."""
    parts = [
        pd.DataFrame({"customer": z["customer"], "at": z["first_reply"]})[z["fr_met"] == False],  # noqa: E712
        pd.DataFrame({"customer": z["customer"], "at": z["solved"]})[z["res_met"] == False],  # noqa: E712
        pd.DataFrame({"customer": z["customer"], "at": z["solved"]})[z["score"] == "Bad"],
    ]
    fcust = fd["Contact ID"]
    fr_bad = fd["First response status"] == "SLA Violated"
    res_bad = (fd["Resolution status"] == "SLA Violated") | (fd["Survey results"] == "Not Good")
    parts.append(pd.DataFrame({"customer": fcust, "at": _nb(fd["Initial response time"])})[fr_bad])
    parts.append(pd.DataFrame({"customer": fcust, "at": _nb(fd["Resolved time"])})[res_bad])
    return pd.concat(parts, ignore_index=True)


def _churn(acc: pd.DataFrame, events: pd.DataFrame) -> dict[str, float]:
    """Account-months: churn in the month with vs without a bad experience in the 90 days before."""
    signup = pd.to_datetime(acc["Signup date"])
    churn = pd.to_datetime(acc["Churn date"].replace("", None))
    by_customer = {c: g["at"].to_numpy() for c, g in events.groupby("customer")}
    counts = {True: [0, 0], False: [0, 0]}  # flag -> [account-months, churned]
    for m in range(1, 13):
        start = pd.Timestamp(2025, m, 1)
        end = pd.Timestamp(2025 + m // 12, m % 12 + 1, 1)
        lo = (start - timedelta(days=90)).to_datetime64()
        for cid, s, c in zip(acc["Account ID"], signup, churn, strict=True):
            if s >= start or (pd.notna(c) and c < start):
                continue
            ev = by_customer.get(cid)
            flag = bool(ev is not None and ((ev >= lo) & (ev < start.to_datetime64())).any())
            counts[flag][0] += 1
            counts[flag][1] += int(pd.notna(c) and c < end)
    bad_rate = counts[True][1] / counts[True][0]
    ok_rate = counts[False][1] / counts[False][0]
    return {
        "churned_accounts": int(churn.notna().sum()),
        "account_months_bad": counts[True][0],
        "churn_bad": counts[True][1],
        "account_months_ok": counts[False][0],
        "churn_ok": counts[False][1],
        "monthly_churn_bad": bad_rate,
        "monthly_churn_ok": ok_rate,
        "relative_risk": bad_rate / ok_rate,
    }


def _nps(q: pd.DataFrame, events: pd.DataFrame) -> dict[str, float]:
    ok = q[(q["Status"] == "IP Address") & (q["Finished"] == "True")]
    score = ok["Q1"].astype(int)
    start = pd.to_datetime(ok["StartDate"])
    groups = events.groupby("customer")["at"]
    lookup = {c: g.to_numpy() for c, g in groups}
    bad = [
        bool(
            (lambda ev: ev is not None and ((ev >= s - timedelta(days=90)) & (ev < s)).any())(
                lookup.get(c)
            )
        )
        for c, s in zip(ok["ExternalReference"], start.to_numpy(), strict=True)
    ]
    bad = pd.Series(bad, index=ok.index)

    def nps(s: pd.Series) -> float:
        return float(100 * ((s >= 9).mean() - (s <= 6).mean()))

    return {
        "rows": len(q),
        "previews": int((q["Status"] == "Survey Preview").sum()),
        "unfinished": int((q["Finished"] == "False").sum()),
        "responses": len(ok),
        "promoters": int((score >= 9).sum()),
        "passives": int(((score >= 7) & (score <= 8)).sum()),
        "detractors": int((score <= 6).sum()),
        "nps": nps(score),
        "nps_after_bad": nps(score[bad]),
        "n_after_bad": int(bad.sum()),
        "nps_otherwise": nps(score[~bad]),
    }


def compute(directory: Path) -> dict[str, object]:
    f = _read(directory)
    z, fd = _zendesk(f["zd"]), f["fd"]
    created = pd.concat([z["created"], _nb(fd["Created time"])], ignore_index=True)
    monthly = created.dt.month.value_counts().sort_index()
    weekday = created.dt.dayofweek.value_counts(normalize=True).sort_index()
    rated = z[z["score"].isin(["Good", "Bad"])].assign(
        good=lambda d: d["score"] == "Good", month=lambda d: d["solved"].dt.month
    )
    billing = rated[rated["team"] == "Billing"].groupby("month")["good"].agg(["sum", "count"])
    before = billing.loc[1:5].sum()
    june = billing.loc[6]
    fd_rated = fd[fd["Survey results"] != ""]
    qa = f["qa"].merge(z[["id", "team"]], left_on="Conversation external ID", right_on="id")
    qa_score = qa["Review score"].astype(float)
    team_stats = pd.DataFrame(
        {
            "qa_mean": qa_score.groupby(qa["team"]).mean(),
            "csat": rated.groupby("team")["good"].mean() * 100,
            "ratings": rated.groupby("team")["good"].size(),
        }
    ).assign(gap=lambda d: d["qa_mean"] - d["csat"])
    team_month_sla = z.assign(m=z["created"].dt.month).groupby(["team", "m"])["fr_met"].mean()
    events = _bad_events(z, fd)
    return {
        "zendesk_tickets": len(z),
        "zendesk_unsolved": int(z["solved"].isna().sum()),
        "freshdesk_tickets": len(fd),
        "freshdesk_unresolved": int((fd["Resolved time"] == "").sum()),
        "monthly_volume": {MONTHS[m - 1]: int(v) for m, v in monthly.items()},
        "weekday_share": [round(float(v), 3) for v in weekday],
        "zendesk_fr_sla": float(z["fr_met"].mean()),
        "zendesk_res_sla": float(z["res_met"].mean()),
        "zendesk_fr_sla_team_month_min": float(team_month_sla.min()),
        "zendesk_fr_sla_team_month_max": float(team_month_sla.max()),
        "billing_june_fr_sla": float(team_month_sla.loc[("Billing", 6)]),
        "freshdesk_first_response_sla": float(
            (fd["First response status"] == "Within SLA").sum()
            / (fd["First response status"] != "").sum()
        ),
        "freshdesk_resolution_sla": float(
            (fd["Resolution status"] == "Within SLA").sum() / (fd["Resolution status"] != "").sum()
        ),
        "zendesk_rated_share_of_solved": len(rated) / int(z["solved"].notna().sum()),
        "zendesk_csat": float(rated["good"].mean()),
        "zendesk_ratings": len(rated),
        "billing_csat_by_month": {
            MONTHS[m - 1]: (int(r["sum"]), int(r["count"])) for m, r in billing.iterrows()
        },
        "billing_jan_may": (int(before["sum"]), int(before["count"])),
        "billing_june": (int(june["sum"]), int(june["count"])),
        "billing_june_pvalue": _two_proportions(
            int(before["sum"]), int(before["count"]), int(june["sum"]), int(june["count"])
        ),
        "freshdesk_ratings": len(fd_rated),
        "freshdesk_awesome": float((fd_rated["Survey results"] == "Awesome").mean()),
        "qa_reviews": len(f["qa"]),
        "qa_mean": float(f["qa"]["Review score"].astype(float).mean()),
        "teams": team_stats.round(1).to_dict(orient="index"),
        "churn": _churn(f["acc"], events),
        "accounts": len(f["acc"]),
        "nps": _nps(f["q"], events),
    }


def report(directory: Path) -> dict[str, object]:
    """Compute the findings and print them one per line."""
    out = compute(directory)
    for key, value in out.items():
        if isinstance(value, float):
            value = f"{value:.2e}" if abs(value) < 1e-3 else round(value, 4)
        print(f"{key}: {value}")
    return out
