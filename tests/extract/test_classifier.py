"""The short-text fallback classifier: its training data, determinism, predictions and explanations.

Fast: no spaCy model is loaded (the component is tested on hand-built Articles); fitting takes about a
second.  The corpus check reads ../shared/corpora/gaza-headlines through the ``shared`` fixture.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from fulcrum.extract import classifier as clf_mod
from fulcrum.extract.classifier import (
    ADD_MIN_EVENT,
    PLOVER_TYPES,
    UNION_THRESHOLD,
    ClassifierFallback,
    Prediction,
    ShortTextClassifier,
    TrainingDataError,
    assign_actors,
    default_data_path,
    features,
    headline_like,
    load_training,
    normalise,
    two_acts_possible,
    two_clauses,
)
from fulcrum.model import Actor, Article, Event


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@pytest.fixture(scope="module")
def training() -> list[tuple[str, tuple[str, ...]]]:
    return load_training()


@pytest.fixture(scope="module")
def clf() -> ShortTextClassifier:
    return ShortTextClassifier().fit()


# --- the training data -------------------------------------------------------------------------------------
def test_training_file_is_well_formed() -> None:
    path = default_data_path()
    seen: set[str] = set()
    n = 0
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(raw)
        assert set(rec) == {"text", "types"}, f"line {no}: keys must be text and types"
        assert isinstance(rec["text"], str) and rec["text"] == rec["text"].strip() and rec["text"]
        assert isinstance(rec["types"], list)
        assert all(t in PLOVER_TYPES for t in rec["types"]), f"line {no}: {rec['types']}"
        assert len(set(rec["types"])) == len(rec["types"]), f"line {no}: a type twice"
        assert _key(rec["text"]) not in seen, f"line {no}: duplicate text {rec['text']!r}"
        seen.add(_key(rec["text"]))
        n += 1
    assert n >= 800


def test_training_data_covers_every_type_and_no_event(training) -> None:
    counts = Counter(t for _, ys in training for t in ys)
    assert set(counts) == set(PLOVER_TYPES)
    assert min(counts.values()) >= 20, counts
    none = sum(not ys for _, ys in training)
    assert 0.3 <= none / len(training) <= 0.5  # about 40% no-event headlines and sentences


def _corpus_headlines(corpus: Path) -> set[str]:
    """Every headline in ../shared/corpora/gaza-headlines, raw and without a trailing " - <outlet>"."""
    out: set[str] = set()
    for name in ("gaza-news.txt", "googlenews-bbc-gaza.txt", "wsj-news-middleeast.txt"):
        for raw in (corpus / name).read_text(encoding="utf-8").splitlines():
            parts = raw.split("\t")
            if len(parts) == 4:
                title, outlet = parts[2], parts[1]
                out.add(_key(title))
                if outlet and title.endswith(" - " + outlet):
                    out.add(_key(title[: -len(outlet) - 3]))
    for raw in (corpus / "cnn-news-israel-hamas-war.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s+\d+\.\s+(.*\S)", raw)
        if m:
            out.add(_key(m.group(1)))
    for raw in (corpus / "death-toll.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = raw.split("\t")
        if len(parts) >= 4:
            out.add(_key(parts[3]))
            out.add(_key(re.sub(r"\s+-\s+[^-]+$", "", parts[3])))
    return out


def test_no_training_text_is_a_corpus_headline(shared, training) -> None:
    corpus = shared / "corpora" / "gaza-headlines"
    if not corpus.is_dir():
        pytest.fail(f"{corpus} is missing: this check reads the real headlines from there")
    headlines = _corpus_headlines(corpus)
    assert len(headlines) > 10_000
    copied = [t for t, _ in training if _key(t) in headlines or _key(normalise(t)) in headlines]
    assert not copied, f"training texts equal to corpus headlines: {copied[:5]}"
    # nor close to one: no training text shares half or more of its distinct words with a corpus headline
    words = [set(re.findall(r"[a-z0-9']+", h)) for h in headlines]
    index: dict[str, set[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            index.setdefault(w, set()).add(i)
    close = []
    for text, _ in training:
        ws = set(re.findall(r"[a-z0-9']+", normalise(text).lower()))
        if len(ws) < 4:
            continue
        shared_counts: dict[int, int] = {}
        for w in ws:
            for i in index.get(w, ()) if len(index.get(w, ())) < 3000 else ():
                shared_counts[i] = shared_counts.get(i, 0) + 1
        best = max((n / len(ws | words[i]) for i, n in shared_counts.items()), default=0.0)
        if best >= 0.5:
            close.append(text)
    assert not close, f"training texts close to corpus headlines (word Jaccard >= 0.5): {close[:5]}"


def test_bad_training_files_are_refused_with_the_line(tmp_path) -> None:
    bad_type = tmp_path / "bad-type.jsonl"
    bad_type.write_text('{"text": "A", "types": []}\n{"text": "B", "types": ["FIGHT"]}\n', encoding="utf-8")
    with pytest.raises(TrainingDataError, match=r"bad-type.jsonl:2: 'types' must be a list of PLOVER types"):
        load_training(bad_type)
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"text": "Talks resume", "types": ["CONSULT"]}\n{"text": "talks  resume", "types": []}\n',
                   encoding="utf-8")
    with pytest.raises(TrainingDataError, match="already on line 1"):
        load_training(dup)
    with pytest.raises(TrainingDataError, match="Cannot read"):
        load_training(tmp_path / "missing.jsonl")


# --- the model ---------------------------------------------------------------------------------------------
def test_training_is_deterministic(training) -> None:
    a = clf_mod._fit(training, 4.0, 1)
    b = clf_mod._fit(list(training), 4.0, 1)
    assert a.names == b.names and a.types == b.types
    assert np.array_equal(a.coef, b.coef) and np.array_equal(a.intercept, b.intercept)
    assert np.array_equal(a.event_coef, b.event_coef)
    clf_mod.clear_cache()
    text = "Israeli tanks shell the outskirts of Jabalia"
    first = ShortTextClassifier().predict(text)
    clf_mod.clear_cache()
    assert ShortTextClassifier().predict(text) == first


#: Our own examples, written for this test and absent from the training file: (text, expected top type or
#: None for no event).
HELD_OUT = [
    ("Israeli warplanes bomb a school in Beit Lahia, killing nine", "ASSAULT"),
    ("Kenya urges Ethiopia and Somalia to settle their dispute through dialogue", "REQUEST"),
    ("Mexico expels Ecuador's ambassador after embassy row", "SANCTION"),
    ("Foreign ministers of Chile and Peru meet in Lima to discuss migration", "CONSULT"),
    ("Police detain 60 activists at climate march in The Hague", "COERCE"),
    ("Hamas rejects Israeli demand to disarm", "REJECT"),
    ("Hezbollah warns Israel against any offensive in southern Lebanon", "THREATEN"),
    ("Sudan's army accuses RSF of shelling El Fasher hospital", "ACCUSE"),
    ("Britain announces £10 million in humanitarian aid for Sudan", "AID"),
    ("Azerbaijan releases four Armenian soldiers in goodwill gesture", "RETREAT"),
    ("Israel-Hamas war live: Qatar says talks on new truce have resumed in Doha - The Guardian", "CONSULT"),
    ("Opinion: what the hostage families deserve from their leaders", None),
    ("Analysis: Can Egypt keep mediating while its economy struggles?", None),
    ("Earthquake leaves 30 dead in western Iran", None),
    ("Stock markets rally as oil prices fall", None),
]


def test_held_out_examples_are_not_in_the_training_file(training) -> None:
    keys = {_key(t) for t, _ in training}
    assert not [t for t, _ in HELD_OUT if _key(t) in keys]


@pytest.mark.parametrize(("text", "expected"), HELD_OUT)
def test_predictions_on_our_own_unseen_examples(clf, text, expected) -> None:
    preds = clf.predict(text)
    if expected is None:
        assert preds == [], [p.explain() for p in preds]
        assert clf.event_probability(text) < 0.5
    else:
        assert preds and preds[0].type == expected, [p.explain() for p in preds]
        assert clf.event_probability(text) > 0.5


def test_predictions_are_explained(clf) -> None:
    text = "Israeli strike on a Rafah home kills 12, medics say - Reuters"
    preds = clf.predict(text)
    assert preds[0].type == "ASSAULT" and isinstance(preds[0], Prediction)
    present = set(features(text))
    for p in preds:
        assert 0.0 <= p.probability <= 1.0
        assert p.top_features, p
        names = [f for f, _ in p.top_features]
        weights = [w for _, w in p.top_features]
        assert set(names) <= present  # only features that fired
        assert all(w > 0 for w in weights) and weights == sorted(weights, reverse=True)
    assert any(f.startswith(("s:strik", "s:kill", "cue:ASSAULT")) for f, _ in preds[0].top_features)
    assert "ASSAULT p=" in preds[0].explain()
    assert any(f == "cue:ASSAULT" for f, _ in clf.top_features("ASSAULT", n=40))
    with pytest.raises(ValueError, match="Unknown event type 'FIGHT'"):
        clf.top_features("FIGHT")


def test_probabilities_cover_every_type_and_thresholds_apply(clf) -> None:
    text = "Protesters rally outside parliament against the new security law"
    probs = clf.probabilities(text)
    assert set(probs) == set(PLOVER_TYPES)
    assert max(probs, key=probs.__getitem__) == "PROTEST"
    top = max(probs.values())
    assert top < 1.0 and clf.predict_types(text, threshold=(1.0 + top) / 2) == []  # a threshold above every type
    assert "PROTEST" in clf.predict_types(text, threshold=0.05)


def test_parameters_are_validated() -> None:
    with pytest.raises(ValueError, match="'threshold' of ShortTextClassifier must be in"):
        ShortTextClassifier(threshold=1.5)
    with pytest.raises(ValueError, match="'c' of ShortTextClassifier must be > 0"):
        ShortTextClassifier(c=0)
    with pytest.raises(ValueError, match="either 'data'"):
        ShortTextClassifier(data="x.jsonl", examples=[("a", [])])


def test_a_model_from_examples_only_knows_their_types() -> None:
    examples = [("Troops shell the town", ["ASSAULT"]), ("Rebels bomb the bridge", ["ASSAULT"]),
                ("Leaders meet for talks", ["CONSULT"]), ("Envoys hold talks in Doha", ["CONSULT"]),
                ("Why the war goes on", []), ("A short history of the region", [])]
    small = ShortTextClassifier(examples=examples)
    assert small.types == ("CONSULT", "ASSAULT")
    assert small.predict_types("Artillery and jets bomb the city")[:1] == ["ASSAULT"]


# --- text handling -----------------------------------------------------------------------------------------
def test_normalise_drops_an_outlet_suffix_only() -> None:
    assert normalise("Israel strikes Rafah overnight - Al Jazeera English") == "Israel strikes Rafah overnight"
    assert normalise("Opinion | Why the truce failed") == "Opinion | Why the truce failed"
    assert normalise("Israel-Gaza war - a long explainer on what comes next.") == \
        "Israel-Gaza war - a long explainer on what comes next."
    assert normalise("  Talks   resume  ") == "Talks resume"


def test_features_mark_labels_questions_and_attribution() -> None:
    f = features("Israel-Hamas war updates: Why did the talks fail?")
    assert {"p:updates", "f:label", "f:question", "f:wh_start"} <= set(f)
    assert "w:updates" not in f  # the label's words are kept apart from the headline's
    assert "f:live_label" in f
    assert "f:media_label" in features("Analysis: Why the talks in Jeddah failed")
    assert "f:other_label" in features("Minister: 'The broadcaster made a grave error'")  # a claimant
    assert "f:says_end" in features("Strike hits shelter in Rafah, officials say")
    assert "cue:REQUEST" in features("Pope urges calm")


def test_headline_like() -> None:
    assert headline_like("Israel strikes Rafah - Reuters")
    assert not headline_like("The army said on Tuesday that it had withdrawn from the town.")


# --- actors and the pipeline component ---------------------------------------------------------------------
def _actor(text: str, full: str, code: str, sector: str | None = None) -> Actor:
    start = full.index(text)
    return Actor(text=text, code=code, sector=sector, start=start, end=start + len(text))


def test_assign_actors_subject_first_and_passive_swap() -> None:
    t = "Qatar urges Israel to open more crossings"
    src, tgt = assign_actors(t, [_actor("Israel", t, "ISR"), _actor("Qatar", t, "QAT", "GOV")])
    assert [a.code for a in src] == ["QAT"] and [a.code for a in tgt] == ["ISR"]
    t = "Palestinians killed in Israeli strike on Khan Younis"
    src, tgt = assign_actors(t, [_actor("Palestinians", t, "PSE", "CVL"), _actor("Israeli", t, "ISR", "MIL")])
    assert [a.code for a in src] == ["ISR"] and [a.code for a in tgt] == ["PSE"]
    t = "Israel-Hamas war updates: Egypt hosts talks"
    src, tgt = assign_actors(t, [_actor("Israel", t, "ISR"), _actor("Egypt", t, "EGY", "GOV")])
    assert [a.code for a in src] == ["EGY"] and tgt == []  # mentions in the label are skipped
    assert assign_actors("Why the war goes on", []) == ([], [])


def test_component_adds_events_only_where_the_rules_found_none(clf) -> None:
    comp = ClassifierFallback(clf)
    assert comp.name == "classifier" and "events" in comp.requires and comp.assigns == ("events",)
    text = "Jordan urges Israel to allow more aid into northern Gaza"
    art = Article(text=text, actors=[_actor("Jordan", text, "JOR", "GOV"), _actor("Israel", text, "ISR", "GOV")])
    comp(art, None)
    assert [e.type for e in art.events][:1] == ["REQUEST"]
    ev = art.events[0]
    assert ev.source[0].code == "JOR" and ev.target[0].code == "ISR"
    assert ev.rule and ev.rule.startswith("classifier:") and ev.confidence >= comp.threshold
    assert (ev.start, ev.end, ev.sentence_index) == (0, len(text), 0)

    ruled = Article(text=text)
    ruled.events = [Event(type="AID", sentence_index=0, start=0, end=len(text), rule="rules")]
    comp(ruled, None)
    assert [e.type for e in ruled.events] == ["AID"]  # the rules' events are left alone

    long_text = "Word " * 100
    assert comp(Article(text=long_text), None).events == []  # not a short text


def test_component_veto_drops_rule_events_on_confident_no_event_headlines(clf) -> None:
    text = "Opinion | Six maps that explain the war"
    art = Article(text=text)
    art.events = [Event(type="ASSAULT", sentence_index=0, start=0, end=len(text), rule="rules")]
    ClassifierFallback(clf, veto=False)(art, None)
    assert len(art.events) == 1  # no veto when it is turned off
    ClassifierFallback(clf, veto=True)(art, None)
    assert art.events == []
    prose = "The army said on Tuesday that its analysts had drawn six maps of the front."
    art = Article(text=prose)
    art.events = [Event(type="ASSAULT", sentence_index=0, start=0, end=len(prose), rule="rules")]
    ClassifierFallback(clf, veto=True)(art, None)
    assert len(art.events) == 1  # prose sentences are never vetoed


def test_component_union_adds_missing_types_on_headlines_only(clf) -> None:
    text = "Israeli jets pound Rafah as Hamas rejects the truce offer"
    art = Article(text=text)
    art.events = [Event(type="ASSAULT", sentence_index=0, start=0, end=len(text), rule="rules")]
    ClassifierFallback(clf, union_threshold=None)(art, None)
    assert [e.type for e in art.events] == ["ASSAULT"]  # fallback only: the rules spoke
    ClassifierFallback(clf, union=True)(art, None)
    types = [e.type for e in art.events]
    assert types[0] == "ASSAULT" and "REJECT" in types and types.count("ASSAULT") == 1
    prose = "Israeli jets pounded Rafah on Monday as Hamas rejected the truce offer."
    art = Article(text=prose)
    art.events = [Event(type="ASSAULT", sentence_index=0, start=0, end=len(prose), rule="rules")]
    ClassifierFallback(clf, union=True)(art, None)
    assert [e.type for e in art.events] == ["ASSAULT"]  # no union on prose sentences


def test_two_clauses() -> None:
    assert two_clauses("Russia shells Kharkiv as Turkish and Ukrainian leaders meet - Reuters")
    assert two_clauses("Drone hits Sumy market; Kremlin rejects truce talks")
    assert two_clauses("Pope calls for a truce, praising the mediators")
    assert not two_clauses("Thousands march in Lisbon calling for a hostage deal")
    assert not two_clauses("Shell hits school in Kherson, officials say")  # attribution, not a clause
    assert not two_clauses("Live updates: Drone hits Sumy market")
    assert two_acts_possible("Rights office says Ethiopia still blocking medicine to Tigray")  # charge and act
    assert two_acts_possible("Shell hits school in Kherson, officials say")
    assert not two_acts_possible("Police arrest dozens of protesters at the encampment")


def test_component_adds_a_very_sure_second_type_on_two_clause_headlines(clf) -> None:
    """By default (UNION_THRESHOLD) a headline with a second clause gets a type the rules missed when the
    classifier is very sure of it; a single-clause headline keeps the rules' reading."""
    text = "Israeli jets pound Rafah as Hamas rejects the truce offer"
    assert clf.probabilities(text)["REJECT"] >= UNION_THRESHOLD
    art = Article(text=text, events=[Event(type="ASSAULT", sentence_index=0, start=0, end=len(text),
                                           rule="rules")])
    ClassifierFallback(clf)(art, None)
    assert [e.type for e in art.events] == ["ASSAULT", "REJECT"]
    assert art.events[1].rule.startswith("classifier:") and art.events[1].confidence >= UNION_THRESHOLD
    single = "Hamas rejects the truce offer and Israeli jets pound Rafah"  # no second clause marker
    art = Article(text=single, events=[Event(type="ASSAULT", sentence_index=0, start=0, end=len(single),
                                             rule="rules")])
    ClassifierFallback(clf)(art, None)
    assert [e.type for e in art.events] == ["ASSAULT"]


def test_component_adds_nothing_where_the_event_model_doubts_an_event(clf) -> None:
    class Doubtful(ShortTextClassifier):
        def event_probability(self, text: str) -> float:
            return ADD_MIN_EVENT - 0.01

    text = "Jordan urges Israel to allow more aid into northern Gaza"
    art = Article(text=text)
    ClassifierFallback(Doubtful())(art, None)
    assert art.events == []
    ClassifierFallback(Doubtful(), add_min_event=0.2)(art, None)
    assert [e.type for e in art.events][:1] == ["REQUEST"]


def test_component_leaves_prose_sentences_to_the_rules(clf) -> None:
    """By default only headline-like texts get classifier events: incident reports and wire sentences,
    whose no-event cases (accidents, crime) the classifier knows less well, stay with the rules."""
    text = "Jordan urged Israel on Monday to allow more aid into northern Gaza."
    art = Article(text=text, actors=[_actor("Jordan", text, "JOR", "GOV"), _actor("Israel", text, "ISR", "GOV")])
    ClassifierFallback(clf)(art, None)
    assert art.events == []
    ClassifierFallback(clf, headlines_only=False)(art, None)
    assert [e.type for e in art.events][:1] == ["REQUEST"]


def test_default_pipeline_runs_the_classifier_after_the_rules() -> None:
    from fulcrum.extract.pipeline import DEFAULT_COMPONENTS

    assert DEFAULT_COMPONENTS.index("classifier") == DEFAULT_COMPONENTS.index("events") + 1
