"""Turning the demo's wrapped text blocks into the strings the services take."""

from __future__ import annotations

import re
import textwrap

_BLOCK_START = re.compile(r"(#{1,6} |[-*+] |\d+\. |> |```)")


def line(text: str) -> str:
    """One line, with the wrapping and surrounding white space removed."""
    return " ".join(text.split())


def markdown(text: str) -> str:
    """Join the wrapped lines of each paragraph or list item; keep the block structure."""
    out: list[str] = []
    for raw in textwrap.dedent(text).strip().splitlines():
        stripped = raw.strip()
        if not stripped:
            if out and out[-1]:
                out.append("")
        elif out and out[-1] and not out[-1].startswith("#") and not _BLOCK_START.match(stripped):
            out[-1] += " " + stripped
        else:
            out.append(stripped)
    return "\n".join(out)
