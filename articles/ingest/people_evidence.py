"""Confirmation (pass 4 of the people finder, people.py): the evidence that a name is a person's (a title, a
known given name or surname, a reporting verb, an age, a role, a pronoun, a list with people; other languages: a
title or a reporting verb next to the name), and the role written with a name (an occupation before it, an
appositive around it) that the last pass gives each person. Imports people_state only."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from . import name_data
from .language_rules import LanguageRules, age_after_re, age_before_re, rules_for
from .name_genders import gender_of
from .people_state import (
    _UPPER,
    REPORTING_AFTER_RE,
    Mention,
    _Candidate,
    _family_name_first,
    _given_name_word,
    _heads_administration,
    _is_title,
    _kin_before,
    _name_key,
    _name_withheld,
    _not_name_word,
    _Person,
    _plain_word,
    _sentence_initial,
    _strip_possessive,
    _surname,
    _word_or_hyphen,
    fold,
)
from .people_words import (
    ADJECTIVE_ENDINGS,
    ARTICLE_WORDS,
    COMMON_WORDS,
    DEMONYM_ENDINGS,
    INTRODUCTORY_PREPOSITIONS,
    KIN_TITLES,
    KIN_WORDS,
    OCCUPATION_MODIFIERS,
    OCCUPATION_NOUNS,
    ORGANISATION_APPOSITIVE_NOUNS,
    PARTICLES,
    PERSON_NOUNS,
    PURE_TITLES,
    THING_NOUNS,
    VERB_ADVERBS,
    VERB_CUES,
    VERB_LIKE_OCCUPATIONS,
)

LIST_JOINS = (" and ", ", ", " or ", ", and ")
# Nationalities that open firms' and departments' names ("Canadian Heritage", "American Airlines", "British Gas"); a
# list, not the endings (-ish, -ian: "Girish Mehta", "Cassian Brandt" are people; "Danish", a given name, left out).
NATIONALITY_WORDS = frozenset(
    """canadian american british english scottish irish welsh australian french german italian spanish portuguese
chinese japanese korean indian pakistani mexican brazilian european african asian arab russian ukrainian polish dutch
swiss swedish norwegian finnish greek turkish israeli iranian egyptian nigerian kenyan""".split()
)
# A colour that is a given name too (the nickname "Red"), before an English word: a place's or a body's name.
COLOUR_GIVEN_NAMES = frozenset({"red"})
# Words that date a role without being one: "Former", "Ex-", "Late".
TIME_MODIFIERS = frozenset("former ex ex- late then onetime one-time erstwhile".split())
# A relative after a name's possessive ("Tshepo Mokoena's mother"): only people have them. Not "partner" (firms have
# partners), nor a relative word before a thing's noun ("Quorbit's sister company").
KIN_AFTER_RE = re.compile(
    r"(" + "|".join(w for w in KIN_WORDS if w != "partner") + r")\b"
    r"(?!\s+(?:" + "|".join((*THING_NOUNS, *ORGANISATION_APPOSITIVE_NOUNS)) + r")\b)"
)
# A small number right before a word counts things or members of a group ("six Orthodox", "3 Fat;", "0 Milk"): no
# person named again by surname (years are longer: "in 2016 Ruiz won").
COUNT_BEFORE_RE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s\Z"
)
PARTY_TAG_RE = re.compile(r"\A\s*\([^()]{1,16}\)")


def _list_join(text: str, a: _Candidate, b: _Candidate) -> str | None:
    """What joins two names of a list ("Jeff Hale (D-Ore.), Ana Ruiz": a party tag may follow a name), else None."""
    between = text[a.end : b.run_start]
    if between in LIST_JOINS:
        return between
    between = PARTY_TAG_RE.sub("", between, count=1)
    return between if between in LIST_JOINS else None


def _listed_with_people(text: str, cands: list[_Candidate], found: dict[int, str]) -> None:
    """A name in a list with a person's ("Barack Obama and Mitt Romney", "Ben Carson, Ted Cruz and Rand
    Paul"): people are listed with people. Read in both directions until nothing changes."""
    changed = True
    while changed:
        changed = False
        for k, (a, b) in enumerate(zip(cands, cands[1:], strict=False)):
            if (a.person in found) == (b.person in found):
                continue
            join = _list_join(text, a, b)
            if join is None:
                continue
            if join == ", " and (k + 2 >= len(cands) or _list_join(text, b, cands[k + 2]) is None):
                continue  # two names and a comma are no list: "On Cinco de Mayo, Trump …", "… to La Raza, Graham"
            other = b if a.person in found else a
            key = _name_key(other.tokens)
            if len(key) > 1 and (_plain_word(key[0]) or _word_pair(key) or _of_a_place(key)):
                continue  # "Chips Ahoy", "Salmon Dinner" beside people: an English word leads or ends it
            found[other.person] = "listed with people"
            changed = True


def _english_evidence(text: str, c: _Candidate, person: _Person) -> str:
    """Why a name in English is a person's, briefly ("" when nothing says so): a title in its run ("title:
    Gov."), a given name gender-guesser knows before a surname ("full name, given name known"), a reporting
    verb right after or before it ("reporting verb: said"), an age (", 45,"), or a role: an occupation right
    before it ("role: teacher") or a person's appositive after it (", a retired teacher")."""
    if all(_plain_word(w) for w in _name_key(person.tokens)):
        return ""  # "Major Hospitals", "General Information": frequent English words, none a name's, after a title
    if _common_words_only(person.tokens) and not _person_after(text, c, said=_said_is_enough(c, person)):
        return ""  # "The Chief Public Health Officer said": a title's rest (but "Sun Ming, a coach,", "Ban Gold said")
    if _plain_word_after_first(person.tokens):
        return ""  # "Saks Off Fifth", "Trump National Doral", "Heathrow Express": a label's or a place's words
    if not c.role and _of_a_place(_name_key(person.tokens)) and not _person_after(text, c):
        return ""  # "Health Canada said", "Toronto Hydro said", "Amazon Germany": an agency, a firm or its branch
        # (but "Hina Ota, a nurse,", "Sota Sakai, 41,": a person's appositive; Ota and Sakai are cities too)
    if c.role and _office_or_shop_alone(person.tokens):
        return ""  # "Pierre's General Store", "Mr. Speaker": a title before an office or a shop, no surname
    key = _name_key(person.tokens)
    if len(key) > 1 and key[0] in NATIONALITY_WORDS and not _known_given_name(key[0]) and not c.role:
        return ""  # "A spokesperson for Canadian Heritage said", "Canadian Tire": a nationality opens no person's name
    if len(key) > 1 and key[0] in COLOUR_GIVEN_NAMES and not c.role:
        return ""  # "Red Cross", "Red Deer", "Red Willow": a colour and a word (the nickname "Red" is rare in news)
    if c.role and all(w.lower() in TIME_MODIFIERS for w in c.role.split()):
        c = dataclasses.replace(c, role="")  # "Former Tim Hortons barista …": "former" alone is no role
    if c.role and fold(c.role).lower() in name_data.load().places:
        c = dataclasses.replace(c, role="")  # "ambassador to Canada Mara Lind": a place alone is no role (no evidence)
    if c.role:
        title = next((w for w in reversed(c.role.split()) if _is_title(w.lower())), "")
        return f"title: {title}" if title else f"role: {c.role}"
    if len(key) > 1 and " ".join(key) in name_data.load().companies and not _person_after(text, c):
        return ""  # "Goldman Sachs said", "Wells Fargo reported": a listed firm's name (but "Ralph Lauren, 84, said")
    if len(c.tokens) == 1 and _heads_administration(text, c.start, c.tokens[0]):
        return "administration: " + c.tokens[0]  # "the Obama administration"
    if len(c.tokens) == 1 and (kin := _kin_before(text, c.run_start)):
        return f"kinship: {kin}"  # "his wife, Laura,": a given name alone, someone's relative
    if len(c.tokens) == 1 and _name_withheld(text, c.end):
        return "first name only, the surname withheld"  # "Rosalind, who asked that … not use her last name"
    if (
        len(key) > 1
        and _known_given_name(key[0])
        and key[0] not in ARTICLE_WORDS
        and not _word_pair(key)
        and not _english_words(key)
        and not _label_words(person.tokens)
        and not _surname_plural(key)
    ):
        return "full name, given name known"  # (not "El Universal", "Le Courrier Picard": an article, no given name)
    if _family_name_first(person.tokens):
        return "full name, family name first"  # "Park Ji-woon": the given name's shape says it
    plain_first = len(key) > 1 and (_plain_word(key[0]) or key[0] in ARTICLE_WORDS)
    if len(c.tokens) == 1 and len(key) > 1 and _surname(c.tokens) == _surname(person.tokens) and not plain_first:
        surname = _surname(c.tokens)
        if (
            surname != key[0]  # "Rust Belt Rust": the first word again, not a surname
            and surname not in name_data.load().places
            and not surname.endswith(ADJECTIVE_ENDINGS)
            and not (surname in text and re.search(rf"(?<![\w-]){re.escape(surname)}\b", text))
            and not _first_word_alone(text, person.tokens)
            and not COUNT_BEFORE_RE.search(text, max(0, c.run_start - 10), c.run_start)
        ):
            return "named again by surname"  # "Romney went on": firms are shortened to their first word, if at all
    after = PERSON_AFTER_RE.match(text, c.end, c.end + 80)
    if after is not None:
        said = after.group().split()
        if after.group().startswith(","):
            return "age" if said[-1].rstrip(",").isdigit() else f"role: {' '.join(said[1:])}"
        return f"reporting verb: {said[0]}"
    if STRONG_AFTER_RE.match(text, c.end, c.end + 12):
        return "reporting verb" if not text.startswith(",", c.end) else "age"
    if text.startswith(("'s ", "’s "), c.end) and (kin := KIN_AFTER_RE.match(text, c.end + 3, c.end + 40)):
        return f"kinship after the name: {kin.group(1)}"  # "Masai Ujiri's wife": firms have no wives
    if _nominated(text, c, key):
        return "nominated"  # "Merrick Garland's nomination", "nominated Merrick Garland": firms are not nominated
    if text.startswith((", who ", " who "), c.end) and not plain_first:
        return "'who' after the name"  # people take "who", things "which"
    verb = REPORTING_AFTER_RE.match(text, c.end, c.end + 40)
    if verb is not None:
        return f"reporting verb: {verb.group(1)}"
    if PERSON_BEFORE_RE.search(text, max(0, c.run_start - 60), c.run_start):
        return (
            "reporting verb before the name"
            if text[max(0, c.run_start - 8) : c.run_start].rstrip().endswith(("said", "says", "added", "adds"))
            else "role before the name"
        )
    occupation = _occupation_before(text, c.start)
    if occupation:
        return f"role: {occupation}"
    if _sentence_initial(text, c.run_start) and PRONOUN_AFTER_RE.match(text, c.end, c.end + 40):
        return "he or she after the name"  # "Amadou Sy opened his first restaurant"
    return ""


def _nominated(text: str, c: _Candidate, key: tuple[str, ...]) -> bool:
    """A name nominated ("Merrick Garland's nomination", "nominated Chidi Okonkwo") that a known given name opens or
    a word no English word list holds is in: awards nominate films and shows, whose titles are English words ("nominated
    Copper Lantern for best picture", "Stranger Tides's nomination")."""
    if not (
        (text.startswith(("'s ", "’s "), c.end) and text.startswith("nomination", c.end + 3))
        or text.endswith(NOMINATED_BEFORE, 0, c.run_start)
    ):
        return False
    words = name_data.load().english_words
    return (_known_given_name(key[0]) and not _word_pair(key) and not _english_words(key)) or any(
        w not in words for w in key
    )


def _said_is_enough(c: _Candidate, person: _Person) -> bool:
    """Whether "said" outweighs a name's frequent English words (_common_words_only): two words without a title, one a
    given name some country rates above rare ("Ban Gold said", "Sun Ming said"; not "Royal Mail said", "Legal Aid said",
    "Fair Trade said": an organisation's)."""
    frequent = name_data.load().frequent_given_names
    return not c.role and len(c.tokens) == 2 and any(w in frequent for w in _name_key(person.tokens))


def _person_after(text: str, c: _Candidate, said: bool = False) -> bool:
    """An age or a person's appositive right after the name (", 45,", ", a retired teacher"), or with said, also "said"
    (PERSON_AFTER_RE): evidence that outweighs the words of the name."""
    after = PERSON_AFTER_RE.match(text, c.end, c.end + 80)
    return after is not None and (said or after.group().startswith(","))


def _plain_word_after_first(tokens: tuple[str, ...]) -> bool:
    """A frequent English word that is no given name or surname after the first word ("Saks Off Fifth", "Obama Speech",
    "Jackie Gleason Classic"), but for a given name and one such word (a surname that is an English word too: "Ben
    Jealous", "Piet Sound")."""
    key = _name_key(tokens)
    if len(key) == 2 and _known_given_name(key[0]):
        return False
    return _plain_word_later(key)


def _plain_word_later(key: tuple[str, ...]) -> bool:
    """A frequent English word that is no given name or surname (_plain_word) after the first word, of three letters or
    more: not the Irish "O" ("Padraig O Ceallaigh", "Ciaran O Brannagain")."""
    return any(len(w) > 2 and _plain_word(w) for w in key[1:])


# One word after a title that makes a form of address or a shop's name, no person: "Mr. Speaker", "Madam Chair",
# "Pierre's General Store". A closed list: a surname that is an English word too stays a person ("Judge Swift", "Mayor
# Gold", "Councillor Field").
OFFICE_OR_SHOP_WORDS = PURE_TITLES | {"speaker", "chair", "chairperson", "store", "shop"}


def _office_or_shop_alone(tokens: tuple[str, ...]) -> bool:
    """One word, an office's or a shop's (OFFICE_OR_SHOP_WORDS)."""
    key = _name_key(tokens)
    return len(key) == 1 and key[0] in OFFICE_OR_SHOP_WORDS


def _common_words_only(tokens: tuple[str, ...]) -> bool:
    """Two words or more, each a frequent English word, none an English-speaking country's given name, the last no
    common surname: a title's rest or a label, no name, whatever title or verb stands around it ("The Chief Public
    Health Officer said", "Chief Brand Officer", "General Store"; but "Senator Elizabeth Warren", "Dr. Bonnie Henry": a
    given name; "Marine Le Pen": a particle). Only an age or a person's appositive outweighs it, or "said" after two
    words without a title, one a given name frequent somewhere (_said_is_enough: "Ban Gold said")."""
    key = _name_key(tokens)
    data = name_data.load()
    return (
        len(key) > 1
        and all(w in data.common_words and w not in data.english_given_names and w not in PARTICLES for w in key)
        and key[-1] not in data.common_surnames
    )


def _of_a_place(key: tuple[str, ...]) -> bool:
    """A name of two words or more opening or ending with a country, a U.S. state or a large city, whose first word is
    no given name ("Health Canada", "Transport Quebec", "Canada Goose", "Toronto Hydro"): a government's agency, a
    firm or its branch, no person (but "Michael Jordan", "Steve Israel", "Paris Hilton": a given name first)."""
    large = name_data.load().large_places
    return len(key) > 1 and (key[-1] in large or key[0] in large) and not _known_given_name(key[0])


def _first_word_alone(text: str, tokens: tuple[str, ...]) -> bool:
    """The first word of a name no given name list knows, written alone elsewhere in the article, not before the
    name's next word nor after its surname ("Docker Desktop" ... "Docker does not test"): firms and products are
    shortened to their first word, people to their surname."""
    first = _strip_possessive(tokens[0])
    if len(tokens) < 2 or not first.isalpha() or fold(first) in name_data.load().given_names:
        return False
    # (not after the surname: "Facebook/Seitchi Mahamat" writes Mahamat Seitchi's name surname first)
    after_surname = _strip_possessive(tokens[-1]) + " "
    # re.search(rf"(?<![\w-])(?<!{last} ){first}\b(?!\s+{tokens[1]})(?![\w-])", text) by str.find, without a pattern
    # compiled for each name (first ends with a letter, so [\w-] after it covers \b)
    i = text.find(first)
    while i >= 0:
        end = i + len(first)
        if (
            not _word_or_hyphen(text, i - 1)
            and not _word_or_hyphen(text, end)
            and not text.endswith(after_surname, 0, i)
            and not _spaced_before(text, end, tokens[1])
        ):
            return True
        i = text.find(first, i + 1)
    return False


def _spaced_before(text: str, i: int, word: str) -> bool:
    r"""re.match(rf"\s+{word}", text, i) for a word that opens with no white space."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    return j > i and text.startswith(word, j)


def _known_given_name(word: str) -> bool:
    """A folded word gender-guesser lists as a given name, or two of them joined by a hyphen ("eva-maria", "anna-lena":
    the lists hold few such compounds)."""
    given = name_data.load().given_names
    if word in given:
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(len(p) > 1 and p in given for p in parts)


def _word_pair(key: tuple[str, ...]) -> bool:
    """Two words the last of which is a frequent English word and neither a Census surname nor a given name: a
    given name is no evidence before it ("Marine Operations", "Pearl Jam", "Latino Decisions", "Salmon Dinner";
    but "Rich Eisen", "Grant Wood", "Will Rogers" and "Chad Sweet" are people)."""
    data = name_data.load()
    last = key[-1]
    return (
        len(key) >= 2
        and len(last) > 2
        and last in data.common_words
        and last not in data.surnames
        and last not in data.given_names
    )


def _surname_plural(key: tuple[str, ...]) -> bool:
    """A last word that is one of the 1,000 commonest Census surnames and an "s", itself no surname: a firm named after
    its founder, as a possessive without its apostrophe ("Tim Hortons"), or a family; no given name is evidence before
    it. Not a rarer surname's ("Gabrielle Giffords", "John Foster Dulles": surnames the Census list lacks) nor one in
    its own right ("Ellen Roberts", "Kyle Hawkins")."""
    data = name_data.load()
    last = key[-1]
    return len(key) >= 2 and last.endswith("s") and last not in data.surnames and last[:-1] in data.common_surnames


def _english_words(key: tuple[str, ...]) -> bool:
    """Two frequent English words, the first a given name only elsewhere or rarely in English-speaking countries, the
    last no common surname ("Take Care", "Red Hat", "Long Island"): a given name is no evidence before it (but "Mark
    Singer", "Tom Cruise", "Ryan Grim", "Joe Heck": names frequent in English; "Spike Lee": a common surname)."""
    data = name_data.load()
    first, last = key[0], key[-1]
    return (
        len(key) == 2
        and first in data.common_words
        and last in data.common_words
        and first not in data.english_given_names
        and last not in data.common_surnames
    )


def _label_words(tokens: tuple[str, ...]) -> bool:
    """A name a given name opens that reads as a label, a product's or a dish's, no person's: a frequent English word
    that is no given name or surname after the first word ("Gia Sundried Tomato Puree", "Red Hat Enterprise Linux"), or
    a frequent English word that is no English-speaking country's given name first and an English word that is no
    surname or given name last ("Line Width", "Price Alerts", "Free Printable Artwork", "Marine Interdiction"; but
    "Rich Eisen", "Grant Wood": a Census surname last; "Kit Malthouse": a word no English list has)."""
    key = _name_key(tokens)
    if _plain_word_later(key):
        return True
    data = name_data.load()
    first, last = key[0], key[-1]
    return (
        first in data.common_words
        and first not in data.english_given_names
        and last in data.english_words
        and last not in data.surnames
        and last not in data.given_names
        and not tokens[0].endswith(".")  # "M. Night Shyamalan": the initial is the given name
    )


def _surname_known(text: str, tokens: tuple[str, ...]) -> bool:
    """A two-word name whose last word is a Census surname and whose first is a given name no list knows ("Mitt
    Romney", "Megyn Kelly"): the first word must be no surname itself ("Goldman Sachs", "Rust Belt"), no title,
    kin word, place or nationality ("Cuban American"), and neither word may be written in lower case in the
    article (an English word: "the rust belt"). A plural last word whose singular is a surname but no given name
    is a thing's ("Walmart Stores", "Inauguration Days"; not "Williams", nor a common surname: "Davis"), and so is
    a name that "its" follows ("Corvane Sachs raised its forecast")."""
    key = _name_key(tokens)
    if len(key) != 2:
        return False
    first, last = key
    data = name_data.load()
    if last not in data.surnames or first in data.surnames:
        return False
    if not all(t.isalpha() and t[:1].isupper() and t[1:2].islower() for t in tokens):
        return False  # "JPMorgan Chase", initials, all capitals
    if _not_name_word(tokens[0]) or _is_title(first) or first in KIN_WORDS or first in KIN_TITLES:
        return False
    if _plain_word(first) or _english_words(key):
        return False  # "Total Fat", "Criminal Justice", "Animal Farm", "Take Care": an English word, no given name
    if first in data.english_words and (
        first.endswith(("ed", "ing")) or (last in data.common_words and last not in data.common_surnames)
    ):
        return False  # "Saturated Fat", "Pricing Tier", "Squawk Box": an English word first, a participle or before one
        # (but "Mitt Romney", "Hulk Hogan": an English word first is no evidence against a surname's)
    if first in data.places or first.endswith(DEMONYM_ENDINGS) or last.endswith(DEMONYM_ENDINGS):
        return False
    if last in data.places and last not in data.common_surnames:
        return False  # "Nazi Germany" (but "Davis", "Jackson" are towns and common surnames)
    if last in data.common_words and last not in data.common_surnames and _first_word_alone(text, tokens):
        return False  # "Facebook Messenger" beside "Facebook User ID": a frequent English word after a firm's name
    if (
        last.endswith("s")
        and last not in data.common_surnames  # "Davis", "Hughes" (not the plural of "Davi", "Hughe")
        and last[:-1] in data.surnames
        and last[:-1] not in data.given_names
    ):
        return False
    # (a str.find first: the folded words are seldom written in lower case, and each pattern is compiled anew)
    if (first in text or last in text) and re.search(rf"\b(?:{re.escape(first)}|{re.escape(last)})\b", text):
        return False
    name = re.escape(" ".join(tokens))
    return not re.search(rf"{name}\b[^.;:!?“”\"]{{0,40}}?\b(?:its|itself|which)\b", text)


# A sentence's subject, then within a few words "his", "her", "he", "she" (firms take "its").
PRONOUN_AFTER_RE = re.compile(r"[^.;:!?“”\"]*?\b(?:his|her|he|she|himself|herself)\b")
# Where a clause before an apposition starts ("…», a déclaré la maire, Clémence Aubriot").
CLAUSE_MARKS = '.;:!?«»“”„"()—–\n'


def _evidence(text: str, c: _Candidate, rules: LanguageRules, lang: str) -> tuple[str, str]:
    """Why a name in a language other than English is a person's ("" when nothing says so): a title or
    role of the language in the run ("Polizeisprecher Torben Aschauer"), right before it ("le commandant
    Yannick Ferrandou"), in an apposition before it ("Son père, Armand Roumanille") or right after it
    ("Hervé Delmasure, conseiller municipal"); an age ("Ilka Brennecke (47)"); or a reporting verb of
    the language right before or after it ("sagte Demirtaş", "Marek Stiebitz warnte"). With the title
    word found outside the name's own run, as written ("maire")."""
    if c.role and any(_is_title(w.lower(), lang) for w in c.role.split()):
        return "title", ""
    given = _given_name_word(c.tokens[0].lower())
    title = _title_before(text, c.start, rules, given) or _title_after(text, c.end, rules)
    if not title and 0 <= c.run_start < c.start:  # before words cut from the run: "la ministre des | Sports | …"
        title = _title_before(text, c.run_start, rules, given)
    if title:
        return "title", title
    # An age only after or before a full name, and never 0: "Markt (8)" counts a category's entries, "Grad Celsius
    # (0)" a reading, "150-jährige Eichen" are trees.
    age = age_after_re(lang) if len(c.tokens) > 1 else None
    if age is not None and (found := age.match(text, c.end, c.end + 16)) and re.search(r"[1-9]", found.group()):
        return "age", ""
    age = age_before_re(lang) if len(c.tokens) > 1 else None
    if age is not None and age.search(text, max(0, c.start - 20), c.start):
        return "age", ""  # "die 81-jährige Hedwig Marschall"
    if _verb_next_to(text, c, rules):
        return "reporting verb", ""
    if epithet := _epithet_after(text, c, rules):
        return f"epithet: {epithet}", ""
    return "", ""


# How far after a name an epithet may stand for it, and the quotation marks whose words are skipped on the way.
EPITHET_WINDOW = 400
QUOTED_RE = re.compile(r"„[^“”\n]*[“”]|»[^«\n]*«|«[^»\n]*»|“[^”\n]*”")


def _epithet_after(text: str, c: _Candidate, rules: LanguageRules) -> str:
    """An epithet that a reporting verb gives the next quotation, standing for the name just written, in a language
    that capitalises nouns ("Beste Werferin war Lea Zimmermann-Okafor. „…“, sagte die 23-Jährige"; "Die Titelrolle
    spielt Henriette von Steinbach. „…“, sagte die Schauspielerin"): the epithet as written, or "". Only for a full
    name opening with a given name a list knows, of the epithet's gender when the list says, with nothing but the
    quotation between them outside the name's own sentence and the epithet's (no other given name, at most one
    sentence's end)."""
    if not rules.capitalises_nouns or len(c.tokens) < 2 or not _given_name_word(c.tokens[0].lower()):
        return ""
    match = _epithet_after_re(rules.code).search(text, c.end, c.end + EPITHET_WINDOW)
    if match is None:
        return ""
    epithet = f"{match['det']} {match['noun']}"
    gender = rules.epithet_gender(epithet)
    if not gender or gender_of(c.tokens[0]) not in ("", gender):
        return ""
    between = QUOTED_RE.sub(" ", text[c.end : match.start()])
    if len(re.findall(r"[.!?](?:\s|\Z)", between)) > 1 or given_name_between(between):
        return ""
    return epithet


# A given name and the capitalised word after it: a full name (in German, a capitalised word alone may be a noun
# that is also somebody's given name: "Man", "Kind"). Capitals of the Latin, Greek and Cyrillic scripts ("François",
# "Łukasz", not only Spanish and German ones); the surname is looked ahead to, not consumed, so "Mit Tobias Wendeler"
# holds both "Mit Tobias" and "Tobias Wendeler".
FULL_NAME_RE = re.compile(rf"\b([{_UPPER}][^\W\d_]+)(?=\s+[{_UPPER}][\w'’-]+)")


def given_name_between(text: str, lo: int = 0, hi: int | None = None, skip: frozenset[str] = frozenset()) -> bool:
    """Whether text[lo:hi], outside quotations, holds a full name opening with a given name a list knows and none of
    `skip` (lower case): someone named there, whether or not a rule found them a person."""
    between = QUOTED_RE.sub(" ", text[lo:hi])
    return any(
        (low := m.group(1).lower()) not in skip
        and low not in ARTICLE_WORDS  # ("El Faro", "Le Monde": "el" and "le" are given names too)
        and low not in PARTICLES
        and _given_name_word(low)
        for m in FULL_NAME_RE.finditer(between)
    )


@lru_cache(maxsize=16)
def _epithet_after_re(lang: str) -> re.Pattern:
    """A reporting verb of the language, then "der" or "die" and a capitalised noun or an age ("sagte die
    23-Jährige")."""
    verbs = sorted(_reporting_verb_words(lang) - rules_for(lang).after_quote_only, key=len, reverse=True)
    verb = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"\b(?:{verb})\s+(?P<det>der|die)\s+(?P<noun>\d{{1,3}}-Jährige|[A-ZÄÖÜ]\w+)\b")


def _title_before(text: str, start: int, rules: LanguageRules, given: bool = False) -> str:
    """A title of the language right before start, or in the clause before an apposition ending at start
    ("Son père, Armand Roumanille"); "" if none. given: the name opens with a given name a list knows."""
    window = text[max(0, start - 100) : start]
    stripped = window.rstrip()
    if stripped.endswith(","):
        clause = stripped[:-1]
        cut = max(clause.rfind(mark) for mark in CLAUSE_MARKS)
        return next((w for w in clause[cut + 1 :].split()[-8:] if rules.is_title(w.lower().strip(","))), "")
    words = stripped.split()
    if words and len(stripped) < len(window) and rules.is_title(words[-1].lower()):
        return words[-1]
    if (
        len(words) > 1
        and words[-1].isalpha()
        and words[-1].islower()
        and (given or words[-1] not in rules.function_words)
        and rules.is_title(words[-2].lower())
    ):
        # an adjective between: "l'entraîneur aurignacais Pascal Roumégoux"; a preposition only before a given name
        # ("la jueza de Ejecución Letizia Paredes"): "el jefe de Estado", "el director de Centros Penales", "le maire
        # de Paris" name an office's place or body, no person
        return words[-2]
    return ""


def _title_after(text: str, end: int, rules: LanguageRules) -> str:
    """ "…, conseiller municipal", "…, cheffe de file": a title among the first words of an apposition."""
    if not text.startswith(", ", end):
        return ""
    segment = text[end + 2 : end + 60]
    stop = min((i for i in (segment.find(m) for m in ",.;:!?(") if i >= 0), default=len(segment))
    return next((w for w in segment[:stop].split()[:3] if rules.is_title(w.lower())), "")


def _verb_next_to(text: str, c: _Candidate, rules: LanguageRules) -> bool:
    """A reporting verb of the language right after the name ("Quellmann sagte", "Anna Berger, sagte …") or
    right before it ("estime Hervé Delmasure"; "so" only after a quotation: "“…”, so Andermatt")."""
    verbs = _reporting_verb_words(rules.code)
    if not verbs:
        return False
    after = [w.strip(",.;:!?").lower() for w in text[c.end : c.end + 30].lstrip(" ,").split(None, 2)]
    if after and (after[0] in verbs or " ".join(after[:2]) in verbs):
        return after[0] not in rules.after_quote_only
    before = text[max(0, c.run_start - 40) : c.run_start].split()
    if not before:
        return False
    word = before[-1].strip(",;:").lower()
    if word in rules.after_quote_only:
        return len(before) > 1 and before[-2].endswith(",") and before[-2][-2:-1] in QUOTE_CLOSERS
    return word in verbs


QUOTE_CLOSERS = '”“"’«»」』'


@lru_cache(maxsize=64)
def _reporting_verb_words(lang: str) -> frozenset[str]:
    """The language's reporting verbs, lower case, as written (also the several-word ones)."""
    rules = rules_for(lang)
    return frozenset(v.lower() for v in rules.reporting_verbs) - rules.not_evidence if rules else frozenset()


# Words right before a person's name that nominate them ("the nomination of Merrick Garland"); "'s nomination" after it.
NOMINATED_BEFORE = ("nomination of ", "nominate ", "nominated ", "nominating ")


STRONG_AFTER_RE = re.compile(r",\s+\d{1,3},|\s+(?:said|says|told|added|asked)\b")


_PERSON_NOUN = r"(?:" + "|".join(sorted(PERSON_NOUNS, key=len, reverse=True)) + r")\b"
PERSON_AFTER_RE = re.compile(
    r",\s+\d{1,3},"
    r"|,\s+(?:(?:a|an|the|[A-Z][\w-]*[’']s)\s+)?(?:[\w’'-]+\s+){0,3}?"
    + _PERSON_NOUN
    + r"|\s+(?:said|says|added|adds)\b(?!\s+(?:it|its|they|their|we|our|in\s+a\s+statement)\b)"
)
# An appositive that says what the person is, opened by an article or an owner: ", a star anchor at …", ", the
# party's nominee" (not ", where café owner …", ", Clinton and husband Bill"; nor the subject of a reporting verb
# after a sentence: "… in Franklin Township, a police spokesman said").
APPOSITIVE_PERSON_RE = re.compile(
    r",\s+(?:a|an|the|[A-Z][\w-]*[’']s)\s+(?:[\w’'-]+\s+){0,3}?"
    + _PERSON_NOUN
    + r"(?!\s+(?:said|says|told|tells|added|adds|explained|stated|confirmed|reported|wrote|noted)\b)"
)
PERSON_BEFORE_RE = re.compile(
    r"(?:\b(?:said|says|added|adds)|\b(?:(?i:the|an?|its|his|her|their|my|our|your)|[A-Z]?[\w-]+[’']s)\s+"
    r"(?:[\w’'-]+\s+){0,3}?" + _PERSON_NOUN + r"\s*,"
    # "Housing Agency Chief Executive, Grainia Velt, said": a capitalised role opening the sentence, then the name
    r"|(?:^|(?<=\n)|(?<=[.!?]\s))(?:[A-Z][\w’'-]*\s+){0,4}(?i:" + _PERSON_NOUN + r")\s*,)\s+\Z"
)


WORD_RE = re.compile(r"\S+")


def _occupation_before(text: str, start: int) -> str:
    """ "teacher", "Board member", "Former prime minister": a lower-case occupation noun right before a name,
    with the role and organisation words before it; "" if the word before the name is none."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].islower():
        return ""  # a cheap test first: a lower-case word and one space before the name
    base = max(0, start - 60)
    # The last word alone first (str.split's white space is \s's): most are no occupation.
    if text[base : start - 1].rsplit(None, 1)[-1] not in OCCUPATION_NOUNS:
        return ""
    words = [(m.start() + base, m.group()) for m in WORD_RE.finditer(text, base, start)]
    if words[-1][1] in VERB_LIKE_OCCUPATIONS and len(words) > 1:
        k = len(words) - 2  # skipping adverbs: "will again coach X", "to then chair X"
        while words[k][1].lower() not in VERB_CUES and words[k][1].lower() in VERB_ADVERBS and k > 0:
            k -= 1
        if words[k][1].lower() in VERB_CUES:
            return ""  # "will coach Ana Ruiz", "to chair Ana Ruiz's committee": a verb, not her role
    i = len(words) - 1
    while i > 0 and words[i - 1][1].lower() in OCCUPATION_MODIFIERS:
        i -= 1
    if i > 0:
        # "Festival director Ana Ruiz", "Tower captain Ana Ruiz": one capitalised word opening the sentence
        # names what the role is of (as "Northbridge Mayor" does in a capitalised title).
        pos, word = words[i - 1]
        if word[:1].isupper() and word.isalpha() and word.lower() not in COMMON_WORDS and _sentence_initial(text, pos):
            i -= 1
    return " ".join(w for _, w in words[i:])


# What may follow a name that a noun phrase before it describes ("the mayor, Ana Ruiz, said"; "… was the mayor,
# Ana Ruiz."): the appositive ends with the name.
APPOSITIVE_CLOSERS = ",.;:!?)—–\n"
# "…, Ana Ruiz said, …": one or two lower-case words and a comma after a name.
PARENTHETICAL_AFTER_RE = re.compile(r"\s+[a-z]+(?:\s+[a-z]+)?,")
# An appositive after a name, after its age too ("X, 34, a nurse at the hospital,"), or ending its sentence ("…,” said
# X, a mother of four from Kelburn."; not at an abbreviation's full stop: "a professor at St. Mary's"; not "the more"
# of a comparison: "the longer they know Sanders, the more they like him").
APPOSITIVE_AFTER_RE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:the|a|an)\s+(?!(?:more|less|better|worse)\s)([^,.;:“”\"]{2,60}?)"
    r"(?:,|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.(?=\s|\Z))"
)
_APPOSITIVE_BEFORE = r"(?i:the|an?|its|his|her|their)\s+([^,.;:“”\"]{2,60}?),\s+\Z"
# Split in two, so the search starts from a character class (white space or a bracket).
APPOSITIVE_START_RE = re.compile(_APPOSITIVE_BEFORE)
APPOSITIVE_INSIDE_RE = re.compile(rf"[\s(]{_APPOSITIVE_BEFORE}")


def _appositive_role(text: str, m: Mention | None) -> str:
    """Role from "Tomas Brandt, the club's coach," or "the mayor, Ana Ruiz," at the first full mention."""
    if m is None:
        return ""
    after = APPOSITIVE_AFTER_RE.match(text, m.end, m.end + 70)
    if after:
        return after.group(1).strip()
    window = text[max(0, m.start - 70) : m.start]
    stripped = window.rstrip()
    if len(stripped) == len(window) or not stripped.endswith(","):
        return ""  # both regexes end with r",\s+\Z": a cheap test first (their lazy search is not)
    before = APPOSITIVE_START_RE.match(window) or APPOSITIVE_INSIDE_RE.search(window)
    if not before:
        return ""
    if m.end < len(text) and text[m.end] not in APPOSITIVE_CLOSERS:
        # The name is not closed off as an appositive; the phrase before it only describes the person when
        # it is no other clause: "The fees, Ana Ruiz warned, were …" (a parenthetical attribution inside a
        # sentence about the fees) and "In the men's race, Ana Ruiz won" (an introductory place or time)
        # are not roles; "As the only midwife on the island, Ana Ruiz has …" is.
        if PARENTHETICAL_AFTER_RE.match(text, m.end, m.end + 30):
            return ""
        words = window[: before.start(1)].split()
        if len(words) >= 2 and words[-2].lower() in INTRODUCTORY_PREPOSITIONS:
            return ""
    return before.group(1).strip()
