"""Human-readable and JSON views of one annotated article (``fulcrum show``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from fulcrum.model import Article
from fulcrum.records import claim_record, event_record


def article_json(art: Article) -> dict[str, Any]:
    return {**art.metadata(), "text": art.text,
            "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in art.sentences],
            "events": [event_record(art, e) for e in art.events],
            "claims": [claim_record(art, c) for c in art.claims]}


def _actors(lst: list[Any]) -> str:
    return ", ".join(f"{a.text} [{a.code or '?'}/{a.sector or '-'}]" for a in lst) or "-"


def render_article(art: Article, console: Console) -> None:
    meta = art.metadata()
    console.print(Text(art.title or "(untitled)", style="bold"))
    console.print(Text(" | ".join(f"{k}: {meta[k]}" for k in ("id", "external_id", "published", "outlet", "url")
                                  if meta.get(k)), style="dim"))
    console.print()
    by_sentence: dict[int, list[Any]] = {}
    for ev in art.events:
        by_sentence.setdefault(ev.sentence_index, []).append(ev)
    claims_by_sentence: dict[int, list[Any]] = {}
    for cl in art.claims:
        claims_by_sentence.setdefault(cl.sentence_index, []).append(cl)
    for s in art.sentences:
        line = Text(art.text[s.start:s.end])
        for ev in by_sentence.get(s.index, []):
            if ev.trigger:
                line.stylize("bold reverse", ev.trigger.start - s.start, ev.trigger.end - s.start)
            for a in ev.source + ev.target:
                if a.start is not None and a.end is not None and s.start <= a.start < s.end:
                    line.stylize("underline cyan", a.start - s.start, a.end - s.start)
            att = ev.attribution
            if att.claimant_start is not None and att.claimant_end is not None:
                line.stylize("italic magenta", att.claimant_start - s.start, att.claimant_end - s.start)
        for cl in claims_by_sentence.get(s.index, []):
            line.stylize("bold yellow", cl.start - s.start, cl.end - s.start)
        console.print(Text(f"[{s.index}] ", style="dim") + line)
        for ev in by_sentence.get(s.index, []):
            att = ev.attribution
            parts = [f"{ev.type}" + (f"/{ev.mode}" if ev.mode else ""), f"cameo {ev.cameo or '-'}",
                     f"{_actors(ev.source)} -> {_actors(ev.target)}",
                     f"date {ev.date.isoformat() if ev.date else '-'} ({ev.date_precision})",
                     f"place {ev.location.name if ev.location else '-'}", f"modality {ev.modality}"]
            if att.claimant or att.outlet or att.cue:
                parts.append(f"claimant {att.claimant or '-'} ({att.claimant_type or '-'}, count "
                             f"{att.count if att.count is not None else '-'}, cue {att.cue or '-'}, "
                             f"outlet {att.outlet or '-'})")
            parts.append(f"rule {ev.rule or '-'}")
            console.print(Text("    EVENT ", style="bold green") + Text(" | ".join(parts)))
        for cl in claims_by_sentence.get(s.index, []):
            console.print(Text("    CLAIM ", style="bold yellow") + Text(
                f"{cl.what} {cl.comparator} {cl.value:g} {cl.unit or ''} | claimant {cl.claimant or '-'} "
                f"({cl.claimant_type or '-'}) | as of {cl.as_of.isoformat() if cl.as_of else '-'}"
                f"{' | cumulative' if cl.cumulative else ''}"))
