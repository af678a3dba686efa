"""Resolution: names found in an article become Person rows.

A name resolves, in order, by canonical name or alias (normalised: case, accents and
punctuation folded), then by a near-miss spelling of a known full name ("Vladmir Putin" →
Vladimir Putin: same number of words, at least one identical, the others one edit apart).
Otherwise it is a new person, whom staff can merge later.

The index of known names is loaded once per ingest run, so resolving costs no query. New
people and aliases are queued and written together by flush() (a batch of articles naming
2,000 new people costs a handful of queries, not three per person).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from rapidfuzz.distance import Levenshtein

from articles.models import Alias, Person, unique_slugs
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
        # Spelling look-up: full names by (word count, position, word), and by (word count, position,
        # the word less one letter) for words of 4+ letters, so a near miss is looked for among the
        # names one letter away at some position, not among everyone who shares a first name.
        self.by_word_at: dict[tuple[int, int, str], set[str]] = defaultdict(set)
        self.by_deletion: dict[tuple[int, int, str], set[str]] = defaultdict(set)
        self.by_surname: dict[str, dict[int, str]] = defaultdict(dict)  # last word -> {id: canonical name}
        # find() answers by (name, variants, role), kept while nothing is added: the same names recur.
        self._found: dict[tuple, Resolved | None] = {}
        # Written by flush(): new people (ids reserved from the sequence) and new aliases.
        self._new_people: list[Person] = []
        self._new_aliases: list[Alias] = []
        self._free_ids: list[int] = []
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
            n = len(words)
            for i, word in enumerate(words):
                self.by_word_at[n, i, word].add(key)
                if len(word) >= 4:
                    for cut in _deletions(word):
                        self.by_deletion[n, i, cut].add(key)

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
            if len(words) < 2:
                continue
            # A near miss is at most one letter off at every position: its name is among those
            # close at the position with the fewest such names (usually the surname's).
            fewest = min((self._close_at(words, i) for i in range(len(words))), key=lambda sets: sum(map(len, sets)))
            near = [c for c in set().union(*fewest) if _near_miss(words, c.split())]
            if near:
                pk, canonical, _ = self.by_key[min(near)]  # the same choice whatever the sets' order
                return Resolved(pk, canonical, matched_by="spelling")
        return None

    def _close_at(self, words: list[str], i: int) -> list[set[str]]:
        """Names of as many words whose word i is words[i] or one letter away (added, dropped or changed)."""
        n, word = len(words), words[i]
        sets = [self.by_word_at.get((n, i, word))]
        if len(word) >= 4:  # shorter words must match exactly (_near_miss)
            sets.append(self.by_deletion.get((n, i, word)))
            for cut in _deletions(word):
                sets += [self.by_word_at.get((n, i, cut)), self.by_deletion.get((n, i, cut))]
        return [found for found in sets if found]

    def resolve(self, name: str, role: str = "", variants: list[str] = (), create: bool = True) -> Resolved:
        """Find the person, or add them (keeping other full spellings as aliases). A new person
        has an id at once but is written by flush(), which the caller runs before using the id."""
        found = self.find(name, variants, role)
        if found:
            if create and found.matched_by == "spelling":
                self._remember_spellings(found, [name, *variants])
            return found
        if not create:
            return Resolved(None, name, new=True, matched_by="new")
        if not self._free_ids:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence('articles_person', 'id')) FROM generate_series(1, 100)"
                )
                self._free_ids = sorted((pk for (pk,) in cursor.fetchall()), reverse=True)
        person = Person(pk=self._free_ids.pop(), name=name, description=role[:300])
        self._new_people.append(person)
        self._add(normalize_name(name), person.pk, person.name, "name")
        resolved = Resolved(person.pk, person.name, new=True, matched_by="new")
        self._remember_spellings(resolved, variants)
        return resolved

    def _remember_spellings(self, resolved: Resolved, spellings: list[str]) -> None:
        """Full-name spellings seen for a person become aliases, so next time they match exactly.
        Surname-only forms are not kept: 'Ruiz' alone would be ambiguous across the archive."""
        for spelling in spellings:
            key = normalize_name(spelling)
            if len(key.split()) >= 2 and key not in self.by_key:
                self._new_aliases.append(Alias(person_id=resolved.person_id, name=spelling))
                self._add(key, resolved.person_id, resolved.name, "alias")

    def flush(self) -> None:
        """Write the people and aliases added since the last flush: slugs for all in one look-up."""
        people, aliases = self._new_people, self._new_aliases
        self._new_people, self._new_aliases = [], []
        if people:
            for person, slug in zip(people, unique_slugs(Person, [p.name for p in people]), strict=True):
                person.slug = slug
            Person.objects.bulk_create(people)
        if aliases:
            Alias.objects.bulk_create(aliases, ignore_conflicts=True)


def _deletions(word: str) -> set[str]:
    return {word[:at] + word[at + 1 :] for at in range(len(word))}
