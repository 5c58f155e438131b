"""Score fulcrum's event coding on our hand-labelled sample of real Gaza-war headlines (developer tool).

    python scripts/gaza_headlines_eval.py [--sample PATH] [--strip-outlet | --both] [--json] [--errors N] [--shared DIR]
    python scripts/gaza_headlines_eval.py [--sample PATH] --draw   # re-draw a sample (prints refs + titles)

tests/data/gaza-headlines-sample.jsonl holds only *references* into ../shared/corpora/gaza-headlines (file,
1-based line, sha1 of the raw title field) and our labels -- never the headline text, which belongs to its
publishers and stays in ../shared.  This script resolves every reference, checks the hash (a changed corpus
is an error naming the record), writes a temporary gold JSONL with "text" filled in and scores it with the
same code as `fulcrum eval` (fulcrum.evaluate.evaluate_file, run in a temporary store).

Text variants: by default the raw title as it appears in the corpus ("… - Reuters" for the Google News
files); `--strip-outlet` drops a trailing " - <outlet>" suffix (the publisher column); `--both` scores both.

The sample: `random.Random(20261125).sample(pool, 200)` where the pool is every line of gaza-news.txt,
googlenews-bbc-gaza.txt and wsj-news-middleeast.txt (in that order) with four TSV fields, an English
headline (see `is_english`) and a headline not already seen earlier in the pool.  Labels follow
../shared/eval/PLOVER-TYPES.md and were written blind (before running fulcrum on the headlines).

A second, independent sample (tests/data/gaza-headlines-sample-b.jsonl, ids GHB-…, `--sample` selects it):
`random.Random(4242).sample(pool', 150)` where pool' is the same pool without every (file, line) of the
first sample.  It was labelled blind and scored once, after the labels were saved: the first sample has
steered development, the second is the unseen measurement -- do not tune on it.

A third, independent sample (tests/data/gaza-headlines-sample-c.jsonl, ids GHC-…, `--sample` selects it):
`random.Random(9090).sample(pool'', 200)` where pool'' is the same pool without every (file, line) of the
first and the second sample.  It too was labelled blind and scored once, after the labels were saved -- a
further unseen measurement; do not tune on it.

A fourth, independent sample (tests/data/gaza-headlines-sample-d.jsonl, ids GHD-…, `--sample` selects it):
`random.Random(31337).sample(pool''', 150)` where pool''' is the same pool without every (file, line) of the
first, the second and the third sample.  It was labelled blind and scored once, after the labels were saved
-- a second honest measure next to the second sample; do not tune on it, and do not inspect its errors.

A seventh, independent sample (tests/data/gaza-headlines-sample-g.jsonl, ids GHG-…, `--sample` selects it):
`random.Random(7272).sample(pool_G, 150)` where pool_G is the same pool without every (file, line) of the
first six samples (A to F).  It was labelled blind and is scored once, after the labels were saved -- a
fresh measure after sample F; do not tune on it, and do not inspect its errors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "data" / "gaza-headlines-sample.jsonl"
DEFAULT_SHARED = REPO.parent / "shared"
CORPUS_SUBDIR = Path("corpora") / "gaza-headlines"
CORPUS_FILES = ("gaza-news.txt", "googlenews-bbc-gaza.txt", "wsj-news-middleeast.txt")
SEED = 20261125
SAMPLE_SIZE = 200
SAMPLE_B = REPO / "tests" / "data" / "gaza-headlines-sample-b.jsonl"
SEED_B = 4242
SAMPLE_B_SIZE = 150
SAMPLE_C = REPO / "tests" / "data" / "gaza-headlines-sample-c.jsonl"
SEED_C = 9090
SAMPLE_C_SIZE = 200
SAMPLE_D = REPO / "tests" / "data" / "gaza-headlines-sample-d.jsonl"
SEED_D = 31337
SAMPLE_D_SIZE = 150
SAMPLE_E = REPO / "tests" / "data" / "gaza-headlines-sample-e.jsonl"
SEED_E = 5150
SAMPLE_E_SIZE = 150
SAMPLE_F = REPO / "tests" / "data" / "gaza-headlines-sample-f.jsonl"
SEED_F = 6161
SAMPLE_F_SIZE = 150
SAMPLE_G = REPO / "tests" / "data" / "gaza-headlines-sample-g.jsonl"
SEED_G = 7272
SAMPLE_G_SIZE = 150


class SampleError(Exception):
    """The sample file or the corpus it points into is not what we expect."""


@dataclass(frozen=True)
class Line:
    file: str
    line: int  # 1-based
    date: str
    outlet: str
    title: str  # the raw title field, exactly as in the file

    @property
    def sha1(self) -> str:
        return title_sha1(self.title)


def title_sha1(title: str) -> str:
    return hashlib.sha1(title.encode("utf-8")).hexdigest()


def strip_outlet(title: str, outlet: str) -> str:
    """The headline proper: the title without a trailing " - <outlet>" (Google News style)."""
    suffix = " - " + outlet
    if outlet and title.endswith(suffix) and len(title) > len(suffix):
        return title[: -len(suffix)].strip()
    return title.strip()


# --- English filter (used only to draw the sample) ---------------------------------------------------------
_EN = set("""the a an of in on at to for with and or but is are was were be been being has have had will would
can could should may might must as by from into onto over under after before about than that this these those
it its his her their them they he she we you i my our your not no new who what why how when where which while
says say said amid against more most up out off if so all any some only just again also still now then there
here very too do does did done get gets got make makes made take takes took one two three first last""".split())
_FOREIGN = set("""le les des du et une una las los por para con del à au aux und der die das mit von zu im dem
den ist nicht auf für não em uma dos das ao ve ile bir için yang dari dan untuk dengan ini itu sun ta ya ke wa
kwa na da ka muri yo oo iyo ku la el en y que se sus ne kuri abubuwan sauran duniya""".split())
_NON_LATIN = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff"
                        "\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]")


def is_english(headline: str) -> bool:
    """A crude, deterministic filter: no non-Latin script, and not dominated by foreign function words."""
    if _NON_LATIN.search(headline):
        return False
    toks = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", headline.lower())
    en = sum(w in _EN for w in toks)
    fo = sum(w in _FOREIGN for w in toks)
    if fo >= 2 and fo > en:
        return False
    return not (en == 0 and fo >= 1 and len(toks) >= 4)


# --- corpus access -----------------------------------------------------------------------------------------
def corpus_dir(shared: Path) -> Path:
    d = shared / CORPUS_SUBDIR
    if not d.is_dir():
        raise SampleError(f"{d} is missing: the Gaza headline sample reads its text from "
                          f"../shared/corpora/gaza-headlines (use --shared DIR to point elsewhere)")
    return d


def read_corpus_file(corpus: Path, name: str) -> dict[int, Line]:
    """Every 4-field TSV line of one headline file, keyed by its 1-based line number."""
    out: dict[int, Line] = {}
    with (corpus / name).open(encoding="utf-8", newline="") as fh:
        for no, raw in enumerate(fh, 1):
            parts = raw.rstrip("\r\n").split("\t")
            if len(parts) == 4:
                out[no] = Line(name, no, parts[0], parts[1], parts[2])
    return out


def build_pool(shared: Path) -> list[Line]:
    """Every candidate line, in corpus order: 4 TSV fields, an English headline, first occurrence only."""
    corpus = corpus_dir(shared)
    pool: list[Line] = []
    seen: set[str] = set()
    for name in CORPUS_FILES:
        for ln in read_corpus_file(corpus, name).values():
            head = strip_outlet(ln.title, ln.outlet)
            if not head or not is_english(head) or head.casefold() in seen:
                continue
            seen.add(head.casefold())
            pool.append(ln)
    return pool


def draw_sample(shared: Path, n: int = SAMPLE_SIZE, seed: int = SEED,
                exclude: frozenset[tuple[str, int]] = frozenset()) -> list[Line]:
    """`n` lines drawn with `random.Random(seed)` from the pool less the (file, line) pairs in `exclude`."""
    pool = [ln for ln in build_pool(shared) if (ln.file, ln.line) not in exclude]
    return random.Random(seed).sample(pool, n)


#: The samples after the first, in the order they were drawn: (path, seed, size).  Each is drawn from the pool
#: less every line of the samples before it (the first sample is `draw_sample` with its defaults).
LATER_SAMPLES: tuple[tuple[Path, int, int], ...] = (
    (SAMPLE_B, SEED_B, SAMPLE_B_SIZE), (SAMPLE_C, SEED_C, SAMPLE_C_SIZE), (SAMPLE_D, SEED_D, SAMPLE_D_SIZE),
    (SAMPLE_E, SEED_E, SAMPLE_E_SIZE), (SAMPLE_F, SEED_F, SAMPLE_F_SIZE),
    (SAMPLE_G, SEED_G, SAMPLE_G_SIZE))


def draw_later_sample(shared: Path, path: Path) -> list[Line]:
    """The seeded draw of a later sample: none of its lines is in any sample drawn before it (by file and
    line)."""
    earlier_paths = [SAMPLE]
    for p, seed, size in LATER_SAMPLES:
        if p == path:
            earlier = frozenset((r["ref"]["file"], int(r["ref"]["line"]))
                                for q in earlier_paths for r in load_sample(q))
            return draw_sample(shared, size, seed, exclude=earlier)
        earlier_paths.append(p)
    raise SampleError(f"{path} is not one of the drawn samples")


def load_sample(path: Path = SAMPLE) -> list[dict[str, Any]]:
    recs = []
    with path.open(encoding="utf-8") as fh:
        for no, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise SampleError(f"{path}:{no}: not JSON ({exc})") from None
            if "text" in rec:
                raise SampleError(f"{path}:{no} ({rec.get('id')}): the sample must not carry corpus text")
            for key in ("id", "ref", "events"):
                if key not in rec:
                    raise SampleError(f"{path}:{no}: missing {key!r}")
            recs.append(rec)
    return recs


def resolve(records: list[dict[str, Any]], shared: Path) -> list[tuple[dict[str, Any], Line]]:
    """Pair each sample record with its corpus line; raise naming the record if a ref or hash fails."""
    corpus = corpus_dir(shared)
    files: dict[str, dict[int, Line]] = {}
    out = []
    problems = []
    for rec in records:
        ref = rec["ref"]
        name = ref.get("file")
        if name not in CORPUS_FILES:
            problems.append(f"{rec['id']}: unknown corpus file {name!r}")
            continue
        if name not in files:
            if not (corpus / name).is_file():
                raise SampleError(f"{corpus / name} is missing (needed by {rec['id']})")
            files[name] = read_corpus_file(corpus, name)
        ln = files[name].get(int(ref.get("line", 0)))
        if ln is None:
            problems.append(f"{rec['id']}: {name} line {ref.get('line')} is not a headline line")
        elif ln.sha1 != ref.get("sha1"):
            problems.append(f"{rec['id']}: {name} line {ref['line']} changed (sha1 {ln.sha1} != {ref.get('sha1')}); "
                            "the corpus was edited -- re-check this record")
        else:
            out.append((rec, ln))
    if problems:
        raise SampleError("the Gaza headline sample no longer matches the corpus:\n  " + "\n  ".join(problems))
    return out


def gold_records(pairs: list[tuple[dict[str, Any], Line]], *, strip: bool) -> list[dict[str, Any]]:
    gold = []
    for rec, ln in pairs:
        text = strip_outlet(ln.title, ln.outlet) if strip else ln.title
        gold.append({"id": rec["id"], "text": text, "published": rec.get("published"),
                     "events": rec["events"]})
    return gold


def run_eval(gold: list[dict[str, Any]], errors: int) -> dict[str, Any]:
    from fulcrum.evaluate import evaluate_file

    with tempfile.TemporaryDirectory(prefix="gaza-headlines-") as tmp:
        path = Path(tmp) / "gold.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for g in gold:
                fh.write(json.dumps(g) + "\n")
        scores, _ = evaluate_file(path)
    res = scores.to_dict()
    if errors:
        res["misses"] = scores.misses[:errors]
        res["false_alarms"] = scores.false_alarms[:errors]
    return res


def _fmt(v: Any) -> str:
    return "  n/a" if v is None else f"{v:.3f}"


def summary_line(label: str, res: dict[str, Any]) -> str:
    m = res["micro"]
    return (f"{label:8s} records={res['records']}  micro P/R/F1={m['p']:.3f}/{m['r']:.3f}/{m['f1']:.3f}  "
            f"macro-F1={_fmt(res['macro_f1'])}  no-event={_fmt(res['empty_acc'])} "
            f"(n={res['counts']['empty']})  source-F1={_fmt(res['source_f1'])}  target-F1={_fmt(res['target_f1'])}  "
            f"source+sector={_fmt(res['source_sector_f1'])}  target+sector={_fmt(res['target_sector_f1'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=Path, default=SAMPLE, help="the labelled sample (refs + events)")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default ../shared)")
    var = ap.add_mutually_exclusive_group()
    var.add_argument("--strip-outlet", action="store_true", help='score the headline without " - <outlet>"')
    var.add_argument("--both", action="store_true", help="score the raw title and the stripped headline")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="show the N worst misses and false alarms")
    ap.add_argument("--write-gold", type=Path, metavar="PATH",
                    help="also write the resolved gold JSONL here (keep it OUTSIDE the repository)")
    ap.add_argument("--draw", action="store_true", help="print the drawn sample (id, file, line, sha1, date, title)")
    args = ap.parse_args(argv)

    try:
        if args.draw:
            chosen = args.sample.resolve()
            prefixes = {SAMPLE_B: "GHB", SAMPLE_C: "GHC", SAMPLE_D: "GHD", SAMPLE_E: "GHE", SAMPLE_F: "GHF",
                        SAMPLE_G: "GHG"}
            later = next((p for p in prefixes if p.resolve() == chosen), None)
            if later is not None:
                drawn, prefix = draw_later_sample(args.shared, later), prefixes[later]
            else:
                drawn, prefix = draw_sample(args.shared), "GH"
            for i, ln in enumerate(drawn, 1):
                print(f"{prefix}-{i:03d}\t{ln.file}\t{ln.line}\t{ln.sha1}\t{ln.date}\t{ln.title}")
            return 0
        pairs = resolve(load_sample(args.sample), args.shared)
    except SampleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    variants = [("raw", False), ("stripped", True)] if args.both else \
        [("stripped", True)] if args.strip_outlet else [("raw", False)]
    if args.write_gold:
        if args.write_gold.resolve().is_relative_to(REPO):
            print("error: --write-gold must point outside the repository (the text is not ours)", file=sys.stderr)
            return 2
        with args.write_gold.open("w", encoding="utf-8") as fh:
            for g in gold_records(pairs, strip=variants[-1][1]):
                fh.write(json.dumps(g) + "\n")

    results = {}
    for label, strip in variants:
        results[label] = run_eval(gold_records(pairs, strip=strip), args.errors)
    if args.json:
        print(json.dumps(results if len(results) > 1 else next(iter(results.values()))))
        return 0
    from rich.console import Console

    from fulcrum.show import render_scores

    console = Console(highlight=False)
    for label, res in results.items():
        console.rule(f"Gaza headline sample -- {label} text")
        render_scores(res, console)
    print()
    for label, res in results.items():
        print(summary_line(label, res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
