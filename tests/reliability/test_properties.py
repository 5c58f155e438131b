"""Property-based tests (hypothesis): the date resolver, the quantity parser, the ingest readers and the
splitting of long texts for the parser.

Example-based tests of the same code are in tests/extract/test_dates.py, test_quantities.py and
tests/ingest/.  Here generated inputs check rules that must hold for every input.
"""

from __future__ import annotations

import calendar
import io
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fulcrum.dates import MIN_DATE, latest_date, parse_date
from fulcrum.errors import IngestError
from fulcrum.extract.dates import find_dates, infer_year
from fulcrum.extract.pipeline import split_text
from fulcrum.extract.quantities import QuantityExtractor, parse_number
from fulcrum.extract.sentences import SentenceSplitter
from fulcrum.ingest import read_bytes
from fulcrum.ingest.textio import MAX_TEXT_CHARS
from fulcrum.model import Article

FAST = settings(deadline=None, max_examples=200)
SLOW = settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])

WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]
bases = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


def resolve(text: str, published: date | None, today: date | None = None):
    return find_dates(Article(text=text, published=published), today=today)


# -- dates ------------------------------------------------------------------------------------------
@FAST
@given(base=bases, wd=st.sampled_from(WEEKDAYS), lead=st.sampled_from(["", "Israeli jets struck Rafah "]))
def test_on_weekday_is_the_latest_such_day_on_or_before_publication(base, wd, lead):
    (m,) = resolve(f"{lead}on {wd}, officials said.", base)
    assert m.date is not None and m.precision == "day"
    assert m.date <= base and (base - m.date).days < 7
    assert m.date.weekday() == WEEKDAYS.index(wd)


@FAST
@given(base=bases, wd=st.sampled_from(WEEKDAYS), mod=st.sampled_from(["last", "next"]))
def test_last_and_next_weekday(base, wd, mod):
    (m,) = resolve(f"Talks were held {mod} {wd}.", base)
    assert m.date is not None and m.date.weekday() == WEEKDAYS.index(wd)
    if mod == "last":
        assert base - timedelta(days=7) <= m.date < base
    else:  # forward-looking: the only case a date after the base is allowed
        assert base < m.date <= base + timedelta(days=7)


@FAST
@given(base=bases, n=st.integers(0, 60), unit=st.sampled_from(["day", "days"]))
def test_days_ago(base, n, unit):
    (m,) = resolve(f"The strike came {n} {unit} ago.", base)
    assert m.date == base - timedelta(days=n)


@FAST
@given(base=bases, rel=st.sampled_from(["yesterday", "last night", "overnight", "today", "this morning"]))
def test_relative_words_never_pass_the_base(base, rel):
    ms = resolve(f"Rockets were fired {rel}, the army said.", base)
    assert ms and all(m.date is not None and base - timedelta(days=1) <= m.date <= base for m in ms)


@FAST
@given(base=bases, d=st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
def test_month_day_without_year_is_not_after_the_base(base, d):
    assume(not (d.month == 2 and d.day == 29))
    (m,) = resolve(f"The attack on {MONTHS[d.month - 1]} {d.day} killed three people.", base)
    assert m.date is not None and (m.date.month, m.date.day) == (d.month, d.day)
    assert m.date <= base and (base - m.date).days < 366


@FAST
@given(d=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
       today=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_weekday_fixes_the_year_and_always_agrees(d, today):
    """No publication date: "Thursday, October 26" takes the latest year, not after today, where the
    weekday agrees -- never a year where it does not."""
    wd = d.strftime("%A")
    ms = resolve(f"Troops entered the camp on {wd}, {MONTHS[d.month - 1]} {d.day}.", None, today=today)
    dated = [m for m in ms if m.date is not None]
    year = infer_year(d.month, d.day, d.weekday(), today)
    if year is None:
        assert not dated
    else:
        (m,) = dated
        assert m.date == date(year, d.month, d.day) and m.date.weekday() == d.weekday() and m.date <= today


@FAST
@given(text=st.text(max_size=300), base=st.one_of(st.none(), bases))
def test_find_dates_never_raises_and_spans_point_into_the_text(text, base):
    for m in resolve(text, base):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
        assert m.precision in ("day", "week", "month", "year", "none")


@FAST
@given(value=st.one_of(st.text(max_size=40), st.dates().map(str), st.integers(), st.floats(), st.none()))
def test_publication_dates_are_in_range_or_refused(value):
    try:
        d = parse_date(value)
    except ValueError:
        return
    assert MIN_DATE <= d <= latest_date()


# -- quantities -------------------------------------------------------------------------------------
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> list[str]:
    """English number words for 0 <= n < 10**9 ("four hundred and twenty - five thousand")."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + (["-", _ONES[n % 10]] if n % 10 else [])
    for scale, name in ((1_000_000, "million"), (1_000, "thousand"), (100, "hundred")):
        if n >= scale:
            head = words(n // scale) + [name]
            rest = n % scale
            return head + ((["and"] if scale == 100 else []) + words(rest) if rest else [])
    raise AssertionError(n)


@FAST
@given(n=st.integers(0, 999_999_999))
def test_number_words_round_trip(n):
    assert parse_number(words(n)) == (float(n), False)


@FAST
@given(n=st.integers(0, 10**12), commas=st.booleans())
def test_digits_round_trip(n, commas):
    assert parse_number([f"{n:,}" if commas else str(n)]) == (float(n), False)


@FAST
@given(ws=st.lists(st.text(min_size=1, max_size=12), max_size=6))
def test_parse_number_never_raises(ws):
    got = parse_number(ws)
    assert got is None or (got[0] >= 0 and isinstance(got[1], bool))


COMPARATOR_WORDS = {"": "=", "more than": ">", "over": ">", "at least": ">=", "fewer than": "<",
                    "less than": "<", "up to": "<=", "at most": "<=", "about": "~", "some": "~",
                    "nearly": "~", "around": "~", "almost": "~"}
TEMPLATES = {"hostages_held": "Officials said {q} hostages are held in Gaza.",
             "killed": "{Q} people were killed in the strikes, the ministry said."}


@pytest.fixture(scope="module")
def quantities(nlp):
    split, extract = SentenceSplitter(), QuantityExtractor()

    def run(text: str):
        art = Article(text=text)
        doc = nlp(text)
        split(art, doc)
        extract(art, doc)
        return art.claims

    return run


@SLOW
@given(n=st.integers(2, 5_000_000), comp=st.sampled_from(sorted(COMPARATOR_WORDS)),
       what=st.sampled_from(sorted(TEMPLATES)), spelled=st.booleans())
def test_value_and_comparator_round_trip(quantities, n, comp, what, spelled):
    number = " ".join(words(n)).replace(" - ", "-") if spelled and n < 100 else f"{n:,}"
    q = f"{comp} {number}".strip()
    text = TEMPLATES[what].format(q=q, Q=q[0].upper() + q[1:])
    claims = quantities(text)
    assert [(c.what, c.value, c.comparator) for c in claims] == [(what, float(n), COMPARATOR_WORDS[comp])], text
    c = claims[0]
    assert number in text[c.start:c.end]


# -- ingest readers ---------------------------------------------------------------------------------
HINTS = [None, "x.txt", "x.md", "x.html", "x.xml", "x.jsonl", "x.json", "x.csv", "x.tsv", "text/html",
         "application/rss+xml", "application/json"]


def _check_items(items: list) -> None:
    for it in items:
        assert isinstance(it, (Article, IngestError)), type(it)
        if isinstance(it, Article):
            assert it.text and it.text == it.text.strip() and len(it.text) <= MAX_TEXT_CHARS
            assert it.published is None or MIN_DATE <= it.published <= latest_date()
        else:
            assert it.where and it.reason


@FAST
@given(data=st.binary(max_size=2000), hint=st.sampled_from(HINTS))
def test_random_bytes_never_raise(data, hint):
    _check_items(list(read_bytes(data, "fuzz", hint=hint)))


def _prefixed(prefixes: list[str]):
    return st.tuples(st.sampled_from(prefixes), st.text(max_size=400)).map(lambda t: (t[0] + t[1]).encode())


TEXTY = _prefixed(["", "<html><body><p>", '<?xml version="1.0"?><rss><channel><item><title>',
                   '<feed xmlns="http://www.w3.org/2005/Atom"><entry>', '{"text": "', '[{"text": ',
                   "id,title,text,published\n", "date\tpublisher\theadline\turl\n",
                   "---\npublished: ", "# Heading\n\n"])


@FAST
@given(data=TEXTY, hint=st.sampled_from(HINTS))
def test_text_shaped_like_every_format_never_raises(data, hint):
    _check_items(list(read_bytes(data, "fuzz", hint=hint)))


record_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=60),
                          st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                                                 max_size=2))
records = st.dictionaries(st.sampled_from(["id", "title", "text", "body", "published", "date", "outlet", "url",
                                           "language", "other"]), record_values, max_size=7)


@FAST
@given(recs=st.lists(records, min_size=1, max_size=8))
def test_jsonl_records_of_any_shape_give_an_article_or_an_error_each(recs):
    import json

    data = "\n".join(json.dumps(r) for r in recs).encode()
    items = list(read_bytes(data, "fuzz.jsonl", hint="x.jsonl"))
    _check_items(items)
    assert len(items) == len(recs)


@FAST
@given(rows=st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
                              max_size=7), max_size=8))
def test_csv_rows_of_any_shape_never_raise(rows):
    import csv

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "title", "text", "published", "outlet"])
    w.writerows(rows)
    _check_items(list(read_bytes(buf.getvalue().encode(), "fuzz.csv", hint="x.csv")))


# -- long texts are parsed in pieces ---------------------------------------------------------------
@FAST
@given(text=st.text(alphabet=st.sampled_from("ab \n."), max_size=3000), limit=st.integers(1, 400))
def test_split_text_pieces_are_contiguous_and_bounded(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces) or text == ""
