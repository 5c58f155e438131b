"""Hand-built annotated articles for the dashboard tests, and the XSS corpus.

Extraction may still be a stub while the dashboard is built; these articles give the pages events with
evidence spans, triggers, places, attributions and contradicting claims whatever the pipeline finds.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from fulcrum.model import Actor, Article, Attribution, Claim, Event, Location, Sentence, Span

PLACES = {"Khan Younis": ("PSE", 31.346, 34.306), "Rafah": ("PSE", 31.297, 34.245),
          "Jabalia": ("PSE", 31.528, 34.483), "Doha": ("QAT", 25.286, 51.533),
          "Cairo": ("EGY", 30.044, 31.236), "Ashkelon": ("ISR", 31.669, 34.571)}


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"[.!?](\s+|$)", text):
        out.append(Sentence(len(out), start, m.end(0) - len(m.group(1))))
        start = m.end(0)
    if start < len(text):
        out.append(Sentence(len(out), start, len(text)))
    return out


def build(text: str, *, published: date, outlet: str | None, title: str | None = None, url: str | None = None,
          events: list[dict[str, Any]] = (), claims: list[dict[str, Any]] = ()) -> Article:
    """An Article with sentences, and events/claims placed by the words they quote from ``text``."""
    art = Article(text=text, title=title, published=published, outlet=outlet, url=url)
    art.sentences = _sentences(text)
    for i, e in enumerate(events):
        t = text.index(e["trigger"])
        sent = art.sentence_at(t)
        assert sent is not None
        place = e.get("place")
        loc = Location(place, *PLACES[place]) if place in PLACES else (Location(place) if place else None)
        claimant = e.get("claimant")
        cs = text.find(claimant) if claimant else -1
        art.events.append(Event(
            type=e["type"], sentence_index=sent.index, start=sent.start, end=sent.end, mode=e.get("mode"),
            source=[Actor(e.get("source", "Israel"), e.get("source_code", "ISR"), e.get("sector"))],
            target=[Actor(e.get("target", "Hamas"), e.get("target_code", "PSE"))],
            trigger=Span(t, t + len(e["trigger"]), "trigger"), date=e.get("date", published),
            date_precision="day", location=loc, modality=e.get("modality", "asserted"),
            attribution=Attribution(claimant=claimant, claimant_type=e.get("claimant_type"),
                                    claimant_start=cs if cs >= 0 else None,
                                    claimant_end=cs + len(claimant) if cs >= 0 else None),
            confidence=0.8, rule=e.get("rule", f"test:{e['type'].lower()}"), id=f"{art.id[:8]}e{i}"))
    for i, c in enumerate(claims):
        s = text.index(c["quote"])
        sent = art.sentence_at(s)
        assert sent is not None
        art.claims.append(Claim(what=c["what"], value=c["value"], sentence_index=sent.index, start=s,
                                end=s + len(c["quote"]), comparator=c.get("comparator", "="),
                                claimant=c.get("claimant"), claimant_type=c.get("claimant_type"),
                                as_of=c.get("as_of", published), cumulative=c.get("cumulative"),
                                rule="test:claim", id=f"{art.id[:8]}c{i}"))
    art.annotated_by = ["test"]
    return art


def sample_articles() -> list[Article]:
    d = date
    return [
        build("Israeli jets struck Khan Younis overnight, medics said. The Hamas-run health ministry said 31 "
              "people were killed.", published=d(2014, 2, 1), outlet="Test Wire", title="Strikes on Khan Younis",
              url="https://test-wire.example/1",
              events=[{"type": "ASSAULT", "trigger": "struck", "place": "Khan Younis", "mode": "aerial",
                       "claimant": "medics", "claimant_type": "anonymous", "rule": "verb:strike"}],
              claims=[{"what": "killed", "value": 31, "quote": "31 people were killed",
                       "claimant": "health ministry", "claimant_type": "official"}]),
        build("Hamas fired rockets at Ashkelon, the army said.", published=d(2014, 2, 2), outlet="Harbor Ledger",
              events=[{"type": "ASSAULT", "trigger": "fired rockets", "place": "Ashkelon", "source": "Hamas",
                       "source_code": "PSE", "target": "Ashkelon", "target_code": "ISR", "claimant": "the army",
                       "claimant_type": "official", "rule": "verb:fire"}]),
        build("Negotiators met in Doha on Monday to discuss a truce. Israel said 240 hostages are held.",
              published=d(2014, 2, 5), outlet="Test Wire", title="Talks open in Doha",
              events=[{"type": "CONSULT", "trigger": "met", "place": "Doha", "source": "Negotiators",
                       "source_code": "QAT", "rule": "verb:meet"}],
              claims=[{"what": "hostages_held", "value": 240, "quote": "240 hostages", "claimant": "Israel",
                       "claimant_type": "official", "cumulative": True}]),
        build("Hamas said it holds 200 hostages. Mediators in Cairo urged both sides to agree a pause.",
              published=d(2014, 2, 5), outlet="Levant Dispatch",
              events=[{"type": "REQUEST", "trigger": "urged", "place": "Cairo", "source": "Mediators",
                       "source_code": "EGY", "modality": "reported", "rule": "verb:urge"}],
              claims=[{"what": "hostages_held", "value": 200, "quote": "200 hostages", "claimant": "Hamas",
                       "claimant_type": "named", "cumulative": True}]),
        build("Troops advanced into Jabalia, residents said. Officials warned of a wider operation in Rafah.",
              published=d(2014, 2, 8), outlet="Northgate Daily",
              events=[{"type": "ASSAULT", "trigger": "advanced", "place": "Jabalia", "mode": "ground",
                       "claimant": "residents", "claimant_type": "anonymous", "rule": "verb:advance"},
                      {"type": "THREATEN", "trigger": "warned", "place": "Rafah", "claimant": "Officials",
                       "claimant_type": "official", "modality": "planned", "rule": "verb:warn"}]),
        build("The two sides agreed to a four-day truce in Doha, Qatar announced.", published=d(2014, 2, 21),
              outlet="The Meridian Post", title="Truce agreed",
              events=[{"type": "AGREE", "trigger": "agreed", "place": "Doha", "source": "Israel",
                       "target": "Hamas", "claimant": "Qatar", "claimant_type": "named", "rule": "verb:agree"}]),
        build("Israel and Hamas held further talks in Cairo. Israel said 190 hostages remain.",
              published=d(2014, 2, 24), outlet="Civic Radio",
              events=[{"type": "CONSULT", "trigger": "held further talks", "place": "Cairo", "rule": "verb:talk"}],
              claims=[{"what": "hostages_held", "value": 190, "quote": "190 hostages", "claimant": "Israel",
                       "claimant_type": "official", "cumulative": True}]),
        build("Aircraft struck Rafah after the truce collapsed, witnesses said.", published=d(2014, 3, 3),
              outlet="Harbor Ledger", title="Truce collapses",
              events=[{"type": "ASSAULT", "trigger": "struck", "place": "Rafah", "mode": "aerial",
                       "claimant": "witnesses", "claimant_type": "anonymous", "rule": "verb:strike"}]),
        build("Israeli forces shelled Khan Younis again, residents said.", published=d(2014, 3, 10),
              outlet="Levant Dispatch",
              events=[{"type": "ASSAULT", "trigger": "shelled", "place": "Khan Younis", "mode": "artillery",
                       "claimant": "residents", "claimant_type": "anonymous", "rule": "verb:shell"}]),
        build("Israel and Hamas resumed talks in Cairo on a new proposal.", published=d(2014, 3, 17),
              outlet="Test Wire", title="Talks resume in Cairo",
              events=[{"type": "CONSULT", "trigger": "resumed talks", "place": "Cairo", "rule": "verb:talk"}]),
        build("Hamas rejected the proposal, a spokesman said.", published=d(2014, 3, 20), outlet="Civic Radio",
              events=[{"type": "REJECT", "trigger": "rejected", "source": "Hamas", "source_code": "PSE",
                       "target": "Israel", "target_code": "ISR", "claimant": "a spokesman",
                       "claimant_type": "official", "rule": "verb:reject"}]),
        build("Mediators are expected in Doha next week. Jets struck Rafah overnight.", published=d(2014, 3, 30),
              outlet="Harbor Ledger",
              events=[{"type": "ASSAULT", "trigger": "struck", "place": "Rafah", "rule": "verb:strike"}]),
    ]


#: Each payload sets ``window.__xss`` or opens a dialog if it ever runs.
PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    "<img src=x onerror=\"window.__xss=1;alert(2)\">",
    "\"><svg onload=\"window.__xss=1;alert(3)\">",
    "'><iframe src=\"javascript:alert(4)\"></iframe>",
    "</textarea></script><b onmouseover=alert(5)>hover</b>",
    "{{7*7}}<a href=\"javascript:alert(6)\">click</a>",
    "<style>@import 'http://evil.example/x.css';</style>",
]


def xss_articles() -> list[Article]:
    """Reports whose text, title, outlet, url, actors, claimants and places all carry payloads."""
    out = []
    for i, p in enumerate(PAYLOADS):
        text = f"Gunmen struck a checkpoint near the crossing {p} officials said. Officials said {10 + i} people died."
        out.append(build(
            text, published=date(2014, 2, 10 + i), outlet=f"Evil Outlet {p}", title=f"Headline {i} {p}",
            url="javascript:alert(7)" if i % 2 else f"https://x.example/{i}\"><script>alert(8)</script>",
            events=[{"type": "ASSAULT", "trigger": "struck", "source": f"Gunmen {p}", "target": p,
                     "place": f"Place {p}", "claimant": "officials", "claimant_type": "official",
                     "rule": f"rule {p}"}],
            claims=[{"what": "killed", "value": 10 + i, "quote": f"{10 + i} people died",
                     "claimant": f"Officials {p}", "claimant_type": "official"}]))
        # coordinates so the map draws the payload-bearing label too
        out[-1].events[0].location = Location(f"Place {p}", "PSE", 31.3 + i / 100, 34.3)
    return out


class KeywordPipeline:
    """A stand-in extraction pipeline: an ASSAULT event for every sentence with "struck" in it.

    Used for the upload test only when the real pipeline (still being built) finds no events in the
    uploaded report, so the upload → ingest → extract → store → page path is always exercised.
    """

    def pipe(self, articles: Any, batch_size: int = 32) -> Iterator[Article]:
        for art in articles:
            art.sentences = _sentences(art.text)
            art.events = []
            for s in art.sentences:
                t = art.text.find("struck", s.start, s.end)
                if t >= 0:
                    art.events.append(Event(type="ASSAULT", sentence_index=s.index, start=s.start, end=s.end,
                                            trigger=Span(t, t + 6), rule="test:keyword",
                                            id=f"{art.id[:8]}k{s.index}"))
            yield art


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yield its base URL."""
    import socket

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
