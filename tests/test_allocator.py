"""The allocator option `dashboard` sets must reach Arrow: it only works before pyarrow loads."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = (
    "import sys, os; {imports}; "
    "print(os.environ.get('MIMALLOC_PURGE_DELAY'), 'pyarrow' in sys.modules)"
)


def _probe(imports: str, env: dict[str, str] | None = None) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "MIMALLOC_PURGE_DELAY"}
    environ.update(env or {})
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(imports=imports)],
        capture_output=True, text=True, check=True, env=environ,
    )  # fmt: skip
    return out.stdout.strip()


def test_the_app_sets_the_option_before_pyarrow_is_loaded() -> None:
    # the entry script imports streamlit, then the package: streamlit must not load pyarrow
    assert _probe("import streamlit") == "None False"
    assert _probe("import streamlit; import dashboard") == "0 False"


def test_a_value_set_in_the_environment_wins() -> None:
    assert _probe("import dashboard", {"MIMALLOC_PURGE_DELAY": "50"}) == "50 False"
