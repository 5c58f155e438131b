"""Article text with spans marked, safe by construction.

The text is cut at every span boundary; each piece is HTML-escaped on its own and only then wrapped in
``<mark>`` elements whose classes come from us, never from the text.  Nothing from the article reaches the
page unescaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str  # our own class name, e.g. "evidence", "trigger", "claimant"
    title: str = ""  # escaped like the text


def highlight(text: str, marks: Sequence[Mark], first_id: str | None = "evidence") -> Markup:
    """``text`` as HTML with every mark wrapped; overlapping and nested marks both work.

    The first piece of the first mark gets ``id=first_id`` so a link can scroll to it.
    """
    n = len(text)
    spans = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in spans), *(m.end for m in spans)})
    out: list[str] = []
    first_done = first_id is None
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = str(escape(text[a:b]))
        covering = [m for m in spans if m.start <= a and b <= m.end]
        # outermost first: longer spans enclose shorter ones
        covering.sort(key=lambda m: (-(m.end - m.start), m.start))
        for m in reversed(covering):
            attrs = f' class="{escape(m.css)}"'
            if m.title:
                attrs += f' title="{escape(m.title)}"'
            if not first_done and m is covering[0]:
                attrs += f' id="{escape(first_id)}"'
                first_done = True
            piece = f"<mark{attrs}>{piece}</mark>"
        out.append(piece)
    return Markup("".join(out))
