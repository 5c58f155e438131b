"""Near-duplicate detection with MinHash LSH."""

from __future__ import annotations

import pytest

from fulcrum.errors import InvalidParameter
from fulcrum.ingest.dedupe import NearDuplicateIndex, shingles

STORY = ("Rescue workers pulled four people alive from the rubble of a collapsed apartment block in the "
         "northern district on Thursday, the civil defence service said, adding that the search for at "
         "least eleven missing residents would continue through the night despite heavy rain and "
         "repeated power cuts across the city. Neighbours said the building, which had five storeys and "
         "about forty flats, had been damaged in an earlier strike and was known to be unsafe, but that "
         "families had nowhere else to go after the shelters in the district filled up last month.")
EDITED = STORY.replace("heavy rain", "heavy, cold rain")  # a wire copy with one word changed
OTHER = ("The central bank kept its main interest rate unchanged at its monthly meeting, citing easing "
         "inflation and a weaker currency, and said it would review the decision in the spring.")


def test_near_duplicate_found_and_unrelated_not():
    index = NearDuplicateIndex()
    assert index.add("a1", STORY) is True
    index.add("b1", OTHER)
    assert index.query(EDITED) == "a1"
    assert index.query(STORY.upper() + "  ") == "a1"  # case and white space do not matter
    assert index.query("A completely different report about a football match ending in a draw.") is None
    assert len(index) == 2 and "a1" in index


def test_add_is_idempotent_and_empty_texts_are_ignored():
    index = NearDuplicateIndex()
    index.add("a1", STORY)
    assert index.add("a1", STORY) is False
    assert index.add("e", "  ...  ") is False
    assert index.query("") is None and len(index) == 1


def test_check_and_add_returns_the_original():
    index = NearDuplicateIndex()
    assert index.check_and_add("a1", STORY) is None
    assert index.check_and_add("a2", EDITED) == "a1"
    assert index.check_and_add("a1", STORY) is None  # itself is not its own original


def test_round_trips():
    index = NearDuplicateIndex.from_pairs([("a1", STORY), ("b1", OTHER)])
    again = NearDuplicateIndex.from_bytes(index.to_bytes())
    assert len(again) == 2 and again.query(EDITED) == "a1"
    sigs = [("a1", index.signature_bytes(index.signature(STORY)))]
    rebuilt = NearDuplicateIndex.from_signatures(sigs)
    assert rebuilt.query(EDITED) == "a1"
    assert NearDuplicateIndex.from_bytes(NearDuplicateIndex().to_bytes()).query(STORY) is None
    with pytest.raises(ValueError):
        NearDuplicateIndex.from_bytes(b"not an index")


def test_shingles_and_parameters():
    assert shingles("One, two; THREE.") == {"one two three"}
    assert len(shingles("a b c d e f g")) == 3
    with pytest.raises(InvalidParameter):
        NearDuplicateIndex(threshold=1.5)
