"""What the passes of the people finder (people.py) share: the records passed between them (PersonMention,
Mention, _Candidate, _Person, _Piece), personal titles, how a name's words are folded and keyed, and the small
lookups on the text around a name that more than one pass reads (a kinship word before it, a reporting verb after a
lone surname, "the Obama administration"). The pass modules import this one; it imports none of them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from . import name_data
from .language_rules import rules_for
from .people_words import (
    AFFILIATION_WORDS,
    COMMON_WORDS,
    COMPOUND_TAILS,
    GIVEN_NAME_HOMOGRAPHS,
    GROUP_WORDS,
    HONORIFICS,
    KIN_WORDS,
    NON_PERSON_WORDS,
    NOT_ABBREVIATIONS,
    PARTICLES,
    PLURAL_TITLE_ABBREVIATIONS,
    PURE_TITLES,
    TITLE_PREFIXES,
    TITLE_SUFFIXES,
    TITLE_WORDS,
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
    if (head in TITLE_WORDS and rest in TITLE_SUFFIXES) or (head in TITLE_PREFIXES and rest in TITLE_WORDS):
        return True
    # "Major-Gen", "Lt-Col": two ranks' words (or their abbreviations without the dot) joined, one rank
    return all(part in TITLE_WORDS or f"{part}." in TITLE_WORDS for part in low.split("-"))


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


# A capitalised run that fills a whole quotation is a title of a work ("in his memoir, “A Long Cold
# Look,” he wrote"): the closing mark follows it, maybe after a comma or full stop.
QUOTE_OPENERS = '“"‘„«»「『'
TITLE_CLOSE_RE = re.compile(r"[,.!?]?[”\"’“«»」』]")


# A kinship appositive introduces a relative of the article's subject: "his father, Tariq Vane,", "his son Ivo Vane"
# (lower-case: "His son, …" opens a sentence about the son, see _kin_appositive).
_KIN_NOUNS = (
    r"(?:father|mother|son|daughter|brother|sister|wife|husband|partner|uncle|aunt|cousin|grandfather|grandmother|"
    r"grandson|granddaughter|nephew|niece|stepfather|stepmother|widow|widower|twin)"
)
KIN_BEFORE_RE = re.compile(
    r"(?:\b(?:his|her|their)|\b[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?" + _KIN_NOUNS + r"\s*,?\s*\Z"
    # "Brisk, the younger brother of film legend Sam Brisk": the relative the subject is described by
    r"|\b" + _KIN_NOUNS + r"\s+of\s+(?:[\w-]+\s+){0,2}\Z"
)
# The same opening a sentence ("His father, Tom Vell Jr., was a speechwriter"): a relative introduced in passing too,
# unless the name then speaks ("His son, Irfan Dale, said …", or a quotation in the same paragraph).
KIN_OPENING_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:His|Her|Their)\s+(?:[\w-]+\s+)?" + _KIN_NOUNS + r",\s*\Z")
APPOSITIVE_NAME_END_RE = re.compile(r"[^,.;:\n]{0,60},")  # the rest of the name, to the appositive's closing comma

# Upper-case letters of the Latin, Greek and Cyrillic blocks, for a regex class (re has no \p{Lu}).
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
# (a paragraph's start is a sentence's, also after a heading without a full stop: "Dificultades para recuperarlos /
# Ahora Bustos asegura …")
SENTENCE_END_RE = re.compile(r"[.!?:;][\"”’)\]]*\s*$|^\s*$|[\"“‘(\[]\s*$|\n[^\S\n]*\n\s*$")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case and strip accents, for comparing names."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


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


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of capitalised words, split at sentence full stops; offsets are relative to the run."""

    offsets: tuple[int, ...]
    tokens: tuple[str, ...]
    places: frozenset[str]  # words this piece proves to be part of a place or organisation name


def _dotted_initials(tok: str) -> bool:
    """ "H.W.", "U.S.": capitals each followed by a dot (see _INITIALS)."""
    return len(tok) > 3 and tok[1] == "." and tok.endswith(".") and tok.replace(".", "").isupper()


def _sentence_initial(text: str, start: int) -> bool:
    return bool(SENTENCE_END_RE.search(text[max(0, start - 6) : start]))


def _ends_with(text: str, pos: int, width: int, endings: tuple[str, ...], regex: re.Pattern) -> bool:
    """regex (ending in white space and maybe an opening quotation mark) searched in the width characters
    before pos, tried only when the last word there is one of endings."""
    window = text[max(0, pos - width) : pos]
    stripped = window.rstrip('“"‘').rstrip()
    if len(stripped) == len(window) or not stripped.endswith(endings):
        return False
    return bool(regex.search(text, max(0, pos - width), pos))


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
def _plain_word(word: str, lang: str = "") -> bool:
    """A folded word that is one of the most frequent words of the language (name_data.common_words, for English;
    other_common_words) and neither a given name gender-guesser knows nor a Census surname: "examining", "total",
    "criminal" (not "rose", "will", "mark", "young", "mitt"); "nachdem", "sowohl" in German."""
    data = name_data.load()
    words = data.common_words if lang in ("", "en") else data.other_common_words.get(lang, frozenset())
    return word in words and word not in data.given_names and word not in data.surnames


@lru_cache(maxsize=8192)
def _given_name_word(word: str) -> bool:
    """A lower-case word that is a given name gender-guesser knows, or of such names joined by hyphens ("hans-jürgen",
    "jean-yves"); folded or with its accents (the list holds both forms: "herve" and "hervé", but "sante" only)."""
    given = name_data.load().given_names
    return word in given or ("-" in word and all(part in given for part in word.split("-")))


# An English contraction is no name's word: "Why We’re Polarized" (a book), "They’ll Never Know" (a song); not
# "O'Neill", "D'Amato" (a letter before the apostrophe, a name after it).
CONTRACTION_RE = re.compile(r"[a-z]+(?:'(?:re|ve|ll|m|d)|n't)")


@lru_cache(maxsize=16384)
def _not_name_word(tok: str, lang: str = "") -> bool:
    low = fold(_strip_possessive(tok.rstrip(".")))
    if (
        _org_word(low)
        or (low in COMMON_WORDS and tok not in GIVEN_NAME_HOMOGRAPHS)
        or _acronym(tok)
        or low in AFFILIATION_WORDS
        or low in PURE_TITLES
        or _compound_modifier(low, tok)
        or ("'" in low and CONTRACTION_RE.fullmatch(low))
    ):
        return True
    rules = rules_for(lang) if lang else None
    if rules is None:
        return False
    low = tok.rstrip(".").lower()
    return low in rules.function_words or low in rules.non_person_words


def _compound_modifier(low: str, tok: str = "") -> bool:
    head, sep, tail = low.rpartition("-")
    # ("Pulitzer Prize-winning", "Water-Making"; not a given name's second syllable, "Ji-hoon", "Xiao-ming", nor a
    # double surname's second part, capitalised and a surname the lists know: "Smith-Sterling", "Aboud-Fleming")
    return bool(sep) and (
        tail in COMPOUND_TAILS
        or (
            ((len(tail) > 4 and tail.endswith("ed")) or (len(tail) > 5 and tail.endswith("ing")))
            and not (tok.rpartition("-")[2][:1].isupper() and tail in name_data.load().surnames)
        )
    )


def _org_word(low: str) -> bool:
    """An organisation, place or calendar word, or a trade's workers ("Mineworkers", "Steelworkers")."""
    return low in NON_PERSON_WORDS or (low.endswith("workers") and len(low) > 7)


def _strip_possessive(tok: str) -> str:
    return tok[:-2] if tok.endswith(("'s", "’s")) else tok.rstrip("'’")


# --- names as keys -------------------------------------------------------------------------------


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


# Verbs of saying after a name, more than STRONG_AFTER_RE's ("Ana Ruiz warned that …"); not "said in a statement",
# "said it", which firms do.
REPORTING_AFTER_RE = re.compile(
    r"\s+(?:(?:has|had|also|then|later|once)\s+)?(said|says|told|tells|added|adds|asked|asks|warned|warns|argued|"
    r"argues|noted|notes|explained|explains|insisted|insists|wrote|writes|tweeted|tweets|claimed|claims|stated|replied|"
    r"replies|recalled|recalls|admitted|admits|acknowledged|urged|urges|declared|stressed|conceded|complained|"
    r"countered|predicted|suggested|joked|testified)\b(?!\s+(?:it|its|in\s+a\s+statement)\b)"
)


KIN_LONE_RE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[A-Z][\w-]*[’']s)\s+(?:[\w-]+\s+)?("
    + "|".join(KIN_WORDS)
    + r")(?:,\s*|\s+)\Z"
)
# The same with a named owner: "Anand's wife, Priya" (the owner's word, group 1).
KIN_OWNER_RE = re.compile(r"\b([A-Z][\w-]*)[’']s\s+(?:[\w-]+\s+)?(?:" + "|".join(KIN_WORDS) + r")(?:,\s*|\s+)\Z")


def _someone_elses_relative(text: str, start: int, key: tuple[str, ...]) -> bool:
    """A given name alone introduced as the relative of a person named by another word than any of key's ("Anand's
    wife, Priya,"): not the person of that given name named before (Priya Lindell), but Anand's wife. Unless the
    owner's name has key's surname ("Priya Anand"): then the relative is key's person, of that family."""
    if not _kin_before(text, start):
        return False
    owner = KIN_OWNER_RE.search(text, max(0, start - 50), start)
    if owner is None or fold(owner.group(1)) in key:
        return False
    # "Priya's husband, Ravi," after "Priya Anand and her husband Ravi Anand": the owner has his surname: Ravi Anand
    return re.search(rf"\b{re.escape(owner.group(1))}\s+{re.escape(key[-1])}\b", text, re.IGNORECASE) is None


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
    return not _written_alone(text, tok.lower())


def _written_alone(text: str, word: str) -> bool:
    r"""re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) without a pattern compiled for each word (a
    str.find for each place it is written; re's \w is str.isalnum() or "_")."""
    i = text.find(word)
    while i >= 0:
        if not _word_or_hyphen(text, i - 1) and not _word_or_hyphen(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False


def _word_or_hyphen(text: str, i: int) -> bool:
    r"""Whether text[i] is one of re's [\w-] (False outside the text)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


KIN_CLOSERS = tuple("abcdefghijklmnopqrstuvwxyzé,")  # what ends the text before a name after a kinship word
KIN_ENDINGS = tuple(KIN_WORDS)


# A first name alone whose surname the story withholds: "Rosalind, who asked that CBC News not use her last name",
# "Abdullahi, 19, whose full name is being withheld", "Sarah (not her real name)".
NAME_WITHHELD_RE = re.compile(
    # (an appositive may come first: "Daniel, a senior who didn't want to give his last name")
    r",\s+(?:\d{1,3},\s+)?(?:(?:a|an|the)\s+[^,.;\n“”\"]{1,40}?\s+)?(?:who|whose)\b[^.\n]{0,80}?"
    r"\b(?:last|full|family|real|sur)[ -]?names?\b"
    r"(?!\s+(?:is|was)\s+[A-Z])"  # ("Lexi, whose real name is Alexandra Brisk": given, not withheld)
    r"|\s+\((?:not\s+(?:her|his|their)\s+real\s+name|a\s+pseudonym)\)"
)


def _name_withheld(text: str, end: int) -> bool:
    """The one word that ends at end is a person's first name, their surname withheld (NAME_WITHHELD_RE)."""
    return text.startswith((",", " ("), end) and NAME_WITHHELD_RE.match(text, end, end + 120) is not None


def _kin_before(text: str, start: int) -> str:
    """The kinship word right before a name ("his wife, Laura", "Trump's wife Melania"), or ""."""
    if start < 4 or not text[start - 2 : start].rstrip(" ").endswith(KIN_CLOSERS):
        return ""
    # KIN_LONE_RE ends with a kinship word and a comma or white space: a cheap test first.
    window = text[max(0, start - 50) : start]
    head = window.rstrip()
    head = head[:-1] if head.endswith(",") else head if len(head) < len(window) else ""
    if not head.endswith(KIN_ENDINGS):
        return ""
    m = KIN_LONE_RE.search(text, max(0, start - 50), start)
    if m is None:
        return ""
    after = text[start : start + 40].split(None, 1)
    # The name ends there: "his wife, Laura, said"; not "his brother, Saints centre Kayode Adeyinka".
    closed = after and (after[0][-1] in ",.;:!?)" or len(after) == 1 or after[1].startswith(("and ", "who ")))
    return m.group(1) if closed else ""


def _kin_appositive(text: str, start: int) -> bool:
    """A name introduced as someone's relative in passing ("was his father, Tariq Vane,", "Tom's mother, Ana Brisk,",
    "born to Tom Lind and Ana Lind"). Not one that opens
    its sentence ("His son, …": the sentence is about him) or is coordinated with the person it relates to
    ("Mira Vane and her brother, Joel Vane, run …": both are subjects; the latest full name is meant)."""
    # (a comma, or none: "later his son Ivo Brandt joined the board")
    if text[start - 2 : start] != ", " and text[start - 1 : start] != " ":
        return False
    kin = KIN_BEFORE_RE.search(text, max(0, start - 40), start)
    if kin is None and KIN_OPENING_RE.search(text, max(0, start - 40), start):
        # (not one who speaks: "His son, Milo Varga, keeps the books. “The numbers are better,” he said.")
        end = text.find("\n", start)
        paragraph = text[start : end if end >= 0 else len(text)]
        name_end = APPOSITIVE_NAME_END_RE.match(text, start)
        speaks = name_end is not None and REPORTING_AFTER_RE.match(text, name_end.end()) is not None
        return not (speaks or "“" in paragraph or '"' in paragraph)
    if kin is None:
        # "Mara Lind was born in Kelburn to Tom Lind, an economist, and Ana Rosa Lind": her parents
        return PARENTS_BEFORE_RE.search(text, max(0, start - 120), start) is not None
    if not text[max(0, kin.start() - 4) : kin.start()].endswith("and "):
        return True
    before = text[max(0, kin.start() - 40) : kin.start() - 4].split()[-1:]
    return bool(before) and before[0][:1].islower()  # "… was his uncle and his father, Brent Bozell, Jr." (no name)


# A name among the parents someone was born to (up to one appositive and "and" before it).
PARENTS_BEFORE_RE = re.compile(r"\bborn\s+(?:in\s+[^.;,]{1,40}\s+)?to\s+(?:[^.;]{1,80}\s+and\s+)?\Z")
