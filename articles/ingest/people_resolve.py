"""Resolution (pass 3 of the people finder, people.py): which mentions are one person, a surname alone, a
longer or shorter form of a full name, other initials, a spelling one letter off, a surname with a particle
("Le Goff" of "Annick Le Goff"); and a pageant's title that is no person ("Miss Universe"). Imports people_state
only."""

from __future__ import annotations

from . import name_data
from .name_genders import gender_of
from .people_state import (
    _Candidate,
    _name_key,
    _surname,
    fold,
)
from .people_words import (
    PAGEANT_TITLES,
    PARTICLES,
)


def _one_letter_off(a: str, b: str) -> bool:
    """Edit distance 1 (incl. one transposition) on words of six letters or more: a typo, not another name."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _tail_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two words or more that end the other, longer name: "Mr. Peña Nieto" of "Enrique Peña Nieto", "Wasserman
    Schultz" of "Debbie Wasserman Schultz" (a double surname without the given name)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return 1 < len(short) < len(long_) and long_[-len(short) :] == short


def _initials(tokens: tuple[str, ...]) -> str:
    """The middle initials of a name as written, letters only: "H.W." of "George H.W. Bush", "" for none."""
    return "".join(t.replace(".", "") for t in tokens[1:-1] if t.endswith(".") and t.replace(".", "").isupper())


def _other_initials(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names that both write middle initials, and not the same ones, are two people: "George H.W. Bush" and
    "George W. Bush", a father and a son (a name without initials may be either, and stays with the first)."""
    x, y = _initials(a), _initials(b)
    return bool(x and y and x != y)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same first and last word (middle names/initials may differ), the same first word and the last one's initial,
    or a one-letter typo in one word."""
    if a[0] == b[0] and a[-1] == b[-1]:
        return True
    if len(a) != len(b):
        return False
    if a[0] == b[0] and min(len(a[-1]), len(b[-1])) == 1 and a[-1][:1] == b[-1][:1]:
        return True  # "Alicia M" (a tweet cut short) of "Alicia Machado": the surname's initial
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    # Only one word may differ, and only by one letter: "Vladmir"/"Vladimir", never "Mira"/"Mara".
    return len(diffs) == 1 and _one_letter_off(*diffs[0])


def _pageant(c: _Candidate, lang: str) -> bool:
    """ "Miss Universe", "Miss Manners": a courtesy title before a word that is neither a given name nor a surname the
    lists know names a pageant's title or a persona, no person."""
    if lang or len(c.tokens) != 1 or c.role.split()[-1].lower().rstrip(".") not in PAGEANT_TITLES:
        return False
    data, word = name_data.load(), fold(c.tokens[0])
    return word not in data.given_names and word not in data.surnames


def _particle_tails(cands: list[_Candidate]) -> set[tuple[str, ...]]:
    """Surnames with a capitalised particle that end a longer name ("Le Goff" of "Annick Le Goff"): on their
    own ("Le Goff, 44, sailed") they are back-references, not a second person."""
    tails = set()
    for c in cands:
        if len(c.tokens) > 2:
            key = _name_key(c.tokens)
            tails.update(key[i:] for i in range(1, len(key) - 1) if key[i] in PARTICLES)
    return tails


# Courtesy titles that say a person's gender: "Mr. Brennholt" after "Linnea Brennholt" and "Oskar Brennholt" is Oskar.
TITLE_GENDERS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mme": "f", "mlle": "f"}


def _first_of_two_surnames(key: tuple[str, ...]) -> str:
    """The first of two surnames after a given name, by which Spanish writes a person once named in full ("inés
    carrasco vidal" -> "carrasco"); "" when the word before the last is a given name ("juan carlos mora") or a
    particle ("silvina del pópolo"), or the name has fewer than three words."""
    if len(key) < 3 or key[-2] in PARTICLES or key[-2] in name_data.load().given_names:
        return ""
    return key[-2]


class _FullNames:
    """Lookups from a single word to the people found by full name (pass 1 of scan_people)."""

    def __init__(self, keys: list[tuple[str, ...]], first_surname: bool = False):
        """first_surname: the language's people go by the first of two surnames too (_first_of_two_surnames)."""
        self.keys = keys
        self.by_surname: dict[str, int] = {}
        self.by_first: dict[str, int] = {}
        self.surnames: list[tuple[int, str]] = []
        for i, k in enumerate(keys):
            if len(k) > 1:
                surname = _surname(k)
                self.by_surname.setdefault(surname, i)
                self.by_first.setdefault(k[0], i)
                self.surnames.append((i, surname))
                if first_surname and (first := _first_of_two_surnames(k)):
                    self.by_surname.setdefault(first, i)

    def resolve(self, word: str, last_full: dict[str, int], first_names: dict[str, int], title: str = "") -> int:
        """The person a single word means (-1: nobody known). title: the role written before it ("Mr.")."""
        want = TITLE_GENDERS.get(title.rsplit(None, 1)[-1].lower().rstrip(".")) if title else None
        if want is not None and (word in last_full or word in self.by_surname):
            return self._titled(word, want, last_full)
        if word in last_full:  # the most recently mentioned full name with this surname
            return last_full[word]
        if word in first_names:  # a back-reference points backwards: the first name of someone already named
            return first_names[word]
        found = self.by_surname.get(word)  # surname of someone introduced later, then first name
        if found is None:
            found = self.by_first.get(word)
        if found is None and len(word) >= 6:  # misspelt surname: "Lavorv"
            found = next(
                (
                    i
                    for i, surname in self.surnames
                    if surname[:1] == word[:1] and abs(len(surname) - len(word)) <= 1 and _one_letter_off(surname, word)
                ),
                None,
            )
        return -1 if found is None else found

    def _titled(self, word: str, want: str, last_full: dict[str, int]) -> int:
        """A surname after a title of one gender: the person of that surname the text last named, unless their given
        name is the other gender's ("Mrs. Brennholt" after "Oskar Brennholt"); then the first other one whose given name
        fits or is unknown, who becomes the one a bare surname means from here on. -1 when every person of that
        surname is of the other gender ("Mr. Vallander" where only "Greta Vallander" is named): the title founds one."""
        latest = last_full.get(word)
        if latest is not None and self._gender(latest) == want:
            return latest
        if (
            latest is not None
            and self._gender(latest) == ""
            and not any(surname == word and i != latest and self._gender(i) == want for i, surname in self.surnames)
        ):
            return latest  # (an unknown given name fits unless another of that surname is known to: "Mrs. Khan")
        fits = [i for i, surname in self.surnames if surname == word and i != latest and self._gender(i) in ("", want)]
        if not fits:
            return -1
        found = min(fits, key=lambda i: self._gender(i) != want)  # a given name known to fit before an unknown one
        last_full[word] = found
        return found

    def _gender(self, person: int) -> str:
        key = self.keys[person]
        return gender_of(key[0]) if len(key) > 1 and len(key[0]) > 1 else ""
