"""The documented tables that turn events into numbers: intensity, negotiation scores, humanitarian access.

Each table is the single place its rule lives; :mod:`fulcrum.analyze.series` compiles them into SQL and
``docs/analysis.md`` prints them.  Rows are tried in order and the first that matches wins.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ESCALATION_TYPES",
    "COUNTED_MODALITIES",
    "INTENSITY",
    "NegotiationRule",
    "NEGOTIATION_RULES",
    "NEGOTIATION_KINDS",
    "HUMANITARIAN_RULES",
    "TRACK_STATUS_SCORES",
    "intensity_sql",
    "negotiation_sql",
    "humanitarian_sql",
]

#: Event types that make up escalation.
ESCALATION_TYPES: tuple[str, ...] = ("THREATEN", "MOBILIZE", "COERCE", "ASSAULT")

#: Modalities that count as something that happened (or is vouched for as having happened).  Expected,
#: planned, hypothetical, conditional, negated and denied events are not counted as escalation.
COUNTED_MODALITIES: tuple[str, ...] = ("asserted", "reported", "believed")

#: Intensity scale: ``(type, modes, weight)``; the first row whose type matches and whose mode is in
#: ``modes`` (``None`` = any mode) wins.  Modes are compared lower-case.
INTENSITY: tuple[tuple[str, tuple[str, ...] | None, int], ...] = (
    ("ASSAULT", ("mass-casualty", "mass-killing", "massacre", "cbrn", "suicide-attack"), 6),
    ("ASSAULT", ("air", "aerial", "airstrike", "shell", "shelling", "artillery", "heavy-weapons",
                 "explosives", "missile", "rocket", "drone"), 5),
    ("ASSAULT", None, 4),
    ("COERCE", None, 3),
    ("MOBILIZE", None, 2),
    ("THREATEN", None, 1),
)


@dataclass(frozen=True)
class NegotiationRule:
    """One row of the negotiation scoring table.

    An event matches when its type is in ``types`` (empty = any type), its mode is in ``modes`` (``None``
    = any), its modality is in ``modalities`` and, when ``cue`` is given, the regular expression ``cue``
    matches the lower-cased evidence (rule name, trigger text and evidence sentence).
    """

    kind: str
    score: int
    types: tuple[str, ...] = ()
    modes: tuple[str, ...] | None = None
    cue: str | None = None
    modalities: tuple[str, ...] = COUNTED_MODALITIES
    note: str = ""


_TRUCE = r"(truce|ceasefire|cease-fire|pause|lull)"
_ENDED = r"(ended|ends|ending|collapsed|collapses|expired|expires|broke down|breaks down|is over|was over|over)"

#: The negotiation scoring table, first match wins.  + for talks held, progress, resumption, agreement,
#: implementation and extension; − for stall, rejection and collapse.
NEGOTIATION_RULES: tuple[NegotiationRule, ...] = (
    NegotiationRule("collapse", -2, ("ASSAULT",),
                    cue=rf"{_TRUCE}\W+(\w+\W+){{0,4}}{_ENDED}|resum\w*\W+(\w+\W+){{0,2}}"
                        r"(fighting|hostilities|strikes|bombing|bombardment|offensive|war|attacks)",
                    note="fighting resumes / truce ended"),
    NegotiationRule("collapse", -2, ("CONSULT", "AGREE", "REJECT", "RETREAT", "REQUEST", "ACCUSE"),
                    cue=rf"(talks|negotiations|deal|truce|ceasefire)\W+(\w+\W+){{0,3}}(collapsed|collapse|broke down|"
                        r"break down|called off|suspended|halted|failed)|walk(ed)? out|pull(ed)? out of (the )?talks|"
                        rf"{_TRUCE}\W+(\w+\W+){{0,4}}{_ENDED}",
                    note="talks or truce collapse"),
    NegotiationRule("stall", -1, ("CONSULT", "AGREE", "REJECT", "RETREAT", "REQUEST", "ACCUSE"),
                    cue=r"stall|impasse|deadlock|stuck|snag|sticking point|no (progress|breakthrough|deal)|"
                        r"stalemate|delay",
                    note="talks stall"),
    NegotiationRule("stall", -1, ("CONSULT", "AGREE"), modalities=("negated", "denied"),
                    note="talks or agreement negated (“no deal was reached”)"),
    NegotiationRule("rejection", -1, ("REJECT",), note="a proposal, demand or talks rejected"),
    NegotiationRule("extension", 2, ("AGREE",), cue=r"extend|extension|prolong|renew", note="truce extended"),
    NegotiationRule("agreement", 2, ("AGREE",), note="deal agreed or approved"),
    NegotiationRule("implementation", 2, ("RETREAT",), modes=("ceasefire", "release"),
                    note="truce in effect, hostages or prisoners released"),
    NegotiationRule("progress", 1, ("CONSULT",), cue=r"progress|breakthrough|close to|closer to|narrow|"
                                                     r"positive|constructive",
                    note="talks report progress"),
    NegotiationRule("resumption", 1, ("CONSULT",), cue=r"resum|restart|revive|return to (the )?talks",
                    note="talks resume"),
    NegotiationRule("talks", 1, ("CONSULT",), note="talks, meetings, mediation rounds held"),
)

#: Kinds of negotiation event, grouped for the event study.
NEGOTIATION_KINDS: dict[str, str] = {
    "collapse": "breakdown", "stall": "stall", "rejection": "stall", "extension": "agreement",
    "agreement": "agreement", "implementation": "agreement", "progress": "talks", "resumption": "talks",
    "talks": "talks",
}

#: Humanitarian access: ``(type, modes, score)``; first match wins.  + aid delivered or access opened,
#: − access cut (blockade, siege, crossing closed).
HUMANITARIAN_RULES: tuple[tuple[str, tuple[str, ...] | None, int], ...] = (
    ("RETREAT", ("access",), 1),
    ("AID", None, 1),
    ("COERCE", ("blockade", "siege", "restrict", "cut-off", "closure"), -1),
)

#: Track statuses of the processes layer (``fulcrum.processes.cues.STATUSES``, stored in ``track_status``)
#: mapped to event-study kinds and scores.  Statuses not listed here are shown but not used as events.
TRACK_STATUS_SCORES: dict[str, tuple[str, int]] = {
    "proposed": ("talks", 1), "talks_held": ("talks", 1), "progressing": ("talks", 1), "resumed": ("talks", 1),
    "stalled": ("stall", -1), "agreement_reached": ("agreement", 2), "implemented": ("agreement", 2),
    "extended": ("agreement", 2), "collapsed": ("breakdown", -2),
}


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _in(col: str, values: tuple[str, ...]) -> str:
    return f"{col} IN ({', '.join(_q(v) for v in values)})"


def intensity_sql(type_col: str = "type", mode_col: str = "mode", modality_col: str = "modality") -> str:
    """A SQL CASE giving each event's intensity (0 for non-escalation types or uncounted modalities)."""
    arms = []
    for typ, modes, w in INTENSITY:
        cond = f"{type_col} = {_q(typ)}"
        if modes is not None:
            cond += f" AND {_in(mode_col, modes)}"
        arms.append(f"WHEN {cond} THEN {w}")
    return (f"CASE WHEN NOT {_in(modality_col, COUNTED_MODALITIES)} THEN 0 "
            + " ".join(arms) + " ELSE 0 END")


def negotiation_sql(kind: bool, type_col: str = "type", mode_col: str = "mode",
                    modality_col: str = "modality", cue_col: str = "cue") -> str:
    """A SQL CASE giving each event's negotiation score (``kind=False``) or rule kind (``kind=True``)."""
    arms = []
    for r in NEGOTIATION_RULES:
        conds = [_in(modality_col, r.modalities)]
        if r.types:
            conds.append(_in(type_col, r.types))
        if r.modes is not None:
            conds.append(_in(mode_col, r.modes))
        if r.cue is not None:
            conds.append(f"regexp_matches({cue_col}, {_q(r.cue)})")
        arms.append(f"WHEN {' AND '.join(conds)} THEN {_q(r.kind) if kind else r.score}")
    return "CASE " + " ".join(arms) + (" ELSE NULL END" if kind else " ELSE 0 END")


def humanitarian_sql(type_col: str = "type", mode_col: str = "mode", modality_col: str = "modality") -> str:
    arms = []
    for typ, modes, s in HUMANITARIAN_RULES:
        cond = f"{type_col} = {_q(typ)}"
        if modes is not None:
            cond += f" AND {_in(mode_col, modes)}"
        arms.append(f"WHEN {cond} THEN {s}")
    return f"CASE WHEN NOT {_in(modality_col, COUNTED_MODALITIES)} THEN 0 " + " ".join(arms) + " ELSE 0 END"
