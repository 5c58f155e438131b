"""Long documents: ingest accepts texts up to 5,000,000 characters, spaCy parses at most
``nlp.max_length`` (1,000,000) at once and needs memory in proportion to what it is given.  The
pipeline parses a text longer than ``MAX_PARSE_CHARS`` (100,000) in pieces cut at paragraph breaks and
joins them into one Doc with the article's exact text, so offsets hold (fulcrum.extract.pipeline)."""

from __future__ import annotations

import json
import re

import pytest

from fulcrum.extract import Pipeline
from fulcrum.extract.pipeline import MAX_PARSE_CHARS
from fulcrum.model import Article


def long_text(sentences: int = 10_000, short: bool = False) -> str:
    """A report of ``sentences`` sentences in paragraphs of ten; every 50th reports a strike."""
    out = []
    for i in range(sentences):
        if i % 50 == 0:
            out.append(f"Jets struck Rafah (item {i})." if short else
                       f"Israeli jets struck a building in Rafah on Monday, killing {i % 40 + 2} people, the "
                       f"ministry said (item {i}).")
        else:
            out.append(f"All quiet, day {i}." if short else
                       f"Filler sentence number {i} describes the weather over the harbour, which was mild and "
                       "quiet all day.")
    return "\n\n".join(" ".join(out[i:i + 10]) for i in range(0, sentences, 10))


def test_a_text_over_the_parser_limit_is_parsed_in_pieces_with_exact_offsets():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = long_text()
    assert len(text) > nlp.max_length > MAX_PARSE_CHARS
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    pipe = Pipeline.from_config(["sentences"], nlp=nlp)
    art = pipe(Article(text=text))
    assert len(art.sentences) == 10_000
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] and s.end > s.start for s in art.sentences)
    last = art.sentences[-1]
    assert text[last.start:last.end].startswith("Filler sentence number 9999")


@pytest.mark.slow
def test_ten_thousand_sentences_end_to_end(tmp_path, common, capsys):
    """fulcrum ingest + extract on a 10,000-sentence report (short sentences: ~230,000 characters, parsed
    in three pieces), in a batch with short reports: all extracted, evidence offsets right to the end of
    the long text, memory bounded.  ``FULCRUM_LONG_DOC=full`` uses long sentences (1,090,000 characters,
    over spaCy's limit; ~75 s here), the run docs/reliability.md reports."""
    import os

    full = os.environ.get("FULCRUM_LONG_DOC") == "full"
    src = tmp_path / "in"
    common.write_corpus(src, 5, seed=9)
    text = long_text(short=not full)
    assert len(text) > (1_000_000 if full else 2 * MAX_PARSE_CHARS)
    (src / "long.md").write_text(f"---\npublished: 2023-11-10\noutlet: Long Wire\n---\n{text}\n", encoding="utf-8")
    db = tmp_path / "long.duckdb"
    assert common.run_cli(db, "ingest", str(src)).returncode == 0
    res = common.run_cli(db, "extract", "--json")
    assert res.returncode == 0, res.stderr[-3000:]
    assert json.loads(res.stdout)["articles"] == 6
    rep = common.store_report(db)
    assert rep["problems"] == {} and rep["counts"]["extracted"] == 6
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("""SELECT e.start_char, substr(a.text, e.start_char + 1, e.end_char - e.start_char)
                              FROM events e JOIN articles a ON a.id = e.article_id
                              WHERE a.outlet = 'Long Wire' ORDER BY e.start_char""").fetchall()
        (n_sent,) = con.execute("SELECT count(*) FROM sentences s JOIN articles a ON a.id = s.article_id "
                                "WHERE a.outlet = 'Long Wire'").fetchone()
    finally:
        con.close()
    assert n_sent == 10_000
    items = {int(m[1]) for _, ev in rows if (m := re.search(r"\(item (\d+)\)", ev))}
    assert items == set(range(0, 10_000, 50)), "every event sentence, to the end of the text"
    assert rows[-1][0] > 0.99 * len(text)
    with capsys.disabled():
        print(f"\nlong document: {len(text):,} characters, 10,000 sentences: extract {res.seconds:.1f} s, "
              f"peak RSS {res.peak_rss_mb:.0f} MB")
    assert res.peak_rss_mb < 1500, res.peak_rss_mb
