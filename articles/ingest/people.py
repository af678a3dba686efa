"""Deterministic detection of people mentioned in plain article text.

No models: the small word lists of people_words and maintained reference data (name_data: given
names, places, surnames, title abbreviations). A candidate is a run of capitalised "name-shaped" tokens (two or
more, or one after a personal title) that contains none of the organisation/place/calendar words
that usually give non-people away. Single capitalised tokens ("Lavrov", "Mira") only count as
back-references to a full name that the same article introduces.

A candidate is a person only with evidence, which PersonMention.evidence gives: a title, a given
name gender-guesser knows, a reporting verb, an age, a role, a later mention by surname, a list
with people (see _english_evidence; other languages: _evidence). Names without any are handed back
as `unconfirmed`: the archive keeps them only for a person it already knows.

``scan_people`` also returns every mention with its character span, which ``quotes`` uses to
resolve speakers; ``find_people`` is the public, list-only view.

The passes' rules are in one module each: people_masks (the spans no name is taken from), people_runs (find the
name mentions), people_kinds (drop places, organisations and things), people_resolve (join mentions into people),
people_evidence (evidence of a person, and roles); people_state holds the records and lookups they share. This
module runs the passes in order and keeps every name other modules import from it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import name_data
from .language_rules import rules_for
from .people_evidence import (
    APPOSITIVE_AFTER_RE,  # noqa: F401 - pronouns.py reads it from here
    APPOSITIVE_PERSON_RE,
    _appositive_role,
    _english_evidence,
    _evidence,
    _listed_with_people,
    _occupation_before,
    _surname_known,
)
from .people_kinds import (
    _bare_back_references,
    _drop_named_things,
    _place_words,
    _strong_person,
)
from .people_masks import (
    mask_spans,
)
from .people_resolve import (
    _first_of_two_surnames,
    _FullNames,
    _other_initials,
    _pageant,
    _particle_tails,
    _same_person,
    _tail_of,
)
from .people_runs import (
    ROLE_NOUN_ENDINGS,
    _candidates,
    _listed_noun,
    _runs,
)
from .people_state import (
    _UPPER,  # noqa: F401 - quote_state.py reads it from here
    Mention,
    PersonMention,
    _Candidate,
    _founding_title,
    _given_name_word,
    _heads_administration,
    _kin_appositive,
    _kin_before,
    _name_key,
    _name_withheld,
    _not_name_word,
    _Person,
    _plain_word,
    _sentence_initial,
    _someone_elses_relative,
    _strip_possessive,
    _surname,
    _surname_speaks,
    fold,
)
from .people_words import (
    ABBREVIATIONS,  # noqa: F401 - quote_state.py, quote_spans.py and pronouns.py read it from here
    COMMON_WORDS,
    NON_PERSON_WORDS,  # noqa: F401 - quotes.py, speakers.py, pronouns.py and quality.py read it from here
    PARTICLES,
    PRONOUNS,  # noqa: F401 - speakers.py reads it from here
    ROLE_WORDS,  # noqa: F401 - quotes.py, speakers.py and pronouns.py read it from here
)


def scan_people(
    text: str,
    masked: list[tuple[int, int]] | None = None,
    language: str = "",
    unconfirmed: list[PersonMention] | None = None,
) -> tuple[list[PersonMention], list[Mention]]:
    """People (in order of first appearance) and every mention of them, in text order.

    Four passes, each testable alone: find the name mentions (_find_mentions), drop those that are places,
    organisations or things (_classify_mentions), resolve the rest to people (_resolve_people), and keep the
    people with evidence (_confirm_english, _confirm_other; the evidence says which rule found it).

    Only people with evidence in the text are returned; the others are added to `unconfirmed` when it is given
    (the archive keeps them only if it knows the name), and their mentions are dropped."""
    masked = mask_spans(text) if masked is None else masked
    lang = "" if rules_for(language) is None else language
    lone: list[str] | None = [] if unconfirmed is not None and not lang else None
    cands, place_words, eponyms = _find_mentions(text, masked, lang, lone)
    named_words = place_words - eponyms  # (before _classify_mentions takes the strong people's words out)
    cands = _classify_mentions(text, cands, place_words, eponyms, lang)
    people, cands = _resolve_people(text, cands, lang, named_words)
    if lone:
        # A word alone that is no part of any name ("Obama", "Bibi"): kept aside for the archive, which keeps it
        # only for a person it knows by that name or an alias (see _lone_words).
        # (Not one a rule made a person of: "his wife, Laura," is Laura, a person or unconfirmed below, once.)
        alone = {p.tokens[0] for p in people if len(p.tokens) == 1}
        unconfirmed.extend(m for m in _lone_words(lone, place_words) if m.name not in alone)
    found = _confirm_english(text, people, cands) if not lang else _confirm_other(text, people, cands, lang)
    if len(found) == len(people):
        return _finish(text, people, cands, found, lang)
    if unconfirmed is not None:
        unconfirmed.extend(_finish(text, people, [c for c in cands if c.person not in found], lang=lang)[0])
    return _finish(text, people, [c for c in cands if c.person in found], found, lang)


def _lone_words(words: list[str], place_words: set[str]) -> list[PersonMention]:
    """The single capitalised words no name of the article contains, each once with its count: "Obama" in an
    article that never writes "Barack Obama". Never people by themselves (a surname alone may be anyone's, a
    firm's or a town's): only the archive's knowledge of a person by that name or an alias makes one a person.
    Left out: words in capitals only, the article's place and organisation words, and words that are never a
    name's (organisation, calendar, common words)."""
    counts: dict[str, int] = {}
    for tok in words:
        named = _name_word_alone(tok)
        if named is not None and named[1] not in place_words:
            counts[named[0]] = counts.get(named[0], 0) + 1
    return [PersonMention(word, "", count, [word]) for word, count in counts.items()]


@lru_cache(maxsize=8192)
def _name_word_alone(tok: str) -> tuple[str, str] | None:
    """_lone_words's tests that read the word alone: (the word without its possessive, folded), or None for a word
    that is never a name by itself. Cached: the same words recur within and across articles."""
    word = _strip_possessive(tok)
    if len(word) < 3 or not word.isalpha() or not word[:1].isupper() or word.isupper():
        return None
    if word.lower() in COMMON_WORDS or _not_name_word(word):
        return None
    folded, data = fold(word), name_data.load()
    if folded in data.places and folded not in data.surnames:
        return None  # "Chicago" (but "Obama" and "Clinton" are towns too: the archive decides)
    return word, folded


def _find_mentions(
    text: str, masked: list[tuple[int, int]], lang: str, lone: list[str] | None = None
) -> tuple[list[_Candidate], set[str], set[str]]:
    """Pass 1: the name mentions (candidates) of the capitalised runs outside masked spans, with the words the
    article uses in names of places and organisations, and of things called after people (see _place_words).
    `lone`, when given, receives the single capitalised words that are no candidate (see _lone_words)."""
    runs = _runs(text, masked)
    place_words, eponyms = _place_words(text, runs)
    return _candidates(text, runs, place_words, lang, lone), place_words, eponyms


WHO_AFTER_RE = re.compile(r",\s+who\b")


def _classify_mentions(
    text: str, cands: list[_Candidate], place_words: set[str], eponyms: set[str], lang: str
) -> list[_Candidate]:
    """Pass 2: drop the mentions that are places, organisations and things; in English, read "Team Trump" and
    "Crazy Bernie" as the bare name of a person the article names in full."""
    if place_words:
        place_words -= {fold(t) for c in cands if _strong_person(text, c) for t in c.tokens}
    if place_words:
        # A known given name before a surname the article only uses in names of things called after people keeps
        # the person: "Hillary Clinton" beside the "Clinton Foundation", "Donald Trump" beside "Trump Tower".
        given = name_data.load().given_names if eponyms else frozenset()
        cands = [
            c
            for c in cands
            if c.role
            or len(c.tokens) < 2
            or not any(fold(t) in place_words for t in c.tokens)
            or (
                fold(c.tokens[0]) in given
                and all(fold(t) in eponyms for t in c.tokens[1:] if fold(t) in place_words)
                # (the given name too when the whole name is a namesake's: "Marisol Quint" of the "Marisol Quint
                # Foundation", not "Orlando Sentinel" beside "Orlando International Airport")
                and (fold(c.tokens[0]) not in place_words or " ".join(_name_key(c.tokens)) in eponyms)
            )
            or (
                # A known given name the article also uses in a place's name ("Sandy Hook"), before a surname it does
                # not, with "who" or an appositive saying what the person is: "Sandy Phillips, who lost her daughter"
                fold(c.tokens[0]) in name_data.load().given_names
                and not any(fold(t) in place_words for t in c.tokens[1:])
                and (WHO_AFTER_RE.match(text, c.end) or APPOSITIVE_PERSON_RE.match(text, c.end, c.end + 80))
            )
        ]
    cands = _drop_named_things(text, cands, lang)
    if not lang:
        _bare_back_references(text, cands)
    return cands


def _resolve_people(
    text: str, cands: list[_Candidate], lang: str, named_words: frozenset[str] | set[str] = frozenset()
) -> tuple[list[_Person], list[_Candidate]]:
    """Pass 3: one person per full name (spelling variants and shorter forms joined), single words as
    back-references to them, and a single word that founds a person by itself (after a title, a kinship word,
    before "administration", a Census surname as the subject of a reporting verb). Returns the people and the
    mentions that resolved, each with its person set. named_words: the words the article uses in names of places
    and organisations (see _surname_speaks)."""
    people: list[_Person] = []
    keys: list[tuple[str, ...]] = []
    # Full names (two words or more) found people. The first earlier key that is the same person wins; an exact
    # key always finds the index it was first added at, so it is memoised.
    seen: dict[tuple[str, ...], int] = {}
    by_word: dict[tuple[int, str], list[int]] = {}  # people by first word (0, w) and last word (1, w)
    tails = _particle_tails(cands)
    for c in cands:
        key = _name_key(c.tokens)
        if len(key) < 2 or (key[0] in PARTICLES and (c.tokens[1].islower() or key in tails)):
            continue  # one word, or a surname with its particles ("Van der Molen", "Le Roux"): a back-reference
        found = seen.get(key)
        if found is not None and _other_initials(people[found].tokens, c.tokens):
            found = None  # "George H. W. Bush" after "George W. Bush": the same key, initials tell them apart
        if found is None:
            # Every key _same_person can accept shares the first or the last word with this one (only one
            # word may differ), so only those are tried, earliest first.
            near = by_word.get((0, key[0]), []) + by_word.get((1, key[-1]), [])
            found = min(
                (
                    i
                    for i in near
                    if (_same_person(keys[i], key) or _tail_of(keys[i], key))
                    and not _other_initials(people[i].tokens, c.tokens)
                ),
                default=None,
            )
            if found is None:
                keys.append(key)
                people.append(_Person(c.tokens, c.role))
                found = len(people) - 1
                by_word.setdefault((0, key[0]), []).append(found)
                by_word.setdefault((1, key[-1]), []).append(found)
            seen[key] = found
        c.person = found
    # Single words are back-references to those people; a titled unknown single word is a person.
    rules = rules_for(lang)
    first_surname = rules is not None and rules.first_surname
    full = _FullNames(keys, first_surname)
    last_full: dict[str, int] = {}
    first_names: dict[str, int] = {}  # first names of the full names read so far
    named: dict[int, int] = {}  # mentions of each person read so far
    for c in cands:
        if c.person >= 0:
            named[c.person] = named.get(c.person, 0) + 1
            surname = _surname(c.tokens)
            # A relative introduced by a kinship word ("his father, Tariq Vane,") does not take over the
            # bare surname from the person already named: "Vane" keeps meaning the article's subject; nor does one
            # named far less often so far, but in passing ("a photo of Heidi Cruz" in an article about Ted Cruz:
            # "Cruz" stays his).
            held = last_full.get(surname, c.person)
            if held == c.person or (
                not _kin_appositive(text, c.start)
                # (one opening a sentence does: "Donald Trump also criticized Clinton" in a story about his son)
                and (named.get(held, 0) <= named[c.person] + SURNAME_TAKEOVER_GAP or _opens_reporters_sentence(text, c))
            ):
                last_full[surname] = c.person
                if first_surname and (first := _first_of_two_surnames(_name_key(c.tokens))):
                    last_full[first] = c.person
            first_names[_name_key(c.tokens)[0]] = c.person
            continue
        c.person = full.resolve(_surname(c.tokens), last_full, first_names, c.role if c.titled else "")
        if c.person >= 0:
            named[c.person] = named.get(c.person, 0) + 1
        if (
            c.person >= 0
            and not lang
            and len(c.tokens) == 1
            and _someone_elses_relative(text, c.run_start, keys[c.person])
        ):
            c.person = -1  # "Anand's wife, Priya,": a relative of Anand's, not Priya Lindell (see below: a person)
        if c.person < 0 and len(c.tokens) > 1:
            keys.append(_name_key(c.tokens))  # a particle-led surname nobody's full name ends with
            people.append(_Person(c.tokens, c.role))
            c.person = len(people) - 1
        elif c.person < 0 and (
            (c.titled and _founding_title(c.role.split()[-1].lower(), lang) and not _pageant(c, lang))
            or (not lang and not c.role and _kin_before(text, c.run_start))
            or (not lang and not c.role and _name_withheld(text, c.end))
            or (not lang and not c.role and _heads_administration(text, c.start, c.tokens[0]))
            or (not lang and not c.role and _surname_speaks(text, c.start, c.tokens[0], named_words))
        ):
            keys.append(_name_key(c.tokens))
            people.append(_Person(c.tokens, c.role))
            c.person = len(people) - 1
            last_full[_surname(c.tokens)] = c.person
    return people, [c for c in cands if c.person >= 0]


def _opens_reporters_sentence(text: str, c: _Candidate) -> bool:
    """The name opens a sentence of the reporter's, not one inside a quotation ("“… If Anne Marie Murphy could do that,
    then ask yourself …”")."""
    if not _sentence_initial(text, c.run_start):
        return False
    before = text[text.rfind("\n", 0, c.run_start) + 1 : c.run_start]
    return before.count("“") <= before.count("”") and before.count('"') % 2 == 0


# How many more mentions so far the person a bare surname means must have than another person of that surname named
# in full for the surname to stay theirs.
SURNAME_TAKEOVER_GAP = 2


def _confirm_english(text: str, people: list[_Person], cands: list[_Candidate]) -> dict[int, str]:
    """Pass 4 in English: why each person is one (person index -> evidence; none for the others). A known
    given name is enough ("Goldman Sachs", "Planned Parenthood" and "Rust Belt" have none; "Ana Ruiz" has)."""
    found: dict[int, str] = {}
    for c in cands:
        if c.person not in found and (why := _english_evidence(text, c, people[c.person])):
            found[c.person] = why
    if len(found) < len(people):
        _listed_with_people(text, cands, found)
    if len(found) < len(people):
        # The weakest evidence, read last: "Mitt Romney" (a given name no list knows, a Census surname).
        for i, person in enumerate(people):
            if i not in found and _surname_known(text, person.tokens):
                found[i] = "full name, surname known"
    return found


def _confirm_other(text: str, people: list[_Person], cands: list[_Candidate], lang: str) -> dict[int, str]:
    """Pass 4 in another language: evidence at one mention at least (see _evidence); a title found beside the
    name becomes the person's role when the name had none ("la maire, Clémence Aubriot")."""
    rules = rules_for(lang)
    evidence: dict[int, str] = {}
    for c in cands:
        if c.person not in evidence and not _plain_first(c.tokens, lang):
            found, title = _evidence(text, c, rules, lang)
            if found:
                evidence[c.person] = found
                if title and not people[c.person].role:
                    people[c.person].role = title
    return evidence


def _plain_first(tokens: tuple[str, ...], lang: str) -> bool:
    """A mention of two words or more opening with a frequent word of its language that is no given name or surname
    ("Historischen Markt", "Artikel Fair", "Team AaS"): no evidence found at it makes a person (see
    people_state._plain_word); another mention of the same person may ("Familie Rowland" beside "W. R. Rowland" and
    "die Witwe Rowland"). In a language that capitalises its nouns, also a mention that is a noun or opens with one
    (below): a title before "Kreises Heinsberg", "Defekte Bauteile" or "Geschäftsbereich Sport" is no evidence of a
    person (on real German pages about a quarter of the "people" found were such nouns, bench/pagepeople.py). One
    left out here may still be a person the archive knows (articles.archive, at storage). And in any language but
    English, a mention opening with a lower-case particle ("del Paraguay")."""
    key = _name_key(tokens)
    rules = rules_for(lang)
    if len(key) == 1 and rules and rules.capitalises_nouns:
        # One word, in a language that capitalises nouns: a word of its list that is no given name or surname is a
        # noun after a title ("Geschäftsführer Sport", "Leiter Presse", "Mutter Natur"), not "Schulleiter Olang".
        # Also an English word ("Executive Director", "Chief Mate" in German text) or a title's abbreviation ("Dr.").
        data = name_data.load()
        word = _strip_possessive(tokens[-1]).lower()
        noun = name_data.word_listed(word, lang) or key[0] in data.common_words or key[0] in data.title_abbreviations
        return noun and key[0] not in data.given_names and key[0] not in data.surnames
    if len(key) < 2:
        return False
    if len(key[0]) > 2 and _plain_word(key[0], lang):
        return True
    if key[0] in PARTICLES and tokens[0][:1].islower():
        # "la Fiscal General del Paraguay", "Director de Escuelas Públicas", "Presidente de la República": in these
        # languages "de" after a title is mostly "of", what follows completes the title. A surname with its particle
        # ("le général de Gaulle") gets its evidence at a fuller mention ("Charles de Gaulle"), or from the archive.
        return True
    if not (rules and rules.capitalises_nouns) or _given_name_word(key[0]) or key[0] in PARTICLES:
        return False
    # No given name a list knows first: a noun ("Kreises Heinsberg", "Culture Amp"), shaped like one (a compound:
    # "AfD-Kreisverbandes Essen", "Tagessieger Lindvik", "TennisBase Oberhaching"; a role's ending: "Youtuber Kehl"),
    # or a noun after a name's genitive ("Trumps Außenpolitik", "Keller Freistöße"); not a given name no list knows
    # ("Präsidentin Irme Wolters", "Skadi Jennicke", "Hendryk Bockelmann": short, no word of the language).
    data = name_data.load()
    first = tokens[0]
    compound = "-" in first or len(first) > 8 or any(c.isupper() for c in first[1:])
    role = len(first) > 5 and first.lower().endswith(ROLE_NOUN_ENDINGS.get(lang, ()))
    return (
        compound
        or role
        or name_data.word_listed(first.lower(), lang)
        or key[0] in data.common_words
        or _listed_noun(tokens[-1], lang)
    )


# "[sic]" after a name: the writer marks the spelling as the source's mistake ("Angela Correy’s [sic] career" quoted,
# "Angela Corey" in the reporter's words), so that spelling is the person's name only when there is no other.
SIC_AFTER_RE = re.compile(r"(?:['’]s?)?[ \t\u00a0]*[\[(](?i:sic)[\])]")


def _finish(
    text: str, people: list[_Person], cands: list[_Candidate], evidence: dict[int, str] | None = None, lang: str = ""
) -> tuple[list[PersonMention], list[Mention]]:
    order: dict[int, None] = {}  # people in order of first mention
    mentions: list[Mention] = []
    first_full: dict[int, Mention] = {}  # first mention by a full name, for the appositive role
    occupations: dict[int, str] = {}  # lower-case role before a mention (see _occupation_before), by person
    for c in cands:
        p = people[c.person]
        if not c.role and c.person not in occupations and not p.role:
            occupation = _occupation_before(text, c.start)
            if occupation:
                occupations[c.person] = occupation
        written = " ".join(c.tokens)
        if written not in p.variants:
            p.variants.append(written)
        p.count += 1
        if len(c.tokens) > 1:
            p.spellings[written] = p.spellings.get(written, 0) + (0 if SIC_AFTER_RE.match(text, c.end) else 1)
        if not p.role and c.role:
            p.role = c.role
        order.setdefault(c.person)
        mention = Mention(c.start, c.end, written, c.person)
        mentions.append(mention)
        if " " in written:
            first_full.setdefault(c.person, mention)
    # Renumber people by first appearance.
    renumber = {old: new for new, old in enumerate(order)}
    for m in mentions:
        m.person = renumber[m.person]
    result = []
    for old in order:
        p = people[old]
        result.append(
            PersonMention(
                _best_name(p, lang),
                p.role or occupations.get(old) or _appositive_role(text, first_full.get(old)),
                p.count,
                p.variants,
                evidence=evidence.get(old, "") if evidence else "",
            )
        )
    return result, mentions


def _best_name(p: _Person, lang: str = "") -> str:
    """Fullest form; among equally full spellings, the most frequent (a spelling marked "[sic]" counts for none),
    then the first. In another language, not a form no evidence could make a name (_plain_first: "Söhnen Max", "Opa
    Hoppenstedt" beside "Max", "Hoppenstedt"), while the person has another."""
    if not p.spellings:
        return " ".join(p.tokens)
    forms = list(p.spellings)
    if lang and (plain := [f for f in forms if _plain_first(tuple(f.split()), lang)]):
        named = [f for f in forms if f not in plain] or [
            v for v in p.variants if " " not in v and not _plain_first((v,), lang)
        ]
        if named:
            forms = named if " " in named[0] else [named[0]]
            return max(forms, key=lambda f: (len(f.split()), p.spellings.get(f, 0), -forms.index(f)))
    return max(forms, key=lambda f: (len(f.split()), p.spellings[f], -forms.index(f)))


def find_people(body_text: str) -> list[PersonMention]:
    """People named in the body, in order of first appearance."""
    return scan_people(body_text)[0]
