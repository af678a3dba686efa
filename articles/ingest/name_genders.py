"""Whether a given name is a man's or a woman's, from gender-guesser's dictionary of first names (issue 13.2).

pronouns.py reads it as the weakest evidence of a person's gender, after a title ("Mrs.") and a kinship word
("his wife"): "“…,” she said" after "Rebecca Voss criticised Scott Lund" means Rebecca Voss. Only names the
dictionary gives one gender in every country count ("Scott", "Rebecca"); names it marks as mostly one, as
both, or as one in some countries and the other elsewhere ("Andrea", "Jordan", "Kim") give none; a name it marks as
one gender when it is the first name ("Mary": "1F") counts as that one.

The dictionary (~37,000 names) is read once per process, when a pronoun first needs it: ~0.08 s.
"""

from __future__ import annotations

import threading
from pathlib import Path

_genders: dict[str, str] | None = None
_lock = threading.Lock()


def gender_of(given_name: str) -> str:
    """ "m", "f", or "" (unknown, or not always the same), for a given name in any case. A compound given name the
    dictionary lacks takes its first part's ("Paul-Émile", "Anne-Sophie"), and French "Jean-" is a man's ("Jean-Marc",
    "Jean-Marie": alone, "Jean" is a woman's name in English-speaking countries)."""
    genders = _genders if _genders is not None else load()
    low = given_name.lower()
    found = genders.get(low, "")
    if found or "-" not in low:
        return found
    first = low.partition("-")[0]
    return "m" if first == "jean" else genders.get(first, "")


def load() -> dict[str, str]:
    """The dictionary, read on first use; an ingest reads it before forking its extraction workers, which then
    share it instead of each reading it again (~0.08 s of CPU a worker, ~0.04 ms an article of a 4,000-article run)."""
    global _genders
    if _genders is None:
        with _lock:
            if _genders is None:
                _genders = _read()
    return _genders


def _read() -> dict[str, str]:
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    found: dict[str, str] = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 30:
                continue  # comments, and lines saying two spellings are the same name
            code, name = line[:2].strip(), line[3:29].strip().lower()
            # "1M", "1F": a man's, a woman's name as a first name (mostly so only as a second: "Mary", "Jean-Mary");
            # "?M", "?F", "?": mostly one, or both
            gender = "m" if code in ("M", "1M") else "f" if code in ("F", "1F") else "?"
            found[name] = gender if found.get(name, gender) == gender else "?"
    return {name: gender for name, gender in found.items() if gender != "?"}
