"""Yes/no values from export text, in the languages of our users' exports.

Matching is case-insensitive on trimmed text. The built-in words carry no SLA meaning: "met",
"breached" or "Within SLA" are only booleans when the caller passes them, typically
`SLA_MET_WORDS` / `SLA_BREACHED_WORDS` for a column that says whether an SLA was met (True = met).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from dashboard.parse.common import Parsed, distinct, failure_note

TRUE_WORDS: tuple[str, ...] = (
    "true", "yes", "y", "1", "1.0", "t", "ja", "tak", "oui", "si", "sí", "wahr", "sim",
    "是", "真", "✓", "✔",
)  # fmt: skip
FALSE_WORDS: tuple[str, ...] = (
    "false", "no", "n", "0", "0.0", "f", "nei", "nej", "nein", "nie", "non", "falsch", "não",
    "nao", "否", "假",
)  # fmt: skip

# SLA outcome words (True = the SLA was met). "not breached" is met; "not met" is breached.
SLA_MET_WORDS: tuple[str, ...] = (
    "within sla", "sla met", "met", "achieved", "not breached", "in sla", "ok", "on time",
    "made", "made sla", "oppfylt", "overholdt", "opfyldt", "eingehalten", "spełnione",
    # as localised helpdesks write them (Freshdesk nb "Innenfor SLA")
    "innenfor sla", "sla overholdt", "inden for sla", "inom sla", "innerhalb sla",
    "innerhalb des sla", "sla erfüllt", "w ramach sla",
)  # fmt: skip
SLA_BREACHED_WORDS: tuple[str, ...] = (
    "sla violated", "violated", "breached", "sla breached", "missed", "sla missed", "not met",
    "failed", "overdue", "late", "brutt", "overskredet", "verletzt", "naruszone",
    "sla brutt", "sla brudd", "sla brudt", "sla bruten", "sla overskredet", "sla verletzt",
    "sla überschritten", "sla naruszone", "sla przekroczone",
)  # fmt: skip


def parse_booleans(
    values: pd.Series,
    *,
    true_values: Iterable[str] = (),
    false_values: Iterable[str] = (),
) -> Parsed:
    """Read a text column as pandas "boolean" (True/False/<NA>).

    Args:
        values: export text (pandas string; <NA> or blank for an empty cell).
        true_values: extra words meaning True (case-insensitive); they win over built-ins.
        false_values: extra words meaning False.

    Returns:
        Parsed with "boolean" values; `failed` marks words in neither vocabulary.

    Raises:
        ValueError: when a word is passed as both true and false.
    """
    extra_true = {w.strip().casefold() for w in true_values}
    extra_false = {w.strip().casefold() for w in false_values}
    if clash := extra_true & extra_false:
        raise ValueError(f"words given as both true and false: {sorted(clash)}")
    vocabulary = dict.fromkeys(TRUE_WORDS, True) | dict.fromkeys(FALSE_WORDS, False)
    vocabulary |= dict.fromkeys(extra_true, True) | dict.fromkeys(extra_false, False)
    d = distinct(values)
    words = pc.utf8_lower(d.texts).to_pylist()  # few distinct values: a dict look-up each
    answers = [vocabulary.get(_fold(w)) for w in words]
    known = np.array([a is not None for a in answers], dtype=bool)
    truth = np.array([bool(a) for a in answers], dtype=bool)
    failed = ~known
    state = np.where(known, np.where(truth, 1, 0), -1).astype(np.int8)
    rows = d.spread(state, -1)
    result = pd.array(np.where(rows == 1, True, False), dtype="boolean")
    result[rows < 0] = pd.NA
    seen = sorted({w for w, k in zip(words, known, strict=True) if k})[:6]
    note = f"yes/no words ({', '.join(seen)})" if seen else "no yes/no words"
    return Parsed(
        pd.Series(result, index=values.index),
        d.spread_failed(failed),
        note + failure_note(failed),
    )


def _fold(word: str) -> str:
    """Case-fold and collapse inner whitespace ('Within  SLA' -> 'within sla')."""
    return " ".join(word.casefold().split())
