"""Small dependency-tree helpers shared by the components (dates, places)."""

from __future__ import annotations

from typing import Any

#: How far up the tree the helpers climb before giving up (parses of headlines can be deep and odd).
MAX_CLIMB = 12


def clause_verb(tok: Any) -> Any:
    """The verb (or auxiliary, or root) of the clause ``tok`` is in."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def attached_to(tok: Any, trig: Any) -> bool:
    """``tok`` hangs off the trigger ``trig``: the trigger is among its heads below the first verb, or
    both belong to the same clause verb."""
    if tok is None or trig is None:
        return False
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.i == trig.i:
            return True
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.i == clause_verb(trig).i
