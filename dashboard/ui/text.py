"""Upload text inside Streamlit labels, which render Markdown: escape it so it stays literal.

Expander titles, metric labels and captions interpret Markdown (and `:color[...]`, `:icon:`
shortcodes); a file name or team name from an upload must show exactly as written.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def literal(text: object) -> str:
    """`text` with every Markdown-active character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", str(text))
