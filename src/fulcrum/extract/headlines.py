"""The shape of headlines: an outlet's name appended to the title, media labels before a colon, and casing.

Real headline feeds differ from edited prose in three ways that the small English model stumbles on:

* **Outlet suffixes.**  Aggregators append the outlet to the title ("Israel strikes Rafah - Reuters",
  "... - Al Jazeera English", "... - BBC.com").  :func:`outlet_cut` finds where such a suffix starts, so the
  suffix is parsed as a sentence of its own and left out of the headline's sentences.
* **Media labels.**  "Israel-Hamas war updates: ...", "Video: ...", "Live: ...", "Exclusive: ..." name a
  format, not an opinion: the report after the colon is a headline in its own right.
  :func:`headline_breaks` starts a new sentence after such a label.
* **Casing.**  Title Case ("Israel Works to Expel Hamas Intruders") and all-lowercase titles ("death toll
  from nuseirat attack rises") are tagged and parsed badly: every capitalised word looks like a name, or no
  word does.  :func:`case_view` gives a copy of the text, of the same length, in which such lines are in
  sentence case: common words lower-cased, names (our actor and place tables, and words the English
  word list does not know) capitalised.  The pipeline parses this view; every offset stays valid for the
  article's own text.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

__all__ = ["case_view", "headline_breaks", "outlet_cut", "is_media_label"]

#: Lines longer than this are not headlines: their casing and dashes are left alone.
MAX_HEADLINE_CHARS = 300

_SEP = re.compile(r"\s+[-–—|]\s+")
#: Words that mark a segment as a news outlet's name ("Middle East Monitor", "The Associated Press").
_OUTLET_WORDS = frozenset(
    "news times post press agency journal tribune herald gazette monitor daily telegraph guardian observer "
    "independent review magazine radio tv television broadcasting network online today media insider wire "
    "voice report standard express mail star sun chronicle examiner inquirer bulletin digest weekly english "
    "arabic world international reuters bbc cnn npr pbs abc cbs nbc msnbc politico axios bloomberg vox "
    "newsweek time atlantic hill forbes fortune economist newshour aljazeera jazeera anadolu afp ap upi "
    "al-monitor ynet haaretz i24news dreams truthout intercept democracy hour channel stream sky dw "
    "france24 euronews ndtv dawn nation national star kenya africa asia org com net".split())
_CONNECTORS = frozenset("of the and for on in de la le du al el a an & at to".split())
_DOMAIN = re.compile(r"\w\.(com|org|net|gov|br|uk|co|io|info|news|tv|int|eu|de|fr|ca|au|in|za|il|ps)\b", re.I)
#: The last word(s) of a label before a colon that names a format, not a genre of comment.
_MEDIA_LABELS = frozenset({"updates", "update", "live", "latest", "video", "videos", "watch", "breaking",
                           "exclusive", "news", "live blog", "as it happened", "day", "audio", "listen", "read",
                           "photos", "photo", "pictures", "gallery", "slideshow"})


#: Last words of a topic label before a colon ("Israel-Hamas war:", "Gaza conflict:"): the report follows.
_TOPIC_LABELS = frozenset({"war", "conflict", "crisis", "fighting", "offensive", "invasion"})


def _words(s: str) -> list[str]:
    return re.findall(r"[^\s]+", s)


def _looks_like_outlet(seg: str, line_lower: bool, outlet: str | None) -> bool:
    seg = seg.strip()
    if not seg or len(seg) > 60 or seg[-1] in ".?":
        return False
    if outlet and seg.lower() == outlet.strip().lower():
        return True
    if seg.lower().startswith("welcome to "):
        return True  # a site's own title: "... - Welcome to the United Nations"
    words = _words(seg)
    if not 1 <= len(words) <= 7:
        return False
    if _DOMAIN.search(seg):
        return True
    low = [w.lower().strip("()[]'\"‘’“”,:") for w in words]
    has_outlet_word = any(w in _OUTLET_WORDS or w.removesuffix("'s") in _OUTLET_WORDS for w in low)
    if re.search(r"\d\d", seg) and not has_outlet_word:
        return False  # "| May 24, 2024", "- Day 90"
    if line_lower:  # "- anadolu agency | english", "- barron's": short, and no act in it
        from fulcrum.extract.lexicon.events import NOUNS, VERBS

        return len(words) <= 5 and (has_outlet_word or (len(words) <= 3 and not re.search(r"\d", seg) and not any(
            _stem_in(w, VERBS) or _stem_in(w, NOUNS) for w in low)))
    if not words[0][0].isupper() or not all(
            w[0].isupper() or not w[0].isalpha() or w.lower() in _CONNECTORS for w in words):
        return False  # "- witnesses", "- occupied Palestinian territory": part of the headline
    if has_outlet_word:
        return True
    from fulcrum.extract.lexicon.events import NOUNS, VERBS

    # a Title Case tail with an act in it is a second clause, not a name ("... - Hamas Vows Revenge")
    return not any(_stem_in(w, VERBS) or _stem_in(w, NOUNS) for w in low if w not in _CONNECTORS)


def _stem_in(w: str, table: Container[str]) -> bool:
    return any(c and c in table for c in _stems(w))


def _stems(w: str) -> list[str]:
    w = w.removesuffix("'s").removesuffix("’s")
    out = [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("ed"):
        out += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    return out


def outlet_cut(line: str, outlet: str | None = None) -> int:
    """Where the headline proper ends in ``line``: before an appended outlet name (" - Reuters",
    " - Al Jazeera English", " - BBC.com", " - The Washington Post - The Washington Post"), else
    ``len(line)``.  A Title Case tail that reports an act, or a lower-case tail ("- witnesses"), stays."""
    if len(line) > MAX_HEADLINE_CHARS:
        return len(line)
    letters = [c for c in line if c.isalpha()]
    line_lower = bool(letters) and not any(c.isupper() for c in letters)
    end = len(line.rstrip())
    first = True
    while True:
        seps = list(_SEP.finditer(line, 0, end))
        if not seps:
            return end
        sep = seps[-1]
        seg = line[sep.end():end]
        head = line[:sep.start()]
        if len(_words(head)) < 3 or not _looks_like_outlet(seg, line_lower, outlet):
            return end
        if not first:
            low = seg.lower()
            if not (_DOMAIN.search(seg) or any(w.strip("'’") in _OUTLET_WORDS for w in low.split())
                    or (outlet and low.strip() == outlet.strip().lower())):
                return end  # a second tail must itself name an outlet ("Voice of America - VOA News")
        end = sep.start()
        first = False


def is_media_label(label: str) -> bool:
    """A label before a colon that names a format ("Israel-Hamas war updates", "Video", "Live", "Exclusive",
    "Day 90"), after which the headline reports as usual."""
    low = re.sub(r"[^\w\s&-]", " ", label.lower()).split()
    if not low or len(low) > 8:
        return False
    if low[-1] in _MEDIA_LABELS or " ".join(low[-2:]) in _MEDIA_LABELS:
        return True
    if low[-1] in _TOPIC_LABELS and len(low) <= 4 and not any(w in ("vows", "declares", "wages") for w in low):
        return True  # a topic label: "Israel-Hamas war: ...", "Sudan crisis: ..."
    return len(low) >= 2 and low[-2] == "day" and low[-1].isdigit()  # "War Day 248"


def _semicolon_starts(line: str) -> list[int]:
    """Where a second headline starts after a semicolon ("X strikes Y; Z rejects truce"): a semicolon outside
    quotes with at least two words on each side joins two headlines, each reporting its own act."""
    out: list[int] = []
    depth = 0
    for k, ch in enumerate(line):
        if ch in "‘“" or (ch in "'\"" and (k == 0 or not line[k - 1].isalnum())):
            depth += 1
        elif ch in "’”" or (ch in "'\"" and k > 0 and line[k - 1].isalnum() and (
                k + 1 == len(line) or not line[k + 1].isalnum())):
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0 and k + 1 < len(line) and line[k + 1] == " ":
            nxt = k + 1
            while nxt < len(line) and line[nxt].isspace():
                nxt += 1
            if len(_words(line[:k])) >= 2 and len(_words(line[nxt:])) >= 2:
                out.append(nxt)
    return out


def _trailing_source(line: str) -> int | None:
    """Where a trailing source label starts ("Army unleashed dogs on the wounded: officials", "...: report",
    "...: UN"): one to three words after the last colon of a longer headline, parsed apart so that the report
    before it parses as a clause of its own."""
    k = line.rfind(": ")
    if k < 0:
        return None
    tail = line[k + 2:].strip()
    words = _words(tail)
    if not 1 <= len(words) <= 3 or len(_words(line[:k])) < 4 or tail[-1:] in ".?!" or "'" in tail or "‘" in tail:
        return None
    return k + 2 + (len(line[k + 2:]) - len(line[k + 2:].lstrip()))


def headline_breaks(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Offsets where a sentence must start in ``text`` (after a media label's colon, at an outlet suffix),
    and the (start, end) spans of outlet suffixes, which are no part of any sentence."""
    starts: list[int] = []
    drop: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip() and len(line) <= MAX_HEADLINE_CHARS:
            cut = outlet_cut(line)
            stripped_end = len(line.rstrip())
            if cut < stripped_end:
                seg_start = cut
                while seg_start < stripped_end and (line[seg_start].isspace() or line[seg_start] in "-–—|"):
                    seg_start += 1
                starts.append(pos + seg_start)
                drop.append((pos + cut, pos + stripped_end))
            m = re.match(r"\s*([^:|]{1,80}?)\s*[:|]\s+(?=\S)", line[:cut])
            if m and is_media_label(m.group(1)):
                starts.append(pos + m.end())
            if not line[:cut].rstrip().endswith((".", "!", "?")):  # (a headline; prose keeps its sentences)
                starts.extend(pos + k for k in _semicolon_starts(line[:cut]))
            tail = _trailing_source(line[:cut])
            if tail is not None:
                starts.append(pos + tail)
        pos += len(line) + 1
    return starts, drop


# -- casing -----------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """Lower-case English words: the WordNet lemma lists shipped in the model's lemmatiser tables, spaCy's
    stop words, and our event lexicon."""
    words: set[str] = set()
    try:
        from fulcrum.extract.nlp import load_nlp

        table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        for pos in ("noun", "verb", "adj", "adv"):
            if pos in table:
                words.update(w for w in table[pos] if "_" not in w)
    except Exception:  # pragma: no cover - a model without the tables: our own lists only
        pass
    from spacy.lang.en.stop_words import STOP_WORDS

    from fulcrum.extract.lexicon.events import LIGHT_VERBS, NOUNS, REPORTING_VERBS, VERBS

    words.update(STOP_WORDS)
    words.update(VERBS, NOUNS, LIGHT_VERBS, REPORTING_VERBS)
    return frozenset(words)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Lower-cased name phrase -> the name as written: actor aliases and place names."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from fulcrum.extract.actors import alias_table
    from fulcrum.extract.places import gazetteer

    out: dict[str, str] = {}
    for name in [*alias_table(), *gazetteer().patterns]:
        low = name.lower()
        if len(low) < 2 or low in STOP_WORDS or not any(c.isupper() for c in name):
            continue
        out.setdefault(low, name)
    return out


def _known(word: str) -> bool:
    low = word.lower().replace("’", "'")
    if low.endswith(("n't", "'ll", "'re", "'ve", "'d", "'m")):
        return True
    english = _english()
    return any(s in english for s in _stems(low))


_WORD = re.compile(r"[^\W\d_](?:[\w.'’]*[^\W_])?")


def _line_case(line: str) -> str | None:
    """"title", "lower" or "upper" for a headline line in that casing; None otherwise."""
    letters = [c for c in line if c.isalpha()]
    words = [w for w in _WORD.findall(line) if len(w) >= 4 and not w.isupper()]
    if len(_WORD.findall(line)) < 3 or not letters:
        return None
    if not any(c.isupper() for c in letters):
        return "lower"
    if not any(c.islower() for c in letters):
        return "upper"
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
        return "title"
    return None


def _recase_line(line: str, kind: str) -> str:
    chars = list(line.lower() if kind == "upper" else line)
    base = "".join(chars)
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(base)]
    # split hyphenated compounds into parts: "Israel-Hamas", "Cease-Fire", "U.S.-Built"
    parts: list[tuple[int, int]] = []
    for s, e in tokens:
        k = s
        for piece in re.split(r"(-)", base[s:e]):
            if piece and piece != "-":
                parts.append((k, k + len(piece)))
            k += len(piece)
    names = _names()
    is_name = [False] * len(parts)
    i = 0
    while i < len(parts):  # longest name phrase first (up to four words)
        for n in (4, 3, 2, 1):
            if i + n > len(parts):
                continue
            s, e = parts[i][0], parts[i + n - 1][1]
            phrase = base[s:e]
            key = re.sub(r"['’]s$", "", phrase.lower())
            written = names.get(key)
            if written is None:
                continue
            for j in range(i, i + n):
                is_name[j] = True
            if kind in ("lower", "upper") and len(written) <= e - s:
                for k, ch in enumerate(written):
                    if ch.isupper():
                        chars[s + k] = chars[s + k].upper()
            i += n - 1
            break
        i += 1
    for j, (s, e) in enumerate(parts):
        word = base[s:e]
        prev = base[:s].rstrip()
        if is_name[j]:
            continue
        if kind == "title":
            if not prev:
                continue  # the first word keeps its capital
            if word.isupper() and len(word) >= 2 or any(c.isupper() for c in word[1:]):
                continue  # IDF, U.S., McDonald
            if word[:1].isupper() and _known(word):
                chars[s] = chars[s].lower()
        else:
            if not prev or prev[-1] in ":|":
                chars[s] = chars[s].upper()
            elif len(word) >= 3 and not _known(word) and word.isalpha():
                chars[s] = chars[s].upper()  # a word no list knows: a name ("khuzaa", "sinwar")
    return "".join(chars)


def case_view(text: str) -> str:
    """``text`` with headline lines in Title Case, all lower case or all capitals put in sentence case (same
    length, same offsets); other lines unchanged."""
    out = []
    changed = False
    for line in text.split("\n"):
        kind = _line_case(line) if 0 < len(line) <= MAX_HEADLINE_CHARS else None
        if kind is None:
            out.append(line)
            continue
        new = _recase_line(line, kind)
        if len(new) != len(line):  # pragma: no cover - case mapping that changes length (e.g. "ß")
            out.append(line)
            continue
        changed = changed or new != line
        out.append(new)
    return "\n".join(out) if changed else text
