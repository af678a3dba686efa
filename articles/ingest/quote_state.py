"""What the passes of quote extraction (quotes.py) share: the words an article is read with (_Words, per
language), the patterns built from quote_words, the records passed between passes (_Span, _Attribution,
_State) and small lookups on them. The pass modules import this one; it imports none of them."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from .language_rules import LanguageRules, rules_for
from .people import _UPPER as UPPER_LETTERS
from .people import (
    ABBREVIATIONS,
    Mention,
    PersonMention,
)
from .quote_words import (
    DETERMINERS,
    DOUBLE,
    EPITHET_NOUNS,
    IRREGULAR_PASTS,
    OBJECT_PREPOSITIONS,
    PARENT_EPITHET,
    POST_STOP_WORDS,
    QUOTE_CONVENTIONS,
    RELATIVE_PRONOUNS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    SINGLE,
    SUBORDINATORS,
    TITLE_CUE_WORDS,
)

# --- patterns -----------------------------------------------------------------------------------


SHAPED = tuple(c for c in QUOTE_CONVENTIONS if not c.by_context)
SHAPED_MARKS = "".join(dict.fromkeys("".join(c.marks for c in SHAPED)))
# Every quotation mark of every convention, and ’; not the straight ', which is mostly an apostrophe.
QUOTE_MARKS = "".join(dict.fromkeys("".join(c.marks for c in QUOTE_CONVENTIONS) + "’")).replace("'", "")

DOUBLE_MARKS = DOUBLE.marks
SINGLE_MARKS = SINGLE.marks
# UK-style copy quotes with single marks (‘…’, nested “…”). The closing ’ is also the apostrophe, so a
# single mark only counts when it stands at a word edge (see _single_spans).
# Opening single marks: ‘ or ‚ anywhere, or a straight ' after a space or bracket and before a letter.
# (Regexes scanned over whole texts start with a character or set, never a look-behind or a repeated
# group: then `re` skips to candidate characters in C instead of running the pattern at every position.)
SINGLE_OPEN_RE = re.compile(r"[‘‚]|'(?<![^\s(\[—–]')(?=[^\W\d_])")
DOUBLE_OPEN_RE = re.compile(r"[“„]|\"(?<![^\s(\[—–/]\")")
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
QUOTE_CHAR = "\x01"  # masks quoted text in a sentence frame
QUOTE_STOP = "\x02"  # masks the closing mark of a quotation that ends with a full stop


def _trie_pattern(words: list[str], word_start: bool = False) -> str:
    """One alternation of words as a prefix tree ("a(?:dd(?:ed|s)|sk(?:ed|s))"): `re` tries the
    alternatives of a flat list one by one at every character; a tree rejects most places in one step.

    word_start: each match starts a word, as after r"\\b" (the words start with a letter and have two or more),
    tested by the look-behind "no word character before the first letter", (?<!\\w..) after the second letter.
    The pattern still opens with the tree's first letters (see the note on SINGLE_OPEN_RE: `re` skips in C to
    where one stands), and inside a word most places fail on the second letter before any look-behind is read:
    over the bench's sentences a fifth faster than a set of first letters with a look-behind after it and one
    per branch ("[as](?<!\\w.)(?:(?<=a)dd(?:ed|s)|(?<=s)aid)"), the same matches."""
    if word_start and min(map(len, words)) < 2:
        raise ValueError("word_start: words of two letters or more")
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, depth: int) -> str:
        after = r"(?<!\w..)" if word_start and depth == 1 else ""  # (depth: letters before this node's)
        alts = [re.escape(ch) + after + build(node[ch], depth + 1) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return build(trie, 0)


# Between the two \b exactly one word (or phrase) of the list can match, so the tree finds the same
# matches as the flat alternation r"\b(?:[Aa]ccording to|pointed out|went on|said|…)\b". Every word starts
# with a letter, so the leading \b is the look-behind "no word character before the first letter".
VERB_WORDS = ["according to", "According to", *REPORTING_PHRASES, *REPORTING_VERBS]
VERB_RE = re.compile(_trie_pattern(VERB_WORDS, word_start=True) + r"\b")
# Words between a subject and its verb that are not part of the subject ("Lavrov later said").
_TAIL_WORDS = (
    r"(?:also|later|then|again|once|further|earlier|previously|recently|just|always|never|often|usually|instead|"
    r"has|had|have|was|is|will|would|"
    r"used\s+to|went\s+on\s+to|simply|only|[a-z]+ly)"
)
# r"(?:\s+WORD)+\s*$", written to start with one white-space character (see the note on SINGLE_OPEN_RE).
TAIL_WORDS_RE = re.compile(r"\s\s*" + _TAIL_WORDS + r"(?:\s+" + _TAIL_WORDS + r")*\s*$")
# After an inverted verb ("said the ministry in a statement") the subject stops at these words.
POST_STOP_RE = re.compile(r"\s(?:" + "|".join(POST_STOP_WORDS) + r")\s")
DETERMINER_RE = re.compile(r"^(?:" + "|".join(DETERMINERS) + r")\s", re.IGNORECASE)
# Where an inverted subject ends; a full stop after "Dr" or an initial does not count.
AFTER_STOP_RE = re.compile(
    r"[,;:!?\x01\x02—(]|\.(?<!\b[A-Z]\.)"
    + "".join(rf"(?<!\b{a.capitalize()}\.)" for a in sorted(ABBREVIATIONS | {"hon", "rt"}))  # ("the Hon. Ana Gil")
)
# A second verb sharing the first one's subject: "said the plan was sound but described it as".
COORDINATED_RE = re.compile(r"[^\x01\x02;]*\b(?:and|but)\s+(?:also\s+|then\s+|[a-z]+ly\s+)?\Z")
# Same as r"(?:[.!?]+[”"’)\]]*|\x02)\s+(?=…)", but starting with one character class (see above).
# The next sentence starts with a capital of any Latin, Greek or Cyrillic script, or an opening mark.
SENTENCE_BREAK_RE = re.compile(
    r"[.!?" + QUOTE_STOP + r"](?:(?<=[.!?])[.!?]*[”\"’)\]]*)?\s+(?=[" + UPPER_LETTERS + r"\x01\x02‘(„«»「『])"
)
# Works and slogans: the noun (or verb) right before a capitalised quotation makes it a title.
TITLE_CUE_RE = re.compile(
    r"\b(?:" + "|".join(TITLE_CUE_WORDS) + r")[^\w.!?]*$",  # (not after a full stop: "… the campaign. “That…”")
    re.IGNORECASE,
)
LETTER_RE = re.compile(r"[^\W\d_]")
# News shorthand for the person just named: "said the 20-year-old", "said the teenager".
EPITHET_RE = re.compile(r"(?i:the)\s+(?:\d{1,3}-year-old|" + "|".join(EPITHET_NOUNS) + "|" + PARENT_EPITHET + r")\Z")
RELATIVE_CLAUSE_RE = re.compile(r"\s(?:that|which|whom)\s")
ABBREVIATION_BEFORE_RE = re.compile(r"(\w+)\.$")
ABBREVIATION_MAX = max(map(len, ABBREVIATIONS))  # letters of the longest abbreviation (see _sentences)
SENTENCE_PUNCT_RE = re.compile(r"[.!?;:]")
# Determiners of a role back-reference to one known person ("the coach", "my coach"); see _role_reference.
DEFINITE_RE_ENGLISH = re.compile(r"(?:the|my|his|her|their|its|our)\s", re.IGNORECASE)
DETERMINER_WORD_RE = re.compile(r"\b(?:the|a|an|one)\s", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    """The words attributions are read with, for one language (English, or a table of language_rules)."""

    verb_re: re.Pattern
    according_to: frozenset[str]  # lower case: "according to", "laut", "selon"
    after_quote_only: frozenset[str]  # verbs that only count right after a quotation ("so")
    post_stop_re: re.Pattern  # where an inverted subject ends
    determiner_re: re.Pattern  # a noun phrase's determiner (role references: "the coach", "die Trainerin")
    definite_re: re.Pattern
    pronouns: dict  # a language's subject pronouns -> "he" / "she" (English: PRONOUNS as they are)
    title_case: bool = True  # a quotation in Title Case is a work's title (not where all nouns are capitalised)
    rules: LanguageRules | None = None  # the language's table (genders of titles)
    title_cues: frozenset[str] = frozenset()  # the language's words before a quoted title ("intitulée")
    said_re: re.Pattern | None = None  # in a language with its own table: a verb saying a name-shaped quotation is said


ENGLISH_WORDS = _Words(
    VERB_RE, frozenset({"according to"}), frozenset(), POST_STOP_RE, DETERMINER_RE, DEFINITE_RE_ENGLISH, {}
)


@lru_cache(maxsize=64)
def _words_for(language: str) -> _Words:
    """English words for English, unknown languages ("") and languages without reporting verbs in their
    table; a language's own otherwise."""
    rules = rules_for(language)
    if rules is None:
        return ENGLISH_WORDS
    if not rules.reporting_verbs:
        return dataclasses.replace(
            ENGLISH_WORDS, title_case=not rules.capitalises_nouns, rules=rules, title_cues=rules.title_cues
        )
    verbs = list(dict.fromkeys(rules.reporting_verbs + rules.according_to))
    determiners = [re.escape(d) + ("" if d[-1] in "'’" else r"\s") for d in rules.determiners]
    stops = "|".join(re.escape(w) for w in rules.subject_stops) or "(?!)"
    return _Words(
        verb_re=re.compile(_trie_pattern(verbs, word_start=True) + r"\b"),
        according_to=frozenset(w.lower() for w in rules.according_to),
        after_quote_only=rules.after_quote_only,
        post_stop_re=re.compile(rf"\s(?:{stops})\s"),
        determiner_re=re.compile("^(?:" + "|".join(determiners) + ")", re.IGNORECASE) if determiners else NO_MATCH,
        definite_re=re.compile("(?:" + "|".join(determiners) + ")", re.IGNORECASE) if determiners else NO_MATCH,
        pronouns=rules.pronouns,
        title_case=not rules.capitalises_nouns,
        rules=rules,
        title_cues=rules.title_cues,
        said_re=_said_re(rules),
    )


NO_MATCH = re.compile("(?!)")


def _said_re(rules: LanguageRules) -> re.Pattern:
    """The reporting verbs and the verbs that speak of something ("sprach von"), without those that count only right
    after a quotation (German "so", which is also "so" the adverb)."""
    verbs = [v for v in rules.reporting_verbs + rules.speaks_of_verbs if v not in rules.after_quote_only]
    return re.compile(_trie_pattern(verbs, word_start=True) + r"\b", re.IGNORECASE)


# --- internal records ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    start: int  # offset of the opening mark
    end: int  # offset of the closing mark, or of the paragraph end when it runs on
    closed: bool
    text: str
    keep: bool = True  # False for scare quotes and titles (masked, never emitted)
    first: str = ""  # first letter of text (the case tests read it up to three times)


class Basis(Enum):
    """What an attribution rests on, as far as a later rule asks: the rules decide by this, never by the words of
    _Attribution.rule, which are for staff and may be reworded. An attribution made from another keeps its basis
    when it keeps the other's rule as it stands (moved to another verb, a placed verb's rule added after it), and has
    its own when its rule puts the other's behind words of its own ("subject of the main clause before a participle,
    pronoun opening the clause, …": OTHER)."""

    OTHER = "other"  # what no rule asks about: a name, a label, a signature, a sentence's subject, a follow-on, …
    PRONOUN = "pronoun"  # "he" or "she", resolved
    ROLE = "role"  # a role the article gave a person it names ("the coach said")
    EPITHET = "epithet"  # "the 20-year-old", read as a pronoun
    DESCRIPTION = "description"  # "the Elmsby senator", read as a pronoun
    NOUN_PHRASE = "noun phrase"  # the main clause's subject before a participle, naming nobody ("A spokeswoman …")
    IN_WORDS = "in the words of"  # "in the words of X": a characterisation, not X speaking
    FOLLOW_ON_CUT = "follow-on cut"  # no speaker: the previous one is far back, or a section break since
    TEXT_WORDS = "text words"  # no speaker: a text's words, or others' words listed


@dataclass(slots=True)
class _Attribution:
    start: int
    end: int
    person: int | None  # index into people, None for organisations and unnamed speakers
    written: str
    rule: str = ""  # which rule decided (Quote.evidence): shown to staff beside the speaker, read by no rule
    kind: str = ""  # Quote.speaker_kind when person is None ("" for "unknown"); a person's is always "person"
    basis: Basis = Basis.OTHER

    def at(self, start: int, end: int) -> _Attribution:
        """The same attribution for the words at start:end (another verb or participle sharing its subject)."""
        return _Attribution(start, end, self.person, self.written, self.rule, self.kind, self.basis)


@dataclass
class _State:
    people: list[PersonMention]
    mentions: list[Mention]  # in text order, never overlapping: starts and ends both ascend
    words: _Words = ENGLISH_WORDS
    last: _Attribution | None = None
    starts: list[int] = field(default_factory=list)  # mention starts and ends, for bisect
    ends: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)  # kept quotations so far (in text order)
    quote_ends: list[int] = field(default_factory=list)
    genders: dict[int, str] | None = None  # see _person_genders
    name_genders: set[int] = field(default_factory=set)  # people whose gender is known only from their given name
    answers: dict[int, tuple[int, int, bool]] | None = None  # see _answer_speakers
    answer_starts: list[int] = field(default_factory=list)  # the keys of answers, ascending
    pronouns_read: int = 0  # how far _pronoun_evidence has read
    # people[:found] are scan_people's; those after it are speakers named as written (see _written_name), which
    # only quotations name: the article's people list stays scan_people's.
    found: int = 0
    # Lookups made once an article, so that no quotation's or pronoun's reading searches the whole text again: where a
    # word stands (_occurrences), the first indefinite introduction of a head noun (the text is the same for every
    # call on one state); the mentions with a role, the person named most (their keys hold the number of mentions,
    # which only grows), the last person with a role (people are only appended).
    memo: dict = field(default_factory=dict)
    # outside[i]: the last mention at or before i that no kept quotation read so far holds (_last_outside_quotes),
    # as of the first outside_read quotations.
    outside: list[int] = field(default_factory=list)
    outside_read: int = 0

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]
        self.ends = [m.end for m in self.mentions]
        self.found = len(self.people)

    def add_mention(self, mention: Mention) -> None:
        """A mention found after scan_people (of a speaker named as written), kept in text order."""
        i = bisect_left(self.starts, mention.start)
        del self.outside[i:]  # (the mentions from i on move)
        self.mentions.insert(i, mention)
        self.starts.insert(i, mention.start)
        self.ends.insert(i, mention.end)

    def add_quotes(self, spans: list[_Span]) -> None:
        for s in spans:
            if s.keep:
                self.quote_starts.append(s.start)
                self.quote_ends.append(s.end)


# --- lookups on the state, and grammar that pronoun resolution and attribution both read ------------------


def _mention_in(state: _State, a: int, b: int, text: str) -> Mention | None:
    """The last person mention inside [a, b) that is not a possessive ("Tillerson's spokesman")."""
    mentions = state.mentions
    for i in range(bisect_left(state.starts, b) - 1, bisect_left(state.starts, a) - 1, -1):
        m = mentions[i]
        if m.end <= b and not text.startswith(("'s", "’s"), m.end) and not _plural_possessive(text, m):
            return m
    return None


def _plural_possessive(text: str, m: Mention) -> bool:
    """ "Sanders’ campaign manager": a name ending in s and an apostrophe, then a word."""
    return text.startswith(("’ ", "' "), m.end) and m.text.endswith("s")


def _occurrences(state: _State, text: str, word: str) -> list[int]:
    """Where word stands in the text, ascending (overlaps included, as str.rfind finds them): found once an article,
    so a walk back through them costs a bisect a step, not a search of everything before."""
    key = ("at", word)
    found = state.memo.get(key)
    if found is None:
        found, at = [], text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
        state.memo[key] = found
    return found


# How far back str.rfind reads before _rfind turns to the article's index: further than any ordinary sentence.
RFIND_WINDOW = 1000


def _rfind(state: _State, text: str, mark: str, lo: int, hi: int) -> int:
    """text.rfind(mark, lo, hi) (lo, hi >= 0): in C over the last RFIND_WINDOW characters, and further back from the
    article's index of the mark (_occurrences): a search back to a paragraph's or line's start from every quotation
    or pronoun in it was quadratic in a long one."""
    near = max(lo, hi - RFIND_WINDOW)
    at = text.rfind(mark, near, hi)
    if at >= 0 or near == lo:
        return at
    at = _last_at_most(_occurrences(state, text, mark), hi - len(mark))
    return at if at >= lo else -1


def _last_at_most(positions: list[int], most: int) -> int:
    """The last of ascending positions that is at most `most`, else -1."""
    i = bisect_right(positions, most) - 1
    return positions[i] if i >= 0 else -1


def _inside_quote(state: _State, pos: int) -> bool:
    """Inside a kept quotation read so far; they never overlap, so only the last one starting before counts."""
    i = bisect_left(state.quote_starts, pos) - 1
    return i >= 0 and pos < state.quote_ends[i]


def _last_outside_quotes(state: _State, i: int) -> int:
    """The last mention at or before index i (-1: none) that no kept quotation read so far holds (_inside_quote),
    remembered: a pronoun's walk back over the names inside a paragraph's many quotations was quadratic. Quotations
    are read in text order, so one read since holds only mentions after its start: the answers from there are read
    again."""
    quote_starts = state.quote_starts
    if state.outside_read < len(quote_starts):
        del state.outside[bisect_right(state.starts, quote_starts[state.outside_read]) :]  # the first since
        state.outside_read = len(quote_starts)
    outside = state.outside
    while len(outside) <= i:
        k = len(outside)
        if _inside_quote(state, state.mentions[k].start):
            outside.append(outside[k - 1] if k else -1)
        else:
            outside.append(k)
    return outside[i] if i >= 0 else -1


def _outside_quotes(state: _State, hi: int, lo: int) -> Iterator[int]:
    """The indices from hi down to lo of the mentions no kept quotation read so far holds (_last_outside_quotes)."""
    i = _last_outside_quotes(state, hi)
    while i >= lo:
        yield i
        i = _last_outside_quotes(state, i - 1)


QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
PAST_AFTER_RE = re.compile(r"(?:\s+\([^()]{1,20}\))?\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


CLAUSE_WORDS = SUBORDINATORS | RELATIVE_PRONOUNS  # a pronoun after them is no main clause's subject


def _past(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PASTS


def _after_preposition(frame: str, pos: int, also: frozenset[str] = frozenset()) -> bool:
    """The word before pos is a preposition (or one of also: a pronoun after "whom" is no main clause's subject)."""
    before = frame[max(0, pos - 20) : pos].split()
    return bool(before) and (before[-1].lower() in OBJECT_PREPOSITIONS or before[-1].lower() in also)
