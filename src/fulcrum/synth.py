"""Synthetic war reporting for benchmarks and scale tests.

:func:`generate` makes realistic-looking news articles from our own templates and word lists: a dateline
lead with an event, attributed follow-ups, quotes, casualty and aid figures with comparators and
claimants, denials and plans, and commentary -- the mix of real reporting -- dated along a timeline.
Every article is 200 to 1,500 words.  The same ``seed`` always gives the same corpus, byte for byte.

:func:`write_corpus` writes one Markdown file per article with ``published:``/``outlet:``/``url:`` front
matter, which ``fulcrum ingest`` reads.  The outlets are fictional, the URLs use the reserved
``.invalid`` domain, and the front matter says ``synthetic: true``: none of this is news.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypedDict, TypeVar

from fulcrum.errors import InvalidParameter
from fulcrum.model import Article

__all__ = ["SynthArticle", "generate", "write_corpus", "MIN_WORDS", "MAX_WORDS"]

MIN_WORDS = 200
MAX_WORDS = 1500
DEFAULT_START = date(2022, 1, 3)  # in the past: ingest refuses future publication dates

# -- vocabularies (ours) ---------------------------------------------------------------------------
OUTLETS = ("Meridian Wire", "Harbor Ledger", "Northgate Times", "Coastline Dispatch", "Valley Courier",
           "Frontier Post", "Lantern News", "Granite Herald")

#: One side of a theatre: (forces, demonym, government word, military body).
_Side = tuple[str, str, str, str]


class _Theatre(TypedDict):
    name: str
    dateline: tuple[str, ...]
    a: _Side
    b: _Side
    places: tuple[str, ...]
    civil: str
    mediators: tuple[str, ...]


#: Theatres: two sides (forces, demonym, government word), places, and the groups active there.
THEATRES: tuple[_Theatre, ...] = (
    {"name": "gaza", "dateline": ("GAZA CITY", "JERUSALEM", "TEL AVIV", "KHAN YOUNIS", "RAFAH"),
     "a": ("Israeli forces", "Israeli", "the Israeli government", "the Israel Defense Forces"),
     "b": ("Hamas fighters", "Palestinian", "Hamas", "the armed wing of Hamas"),
     "places": ("Khan Younis", "Jabalia", "Rafah", "Deir al-Balah", "Beit Hanoun", "Nuseirat", "Gaza City"),
     "civil": "the Gaza health ministry", "mediators": ("Egypt", "Qatar", "the United Nations")},
    {"name": "ukraine", "dateline": ("KYIV", "KHARKIV", "ODESA", "DNIPRO", "ZAPORIZHZHIA"),
     "a": ("Russian forces", "Russian", "the Kremlin", "the Russian defence ministry"),
     "b": ("Ukrainian troops", "Ukrainian", "the Ukrainian government", "Ukraine's general staff"),
     "places": ("Kharkiv", "Kherson", "Zaporizhzhia", "Pokrovsk", "Sumy", "Odesa", "Dnipro"),
     "civil": "the regional military administration", "mediators": ("Turkey", "the United Nations", "Saudi Arabia")},
    {"name": "sudan", "dateline": ("KHARTOUM", "PORT SUDAN", "EL FASHER", "OMDURMAN"),
     "a": ("the Sudanese army", "Sudanese", "the army-backed government", "the Sudanese Armed Forces"),
     "b": ("the Rapid Support Forces", "paramilitary", "the RSF", "RSF commanders"),
     "places": ("El Fasher", "Omdurman", "Nyala", "Wad Madani", "El Obeid", "Khartoum"),
     "civil": "the local emergency response room", "mediators": ("Saudi Arabia", "the African Union", "Kenya")},
)

FIRST = ("Amal", "Daniel", "Olena", "Yusuf", "Maria", "Tomas", "Leila", "Ibrahim", "Sofia", "Karim", "Nadia",
         "Peter", "Hana", "Marek", "Salma", "Adrian", "Ruth", "Omar", "Irina", "Jonah")
LAST = ("Haddad", "Kovalenko", "Mansour", "Petrenko", "Rahman", "Levin", "Osman", "Brandt", "Saleh", "Moroz",
        "Farouk", "Weiss", "Nasser", "Hrytsenko", "Idris", "Calder", "Shapiro", "Abdel", "Lund", "Okafor")
ROLES = ("spokesman", "spokeswoman", "military spokesman", "senior commander", "regional governor",
         "foreign minister", "aid coordinator", "hospital director", "defence analyst", "senior official")
WEAPONS = ("drones", "artillery", "airstrikes", "rockets", "missiles", "tank fire", "mortar rounds")
SITES = ("a residential building", "a school used as a shelter", "a fuel depot", "a power station",
         "a market", "a bridge", "an ammunition store", "a command post", "a hospital compound", "a rail yard")
AID = ("aid trucks", "food parcels", "medical teams", "water tankers")
ANALYSIS = (
    "Analysts say the pattern of the fighting suggests neither side expects a quick end to the war.",
    "The escalation comes as diplomats warn that the window for a negotiated settlement is narrowing.",
    "Military experts note that the front line has barely moved in weeks despite the heavy fighting.",
    "The strikes underline how exposed civilian infrastructure remains after months of conflict.",
    "Observers cautioned that casualty figures from both sides are difficult to verify independently.",
    "The latest clashes are likely to complicate efforts to reopen talks, according to regional observers.",
    "Humanitarian groups have repeatedly warned that supply lines to the worst-hit areas are close to collapse.",
    "Residents described long nights of explosions followed by days of searching through rubble.",
    "The conflict has reshaped the politics of the wider region, drawing in neighbours and distant powers.",
    "Questions remain over how long the current level of fighting can be sustained by either side.",
)
BACKGROUND = (
    "The fighting began {months} months ago and has since displaced large parts of the population.",
    "Previous rounds of talks collapsed over the sequencing of a truce and the release of detainees.",
    "The area has changed hands several times since the start of the war.",
    "International monitors have been denied access to the region for most of the past year.",
    "The city had a population of roughly {pop} before the war, according to official estimates.",
)


@dataclass(frozen=True, slots=True)
class SynthArticle:
    """One synthetic article: ``body`` has no title; :meth:`text` is what ``fulcrum ingest`` stores."""

    number: int
    title: str
    body: str
    published: date
    outlet: str
    url: str

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}"

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def filename(self) -> str:
        return f"{self.number:06d}-{self.published.isoformat()}.md"

    def markdown(self) -> str:
        return (f"---\npublished: {self.published.isoformat()}\noutlet: {self.outlet}\nurl: {self.url}\n"
                f"synthetic: true\n---\n# {self.title}\n\n{self.body}\n")

    def to_article(self) -> Article:
        """The :class:`~fulcrum.model.Article` (title as first paragraph), without going through files."""
        return Article(text=self.text, title=self.title, published=self.published, outlet=self.outlet,
                       url=self.url, source=self.filename)


def generate(n: int, seed: int = 0, start: date = DEFAULT_START, days: int | None = None) -> Iterator[SynthArticle]:
    """``n`` synthetic articles, in date order over ``days`` days (default: about 40 articles a day, at
    most 1,000 days, so the default timeline stays in the past)."""
    if not isinstance(n, int) or n < 0:
        raise InvalidParameter("n", "synth.generate", "an int >= 0", n)
    span = days if days is not None else min(1000, max(30, n // 40))
    if span < 1:
        raise InvalidParameter("days", "synth.generate", "an int >= 1", days)
    rng = random.Random(seed)
    offsets = sorted(rng.randrange(span) for _ in range(n))
    for i, off in enumerate(offsets):
        yield _Writer(random.Random(rng.getrandbits(64)), i, start + timedelta(days=off), off).article()


def write_corpus(n: int, output: str | Path, seed: int = 0, start: date = DEFAULT_START,
                 days: int | None = None) -> list[Path]:
    """Write ``n`` articles as Markdown files into ``output`` (created if needed); return their paths."""
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise InvalidParameter("output", "synth.write_corpus", "a folder", str(out))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for art in generate(n, seed=seed, start=start, days=days):
        p = out / art.filename
        p.write_text(art.markdown(), encoding="utf-8")
        paths.append(p)
    return paths


# -- the writer of one article -------------------------------------------------------------------------
_T = TypeVar("_T")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


class _Writer:
    def __init__(self, rng: random.Random, number: int, published: date, day_index: int) -> None:
        self.r = rng
        self.number = number
        self.published = published
        self.day_index = day_index
        self.t = rng.choice(THEATRES)
        self.outlet = rng.choice(OUTLETS)
        self.place = rng.choice(self.t["places"])
        self.event_day = published - timedelta(days=rng.choice((0, 0, 1, 1, 2)))
        # cumulative figures grow along the timeline, so a corpus reads like a running war
        self.toll = 900 + 37 * day_index + rng.randrange(200)

    def pick(self, seq: Sequence[_T]) -> _T:
        return self.r.choice(seq)

    def person(self) -> tuple[str, str]:
        return f"{self.pick(FIRST)} {self.pick(LAST)}", self.pick(ROLES)

    def when(self) -> str:
        if self.event_day == self.published:
            return self.pick(("on " + WEEKDAYS[self.event_day.weekday()], "earlier today", "overnight"))
        return self.pick((f"on {WEEKDAYS[self.event_day.weekday()]}",
                          f"on {MONTHS[self.event_day.month - 1]} {self.event_day.day}", "late last night"))

    def figure(self, low: int, high: int) -> str:
        v = self.r.randrange(low, high)
        return f"{v:,}"

    def about(self) -> str:
        return self.pick(("at least ", "more than ", "about ", "nearly ", "", ""))

    # -- paragraphs ------------------------------------------------------------------------------
    def sides(self) -> tuple[_Side, _Side]:
        return (self.t["a"], self.t["b"]) if self.r.random() < 0.6 else (self.t["b"], self.t["a"])

    def lead(self) -> str:
        actor, target = self.sides()
        dl = self.pick(self.t["dateline"])
        mon = MONTHS[self.published.month - 1]
        return (f"{dl}, {mon} {self.published.day} ({self.outlet}) - {_cap(actor[0])} "
                f"{self.pick(('struck', 'shelled', 'attacked', 'bombarded'))} {self.pick(SITES)} in {self.place} "
                f"{self.when()}, killing {self.about()}{self.figure(2, 60)} people, {self.t['civil']} said, "
                f"in one of the deadliest attacks on the area in {self.pick(('weeks', 'a month', 'days'))}. "
                f"{_cap(target[2])} accused {actor[2]} of targeting civilians.")

    def event(self) -> str:
        actor, target = self.sides()
        place = self.pick(self.t["places"])
        templates = (
            f"{_cap(actor[0])} launched {self.pick(WEAPONS)} at positions near {place}, and {target[0]} "
            f"said they had repelled an assault on the outskirts of the town.",
            f"{_cap(actor[3])} said it had destroyed {self.figure(2, 30)} {self.pick(('launchers', 'vehicles', 'depots', 'positions'))} "
            f"belonging to {target[2]} around {place} {self.when()}.",
            f"{_cap(actor[2])} deployed additional units to {place} after reports of a renewed offensive.",
            f"{_cap(actor[0])} arrested {self.figure(3, 40)} people in raids across {place}, "
            f"according to local officials.",
            f"Talks mediated by {self.pick(self.t['mediators'])} resumed {self.when()}, with envoys from "
            f"{self.t['a'][2]} and {self.t['b'][2]} meeting separately with the mediators.",
            f"{_cap(self.pick(self.t['mediators']))} called on both sides to halt attacks on civilians and to allow "
            f"aid into {place}.",
            f"{_cap(actor[2])} threatened to expand its operations into {place} unless the attacks stopped.",
            f"Protesters gathered in {self.pick(self.t['places'])} to demand an end to the fighting and the return "
            f"of detainees.",
            f"{_cap(actor[2])} agreed to a {self.figure(2, 8)}-hour humanitarian pause around {place}, "
            f"officials said, though it was unclear whether {target[2]} would observe it.",
        )
        return self.pick(templates)

    def figures(self) -> str:
        templates = (
            f"{_cap(self.t['civil'])} said the overall death toll had risen to {self.toll:,}, with "
            f"{self.about()}{self.figure(20, 900)} people injured in the past week.",
            f"The United Nations said {self.about()}{self.figure(20, 400)},000 people had been displaced from "
            f"{self.place} and surrounding villages since the start of the month.",
            f"Only {self.figure(5, 180)} {self.pick(AID)} entered the area {self.when()}, far below the "
            f"{self.figure(300, 600)} a day aid agencies say are needed.",
            f"Officials said {self.about()}{self.figure(2, 90)} people remained missing under the rubble in "
            f"{self.place}.",
            f"{_cap(self.pick(self.t['mediators']))} said {self.figure(10, 200)} detainees had been released "
            f"under the exchange, fewer than the {self.figure(200, 400)} that had been promised.",
        )
        return self.pick(templates)

    def quote(self) -> str:
        name, role = self.person()
        side = self.pick((self.t["a"], self.t["b"]))
        lines = (
            "We will respond to every attack on our people",
            "The situation on the ground is catastrophic and getting worse by the hour",
            "There is no military solution to this conflict",
            "Our forces are holding their positions and the enemy has suffered heavy losses",
            "We need safe corridors now, not promises next week",
            "Every night we hear the explosions and every morning we count the dead",
            "These claims are false and designed to mislead the public",
        )
        q = self.pick(lines)
        return self.pick((
            f"\"{q},\" {name}, {_a(role)} for {side[2]}, told reporters.",
            f"\"{q},\" said {name}, {_a(role)}. \"{self.pick(lines)}.\"",
            f"{name}, {_a(role)} in {self.place}, said: \"{q}.\"",
        ))

    def modal(self) -> str:
        actor, target = self.sides()
        return self.pick((
            f"{_cap(actor[2])} denied carrying out the strike on {self.pick(SITES)} and blamed {target[2]}.",
            f"{_cap(actor[2])} is expected to announce new measures in the coming days, officials said.",
            f"If the ceasefire collapses, {actor[0]} could launch a wider offensive on {self.pick(self.t['places'])}, "
            f"according to two officials who spoke on condition of anonymity.",
            f"{_cap(actor[2])} said it planned to send a delegation to {self.pick(self.t['mediators'])} "
            f"next week.",
            f"{_cap(actor[0])} did not attack {self.pick(self.t['places'])}, a military source said, "
            f"contradicting earlier reports.",
        ))

    def commentary(self) -> str:
        text = self.pick(ANALYSIS)
        if self.r.random() < 0.4:
            text += " " + self.pick(BACKGROUND).format(months=self.r.randrange(3, 30),
                                                        pop=f"{self.r.randrange(80, 900)},000")
        return text

    def paragraph(self) -> str:
        kinds = (self.event, self.event, self.figures, self.quote, self.quote, self.modal, self.commentary)
        k = self.r.randrange(len(kinds))
        sents = [kinds[k]()]
        if self.r.random() < 0.5:  # many paragraphs have two sentences
            sents.append(self.pick((self.event, self.commentary, self.figures))())
        return " ".join(sents)

    def title(self) -> str:
        actor, _ = self.sides()
        return self.pick((
            f"{actor[1]} strikes hit {self.place} as death toll rises",
            f"Fighting intensifies around {self.place}",
            f"Aid agencies warn of collapse in {self.place}",
            f"Talks stall as {actor[1].lower() if actor[1] == 'paramilitary' else actor[1]} offensive widens",
            f"Dozens killed in {self.place}, officials say",
        ))

    def article(self) -> SynthArticle:
        # word count target: skewed towards 400-800 words, like most wire copy, within [200, 1500]
        target = int(min(MAX_WORDS - 120, max(MIN_WORDS + 40, self.r.lognormvariate(6.4, 0.45))))
        title = self.title()
        paras = [self.lead()]
        words = len(title.split()) + len(paras[0].split())
        seen: set[str] = set()
        while words < target:
            p = self.paragraph()
            for _ in range(4):  # real copy rarely repeats a paragraph word for word
                if p not in seen:
                    break
                p = self.paragraph()
            seen.add(p)
            paras.append(p)
            words += len(p.split())
        while words > MAX_WORDS and len(paras) > 2:
            words -= len(paras.pop().split())
        slug = "-".join(title.lower().replace(",", "").split()[:6])
        url = f"https://{self.outlet.lower().replace(' ', '')}.invalid/{self.published.isoformat()}/{self.number}-{slug}"
        return SynthArticle(self.number, title, "\n\n".join(paras), self.published, self.outlet, url)
