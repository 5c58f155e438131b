"""Writing event and claim records as table, CSV, JSONL, Parquet, PLOVER JSON or CAMEO (GDELT-like TSV).

Every format writes the data alone; progress and messages never go into the same stream.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("table", "csv", "jsonl", "parquet", "plover", "cameo")


def _json_default(obj: Any) -> Any:
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """A CSV-friendly copy: nested values become JSON text, with flat convenience columns for events."""
    out: dict[str, Any] = {}
    for k, v in record.items():
        out[k] = json.dumps(v, ensure_ascii=False, default=_json_default) if isinstance(v, (dict, list)) else v
    if "source" in record and isinstance(record.get("source"), list):
        for role in ("source", "target"):
            out[f"{role}_codes"] = ";".join(f"{a.get('code') or ''}/{a.get('sector') or ''}"
                                            for a in record[role])
        loc = record.get("location") or {}
        out["location_name"] = loc.get("name")
        out["lat"], out["lon"] = loc.get("lat"), loc.get("lon")
        att = record.get("attribution") or {}
        for key in ("claimant", "claimant_type", "count", "cue", "outlet"):
            out[f"attribution_{key}"] = att.get(key)
    return out


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER JSON: PLOVER's event/mode/actor fields plus fulcrum's provenance."""
    def actors(lst: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"actor": a.get("text"), "code": a.get("code"), "sector": a.get("sector"),
                 "name": a.get("name")} for a in lst]

    return {
        "id": r["id"], "date": r.get("date") or r.get("published"), "date_precision": r.get("date_precision"),
        "event": r["type"], "mode": r.get("mode"), "context": [], "cameo": r.get("cameo"),
        "source": actors(r.get("source") or []), "target": actors(r.get("target") or []),
        "location": r.get("location"), "text": r.get("text"),
        "provenance": {"article_id": r.get("article_id"), "external_id": r.get("external_id"),
                       "outlet": r.get("outlet"), "published": r.get("published"), "url": r.get("url"),
                       "modality": r.get("modality"), "attribution": r.get("attribution"),
                       "evidence": {"start": r.get("start"), "end": r.get("end")},
                       "rule": r.get("rule"), "confidence": r.get("confidence")},
    }


def write_records(records: Sequence[dict[str, Any]], fmt: str, output: str | Path | None,
                  fields: Sequence[str], table_columns: Sequence[str] | None = None) -> None:
    """Write records to ``output`` (a path) or to standard output."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if fmt == "parquet":
        table = pa.Table.from_pylist([dict(r) for r in records]) if records else \
            pa.table({f: pa.array([], pa.string()) for f in fields})
        if output is None:
            buf = io.BytesIO()
            pq.write_table(table, buf)
            sys.stdout.buffer.write(buf.getvalue())
            sys.stdout.buffer.flush()
        else:
            pq.write_table(table, str(output))
        return
    fh: IO[str]
    close = False
    if output is None:
        fh = sys.stdout
    else:
        fh = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        close = True
    try:
        if fmt == "jsonl":
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n")
        elif fmt == "cameo":
            from fulcrum.extract.cameo import CAMEO_COLUMNS, cameo_record

            w = csv.DictWriter(fh, fieldnames=list(CAMEO_COLUMNS), delimiter="\t", lineterminator="\n",
                               extrasaction="ignore")
            w.writeheader()
            w.writerows(cameo_record(r) for r in records)
        elif fmt == "plover":
            json.dump([plover_record(r) for r in records], fh, ensure_ascii=False, indent=1,
                      default=_json_default)
            fh.write("\n")
        elif fmt == "csv":
            flat = [flatten(r) for r in records]
            cols = list(flat[0].keys()) if flat else list(fields)
            w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            w.writeheader()
            w.writerows(flat)
        else:
            _write_table(records, fh, table_columns or fields)
    finally:
        if close:
            fh.close()


def _write_table(records: Sequence[dict[str, Any]], fh: IO[str], columns: Sequence[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, list):
            return "; ".join(f"{a.get('code') or '?'}/{a.get('sector') or '-'}" if isinstance(a, dict) else str(a)
                             for a in v)
        if isinstance(v, dict):
            return str(v.get("name") or v.get("claimant") or json.dumps(v, default=_json_default))
        if isinstance(v, float):
            return f"{v:g}"
        return str(v)

    t = Table(show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in records:
        t.add_row(*(cell(r.get(c)) for c in columns))
    Console(file=fh, width=200).print(t)
