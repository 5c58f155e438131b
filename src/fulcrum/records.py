"""Flat records of events and claims: the shape every export (JSONL, CSV, Parquet, API) shares.

Field lists are documented in ``docs/output-formats.md``; a test checks the two agree.
"""

from __future__ import annotations

from typing import Any

from fulcrum.model import Article, Claim, Event

EVENT_FIELDS: tuple[str, ...] = (
    "id", "article_id", "external_id", "outlet", "published", "url", "sentence_index", "text", "start",
    "end", "trigger", "type", "mode", "cameo", "source", "target", "date", "date_precision", "date_text",
    "location", "modality", "attribution", "confidence", "rule",
)
CLAIM_FIELDS: tuple[str, ...] = (
    "id", "article_id", "external_id", "outlet", "published", "what", "value", "comparator", "unit",
    "cumulative", "claimant", "claimant_type", "modality", "as_of", "sentence_index", "text", "start", "end", "rule",
)


def _actor(a: Any) -> dict[str, Any]:
    return {"text": a.text, "code": a.code, "sector": a.sector, "name": a.name}


def event_record(article: Article, ev: Event) -> dict[str, Any]:
    trig = None
    if ev.trigger is not None:
        trig = {"text": article.text[ev.trigger.start : ev.trigger.end], "start": ev.trigger.start,
                "end": ev.trigger.end}
    return {
        "id": ev.id, "article_id": article.id, "external_id": article.external_id,
        "outlet": article.outlet, "published": article.published.isoformat() if article.published else None,
        "url": article.url, "sentence_index": ev.sentence_index, "text": article.text[ev.start : ev.end],
        "start": ev.start, "end": ev.end, "trigger": trig, "type": ev.type, "mode": ev.mode,
        "cameo": ev.cameo, "source": [_actor(a) for a in ev.source], "target": [_actor(a) for a in ev.target],
        "date": ev.date.isoformat() if ev.date else None, "date_precision": ev.date_precision,
        "date_text": ev.date_text, "location": ev.location.to_dict() if ev.location else None,
        "modality": ev.modality, "attribution": ev.attribution.to_dict(), "confidence": ev.confidence,
        "rule": ev.rule,
    }


def claim_record(article: Article, cl: Claim) -> dict[str, Any]:
    return {
        "id": cl.id, "article_id": article.id, "external_id": article.external_id, "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None, "what": cl.what,
        "value": cl.value, "comparator": cl.comparator, "unit": cl.unit, "cumulative": cl.cumulative,
        "claimant": cl.claimant, "claimant_type": cl.claimant_type, "modality": cl.modality,
        "as_of": cl.as_of.isoformat() if cl.as_of else None, "sentence_index": cl.sentence_index,
        "text": article.sentence_text(cl.sentence_index) if cl.sentence_index < len(article.sentences)
        else article.text[cl.start : cl.end],
        "start": cl.start, "end": cl.end, "rule": cl.rule,
    }
