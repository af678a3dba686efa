"""Resolution: names found in an article become Person rows.

A name resolves, in order, by canonical name or alias (normalised: case, accents and
punctuation folded), then by a near-miss spelling of a known full name ("Vladmir Putin" →
Vladimir Putin: same number of words, at least one identical, the others one edit apart).
Otherwise it is a new person, whom staff can merge later; unless staff said the name is not a
person (NotAPerson) or it is the name of an outlet (Source), which is never resolved to anyone nor
created.

The index of known names is loaded once per ingest run, so resolving costs no query. New
people and aliases are queued and written together by flush() (a batch of articles naming
2,000 new people costs a handful of queries, not three per person).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db import IntegrityError, connection
from django.utils import timezone
from psycopg2.extras import execute_values
from rapidfuzz.distance import Levenshtein

from articles.models import Alias, NotAPerson, Person, Source, unique_slugs
from articles.models import normalize_name as _normalize_name

# A pure function called for every name, variant and alias of every article: remembered.
normalize_name = lru_cache(maxsize=65536)(_normalize_name)


@dataclass
class Resolved:
    person_id: int | None  # None in a dry run for a person not yet in the archive
    name: str  # canonical name
    new: bool = False
    matched_by: str = ""  # "name", "alias", "surname", "spelling", "new" or "not a person": the decision

    @property
    def not_person(self) -> bool:
        return self.matched_by == NOT_A_PERSON


NOT_A_PERSON = "not a person"


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
        # Names staff said are not people: never resolved to a person, never created as one. Nor the names of
        # outlets the archive knows ("Morgan Chronicle" reported …, issue 13.2), unless someone is known by one.
        self.not_people: set[str] = set(NotAPerson.objects.values_list("normalized", flat=True))
        self.not_people |= {
            key for key in map(normalize_name, Source.objects.values_list("name", flat=True)) if key not in self.by_key
        }

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
        if keys[0] in self.not_people:
            return Resolved(None, name, matched_by=NOT_A_PERSON)
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
            # close at any position, so those at the position with the fewest such names are read
            # (usually the surname's). No name close at one position: no near miss at all, and the
            # other positions are not looked at (the surname first: a new person's usually has none).
            fewest = None
            for i in reversed(range(len(words))):
                close = self._close_at(words, i)
                if fewest is None or sum(map(len, close)) < sum(map(len, fewest)):
                    fewest = close
                if not close:
                    break
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

    def flush(self) -> dict[int, tuple[int, str]]:
        """Write the people and aliases added since the last flush: slugs for all in one look-up.

        Race-free: another process (a second ingest) may have created some of these people since
        the index was loaded. One normalised name is one person (person_name_normalized_unique), so
        the insert skips those (ON CONFLICT DO NOTHING, after waiting for the other's transaction)
        and theirs are used instead. Returns {id given out: (id, canonical name)} for those; the
        caller renumbers what it wrote with the ids given out (the index renumbers itself)."""
        people, aliases = self._new_people, self._new_aliases
        self._new_people, self._new_aliases = [], []
        moved = self._insert(people) if people else {}
        if aliases:
            for alias in aliases:
                if alias.person_id in moved:
                    alias.person_id = moved[alias.person_id][0]
            Alias.objects.bulk_create(aliases, ignore_conflicts=True)
        return moved

    def _insert(self, people: list[Person]) -> dict[int, tuple[int, str]]:
        # In normalised-name order: two writers inserting some of the same names wait for each
        # other in the same order, so they can't deadlock on them.
        pending = sorted(people, key=lambda person: normalize_name(person.name))
        moved: dict[int, tuple[int, str]] = {}
        now = timezone.now()
        for _round in range(5):
            for person, slug in zip(pending, unique_slugs(Person, [p.name for p in pending]), strict=True):
                person.slug = slug
            with connection.cursor() as cursor:
                rows = [(p.pk, p.name, p.slug, p.description, now) for p in pending]
                sql = "INSERT INTO articles_person (id, name, slug, description, created) VALUES %s"
                sql += " ON CONFLICT DO NOTHING RETURNING id"
                written = {pk for (pk,) in execute_values(cursor.cursor, sql, rows, page_size=len(rows), fetch=True)}
                missing = [person for person in pending if person.pk not in written]
                if missing:
                    # Someone of the same normalised name exists (committed by now: the insert waited
                    # for its writer), or only the slug was taken meanwhile (then again, a new slug).
                    cursor.execute(
                        "SELECT n.id, p.id, p.name FROM unnest(%s::bigint[], %s::text[]) AS n(id, name)"
                        " JOIN articles_person p ON na_normalize(p.name) = na_normalize(n.name)",
                        [[person.pk for person in missing], [person.name for person in missing]],
                    )
                    moved.update((given, (pk, name)) for given, pk, name in cursor.fetchall())
            pending = [person for person in missing if person.pk not in moved]
            if not pending:
                break
        else:
            raise IntegrityError(f"people not written, their slugs taken again and again: {pending}")
        if moved:
            self._renumber(moved)
        return moved

    def _renumber(self, moved: dict[int, tuple[int, str]]) -> None:
        """Names that led to an id given out now lead to the person another process created."""
        self._found.clear()
        for key, (pk, _name, how) in list(self.by_key.items()):
            if pk in moved:
                self.by_key[key] = (*moved[pk], how)
        for surnames in self.by_surname.values():
            for pk in moved.keys() & surnames.keys():
                del surnames[pk]
                surnames[moved[pk][0]] = moved[pk][1]


def _deletions(word: str) -> set[str]:
    return {word[:at] + word[at + 1 :] for at in range(len(word))}
