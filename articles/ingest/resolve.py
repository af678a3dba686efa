"""Resolution: names found in an article become Person rows.

A name resolves, in order, by canonical name or alias (normalised: case, accents and
punctuation folded), then by a near-miss spelling of a known full name ("Vladmir Putin" →
Vladimir Putin: same number of words, at least one identical, the others one edit apart).
Otherwise it is a new person, whom staff can merge later.

The index of known names is loaded once per ingest run, so resolving costs no query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from articles.models import Alias, Person, unique_slug
from articles.models import normalize_name as _normalize_name

# A pure function called for every name, variant and alias of every article: remembered.
normalize_name = lru_cache(maxsize=65536)(_normalize_name)


@dataclass
class Resolved:
    person_id: int | None  # None in a dry run for a person not yet in the archive
    name: str  # canonical name
    new: bool = False
    matched_by: str = ""  # "name", "alias", "spelling" or "new": explains the decision


def _near_miss(a: list[str], b: list[str]) -> bool:
    """Same words but for small slips: 'vladmir putin' ~ 'vladimir putin', not 'ian smith' ~ 'jan smith'."""
    if len(a) != len(b) or len(a) < 2 or a == b:
        return False
    identical = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            identical += 1
        elif min(len(x), len(y)) < 4 or Levenshtein.distance(x, y, score_cutoff=1) > 1:
            return False
    return identical >= 1


class PersonIndex:
    def __init__(self) -> None:
        self.by_key: dict[str, tuple[int, str, str]] = {}  # normalised -> (id, canonical name, how)
        self.by_word: dict[str, set[str]] = defaultdict(set)  # a word of a full name -> normalised names
        self.by_surname: dict[str, dict[int, str]] = defaultdict(dict)  # last word -> {id: canonical name}
        # find() answers by (name, variants, role), kept while nothing is added: the same names recur.
        self._found: dict[tuple, Resolved | None] = {}
        for pk, name in Person.objects.values_list("pk", "name"):
            self._add(normalize_name(name), pk, name, "name")
        for pk, name, alias in Alias.objects.values_list("person_id", "person__name", "name"):
            self._add(normalize_name(alias), pk, name, "alias")

    def _add(self, key: str, pk: int, name: str, how: str) -> None:
        if not key or (key in self.by_key and self.by_key[key][2] == "name"):
            return
        self.by_key[key] = (pk, name, how)
        self._found.clear()
        words = key.split()
        if how == "name" and len(words) >= 2:
            self.by_surname[words[-1]][pk] = name
        if len(words) >= 2:
            for word in words:
                self.by_word[word].add(key)

    def find(self, name: str, variants: list[str] = (), role: str = "") -> Resolved | None:
        """An existing person for this name or any of its full-name variants, or None."""
        question = (name, tuple(variants), role)
        if question in self._found:
            return self._found[question]
        if len(self._found) >= 100_000:
            self._found.clear()
        found = self._found[question] = self._find(name, variants, role)
        return found

    def _find(self, name: str, variants: list[str], role: str) -> Resolved | None:
        keys = [normalize_name(n) for n in (name, *variants)]
        if role:  # aliases often carry the title an article uses alone: "Mayor Ruiz"
            keys.append(normalize_name(f"{role.split()[-1]} {name}"))
        for key in keys:
            if key in self.by_key:
                pk, canonical, how = self.by_key[key]
                return Resolved(pk, canonical, matched_by=how)
        surname = keys[0]
        if " " not in surname and len(self.by_surname.get(surname, ())) == 1:
            # A surname alone ("Ruiz said"), in an article that never gives the full name,
            # is the archive's only person of that surname; with two or more it stays new.
            [(pk, canonical)] = self.by_surname[surname].items()
            return Resolved(pk, canonical, matched_by="surname")
        for key in keys:
            words = key.split()
            candidates = sorted(set().union(*(self.by_word.get(w, set()) for w in words))) if words else []
            for candidate in candidates:
                if _near_miss(words, candidate.split()):
                    pk, canonical, _ = self.by_key[candidate]
                    return Resolved(pk, canonical, matched_by="spelling")
        return None

    def resolve(self, name: str, role: str = "", variants: list[str] = (), create: bool = True) -> Resolved:
        """Find the person, or create them (keeping other full spellings as aliases)."""
        found = self.find(name, variants, role)
        if found:
            if create and found.matched_by == "spelling":
                self._remember_spellings(found, [name, *variants])
            return found
        if not create:
            return Resolved(None, name, new=True, matched_by="new")
        person = Person.objects.create(name=name, slug=unique_slug(Person, name), description=role[:300])
        self._add(normalize_name(name), person.pk, person.name, "name")
        resolved = Resolved(person.pk, person.name, new=True, matched_by="new")
        self._remember_spellings(resolved, variants)
        return resolved

    def _remember_spellings(self, resolved: Resolved, spellings: list[str]) -> None:
        """Full-name spellings seen for a person become aliases, so next time they match exactly.
        Surname-only forms are not kept: 'Ruiz' alone would be ambiguous across the archive."""
        new = []
        for spelling in spellings:
            key = normalize_name(spelling)
            if len(key.split()) >= 2 and key not in self.by_key:
                new.append(Alias(person_id=resolved.person_id, name=spelling))
                self._add(key, resolved.person_id, resolved.name, "alias")
        if new:
            Alias.objects.bulk_create(new, ignore_conflicts=True)
