"""Attribution for quote extraction (quotes.py): the speaker a reporting verb names.

The subject of a reporting verb in the reporter's own words (before it, inverted after it, of a clause or a
participle, coordinated), names as written when scan_people did not take them (_written_name), and what
kind of speaker a phrase is (speaker_kind)."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Iterator

from . import name_data
from .language_rules import LanguageRules
from .name_genders import gender_of
from .people import COMMON_WORDS as PEOPLE_COMMON_WORDS
from .people import (
    NON_PERSON_WORDS,
    PARTICLES,
    PRONOUNS,
    ROLE_WORDS,
    Mention,
    PersonMention,
    fold,
)
from .people_evidence import given_name_between
from .people_runs import AGE_AFTER_RE
from .people_state import REPORTING_AFTER_RE
from .people_words import KIN_WORDS, NAME_OPENING_NOUNS, TITLE_WORDS
from .pronouns import (
    _complement_of_description,
    _gender,
    _last_sentence_mark,
    _person_genders,
    _qualifies_noun,
    _resolve_pronoun,
    _role_reference,
    _sentence_subject,
)
from .quote_state import (
    AFTER_STOP_RE,
    CLAUSE_WORDS,
    COORDINATED_RE,
    DETERMINER_WORD_RE,
    ENGLISH_WORDS,
    EPITHET_RE,
    LETTER_RE,
    PAST_AFTER_RE,
    QUOTE_CHAR,
    QUOTE_STOP,
    QUOTED_RE,
    RELATIVE_CLAUSE_RE,
    RFIND_WINDOW,
    TAIL_WORDS_RE,
    Basis,
    _after_preposition,
    _Attribution,
    _inside_quote,
    _mention_in,
    _past,
    _rfind,
    _State,
    _trie_pattern,
    _Words,
)
from .quote_words import (
    APPOSITIVE_PERSON_NOUNS,
    AUTHORED_HEADS,
    CONTRACTIONS,
    COORDINATING_ENDINGS,
    DESCRIPTION_OPENERS,
    DETERMINER_OPENERS,
    GROUP_WORDS,
    ING_PREPOSITIONS,
    INTRODUCTION_OPENERS,
    IRREGULAR_PASTS,
    LEDE_HEADS,
    LONE_COORDINATORS,
    NAME_CAMEL_PREFIXES,
    NAME_PREFIX_WORDS,
    NAME_SUFFIXES,
    NAMED_ORGANISATION_HEADS,
    NONPERSON_PRONOUNS,
    OBJECT_PREPOSITIONS,
    OPENING_SUBORDINATORS,
    ORGANISATION_HEADS,
    OUTLET_VERBS,
    PARENTHETICAL_OPENERS,
    PARENTHETICAL_PARTICIPLES,
    PARTICIPLE_REPORTING_VERBS,
    PERSON_HEADS,
    PERSON_OBJECT_VERBS,
    PLURAL_PRESENTS,
    POST_STOP_WORDS,
    REPORT_NOUNS,
    ROLE_DESCRIPTORS,
    SENTENCE_CONNECTIVES,
    SENTENCE_OPENERS_BEFORE_I,
    SUBJECT_PRONOUNS,
    SUBJECT_VERB_WORDS,
    SUBORDINATORS,
    TAIL_ENDINGS,
    TEXT_WORDS_RULE,
    TIME_WORDS,
    TITLE_SURNAMES,
)

# --- 4. attributions --------------------------------------------------------------------------------------------


ROLE_RULE = "role the article gave a person it names"


# A sentence's opening adverb or connective before a noun phrase subject ("Later the mayor said", "Meanwhile, the
# coach said"), or a conjunction opening a clause ("…, and the director noted that “…”"): not part of the subject,
# which a role reference reads from its determiner.
OPENING_ADVERB_RE = re.compile(
    r"\s*(?:Later|Earlier|Afterwards|Afterward|Meanwhile|Then|Still|Now|Also|But|And|So|Yet|However|Instead|Again|"
    r"Finally|Today|Yesterday|Tonight|and|but|or|then)\s*,?\s+(?=(?:the|a|an|his|her|their|its|one|another)\s)"
)


# A speech to come between a subject and its verb: "he was due to (say)", "she is expected to (tell)".
FUTURE_FRAME_RE = re.compile(r"\s+(?:was|is|were|are)\s+(?:due|expected|set|scheduled|going|about)\s+to\s*\Z")
# A text of the person a possessive pronoun means, as a subject: "His statement", "Her letter".
OWN_TEXT_RE = re.compile(
    r"(His|Her)\s+(?:own\s+|latest\s+|written\s+)?(?:statement|letter|post|tweet|message|email|note)"
)
# Reporting verbs in -s that are plural nouns too, and the words before them that make them nouns: "to back up claims",
# "the reports", "his remarks" (not "Ruiz claims", "the mayor claims").
PLURAL_NOUN_VERBS = frozenset("claims reports notes comments remarks replies answers posts tweets".split())
NOUN_BEFORE_RE = re.compile(
    r"\b(?:the|a|his|her|their|its|our|these|those|such|any|of|up|about|despite|with|new|false|recent)\s+\Z", re.I
)
# The past and present of "say" opening a phrase after a pronoun ("She said the panel"): what the pronoun reported.
SAID_WORDS = frozenset("said says told tells added adds".split())
JOINT_RULE = "two people named together"
# An unnamed person of an organisation ("A spokesperson for the Department of Health"): a long phrase, but its head
# is the person, so it is not cut down to the organisation after it.
UNNAMED_PERSON_OF_RE = re.compile(
    r"(?i:a|an|one|the)\s+(?:[a-z-]+\s+)?(?P<head>[a-z]+)\s+(?:for|of|at|with|from)\s",
)


# A share of a group as a subject: "75 percent of voters", "Two-thirds of voters", "Half of them".
SHARE_RE = re.compile(
    r"(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|[A-Za-z]+-(?:thirds?|quarters?|fifths?)|[Hh]alf|[Mm]ost|[Mm]any)\s+of\s"
)


# The pronoun a gender stands for, to resolve a description or an epithet as that pronoun would be.
GENDER_PRONOUNS = {"f": "she", "m": "he"}


def _speaker_from_segment(state: _State, text: str, a: int, b: int) -> _Attribution | None:
    """Subject phrase text[a:b] (no commas inside) → attribution, or None if it is no subject."""
    if state.words is ENGLISH_WORDS:
        opening = OPENING_ADVERB_RE.match(text, a, b)
        if opening is not None:
            a = opening.end()
    phrase = text[a:b]
    if phrase.rstrip().endswith(" to"):
        phrase = FUTURE_FRAME_RE.sub("", phrase)  # "“…,” he was due to say": the subject before the frame
    if phrase.rstrip().endswith(TAIL_ENDINGS):
        phrase = TAIL_WORDS_RE.sub("", phrase)
    phrase = phrase.strip(' \t\n,“”"‘’')
    if not (phrase[:1].isalpha() or LETTER_RE.search(phrase)):  # (most phrases open with a letter: no regex)
        return None
    first_word = phrase.split(None, 1)[0]
    if first_word.islower() and (
        (first_word.endswith("ing") and first_word not in ING_PREPOSITIONS) or first_word in PARENTHETICAL_PARTICIPLES
    ):
        return None  # "Ruiz, playing Gale on stage, said", "Ruiz, asked about Gale, said": a parenthetical's object
    mention = _mention_in(state, a, b, text)
    if mention and state.words is ENGLISH_WORDS and text[max(a, mention.start - 5) : mention.start] in (" and ", " & "):
        other = _mention_in(state, a, mention.start - 4, text)
        if other is not None and other.person != mention.person:
            # "Ada Voss and Bram Tessaro said": two people speak together, neither alone
            return _Attribution(a, b, None, text[other.start : mention.end], JOINT_RULE, "person")
    if mention and phrase.rsplit(None, 1)[-1] in SUBJECT_PRONOUNS:
        mention = None  # "… wrote to Caldwell every week, although she laughed and said": the pronoun is the subject
    if mention and OWN_SUBJECT_CLAUSE_RE.search(text, mention.end, b):
        mention = None  # "Ramsay left after what the board described as “…”": the clause's own subject speaks
    if mention and not _complement_of_description(text, a, mention) and not _qualifies_noun(text, a, mention, b):
        return _Attribution(a, b, mention.person, mention.text, "name next to the reporting verb")
    words = phrase.split()
    last_word = words[-1]
    if last_word[-2:] in ("’d", "'d") and last_word[:-2].lower() in ("he", "she"):
        last_word = last_word[:-2]  # "“…?” he’d shouted": a pluperfect's pronoun
    if len(words) > 2 and words[0] in ("He", "She") and words[1] in SAID_WORDS and last_word.lower() not in PRONOUNS:
        # "She said the inquiry had asked the government “to …”": the verb's subject is inside what she said
        last_word = words[0]
    # A language's pronoun stands for the English one ("sagte sie", "explique-t-il": "she", "he").
    pronouns = state.words.pronouns
    pronoun = pronouns.get(last_word.lower().rsplit("-", 1)[-1], "") if pronouns else ""
    if not pronoun and pronouns and len(words) > 1 and words[0].lower() in pronouns and words[0].islower():
        pronoun, last_word = pronouns[words[0].lower()], words[0]  # "sagte sie dieser Zeitung"
    if pronoun or last_word.lower() in PRONOUNS:
        person, how = _resolve_pronoun(state, text, a, pronoun or last_word)
        want = _gender([(pronoun or last_word).lower()])
        if person is not None and want:  # "she said" states the speaker's gender for later pronouns
            _person_genders(state, text).setdefault(person, want)
        rule = f"pronoun next to the reporting verb, meaning {how}"
        return _Attribution(a, b, person, last_word, rule, "person", Basis.PRONOUN)
    first = words[0].lower()
    if len(words) == 1 and first in LONE_COORDINATORS:
        return None  # "… said X, and called the plan “…”": a coordinator, whose subject is the clause's before it
    if first in NONPERSON_PRONOUNS:
        # "it said": an organisation; "they", "we": a group or an organisation, the text does not say which
        kind = "organisation" if first == "it" else "unknown"
        return _Attribution(a, b, None, phrase, "organisation or group pronoun", kind)
    owned = OWN_TEXT_RE.fullmatch(phrase)
    if owned is not None and state.words is ENGLISH_WORDS:
        # "His statement continued: “…”", "Her letter said": the words of whom the pronoun means
        person, how = _resolve_pronoun(state, text, a, "he" if owned.group(1) == "His" else "she")
        rule = f"a text of theirs, the pronoun meaning {how}"
        return _Attribution(a, b, person, phrase, rule, "person", Basis.PRONOUN)
    if SHARE_RE.match(phrase):
        # "75 percent of voters said", "Two-thirds of voters say": a share of a group, nobody in particular (not
        # a parenthetical to skip, which would hand the quotation to whoever spoke before)
        return _Attribution(a, b, None, phrase, "role or description", "unknown")
    if first.endswith("ing") or first.isdigit() or first in PARENTHETICAL_OPENERS:
        return None  # "speaking in parliament", "44", "who chairs the board": a parenthetical, not a subject
    if phrase[:1].isupper():  # "Lasry told …", "said Mrs. Okafor": a name scan_people did not take
        att = _written_name(state, text, a, b, phrase)
        if att is not None:
            return att
    if EPITHET_RE.match(phrase):  # "said the 20-year-old", "said the teenager"
        aged = _aged(state, text, a, phrase)
        if aged == AGE_SHARED:  # either of two people that age: nobody's
            return _Attribution(a, b, None, phrase, "role or description", "person")
        if aged is not None:  # "Lena Okafor, 34, …" / "“…,” the 34-year-old said"
            return _Attribution(a, b, aged, phrase, AGE_RULE, "person", Basis.EPITHET)
        # (a parent's epithet says whom it stands for, "the mother of two" a woman; the others give no gender)
        want = _gender(phrase.lower().split())
        person, how = _resolve_pronoun(state, text, a, GENDER_PRONOUNS.get(want, ""))
        others = _others_named_since(state, text, a, person, how) if person is not None else []
        if (
            len({m.person for m in others}) == 1
            and any(_lay_subject(text, m) for m in others)
            and (not want or _person_genders(state, text).get(others[0].person, want) == want)
            and _lay_person(state, others[0].person, occupations=False)
            and not _aged_person(state, text, person)
        ):
            # "Grade 12 student Aaliyah Osei-Bonsu … watched. “…,” said the 17-year-old": the one person named since
            # the speaker it reached back to, as the subject of their sentence
            return _Attribution(a, b, others[0].person, phrase, EPITHET_SINCE_RULE, "person", Basis.EPITHET)
        if others:
            return _Attribution(a, b, None, phrase, "role or description", "person")
        return _Attribution(a, b, person, phrase, f"epithet, as a pronoun, meaning {how}", "person", Basis.EPITHET)
    # "money that the judge said": the subject is the relative clause's own noun phrase.
    clause = RELATIVE_CLAUSE_RE.split(phrase)[-1]
    if clause is not phrase and state.words.determiner_re.match(clause + " "):
        phrase = clause
    # A noun phrase: an organisation, a role ("the mayor") or an unnamed speaker ("one driver").
    unnamed = UNNAMED_PERSON_OF_RE.match(phrase)
    whole = phrase
    if len(phrase.split()) > 6 and not (unnamed and unnamed.group("head") in PERSON_HEADS):
        det = list(DETERMINER_WORD_RE.finditer(phrase))
        phrase = phrase[det[-1].start() :] if det else " ".join(phrase.split()[-3:])
    person = _role_reference(state, text, a, phrase)
    if person is not None:  # "the coach": the person the article introduced with that role
        return _Attribution(a, b, person, phrase, ROLE_RULE, basis=Basis.ROLE)
    pronoun = _epithet_pronoun(state, phrase)
    if pronoun:  # "sagte die Rentnerin", "sagte die 23-Jährige": German news names a person, then calls them so
        person, how = _resolve_pronoun(state, text, a, pronoun)
        if person is not None and not _named_since(state, text, a, person, how):
            return _Attribution(a, b, person, phrase, f"epithet, as a pronoun, meaning {how}", "person", Basis.EPITHET)
    kind = speaker_kind(phrase)
    if (
        kind == "person"
        and phrase is whole
        and state.words is ENGLISH_WORDS
        and _description_of_one(state, text, a, phrase)
        and (main := _main_person(state)) is not None
    ):
        # "the Florida senator said", "said the Republican nominee": news shorthand for the person the text is about,
        # read as a pronoun, when that is the person the article names most (not the end of a longer phrase: "The
        # account from the CIA base chief adds")
        want = _gender(phrase.lower().split())
        person, how = _resolve_pronoun(state, text, a, GENDER_PRONOUNS.get(want, ""))
        if person is not None and person == main:
            rule = f"{DESCRIPTION_RULE}, meaning {how}"
            return _Attribution(a, b, person, phrase, rule, "person", Basis.DESCRIPTION)
    if (
        kind == "person"
        and phrase is whole
        and state.words is ENGLISH_WORDS
        and _description_of_one(state, text, a, phrase)
    ):
        person = _described_before(state, text, a, phrase)
        if person is not None:
            return _Attribution(a, b, person, phrase, SUBJECT_DESCRIBED_RULE, "person", Basis.DESCRIPTION)
    if state.words is ENGLISH_WORDS and (person := _lede_subject(state, text, a, b)) is not None:
        return _Attribution(a, b, person, phrase, LEDE_RULE, "person", Basis.DESCRIPTION)
    if state.words is ENGLISH_WORDS and kind == "person":
        person = _lede_official(state, text, a, phrase)
        if person is not None:
            return _Attribution(a, b, person, phrase, LEDE_RULE, "person", Basis.DESCRIPTION)
    return _Attribution(a, b, None, phrase, "role or description", kind)


# A relative or noun clause with a subject of its own right before the verb, after the name: "… after what the board
# described as", "… a deal that the union called". (Its subject is the clause's, not the name's.)
OWN_SUBJECT_CLAUSE_RE = re.compile(
    r"\b(?:what|that|which)\s+(?:the|its|his|her|their)\s+(?:[\w-]+\s+)?(?![\w-]*ed\s*\Z)[\w-]+\s*\Z"
)  # (the noun right before the verb: not "a statement that her office released Tuesday said")

LEDE_RULE = "a story's opening about the person it names next"
# "A Kelburn, B.C., woman", "a 71-year-old Kelburn woman who waited 14 hours": an indefinite article, up to five
# words, then the head (LEDE_HEADS) at the end or before a relative clause.
LEDE_SUBJECT_RE = re.compile(
    r"[\W\d]*\b[Aa]n?\s+(?:[\w'’.,-]+\s+){0,5}?(?P<head>[a-z]+)(?:\s*,?\s+(?:who|whose)\b.*)?\s*$", re.S
)


def _lede_subject(state: _State, text: str, a: int, b: int) -> int | None:
    """The person a story opens on without naming ("A Kelburn, B.C., woman says she waited 14 hours …" / "“Nobody
    came,” a Kelburn woman says."), when the story names no one before and then names them within two paragraphs
    ("Anneliese Drummond, 71, fell …"): that person, if the article names them most, with no role or a lay person's,
    their gender is the head's, and the opening names no relative of the head ("a mother whose daughter …")."""
    # (the mentions are in text order: the first starts first)
    if not state.starts or state.starts[0] < a:
        return None
    stop = text.rfind(". ", 0, a)
    sentence = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, a) + 1)
    for subject in (text[a:b], text[sentence:b]):
        found = LEDE_SUBJECT_RE.match(subject)
        if found and found.group("head") in LEDE_HEADS:
            break
    else:
        return None
    if any(w in KIN_WORDS for w in found.group().lower().replace(",", " ").split() if w != found.group("head")):
        return None  # "a Halverton mother whose daughter was left at the curb": the daughter named next is not her
    first = state.mentions[0]
    if text.count("\n\n", b, first.start) > 2 or first.person != _main_person(state):
        return None
    if not _lay_person(state, first.person):
        return None  # "Sgt. Tomas Reinholt said the man was rescued", "Hospital CEO Lorna Brisk": an official
    want, known = _gender([found.group("head")]), _person_genders(state, text).get(first.person, "")
    return first.person if not (want and known and want != known) else None


def _lede_official(state: _State, text: str, a: int, phrase: str) -> int | None:
    """The official a story opens on by role alone ("“…”, the work and pensions minister has said.") when nobody is
    named before and the first person named next, within two paragraphs, is the subject of a reporting verb ("This
    was why …, Alan Johnson said."): that person."""
    words = phrase.lower().split()
    if len(words) < 2 or words[0] != "the" or words[-1] not in TITLE_WORDS or words[-1] in ANONYMOUS_HEADS:
        return None
    if not state.starts or state.starts[0] < a:
        return None
    first = state.mentions[0]
    if text.count("\n\n", a, first.start) > 2 or not REPORTING_AFTER_RE.match(text, first.end, first.end + 40):
        return None
    return first.person


AGE_RULE = "epithet, the age the article gave a person it names"
AGE_EPITHET_RE = re.compile(r"(?i:the)\s+(\d{1,3})-year-old\Z")
AGE_SHARED = -1  # _aged: two people or more were given that age


def _aged(state: _State, text: str, a: int, phrase: str) -> int | None:
    """The person an age epithet stands for ("the 34-year-old"): the one the text gave that age before it, after the
    name (", 34,", " (34)", ", a 34-year-old nurse") or before it ("34-year-old Lena Okafor", "34-year-old registered
    nurse Lena Okafor"); None when nobody was, AGE_SHARED when two people were ("Lena Okafor, 34, and Tom Brisk, 34,").
    """
    m = AGE_EPITHET_RE.match(phrase)
    if m is None:
        return None
    age = m.group(1)
    after_re = re.compile(rf",\s*{age}\s*[,;.)]|\s*\({age}\)|,\s+an?\s+{age}-year-old\b")
    before_re = re.compile(rf"\b{age}-year-old\s+(?:[a-z]+\s+){{0,3}}\Z")
    aged = {
        mention.person
        for mention in state.mentions[: bisect_left(state.starts, a)]
        if after_re.match(text, mention.end) or before_re.search(text, max(0, mention.start - 60), mention.start)
    }
    return aged.pop() if len(aged) == 1 else AGE_SHARED if aged else None


EPITHET_SINCE_RULE = "epithet, meaning the one person named since the previous speaker"


def _lay_person(state: _State, person: int, occupations: bool = True) -> bool:
    """No role, or a lay person's ("student", "resident"; with occupations, "nurse", "farmer" too): not "Coach",
    "Mayor", "Sgt.", "Hospital CEO" (nor, without occupations, "Veteran goalie")."""
    role = state.people[person].role.lower().split()
    return not role or role[-1] in LEDE_HEADS or (occupations and role[-1] in NAME_OPENING_NOUNS)


def _aged_person(state: _State, text: str, person: int) -> bool:
    """The text gives the person an age ("Tomas Brandvold, 17,"): an epithet more likely means them."""
    return any(m.person == person and AGE_AFTER_RE.match(text, m.end) for m in state.mentions)


def _lay_subject(text: str, m: Mention) -> bool:
    """The mention opens its sentence, no possessor, after nothing but capitalised words, numbers and a lay person's
    noun ("Grade 12 student Aaliyah Osei-Bonsu, who …, watched"; not "Veteran goalie Kirsti Haldane", "Coach …")."""
    words = text[_last_sentence_mark(text, 0, m.start) + 1 : m.start].split()
    return not text.startswith(("'s", "’s"), m.end) and all(
        w.lower() in LEDE_HEADS or ((w[:1].isupper() or w.isdigit()) and w.lower() not in ROLE_WORDS) for w in words
    )


def _others_named_since(state: _State, text: str, a: int, person: int, how: str) -> list[Mention]:
    """An English epithet resolved to someone of an earlier paragraph while other people were named since, not as a
    possessor ("Tom Brisk rowed across as a boy. “…,” the teenager said"; not "from Tom Brisk's farm"): those
    mentions (since _reached_back_from). The epithet is more likely one of theirs: the one person named so, as the
    subject of a sentence, else nobody."""
    since = _reached_back_from(state, text, a, person, how)
    if since is None:
        return []
    return [
        m
        for m in state.mentions[bisect_left(state.starts, since) : bisect_left(state.starts, a)]
        if m.person != person and not text.startswith(("'s", "’s"), m.end)
    ]


# How _resolve_pronoun reaches back past the paragraph of the pronoun.
EARLIER_PARAGRAPH_HOWS = frozenset(
    {"the previous speaker", "the subject of a sentence since the previous speaker", "the last person named before"}
)


def _named_since(state: _State, text: str, a: int, person: int, how: str) -> bool:
    """A speaker without a name (an epithet, a verb without a subject) resolved to someone of an earlier paragraph,
    while the text since that person names somebody else, a name no rule made a person ("Im Tor stand Tobias
    Wendeler. „…“, sagte die Kapitänin"; "La candidata Ingrid Betancourt aprovechó … / “…”, dijo"): more likely
    theirs. Since the previous speaker when that is whom it reached back to, else since the paragraph's start."""
    since = _reached_back_from(state, text, a, person, how)
    own = frozenset(w.lower() for w in state.people[person].name.split())
    return since is not None and given_name_between(text, since, a, own)


def _reached_back_from(state: _State, text: str, a: int, person: int, how: str) -> int | None:
    """Where a speaker resolved to someone of an earlier paragraph (how: one of EARLIER_PARAGRAPH_HOWS) was last in
    view: the previous speaker's end when that is whom it reached back to, else the paragraph's start; None when it
    did not reach back."""
    if how not in EARLIER_PARAGRAPH_HOWS:
        return None
    since = _rfind(state, text, "\n", 0, a) + 1
    if state.last is not None and state.last.person == person:
        since = min(since, state.last.end)
    return since


def _epithet_pronoun(state: _State, phrase: str) -> str:
    """ "she" or "he" for an epithet that stands for the person just named (LanguageRules.epithet_gender: "die
    23-Jährige", "die Schauspielerin", "der Trainer"); "" for anything else."""
    rules = state.words.rules
    return GENDER_PRONOUNS.get(rules.epithet_gender(phrase), "") if rules is not None else ""


DESCRIPTION_RULE = "description, as a pronoun"
SUBJECT_DESCRIBED_RULE = "description, meaning the subject of the sentence before"
VERB_AFTER_NAME_RE = re.compile(r"\s+(?:[a-z]+ly\s+|still\s+)?[a-z]+(?:s|ed)\b")  # "Marco Rubio still believes"


def _described_before(state: _State, text: str, a: int, phrase: str) -> int | None:
    """The person the sentence before the one holding a is about ("Cruz warned against a brokered convention. “…,”
    the Texas senator said"), when nobody else is named from that person's mention to a, in that paragraph or the one
    before, the article gave them no role (the description's would have been found: speakers._role_reference) and a
    gender the description states is theirs."""
    end = _last_sentence_mark(text, 0, a)
    while end > 0 and _inside_quote(state, end):  # a full stop inside the quotation the sentence holds
        end = _last_sentence_mark(text, 0, end)
    if end <= 0:
        return None
    start = _last_sentence_mark(text, 0, end)
    while start > 0 and (_inside_quote(state, start) or text[start + 1 : end].isspace() or start + 1 == end):
        start = _last_sentence_mark(text, 0, start)  # (and over the blank line between paragraphs)
    start += 1
    if text.count("\n\n", start, a) > 1:
        return None
    person = _sentence_subject(state, text, start, end)
    if person is None:
        return None
    lo = bisect_left(state.starts, start)
    first = next(i for i in range(lo, len(state.mentions)) if state.mentions[i].person == person)
    if any(m.person != person for m in state.mentions[first : bisect_left(state.starts, a)]):
        return None
    if first > lo and not VERB_AFTER_NAME_RE.match(text, state.mentions[first].end):
        return None  # "… painting her rival, Donald Trump, as …": an appositive after somebody else, not a subject
    role = set(state.people[person].role.lower().split()) & PERSON_ROLE_HEADS
    if role and not role.intersection(phrase.lower().split()):
        return None  # "Mayor Ivo Stannard was less sure. “…,” the Elmsby delegate said": another role, another person
    want, known = _gender(phrase.lower().split()), _person_genders(state, text).get(person, "")
    return None if want and known and want != known else person


# Heads of a description that stand for somebody the text does not name ("the source said", "the official added",
# "the woman said" of a cashier just described), or for another party to the story than the person it is about: "the
# judge said" in a story about a defendant, "the coach said" in one about a player, "the victim said" in one about a
# suspect, "the host said" in one about a guest.
ANONYMOUS_HEADS = frozenset(
    """source official spokeswoman spokesman spokesperson insider aide staffer employee worker witness user man woman
boy girl person judge magistrate coroner prosecutor lawyer attorney barrister solicitor coach manager referee umpire
victim doctor surgeon nurse teacher officer detective landlord neighbour neighbor owner mother father sister brother
wife husband son daughter widow widower friend colleague host moderator interviewer reporter""".split()
)
DESCRIPTION_MAX_WORDS = 6


# How often the article must name a person for a description to stand for them ("the harbour minister": Ruiz in an
# article about her; not the one person a short text names once).
MAIN_PERSON_MENTIONS = 3


def _main_person(state: _State) -> int | None:
    """The person the article names most often, when named MAIN_PERSON_MENTIONS times or more, and more often than
    anyone else. Counted once an article (again when a mention is added: they are only ever added)."""
    key = ("main person", len(state.mentions))
    if key not in state.memo:
        state.memo[key] = _most_named(state)
    return state.memo[key]


def _most_named(state: _State) -> int | None:
    counts: dict[int, int] = {}
    for m in state.mentions:
        counts[m.person] = counts.get(m.person, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MAIN_PERSON_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _description_of_one(state: _State, text: str, a: int, phrase: str) -> bool:
    """A definite description of one person ("the Elmsby senator", "The former harbour minister") whose head is no
    anonymous person's nor another party's and that no indefinite phrase with the same head introduced before ("a
    senior adviser said … the adviser added": somebody unnamed)."""
    words = phrase.split()
    if not (1 < len(words) <= DESCRIPTION_MAX_WORDS) or words[0].lower() != "the":
        return False
    head = SPEAKER_HEAD_END_RE.split(phrase.strip(), 1)[0].split()[-1].lower()
    if head in ANONYMOUS_HEADS or (head.endswith("s") and not head.endswith(("ss", "us"))):
        return False
    return not _introduced_before(state, text, a, head)


def _introduced_before(state: _State, text: str, a: int, head: str) -> bool:
    """An indefinite phrase with this head ("a senior adviser", "one aide") ends by a. Where the first one ends is
    found once an article: searching the text before each description made a text of many quotations quadratic."""
    key = ("introduced", head)
    if key not in state.memo:
        # (the words between are whole words, so of all matches the first one a lazy search finds ends first)
        pattern = re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}\b")
        found = pattern.search(text)
        state.memo[key] = (pattern, found.end() if found else len(text) + 1)
    pattern, first_end = state.memo[key]
    if first_end < a:
        return True
    # (one ending at a, where the text is cut, may match only there: "\b" at its end)
    return text.endswith(head, 0, a) and pattern.search(text, 0, a) is not None


# --- what kind of speaker -------------------------------------------------------------------------------------
# A speaker phrase that names no person (Quote.speaker_kind): the noun at its head says what speaks. The head is the
# last word before a preposition or a clause ("a spokeswoman for the ministry": spokeswoman).

SPEAKER_HEAD_END_RE = re.compile(r"\s(?:for|of|at|in|from|with|to|who|that|which|on|under|close)\s|,")
ACRONYM_RE = re.compile(r"[A-Z][A-Z&]+\Z")
# The role words that name a person as a head (not "of", "the", "state" …): a set made once, not at every call.
PERSON_ROLE_HEADS = ROLE_WORDS - {"of", "for", "the", "state", "federal", "national"}


def speaker_kind(phrase: str) -> str:
    """ "person", "organisation" or "unknown" for a speaker phrase that names no person the article knows: "the
    ministry", "CNN" and "the Washington Post" are organisations, "a spokeswoman for the ministry" and "one
    official" are people; plurals ("officials"), documents ("the report") and bare names are unknown."""
    head_part = SPEAKER_HEAD_END_RE.split(phrase.strip(), 1)[0].strip()
    words = head_part.split()
    if not words:
        return "unknown"
    head = words[-1].strip(".,;:").replace("’s", "").replace("'s", "")
    if ACRONYM_RE.match(head) and len(words) <= 2:
        return "organisation"  # "CNN", "the FBI": an acronym names an organisation, never a person
    low = head.lower()
    if low in ORGANISATION_HEADS or (head[:1].isupper() and low in NAMED_ORGANISATION_HEADS):
        return "organisation"
    if low in PERSON_HEADS or low in PERSON_ROLE_HEADS:
        return "person"
    return "unknown"


# --- names as written -------------------------------------------------------------------------------------
# A speaker next to a reporting verb whose name scan_people did not take ("Lasry told …" when the article never
# gives a first name, "Mrs. Okafor said" when its full name was dropped): the name as written is the speaker,
# the same person as one the article names in full when the surname says so.

# A legislator's party and state after the name: "Rep. Ada Voss (D-Ore.)", "(R-Texas)", "(I-Vt.)", "(D-N.Y.)".
# A state alone ("(Vt.)", "(N.Y.)") or a party alone ("(D)") too.
PARTY_TAG_RE = re.compile(
    r"\((?:(?:[DRI]|Dem|Rep|Ind)(?:\s?[-–,]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|"
    # a social media handle after the name ("Ana Gil (@anagil) tweeted:")
    r"@\w{1,30})\)"
)
PARTY_TAG_AFTER_RE = re.compile(r"\s*" + PARTY_TAG_RE.pattern)
# A role noun right before a name says whose role it is ("GLD spokesman Tavi Morrel"): the person nouns and roles, not
# the words of ROLE_WORDS that only qualify a role ("deputy", "foreign", "city") or join it ("the family of Ana Gil").
ROLE_QUALIFIERS = frozenset(
    """acting affairs assistant associate city county culture defence defense deputy district economy education energy
environment federal finance fire first for foreign general head health home interim interior justice labor labour
managing national of opposition police prime regional state supreme the trade transport treasury vice""".split()
)
ROLE_NOUNS_BEFORE_NAME = PERSON_HEADS | (ROLE_WORDS - ROLE_QUALIFIERS)
# A name's words: capitalised, with letters after the capital, or initials ("J.", "J.M.").
NAME_WORD_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])*\.|[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


def _name_words(phrase: str) -> tuple[list[str], str] | None:
    """The words of the name a subject phrase consists of, and the titles before it: "Mrs. Clinton" ->
    (["Clinton"], "Mrs."), "the Tribune’s Ishaan Tharoor" -> (["Ishaan", "Tharoor"], ""). None when the phrase is
    no name: lower-case words in it, an organisation's or a place's word, a common word, an acronym."""
    phrase = PARTY_TAG_RE.sub("", phrase)
    words = phrase.split()
    for i in range(len(words) - 1, 0, -1):
        # after an owner ("the Tribune’s Ishaan Tharoor") or a person's role in lower case ("GLD spokesman Tavi
        # Morrel"): the name
        if words[i - 1].endswith(("’s", "'s")) or words[i - 1] in ROLE_NOUNS_BEFORE_NAME:
            words = words[i:]
            break
    titles = []
    while words and (words[0].lower() in NAME_PREFIX_WORDS or words[0].lower().rstrip(".") in NAME_PREFIX_WORDS):
        titles.append(words.pop(0))
    if not words or len(words) > 4:
        return None
    for k, w in enumerate(words):
        low = fold(w).lower()
        if k and low in NAME_SUFFIXES:
            continue
        if 0 < k < len(words) - 1 and low in PARTICLES:
            continue
        if not (w[:1].isupper() and NAME_WORD_RE.fullmatch(w)) or w.endswith(("’s", "'s")):
            return None
        if len(w) > 1 and w.isupper() and "." not in w:
            return None  # an acronym: an organisation ("CNN said")
        plain = low.rstrip(".")
        if k and k == len(words) - 1 and plain in TITLE_SURNAMES:
            continue  # a title that is also a surname, after a given name: "Peter T. King", "Ana Bishop"
        if 0 < k < len(words) - 1 and plain in NON_PERSON_WORDS and gender_of(words[0]):
            continue  # a middle name that is also a place's word, after a given name: "Kathleen Hall Jamieson"
        if plain in NON_PERSON_WORDS or plain in PEOPLE_COMMON_WORDS or plain in ROLE_WORDS or plain in GROUP_WORDS:
            return None
    if words[-1].endswith(".") and fold(words[-1]).lower() not in NAME_SUFFIXES and len(words[-1]) > 2:
        return None  # "Pa.", "Mass.": a state's abbreviation ends the phrase, not a name
    return words, " ".join(titles)


def _written_name(state: _State, text: str, a: int, b: int, phrase: str) -> _Attribution | None:
    """A subject phrase that is a name but no mention of scan_people's: the person of that surname the article names
    (when exactly one fits), else a speaker named as written. Several people of that surname: unresolved."""
    shaped = _name_words(phrase)
    if shaped is None:
        return _surname_of_one(state, a, b, phrase)
    words, titles = shaped
    core = [w for k, w in enumerate(words) if not (k and fold(w).lower() in NAME_SUFFIXES)]
    surname = fold(core[-1]).lower()
    first = fold(core[0]).lower() if len(core) > 1 else ""
    want = _gender(titles.lower().replace(".", "").split())
    genders = _person_genders(state, text) if want else {}
    fits = []
    for i, p in enumerate(state.people):
        names = [fold(w).lower() for w in p.name.split() if fold(w).lower() not in NAME_SUFFIXES]
        if names and names[-1] == surname and (not first or names[0] == first) and genders.get(i, want) == want:
            fits.append(i)
    if len(fits) == 1:
        return _Attribution(a, b, fits[0], phrase, "surname of a person the article names")
    if fits:
        return _Attribution(a, b, None, phrase, "surname of several people: unresolved", "person")
    if not first:
        # "María Fernanda Ortiz Salcedo" … "Ortiz said": the first of two surnames, as Spanish and Portuguese names go
        # by (in an English text too); not a middle initial ("John Q. Ortiz")
        seconds = [
            i
            for i, p in enumerate(state.people)
            if len(parts := p.name.split()) >= 3
            and fold(parts[-2]).lower() == surname
            and not parts[-2].endswith(".")
            and genders.get(i, want) == want
        ]
        if len(seconds) == 1:
            return _Attribution(a, b, seconds[0], phrase, "first of two surnames of a person the article names")
    name = " ".join(words)
    if fold(name).lower().replace("’", "'") in name_data.load().places:
        # "Sacramento said", "Norland insisted that …": a place (its government, its people) speaks, not a person, nor
        # whoever spoke before
        return _Attribution(a, b, None, phrase, PLACE_RULE, "organisation")
    if len(words) == 1 and (short := _short_given_name(state, name)) is not None:
        # "Shaq says" of Shaquille Brandvold, "Chris said" of Christopher Lund: the one person whose given name it opens
        return _Attribution(a, b, short, phrase, SHORT_NAME_RULE, "person")
    if len(words) == 1 and re.search(_whole_word(name.lower()), text):
        return None  # a common noun opening the sentence ("Aides said"): the text writes it in lower case
    if len(words) == 1 and _plural_noun(name):
        return None  # "Allies say that he …", "Critics said": a group opening the sentence, though written once
    full = _full_name_elsewhere(text, name) if len(words) == 1 else ""
    if full:  # "on The Petra Quillfeather Hour … Quillfeather said": the person the full name names
        return _new_speaker(state, text, a, b, phrase, full, titles, "full name written elsewhere in the text")
    if len(words) == 1 and _brand(text, name, a, b):
        return _Attribution(a, b, None, phrase, "name of an outlet or a brand", "organisation")
    # "GLD spokesman" before the name (and its titles, counted in words: "spokeswoman Dr. Della")
    before = PARTY_TAG_RE.sub("", phrase).split()[: -len(words) - len(titles.split())]
    if not _personal(text, name, a) and not (before and before[-1] in ROLE_NOUNS_BEFORE_NAME):
        return _Attribution(a, b, None, phrase, "name as written, no evidence of a person", speaker_kind(phrase))
    return _new_speaker(state, text, a, b, phrase, name, titles, "name as written next to the reporting verb")


PLACE_RULE = "name of a place"


def _whole_word(word: str) -> str:
    r"""The pattern of word standing whole, no word character or hyphen either side: r"(?<![\w-])word(?![\w-])",
    written to open with the word and look behind it afterwards, so that `re` skips in C to where the word stands
    (opened with the look-behind, the search of the text tried it at every character: ~65 us an article's text)."""
    word = re.escape(word)
    return rf"{word}(?<![\w-]{word})(?![\w-])"


def _plural_noun(word: str) -> bool:
    """An English plural that is no surname or given name ("Allies", "Critics", "Officials"; not "Sanders", "Williams",
    "Giffords"): the plural of a word the English word list has too."""
    low = fold(word).lower()
    data = name_data.load()
    if not low.endswith("s") or low not in data.english_words or low in data.surnames or low in data.given_names:
        return False
    stems = (low[:-1], low[:-2], low[:-3] + "y") if low.endswith("ies") else (low[:-1], low[:-2])
    return any(stem in data.english_words for stem in stems)


SHORT_NAME_RULE = "the given name, or its short form, of a person the article names"


def _short_given_name(state: _State, name: str) -> int | None:
    """The one person named in full whose given name the word is, or opens (four letters or more: "Shaq" of "Shaquille
    O'Neal", "Chris" of "Christopher Lund"), when no other person has it as a given name or a surname."""
    word = name.lower()
    if len(word) < 4 or not word.isalpha():
        return None
    exact, opened = set(), set()
    for i, person in enumerate(state.people):
        parts = person.name.lower().split()
        if len(parts) < 2:
            continue
        if parts[0] == word:
            exact.add(i)
        elif word in parts[1:]:
            return None  # somebody's surname
        elif parts[0].startswith(word):
            opened.add(i)
    found = exact or opened
    return found.pop() if len(found) == 1 else None


def _new_speaker(
    state: _State, text: str, a: int, b: int, phrase: str, name: str, titles: str, how: str
) -> _Attribution:
    """A speaker scan_people did not take, added to the article's people under that name and mentioned where text[a:b]
    writes it (or its surname), so that the same surname later means them."""
    written = name if name in text[a:b] else name.split()[-1]  # "Quillfeather said" for Petra Quillfeather
    at = text.find(written, a, b)
    start, end = (at, at + len(written)) if at >= 0 else (a, b)
    state.people.append(PersonMention(name, titles, 1, [], evidence="speaker named as written"))
    state.add_mention(Mention(start, end, name, len(state.people) - 1))
    return _Attribution(a, b, len(state.people) - 1, phrase, how)


# A given name right before a surname: "Petra Quillfeather" inside "The Petra Quillfeather Hour".
GIVEN_BEFORE_RE = r"(?<![\w’'-])([A-Z][a-z]+)\s+{}(?![\w-])"


def _full_name_elsewhere(text: str, surname: str) -> str:
    """The full name a one-word speaker has where the text writes it after a given name, when it does so with one
    given name only: a show's title ("The Petra Quillfeather Hour") or a caption names the person scan_people did
    not take as such. Two given names before it (two people of that surname): none; a given name of either gender
    counts among them ("Lee Elder" beside "zahlte Thomas Elder", Thomas paying Elder: none, not Thomas Elder)."""
    given_names = name_data.load().given_names
    written = {
        m.group(1)
        for m in re.finditer(GIVEN_BEFORE_RE.format(re.escape(surname)), text)
        if m.group(1).lower() not in NAME_PREFIX_WORDS
    }
    given = {word for word in written if gender_of(word)}
    others = {word for word in written - given if fold(word).lower() in given_names}
    return f"{given.pop()} {surname}" if len(given) == 1 and not others else ""


# A capital after a small letter, or an acronym run into a word: "PortLinq", "KXTide".
CAMEL_RE = re.compile(r"[a-z][A-Z]|[A-Z][A-Z][a-z]")


def _brand(text: str, name: str, a: int, b: int) -> bool:
    """A one-word speaker named as written that is an organisation's name: written as a brand ("PortLinq promised"),
    or no given name or surname the lists know, reporting as outlets do ("Tidewire reported"). A person's name with a
    capital inside ("McAllister", "DeWitt") is none; a surname of the lists with "reported" ("Ostrander reported")
    is a reporter's."""
    camel = CAMEL_RE.search(name)
    if camel and not name[: camel.start() + 1].startswith(NAME_CAMEL_PREFIXES):
        return True
    low = fold(name).lower()
    names = name_data.load()
    if low in names.surnames or low in names.given_names:
        return False
    at = text.find(name, a, b)  # (the phrase may hold the verb: "Tidewire reported")
    start, end = (at, at + len(name)) if at >= 0 else (a, b)
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    return bool(after and after[0].strip(",.;:") in OUTLET_VERBS) or bool(before and before[-1] in OUTLET_VERBS)


def _surname_of_one(state: _State, a: int, b: int, phrase: str) -> _Attribution | None:
    """A subject that is one capitalised word too common to be a name by itself ("Will said", "Small said", "Read
    said": words, not names, to _name_words) is the one person the article names in full with it as surname ("George
    Will"); with no such person, or several, it is no name."""
    words = phrase.split()
    while words and words[0].lower().rstrip(".") in NAME_PREFIX_WORDS:
        words.pop(0)  # "Mr. Small"
    if len(words) != 1 or not (words[0][:1].isupper() and words[0].isalpha()) or words[0].isupper():
        return None
    surname = fold(words[0]).lower()
    fits = [
        i
        for i, p in enumerate(state.people)
        if len(p.name.split()) > 1
        and [fold(w).lower() for w in p.name.split() if fold(w).lower() not in NAME_SUFFIXES][-1:] == [surname]
    ]
    if len(fits) != 1:
        return None
    return _Attribution(a, b, fits[0], phrase, "surname of a person the article names")


# Around a name: what people are said to do ("he", "her", "Mr.") and what organisations are ("its", "it said").
PERSONAL_NEAR_RE = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b")
ORGANISATION_NEAR_RE = re.compile(r"\b(?:its|itself|it|they|their|founded|shares)\b")
# Someone else named between a name and a he/she after it: a title, or a given name and a surname.
OTHER_PERSON_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z]|\b[A-Z][a-z]+\s+[A-Z][a-z]+")
FIRST_PERSON_RE = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|me|my|myself)\b")


WHO_AFTER_RE = re.compile(r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+who(?:se)?\s")
# An appositive after a name, its first words: ", a professor of communication", ", the director of …".
ROLE_APPOSITIVE_RE = re.compile(r",\s+(?:a|an|the|his|her)\s+((?:[\w-]+\s+){0,3}[\w-]+)")


def _personal(text: str, name: str, at: int) -> bool:
    """Evidence that a name as written is a person's, read around each place it stands: "who" after it, the reporter's
    words after it use "he" or "her" before any "it" or "its" (a company's), or the quotations of its paragraph speak
    as "I";
    a name standing in an organisation's or a place's name elsewhere ("Ardmore Minerals") is none."""
    personal = organisation = 0
    for m in re.finditer(_whole_word(name), text):
        after = text[m.end() : m.end() + 50]
        run = re.match(r"\s+([A-Z][\w'’-]*)", after)
        if run and fold(run.group(1)).lower() in NON_PERSON_WORDS:
            return False
        if WHO_AFTER_RE.match(after):
            personal += 1  # "who" is said of people ("which" of organisations): "X, who", "X of New York, who"
            continue
        appositive = ROLE_APPOSITIVE_RE.match(after)
        if appositive and not {w.lower() for w in appositive.group(1).split()}.isdisjoint(APPOSITIVE_PERSON_NOUNS):
            personal += 1  # "Kathleen Hall Jamieson, a professor of communication at …": what a person is
            continue
        reporter = QUOTED_RE.sub(" ", text[m.end() : m.end() + 160].split("\n", 1)[0])
        p, o = PERSONAL_NEAR_RE.search(reporter), ORGANISATION_NEAR_RE.search(reporter)
        if p and OTHER_PERSON_BEFORE_RE.search(reporter, 0, p.start()):
            p = None  # "Microsoft promised Mr. Weiner that he could …": the pronoun is the other person's
        if p and (not o or p.start() < o.start()):
            personal += 1
        elif o:
            organisation += 1
    paragraph = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    if any(FIRST_PERSON_RE.search(q.group()) for q in QUOTED_RE.finditer(paragraph)):
        personal += 1
    return personal > organisation


def _last_comma_segments(frame: str, a: int, b: int, n: int) -> list[tuple[int, int]]:
    """The last n comma-separated pieces of frame[a:b], as (start, end) pairs, right to left (the text
    before them is not split)."""
    pieces, end = [], b
    for part in reversed(frame[a:b].rsplit(",", n)[-n:]):
        pieces.append((end - len(part), end))
        end -= len(part) + 1
    if any(frame[s - 2 : s - 1].isdigit() and frame[s : s + 1].isdigit() for s, _ in pieces):
        # "About 12,000 homes …": a figure's comma ends no segment (a slower split, only then)
        pieces, end = [], b
        for m in reversed(list(SEGMENT_COMMA_RE.finditer(frame, a, b))):
            pieces.append((m.end(), end))
            end = m.start()
            if len(pieces) == n - 1:
                break
        if len(pieces) < n:
            pieces.append((a, end))
    return pieces


SEGMENT_COMMA_RE = re.compile(r",(?!(?<=\d,)\d)")


# Where the subject before a verb may begin: after the last quotation, clause mark or dash before it; " - " is a dash
# written as a spaced hyphen ("In spring - two weeks after Tamsin Ode took over - the board told …": the aside
# between two of them is no subject).
SUBJECT_CUTS = (QUOTE_CHAR, QUOTE_STOP, ";", ":", "(", "—", "–", " - ")
# …and no further back than this: no subject is longer (in PolNeAR and our evaluation sets the clause before a verb is
# at most 973 characters), and reading back to the start of a long paragraph without such marks from every verb in it
# was quadratic ("the “so-called” plan …" x 5,000: 34 s for 200 KB).
SUBJECT_REACH = 2000


def _subject_cut(frame: str, v: int) -> int:
    """Where the last of SUBJECT_CUTS before v stands (" - ": its hyphen), -1 if none, or SUBJECT_REACH before v."""
    near = max(0, v - SUBJECT_REACH)
    cut = max(  # written out: a comprehension costs a function call in Python 3.11
        frame.rfind(QUOTE_CHAR, near, v),
        frame.rfind(QUOTE_STOP, near, v),
        frame.rfind(";", near, v),
        frame.rfind(":", near, v),
        frame.rfind("(", near, v),
        frame.rfind("—", near, v),
        _en_dash(frame, near, v),
        frame.rfind(" - ", near, v) + 1 or -1,
    )
    if cut >= 0 and frame[cut] == "(" and BRACKETED_ACRONYM_RE.match(frame, cut, v):
        return _subject_cut(frame, cut)  # "president of the Kelburn Academy of Pilots (KAP) said": the name's initials
    return cut if cut >= 0 or near == 0 else near - 1


# Initials in brackets right before the verb: an organisation's, written after its name.
BRACKETED_ACRONYM_RE = re.compile(r"\([A-Z][A-Za-z&]{1,7}\)\s*\Z")


def _en_dash(frame: str, a: int, b: int) -> int:
    """The last en dash in frame[a:b] that is a dash, not one joining two words ("the North Varn–born former CEO",
    "the 2019–20 season"), or -1."""
    at = frame.rfind("–", a, b)
    while at > 0 and at + 1 < len(frame) and frame[at - 1].isalnum() and frame[at + 1].isalnum():
        at = frame.rfind("–", a, at)
    return at


def _subject_before(state: _State, text: str, frame: str, offset: int, v: int) -> _Attribution | None:
    """Walk the comma-separated segments left of a verb: "Tomas Brandt, the club's coach, said"."""
    cut = _subject_cut(frame, v)
    segments = _last_comma_segments(frame, cut + 1, v, 4)
    last = frame[segments[0][0] : segments[0][1]] if segments else ""
    if last.rstrip().endswith(COORDINATING_ENDINGS) or COORDINATOR_OPENING_RE.match(last):
        # "She bought me a hive and said, …": the verb shares the subject that opens the clause.
        att = _clause_subject(state, text, frame, offset, cut + 1, v)
        if att is not None:
            return att
        # "… when I asked Gale, she shook her head and said", "Ruiz backed Gale, but now said": the subject of the
        # verb coordinated with this one
        att = _coordinated_subject(state, text, frame, offset, cut + 1, v)
        if att is not None:
            return att
        if BARE_COORDINATOR_RE.match(frame, cut + 1, v):
            # "X warned that the fees were “…” and said …": nothing but "and" since the quotation, so the
            # clause (and its subject) began before it; "and" itself is never a speaker.
            return _clause_subject(state, text, frame, offset, 0, v) if cut >= 0 else None
    noun_phrase = None
    for i, (a, b) in enumerate(segments):
        if i and RELATIVE_OPENING_RE.match(frame, a, b):
            # "Sam Solovey, a contestant on Trump's show, “The Apprentice,” who went on to work alongside Trump, said":
            # a relative clause closed before the verb describes the subject; a name in it is not the subject
            continue
        att = _speaker_from_segment(state, text, offset + a, offset + b)
        if att is None:
            continue  # "speaking in parliament", "44", "who chairs…": skip over parentheticals
        if att.person is not None:
            if (
                att.basis in (Basis.ROLE, Basis.DESCRIPTION)
                and i + 1 < len(segments)
                and _ends_with_mention(state, offset + segments[i + 1][1], text)
            ):
                continue  # "John Bryant, the party chairman, said": the name the role is in apposition to speaks
            if _describes(state, text, offset + a, offset + b):
                if i + 1 < len(segments) and _ends_with_mention(state, offset + segments[i + 1][1], text):
                    continue  # "Jeff Lund, an aide to Ruiz, said": the name the description follows speaks
                opener = _clause_opener(state, text, offset + cut + 1, offset + a)
                if opener is not None:  # "Jeff Lund, who once ran a firm, then an aide to Ruiz, said"
                    return opener
            return att
        if noun_phrase is None:
            noun_phrase = att
        # Look past a noun phrase only when it is an appositive to a name just before it (or before the name's age:
        # "Mara Lind, 42, a lecturer from Dunmore, said"); not to the object ending a subordinate clause ("As Ruiz
        # attacked Gale, the crowd chanted": Gale is no subject; "As Ana Ruiz, an expert, noted" names the subject).
        j = i + 1
        if j < len(segments) and AGE_SEGMENT_RE.fullmatch(frame, *segments[j]):
            if j + 1 == len(segments) and segments[j][0] - 1 > cut + 1:
                # (the name is one segment further than those read: read it, and the loop goes on to it)
                segments.append(_last_comma_segments(frame, cut + 1, segments[j][0] - 1, 1)[0])
            j += 1
        if (
            j < len(segments)
            and (
                not _ends_with_mention(state, offset + _before_of_organisation(frame, *segments[j]), text)
                or _subordinate_clause(state, text, offset + segments[j][0], offset + segments[j][1])
            )
            # "Wray Calloway of the University of Tarvik in Dunmore, N.S., said": a province or a place after the
            # town ends the segment before it, which holds the subject
            and not (_place(att.written) or REGION_ABBREVIATION_RE.fullmatch(att.written))
        ):
            break
    if noun_phrase is None or _descriptive(noun_phrase.written) or _place(noun_phrase.written):
        # "Ana Ruiz, assistant secretary for refugees, population and migration, said": a description longer than
        # the segments read, after the name opening the clause; "Tobias Wendell, who farms south of the county seat,
        # Tipton, said": a place ends the description
        opener = _clause_opener(state, text, offset + cut + 1, offset + v)
        if opener is not None:
            return opener
    return noun_phrase


RELATIVE_OPENING_RE = re.compile(r"\s*(?:who|which|whose)\s+[a-z]")
AGE_SEGMENT_RE = re.compile(r"\s*\d{1,3}\s*")  # ", 42," between a name and its appositive
# A name's organisation after it: "Oren Brakel of Varnhold", "Ana Ruiz of the Kessly Institute".
OF_ORGANISATION_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*\s*\Z")


def _before_of_organisation(frame: str, a: int, b: int) -> int:
    """Where frame[a:b] ends before an organisation it closes with ("Oren Brakel of Varnhold, Kessly's largest
    private bank, warned": the appositive describes the bank, its member speaks), else b."""
    of = OF_ORGANISATION_RE.search(frame, a, b)
    return of.start() if of else b


def _subordinate_clause(state: _State, text: str, a: int, b: int) -> bool:
    """text[a:b] is a subordinate clause with a verb of its own before the name ending it ("As Ruiz attacked Gale")."""
    words = text[a:b].split()
    mention = _mention_in(state, a, b, text)
    if len(words) < 3 or words[0].lower() not in SUBORDINATORS or mention is None:
        return False
    return any(w.islower() for w in text[a : mention.start].split()[1:])


# A segment that is only a verb phrase after a coordinator: ", but now said", ", then leaned in and boomed".
COORDINATOR_OPENING_RE = re.compile(r"\s*(?:and|but|then)\s+(?:(?:now|then|also|later|[a-z]+ly)\s+)?\Z")
# A subject pronoun and the verb after it ("she laughed", "he shook"); names are read from the mentions.
PRONOUN_VERB_RE = re.compile(r"\b([Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


def _coordinated_subject(state: _State, text: str, frame: str, offset: int, a: int, b: int) -> _Attribution | None:
    """The subject of the last verb in the past tense in frame[a:b] that a coordinated reporting verb after b shares:
    "he" or "she", or a person named, right before that verb and not the object of a preposition ("she laughed
    and admitted", "he backed Ruiz over Gale and said": he)."""
    best: tuple[int, int, str] | None = None  # (position, person or -1 for a pronoun, written)
    for m in PRONOUN_VERB_RE.finditer(frame, a, b):
        if _past(m.group(2)) and not _after_preposition(frame, m.start(), CLAUSE_WORDS):
            best = (m.start(), -1, m.group(1))
    for i in range(bisect_left(state.starts, offset + a), bisect_left(state.starts, offset + b)):
        m = state.mentions[i]
        if m.end > offset + b or _inside_quote(state, m.start) or (best and best[0] > m.start - offset):
            continue
        after = PAST_AFTER_RE.match(text, m.end)
        if after and _past(after.group(1)) and not _after_preposition(frame, m.start - offset):
            best = (m.start - offset, m.person, m.text)
    if best is None:
        return None
    start, person, written = best
    if person >= 0:
        return _Attribution(
            offset + start, offset + start + len(written), person, written, "subject of the verb before"
        )
    resolved, how = _resolve_pronoun(state, text, offset + start, written)
    rule = f"pronoun, subject of the verb before, meaning {how}"
    return _Attribution(offset + start, offset + start + len(written), resolved, written, rule, "person", Basis.PRONOUN)


# A state's or province's abbreviation after a town: "N.S.", "B.C.", "Ont.", "Calif.", "N.Y.", "Pa.".
REGION_ABBREVIATION_RE = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.")


def _place(phrase: str) -> bool:
    """A phrase that is only a place's name ("Tipton", "Harlow"): the end of a description, when a name opens the
    clause."""
    return fold(phrase.strip()).lower().replace("’", "'") in name_data.load().places


def _descriptive(phrase: str) -> bool:
    """A phrase that describes somebody rather than names a speaker: "a demographer at Emory", "now 81", "Pa."."""
    first = phrase.split(None, 1)[0] if phrase.strip() else ""
    return (
        not first
        or first.lower() in DESCRIPTION_OPENERS
        or not first[:1].isupper()
        or (first.endswith(".") and len(first) <= 6 and " " not in phrase.strip())
    )


def _clause_opener(state: _State, text: str, start: int, end: int) -> _Attribution | None:
    """The person whose name opens the clause text[start:end] and is followed by a comma, that is by the description
    the clause goes on with ("Ana Ruiz, a demographer at …, said"): only titles, roles and capitalised names of
    their organisation stand before it ("Montclair State professor Ana Ruiz, …")."""
    i = bisect_left(state.starts, start)
    if i >= len(state.mentions) or state.starts[i] >= end:
        return None
    m = state.mentions[i]
    tag = PARTY_TAG_AFTER_RE.match(text, m.end)
    if _inside_quote(state, m.start) or not text.startswith(",", tag.end() if tag else m.end):
        return None
    words = text[start : m.start].split()
    # An introductory phrase closed by a comma ("Just last week, J.J. Goldberg, …") and a connective opening the
    # sentence ("But Tom Fitton, …") stand before the clause, not in its subject.
    intro = 0
    if words and words[0].lower().strip(",") in INTRODUCTION_OPENERS:
        intro = max((k + 1 for k, word in enumerate(words) if word.endswith(",")), default=0)
    if intro == 0 and words and words[0].lower() in SENTENCE_CONNECTIVES:
        intro = 1
    for word in words[intro:]:
        low = word.lower().rstrip(".,")
        if word.endswith(("’s", "'s")) or low in NAME_PREFIX_WORDS:
            continue
        if not word[:1].isupper() or low in PEOPLE_COMMON_WORDS or low.endswith(("ed", "ing")):
            return None
    return _Attribution(m.start, m.end, m.person, m.text, "name opening the clause, before its description")


def _describes(state: _State, text: str, a: int, b: int) -> bool:
    """A comma-separated segment that describes the person named before it ("an oncologist who advised Ruiz",
    "Ruiz’ campaign manager", "a former aide to Ruiz"): the person it names is not its head, because a word opening
    a description stands before the name, or the name is a possessive."""
    mention = _mention_in(state, a, b, text)
    if mention is None:
        return False
    if text.startswith(("’", "'"), mention.end) and mention.text.endswith("s"):
        return True  # "Sanders’ campaign manager": a plural possessive
    before = text[a : mention.start].split()
    return bool(before) and before[0].lower() in DESCRIPTION_OPENERS


# A verb's clause that is only a coordinator after a quotation: "… were “a tax on islanders” and said …".
# "and also said", "but quickly added": a lower-case adverb only ("and Kelly said" names a speaker).
BARE_COORDINATOR_RE = re.compile(r"\s*(?:and|but)(?:\s+(?:also|then|[a-z]+ly))?\s*\Z")


def _clause_subject(state: _State, text: str, frame: str, offset: int, a: int, v: int) -> _Attribution | None:
    """The subject opening frame[a:v]: a pronoun ("She bought … and said") or a person named first."""
    words = frame[a:v].split(None, 1)
    if not words:
        return None
    if words[0].lower() in ("he", "she"):
        start = offset + a + frame[a:v].index(words[0])
        person, how = _resolve_pronoun(state, text, start, words[0])
        rule = f"pronoun opening the clause, meaning {how}"
        return _Attribution(start, start + len(words[0]), person, words[0], rule, "person", Basis.PRONOUN)
    if words[0] != "I" and words[0].lower() in NONPERSON_PRONOUNS and len(words) > 1 and words[1][:1].islower():
        # "Meanwhile, it attacked Ruiz, saying …": an organisation ("it") or a group ("they") the text does not name
        start = offset + a + frame[a:v].index(words[0])
        kind = "organisation" if words[0].lower() == "it" else "unknown"
        return _Attribution(start, start + len(words[0]), None, words[0], "organisation or group pronoun", kind)
    if words[0] == "I" or (len(words) > 1 and words[0] in SENTENCE_OPENERS_BEFORE_I and words[1].startswith("I ")):
        # "Then I stood on a sack and said, …": the writer or, in an interview, the interviewee
        start = offset + a + frame[a:v].index("I")
        return _Attribution(start, start + 1, None, "I", "first person", "person")
    person = _sentence_subject(state, text, offset + a, offset + v)
    if person is None:
        return None
    return _Attribution(offset + a, offset + v, person, state.people[person].name, "subject of the clause")


def _ends_with_mention(state: _State, pos: int, text: str = "") -> bool:
    """A mention ends within one character of pos, or before a party tag that ends there ("Rep. Ada Voss (D-Ore.)")."""
    i = bisect_left(state.ends, pos - 1)
    if i < len(state.ends) and state.ends[i] <= pos + 1:
        return True
    if text and text[pos - 1 : pos] == ")":
        j = bisect_left(state.ends, pos - 40) if pos > 40 else 0
        return any(
            (tag := PARTY_TAG_AFTER_RE.match(text, end)) is not None and tag.end() >= pos - 1
            for end in state.ends[j : bisect_left(state.ends, pos)]
        )
    return False


def _subject_after(state: _State, text: str, frame: str, offset: int, e: int) -> _Attribution | None:
    """Inverted attribution: "“…,” said Teodor Vasko, a steward" / "said the trade minister, Idris Osei"; in another
    language past an adverb of its list ("sagte dagegen Müller", "opina en cambio Sergi González")."""
    rules = state.words.rules
    if rules is not None and rules.after_verb_adverbs:
        e = _past_adverbs(frame, e, rules.after_verb_adverbs)
    pieces = []
    pos = e
    for _ in range(2):
        stop = AFTER_STOP_RE.search(frame, pos)
        end = stop.start() if stop else len(frame)
        piece = frame[pos:end]
        inner = state.words.post_stop_re.search(piece + " ")
        pieces.append((pos, pos + (inner.start() if inner else len(piece)), end))
        if not stop or frame[stop.start()] != ",":
            break
        pos = stop.end()
    first = None
    for a, b, end in pieces:
        if not frame[a:b].strip():
            break
        att = _speaker_from_segment(state, text, offset + a, offset + b)
        if (att is None or att.person is None) and (author := _author_of_text(state, text, frame, offset, a, b, end)):
            return author  # "according to a statement from Ada Voss": its words are hers
        if att is not None and att.person is not None:
            if att.basis is Basis.DESCRIPTION and first is None and len(pieces) > 1:
                first = att  # "wrote the island’s envoy at the time, Ivo Stannard": the name after it speaks
                continue
            return att
        if b < end and first is None:
            # "said former secretary of state Hillary Clinton": the role's "of" cut the name off the subject
            titled = _titled_name(state, text, offset + a, offset + end)
            if titled is not None:
                return titled
        first = first or att
    return first


AUTHOR_RULE = "author of the text it quotes"


def _author_of_text(state: _State, text: str, frame: str, offset: int, a: int, b: int, end: int) -> _Attribution | None:
    """A subject that is a text its author's words are quoted from, the author named right after "from" or "by" (a
    title between at most): "according to a statement from Ada Voss", "said a letter from Sen. Ada Voss"."""
    words = frame[a:b].split()
    if len(words) < 2 or words[-1].lower() not in AUTHORED_HEADS or not frame.startswith((" from ", " by "), b):
        return None
    name_at = frame.index(" ", b + 1) + 1  # (past "from " or "by ")
    mention = _mention_in(state, offset + name_at, offset + end, text)
    if mention is None or mention.start - (offset + name_at) > 12:
        return None
    return _Attribution(offset + a, mention.end, mention.person, mention.text, AUTHOR_RULE, "person")


def _past_adverbs(frame: str, e: int, adverbs: tuple[str, ...]) -> int:
    """Where a subject after a verb ending at e starts, past one of the adverbs and its commas ("…, por su parte,
    Juan Pérez"); e when none follows."""
    rest = frame[e : e + 40]
    low = rest.lstrip(" ,").lower()
    lead = len(rest) - len(low)
    for adverb in adverbs:
        if low.startswith(adverb) and low[len(adverb) : len(adverb) + 1] in (" ", ","):
            pos = e + lead + len(adverb)
            while frame[pos : pos + 1] == ",":  # "por su parte, Juan Pérez"
                pos += 1
            return pos
    return e


# How many lower-case words a role before an inverted speaker's name may have ("said master of ceremonies Ruiz").
ROLE_BEFORE_NAME_MAX = 4


def _titled_name(state: _State, text: str, a: int, b: int) -> _Attribution | None:
    """The first person named in text[a:b] when only the words of a role stand before the name ("former secretary of
    state", "Chief of Staff")."""
    i = bisect_left(state.starts, a)
    if i >= len(state.mentions) or state.ends[i] > b:
        return None
    m = state.mentions[i]
    words = text[a : m.start].split()
    if (
        0 < len(words) <= ROLE_BEFORE_NAME_MAX
        and all(word.isalpha() and word.islower() and word not in DETERMINER_OPENERS for word in words)
        and words[-1] not in OBJECT_PREPOSITIONS
    ):
        # "said master of ceremonies Odile Saranko": lower-case words only, a role the lists need not know (not "said
        # a spokesman for Ruiz", "said spokesman to Ruiz": a role whose complement is the name)
        return _Attribution(a, b, m.person, m.text, "name after its role, next to the reporting verb")
    for word in words:
        low = word.lower().rstrip(".")
        if not (low in ROLE_WORDS or low in NAME_PREFIX_WORDS or low in ROLE_DESCRIPTORS):
            return None
    return _Attribution(a, b, m.person, m.text, "name after its role, next to the reporting verb")


# A verb the lists do not know, in a reporting verb's place: right after a quotation that ends with a comma, a question
# or an exclamation mark inside its marks, a subject and one verb in the past closing the clause ("“…,” Ruiz surmised.",
# "“…,” the statement read.") or such a verb and then its subject ("“…,” exhorted Ruiz's deputy, Ada Gil."): the
# sentence goes on after the quotation only to say who spoke it. (_placed_verbs)
PLACED_VERB_RE = re.compile(
    r"\x01\s+(?:(?P<first>[a-z]{3,}ed|read|comments)(?=\s+(?:[A-Z]|(?:the|a|an|his|her|their|its|one|another)\s))"
    r"|(?P<subject>[^\W\d_][\w.’'-]*(?:\s+[^\W\d_][\w.’'-]*){0,3}?)\s+(?P<verb>[a-z]{3,}ed|"
    # "states", which the lists leave out (mostly a noun), in that place is a verb: "“…,” the paper states."
    r"states|"
    # a feature's present tense after a pronoun ("“…,” she shares with the Ledger"): "he", "she" only
    r"(?:(?<=\b[Hh]e\s)|(?<=[Ss]he\s))[a-z]{3,}[^s\W]s(?=\s+(?:with|to)\s)|"
    + "|".join(sorted(IRREGULAR_PASTS))
    + r")(?=\s*(?:[,.;:!?]|\Z)|\s+(?:"
    + "|".join(POST_STOP_WORDS)
    + r")\s))"
)
PLACED_VERB_RULE = "a verb in a reporting verb's place after a quotation"
CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?]|\Z)")
# The quotation's last character before its closing mark, for a clause that goes on after it.
GOES_ON_MARKS = ",?!—–-…"
# A clause opening with these does not name the quotation's speaker ("“…,” and voters cheered.").
PLACED_NOT_SUBJECT = LONE_COORDINATORS | SUBORDINATORS | SENTENCE_CONNECTIVES | frozenset({"so", "or", "nor"})


def _placed_verbs(text: str, frame: str, offset: int) -> list[tuple[int, int, str, bool]]:
    """(start, end, verb, True) of each PLACED_VERB_RE verb in frame (True: placed, not listed)."""
    out = []
    for m in _placed_matches(frame):
        if text[offset + m.start() - 1] not in GOES_ON_MARKS:
            continue
        opening = frame.rfind(" ", 0, m.start()) + 1  # (a quotation's mask has no space: this is where it starts)
        while opening < m.start() and frame[opening] != QUOTE_CHAR:
            opening += 1
        first_letter = LETTER_RE.search(text, offset + opening, offset + m.start())
        if first_letter is None or not first_letter.group().isupper():
            continue  # "told her she would “make a fine draughtswoman,” a remark she quoted": a fragment's clause
        if m.group("first"):
            out.append((m.start("first"), m.end("first"), m.group("first"), True))
            continue
        subject = m.group("subject")
        if subject.split(None, 1)[0].lower() in PLACED_NOT_SUBJECT:
            continue
        if text[offset + m.start() - 1] in "?!" and not CLAUSE_END_RE.match(frame, m.end("verb")):
            continue  # "“…?” Others seemed to agree.": after a question a capital may open the next sentence
        out.append((m.start("verb"), m.end("verb"), m.group("verb"), True))
    return out


MASK_RUN_RE = re.compile(QUOTE_CHAR + "+")


def _placed_matches(frame: str) -> Iterator[re.Match]:
    """PLACED_VERB_RE.finditer(frame), tried only where it can match: at the last QUOTE_CHAR of a quotation's mask
    (its first character, a QUOTE_CHAR then white space). finditer tried it at every character of every mask, some
    60 a quotation."""
    i = frame.find(QUOTE_CHAR)
    while i >= 0:
        end = MASK_RUN_RE.match(frame, i).end()
        m = PLACED_VERB_RE.match(frame, end - 1)
        if m is not None:
            yield m
            end = m.end()  # (no match holds a mask's character but its first)
        i = frame.find(QUOTE_CHAR, end)


# A relative clause whose antecedent is a text ("a story about her eating figs which said"): the text says it.
TEXT_RELATIVE_RE = re.compile(
    r"\b(?P<text>(?:" + "|".join(REPORT_NOUNS) + r")s?)\b[^.,;:!?\x01]{0,50}?\s(?:which|that)\Z"
)


def _listed_verbs(words: _Words, frame: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, verb, False) of each reporting verb of the language's list in frame (False: listed, not placed)."""
    return [(m.start(), m.end(), m.group(), False) for m in words.verb_re.finditer(frame)]


def _attributions(
    state: _State, text: str, frame: str, offset: int, verbs: list[tuple[int, int, str, bool]] | None = None
) -> list[_Attribution]:
    """verbs: _listed_verbs(state.words, frame), when the caller has them already."""
    found = []
    words = state.words
    if verbs is None:
        verbs = _listed_verbs(words, frame)
    if QUOTE_CHAR in frame and words is ENGLISH_WORDS:
        # (only where no listed verb stands between the quotation and the placed one: "“…,” Ruiz told reporters gathered
        # outside" has its verb)
        placed = [
            v
            for v in _placed_verbs(text, frame, offset)
            if not any(frame.rfind(QUOTE_CHAR, 0, v[0]) < s < v[1] for s, _e, *_ in verbs)
        ]
        if placed:
            verbs = sorted(verbs + placed)
    for v_start, v_end, verb, placed in verbs:
        k = v_start
        while k and frame[k - 1] in " ,—–":  # the last character before the verb, skipping spaces, commas, dashes
            k -= 1
        if k > 1 and frame[k - 1] in "'’" and frame[k - 2] in (QUOTE_CHAR, QUOTE_STOP):
            k -= 1  # a stray single mark after the closing one ("“…,”' said Ruiz": an inner quotation's, misplaced)
        if verb in PLURAL_PRESENTS and INFINITIVE_BEFORE_RE.search(frame, max(0, v_start - 30), v_start):
            continue  # "while trying to explain", "would like Trump to further explain": no tense, no report
        if verb in PLURAL_NOUN_VERBS and NOUN_BEFORE_RE.search(frame, max(0, v_start - 12), v_start):
            continue  # "“…” to back up claims she was ready", "despite the reports": a plural noun, no verb
        att = None
        after_quote = k and frame[k - 1] in (QUOTE_CHAR, QUOTE_STOP)
        according = verb.lower() in words.according_to
        if not after_quote and words.after_quote_only and verb.lower() in words.after_quote_only:
            continue  # "so" names a speaker only right after a quotation ("„…“, so Andermatt")
        if verb in PARENTHETICAL_PARTICIPLES and PASSIVE_OPENER_RE.search(frame, max(0, k - 12), k):
            continue  # "when questioned after the debate", "if pressed": a passive, its subject is elsewhere
        # "according to X" and "said X" right after a quotation or at the sentence start are inverted.
        if according or not k or after_quote or _pronoun_after_verb(state, frame, v_end):
            att = _subject_after(state, text, frame, offset, v_end)
            if att is None and after_quote and not according:
                att = _no_subject_after(state, text, frame, offset, v_start, v_end, verb)
        elif state.words is ENGLISH_WORDS and frame.startswith(" by ", v_end) and _passive_before(frame, v_start):
            # "Rubio was asked by moderator Gerard Baker whether …": the agent after "by" speaks
            att = _subject_after(state, text, frame, offset, v_end + 3)
            if att is not None and att.person is None:
                att = None
        if att is None and found and _coordinated(frame, found[-1].end - offset, v_start):
            # "X said …, but described it as “…”": the same subject, unless a clause between has its own ("when I
            # asked Gale, he looked away and said")
            att = _coordinated_subject(state, text, frame, offset, found[-1].end - offset, v_start) or found[-1]
        if att is None and found and _coordinated_after_quote(frame, found[-1].end - offset, v_start):
            att = found[-1]  # "X warned that it was “…” and said …": the same subject past a partial quote
        if att is None and not according and "," in frame[k:v_start] and state.words is ENGLISH_WORDS:
            att = _inverted_after_comma(state, text, offset, verb, v_end)
        if att is None and not according and state.words is ENGLISH_WORDS and frame.endswith((" which", " that"), 0, k):
            text_said = TEXT_RELATIVE_RE.search(frame, max(0, k - 70), k)
            if text_said is not None:
                # "Winfrey read a story about her which said the fruit was “…”": the text's words, not its reader's
                said_by = frame[text_said.start("text") : k].strip()
                rule = f"{TEXT_WORDS_RULE}: {said_by}"
                att = _Attribution(offset + text_said.start("text"), offset + k, None, "", rule, basis=Basis.TEXT_WORDS)
        if (
            att is None
            and not according
            and not after_quote
            and verb.lower() in ADDRESSED_VERBS
            and state.words is ENGLISH_WORDS
            and _passive_before(frame, v_start)
        ):
            # "In one briefing note she was warned that “…”": the subject was told; who told them is not said
            att = _Attribution(offset + k, offset + v_start, None, "", PASSIVE_RULE, "unknown")
        if att is None and not according:
            att = _subject_before(state, text, frame, offset, v_start)
        if (
            att is not None
            and (said := OBJECT_SAYING_RE.match(frame, v_end)) is not None
            and state.words is ENGLISH_WORDS
        ):
            # "“…,” she recalls him saying", "Lind remembers him telling her, “…”": the one remembered speaks
            pronoun = "he" if said.group(1) == "him" else "she"
            person, how = _resolve_pronoun(state, text, offset + said.start(1), pronoun)
            rule = f"{REMEMBERED_SAYING_RULE}, meaning {how}"
            att = _Attribution(att.start, att.end, person, said.group(1), rule, "person", Basis.PRONOUN)
        if placed and att is not None:
            if att.person is None and (after_quote and not DETERMINER_WORD_RE.match(att.written + " ")):
                continue  # "“Hope,” aired Monday": no subject after an inverted verb but a person or a noun phrase
            att = dataclasses.replace(att, rule=f"{att.rule}, {PLACED_VERB_RULE}")
        if att is not None:
            found.append(att.at(offset + v_start, offset + v_end))
    if state.words is ENGLISH_WORDS and WORDS_OF_GATE_RE.search(frame):
        found = _in_the_words_of(state, text, frame, offset, found)
    if state.words is ENGLISH_WORDS and "ing" in frame:
        found = _participle_attributions(state, text, frame, offset, found)
    return found


# A reporting verb's object pronoun and a verb of saying after it: "recalls him saying", "remembers her telling".
OBJECT_SAYING_RE = re.compile(r"\s+(him|her)\s+(?:saying|telling|say|tell|asking|ask|warning|warn)\b")
REMEMBERED_SAYING_RULE = "the one remembered saying it, a pronoun"
INFINITIVE_BEFORE_RE = re.compile(
    r"\b(?:to|will|would|should|could|can|may|might|must|do|does|did|not|n[’']t)\s+(?:[a-z]+\s+)?\Z"
)


def _no_subject_after(
    state: _State, text: str, frame: str, offset: int, v_start: int, v_end: int, verb: str
) -> _Attribution | None:
    """In a language that drops its subject pronouns, the speaker of a reporting verb after a quotation that no subject
    follows: a description after a place or time phrase speaks, unresolved ("“…”, dijo en la radio el ministro de
    Economía"); a verb that ends its sentence, or goes on with a word that ends a subject (a time, a place, an
    addressee: "contó.", "dijo a la prensa", "explicó en rueda de prensa"), stands for the person just named
    (_dropped_subject); a name later in the clause ("opina en cambio Sergi González") is no verb without a subject.
    None where the rule says nothing."""
    rules = state.words.rules
    if rules is None or not rules.pro_drop:
        return None
    clause = re.split(r"[.;:!?,]", frame[v_end : v_end + 80], maxsplit=1)[0]
    at = _description_in(rules, clause)
    if at >= 0:
        written = clause[at:].strip()
        start = offset + v_end + at
        return _Attribution(start, start + len(written), None, written, "role or description", speaker_kind(written))
    first = frame[v_end : v_end + 40].split(None, 1)
    if first and first[0][0] not in ".;:!?" and first[0].strip(",.;:") not in rules.subject_stops:
        return None
    if given_name_between(clause):
        return None
    return _dropped_subject(state, text, offset, v_start, v_end, verb)


def _description_in(rules: LanguageRules, clause: str) -> int:
    """Where in clause a determiner of the language and a title of it start ("… el ministro de Economía"), or -1."""
    for m in re.finditer(r"\S+", clause):
        word = m.group().lower()
        if word in rules.determiners:
            following = clause[m.end() :].split(None, 1)
            if following and rules.is_title(following[0].lower().strip(",.")):
                return m.start()
    return -1


PLURAL_DROPPED_RULE = "reporting verb in the plural without a subject: several people"


def _dropped_subject(state: _State, text: str, offset: int, v_start: int, v_end: int, verb: str) -> _Attribution:
    """The speaker of a verb without a subject (_no_subject_after): in the singular, the person just named, as "she
    said" would ("“Llevo treinta años aquí”, contó."), unless someone else is named since; in the plural, several
    people the text does not name ("“…”, explicaron desde el sindicato")."""
    at = offset + v_end
    if verb.endswith(state.words.rules.plural_verb_endings):
        return _Attribution(at, at, None, "", PLURAL_DROPPED_RULE, "unnamed", Basis.PRONOUN)
    person, how = _resolve_pronoun(state, text, offset + v_start, "")
    if person is not None and _named_since(state, text, offset + v_start, person, how):
        person, how = None, "nobody: someone else is named since the previous speaker"
    return _Attribution(at, at, person, "", f"reporting verb without a subject, meaning {how}", "person", Basis.PRONOUN)


def _pronoun_after_verb(state: _State, frame: str, v_end: int) -> bool:
    """In a language that puts its verb second (German), a subject pronoun right after a reporting verb that does not
    open its sentence is the verb's subject: "Zugleich mahnte sie: „…“", "Dann sagte er". The word before the verb
    is an adverb or an object, not the speaker ("Zugleich" had been taken for a name written)."""
    rules = state.words.rules
    if rules is None or not rules.capitalises_nouns:
        return False
    after = frame[v_end : v_end + 6].split(None, 1)
    return bool(after) and after[0].strip(",:;.") in state.words.pronouns


IN_WORDS_RULE = "in the words of"
# "In Dr. Ruiz’s words, “…”", "In the words of Ana Gil, a colleague, “…”": the person whose words the quotation gives.
IN_WORDS_RE = re.compile(
    rf"\b[Ii]n\s+(?:the\s+words\s+of\s+(?P<of>[^,;:!?\n{QUOTE_CHAR}]{{2,60}}?)"
    rf"(?:,\s*(?P<app>[^,;:!?\n{QUOTE_CHAR}]{{2,60}}?))?|"
    rf"(?P<own>[^,;:!?\n{QUOTE_CHAR}]{{2,60}}?)[’']s\s+(?:own\s+)?words)\s*[,:]"
)


# Whose reply a quotation is ("“…,” came the answer from Ada Gil", "was the reply from Ada Gil", "Ada Gil's response
# was blunt: “…”"): a noun of speech owned by the person or coming from them.
SPEECH_NOUNS = "reply response answer retort verdict message reaction comment explanation".split()
SPEECH_NOUN_RULE = "the reply named as the person's"
SPEECH_NOUN_RE = re.compile(
    rf"\b(?:{'|'.join(SPEECH_NOUNS)})\s+(?:came\s+|was\s+)?from\s+(?P<of>[^,;:!?\n{QUOTE_CHAR}]{{2,60}}?)"
    rf"(?:,\s*(?P<app>[^,;:!?\n{QUOTE_CHAR}]{{2,60}}?))?\s*(?:[,.;:]|\Z)|"
    rf"(?P<own>[^,;:!?\n{QUOTE_CHAR}]{{2,60}}?)[’']s\s+(?:[a-z]+\s+)?(?:{'|'.join(SPEECH_NOUNS)})\b"
    rf"[^,;!?\n{QUOTE_CHAR}]{{0,30}}:"
)

# What a person is said to have claimed, owned by them ("Ada Quill’s claim that the ferry “loses money every
# day”", "Ruiz's promise to “fix the harbour”"): the quotation after it gives their words.
CLAIM_NOUNS = "claim assertion remark promise pledge insistence contention boast".split()
CLAIM_RULE = "the claim named as the person's"
CLAIM_RE = re.compile(
    rf"(?P<own>[^,;:!?\n{QUOTE_CHAR}]{{2,60}}?)[’']s\s+(?:[a-z]+\s+)?(?:{'|'.join(CLAIM_NOUNS)})s?\s+(?:that|to)\s"
)
# A sentence _in_the_words_of reads: one with "words" or one of the nouns in it (anywhere, as a substring). As a
# prefix tree (_trie_pattern): searched in every sentence with a reporting verb, 1.8 us a sentence as a flat list, 1.1.
WORDS_OF_GATE_RE = re.compile(_trie_pattern(["words", *SPEECH_NOUNS, *CLAIM_NOUNS]))
# What a match of each of the three needs, searched first: they open with a lazy run, tried at every character of
# every sentence, and hardly any sentence has what they need.
IN_WORDS_CUE_RE = re.compile(r"words\s+of\s|[’']s\s+(?:own\s+)?words\s*[,:]")
SPEECH_NOUN_CUE_RE = re.compile(
    rf"(?:{'|'.join(SPEECH_NOUNS)})\s+(?:came\s+|was\s+)?from\s|[’']s\s+(?:[a-z]+\s+)?(?:{'|'.join(SPEECH_NOUNS)})\b"
)
CLAIM_CUE_RE = re.compile(rf"[’']s\s+(?:[a-z]+\s+)?(?:{'|'.join(CLAIM_NOUNS)})s?\s+(?:that|to)\s")

# A person those phrases name by a role, a pronoun or an epithet: weak evidence of whose words the quotation gives.
WEAK_BASES = (Basis.ROLE, Basis.PRONOUN, Basis.EPITHET)


def _in_the_words_of(
    state: _State, text: str, frame: str, offset: int, found: list[_Attribution]
) -> list[_Attribution]:
    """Add the person an "in X's words" / "in the words of X" phrase names by name, the role before an apposition's
    name ("in the words of the hospital's chief executive, Dr. Ada Voss") or after it: a person named only, as
    "in the report's words" names no speaker, and a role alone is weak evidence; and the person a reply is named as
    coming from or belonging to (SPEECH_NOUN_RE)."""
    added = False
    matches = []
    if IN_WORDS_CUE_RE.search(frame):
        matches = [(m, IN_WORDS_RULE, Basis.IN_WORDS) for m in IN_WORDS_RE.finditer(frame)]
    if SPEECH_NOUN_CUE_RE.search(frame):
        matches += [(m, SPEECH_NOUN_RULE, Basis.OTHER) for m in SPEECH_NOUN_RE.finditer(frame)]
    if CLAIM_CUE_RE.search(frame):
        for m in CLAIM_RE.finditer(frame):
            owner = _owner_ending_at(state, offset + m.end("own"))
            # (not after a reporting verb: "Caldwell said that Quill's claim that Voss … is “simply not true”" is hers)
            if owner is not None and not any(att.end <= owner.start for att in found):
                found.append(_Attribution(owner.start, offset + m.end(), owner.person, owner.text, CLAIM_RULE))
                added = True
    for m, rule, basis in matches:
        for who in ("app", "of", "own"):
            if not m.group(who):
                continue
            att = _speaker_from_segment(state, text, offset + m.start(who), offset + m.end(who))
            if att is not None and att.person is not None and att.basis not in WEAK_BASES:
                break
        else:
            att = None
        if att is not None:
            found.append(
                _Attribution(offset + m.start(), offset + m.end(), att.person, att.written, rule, att.kind, basis)
            )
            added = True
    return sorted(found, key=lambda a: a.start) if added else found


def _owner_ending_at(state: _State, end: int) -> Mention | None:
    """The person mention ending at end, outside quotations: the owner before a possessive's "’s"."""
    i = bisect_left(state.ends, end)
    if i < len(state.mentions) and state.ends[i] == end and not _inside_quote(state, state.starts[i]):
        return state.mentions[i]
    return None


# What may follow an inverted subject's name: the end of its clause, or a phrase of place or time.
# (Not a quotation mark: "said Fiorina “was involved”" reports what was said of Fiorina.)
INVERTED_END_RE = re.compile(r"\s*(?:[,.;:!?)]|\Z|(?:" + "|".join(POST_STOP_WORDS) + r")\s)")


def _inverted_after_comma(state: _State, text: str, offset: int, verb: str, e: int) -> _Attribution | None:
    """ "“It will be a challenge” for Gale, said Ruiz.": a reporting verb after a comma, followed by a name that ends
    the clause, is inverted; the name before the comma is the object of the reported words, not the speaker. Only a
    person the article names, only words of a role between the verb and the name ("said former mayor Ruiz"), and
    nothing but the end of the clause after it: "Gale, asked about it, said Ruiz was wrong" reports what Gale said
    about Ruiz."""
    if verb.lower() in PERSON_OBJECT_VERBS:
        return None  # "Gale, the mayor, told Ruiz.": Ruiz is spoken to
    start = offset + e
    i = bisect_left(state.starts, start)
    if i >= len(state.mentions) or state.starts[i] > start + 50:
        return None
    m = state.mentions[i]
    words = text[start : m.start].split()
    owner = next((j + 1 for j in range(len(words) - 1, -1, -1) if words[j].endswith(("’s", "'s"))), 0)
    if owner and all(w[:1].isupper() or w == "the" for w in words[:owner]):
        words = words[owner:]  # an outlet's or a person's, before the role: "noted KXT’s (chief pollster) Oren Brakel"
    if not all(_role_word(word) for word in words) and not _organisation_role(words):
        return None  # "said of Quill": the name is what the words are about
    tag = PARTY_TAG_AFTER_RE.match(text, m.end)
    if not INVERTED_END_RE.match(text, tag.end() if tag else m.end):
        return None
    return _Attribution(start, m.end, m.person, m.text, "name after the reporting verb, after a comma")


def _role_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low not in OBJECT_PREPOSITIONS and (low in ROLE_WORDS or low in NAME_PREFIX_WORDS or low in ROLE_DESCRIPTORS)


def _organisation_role(words: list[str]) -> bool:
    """Words of a role after an organisation's name, before a person's ("Harrowgate State University professor", "Elmsby
    College economics professor"): a role word last, and before it only capitalised words and lower-case nouns (no
    preposition, determiner or verb in the past)."""
    if not 1 < len(words) <= ROLE_BEFORE_NAME_MAX + 2 or not _role_word(words[-1]) or not words[0][:1].isupper():
        return False
    for word in words[:-1]:
        low = word.lower()
        if not word.isalpha() or low in OBJECT_PREPOSITIONS or low in DETERMINER_OPENERS or _past(low):
            return False
    return True


# A reporting participle hung on the main clause after a comma or "and": "…, telling reporters, “…”", "…, adding
# that", "… addressing her as “Ines” and telling her, “…”".
PARTICIPLE_RE = re.compile(r"(?:,|\sand)\s+(?:also\s+|then\s+)?(?:" + "|".join(PARTICIPLE_REPORTING_VERBS) + r")\b")
PARTICIPLE_RULE = "subject of the main clause before a participle"
NAME_PARTICIPLE_RE = re.compile(r"\s+(?:also\s+|as\s+)?(" + "|".join(PARTICIPLE_REPORTING_VERBS) + r")\b")


def _participle_attributions(
    state: _State, text: str, frame: str, offset: int, found: list[_Attribution]
) -> list[_Attribution]:
    """Attributions of the reporting participles of a sentence ("The board shrugged off the promise, telling
    reporters, “…”"): the speaker is the main clause's, that is the attribution of a reporting verb before the
    participle ("X said …, adding that …") or else the main clause's subject (_main_clause_subject), which may be an
    organisation or somebody unnamed ("A spokeswoman for the board emailed reporters, arguing, …")."""
    added = []
    lo, hi = bisect_left(state.starts, offset), bisect_left(state.starts, offset + len(frame))
    for mention in state.mentions[lo:hi]:
        # "footage of Ruiz saying, “…”", "with Gale asking, “…”": a name right before a reporting participle is
        # its subject (no comma between: "Ruiz, saying …" is the participle of the main clause)
        after = NAME_PARTICIPLE_RE.match(text, mention.end)
        if after is not None and mention.end <= offset + len(frame) and not _inside_quote(state, mention.start):
            rule = "name right before a reporting participle"
            added.append(_Attribution(after.start(1), after.end(1), mention.person, mention.text, rule))
    for m in PARTICIPLE_RE.finditer(frame):
        v = m.start()
        before = [att for att in found if att.end <= offset + v]
        if before and _in_opening_clause(frame, before[-1].end - offset, v):
            # "When Olde asked if he could share them, he declined, saying “…”": the asker is the subordinate
            # clause's subject; the participle's is the main clause's
            before = []
        att = (
            before[-1]
            if before
            else _with_participle_subject(state, text, offset, offset + v)
            or _coordinated_clause_subject(state, text, frame, offset, v)
            or _main_clause_subject(state, text, frame, offset, v)
        )
        if att is not None:
            added.append(att.at(offset + v + 1, offset + m.end()))
    if not added:
        return found
    return sorted(found + added, key=lambda att: att.start)


def _in_opening_clause(frame: str, k: int, v: int) -> bool:
    """frame[:k] ends inside the subordinate clause that opens the sentence ("When Olde asked …,"), closed by a comma
    before v."""
    words = frame[: k + 1].split(None, 1)
    if not words or words[0].lower() not in OPENING_SUBORDINATORS or "," in frame[:k]:
        return False
    comma = frame.find(",", k)
    return 0 <= comma < v


WITH_BEFORE_RE = re.compile(r"\bwith\s+(?:[A-Z][\w.]*\s+){0,2}\Z")
COORDINATED_CLAUSE_RE = re.compile(r",\s+(?:and|but)\s+")


def _coordinated_clause_subject(state: _State, text: str, frame: str, offset: int, v: int) -> _Attribution | None:
    """ "Dorn would grow animated, and Ruth Varga would shut him down, saying, “…”": the person opening the last clause
    coordinated after a comma speaks for the participle, not the sentence's first subject."""
    last = None
    for m in COORDINATED_CLAUSE_RE.finditer(frame, 0, v):
        last = m
    if last is None:
        return None
    mention = _mention_in(state, offset + last.end(), offset + v, text)
    if mention is None or mention.start != offset + last.end() or text.startswith(("'s", "’s"), mention.end):
        return None
    rule = f"{PARTICIPLE_RULE}, name opening the clause coordinated before it"
    return _Attribution(mention.start, mention.end, mention.person, mention.text, rule)


ING_AFTER_RE = re.compile(r"\s+[a-z]+ing\b")


def _with_participle_subject(state: _State, text: str, a: int, v: int) -> _Attribution | None:
    """ "…, with Piet Olsen posting that … and asking, “…”": a name after "with" and before an -ing word is the
    subject of that participle clause, and so of a reporting participle coordinated with it."""
    for i in range(bisect_left(state.starts, v) - 1, bisect_left(state.starts, a) - 1, -1):
        m = state.mentions[i]
        if (
            m.end <= v
            and ING_AFTER_RE.match(text, m.end)
            and WITH_BEFORE_RE.search(text, max(a, m.start - 40), m.start)
        ):
            return _Attribution(m.start, m.end, m.person, m.text, "name after “with” before the participle")
    return None


# Adverbs that may stand before a subordinate clause opening a sentence ("Even before Ruiz spoke, …"), as "-ly" ones do.
CLAUSE_ADVERBS = frozenset("even just right soon long only".split())


def _main_clause_subject(state: _State, text: str, frame: str, offset: int, v: int) -> _Attribution | None:
    """The subject opening the sentence frame[:v], past an introductory phrase ("On Wednesday, …") or a connective
    ("But …"): a noun phrase opened by a determiner or a possessive ("The harbour board", "Ruiz's campaign", "A
    spokeswoman for the ferry company"), which names nobody, or a pronoun or person opening the clause
    (_clause_subject). None when the sentence opens with a quotation or its subject's end is not clear."""
    a = len(frame) - len(frame.lstrip())
    words = frame[a:v].split()
    if not words or QUOTE_CHAR in words[0] or QUOTE_STOP in words[0]:
        return None
    first = words[0].lower().rstrip(",")
    if (
        first in INTRODUCTION_OPENERS
        or (first.endswith("ly") and words[0].endswith(","))
        # an adverb before a subordinate clause ("Shortly after the call ended, …", "Even before Ruiz spoke, …")
        or (len(words) > 1 and words[1] in SUBORDINATORS and (first.endswith("ly") or first in CLAUSE_ADVERBS))
        # a participle's clause ("Repeating one of her old slogans, the former harbour minister spoke …")
        or (first.endswith("ing") and words[0][:1].isupper() and "," in frame[a:v])
    ):
        comma = frame.find(",", a, v)
        if comma < 0:
            return None
        a = comma + 1
    else:
        k = 0
        while k < len(words) - 1 and words[k].lower().rstrip(",") in SENTENCE_CONNECTIVES:
            a = frame.index(words[k], a) + len(words[k])  # "But …", "And then …"
            k += 1
    a += len(frame[a:v]) - len(frame[a:v].lstrip())
    words = frame[a:v].split()
    if not words or QUOTE_CHAR in frame[a:v]:
        return None
    if not (
        words[0].lower() in DETERMINER_OPENERS
        or (words[0].endswith(("’s", "'s")) and words[0].lower().replace("’", "'") not in CONTRACTIONS)
    ):
        att = _clause_subject(state, text, frame, offset, a, v)
        if att is None:
            # "Marketplace released a separate statement saying, “…”": a capitalised subject nobody is named in speaks
            # (unresolved), not the subject of the sentence before
            named = NAMED_SUBJECT_RE.match(frame, a, v)
            if named is None or _mention_in(state, offset + a, offset + named.end(1), text) is not None:
                return None
            written = named.group(1)
            kind = "organisation" if _place(written) else speaker_kind(written)  # "Japan branded …"
            return _Attribution(
                offset + a, offset + named.end(1), None, written, PARTICIPLE_RULE, kind, Basis.NOUN_PHRASE
            )
        return _Attribution(att.start, att.end, att.person, att.written, f"{PARTICIPLE_RULE}, {att.rule}", att.kind)
    phrase: list[str] = []
    for word in words[:9]:
        bare = word.rstrip(",")
        if phrase and bare.islower() and (bare.endswith("ed") or bare in SUBJECT_VERB_WORDS):
            break
        phrase.append(bare)
        if word.endswith(","):
            break
    else:
        return None  # no verb in sight: where the subject ends is not clear
    written = " ".join(phrase)
    end = offset + a + len(written)
    if text.startswith(",", end):
        # "Ruiz's campaign manager, Tom Gale, …", "A day later, she …": the person after the comma is the subject;
        # a lower-case word after it continues the noun phrase's own clause ("One such memo, obtained by …").
        att = _clause_subject(state, text, frame, offset, end - offset + 1, v)
        if att is not None:
            return _Attribution(att.start, att.end, att.person, att.written, f"{PARTICIPLE_RULE}, {att.rule}", att.kind)
        if phrase[-1].lower() in TIME_WORDS or not frame[end - offset + 1 : v].lstrip()[:1].islower():
            return None  # "A few weeks later, on the steps …": an introduction, not a subject
    mention = _mention_in(state, offset + a, end, text)
    if (
        mention is not None
        and mention.end >= end - 1
        and text[offset + a : mention.start].rstrip().endswith(("’s", "'s"))
    ):
        # "The Tribune’s Ana Ruiz provided …": the name after its owner is the head of the subject
        return _Attribution(
            mention.start, mention.end, mention.person, mention.text, f"{PARTICIPLE_RULE}, name after its owner"
        )
    if mention is not None and not _describes(state, text, offset + a, end):
        return None  # "The mayor Ines Caldwell …": a name in the subject, not read here
    return _Attribution(offset + a, end, None, written, PARTICIPLE_RULE, speaker_kind(written), Basis.NOUN_PHRASE)


# Capitalised words opening a clause, then its verb in the past: "Marketplace released", "Vellum Inc. issued".
NAMED_SUBJECT_RE = re.compile(r"((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)\s+(?:[a-z]{3,}ed|issued|sent|put|wrote)\b")
# A subordinator right before a participle makes it a passive with no subject of its own: "when questioned, …".
PASSIVE_OPENER_RE = re.compile(r"\b(?:when|if|once|until|unless|while|after|before|though|although)\s*\Z")
# A passive before a reporting verb: "was asked by", "were told by", "is being asked by".
PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?\Z")


# The end of COORDINATED_RE: "and" or "but" right before the verb.
COORDINATOR_BEFORE_RE = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|[a-z]+ly\s+)?\Z")


def _coordinated(frame: str, a: int, v: int) -> bool:
    """COORDINATED_RE matches frame[a:v] ("X said …, but described it as"): "and" or "but" right before v, and no
    quotation or ";" between a and it. Read as such: the pattern's run from a was tried back from v at every
    character, from each verb of a long paragraph whose earlier verbs named nobody (quadratic). The coordinator lies
    in the last two words, so it is searched for in the last RFIND_WINDOW characters when they hold three."""
    near = max(a, v - RFIND_WINDOW)
    if a > v or (near > a and len(frame[near:v].split()) < 3):
        return COORDINATED_RE.match(frame, a, v) is not None  # (a run of one or two words that long: read as it was)
    coordinator = COORDINATOR_BEFORE_RE.search(frame, near, v)
    if coordinator is None:
        return False
    q = coordinator.start()
    return frame.rfind(QUOTE_CHAR, a, q) < 0 and frame.rfind(QUOTE_STOP, a, q) < 0 and frame.rfind(";", a, q) < 0


# Reporting verbs whose passive's subject is the one spoken to: "she was warned that", "they were told".
ADDRESSED_VERBS = frozenset("warned told assured reminded advised informed urged promised asked".split())
PASSIVE_RULE = "a passive without its agent: the one spoken to is its subject, the speaker is not named"


def _passive_before(frame: str, v: int) -> bool:
    """PASSIVE_BEFORE_RE ends at v ("was asked by"). A match lies in the last two words before v, so it is searched
    for in the last RFIND_WINDOW characters when they hold three words (searched from the frame's start, before every
    "by", it was quadratic in a long paragraph)."""
    near = max(0, v - RFIND_WINDOW)
    if PASSIVE_BEFORE_RE.search(frame, near, v):
        return True
    return near > 0 and len(frame[near:v].split()) < 3 and PASSIVE_BEFORE_RE.search(frame, 0, v) is not None


def _coordinated_after_quote(frame: str, prev_end: int, v: int) -> bool:
    """Only "and"/"but" (maybe with "also", "then" or an adverb) stand between the last quotation after the
    previous verb and this verb: the two verbs share a subject."""
    cut = frame.rfind(QUOTE_CHAR, prev_end, v)
    return cut >= 0 and bool(BARE_COORDINATOR_RE.match(frame, cut + 1, v))
