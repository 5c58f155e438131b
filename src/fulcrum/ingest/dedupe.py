"""Near-duplicate articles: MinHash signatures over word 5-shingles, indexed by MinHash LSH.

Exact duplicates are the store's business (same content-hash id); this finds *near* duplicates -- the
same wire story with a changed sentence or a different byline -- estimated Jaccard similarity of the
shingle sets >= ``threshold`` (0.8).  Text is normalised before shingling (NFC, case-folded, words only),
so punctuation and white space do not matter.  A text shorter than one shingle is one shingle of all its
words; a text with no words is never indexed nor matched.

The index rebuilds from ``(article_id, text)`` pairs (:meth:`NearDuplicateIndex.from_pairs`), from
stored per-article signatures (:meth:`~NearDuplicateIndex.from_signatures`, with
:meth:`~NearDuplicateIndex.signature_bytes` to store them), or from :meth:`~NearDuplicateIndex.to_bytes`.
No pickle is involved: the bytes are a small JSON header and raw hash values.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from fulcrum.errors import InvalidParameter
from fulcrum.model import normalise_text

__all__ = ["NearDuplicateIndex", "shingles"]

_WORD = re.compile(r"\w+")
_MAGIC = b"FULCRUM-NDI1\n"
_SIG_MAGIC = b"FM1"
# datasketch >= 2 hashes with a named scheme and wants it stated when rebuilding from hash values.
_HAS_SCHEME = "scheme" in inspect.signature(MinHash.__init__).parameters
_SCHEME = "affine32" if _HAS_SCHEME else "legacy"
_DTYPES = {"affine32": "<u4", "affine64": "<u8", "legacy": "<u8"}
_SCHEME_CODE = {"affine32": b"a", "affine64": b"b", "legacy": b"l"}


def shingles(text: str, size: int = 5) -> set[str]:
    """The word ``size``-shingles of the normalised, case-folded text."""
    words = _WORD.findall(normalise_text(text).casefold())
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Which earlier article is a near duplicate of a text?

    >>> index = NearDuplicateIndex()
    >>> index.add("a1", text)
    >>> index.query(other_text)   # -> "a1" or None
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle_size: int = 5, seed: int = 1) -> None:
        if not 0.0 < threshold <= 1.0:
            raise InvalidParameter("threshold", "NearDuplicateIndex", "a float in (0, 1]", threshold)
        if not isinstance(num_perm, int) or num_perm < 16:
            raise InvalidParameter("num_perm", "NearDuplicateIndex", "an int >= 16", num_perm)
        if not isinstance(shingle_size, int) or shingle_size < 1:
            raise InvalidParameter("shingle_size", "NearDuplicateIndex", "an int >= 1", shingle_size)
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.seed = seed
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}
        self._empty = self._minhash(set())

    # -- signatures ---------------------------------------------------------------------------
    def _minhash(self, items: set[str]) -> LeanMinHash:
        kw: dict[str, Any] = {"scheme": _SCHEME} if _HAS_SCHEME else {}
        m = MinHash(num_perm=self.num_perm, seed=self.seed, **kw)
        if items:
            m.update_batch([s.encode("utf-8") for s in sorted(items)])
        return LeanMinHash(m)

    def signature(self, text: str) -> LeanMinHash:
        """The MinHash signature of a text."""
        return self._minhash(shingles(text, self.shingle_size))

    def _is_empty(self, sig: LeanMinHash) -> bool:
        return bool(np.array_equal(sig.hashvalues, self._empty.hashvalues))

    def signature_bytes(self, sig: LeanMinHash) -> bytes:
        """A signature as bytes for storage (read back by :meth:`signature_from_bytes`)."""
        return _SIG_MAGIC + _SCHEME_CODE[_SCHEME] + np.asarray(sig.hashvalues).astype(_DTYPES[_SCHEME]).tobytes()

    def signature_from_bytes(self, data: bytes) -> LeanMinHash:
        if not data.startswith(_SIG_MAGIC) or len(data) < 4:
            raise ValueError("not a fulcrum MinHash signature")
        scheme = {v: k for k, v in _SCHEME_CODE.items()}.get(data[3:4])
        if scheme != _SCHEME:
            raise ValueError(f"signature made with MinHash scheme {scheme!r}, this index uses {_SCHEME!r}; "
                             "rebuild the index from the texts")
        values = np.frombuffer(data[4:], dtype=_DTYPES[scheme]).copy()
        if len(values) != self.num_perm:
            raise ValueError(f"signature has {len(values)} hash values, the index uses {self.num_perm}")
        return self._lean(values)

    def _lean(self, values: np.ndarray) -> LeanMinHash:
        kw: dict[str, Any] = {"scheme": _SCHEME} if _HAS_SCHEME else {}
        return LeanMinHash(seed=self.seed, hashvalues=values, **kw)

    # -- index --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sigs

    def add_signature(self, article_id: str, sig: LeanMinHash) -> bool:
        """Index a signature; ``False`` (and nothing done) for a known id or a text with no words."""
        if article_id in self._sigs or self._is_empty(sig):
            return False
        self._lsh.insert(article_id, sig)
        self._sigs[article_id] = sig
        self._order[article_id] = len(self._order)
        return True

    def add(self, article_id: str, text: str) -> bool:
        """Index an article's text; adding a known id again does nothing."""
        if article_id in self._sigs:
            return False
        return self.add_signature(article_id, self.signature(text))

    def query_signature(self, sig: LeanMinHash) -> str | None:
        if self._is_empty(sig) or not self._sigs:
            return None
        best: tuple[float, int, str] | None = None
        for cand in self._lsh.query(sig):
            sim = float(sig.jaccard(self._sigs[cand]))
            if sim >= self.threshold:
                key = (-sim, self._order[cand], cand)
                if best is None or key < best:
                    best = key
        return None if best is None else best[2]

    def query(self, text: str) -> str | None:
        """The id of the most similar indexed article at or above the threshold, or ``None``."""
        return self.query_signature(self.signature(text))

    def check_and_add(self, article_id: str, text: str) -> str | None:
        """:meth:`query`, then :meth:`add`: the near-duplicate original of a new article, if any."""
        sig = self.signature(text)
        original = self.query_signature(sig)
        self.add_signature(article_id, sig)
        return original if original != article_id else None

    # -- rebuilding -----------------------------------------------------------------------------
    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]], **params: Any) -> NearDuplicateIndex:
        """An index of ``(article_id, text)`` pairs, in order."""
        index = cls(**params)
        for article_id, text in pairs:
            index.add(article_id, text)
        return index

    @classmethod
    def from_signatures(cls, pairs: Iterable[tuple[str, bytes]], **params: Any) -> NearDuplicateIndex:
        """An index of ``(article_id, signature_bytes)`` pairs as stored by the store."""
        index = cls(**params)
        for article_id, data in pairs:
            index.add_signature(article_id, index.signature_from_bytes(bytes(data)))
        return index

    def to_bytes(self) -> bytes:
        header = {"threshold": self.threshold, "num_perm": self.num_perm, "shingle_size": self.shingle_size,
                  "seed": self.seed, "scheme": _SCHEME, "ids": list(self._sigs)}
        values = np.array([s.hashvalues for s in self._sigs.values()], dtype=np.uint64).reshape(-1, self.num_perm)
        return _MAGIC + json.dumps(header).encode("utf-8") + b"\n" + values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> NearDuplicateIndex:
        if not data.startswith(_MAGIC):
            raise ValueError("not a serialised NearDuplicateIndex")
        head, _, body = data[len(_MAGIC):].partition(b"\n")
        header = json.loads(head)
        if header.get("scheme") != _SCHEME:
            raise ValueError(f"index made with MinHash scheme {header.get('scheme')!r}, this datasketch uses "
                             f"{_SCHEME!r}; rebuild it from the texts with from_pairs")
        index = cls(threshold=header["threshold"], num_perm=header["num_perm"],
                    shingle_size=header["shingle_size"], seed=header["seed"])
        values = np.frombuffer(body, dtype="<u8").reshape(-1, index.num_perm) if body else np.zeros((0, 0))
        if len(values) != len(header["ids"]):
            raise ValueError("serialised index is truncated")
        for article_id, row in zip(header["ids"], values, strict=True):
            index.add_signature(article_id, index._lean(row.copy()))
        return index
