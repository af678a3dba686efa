"""Wire copies (issue 14.3): the same story published by several outlets, found by near-duplicate text.

An article's text is cut into shingles (every run of SHINGLE words, lower case, punctuation dropped; the
headline is not part of it, outlets rewrite it), and its MinHash signature (BINS minimums) is folded into
BANDS band values of ROWS minimums each: the LSH bands stored in Article.wire_bands (GIN index
article_wire_bands_gin). Articles sharing a band are candidates, found for a whole batch in one indexed
query (archive.find_groups()); a candidate is a copy when the Jaccard similarity of the two shingle
sets, computed exactly from the texts, is at least SAME_STORY.

Why these numbers: a copy lightly edited (a paragraph added or cut, another footer) keeps 0.6-0.9 of its
shingles; two stories of one outlet sharing its boilerplate keep under 0.3. With 20 bands of 3, a pair is a
candidate with probability 1-(1-J^3)^20: 0.93 at J=0.5, 0.99 at 0.6, 0.15 at 0.2 (those are compared and
dropped), ~0 for unrelated texts. Stored, the bands cost 20 GIN entries an article.

Computed here rather than with datasketch (2.0.0, maintained): its MinHash hashes each shingle with sha1
in Python, 60 permutations as a matrix, and importing it loads scipy (2.1 s; a 35 MB wheel) for the LSH
classes, whose storage (memory, Redis, Cassandra) is not our database. On the bench's texts it cost
2.7-4.4 ms an article, this 0.3 ms (on a loaded 2-core machine): words hashed once (crc32, remembered
per process), shingles combined as numpy vectors, one hash a shingle (one-permutation hashing).
"""

from __future__ import annotations

import zlib

import numpy as np

SHINGLE = 4  # words in a shingle
BANDS = 20
ROWS = 3
BINS = BANDS * ROWS  # minimums in a signature
SAME_STORY = 0.5  # Jaccard similarity of the shingle sets at or above which two texts are one story
# Texts with fewer shingles get no bands: a brief of two sentences would be "the same story" as any
# other brief sharing a stock phrase.
MIN_SHINGLES = 25

# Words are runs of anything but spaces and punctuation: outlets restyle quotation marks and dashes.
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’„«»—–-/…*#|<>"
# Each word's hash, kept per process (a dictionary look-up costs a third of crc32 called from Python).
_word_ids: dict[str, int] = {}
_WORD_IDS_MAX = 200_000
_POSITION = [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5][:SHINGLE]
_MIX = np.uint64(0xFF51AFD7ED558CCD)
# Bin j holds the shingle hashes in [_EDGES[j], _EDGES[j + 1]).
_EDGES = np.array([(2**64 * j) // BINS for j in range(1, BINS)], dtype=np.uint64)
_EMPTY = 2**64 - 1
_BAND_SALT = [(b + 1) * 0x9E3779B97F4A7C15 % 2**64 for b in range(BANDS)]


def words(text: str, lowered: str | None = None) -> list[str]:
    r"""The runs of anything but spaces (str.isspace) and _PUNCTUATION, lower case: each mark present replaced by a
    space, then str.split. Half the time of a regular expression's findall of [^\s<marks>]+, which finds the same runs
    (its \s is str.isspace too), and a quarter of str.translate's to spaces and split. lowered: text.lower(), when the
    caller has it."""
    text = text.lower() if lowered is None else lowered
    for mark in _PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    return text.split()


def shingles(text: str) -> np.ndarray:
    """The text's shingles, each as its 64-bit hash, sorted and without repeats: what similarity() compares.
    Hashes, not the word tuples: building ~450 tuples a text and their sets was most of what grouping cost
    ingest (5 of 12 s for 4,000 articles in the bench); two shingles sharing a hash by chance are as
    likely as two random 64-bit values being equal."""
    values = _shingle_hashes(words(text))
    values.sort()
    return _without_repeats(values)


def _without_repeats(values: np.ndarray) -> np.ndarray:
    """Sorted values without repeats, by comparing neighbours: np.unique (a hash table, then a sort) took
    58 us a bench text, this 10 us."""
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def similarity(a: str | np.ndarray, b: str | np.ndarray) -> float:
    """Jaccard similarity of two texts' shingle sets (or of the sets, given by shingles()), 0..1."""
    a = shingles(a) if isinstance(a, str) else a
    b = shingles(b) if isinstance(b, str) else b
    if not len(a) or not len(b):
        return 0.0
    # Both are sorted and without repeats, so a value both hold sits next to itself once they are merged: a
    # stable sort of the two runs merges them in one pass (np.intersect1d sorts them afresh: 15 us a bench pair
    # against 3.4; the process storing a batch compares ~3 pairs an article).
    merged = np.concatenate((a, b))
    merged.sort(kind="stable")
    common = int(np.count_nonzero(merged[1:] == merged[:-1]))
    return common / (len(a) + len(b) - common)


def _shingle_hashes(w: list[str]) -> np.ndarray:
    """One hash for each run of SHINGLE words (the words hashed once, combined as numpy vectors)."""
    n = len(w) - SHINGLE + 1
    if n < 1:
        return np.empty(0, dtype=np.uint64)
    if len(_word_ids) > _WORD_IDS_MAX:
        _word_ids.clear()
    # (the words not seen yet hashed first, so the rest is C: a comprehension testing each word cost more)
    for new in set(w).difference(_word_ids):
        _word_ids[new] = zlib.crc32(new.encode()) + 1
    ids = np.fromiter(map(_word_ids.__getitem__, w), dtype=np.uint64, count=len(w))
    with np.errstate(over="ignore"):  # wrap-around is the point
        values = ids[:n] * np.uint64(_POSITION[0])
        for k in range(1, SHINGLE):
            values ^= ids[k : k + n] * np.uint64(_POSITION[k])
        values *= _MIX  # spread over the whole range, which the bins cut evenly
        values ^= values >> np.uint64(31)
        values *= _MIX
    return values


def bands(text: str) -> list[int]:
    """The LSH band values of `text` (signed 64-bit, as a bigint column holds them); [] for a text too
    short to compare (under MIN_SHINGLES shingles).

    One-permutation MinHash (Li, Owen and Zhang, 2012): each shingle is hashed once, the hash space is
    cut into BINS ranges, and a bin's minimum is the smallest hash falling in it, read off the sorted
    hashes; an empty bin borrows the next bin's minimum (rotation, Shrivastava 2017). Two texts have
    the same minimum in a bin with probability their Jaccard similarity, as with BINS permutations,
    for one hash a shingle instead of BINS."""
    return signature(text)[0]


def signature(text: str, lowered: str | None = None) -> tuple[list[int], np.ndarray | None]:
    """bands(text) and shingles(text) from one pass over the text (the extraction workers compute both, so the
    process storing the batch compares new articles without shingling them again); the shingles are None
    for a text too short to have bands (nothing finds it to compare). lowered: text.lower(), when the caller has it."""
    w = words(text, lowered)
    n = len(w) - SHINGLE + 1
    if n < MIN_SHINGLES:
        return [], None
    values = _shingle_hashes(w)
    values.sort()
    return _bands(values, n), _without_repeats(values)


def _bands(values: np.ndarray, n: int) -> list[int]:
    """The band values of a text's n sorted shingle hashes (repeats kept)."""
    firsts = np.searchsorted(values, _EDGES).tolist()
    starts, ends = [0, *firsts], [*firsts, n]
    # (a bin's first value read for all bins at once, an empty bin's replaced below: one numpy scalar a bin cost more)
    lows = values[np.minimum(starts, n - 1)].tolist()
    minimums = [low if s < e else _EMPTY for low, s, e in zip(lows, starts, ends, strict=True)]
    if _EMPTY in minimums:
        own = list(minimums)
        for j in range(BINS):
            if own[j] == _EMPTY:
                step = 1
                while own[(j + step) % BINS] == _EMPTY:
                    step += 1
                minimums[j] = (own[(j + step) % BINS] + step * 0x9E3779B97F4A7C15) % 2**64
    result = []
    for b in range(BANDS):
        m0, m1, m2 = minimums[b * ROWS : b * ROWS + ROWS]
        # The band's three minimums as one value (odd multiplications are bijective modulo 2^64, so
        # bands differing in a minimum collide only by chance), salted by the band's number.
        # (modulo 2^64 as a mask, the same for these non-negative values: % divided big integers)
        folded = (((m0 * 0xFF51AFD7ED558CCD & _EMPTY) ^ m1) * 0xC4CEB9FE1A85EC53 & _EMPTY) ^ m2 ^ _BAND_SALT[b]
        result.append(folded - 2**64 if folded >= 2**63 else folded)
    return result


def copy_literal(values: list[int] | None) -> str | None:
    """Band values as a PostgreSQL array literal (COPY's text format), None for NULL."""
    return None if values is None else "{" + ",".join(map(str, values)) + "}"
