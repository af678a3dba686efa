"""An article's language: its ISO 639-1 code ("en", "de", "fr"), or "" when it can't be told.

Detected by py3langid (a maintained fork of langid.py: a naive Bayes model over byte n-grams for 97
languages, shipped inside the package, nothing fetched at run time). The model is read once per
process (~100 MB; `load()` in a parent before forking workers shares it). The package's file is
xz-compressed and takes ~0.5 s to read, half an ingest of 1,000 articles; so the first process to
read it keeps the loaded classifier, pickled, in var/cache/ (git-ignored, ~100 MB, named after the
package's version), which later processes read in ~0.1 s. A cache that can't be written or read is
left alone: the package's file is read instead. Only the headline and the opening of the body are
classified: SAMPLE characters classify all our evaluation articles as the whole text does, at
~0.15 ms an article against ~0.65 ms for the whole of a 450-word one; an opening too unsure to tell
is read further (FURTHER characters).

A text with fewer than MIN_LETTERS letters, a classification less sure than MIN_CONFIDENCE, or a
language without a two-letter code gives "": unknown, which the extractor reads as the site's main
language.

The model's table of feature weights ships as float16; each classification picks its features' rows and
numpy widened them to float32 one value at a time (in software: ~0.7 M instructions an article, 4% of an
extraction worker's). The cache keeps the table widened once (float32: the same values, and the same
products: every detection of the dump's 10,000 samples scored bit for bit alike), 97 MB instead of 69;
reading it costs a few hundredths of a second more once per process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import threading
from importlib.metadata import version
from pathlib import Path

import numpy as np
from django.conf import settings
from django.utils.translation import get_language_info

SAMPLE = 300  # characters of the body read after the headline
FURTHER = 3000  # read when the opening is too unsure to tell (a list of names, places and figures)
MIN_LETTERS = 20  # fewer letters: too short to tell
MIN_CONFIDENCE = 0.9  # the model's probability (normalised) of its best language

# Varieties the model tells apart whose language has one ISO 639-1 code: the macrolanguage's.
MACROLANGUAGES = {"ary": "ar", "arz": "ar", "wuu": "zh", "yue": "zh", "uzs": "uz", "gug": "gn", "sdh": "ku"}

_identifier = None
_lock = threading.Lock()


def load():
    """The classifier, read on first use: from the cache, else from the package's model file."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                _identifier = _from_cache() or _from_package()
    return _identifier


def cache_path() -> Path:
    # ("-float32": the table widened, see the module's note; a cache of the float16 table is read no more)
    return Path(settings.BASE_DIR) / "var" / "cache" / f"py3langid-{version('py3langid')}-float32.pickle"


def _from_package():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # (see the module's note; the model's full table, which set_languages() reads, is the widened one too: kept
    # as shipped it would be a second, float16 copy in the cache and in memory)
    identifier.nb_ptc = identifier.nb_ptc.astype(np.float32)
    identifier._full_model = (identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes)
    path = cache_path()
    with contextlib.suppress(OSError):  # a read-only deployment: no cache, the next process reads the package
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".language-", delete=False) as out:
            pickle.dump(identifier, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)  # whole or not at all, also with two ingests at once
    return identifier


def _from_cache():
    """The classifier this project's own process pickled (see the module's note), or None."""
    try:
        with open(cache_path(), "rb") as cached:
            identifier = pickle.load(cached)  # noqa: S301 - written by this project, in its own var/
    except Exception:  # noqa: BLE001 - missing, cut short or from another version: read the package
        return None
    return identifier if hasattr(identifier, "classify") else None


def sample(headline: str, body_text: str, length: int = SAMPLE) -> str:
    """What the detector reads: the headline and the body's first `length` characters, cut at a space."""
    body = body_text[:length]
    if len(body_text) > length and " " in body:
        body = body.rsplit(None, 1)[0]
    return f"{headline}\n{body}" if headline else body


def detect(headline: str, body_text: str) -> str:
    """The ISO 639-1 code of the language an article is written in, or "" when unknown."""
    text = sample(headline, body_text)
    if sum(map(str.isalpha, text)) < MIN_LETTERS:
        return ""
    label, confidence = load().classify(text)
    if confidence < MIN_CONFIDENCE and len(body_text) > SAMPLE:
        # An opening of names, places and figures: the prose after it tells (8 of the 990 real pages of
        # trafilatura's tests were unknown from their opening and told from their first 3,000 characters).
        label, confidence = load().classify(sample(headline, body_text, FURTHER))
    if confidence < MIN_CONFIDENCE:
        return ""
    code = MACROLANGUAGES.get(label, label)
    return code if len(code) == 2 and code.isalpha() else ""


def main_language() -> str:
    """The site's own language (LANGUAGE_CODE's first part: "en" for "en-gb")."""
    return settings.LANGUAGE_CODE.split("-")[0].lower()


def language_name(code: str) -> str:
    """ "German" for "de"; the code itself for a language Django has no name for; "" for ""."""
    if not code:
        return ""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code
