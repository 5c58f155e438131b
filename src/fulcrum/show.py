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
            parts = [f"{ev.type}" + (f"/{ev.mode}" if ev.mode else ""),
                     # the trigger's words in plain text too: colour is lost in a pipe or under NO_COLOR
                     f"trigger \"{art.text[ev.trigger.start:ev.trigger.end]}\"" if ev.trigger else "trigger -",
                     f"cameo {ev.cameo or '-'}",
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
                f"{cl.what} {cl.comparator} {cl.value:g} {cl.unit or ''} | \"{art.text[cl.start:cl.end]}\" | "
                f"claimant {cl.claimant or '-'} "
                f"({cl.claimant_type or '-'}) | as of {cl.as_of.isoformat() if cl.as_of else '-'}"
                f"{' | cumulative' if cl.cumulative else ''}"))


def render_scores(res: dict[str, Any], console: Console) -> None:
    """The figures of ``fulcrum eval`` as tables."""
    from rich.table import Table

    def fmt(v: Any) -> str:
        return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)

    console.print(f"records scored: {res['records']}")
    t = Table(title="summary")
    t.add_column("metric")
    t.add_column("value", justify="right")
    t.add_row("type micro P / R / F1", " / ".join(fmt(res["micro"][k]) for k in ("p", "r", "f1")))
    for k in ("macro_f1", "source_f1", "target_f1", "source_sector_f1", "target_sector_f1", "date_acc",
              "loc_25km", "empty_acc"):
        t.add_row(k, fmt(res.get(k)))
    for k, v in res.get("provenance", {}).items():
        t.add_row(f"provenance {k}", fmt(v))
    console.print(t)
    pt = Table(title="per type")
    for c in ("type", "P", "R", "F1"):
        pt.add_column(c, justify="right" if c != "type" else "left")
    for typ, v in res["per_type"].items():
        pt.add_row(typ, fmt(v["p"]), fmt(v["r"]), fmt(v["f1"]))
    console.print(pt)
    conf = res.get("confusion") or {}
    if conf:
        cols = sorted({p for row in conf.values() for p in row})
        ct = Table(title="confusion (gold rows x predicted columns)")
        ct.add_column("gold")
        for c in cols:
            ct.add_column(c[:8], justify="right")
        for g, row in conf.items():
            ct.add_row(g, *(str(row.get(c, "")) for c in cols))
        console.print(ct)
    for key, title in (("misses", "misses"), ("false_alarms", "false alarms")):
        items = res.get(key) or []
        if items:
            console.print(f"[bold]{title}[/]")
            for m in items:
                console.print(f"  {m['id']}  {m['type']}  ({'predicted' if key == 'misses' else 'gold'}: "
                              f"{', '.join(m.get('predicted', m.get('gold', []))) or 'none'})  {m['text']}",
                              markup=False)
