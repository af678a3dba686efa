"""Deterministic detection of people mentioned in plain article text.

No models and no dictionaries beyond the small word lists below: a person is a run of
capitalised "name-shaped" tokens (two or more, or one after a personal title) that contains
none of the organisation/place/calendar words that usually give non-people away.
Single capitalised tokens ("Lavrov", "Mira") only count as back-references to a full name
that the same article introduces.

``scan_people`` also returns every mention with its character span, which ``quotes`` uses to
resolve speakers; ``find_people`` is the public, list-only view.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# --- word lists ---------------------------------------------------------------------------

# Words that introduce a person as a title or role. They go into PersonMention.role, never the name.
TITLE_WORDS = frozenset("""
president vice secretary minister premier chancellor governor senator sen. representative rep.
congressman congresswoman mayor councillor councilor alderman ambassador envoy judge justice
dr. dr doctor prof. prof professor mr. mr mrs. mrs ms. ms miss sir dame lord lady
king queen prince princess emperor pope cardinal bishop archbishop rabbi imam reverend rev. father
sister brother chief inspector detective sergeant sgt. constable officer superintendent commissioner
captain capt. lieutenant lt. colonel col. general gen. major admiral commander commodore marshal
coach manager director chairman chairwoman chair ceo cfo coo founder spokesman spokeswoman spokesperson
deputy acting interim assistant associate head leader speaker attorney prosecutor sheriff warden
dean principal headteacher headmaster headmistress chairperson editor correspondent
farmer author writer artist poet novelist composer singer musician actor actress chef baker nurse surgeon
physician scientist researcher economist analyst engineer architect lawyer teacher student pilot driver
skipper fisherman photographer historian activist volunteer resident owner entrepreneur businessman
businesswoman striker midfielder defender goalkeeper player runner cyclist rider veteran opposition
""".split())

# Capitalised words that may stand between a nationality and a title ("Foreign Minister",
# "Secretary of State", "Police Chief") and belong to the role, not the name.
ROLE_WORDS = TITLE_WORDS | frozenset("""
foreign defence defense interior home finance health education justice trade energy culture
transport environment labour labor economy treasury state affairs police fire general-secretary
prime first supreme federal national regional city county district executive managing
of for the
""".split())

# Tokens that make a capitalised run an organisation, outlet, place or date rather than a person.
NON_PERSON_WORDS = frozenset("""
council authority ministry department university college school academy institute news house party
club fc inc ltd llc plc corp corporation company co group bank agency office committee commission
association foundation trust fund hospital clinic court police service services times post herald
courier gazette tribune journal wire press radio tv television network union league federation
society museum library airport station church cathedral mosque temple centre center board alliance
army navy force forces guard brigade movement bureau administration government parliament senate
congress assembly cabinet republic kingdom empire state states nations united organisation
organization observatory laboratory lab labs systems technologies industries holdings partners
airlines railway railways media studio studios records festival games cup championship open
port street st road avenue lane square park bridge river city town village county district province
region island islands lake mount mountain mountains bay valley hill hills coast beach harbor harbour
sea ocean gulf falls springs heights north south east west northern southern eastern western central
upper lower new fort hall tower gardens terminal market stadium arena castle quay wharf pier dock docks
brook bend row point trench canal parade rail railways airfield cottage
research maritime securities chamber commerce rescue residents telecom ventures capital partners energy
motors foods logistics shipping airways insurance electric power mining steel software digital
athletic rovers wanderers rangers albion marathon prize award awards trophy
comet asteroid storm hurricane operation vessel fire
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december
""".split())

# Capitalised words that start sentences (or headings) but are never names.
COMMON_WORDS = frozenset("""
a an the this that these those there here then than and but or nor so yet for of in on at to by with
from into after before during since until while when where why how what who which whose whom if
as about over under between against without within across behind beyond near after although though
because once unless whether i we you he she it they me us him her them my our your his its their
mine ours yours theirs one two three four five six seven eight nine ten some many most more less
few all any each every both either neither no not none nothing everything everyone everybody
something someone somebody anything anyone another other such only just also even still already
however meanwhile instead otherwise indeed perhaps maybe yes please thanks thank last next first
second third new old good great big small early late today tomorrow yesterday tonight now never
always often sometimes is are was were be been being have has had do does did will would shall
should can could may might must said says say told asked added subscribe click sign follow read
share watch download join get see find learn need know more local stories q a breaking exclusive
update updated photo photos image video editor note dear later earlier afterwards soon finally together
again elsewhere nearby inside outside overall asked despite unlike like among amid
""".split())

# Lower-case particles allowed inside names ("Bashar al Assad", "Jan van Dijk").
PARTICLES = frozenset("al el bin ibn bint abu ben de da di del della dos das du van von der den ter ten la le".split())

CONNECTORS = PARTICLES | {"of", "for"}

# A capitalised run right after "the" or one of these nouns names a thing: "the research vessel
# Aurora Vance", "the team Velo Kestrel", "the Harborview Marathon". People rarely take "the".
THING_BEFORE_RE = re.compile(r"(?:\b(?:the|vessel|ship|boat|yacht|ferry|trawler|team|club|band|brand|firm|company|"
                             r"startup|label|horse|hotel|restaurant|festival|race|newsletter|blog|podcast)|"
                             r"[Tt]he)\s+\Z")

PRONOUNS = frozenset({"he", "she", "him", "her"})

# Photo credits and bylines are not mentions: "Photo: Lena Marsh / Valley Courier", "By Lena Marsh, Staff".
CREDIT_RE = re.compile(
    r"(?im)^[ \t(]*(?:photo|photograph|picture|image|illustration|credit|video|graphic)s?(?: by)?\s*[:(].*$"
    r"|\((?:photo|photograph|picture|image|credit)s?\b[^)\n]*\)"
    r"|^[ \t]*by [^\n]{0,80}$"
)
# A dateline at the very start of the body: "HARBORVIEW, March 3 (Fictional Wire) —".
DATELINE_RE = re.compile(r"\A\s*[A-Z][A-Z .'’-]+,[^\n—–]{0,60}?(?:—|–|--)\s")
# Promotional one-liners: short paragraphs shouting at the reader ("Everything you need to know!").
PROMO_RE = re.compile(r"(?m)^(?=[^\n“”\"]{1,90}$)[^\n]*!\s*$|^(?:subscribe|sign up|click|follow us|read more)\b[^\n]*$",
                      re.IGNORECASE)

# Upper-case letters of the Latin, Greek and Cyrillic blocks, for a regex class (re has no \p{Lu}).
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
_CAP_TOKEN = rf"(?:[{_UPPER}][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?|(?:al|el|bin|ibn|abu|ben)-[{_UPPER}][^\W\d_]*)"
_LINK = r"(?:al|el|bin|ibn|bint|abu|ben|de|da|di|del|della|dos|das|du|van|von|der|den|ter|ten|la|le|of|for)"
RUN_RE = re.compile(rf"(?<![\w'’-]){_CAP_TOKEN}(?:[ \u00a0](?:{_LINK}[ \u00a0])?{_CAP_TOKEN})*")
TOKEN_RE = re.compile(rf"{_CAP_TOKEN}|{_LINK}\b")
SENTENCE_END_RE = re.compile(r"[.!?:;][\"”’)\]]*\s*$|^\s*$|[\"“(\[]\s*$")
ABBREVIATIONS = frozenset("dr mr mrs ms prof st jr sr gen sen rep gov lt col capt sgt rev mt no vs".split())


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case and strip accents, for comparing names."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def mask_spans(text: str) -> list[tuple[int, int]]:
    """Spans that are never read for people or quotes: dateline, credits, bylines, promos."""
    spans = [m.span() for m in CREDIT_RE.finditer(text)]
    spans += [m.span() for m in PROMO_RE.finditer(text)]
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


@dataclass
class Mention:
    """One occurrence of a person in the text (internal; quotes.py resolves speakers with it)."""
    start: int
    end: int
    text: str          # as written, without title or possessive
    person: int        # index into the people list


@dataclass
class _Candidate:
    start: int
    end: int
    tokens: list[str]  # name tokens as written
    role: str
    titled: bool       # preceded by a personal title ("President Trump")
    person: int = -1


@dataclass
class _Person:
    tokens: list[str]
    role: str
    variants: list[str] = field(default_factory=list)
    count: int = 0
    spellings: dict[str, int] = field(default_factory=dict)


# --- tokenising into capitalised runs ---------------------------------------------------------

def _runs(text: str, masked: list[tuple[int, int]]):
    """Yield lists of (start, end, token) for maximal runs of capitalised words.

    One regex finds the runs (fast: lower-case text is skipped in C); Python then only splits a
    run at a full stop that ends a sentence ("… Moscow. Tillerson") rather than an initial or "Dr.".
    Lower-case particles and "of"/"for" sit inside a run only between capitalised words.
    """
    mask_i = 0
    for m in RUN_RE.finditer(text):
        while mask_i < len(masked) and masked[mask_i][1] <= m.start():
            mask_i += 1
        if mask_i < len(masked) and masked[mask_i][0] < m.end():
            continue  # dateline, photo credit, byline or promotional line
        if m.group().lower() in COMMON_WORDS:
            continue  # fast path: a lone sentence-initial "The", "But", "She"
        run: list[tuple[int, int, str]] = []
        for t in TOKEN_RE.finditer(m.group()):
            start, tok = m.start() + t.start(), t.group()
            stop = tok.endswith(".") and not _keeps_dot(tok)
            if stop:
                tok = tok[:-1]
            run.append((start, start + len(tok), tok))
            if stop:
                yield _trim_connectors(run)
                run = []
        if run:
            yield _trim_connectors(run)


def _trim_connectors(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    while run and run[-1][2] in CONNECTORS:
        run = run[:-1]
    return run


def _keeps_dot(tok: str) -> bool:
    """Initials ("J.") and title abbreviations ("Dr.") keep their dot; sentence full stops don't."""
    bare = tok[:-1]
    return (len(bare) == 1 and bare.isupper()) or bare.lower() in ABBREVIATIONS


def _sentence_initial(text: str, start: int) -> bool:
    return bool(SENTENCE_END_RE.search(text[max(0, start - 6):start]))


# --- from runs to candidates ---------------------------------------------------------------------

def _candidate(text: str, run: list[tuple[int, int, str]]) -> _Candidate | None:
    """Split a run into role words and name words; None when it is not a person."""
    # A sentence-initial common word ("Following Tillerson", "In Moscow") is not part of a name.
    dropped_the = False
    while run and not _acronym(run[0][2]) and (run[0][2].lower() in COMMON_WORDS or
                                               (_looks_like_common(run[0][2]) and _sentence_initial(text, run[0][0]))):
        dropped_the = dropped_the or run[0][2].lower() == "the"
        run = run[1:]
    if not run:
        return None
    thing = dropped_the or bool(THING_BEFORE_RE.search(text, max(0, run[0][0] - 20), run[0][0]))
    lowered = [t.lower() for _, _, t in run]
    # The role ends at the last title word: "Russian Foreign Minister | Sergey Lavrov".
    cut = 0
    for i, low in enumerate(lowered):
        if low in TITLE_WORDS and i < len(run) - 1:
            cut = i + 1
    # "Secretary of State", "Minister for Health": the department after the title is role too.
    if cut and cut < len(run) - 1 and lowered[cut] in ("of", "for"):
        cut += 1
        while cut < len(run) - 1 and lowered[cut] in ROLE_WORDS:
            cut += 1
    role_toks, name_toks = run[:cut], run[cut:]
    if thing and not role_toks:
        return None  # "the Harborview Marathon" (but "the Foreign Minister Ana Ruiz" is a person)
    # "Lavrov of Russia": the name stops at a connector.
    for i, (_, _, tok) in enumerate(name_toks):
        if tok.lower() in ("of", "for"):
            name_toks = name_toks[:i]
            break
    while name_toks and name_toks[-1][2].lower() in PARTICLES:
        name_toks = name_toks[:-1]
    if not name_toks or any(_not_name_word(t) for _, _, t in name_toks):
        return None
    words = [_strip_possessive(t) for _, _, t in name_toks]
    if len(words) > 4:
        return None  # five capitalised words in a row is a heading or a title, not a name
    role = " ".join(t for _, _, t in role_toks)
    start, end = name_toks[0][0], name_toks[-1][0] + len(words[-1])
    return _Candidate(start, end, words, role, titled=bool(role_toks))


@lru_cache(maxsize=4096)
def _acronym(tok: str) -> bool:
    """All-capital words ("UN", "US", "HARBORVIEW"): acronyms or datelines, never names; "J." is an initial."""
    bare = _strip_possessive(tok.rstrip("."))
    return len(bare) > 1 and bare.isupper()


@lru_cache(maxsize=4096)
def _not_name_word(tok: str) -> bool:
    low = fold(_strip_possessive(tok.rstrip(".")))
    return low in NON_PERSON_WORDS or low in COMMON_WORDS or _acronym(tok)


def _looks_like_common(tok: str) -> bool:
    low = tok.lower()
    return low in COMMON_WORDS or (len(low) > 5 and low.endswith(("ing", "ly", "ed")))


def _strip_possessive(tok: str) -> str:
    return tok[:-2] if tok.endswith(("'s", "’s")) else tok.rstrip("'’")


# --- grouping candidates into people -------------------------------------------------------------

def _name_key(tokens: list[str]) -> tuple[str, ...]:
    return tuple(fold(t).rstrip(".") for t in tokens if "." not in t or len(t) > 2)


def _surname(tokens: list[str]) -> str:
    last = fold(tokens[-1])
    head, sep, rest = last.partition("-")
    return rest if sep and head in PARTICLES else last


def _one_letter_off(a: str, b: str) -> bool:
    """Edit distance 1 (incl. one transposition) on words of six letters or more: a typo, not another name."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same first and last word (middle names/initials may differ), or a one-letter typo in one word."""
    if a[0] == b[0] and a[-1] == b[-1]:
        return True
    if len(a) != len(b):
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    # Only one word may differ, and only by one letter: "Vladmir"/"Vladimir", never "Mira"/"Mara".
    return len(diffs) == 1 and _one_letter_off(*diffs[0])


def scan_people(text: str, masked: list[tuple[int, int]] | None = None) -> tuple[list[PersonMention], list[Mention]]:
    """People (in order of first appearance) and every mention of them, in text order."""
    masked = mask_spans(text) if masked is None else masked
    runs = list(_runs(text, masked))
    place_words = _place_words(text, runs)
    cands = [c for run in runs if (c := _candidate(text, run))]
    place_words -= {fold(t) for c in cands if _strong_person(text, c) for t in c.tokens}
    cands = [c for c in cands if c.role or len(c.tokens) < 2 or not any(fold(t) in place_words for t in c.tokens)]
    people: list[_Person] = []
    keys: list[tuple[str, ...]] = []
    # Pass 1: full names (two words or more) found people.
    for c in cands:
        if len(_name_key(c.tokens)) < 2:
            continue
        key = _name_key(c.tokens)
        for i, k in enumerate(keys):
            if _same_person(k, key):
                c.person = i
                break
        else:
            keys.append(key)
            people.append(_Person(c.tokens, c.role))
            c.person = len(people) - 1
    # Pass 2: single words are back-references to those people; a titled unknown single word is a person.
    last_full: dict[str, int] = {}
    for c in cands:
        if c.person >= 0:
            last_full[_surname(c.tokens)] = c.person
            continue
        c.person = _resolve_single(c, keys, last_full)
        if c.person < 0 and c.titled and c.role.split()[-1].lower() in TITLE_WORDS:
            keys.append(_name_key(c.tokens))
            people.append(_Person(c.tokens, c.role))
            c.person = len(people) - 1
            last_full[_surname(c.tokens)] = c.person
    return _finish(text, people, [c for c in cands if c.person >= 0])


def _place_words(text: str, runs: list[list[tuple[int, int, str]]]) -> set[str]:
    """Words this article uses in place and organisation names ("Elden" in "Port Elden", "Brannoch" in
    "Brannoch Telecom", a dateline's "HARBORVIEW"): a run containing one ("Elden Dock", "Harborview Fire")
    is not a person either. Learnt per article because fictional places are in no gazetteer."""
    words = set()
    for run in runs:
        folded = [fold(_strip_possessive(t.rstrip("."))) for _, _, t in run]
        if len(run) > 1 and any(f in NON_PERSON_WORDS for f in folded) and not any(f in TITLE_WORDS for f in folded):
            words.update(f for f in folded if f not in NON_PERSON_WORDS and f not in ROLE_WORDS and f not in CONNECTORS)
    dateline = DATELINE_RE.match(text)
    if dateline:
        words.update(fold(w) for w in re.findall(r"[A-Z][A-Z'’-]+", dateline.group().split(",")[0]))
    return words


STRONG_AFTER_RE = re.compile(r"\A(?:,\s+\d{1,3},|\s+(?:said|says|told|added|asked)\b)")


def _strong_person(text: str, c: _Candidate) -> bool:
    """A title before, an age after ("Beatrix Ambrose-Nwosu, 68,") or a reporting verb after."""
    return bool(c.role) or bool(STRONG_AFTER_RE.match(text[c.end:c.end + 12]))


def _resolve_single(c: _Candidate, keys: list[tuple[str, ...]], last_full: dict[str, int]) -> int:
    word = _surname(c.tokens)
    if word in last_full:  # the most recently mentioned full name with this surname
        return last_full[word]
    for i, k in enumerate(keys):  # surname of someone introduced later, then first name
        if len(k) > 1 and _surname(list(k)) == word:
            return i
    for i, k in enumerate(keys):
        if len(k) > 1 and k[0] == word:
            return i
    for i, k in enumerate(keys):  # misspelt surname: "Lavorv"
        if len(k) > 1 and _one_letter_off(_surname(list(k)), word) and len(word) >= 6:
            return i
    return -1


def _finish(text: str, people: list[_Person], cands: list[_Candidate]) -> tuple[list[PersonMention], list[Mention]]:
    order: list[int] = []
    mentions: list[Mention] = []
    for c in cands:
        p = people[c.person]
        written = " ".join(c.tokens)
        if written not in p.variants:
            p.variants.append(written)
        p.count += 1
        if len(c.tokens) > 1:
            p.spellings[written] = p.spellings.get(written, 0) + 1
        if not p.role and c.role:
            p.role = c.role
        if c.person not in order:
            order.append(c.person)
        mentions.append(Mention(c.start, c.end, written, c.person))
    # Renumber people by first appearance.
    renumber = {old: new for new, old in enumerate(order)}
    for m in mentions:
        m.person = renumber[m.person]
    result = []
    for old in order:
        p = people[old]
        result.append(PersonMention(_best_name(p), p.role or _appositive_role(text, mentions, renumber[old]),
                                    p.count, p.variants))
    return result, mentions


def _best_name(p: _Person) -> str:
    """Fullest form; among equally full spellings, the most frequent, then the first."""
    if not p.spellings:
        return " ".join(p.tokens)
    forms = list(p.spellings)
    return max(forms, key=lambda f: (len(f.split()), p.spellings[f], -forms.index(f)))


APPOSITIVE_AFTER_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:“”\"]{2,60}?),")
APPOSITIVE_BEFORE_RE = re.compile(r"(?:^|[\s(])(?i:the|an?|its|his|her|their)\s+([^,.;:“”\"]{2,60}?),\s+\Z")


def _appositive_role(text: str, mentions: list[Mention], person: int) -> str:
    """Role from "Tomas Brandt, the club's coach," or "the mayor, Ana Ruiz," at the first full mention."""
    for m in mentions:
        if m.person != person or " " not in m.text:
            continue
        after = APPOSITIVE_AFTER_RE.match(text, m.end, m.end + 70)
        if after:
            return after.group(1).strip()
        before = APPOSITIVE_BEFORE_RE.search(text[max(0, m.start - 70):m.start])
        if before:
            return before.group(1).strip()
        return ""
    return ""


def find_people(body_text: str) -> list[PersonMention]:
    """People named in the body, in order of first appearance."""
    return scan_people(body_text)[0]
