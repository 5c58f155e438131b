"""CAMEO codes for PLOVER events, and GDELT-like records for ``fulcrum events --format cameo``.

The CAMEO -> PLOVER facts live in ``fulcrum/data/cameo/cameo_plover.tsv`` (generated from the PLOVER
manual's crosswalk by ``scripts/build_cameo_table.py``).  Going the other way is a choice, not a fact: a
PLOVER type and mode fit several CAMEO codes, and :func:`cameo_code` picks the most specific one that the
table reads back as the same PLOVER type, guided by our own choices below (a mode's usual CAMEO code, and
a few trigger lemmas: "accuse" 112, "condemn" 111, "veto" 129 ...).  ``Event.cameo`` is set through it.

:func:`cameo_record` turns an exported event record into GDELT 2.0-style columns (``GLOBALEVENTID``,
``SQLDATE``, ``Actor1Code`` ..., ``EventCode``, ``EventBaseCode``, ``EventRootCode``, ``QuadClass``,
``GoldsteinScale``, ``ActionGeo_*``, ``SOURCEURL``).  ``GoldsteinScale`` is our own conflict-cooperation
weight per CAMEO root, not the published Goldstein table.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

__all__ = ["CameoRow", "cameo_table", "cameo_code", "cameo_record", "CAMEO_COLUMNS", "GOLDSTEIN", "quad_class"]


class CameoRow(NamedTuple):
    code: str
    plover_type: str
    plover_mode: str
    context: str
    description: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoRow]:
    """CAMEO code -> its PLOVER reading, from the packaged table."""
    text = resources.files("fulcrum").joinpath("data/cameo/cameo_plover.tsv").read_text(encoding="utf-8")
    out: dict[str, CameoRow] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("cameo\t"):
            continue
        parts = (line.split("\t") + [""] * 5)[:5]
        out[parts[0]] = CameoRow(*parts)
    return out


#: Our choice of CAMEO code for each (PLOVER type, fulcrum mode); ``None`` is the type without a mode.
_MODE_CODES: dict[str, dict[str | None, str]] = {
    "AGREE": {None: "030"},
    "CONSULT": {None: "040", "phone": "041", "visit": "042", "host": "043", "mediate": "045"},
    "SUPPORT": {None: "050"},
    "COOPERATE": {None: "060", "intelligence": "064", "extradite": "063", "military": "062"},
    "AID": {None: "070", "economic": "071", "military": "072", "humanitarian": "073", "asylum": "075"},
    "CONCEDE": {None: "080"},
    "RETREAT": {None: "087", "release": "0841", "return": "0842", "ease": "085", "access": "086",
                "ceasefire": "0871", "withdraw": "0874", "disarm": "0873"},
    "ACCUSE": {None: "110", "investigate": "090", "sue": "115"},
    "REQUEST": {None: "100"},
    "REJECT": {None: "120"},
    "THREATEN": {None: "130"},
    "PROTEST": {None: "140", "demonstrate": "141", "hunger": "142", "strike": "143", "boycott": "143",
                "obstruct": "144", "occupy": "144", "riot": "145", "petition": "140"},
    "MOBILIZE": {None: "150", "police": "153", "troops": "154"},
    "SANCTION": {None: "160", "withdraw": "161", "expel": "166"},
    "COERCE": {None: "170", "seize": "1711", "destroy": "171", "restrict": "172", "censor": "1721",
               "ban": "1722", "curfew": "1723", "arrest": "173", "detain": "173", "raid": "173",
               "deport": "174", "blockade": "191", "occupy": "192"},
    "ASSAULT": {None: "190", "abduct": "181", "beat": "182", "sexual": "1821", "torture": "1822",
                "explosives": "183", "assassinate": "186", "fire": "193", "shell": "194", "air": "195",
                "ground": "190", "massacre": "202"},
}

#: Trigger lemmas (read from ``Event.rule``) that refine a type without a more specific mode.
_LEMMA_CODES: dict[str, dict[str, str]] = {
    "AGREE": {"aid": "033", "assistance": "033", "meet": "036", "talk": "036", "mediate": "039",
              "release": "0353", "withdraw": "0356", "truce": "037", "ceasefire": "037", "deal": "037"},
    "CONSULT": {"negotiate": "046", "negotiation": "046", "talk": "046", "mediation": "045",
                "visit": "042", "host": "043", "phone": "041"},
    "SUPPORT": {"praise": "051", "welcome": "051", "hail": "051", "commend": "051", "applaud": "051",
                "endorse": "051", "back": "051", "support": "051", "defend": "052", "recognize": "054",
                "recognise": "054", "apologize": "055", "apologise": "055", "forgive": "056", "sign": "057",
                "treaty": "057"},
    "CONCEDE": {"resign": "0831", "lift": "081", "ease": "081", "relax": "081"},
    "ACCUSE": {"accuse": "112", "blame": "112", "allege": "112", "accusation": "112", "allegation": "112",
               "condemn": "111", "denounce": "111", "criticize": "111", "criticise": "111", "slam": "111",
               "deplore": "111", "decry": "111", "censure": "111", "criticism": "111", "condemnation": "111",
               "complain": "114", "complaint": "114", "lawsuit": "115", "sue": "115", "convict": "116"},
    "REQUEST": {"aid": "103", "assistance": "103", "help": "103", "asylum": "103", "release": "1053",
                "ceasefire": "1056", "truce": "1056", "talk": "106", "meet": "106", "negotiation": "106",
                "mediation": "108"},
    "REJECT": {"veto": "129", "talk": "125", "meet": "125", "deal": "127", "plan": "127", "proposal": "127",
               "mediation": "126", "defy": "128", "release": "1243"},
    "THREATEN": {"attack": "138", "strike": "138", "assault": "138", "bomb": "138", "invade": "1382",
                 "kill": "138", "offensive": "138", "war": "138", "blockade": "1381", "sanction": "1312",
                 "boycott": "1312", "ultimatum": "139", "expel": "136", "ban": "132"},
    "SANCTION": {"aid": "162", "assistance": "162", "relation": "161", "tie": "161", "talk": "164",
                 "negotiation": "164", "mediation": "165", "boycott": "160"},
    "ASSAULT": {"massacre": "202", "kill": "190", "clash": "190", "fight": "190", "fighting": "190",
                "suicide": "1831", "car": "1832", "roadside": "1833", "ceasefire": "196", "truce": "196"},
    "COOPERATE": {"share": "064"},
    "MOBILIZE": {"alert": "152"},
}

#: Our conflict (-10) to cooperation (+10) weight per CAMEO root code.
GOLDSTEIN: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -3.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.0, "16": -4.0, "17": -7.0,
    "18": -9.0, "19": -10.0, "20": -10.0,
}

_WORD = re.compile(r"[a-z]+")


def _consistent(code: str, type_: str) -> bool:
    row = cameo_table().get(code)
    return row is not None and row.plover_type == type_


def cameo_code(event: Any) -> str:
    """The most specific CAMEO code consistent with an event's PLOVER type and mode.

    Accepts an :class:`~fulcrum.model.Event` or an event record (``type``, ``mode``, ``rule``).  The mode
    decides first; without a specific mode, the trigger lemma named in the rule may refine the type's
    default (``verb:accuse`` -> 112).  The result always reads back as the same PLOVER type in the table.
    """
    get = event.get if isinstance(event, dict) else lambda k: getattr(event, k, None)
    type_ = str(get("type") or "")
    mode = get("mode") or None
    rule = str(get("rule") or "").lower()
    modes = _MODE_CODES.get(type_)
    if modes is None:
        raise ValueError(f"Unknown PLOVER type {type_!r}; expected one of {', '.join(sorted(_MODE_CODES))}.")
    code = modes.get(mode) or modes[None]
    if mode not in modes or mode in (None, "ground") or code == modes[None]:
        lemmas = _LEMMA_CODES.get(type_, {})
        for word in _WORD.findall(rule):
            cand = lemmas.get(word) or (lemmas.get(word[:-1]) if word.endswith("s") else None)
            if cand and _consistent(cand, type_):
                code = cand
                break
    return code if _consistent(code, type_) else modes[None]


def quad_class(root: str) -> int:
    """GDELT's quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    conflict."""
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4


CAMEO_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "ActionGeo_FullName", "ActionGeo_Lat",
    "ActionGeo_Long", "SOURCEURL", "PLOVERType", "PLOVERMode", "FulcrumEventId",
)

_NON_COUNTRY = frozenset({"IGO", "NGO", "IMG"})


def _actor_cols(actors: list[dict[str, Any]] | None, n: int) -> dict[str, Any]:
    a = next((x for x in actors or [] if x.get("code")), None) or next(iter(actors or []), None)
    if a is None:
        return {f"Actor{n}Code": "", f"Actor{n}Name": "", f"Actor{n}CountryCode": "", f"Actor{n}Type1Code": ""}
    code = str(a.get("code") or "")
    sector = str(a.get("sector") or "")
    if sector == code:
        sector = ""
    return {f"Actor{n}Code": code + sector, f"Actor{n}Name": str(a.get("name") or a.get("text") or "").upper(),
            f"Actor{n}CountryCode": "" if code in _NON_COUNTRY else code, f"Actor{n}Type1Code": sector}


def cameo_record(record: dict[str, Any]) -> dict[str, Any]:
    """One exported event record as a GDELT-like row (the columns of :data:`CAMEO_COLUMNS`)."""
    code = record.get("cameo")
    if not code or code not in cameo_table():
        code = cameo_code(record)
    root = code[:2]
    day = record.get("date") or record.get("published") or ""
    if hasattr(day, "isoformat"):
        day = day.isoformat()
    eid = str(record.get("id") or "")
    gid = int(hashlib.sha1(eid.encode("utf-8")).hexdigest()[:12], 16) if eid else None
    loc = record.get("location") or {}
    out: dict[str, Any] = {"GLOBALEVENTID": gid,
                           "SQLDATE": int(str(day)[:10].replace("-", "")) if day else None}
    out.update(_actor_cols(record.get("source"), 1))
    out.update(_actor_cols(record.get("target"), 2))
    out.update({
        "IsRootEvent": 1, "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": root,
        "QuadClass": quad_class(root), "GoldsteinScale": GOLDSTEIN.get(root),
        "ActionGeo_FullName": loc.get("name") or "", "ActionGeo_Lat": loc.get("lat"),
        "ActionGeo_Long": loc.get("lon"), "SOURCEURL": record.get("url") or "",
        "PLOVERType": record.get("type"), "PLOVERMode": record.get("mode") or "", "FulcrumEventId": eid,
    })
    return out
