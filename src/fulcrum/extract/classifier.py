"""A supervised fallback for short texts: which PLOVER event types does a headline report, if any?

The rules (:mod:`fulcrum.extract.events`) read a parse and explain every event by the pattern that fired;
they miss constructions they have no pattern for.  :class:`ShortTextClassifier` is a cheap, explainable
second opinion for headlines and one-sentence reports: one-vs-rest logistic regression over word, stem and
stem-bigram features, plus features of our own (a media label before a colon, a question, a trailing
"..., X says", and ``cue:TYPE`` for each cue word of a type, from a small cue list written from the coding
guide), trained at first use from the labelled texts we wrote ourselves
(``fulcrum/data/training/short-texts.jsonl``; ``{"text", "types"}``, an empty list meaning no event).
A separate event-vs-none model gives :meth:`ShortTextClassifier.event_probability`.

* Deterministic: same data and parameters, same model (liblinear with a fixed random state).
* Fast: plain tokenisation, no parse; fitting on ~3,000 texts takes about a second.  Fitted models are
  cached in memory per (data file, parameters); nothing is written to disk, nothing is downloaded.
* Explainable: every :class:`Prediction` carries the weighted features that fired for it
  (``top_features``: feature and its contribution to the log-odds, largest first).
* Calibrated-ish: out of fold on the training data, texts given 0.8-0.9 are right ~80% of the time
  (class-balanced weights make the middle range a little over-confident: 0.6-0.7 is right ~55%).

Thresholds (:data:`DEFAULT_THRESHOLD`, :data:`FALLBACK_THRESHOLD`, :data:`VETO_THRESHOLD`,
:data:`UNION_THRESHOLD`, :data:`ADD_MIN_EVENT`) were chosen by cross-validation on the training file only
(``scripts/classifier_eval.py --cv``, the rules run on the training texts without the classifier); no
evaluation set was used to fit or tune anything.

:class:`ClassifierFallback` is a pipeline component built on it (in the default pipeline, right after the
rules): on a short headline where the rules found no event it adds the classifier's events; where they found
some, it vetoes them on confident no-event headlines, replaces a type it all but rules out by one it is sure
of, and on a headline that may report two acts adds a type it is very sure of that the rules missed; the first
actor mention is the source and the next the target (:func:`assign_actors`).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from fulcrum.extract.base import Component
from fulcrum.model import Actor, Article, Event

__all__ = ["ADD_MIN_EVENT", "ClassifierFallback", "DEFAULT_THRESHOLD", "FALLBACK_THRESHOLD", "PLOVER_TYPES",
           "Prediction", "ShortTextClassifier", "TrainingDataError", "UNION_THRESHOLD", "VETO_THRESHOLD",
           "assign_actors", "clear_cache", "features", "headline_like", "load_training", "normalise", "outlet_start",
           "two_acts_possible", "two_clauses"]

#: The 16 PLOVER event types, in the order of our coding guide.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: A type is predicted when its probability reaches this (5-fold CV on the training data: micro-F1 0.75,
#: within 0.002 of the best, with the better no-event accuracy).
DEFAULT_THRESHOLD = 0.4
#: The stricter threshold for adding events where the rules found none.  In CV (rules run on our training
#: texts, classifier out-of-fold) combined micro-F1 is flat from 0.4 to 0.7 while no-event accuracy rises
#: with the threshold; 0.7 keeps F1 within 0.005 of the best with the highest no-event accuracy.
FALLBACK_THRESHOLD = 0.7
#: Rule events on a headline may be vetoed when the classifier's probability that the text reports any
#: event is below this (CV: vetoes ~2% of event texts, catches ~2/3 of no-event texts).
VETO_THRESHOLD = 0.15
#: On a headline, a rule event is replaced by the classifier's type when the classifier gives that type at
#: least OVERRIDE_THRESHOLD and the rule's type less than OVERRIDE_MAX_RULE.  (CV prefers 0.8 / 0.2, micro-F1
#: +0.004, but on our own headline set that replaced the rules' reading of "X denies striking Y".)
OVERRIDE_THRESHOLD = 0.9
OVERRIDE_MAX_RULE = 0.05
#: On a headline where the rules found events and that may report two acts (:func:`two_acts_possible`: a second
#: clause, "X shells Y as Z meets W", or someone saying something, "UN office says X still imposing
#: restrictions"), a type the rules did not find is added when the classifier gives it at least this (None:
#: never).  5-fold CV on the training file (rules run on the texts, classifier out of fold): micro-F1 0.747 ->
#: 0.762 at 0.85 with precision unchanged (0.8-0.9 within 0.004); without the gate recall rises more but
#: precision falls, and on our own headline set (headlines-own.jsonl) it added second readings of one act
#: ("march calling for a deal", "pledges aid").
UNION_THRESHOLD: float | None = 0.85
#: Events are added only when the event-vs-none model gives the text at least this (CV: micro-F1 unchanged
#: from 0.15 to 0.5 at the fallback threshold, 0.762, no-event accuracy 0.917 -> 0.930).
ADD_MIN_EVENT = 0.5
#: Per-type thresholds for adding events where the rules found none (types not listed use the fallback
#: threshold).  Empty: thresholds per type chosen by coordinate ascent on the out-of-fold output lowered
#: most types to 0.4-0.5 and cost micro-F1 (0.762 -> 0.755) and no-event accuracy (0.930 -> 0.908).
TYPE_THRESHOLDS: dict[str, float] = {}
#: The component only runs on texts up to this long (headlines and one-sentence reports).
MAX_SHORT_TEXT_CHARS = 300

_DATA_PATH = ("data", "training", "short-texts.jsonl")


class TrainingDataError(ValueError):
    """The training file is malformed; the message names the file, the line and the fix."""


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted event type: its probability and the features that pushed it up most."""

    type: str
    probability: float
    #: (feature, contribution to the log-odds) for the features present in the text, largest first.
    top_features: tuple[tuple[str, float], ...]

    def explain(self) -> str:
        feats = ", ".join(f"{f} {w:+.2f}" for f, w in self.top_features)
        return f"{self.type} p={self.probability:.2f} ({feats})"


# --- text normalisation and features ----------------------------------------------------------------------
_OUTLET_SEP = re.compile(r"\s+[-–—|]\s+")
_PREFIX = re.compile(r"^([^:]{1,60}?):\s+(?=\S)")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SAYS_END = re.compile(r",\s*(?:[\w'’.-]+\s+){0,6}(?:says?|said|claims?|reports?|warns?)\s*[.!]?\s*$", re.I)
_WH = frozenset("why how what who whom whose where when which is are can could will would should does do did "
                "has have".split())
_IRREGULAR = {
    "struck": "strike", "fled": "flee", "held": "hold", "met": "meet", "sent": "send", "told": "tell",
    "shot": "shoot", "fought": "fight", "said": "say", "says": "say", "led": "lead", "freed": "free",
    "frees": "free", "children": "child", "men": "man", "women": "woman", "people": "person", "dead": "die",
    "died": "die", "dies": "die", "killed": "kill", "kills": "kill", "gave": "give", "took": "take",
    "brought": "bring", "began": "begin", "begun": "begin", "won": "win", "lost": "lose", "hit": "hit",
    "hits": "hit", "left": "leave", "seen": "see", "saw": "see", "ran": "run", "broke": "break",
    "broken": "break", "threw": "throw", "thrown": "throw", "stood": "stand", "spoke": "speak",
    "chose": "choose", "drew": "draw", "bodies": "body", "us": "us", "news": "news", "israelis": "israeli",
    "palestinians": "palestinian", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
}
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve dozen dozens scores "
                          "hundred hundreds thousand thousands million millions billion".split())


#: Words of a label before a colon that name a media format (no event of its own) or a live page.
_MEDIA_LABEL = frozenset("video videos opinion analysis explainer explained watch fact check timeline pictures "
                         "picture podcast interview comment commentary editorial letters letter column maps map "
                         "photos photo briefing newsletter quiz listen review view daily diary notebook obituary "
                         "visualised charting tracker essay perspective viewpoint take inquiry documentary "
                         "dispatch guide glance blog q".split())
_LIVE_LABEL = frozenset("live updates update latest".split())


def outlet_start(text: str) -> int:
    """Where a trailing " - Outlet" suffix (at most six words, after a headline of three or more) starts in
    ``text``; ``len(text)`` when there is none."""
    matches = list(_OUTLET_SEP.finditer(text))
    if matches:
        last = matches[-1]
        tail, head = text[last.end():].strip(), text[: last.start()]
        if tail and len(tail.split()) <= 6 and not tail.endswith(("?", ".")) and len(head.split()) >= 3:
            return last.start()
    return len(text)


#: Cue words per type (and for no event), written by us from the coding guide: a feature ``cue:TYPE`` fires
#: for each cue in the text, so that what the model learns from one cue carries over to the others.
#: ``a-b`` is a two-word cue.  Words are stemmed like the text.
_CUE_TEXT = {
    "AGREE": "agree agreement deal accord pact accept approve pledge promise vow-to commit offer propose proposal "
             "ready willing extend extension sign consent reach framework understanding normalise normalize",
    "CONSULT": "talk talks meet meeting visit host call phone negotiate negotiation negotiator mediate mediator "
               "address brief briefing unsc session debate "
               "mediation envoy delegation summit discuss discussion consult arrive travel trip round conference "
               "dialogue speak",
    "SUPPORT": "welcome praise back backing endorse endorsement recognise recognize recognition hail support "
               "solidarity thank applaud commend defend reaffirm laud congratulate",
    "CONCEDE": "ease lift concede concession yield relent backtrack reverse reversal bow resign resignation quit "
               "step-down scrap withdraw-bill drop-charges u-turn",
    "COOPERATE": "cooperate cooperation coordinate coordination joint jointly share sharing extradite extradition "
                 "collaborate partner partnership together",
    "AID": "aid airdrop drop deliver delivery donate donation fund funding grant supply supplies provide assistance "
           "humanitarian relief shipment convoy package weapons arms ammunition asylum visa evacuate treatment "
           "hospital-ship meals food",
    "RETREAT": "release freed free withdraw withdrawal pull pullout retreat reopen reopening open crossing truce "
               "end-operations ended-operations wrap-up pullback scale-back "
               "ceasefire cease-fire pause calm return restore allow let enter exchange swap",
    "REQUEST": "urge call demand appeal ask press plead seek request order evacuate evacuation leave tell summon "
               "push implore",
    "ACCUSE": "accuse accusation condemn condemnation blame criticise criticize criticism allege allegation slam "
              "error mistake wrong lie lying liar shameful disgrace hypocrisy hypocritical complicit complicity "
              "outrage outrageous betray betrayal smear hate warrant "
              "denounce probe investigation inquiry investigate sue lawsuit charge indict genocide crime crimes "
              "violation grill rebuke fault complaint",
    "REJECT": "reject refuse deny dismiss veto rule-out spurn rebuff decline balk stall collapse impasse deadlock "
              "boycott ignore oppose",
    "THREATEN": "threaten threat warn warning vow ultimatum retaliate retaliation revenge avenge consequence "
                "hint hints "
                "consequences",
    "PROTEST": "protest protester rally march demonstrate demonstration demonstrators sit-in encampment strike "
               "strikers boycott hunger-strike walkout walk-out walk-off vigil picket block",
    "SANCTION": "sanction embargo expel expulsion recall sever cut-ties ties suspend suspension freeze halt ban "
                "blacklist designate divest bar",
    "MOBILIZE": "deploy deployment mobilise mobilize reservist call-up mass troops alert drills exercise carrier "
                "brace uniform uniformed reappear "
                "warship reinforce prepare approve-operation",
    "COERCE": "arrest detain detention seize confiscate demolish demolition bulldoze raid siege blockade cut-off "
              "curfew deport deportation shut close closure intercept clear disperse",
    "ASSAULT": "strike airstrike bomb bombing bombardment shell shelling kill attack fire fighting clash battle "
               "assault offensive invasion invade storm rocket missile drone ambush abduct kidnap hostage gunmen "
               "gunman sniper shoot",
    "NONE": "opinion analysis commentary editorial column letters explainer explained timeline map maps chart "
            "picture pictures photo photos diary podcast newsletter quiz interview review obituary tribute poll "
            "election vote voters campaign stock stocks oil price prices shares market economy inflation toll "
            "famine hunger malnutrition starvation starving disease outbreak fear hope pressure tension crisis "
            "inside life lives story stories family families mourn memorial anniversary history why how what who tell-of "
            "earthquake flood storm heatwave wildfire football cup match league festival film exhibition museum prize "
            "flooding lightning landslide avalanche crash collide collision capsize overturn accident cholera "
            "measles dengue cyclone drown stampede",
}


def normalise(text: str) -> str:
    """The headline proper: a trailing " - Outlet" dropped and whitespace collapsed."""
    return " ".join(text[: outlet_start(text)].split())


def stem(word: str) -> str:
    """A light, deterministic stemmer for English news words ("strikes", "striking", "strike" -> "strik")."""
    w = _IRREGULAR.get(word, word)
    if word in _IRREGULAR:
        pass  # already a base form: only the final "e" below
    elif len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith("es") and w[-3] in "sxzh":
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        if w.endswith("ing") and len(w) > 5:
            w = w[:-3]
        elif w.endswith("ed") and len(w) > 4:
            w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # "stopped" -> "stop"
    elif len(w) == 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]  # "asks" -> "ask", "vows" -> "vow"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=1)
def _cue_map() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for t, words in _CUE_TEXT.items():
        for w in words.split():
            key = "b:" + "_".join(stem(p) for p in w.split("-", 1)) if "-" in w else "s:" + stem(w)
            if t not in out.setdefault(key, []):
                out[key].append(t)
    return {k: tuple(v) for k, v in out.items()}


def _tokens(s: str) -> list[str]:
    out = []
    for t in _TOKEN.findall(s.lower()):
        t = t.replace("’", "'")
        if t.endswith("'s"):
            t = t[:-2]
        out.append("#" if t[0].isdigit() else t)
    return out


def features(text: str) -> list[str]:
    """The feature strings of ``text``: ``w:`` words, ``s:`` stems, ``b:`` stem bigrams, ``p:`` words of a
    label before a colon ("Analysis:", "Israel-Hamas war updates:"), ``f:`` flags of our own (among them the
    kind of label: a media format, a live page, or else a topic or a claimant, "Minister:") and ``cue:`` the
    type of each cue word (:data:`_CUE_TEXT`)."""
    text = normalise(text)
    out: list[str] = []
    body = text
    m = _PREFIX.match(text)
    if m and len(text) - m.end() >= 12:
        label = _tokens(m.group(1))
        out.extend(f"p:{t}" for t in label)
        out.append("f:label")
        # what kind of label: a media format ("Analysis:", "Video:"), a live page ("... war live:"), or else a
        # topic or a claimant ("Sudan war:", "Minister:")
        kind = ("media" if _MEDIA_LABEL.intersection(label) else "live" if _LIVE_LABEL.intersection(label)
                else "other")
        out.append(f"f:{kind}_label")
        body = text[m.end():]
    toks = _tokens(body)
    stems = [stem(t) for t in toks]
    out.extend(f"w:{t}" for t in toks)
    out.extend(f"s:{s}" for s in stems)
    padded = ["<s>", *stems, "</s>"]
    out.extend(f"b:{a}_{b}" for a, b in zip(padded, padded[1:], strict=False))
    if body.rstrip().endswith("?"):
        out.append("f:question")
    if toks and toks[0] in _WH:
        out.append("f:wh_start")
    if _SAYS_END.search(body):
        out.append("f:says_end")
    if any(t == "#" or t in _NUMBER_WORDS for t in toks):
        out.append("f:number")
    if re.search(r"(?:^|\s)['‘\"“]\w", body):
        out.append("f:quote")
    if len(toks) <= 4:
        out.append("f:short")
    cues = _cue_map()
    out.extend(f"cue:{t}" for f in list(out) for t in cues.get(f, ()))
    return out


# --- training data -------------------------------------------------------------------------------------------
def default_data_path() -> Path:
    return Path(str(resources.files("fulcrum").joinpath(*_DATA_PATH)))


def load_training(path: str | Path | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """(text, types) pairs from a training JSONL file, checked: valid JSON, a non-empty ``text``, ``types``
    a list of PLOVER types, no text twice."""
    p = Path(path) if path is not None else default_data_path()
    out: list[tuple[str, tuple[str, ...]]] = []
    seen: dict[str, int] = {}
    try:
        fh = p.open(encoding="utf-8")
    except OSError as exc:
        raise TrainingDataError(f"Cannot read the classifier's training data {p}: {exc}. "
                                "Reinstall fulcrum or pass an existing file.") from exc
    with fh:
        for no, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except ValueError as exc:
                raise TrainingDataError(f"{p}:{no}: not valid JSON ({exc}).") from None
            text, types = (rec.get("text"), rec.get("types")) if isinstance(rec, dict) else (None, None)
            if not isinstance(text, str) or not text.strip():
                raise TrainingDataError(f"{p}:{no}: 'text' must be a non-empty string.")
            if not isinstance(types, list) or any(t not in PLOVER_TYPES for t in types):
                raise TrainingDataError(f"{p}:{no}: 'types' must be a list of PLOVER types "
                                        f"({', '.join(PLOVER_TYPES)}); got {types!r}.")
            key = " ".join(text.casefold().split())
            if key in seen:
                raise TrainingDataError(f"{p}:{no}: the same text is already on line {seen[key]}; "
                                        "remove one of them.")
            seen[key] = no
            out.append((text, tuple(dict.fromkeys(types))))
    if not out:
        raise TrainingDataError(f"{p} holds no training examples.")
    return out


# --- the model -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Fitted:
    vocab: dict[str, int]
    names: tuple[str, ...]
    types: tuple[str, ...]
    coef: Any  # (n_types, n_features) ndarray
    intercept: Any  # (n_types,)
    event_coef: Any  # (n_features,): the any-event model
    event_intercept: float


_cache: dict[tuple[Any, ...], _Fitted] = {}
_cache_lock = threading.Lock()


def _fit(examples: Sequence[tuple[str, Sequence[str]]], c: float, min_df: int) -> _Fitted:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [t for t, _ in examples]
    vec = CountVectorizer(analyzer=features, binary=True, min_df=min_df)
    x = vec.fit_transform(texts)
    types = tuple(t for t in PLOVER_TYPES if any(t in ys for _, ys in examples))
    coef = np.zeros((len(types), x.shape[1]))
    intercept = np.zeros(len(types))
    for i, t in enumerate(types):
        y = np.array([t in ys for _, ys in examples], dtype=int)
        lr = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", dual=True, max_iter=5000,
                                random_state=0).fit(x, y)
        coef[i], intercept[i] = lr.coef_[0], lr.intercept_[0]
    y_any = np.array([bool(ys) for _, ys in examples], dtype=int)
    lr_any = LogisticRegression(C=c, solver="liblinear", dual=True, max_iter=5000,
                                random_state=0).fit(x, y_any)
    names = tuple(vec.get_feature_names_out())
    return _Fitted(vocab={n: i for i, n in enumerate(names)}, names=names, types=types, coef=coef,
                   intercept=intercept, event_coef=lr_any.coef_[0], event_intercept=float(lr_any.intercept_[0]))


def _top_features(contrib: Any, idx: list[int], names: tuple[str, ...], n: int) -> tuple[tuple[str, float], ...]:
    """The ``n`` features with the largest positive contributions, largest first (ties by name)."""
    pairs = sorted(((names[j], float(c)) for j, c in zip(idx, contrib, strict=True) if c > 0),
                   key=lambda fw: (-fw[1], fw[0]))
    return tuple((f, round(w, 3)) for f, w in pairs[:n])


def clear_cache() -> None:
    """Forget every fitted model (the next prediction fits again)."""
    with _cache_lock:
        _cache.clear()


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


class ShortTextClassifier:
    """Predicts the PLOVER event types of a headline or one-sentence report (or none).

    ``ShortTextClassifier().predict("Israeli strike on Rafah home kills 12")`` ->
    ``[Prediction(type="ASSAULT", probability=0.9..., top_features=(("s:strik", 1.3), ...))]``.

    Parameters: ``data`` (a training JSONL file; default: the shipped one) or ``examples`` ((text, types)
    pairs, for tests and cross-validation); ``threshold`` (default for :meth:`predict`); ``c`` (inverse
    L2 regularisation); ``min_df`` (features seen in fewer training texts are dropped); ``n_features``
    (features reported per prediction).  The model is fitted at first use and cached in memory.
    """

    def __init__(self, data: str | Path | None = None, *, examples: Iterable[tuple[str, Sequence[str]]] | None = None,
                 threshold: float = DEFAULT_THRESHOLD, c: float = 4.0, min_df: int = 1, n_features: int = 5) -> None:
        if data is not None and examples is not None:
            raise ValueError("Pass either 'data' (a training file) or 'examples', not both.")
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"The 'threshold' of ShortTextClassifier must be in (0, 1). Got {threshold!r} instead.")
        if c <= 0:
            raise ValueError(f"The 'c' of ShortTextClassifier must be > 0. Got {c!r} instead.")
        self.data = data
        self.examples = None if examples is None else tuple((t, tuple(ys)) for t, ys in examples)
        self.threshold = threshold
        self.c = c
        self.min_df = min_df
        self.n_features = n_features
        self._fitted: _Fitted | None = None

    # fitting ---------------------------------------------------------------------------------------------
    def fit(self) -> ShortTextClassifier:
        """Fit now (otherwise done at first prediction); returns ``self``."""
        self._fitted = self._model()
        return self

    def _model(self) -> _Fitted:
        if self._fitted is not None:
            return self._fitted
        if self.examples is not None:
            key: tuple[Any, ...] = ("examples", hash(self.examples), self.c, self.min_df)
        else:
            path = Path(self.data) if self.data is not None else default_data_path()
            st = path.stat() if path.exists() else None
            key = (str(path.resolve()), st.st_mtime_ns if st else None, st.st_size if st else None,
                   self.c, self.min_df)
        with _cache_lock:
            fitted = _cache.get(key)
            if fitted is None:
                examples = self.examples if self.examples is not None else load_training(self.data)
                fitted = _fit(examples, self.c, self.min_df)
                _cache[key] = fitted
        self._fitted = fitted
        return fitted

    @property
    def types(self) -> tuple[str, ...]:
        return self._model().types

    # predicting ------------------------------------------------------------------------------------------
    def _active(self, text: str) -> list[int]:
        m = self._model()
        return sorted({m.vocab[f] for f in features(text) if f in m.vocab})

    def probabilities(self, text: str) -> dict[str, float]:
        """The probability of every type (independent one-vs-rest probabilities; they need not sum to 1)."""
        m = self._model()
        idx = self._active(text)
        return {t: _sigmoid(float(m.intercept[i] + m.coef[i, idx].sum())) for i, t in enumerate(m.types)}

    def event_probability(self, text: str) -> float:
        """The probability that ``text`` reports any event at all (a separate event-vs-none model)."""
        m = self._model()
        idx = self._active(text)
        return _sigmoid(m.event_intercept + float(m.event_coef[idx].sum()))

    def predict(self, text: str, threshold: float | None = None) -> list[Prediction]:
        """The types whose probability reaches ``threshold`` (default: the instance's), most probable first,
        each with the features that pushed it up most.  An empty list means: no event."""
        thr = self.threshold if threshold is None else threshold
        m = self._model()
        idx = self._active(text)
        out = []
        for i, t in enumerate(m.types):
            contrib = m.coef[i, idx]
            p = _sigmoid(float(m.intercept[i] + contrib.sum()))
            if p >= thr:
                out.append(Prediction(t, round(p, 4), _top_features(contrib, idx, m.names, self.n_features)))
        out.sort(key=lambda pr: (-pr.probability, pr.type))
        return out

    def predict_types(self, text: str, threshold: float | None = None) -> list[str]:
        return [p.type for p in self.predict(text, threshold)]

    def top_features(self, type_: str, n: int = 20) -> list[tuple[str, float]]:
        """The ``n`` features with the largest weights for ``type_`` (what the model learned)."""
        m = self._model()
        if type_ not in m.types:
            raise ValueError(f"Unknown event type {type_!r}; the classifier knows {', '.join(m.types)}.")
        row = m.coef[m.types.index(type_)]
        order = sorted(range(len(row)), key=lambda k: (-row[k], m.names[k]))[:n]
        return [(m.names[k], round(float(row[k]), 3)) for k in order]


# --- pipeline component ------------------------------------------------------------------------------------
def headline_like(text: str) -> bool:
    """A headline rather than a sentence of prose: short and not ending in a full stop.  The veto is only
    applied to these (on wire sentences, out of the training data's main style, it removed real events)."""
    t = normalise(text)
    return 0 < len(t) <= 200 and not t.endswith(".")


#: A second clause in a headline: "X shells Y as Z meets W", "X strikes Y; Z rejects W", "X calls for Y,
#: endorsing Z", two sentences.  A trailing ", X says" is attribution, not a clause.
_SECOND_CLAUSE = re.compile(r"\s(?:as|amid|while|after|before|but|whilst)\s|;|,\s+(?!(?:[\w'’.-]+\s+){0,6}"
                            r"(?:says?|said|claims?|reports?|warns?|tells?|told)\b)\S|[.?!]\s+\S", re.I)


def two_clauses(text: str) -> bool:
    """Whether the headline proper (after a label, before an outlet) has a second clause that may report a
    second act ("Israel bombs Rafah as mediators meet in Cairo")."""
    body = normalise(text)[_label_end(normalise(text)):]
    return bool(_SECOND_CLAUSE.search(body))


_ATTRIBUTION = re.compile(r"\b(?:says?|said)\b", re.I)


def two_acts_possible(text: str) -> bool:
    """Whether a headline may report two acts: it has a second clause (:func:`two_clauses`), or someone says
    something ("UN office says Israel still imposing restrictions": the charge and the act charged)."""
    return two_clauses(text) or bool(_ATTRIBUTION.search(normalise(text)))


def _label_end(text: str) -> int:
    """Where the headline proper starts: after a label before a colon ("Israel-Hamas war updates: ...")."""
    m = _PREFIX.match(text)
    return m.end() if m and len(text) - m.end() >= 12 else 0


#: Between a first actor and the next, these mark the first as the one acted upon ("Palestinians killed in
#: Israeli strike", "hostages freed by Hamas"): the two swap roles.
_PASSIVE_GAP = re.compile(r"\b(?:killed|dead|died|wounded|injured|hurt|arrested|detained|held|freed|released|"
                          r"displaced|evacuated|abducted|kidnapped|targeted|hit|struck|shot|attacked|expelled|"
                          r"sanctioned|accused|criticised|criticized|condemned|urged|told|ordered|asked)\b"
                          r"(?:(?!\b(?:says?|said)\b).)*$", re.I)


_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_LOCATIVE_PREPS = frozenset({"in", "into", "near", "across", "inside", "outside", "at", "around", "throughout",
                             "within", "via", "off"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "dative", "attr", "oprd"})


def _syntactic_role(doc: Any, actor: Actor) -> str | None:
    """"source" when the mention is (inside) the subject of its clause or the agent of a passive, "target"
    when it is (inside) an object or a passive subject, else None."""
    if doc is None or actor.start is None or actor.end is None:
        return None
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(8):
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            return "source"  # "killed by Israeli fire"
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS:
            return None  # "in Gaza, Lebanon": where, not who
        if tok.dep_ in _SUBJECT_DEPS:
            return "source"
        if tok.dep_ in _OBJECT_DEPS:
            return "target"
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


#: Nouns of violence: a people or party modifying one is its author ("Israeli strikes", "Israeli bombs",
#: "Hamas rockets"), whatever its place in the headline.
_ATTACK_HEAD = re.compile(r"\b(?:air\s?strikes?|strikes?|bombs?|bombings?|bombardments?|shells?|shelling|fire|"
                          r"gunfire|raids?|attacks?|missiles?|rockets?|drones?|tanks?|snipers?|offensive|assault|"
                          r"onslaught|incursions?|operations?|jets|warplanes)\s*$", re.I)
#: Prepositions before a mention that make it a place or a topic, not the one who acts ("in Gaza", "for Gaza").
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|into|to|from|across|near|inside|at|for|over|about|around|throughout|"
                              r"within|toward|towards|off|via|with|outside|on)\s+(?:the\s+|besieged\s+|"
                              r"northern\s+|southern\s+|central\s+|eastern\s+|western\s+)?$", re.I)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
#: A passive participle right after a mention: the mention was acted upon ("24 soldiers killed in Gaza").
_PASSIVE_AFTER = re.compile(r"^\s*(?:(?:were|are|was|is|reportedly|reported|have\s+been|has\s+been)\s+)?"
                            r"(?:killed|dead|wounded|injured|hurt|arrested|detained|held|freed|released|displaced|"
                            r"evacuated|abducted|kidnapped|targeted|shot|attacked|expelled|sanctioned|accused|"
                            r"criticised|criticized|condemned|grilled|slammed|urged|told|ordered|asked|deported|"
                            r"jailed|sentenced|charged|summoned|rescued)\b", re.I)
_VIOLENT = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
#: Types that are speech acts: a trailing ", says X" names who performed them.
_VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})


def _locative(text: str, actor: Actor) -> bool:
    return actor.start is not None and bool(_LOCATIVE_BEFORE.search(text[max(0, actor.start - 40):actor.start]))


def _agent(text: str, actor: Actor) -> bool:
    return actor.start is not None and bool(_AGENT_BEFORE.search(text[max(0, actor.start - 12):actor.start]))


def _acted_upon(text: str, actor: Actor) -> bool:
    return actor.end is not None and bool(_PASSIVE_AFTER.match(text[actor.end:actor.end + 40]))


def _attack_author(actor: Actor) -> bool:
    """"Israeli strikes", "Israeli fire": a people or party modifying a noun of violence (not a place:
    "the Rafah strike" is where it was)."""
    from fulcrum.extract.actors import place_only

    return bool(_ATTACK_HEAD.search(actor.text)) and not place_only(actor)


def assign_actors(text: str, actors: Sequence[Actor], *, passive: bool = True,
                  doc: Any = None, type_: str | None = None) -> tuple[list[Actor], list[Actor]]:
    """Source and target for a classifier event.

    Mentions that name only a place, or follow a locative preposition ("in Gaza", "for Gaza"), are never the
    source; a place modifying another noun ("the Gaza war") is no target either.  For violent types a
    people or party modifying a noun of violence ("Israeli strikes", "Israeli bombs") is the source.  With the
    parse (``doc``): the first remaining mention in the subject (or a passive's agent) as source, the first in
    an object with another code as target.  Without it, or where the parse says nothing: the first coded
    mention after any label (in a headline, nearly always the subject) as source, the next mention with
    another code as target -- the other way round when a passive participle stands between them
    ("Palestinians killed by Israeli fire"); a first mention followed by a passive participle and no other
    party ("24 soldiers killed in Gaza") is the target, with no source."""
    from fulcrum.extract.actors import place_only, place_topic

    start, cut = _label_end(text), outlet_start(text)
    coded = sorted((a for a in actors if a.code and (a.start is None or start <= a.start < cut)),
                   key=lambda a: a.start if a.start is not None else 0)
    coded = [a for a in coded if not place_topic(a)]
    if not coded:
        return [], []
    can_source = [a for a in coded if not place_only(a) and not _locative(text, a)]
    violent = type_ in _VIOLENT if type_ is not None else False

    def target_for(src: Actor | None, prefer: list[Actor]) -> list[Actor]:
        pool = [a for a in prefer if a is not src and (src is None or a.code != src.code)]
        pool += [a for a in coded if a not in pool and a is not src and (src is None or a.code != src.code)
                 and not _agent(text, a)]
        firm = [a for a in pool if not _locative(text, a) or (violent and place_only(a))]
        if not violent:
            pool = [a for a in pool if not place_only(a) or not _locative(text, a) or
                    type_ in ("AID", "RETREAT", "REQUEST")]
        pick = firm[:1] or pool[:1]
        return pick

    if violent:
        authors = [a for a in coded if _attack_author(a) and not _acted_upon(text, a)]  # "killed in Israeli strikes"
        if authors:
            src = authors[0]
            return [src], target_for(src, [a for a in coded if _acted_upon(text, a)])
    first = can_source[0] if can_source else None
    if first is not None and _acted_upon(text, first) and not any(_agent(text, a) for a in coded):
        rest = [a for a in coded if a is not first and a.code != first.code and not place_only(a)]
        # "Palestinians killed in Israeli strike": the strike's author; "24 soldiers killed in Gaza": nobody
        return rest[:1], [first]
    if type_ in _VERBAL:  # "US official 'part of the problem', says Hamas": the speaker made the charge
        comma = text.rfind(",", start, cut)
        if comma > 0 and re.search(r"\b(?:says?|said)\b", text[comma:cut]):
            speakers = [a for a in can_source if a.start is not None and a.start > comma]
            if speakers:
                return [speakers[0]], target_for(speakers[0], [])
    agents = [a for a in can_source if _agent(text, a)]
    if agents:  # "hostages freed by Hamas"
        return [agents[0]], target_for(agents[0], [a for a in coded if _acted_upon(text, a)])
    if doc is not None:
        roles = [(_syntactic_role(doc, a), a) for a in coded]
        subj = next((a for r, a in roles if r == "source" and a in can_source), None)
        if subj is not None:
            objs = [a for r, a in roles if r == "target" and a.code != subj.code]
            return [subj], target_for(subj, objs)
    if not can_source:
        return [], target_for(None, [])
    src = can_source[0]
    tgt = target_for(src, [])
    if not tgt:
        return [src], []
    if passive and src.end is not None and tgt[0].start is not None and tgt[0].start > src.end and \
            _PASSIVE_GAP.search(text[src.end:tgt[0].start]) and not place_only(tgt[0]):
        return tgt, [src]
    return [src], tgt


class ClassifierFallback(Component):
    """Adds the classifier's events to a short article: where the rules found none (at ``threshold``), on a
    headline that may report two acts (:func:`two_acts_possible`) where they found some the types they missed
    that the classifier is very sure of (at ``union_threshold``), or, with ``union=True``, on any headline every type at ``threshold`` the rules did
    not find.  Nothing is added when the event-vs-none model gives the text less than ``add_min_event``.

    Runs after ``events`` (so the rules have spoken) and after ``actors`` (it needs the mentions). Each added
    event spans the whole text, has ``rule="classifier:<top features>"`` and ``confidence`` = the
    probability.  With ``veto=True`` it also drops rule events from a headline (:func:`headline_like`) that the
    classifier is confident reports no event (probability of any event below :data:`VETO_THRESHOLD`)."""

    name: ClassVar[str] = "classifier"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "actors", "events")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, classifier: ShortTextClassifier | None = None, *, threshold: float = FALLBACK_THRESHOLD,
                 veto: bool = True, veto_threshold: float = VETO_THRESHOLD, union: bool = False,
                 max_chars: int = MAX_SHORT_TEXT_CHARS, headlines_only: bool = True,
                 override_threshold: float | None = OVERRIDE_THRESHOLD, override_max_rule: float = OVERRIDE_MAX_RULE,
                 union_threshold: float | None = UNION_THRESHOLD, add_min_event: float = ADD_MIN_EVENT,
                 type_thresholds: dict[str, float] | None = None) -> None:
        self.override_threshold = override_threshold
        self.override_max_rule = override_max_rule
        self.union_threshold = union_threshold
        self.add_min_event = add_min_event
        self.type_thresholds = dict(TYPE_THRESHOLDS if type_thresholds is None else type_thresholds)
        self.classifier = classifier or ShortTextClassifier()
        self.headlines_only = headlines_only
        self.threshold = threshold
        self.veto = veto
        self.veto_threshold = veto_threshold
        self.union = union
        self.max_chars = max_chars

    def _override(self, article: Article, doc: Any) -> None:
        """On a headline, a rule event whose type the classifier all but rules out (probability below
        :data:`OVERRIDE_MAX_RULE`) gives way to the type the classifier is sure of (at least
        ``override_threshold``) when the rules did not find that type: the rules read one construction and
        misjudged its sense ("proposes a pause" is an offer, not a pause in effect)."""
        probs = self.classifier.probabilities(article.text)
        have = {e.type for e in article.events}
        sure = [t for t, p in sorted(probs.items(), key=lambda tp: -tp[1])
                if p >= (self.override_threshold or 1.0) and t not in have]
        if not sure:
            return
        keep = [e for e in article.events if probs.get(e.type, 0.0) >= self.override_max_rule]
        if len(keep) == len(article.events):
            return
        new_type = sure[0]
        source, target = assign_actors(article.text, article.actors, doc=doc, type_=new_type)
        for e in article.events:
            if e in keep:
                continue
            src, tgt = (e.source, e.target) if e.source else (source, target)
            keep.append(Event(type=new_type, sentence_index=e.sentence_index, start=e.start, end=e.end,
                              source=list(src), target=list(tgt), trigger=e.trigger,
                              confidence=round(probs[new_type], 4), rule=f"classifier-override:{e.rule}"))
            break
        article.events = keep

    def __call__(self, article: Article, doc: Any = None) -> Article:
        text = article.text
        if len(text) > self.max_chars or (self.headlines_only and not headline_like(text)):
            return article
        if article.events:
            headline = headline_like(text)
            if self.veto and headline and self.classifier.event_probability(text) < self.veto_threshold:
                article.events = []
                return article
            if headline and self.override_threshold is not None:
                self._override(article, doc)
            if not (self.union and headline):
                if headline and self.union_threshold is not None and two_acts_possible(text):
                    self._add(article, doc, self.union_threshold, per_type=False)
                return article
        self._add(article, doc, self.threshold, per_type=not article.events)
        return article

    def _add(self, article: Article, doc: Any, threshold: float, *, per_type: bool) -> None:
        """Add the classifier's types at or above ``threshold`` that the article does not have yet (with
        ``per_type``, a type's own threshold in ``type_thresholds`` replaces ``threshold``)."""
        text = article.text
        have = {e.type for e in article.events}
        floor = min([threshold, *self.type_thresholds.values()]) if per_type else threshold
        preds = [p for p in self.classifier.predict(text, floor) if p.type not in have and
                 p.probability >= (self.type_thresholds.get(p.type, threshold) if per_type else threshold)]
        if not preds or (self.veto and self.classifier.event_probability(text) < self.add_min_event):
            return  # the event-vs-none model doubts there is anything to add
        for pred in preds:
            source, target = assign_actors(text, article.actors, doc=doc, type_=pred.type)
            article.events.append(Event(
                type=pred.type, sentence_index=0, start=0, end=len(text), source=list(source),
                target=list(target), confidence=pred.probability,
                rule="classifier:" + ",".join(f for f, _ in pred.top_features[:3])))
