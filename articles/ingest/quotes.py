"""Deterministic extraction of direct quotations and their speakers from plain article text.

The pipeline, per article:

1. find quoted spans paragraph by paragraph, with the marks of the convention the article uses
   (QUOTE_CONVENTIONS: “…” or "…" and „…“, classified as opening or closing by the characters around
   them, so stray or wrong-way curly marks still pair; ‘…’ and ‚…‘ around apostrophes; « … », »…«,
   ‹…›, 「…」 and 『…』 by their shapes);
2. drop scare quotes (one or two words inside a sentence) and quoted titles;
3. split each paragraph into sentences with the quoted text masked out, so a full stop inside a
   quotation never ends the reporter's sentence;
4. a quotation that carries its speaker (a reader's signature after it, "“…” ― Ada Voss"; a transcript's
   label inside it, "“VOSS: …") takes it; otherwise, in every sentence, find reporting verbs ("said",
   "told", "according to" …) in the reporter's own words and the noun phrase that is their subject
   (past a party tag, "Rep. Ada Voss (D-Ore.)", and a description after the name; not a name that only
   qualifies or complements the head noun: "Clinton supporters", "a lawyer for Ruiz"; nor one inside a
   parenthetical, "X, asked about Y, said"; the agent of a passive, "was asked by X"; the subject of the
   verb a coordinated one shares, "she laughed and admitted"; a reporting participle's, "…, telling
   reporters", is the main clause's subject, which may name nobody, "A spokeswoman for … emailed
   reporters, arguing"); each quote takes the nearest attribution; he/she resolve through stated
   genders (titles, kinship words, the text's own pronouns, then given names: name_genders), and a
   pronoun whose sentence's subject is the same pronoun means what that one means;
5. quotes without an attribution take the speaker a paragraph ending with a colon introduces, the
   subject of their own sentence (kept as written with no person when it names nobody: "One such memo
   … requires staff to promise “…”"), the subject of a sentence just before, or the previous speaker
   (the text "runs on"; reported speech without marks right before, "…, according to X." or "…, he told
   reporters." with a he meaning someone new, makes that person the previous speaker), and the
   paragraphs of one multi-paragraph quotation share a speaker.

Speakers resolve to people through ``people.scan_people``'s mentions; a name it did not take next to a
reporting verb is the one person of that surname it did, else a speaker named as written when the text
around it says person (_written_name); anything that is not a person (a ministry, a report, "one
driver", "a spokeswoman") keeps its wording in ``speaker_as_written`` and has ``speaker=None``, and so
does a name the evidence is too weak for. Each quote says which rule gave its speaker (Quote.evidence),
and what kind of speaker it is (Quote.speaker_kind, speaker_kind(): a person named or not, an
organisation, or unknown).

The article's language (language.detect(), unless the caller knows it) chooses the words: an article
in a language with a table in language_rules is read with its reporting verbs, pronouns and
determiners, and its people need evidence (people.scan_people); others are read with English words.

The words themselves (quotation marks per convention, reporting verbs, gender words, the heads of person and
organisation phrases) are data in quote_words; this module holds the rules and the patterns built from them.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache, partial

from . import name_data
from .language import detect
from .language_rules import LanguageRules, rules_for
from .name_genders import gender_of
from .people import _UPPER as UPPER_LETTERS
from .people import (
    ABBREVIATIONS,
    APPOSITIVE_AFTER_RE,
    NON_PERSON_WORDS,
    PARTICLES,
    PRONOUNS,
    ROLE_WORDS,
    Mention,
    PersonMention,
    fold,
    mask_spans,
    scan_people,
)
from .people import COMMON_WORDS as PEOPLE_COMMON_WORDS
from .quote_words import (
    APPOSITIVE_PERSON_NOUNS,
    CLAUSE_OPENERS,
    CONTRACTIONS,
    COORDINATING_ENDINGS,
    DESCRIPTION_OPENERS,
    DESCRIPTION_PREPOSITIONS,
    DETERMINER_OPENERS,
    DETERMINERS,
    DOCUMENT_HEADS,
    DOUBLE,
    EPITHET_NOUNS,
    FEMALE_WORDS,
    GROUP_WORDS,
    HER_OBJECT_NEXT,
    ING_PREPOSITIONS,
    INTRODUCTION_OPENERS,
    IRREGULAR_PASTS,
    LONE_COORDINATORS,
    MALE_WORDS,
    NAME_PREFIX_WORDS,
    NAME_SUFFIXES,
    NAMED_ORGANISATION_HEADS,
    NONPERSON_PRONOUNS,
    OBJECT_PREPOSITIONS,
    ORGANISATION_HEADS,
    PARENTHETICAL_OPENERS,
    PARENTHETICAL_PARTICIPLES,
    PARTICIPLE_REPORTING_VERBS,
    PERSON_HEADS,
    PERSON_OBJECT_VERBS,
    POSSESSIVE_CLAUSE_VERBS,
    POST_STOP_WORDS,
    QUALIFIED_NOUNS,
    QUOTE_CONVENTIONS,
    RELATIVE_PRONOUNS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    ROLE_CONNECTORS,
    ROLE_DESCRIPTORS,
    SENTENCE_CONNECTIVES,
    SENTENCE_OPENERS_BEFORE_I,
    SINGLE,
    SUBJECT_PRONOUNS,
    SUBJECT_VERB_WORDS,
    SUBORDINATORS,
    TAIL_ENDINGS,
    TIME_WORDS,
    TITLE_CUE_LAST_WORDS,
    TITLE_CUE_WORDS,
    TITLE_SURNAMES,
    QuoteConvention,
)


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    speaker_as_written: str
    partial: bool
    position: int
    # Which rule gave the speaker, and on what words ("name next to the reporting verb: Ruiz"): staff
    # see it in the admin beside the speaker; "" when no speaker was found.
    evidence: str = ""
    # What speaks (speaker_kind()): "person" (named or not: "a spokeswoman", "he" left unresolved), "organisation"
    # ("the ministry said", "CNN said", "it said"), or "unknown" (no attribution, a group, a document, a name
    # with no evidence of what it is).
    speaker_kind: str = "unknown"


@dataclass
class Extraction:
    people: list[PersonMention]
    quotes: list[Quote]
    language: str = ""  # ISO 639-1 code the text was read as ("" unknown: read as English)
    # Names found without evidence of a person, in any language (see people._evidence):
    # the archive keeps them only when it knows the person already.
    unconfirmed: list[PersonMention] = field(default_factory=list)


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


def _trie_pattern(words: list[str], first_as_set: bool = False, after_first: str = "") -> str:
    """One alternation of words as a prefix tree ("a(?:dd(?:ed|s)|sk(?:ed|s))"): `re` tries the
    alternatives of a flat list one by one at every character; a tree rejects most places in one step.

    first_as_set: the first letters become one character set and each branch checks its letter by a
    look-behind ("[as](?:(?<=a)dd(?:ed|s)|(?<=s)aid)"), the same matches in a form whose first element
    is a set (see the note on SINGLE_OPEN_RE): `re` then skips in C to places that start a word;
    after_first is put right after that set."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    if not first_as_set:
        return build(trie)
    firsts = sorted(trie)
    return (
        "["
        + "".join(re.escape(ch) for ch in firsts)
        + "]"
        + after_first
        + "(?:"
        + "|".join(f"(?<={re.escape(ch)}){build(trie[ch])}" for ch in firsts)
        + ")"
    )


# Between the two \b exactly one word (or phrase) of the list can match, so the tree finds the same
# matches as the flat alternation r"\b(?:[Aa]ccording to|pointed out|went on|said|…)\b". Every word starts
# with a letter, so the leading \b is the look-behind "no word character before the first letter".
VERB_WORDS = ["according to", "According to", *REPORTING_PHRASES, *REPORTING_VERBS]
VERB_RE = re.compile(_trie_pattern(VERB_WORDS, first_as_set=True, after_first=r"(?<!\w.)") + r"\b")
# Words between a subject and its verb that are not part of the subject ("Lavrov later said").
_TAIL_WORDS = (
    r"(?:also|later|then|again|once|further|earlier|previously|recently|just|always|never|often|usually|"
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
    r"[,;:!?\x01\x02—(]|\.(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a.capitalize()}\.)" for a in sorted(ABBREVIATIONS))
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
EPITHET_RE = re.compile(r"(?i:the)\s+(?:\d{1,3}-year-old|" + "|".join(EPITHET_NOUNS) + r")\Z")
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
        verb_re=re.compile(_trie_pattern(verbs, first_as_set=True, after_first=r"(?<!\w.)") + r"\b"),
        according_to=frozenset(w.lower() for w in rules.according_to),
        after_quote_only=rules.after_quote_only,
        post_stop_re=re.compile(rf"\s(?:{stops})\s"),
        determiner_re=re.compile("^(?:" + "|".join(determiners) + ")", re.IGNORECASE) if determiners else NO_MATCH,
        definite_re=re.compile("(?:" + "|".join(determiners) + ")", re.IGNORECASE) if determiners else NO_MATCH,
        pronouns=rules.pronouns,
        title_case=not rules.capitalises_nouns,
        rules=rules,
        title_cues=rules.title_cues,
    )


NO_MATCH = re.compile("(?!)")


# --- internal records ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    start: int  # offset of the opening mark
    end: int  # offset of the closing mark, or of the paragraph end when it runs on
    closed: bool
    text: str
    keep: bool = True  # False for scare quotes and titles (masked, never emitted)
    first: str = ""  # first letter of text (the case tests read it up to three times)


@dataclass(slots=True)
class _Attribution:
    start: int
    end: int
    person: int | None  # index into people, None for organisations and unnamed speakers
    written: str
    rule: str = ""  # which rule decided (Quote.evidence): shown to staff beside the speaker
    kind: str = ""  # Quote.speaker_kind when person is None ("" for "unknown"); a person's is always "person"


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

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]
        self.ends = [m.end for m in self.mentions]
        self.found = len(self.people)

    def add_mention(self, mention: Mention) -> None:
        """A mention found after scan_people (of a speaker named as written), kept in text order."""
        i = bisect_left(self.starts, mention.start)
        self.mentions.insert(i, mention)
        self.starts.insert(i, mention.start)
        self.ends.insert(i, mention.end)

    def add_quotes(self, spans: list[_Span]) -> None:
        for s in spans:
            if s.keep:
                self.quote_starts.append(s.start)
                self.quote_ends.append(s.end)


# --- 1. quotation spans ---------------------------------------------------------------------------------


def _convention(text: str) -> QuoteConvention:
    """The quotation marks the article uses: the convention opening the most quotations.

    Guillemets and corner brackets open by their shape (counted in C); of two conventions with the same
    characters, each the other's way round (« » and » «), the one whose opening mark comes first. They are
    chosen over the double and single marks when they open at least as many quotations as “ and „ do
    (“ is also German's closing mark, so a German article counts double here: it needs more to lose).
    """
    best, most = None, 0
    if any(mark in text for mark in SHAPED_MARKS):
        for convention in SHAPED:
            count = text.count(convention.opening)
            if count > most and text.find(convention.opening) <= _first(text, convention.closing):
                best, most = convention, count
    if best is not None and most >= text.count("“") + text.count("„") + text.count('"') // 2:
        return best
    return SINGLE if _single_style(text) else DOUBLE


def _first(text: str, mark: str) -> int:
    at = text.find(mark)
    return len(text) if at < 0 else at


def _single_style(text: str) -> bool:
    """Does the article quote with single marks? Then it opens more single quotations than double ones
    (double-quoted copy nests single marks only inside its quotations, so it has fewer)."""
    if "‘" not in text and "'" not in text and "‚" not in text:
        return False
    # Bounds counted in C first (every single opening is a ‘, ‚ or a ', every “ and „ opens): the regexes
    # only run when single marks could win.
    if text.count("‘") + text.count("'") + text.count("‚") <= text.count("“") + text.count("„"):
        return False
    return len(SINGLE_OPEN_RE.findall(text)) > len(DOUBLE_OPEN_RE.findall(text))


def _mark_positions(text: str, marks: str) -> list[int]:
    """Where any of these characters stands in text, ascending: the same places as a regex of the
    character set over the text, found by str.find in C (a set with curly marks is slow in `re`)."""
    found = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def _single_spans(text: str, pstart: int, pend: int, marks: list[int]) -> list[_Span]:
    """Pair the single quotation marks of one paragraph of UK-style copy.

    A mark before a letter or digit is an apostrophe (don’t, O’Neill); one after a space opens only
    if it is ‘ or ' (a ’ there elides: ’90s, ’em); one after a letter or punctuation closes when no
    letter or digit follows it. A plural possessive inside a quotation ("the players’ kit") therefore
    ends it early: a known limit. Double marks inside are quoted text.
    """
    spans: list[_Span] = []
    open_at, depth = -1, 0
    for i in marks:  # where SINGLE_MARKS stand in the paragraph
        before = text[i - 1] if i > pstart else " "
        after = text[i + 1] if i + 1 < pend else " "
        if before.isspace() or before in '([{—–/“"':
            if text[i] != "’" and not after.isspace():
                if open_at < 0:
                    open_at, depth = i, 1
                else:
                    depth += 1
            continue
        if after.isalnum() or open_at < 0:
            continue  # an apostrophe inside a word, or a stray mark
        depth -= 1
        if depth == 0:
            spans.append(_Span(open_at, i, True, text[open_at + 1 : i].strip()))
            open_at = -1
    if open_at >= 0:
        spans.append(_Span(open_at, pend, False, text[open_at + 1 : pend].strip()))
    return spans


def _shaped_spans(
    text: str, pstart: int, pend: int, marks: list[int], opening: str = "«", closing: str = "»"
) -> list[_Span]:
    """Pair the marks of a convention whose marks open and close by their shape (« », 「 」); a quotation
    of the same convention inside another stays in its text, and an unclosed one runs to the paragraph end."""
    spans: list[_Span] = []
    open_at, depth = -1, 0
    for i in marks:
        if text[i] in opening:
            if open_at < 0:
                open_at, depth = i, 1
            else:
                depth += 1
        elif open_at >= 0:
            depth -= 1
            if depth == 0:
                spans.append(_Span(open_at, i, True, text[open_at + 1 : i].strip()))
                open_at = -1
    if open_at >= 0:
        spans.append(_Span(open_at, pend, False, text[open_at + 1 : pend].strip()))
    return spans


def _paragraph_spans(text: str, pstart: int, pend: int, marks: list[int]) -> list[_Span]:
    """Pair the double quotation marks of one paragraph (marks: where DOUBLE_MARKS stand in it); an unclosed
    one runs to the paragraph end."""
    spans: list[_Span] = []
    open_at, depth = -1, 0
    for i in marks:
        before = text[i - 1] if i > pstart else " "
        # A mark after a space or an opening bracket opens; one after a letter or punctuation closes.
        # This deliberately ignores the curly shape, which copy-editing often gets wrong.
        opening = before.isspace() or before in "([{—–/"
        if open_at < 0:
            if opening:
                open_at, depth = i, 1
        elif before == "\n" and text[i] != "”":
            # a line opening with a mark while a quotation is open: a new paragraph of quotation, the open one ran on
            # to the line's end ("…African-American.\n“I have been …”")
            spans.append(_Span(open_at, i - 2, False, text[open_at + 1 : i - 1].strip()))
            open_at, depth = i, 1
        elif opening and text[i] != "”":
            depth += 1  # a nested double quotation: stays inside the outer one
        else:
            depth -= 1
            if depth == 0:
                spans.append(_Span(open_at, i, True, text[open_at + 1 : i].strip()))
                open_at = -1
    if open_at >= 0:
        spans.append(_Span(open_at, pend, False, text[open_at + 1 : pend].strip()))
    return spans


def _first_letter(text: str) -> str:
    if text[:1].isalpha():  # the common case, no regex: every alphabetic character is a LETTER_RE letter
        return text[0]
    m = LETTER_RE.search(text)
    return m.group() if m else ""


def _is_title(text: str, before: str, first: str, title_case: bool = True, cues: frozenset[str] = frozenset()) -> bool:
    """Quoted titles of works, petitions, operations, slogans (title_case: Title Case says so; not in a
    language that capitalises its nouns; cues: the language's own words before a title, "intitulée")."""
    if not first.isupper():
        return False
    if _title_cue(before[-40:]):
        return True
    if cues and (before.split() or [""])[-1].lower().strip(",:") in cues:
        return True
    if not title_case:
        return False
    # Title Case: every word of four letters or more capitalised ("Salt and Iron", "The Long Night").
    words = text.rstrip(",.!?").split(None, 8)  # nine pieces: more than eight words, no title
    if not 3 <= len(words) <= 8:
        return False
    long_words = [w for w in words if len(w) >= 4]
    return (
        len(long_words) >= 2
        and all(w[0].isupper() for w in long_words)
        and not SENTENCE_PUNCT_RE.search(text.rstrip(",.!?"))
    )


# The last word of a text and what follows it, read from the end (a match at the start of the reversed text).
LAST_WORD_REVERSED_RE = re.compile(r"\W*(\w*)")


def _title_cue(before: str) -> bool:
    """TITLE_CUE_RE.search(before), skipped when the last word is no cue's last word. Only ASCII words
    are judged here (the case folding of other scripts is left to the regex)."""
    word = LAST_WORD_REVERSED_RE.match(before[::-1]).group(1)[::-1]  # the word before the \W*$ of the regex
    if word.isascii() and word.lower() not in TITLE_CUE_LAST_WORDS:
        return False
    return bool(TITLE_CUE_RE.search(before))


# --- 3. sentences ---------------------------------------------------------------------------------------------


def _frame(text: str, pstart: int, pend: int, spans: list[_Span]) -> str:
    """The paragraph with every quotation masked, so only the reporter's words stay readable.

    Built from slices: each kept quotation, marks included, becomes QUOTE_CHARs (QUOTE_STOP on the
    closing mark after a full stop); a scare quote or title only loses its two marks (an unclosed one
    loses the paragraph's last character instead of its closing mark).
    """
    if not spans:
        return text[pstart:pend]
    last = pend - pstart - 1
    parts, pos = [], pstart
    for s in spans:
        a, b = s.start, min(s.end - pstart, last) + pstart
        parts.append(text[pos:a])
        if not s.keep:  # a scare quote or title reads as part of the reporter's sentence
            parts.append(" " + text[a + 1 : b] + " " if b > a else " ")
        elif (s.closed and s.text.endswith((".", "…"))) or (not s.closed and b + 1 < pend and text[b + 1] == "\n"):
            # (a quotation running to a line that opens another one ends its sentence too, see _paragraph_spans)
            parts.append(QUOTE_CHAR * (b - a) + QUOTE_STOP)
        else:
            parts.append(QUOTE_CHAR * (b + 1 - a))
        pos = b + 1
    parts.append(text[pos:pend])
    return "".join(parts)


def _sentences(frame: str) -> list[tuple[int, int]]:
    """Sentence bounds (relative to the paragraph) outside quotations, skipping "Dr." and "J."."""
    bounds, start = [], 0
    for m in SENTENCE_BREAK_RE.finditer(frame):
        at = m.start()
        # A word longer than any abbreviation before the full stop (most sentence ends) is none, and no initial:
        # the regex need not look (\w is what isalnum() or "_" accepts).
        word = (
            frame[at] == "."
            and not (at > ABBREVIATION_MAX and frame[at - ABBREVIATION_MAX - 1 : at].replace("_", "a").isalnum())
            and ABBREVIATION_BEFORE_RE.search(frame, max(0, at - 12), at + 1)
        )
        if word and (word.group(1).lower() in ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper())):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(frame)))
    return bounds


# --- 4. attributions --------------------------------------------------------------------------------------------


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


def _inside_quote(state: _State, pos: int) -> bool:
    """Inside a kept quotation read so far; they never overlap, so only the last one starting before counts."""
    i = bisect_left(state.quote_starts, pos) - 1
    return i >= 0 and pos < state.quote_ends[i]


# r"(?i)\b(?:his|her|their|its)\s[^,.;:]{1,40},\s*\Z", written to start with one character class.
RELATIVE_BEFORE_RE = re.compile(
    r"[hHtTiI](?<!\w.)(?:(?<=[hH])(?i:is|er)|(?<=[tT])(?i:heir)|(?<=[iI])(?i:ts))"
    r"\s[^,.;:]{1,40},\s*\Z"
)
# …unless the relative opens its sentence, and so is its subject ("His son, Irfan Dale, said …").
RELATIVE_SUBJECT_RE = re.compile(r"(?:\A|[.!?”’\"]\s+|\n)\s*(?:His|Her|Their|Its)\s[^,.;:]{1,40},\s*\Z")


def _gender(words: list[str]) -> str:
    """ "f", "m" or "" for a few words (a role, a kinship phrase, a pronoun)."""
    female = not FEMALE_WORDS.isdisjoint(words)
    male = not MALE_WORDS.isdisjoint(words)
    return "f" if female and not male else "m" if male and not female else ""


def _relative(text: str, m: Mention) -> tuple[bool, bool, str] | None:
    """For a person introduced relative to someone ("his wife, Greta Dale,"): whether that phrase opens
    its sentence, and the gender its kinship word gives; None for anyone else."""
    if "," not in text[max(0, m.start - 3) : m.start]:
        return None
    window = text[max(0, m.start - 45) : m.start].lower()
    if "his" not in window and "her" not in window and "its" not in window:  # the regex needs one ("their" has "her")
        return None
    rel = RELATIVE_BEFORE_RE.search(text, max(0, m.start - 45), m.start)
    if not rel:
        return None
    initial = bool(RELATIVE_SUBJECT_RE.search(text, max(0, m.start - 48), m.start))
    return True, initial, _gender(rel.group().lower().replace(",", " ").split()[1:])


def _person_genders(state: _State, text: str) -> dict[int, str]:
    """Gender of each person from their title or a kinship word at any mention, else from a given name that is always
    a man's or always a woman's ("Rebecca Voss"; name_genders) (computed once)."""
    if state.genders is None:
        state.genders = {}
        rules = state.words.rules
        for i, p in enumerate(state.people):
            words = p.role.lower().replace(".", "").split()
            g = _gender(words) or (rules.gender(words) if rules is not None else "")
            if g:
                state.genders[i] = g
        for m in state.mentions:
            rel = _relative(text, m)
            if rel and rel[2]:
                state.genders.setdefault(m.person, rel[2])
        for i, p in enumerate(state.people):
            names = p.name.split()
            if i not in state.genders and len(names) > 1 and len(names[0]) > 2 and not names[0].endswith("."):
                g = gender_of(names[0])
                if g:
                    state.genders[i] = g
                    state.name_genders.add(i)
    return state.genders


# he, she, his, her, hers, himself, herself as words (written to start with a character set, see SINGLE_OPEN_RE);
# "him" is left out: in "Loftus thanked him" it is somebody else.
PRONOUN_RE = re.compile(r"[HhSs](?<![\w'’-].)(?:(?<=[Hh])(?:e|is|ers?|imself|erself)|(?<=[Ss])he)\b")
SENTENCE_START_MARKS = (". ", "? ", "! ", "\n")


def _last_sentence_mark(text: str, lo: int, hi: int) -> int:
    """Where the last sentence before hi (and from lo) ends: the last of SENTENCE_START_MARKS in text[lo:hi]. A full
    stop after a title or an initial ends no sentence ("a supporter of Mr. Trump, said": one sentence)."""
    other = max(text.rfind("? ", lo, hi), text.rfind("! ", lo, hi), text.rfind("\n", lo, hi))
    stop = max(text.rfind(". ", lo, hi), text.rfind(".\u00a0", lo, hi))  # (a no-break space after it too)
    while stop > other and _abbreviation_at(text, stop):
        stop = max(text.rfind(". ", lo, stop), text.rfind(".\u00a0", lo, stop))
    return max(stop, other)


def _abbreviation_at(text: str, stop: int) -> bool:
    """The full stop at text[stop] ends an abbreviation (people.ABBREVIATIONS: "Mr.", "Sen.") or an initial ("J.")."""
    word = text[max(0, stop - 6) : stop].rsplit(None, 1)[-1:]
    if not word:
        return False
    word = word[0].lstrip("(“\"‘'")
    return (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS


def _pronoun_evidence(state: _State, text: str, genders: dict[int, str], upto: int) -> None:
    """Gender the text itself states with pronouns, read up to upto (where quotations are known): a subject he/she
    outside quotations opening a new clause ("Yolanda Mbeki-Strand sued the trust after she was dismissed",
    "Ostrow, who chairs it, and he …") whose sentence, before it, names exactly one person, in subject position; or
    opening a sentence right after one naming exactly one person, in subject position. Possessives ("criticised her
    handling") and pronouns of reported clauses ("said she had not asked") may be somebody else: no evidence.
    The first such evidence for a person counts; titles and kinship words (already in genders) come first."""
    for m in PRONOUN_RE.finditer(text, state.pronouns_read, upto):
        word = m.group().lower()
        if word != "he" and word != "she" and word != "his" and word != "her":
            continue
        p = m.start()
        last = bisect_left(state.starts, p)
        lo = max(0, p - 250)
        if not last or state.starts[last - 1] < lo or state.mentions[last - 1].person in genders:
            continue  # nobody named just before, or the evidence could only confirm what is known
        if _inside_quote(state, p):
            continue
        start = _last_sentence_mark(text, lo, p) + 1
        if text[start:p].strip():
            before = text[start:p].split()[-1].lower()
            if word[0] == "h" and word != "he":
                # a possessive counts only opening the subject of the named person's reported clause ("Oduya told
                # the hearing that his client …", "Carver-Rhys said her panel …"), never as an object ("criticised
                # her handling")
                if before != "that" and before not in POSSESSIVE_CLAUSE_VERBS:
                    continue
                after = text[m.end() : m.end() + 16].split(None, 1)
                if not after or not after[0][:1].isalpha() or after[0].lower() in HER_OBJECT_NEXT:
                    continue
            elif before not in CLAUSE_OPENERS:
                continue  # "said she …", "criticised … she": not a new clause's subject
            allow_who = True
        elif word[0] == "h" and word != "he":
            continue
        elif m.group()[0].isupper() and text[start - 1 : start] == " ":
            # "He …" opening a sentence: the one person the sentence before names
            p = start - 2
            start = _last_sentence_mark(text, lo, p) + 1
            allow_who = False
        else:
            continue
        first = bisect_left(state.starts, start)
        persons = set()
        subject = None
        for k in range(first, bisect_left(state.starts, p)):
            mention = state.mentions[k]
            if _inside_quote(state, mention.start):
                continue
            persons.add(mention.person)
            if subject is None and not text.startswith(("'s", "’s"), mention.end):
                opening = text[start : mention.start].split()  # only a title may stand before the subject
                plain = all(w[-1:] != "," and (w[:1].isupper() or w in ROLE_WORDS) for w in opening)
                # and no clause or quotation between it and the pronoun ("X, who joined his team" only before
                # "and he"; "X called it “…” But she"): nothing but the subject's own words
                between = text[mention.end : p]
                if allow_who and between.startswith(", who "):
                    between = between[6:]
                plain = plain and "," not in between and not any(c in between for c in DOUBLE_MARKS)
                subject = mention.person if plain else -1
        if len(persons) == 1 and subject is not None and subject >= 0:
            genders.setdefault(subject, "f" if word[0] == "s" or word == "her" else "m")
    state.pronouns_read = max(state.pronouns_read, upto)


def _resolve_pronoun(state: _State, text: str, pos: int, pronoun: str = "", depth: int = 0) -> tuple[int | None, str]:
    """he/she, and how its antecedent was chosen (for Quote.evidence): the latest person named in this
    paragraph outside quotations, else the last speaker.

    People introduced relative to someone else ("his father, Karim Ilmaran,") are skipped: the
    pronoun nearly always points at the article's subject, not at the relative, unless the relative
    is the subject of its own sentence ("His son, Irfan Dale, said …"). A person whose stated gender
    does not fit the pronoun is skipped; if that was a bare surname shared by two people ("Dale"
    after "Greta Dale" was named), the other one is meant. A relative whose kinship word fits is taken
    when nobody else fits.
    """
    para_start = text.rfind("\n\n", 0, pos) + 1
    mentions = state.mentions
    want = _gender([pronoun.lower()])
    genders = _person_genders(state, text) if want else {}
    if want and pos > state.pronouns_read:
        _pronoun_evidence(state, text, genders, pos)
    fitting_relative = None
    for i in range(bisect_left(state.starts, pos) - 1, bisect_left(state.starts, para_start) - 1, -1):
        m = mentions[i]  # the latest one that qualifies, so read backwards
        if _inside_quote(state, m.start):
            continue
        rel = _relative(text, m)
        if rel is not None:
            if want and rel[2] and rel[2] != want:
                continue
            if rel[1]:
                return m.person, "a relative opening their own sentence"
            if want and rel[2] == want and fitting_relative is None:
                fitting_relative = m.person
            continue
        # A given name's usual gender is too weak to pass over the person just named for someone further
        # back ("Wren Achterberg said … “…,” she said"), and too strong to ignore: nobody, rather than a guess.
        if want and genders.get(m.person, want) != want and m.person in state.name_genders:
            start = max(_last_sentence_mark(text, para_start, m.start) + 1, para_start)
            if _subject_position(text, start, m.start):
                return None, "the person just named has a given name of the other gender"
            continue  # named as an object ("a supporter of Ostrow"): someone else is meant
        if want and genders.get(m.person, want) != want:
            start = max(_last_sentence_mark(text, para_start, m.start) + 1, para_start)
            # the namesake only where the bare surname is the subject ("Dale said …"); as an object ("a supporter of
            # Trump") it says nothing of who speaks
            other = _namesake(state, m, genders, want) if _subject_position(text, start, m.start) else None
            if other is None:
                continue
            return other, "the other person of that surname, whose gender fits"
        subject = _subject_before_object(state, text, m, para_start, genders, want)
        if subject is not None:
            return subject, "the subject of the sentence naming the last person as its object"
        if want and depth < 3:
            # "But he suggested that Mr. Lew had …. “…,” he said": the person last named is no subject, and the
            # sentence's subject is the same pronoun: both mean one person, found where that pronoun stands
            earlier = _same_pronoun_as_subject(text, para_start, m, want)
            if earlier is not None:
                person, how = _resolve_pronoun(state, text, earlier, pronoun, depth + 1)
                return person, f"the same pronoun as the subject of the sentence before, meaning {how}"
        return m.person, "the last person named in the paragraph"
    if fitting_relative is not None:
        return fitting_relative, "a relative whose kinship word fits"
    last = state.last.person if state.last is not None else None
    if last is not None:
        # A pronoun whose gender is known to fit a person named (in subject position) since the last
        # speaker, or known not to fit the last speaker, points past the last speaker: "“…,” his son
        # said. / Quaintance studied physics … / “…,” he wrote."
        last_fits = genders.get(last, want) == want
        if not want:
            return last, "the previous speaker"
        subject = _subject_since(state, text, state.last.end, para_start, genders, want, strict=False)
        if subject is not None:
            return subject, "the subject of a sentence since the previous speaker"
        if last_fits:
            return last, "the previous speaker"
    for i in range(bisect_right(state.ends, pos) - 1, -1, -1):
        m = mentions[i]
        if not _inside_quote(state, m.start) and (not want or genders.get(m.person, want) == want):
            # the subject of that sentence when the person last named is its object ("Ruiz promised … the policies
            # of President Obama. / “…,” he said": Ruiz)
            start = text.rfind("\n", 0, m.start) + 1
            subject = _subject_before_object(state, text, m, start, genders, want)
            if subject is not None:
                return subject, "the subject of the sentence naming the last person as its object"
            earlier = _same_pronoun_as_subject(text, start, m, want) if want and depth < 3 else None
            if earlier is not None:  # "He had protested Gale at a rally. / “…,” he said": not Gale
                person, how = _resolve_pronoun(state, text, earlier, pronoun, depth + 1)
                return person, f"the same pronoun as the subject of the sentence before, meaning {how}"
            return m.person, "the last person named before"
    return None, "nobody fits"


def _same_pronoun_as_subject(text: str, para_start: int, m: Mention, want: str) -> int | None:
    """Where a he/she of the wanted gender stands as the subject of the sentence naming m, m itself not in subject
    position ("But he suggested that Mr. Lew …"); None otherwise."""
    start = max(_last_sentence_mark(text, para_start, m.start) + 1, para_start)
    if _subject_position(text, start, m.start):
        return None
    words_before = text[start : m.start]
    for found in SUBJECT_PRONOUN_RE.finditer(words_before):
        previous = words_before[: found.start()].split()[-1:]
        if previous and previous[0].lower().strip(",;") in SUBORDINATORS:
            continue
        if QUOTED_RE.search(words_before, 0, found.start()) or "“" in words_before[: found.start()]:
            return None
        word = found.group().split()[0].lower()
        return start + found.start() if _gender([word]) == want else None
    return None


def _subject_before_object(
    state: _State, text: str, m: Mention, para_start: int, genders: dict[int, str], want: str
) -> int | None:
    """When the latest person named is no subject ("Amundsen hugged Varga", "would be led by Samir al-Rashid"), the
    subject of that sentence, if it is another person whose gender does not contradict the pronoun."""
    start = _last_sentence_mark(text, para_start, m.start) + 1
    start = max(start, para_start)
    if _subject_position(text, start, m.start):
        return None
    for i in range(bisect_left(state.starts, start), bisect_left(state.starts, m.start)):
        other = state.mentions[i]
        if (
            other.person != m.person
            and not _inside_quote(state, other.start)
            and not text.startswith(("'s", "’s"), other.end)
            and (not want or genders.get(other.person, want) == want)
            and _relative(text, other) is None
            and (_subject_position(text, start, other.start) or _before_its_verb(text, start, other))
        ):
            return other.person
    return None


def _before_its_verb(text: str, start: int, m: Mention) -> bool:
    """The first name of its sentence, not after a preposition, right before a verb in the past tense ("Just a few
    months ago, Florida developer Ana Ruiz expressed dismay at …")."""
    after = PAST_AFTER_RE.match(text, m.end)
    return (
        after is not None
        and _past(after.group(1))
        and not _after_preposition(text, m.start, CLAUSE_WORDS)
        and not any(w[:1].islower() and _past(w) for w in text[start : m.start].split())
    )


def _subject_since(
    state: _State, text: str, a: int, b: int, genders: dict[int, str], want: str, strict: bool
) -> int | None:
    """The person in subject position between a and b outside quotations whose gender fits (strict: is known to
    fit), in the latest sentence that has one; of two there, the first ("Ruiz, a host, recalled that before the
    vote, Obama was …": Ruiz, the main clause's subject)."""
    mentions = state.mentions
    found, found_sentence = None, -1
    for i in range(bisect_left(state.starts, b) - 1, bisect_left(state.starts, a) - 1, -1):
        m = mentions[i]
        if found is not None and m.end <= found_sentence:
            break
        g = genders.get(m.person)
        if (
            (g == want if strict else g in (None, want))
            and not _inside_quote(state, m.start)
            and not text.startswith(("'s", "’s"), m.end)
        ):
            # (the sentence's own start, even before a: "X said Obama has …" makes Obama no subject after "said")
            lo = max(0, m.start - 400)
            sentence_start = max(_last_sentence_mark(text, lo, m.start) + 1, lo)
            if _subject_position(text, sentence_start, m.start):
                found, found_sentence = m.person, sentence_start
    return found


def _namesake(state: _State, m: Mention, genders: dict[int, str], want: str) -> int | None:
    """Another person with the same surname as a one-word mention, whose gender does not contradict."""
    if " " in m.text:
        return None
    word = fold(m.text)
    for i, p in enumerate(state.people):
        if i != m.person and fold(p.name.split()[-1]) == word and genders.get(i, want) == want:
            return i
    return None


AGE_WORD_RE = re.compile(r"\d{1,3}-year-old")  # "17-year-old Jared Potts said"


def _subject_position(text: str, sentence_start: int, pos: int) -> bool:
    """Only titles stand between pos and the sentence start or a comma ("Asked why, Dr. Ruiz …")."""
    words = text[sentence_start:pos].split()
    while (
        words
        and not words[-1].endswith(",")
        and (
            words[-1][:1].isupper()
            or words[-1].lower() in ROLE_WORDS
            or words[-1].lower() in ROLE_DESCRIPTORS
            or AGE_WORD_RE.fullmatch(words[-1])
        )
    ):
        words.pop()
    return not words or words[-1].endswith(",")


def _sentence_subject(state: _State, text: str, a: int, b: int) -> int | None:
    """The person a sentence is about: its first non-possessive mention in subject position, unless "he" or "she"
    stands before it as the subject ("Flying home, she vented to her husband, Frank Fiorina, that …": the name after
    the comma is an appositive, not the subject); a name followed by a role and another name is a modifier
    ("Former Obama spokesman Robert Gibbs derided …": Gibbs)."""
    mentions = state.mentions
    for i in range(bisect_left(state.starts, a), bisect_left(state.starts, b)):
        m = mentions[i]
        if (
            not _inside_quote(state, m.start)
            and not text.startswith(("'s", "’s"), m.end)
            and _subject_position(text, a, m.start)
        ):
            if _pronoun_subject_before(text[a : m.start]):
                return None
            if i + 1 < len(mentions) and _modifies(text, m, mentions[i + 1]):
                continue
            return m.person
    return None


SUBJECT_PRONOUN_RE = re.compile(r"(?:^|(?<=\s))(?:[Hh]e|[Ss]he)\s+[a-z]")


def _pronoun_subject_before(words_before: str) -> bool:
    """ "he" or "she" stands as a subject in the main clause before a name (not in a quotation, not after a
    subordinating word)."""
    plain = QUOTED_RE.sub(" ", words_before)
    for m in SUBJECT_PRONOUN_RE.finditer(plain):
        previous = plain[: m.start()].split()[-1:]
        if not previous or previous[0].lower().strip(",;") not in SUBORDINATORS:
            return True
    return False


def _modifies(text: str, m: Mention, following: Mention) -> bool:
    """The name m only qualifies a role before the next name: "Obama spokesman Robert Gibbs", "Trump adviser Ana
    Ruiz"."""
    words = text[m.end : following.start].split()
    return 0 < len(words) <= 3 and all(w.lower() in ROLE_WORDS or w.lower() in ROLE_DESCRIPTORS for w in words)


# Determiners of a role back-reference to one known person ("the coach", "my coach"); "a"/"one driver" is nobody in
# particular.
DEFINITE_RE = DEFINITE_RE_ENGLISH
ROLE_WINDOW_STOP_RE = re.compile(r"[.!?;:\n“”\"()—–]")
ROLE_TOKEN_RE = re.compile(r"[\w’'-]+|,")


def _role_reference(state: _State, text: str, pos: int, phrase: str) -> int | None:
    """ "the coach", "the top seed", "my father": the person last introduced before pos with that head noun in
    their role, else a person whose introduced role ends with it."""
    words = phrase.lower().split()
    if len(words) > 4 or not state.words.determiner_re.match(phrase + " "):
        return None
    head = words[-1]
    if head in NON_PERSON_WORDS or head in ORGANISATION_HEADS or head in DOCUMENT_HEADS:
        # "the union said", "the newspaper admitted", "the report stated": the organisation or the text speaks, not
        # a person named with it
        return None
    if not state.words.definite_re.match(phrase):
        return None  # "a spokeswoman said", "one official said": somebody the article does not name
    if state.words is ENGLISH_WORDS and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return None  # "their attorneys said", "the officials said": several people, not one the article named
    folded = fold(head)  # roles are compared folded ("die Oberbürgermeisterin")
    # Only worth reading the mentions when the head noun was written before pos at all, in lower case or
    # capitalised (searched in C: lower-casing the whole text costs more); then only those near it.
    if state.words.definite_re.match(phrase) and head not in PEOPLE_COMMON_WORDS and head not in NON_PERSON_WORDS:
        cap = head.capitalize()
        j = max(text.rfind(head, 0, pos), text.rfind(cap, 0, pos))
        while j >= 0:  # latest first: the mentions a role written at j can introduce (60 before, 70 after)
            for i in range(bisect_left(state.starts, min(j + 60, pos)) - 1, bisect_left(state.starts, j - 120) - 1, -1):
                m = state.mentions[i]
                if m.end < j - 70 or _inside_quote(state, m.start):
                    continue
                role = state.people[m.person].role
                if folded in fold(role).replace("'s", "").replace(".", "").split() or folded in _role_words_at(text, m):
                    return m.person
            j = max(text.rfind(head, 0, j), text.rfind(cap, 0, j))
    for i, p in reversed(list(enumerate(state.people))):
        if p.role and folded in fold(p.role).replace("'s", "").split()[-1:]:
            return i
    return None


def _role_words_at(text: str, m: Mention) -> list[str]:
    """The role words a mention is introduced with, in its own sentence: lower-case nouns and titles right
    before the name, maybe before a comma ("top seed X", "the government's chief whip, Senator X", "the
    Minister for Health, X"), and an appositive after it (", the club's coach,")."""
    window = text[max(0, m.start - 60) : m.start]
    stop = max((mm.end() for mm in ROLE_WINDOW_STOP_RE.finditer(window)), default=0)
    found: list[str] = []
    commas = 0
    for tok in reversed(ROLE_TOKEN_RE.findall(window, stop)):
        if tok == ",":
            commas += 1
            if commas > 1:
                break
            continue
        low = fold(tok).replace("'s", "").replace("’s", "")
        if low in PEOPLE_COMMON_WORDS and low not in ROLE_CONNECTORS:
            break
        found.append(low)
        if len(found) >= 6:
            break
    after = APPOSITIVE_AFTER_RE.match(text, m.end, m.end + 70)
    if after:
        found.extend(fold(after.group(1)).replace("'s", "").split())
    return found


def _qualifies_noun(text: str, a: int, mention: Mention, b: int) -> bool:
    """The name is followed, inside the subject phrase, by a noun it only qualifies ("Clinton supporters"), or
    stands between a determiner and a lower-case word ("another early Gale backer", "a Gale supporter"): the
    phrase's head is that noun, and a name before the phrase is the speaker it describes."""
    after = text[mention.end : b].split(None, 1)
    if not after:
        return False
    if after[0] in QUALIFIED_NOUNS:
        return True
    word = after[0].rstrip(",;:")
    return (
        word.isalpha()
        and word.islower()
        # an adverb, a verb or a relative after the name is no noun: "the mayor Ana Gale also said", "… has said"
        and not word.endswith(TAIL_ENDINGS + ("ed", "self"))
        and word not in SUBJECT_VERB_WORDS
        and word not in RELATIVE_PRONOUNS
        and any(w.lower() in DETERMINER_OPENERS for w in text[a : mention.start].split())
    )


def _complement_of_description(text: str, a: int, mention: Mention) -> bool:
    """The name stands after a preposition in a description that opens with a determiner, with only titles between
    ("said the former top aide to President Ruiz", "a spokeswoman for Sen. Ruiz said"): the head of the noun phrase
    is the description, and the person named is only its complement (a lawyer for Ruiz is not Ruiz)."""
    before = text[a : mention.start].split()
    if len(before) < 2 or before[0].lower() not in DETERMINER_OPENERS:
        return False
    if text.startswith(", who ", mention.end):
        return False  # "… was steep for Mr. Ruiz, who said": the name is the antecedent of the speaking relative
    k = len(before) - 1
    while k > 0 and (before[k].lower() in NAME_PREFIX_WORDS or before[k].lower().rstrip(".") in NAME_PREFIX_WORDS):
        k -= 1  # titles before the name ("to President", "for Sen.")
    return before[k].lower() in DESCRIPTION_PREPOSITIONS


ROLE_RULE = "role the article gave a person it names"


def _speaker_from_segment(state: _State, text: str, a: int, b: int) -> _Attribution | None:
    """Subject phrase text[a:b] (no commas inside) → attribution, or None if it is no subject."""
    phrase = text[a:b]
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
    if mention and phrase.rsplit(None, 1)[-1] in SUBJECT_PRONOUNS:
        mention = None  # "… wrote to Caldwell every week, although she laughed and said": the pronoun is the subject
    if mention and not _complement_of_description(text, a, mention) and not _qualifies_noun(text, a, mention, b):
        return _Attribution(a, b, mention.person, mention.text, "name next to the reporting verb")
    words = phrase.split()
    last_word = words[-1]
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
        return _Attribution(a, b, person, last_word, f"pronoun next to the reporting verb, meaning {how}", "person")
    first = words[0].lower()
    if len(words) == 1 and first in LONE_COORDINATORS:
        return None  # "… said X, and called the plan “…”": a coordinator, whose subject is the clause's before it
    if first in NONPERSON_PRONOUNS:
        # "it said": an organisation; "they", "we": a group or an organisation, the text does not say which
        kind = "organisation" if first == "it" else "unknown"
        return _Attribution(a, b, None, phrase, "organisation or group pronoun", kind)
    if first.endswith("ing") or first.isdigit() or first in PARENTHETICAL_OPENERS:
        return None  # "speaking in parliament", "44", "who chairs the board": a parenthetical, not a subject
    if phrase[:1].isupper():  # "Lasry told …", "said Mrs. Okafor": a name scan_people did not take
        att = _written_name(state, text, a, b, phrase)
        if att is not None:
            return att
    if EPITHET_RE.match(phrase):  # "said the 20-year-old", "said the teenager"
        person, how = _resolve_pronoun(state, text, a)
        return _Attribution(a, b, person, phrase, f"epithet, as a pronoun, meaning {how}", "person")
    # "money that the judge said": the subject is the relative clause's own noun phrase.
    clause = RELATIVE_CLAUSE_RE.split(phrase)[-1]
    if clause is not phrase and state.words.determiner_re.match(clause + " "):
        phrase = clause
    # A noun phrase: an organisation, a role ("the mayor") or an unnamed speaker ("one driver").
    if len(phrase.split()) > 6:
        det = list(DETERMINER_WORD_RE.finditer(phrase))
        phrase = phrase[det[-1].start() :] if det else " ".join(phrase.split()[-3:])
    person = _role_reference(state, text, a, phrase)
    if person is not None:  # "the coach": the person the article introduced with that role
        return _Attribution(a, b, person, phrase, ROLE_RULE)
    return _Attribution(a, b, None, phrase, "role or description", speaker_kind(phrase))


# --- what kind of speaker -------------------------------------------------------------------------------------
# A speaker phrase that names no person (Quote.speaker_kind): the noun at its head says what speaks. The head is the
# last word before a preposition or a clause ("a spokeswoman for the ministry": spokeswoman).

SPEAKER_HEAD_END_RE = re.compile(r"\s(?:for|of|at|in|from|with|to|who|that|which|on|under|close)\s|,")
ACRONYM_RE = re.compile(r"[A-Z][A-Z&]+\Z")


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
    if low in PERSON_HEADS or low in ROLE_WORDS - {"of", "for", "the", "state", "federal", "national"}:
        return "person"
    return "unknown"


# --- names as written -------------------------------------------------------------------------------------
# A speaker next to a reporting verb whose name scan_people did not take ("Lasry told …" when the article never
# gives a first name, "Mrs. Okafor said" when its full name was dropped): the name as written is the speaker,
# the same person as one the article names in full when the surname says so.

# A legislator's party and state after the name: "Rep. Ada Voss (D-Ore.)", "(R-Texas)", "(I-Vt.)", "(D-N.Y.)".
# A state alone ("(Vt.)", "(N.Y.)") or a party alone ("(D)") too.
PARTY_TAG_RE = re.compile(
    r"\((?:(?:[DRI]|Dem|Rep|Ind)(?:\s?[-–,]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)\)"
)
PARTY_TAG_AFTER_RE = re.compile(r"\s*" + PARTY_TAG_RE.pattern)
# A name's words: capitalised, with letters after the capital, or initials ("J.", "J.M.").
NAME_WORD_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])*\.|[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


def _name_words(phrase: str) -> tuple[list[str], str] | None:
    """The words of the name a subject phrase consists of, and the titles before it: "Mrs. Clinton" ->
    (["Clinton"], "Mrs."), "the Tribune’s Ishaan Tharoor" -> (["Ishaan", "Tharoor"], ""). None when the phrase is
    no name: lower-case words in it, an organisation's or a place's word, a common word, an acronym."""
    phrase = PARTY_TAG_RE.sub("", phrase)
    words = phrase.split()
    for i in range(len(words) - 1, 0, -1):  # after an owner ("the Tribune’s Ishaan Tharoor"): the name
        if words[i - 1].endswith(("’s", "'s")):
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
    name = " ".join(words)
    if fold(name).lower().replace("’", "'") in name_data.load().places:
        return None  # "Sacramento said": a place (its council, its people) speaks, not a person
    if len(words) == 1 and re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text):
        return None  # a common noun opening the sentence ("Aides said"): the text writes it in lower case
    if not _personal(text, name, a):
        return _Attribution(a, b, None, phrase, "name as written, no evidence of a person", speaker_kind(phrase))
    at = text.find(name, a, b)
    start, end = (at, at + len(name)) if at >= 0 else (a, b)
    state.people.append(PersonMention(name, titles, 1, [], evidence="speaker named as written"))
    state.add_mention(Mention(start, end, name, len(state.people) - 1))
    return _Attribution(a, b, len(state.people) - 1, phrase, "name as written next to the reporting verb")


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
FIRST_PERSON_RE = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|me|my|myself)\b")
QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")


WHO_AFTER_RE = re.compile(r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+who(?:se)?\s")
# An appositive after a name, its first words: ", a professor of communication", ", the director of …".
ROLE_APPOSITIVE_RE = re.compile(r",\s+(?:a|an|the|his|her)\s+((?:[\w-]+\s+){0,3}[\w-]+)")


def _personal(text: str, name: str, at: int) -> bool:
    """Evidence that a name as written is a person's, read around each place it stands: "who" after it, the reporter's
    words after it use "he" or "her" before any "it" or "its" (a company's), or the quotations of its paragraph speak
    as "I";
    a name standing in an organisation's or a place's name elsewhere ("Ardmore Minerals") is none."""
    personal = organisation = 0
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
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
    return pieces


def _subject_before(state: _State, text: str, frame: str, offset: int, v: int) -> _Attribution | None:
    """Walk the comma-separated segments left of a verb: "Tomas Brandt, the club's coach, said"."""
    cut = max(  # written out: a comprehension costs a function call in Python 3.11
        frame.rfind(QUOTE_CHAR, 0, v),
        frame.rfind(QUOTE_STOP, 0, v),
        frame.rfind(";", 0, v),
        frame.rfind(":", 0, v),
        frame.rfind("(", 0, v),
        frame.rfind("—", 0, v),
    )
    segments = _last_comma_segments(frame, cut + 1, v, 3)
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
        att = _speaker_from_segment(state, text, offset + a, offset + b)
        if att is None:
            continue  # "speaking in parliament", "44", "who chairs…": skip over parentheticals
        if att.person is not None:
            if (
                att.rule == ROLE_RULE
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
        # Look past a noun phrase only when it is an appositive to a name just before it; not to the object ending a
        # subordinate clause ("As Ruiz attacked Gale, the crowd chanted": Gale is no subject; "As Ana Ruiz, an
        # expert, noted" names the subject).
        if i + 1 < len(segments) and (
            not _ends_with_mention(state, offset + segments[i + 1][1], text)
            or _subordinate_clause(state, text, offset + segments[i + 1][0], offset + segments[i + 1][1])
        ):
            break
    if noun_phrase is None or _descriptive(noun_phrase.written):
        # "Ana Ruiz, assistant secretary for refugees, population and migration, said": a description longer than
        # the segments read, after the name opening the clause
        opener = _clause_opener(state, text, offset + cut + 1, offset + v)
        if opener is not None:
            return opener
    return noun_phrase


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
PAST_AFTER_RE = re.compile(r"(?:\s+\([^()]{1,20}\))?\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


CLAUSE_WORDS = SUBORDINATORS | RELATIVE_PRONOUNS  # a pronoun after them is no main clause's subject


def _past(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PASTS


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
    return _Attribution(offset + start, offset + start + len(written), resolved, written, rule, "person")


def _after_preposition(frame: str, pos: int, also: frozenset[str] = frozenset()) -> bool:
    """The word before pos is a preposition (or one of also: a pronoun after "whom" is no main clause's subject)."""
    before = frame[max(0, pos - 20) : pos].split()
    return bool(before) and (before[-1].lower() in OBJECT_PREPOSITIONS or before[-1].lower() in also)


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
        return _Attribution(
            start, start + len(words[0]), person, words[0], f"pronoun opening the clause, meaning {how}", "person"
        )
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
    """Inverted attribution: "“…,” said Teodor Vasko, a steward" / "said the trade minister, Idris Osei"."""
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
        if att is not None and att.person is not None:
            return att
        if b < end and first is None:
            # "said former secretary of state Hillary Clinton": the role's "of" cut the name off the subject
            titled = _titled_name(state, text, offset + a, offset + end)
            if titled is not None:
                return titled
        first = first or att
    return first


def _titled_name(state: _State, text: str, a: int, b: int) -> _Attribution | None:
    """The first person named in text[a:b] when only the words of a role stand before the name ("former secretary of
    state", "Chief of Staff")."""
    i = bisect_left(state.starts, a)
    if i >= len(state.mentions) or state.ends[i] > b:
        return None
    m = state.mentions[i]
    for word in text[a : m.start].split():
        low = word.lower().rstrip(".")
        if not (low in ROLE_WORDS or low in NAME_PREFIX_WORDS or low in ROLE_DESCRIPTORS):
            return None
    return _Attribution(a, b, m.person, m.text, "name after its role, next to the reporting verb")


def _attributions(state: _State, text: str, frame: str, offset: int) -> list[_Attribution]:
    found = []
    words = state.words
    for m in words.verb_re.finditer(frame):
        verb = m.group()
        k = m.start()
        while k and frame[k - 1] in " ,—–":  # the last character before the verb, skipping spaces, commas, dashes
            k -= 1
        att = None
        after_quote = k and frame[k - 1] in (QUOTE_CHAR, QUOTE_STOP)
        according = verb.lower() in words.according_to
        if not after_quote and words.after_quote_only and verb.lower() in words.after_quote_only:
            continue  # "so" names a speaker only right after a quotation ("„…“, so Andermatt")
        if verb in PARENTHETICAL_PARTICIPLES and PASSIVE_OPENER_RE.search(frame, max(0, k - 12), k):
            continue  # "when questioned after the debate", "if pressed": a passive, its subject is elsewhere
        # "according to X" and "said X" right after a quotation or at the sentence start are inverted.
        if according or not k or after_quote:
            att = _subject_after(state, text, frame, offset, m.end())
        elif (
            state.words is ENGLISH_WORDS
            and frame.startswith(" by ", m.end())
            and PASSIVE_BEFORE_RE.search(frame, 0, m.start())
        ):
            # "Rubio was asked by moderator Gerard Baker whether …": the agent after "by" speaks
            att = _subject_after(state, text, frame, offset, m.end() + 3)
            if att is not None and att.person is None:
                att = None
        if att is None and found and COORDINATED_RE.match(frame, found[-1].end - offset, m.start()):
            # "X said …, but described it as “…”": the same subject, unless a clause between has its own ("when I
            # asked Gale, he looked away and said")
            att = _coordinated_subject(state, text, frame, offset, found[-1].end - offset, m.start()) or found[-1]
        if att is None and found and _coordinated_after_quote(frame, found[-1].end - offset, m.start()):
            att = found[-1]  # "X warned that it was “…” and said …": the same subject past a partial quote
        if att is None and not according and "," in frame[k : m.start()] and state.words is ENGLISH_WORDS:
            att = _inverted_after_comma(state, text, offset, verb, m.end())
        if att is None and not according:
            att = _subject_before(state, text, frame, offset, m.start())
        if att is not None:
            found.append(
                _Attribution(offset + m.start(), offset + m.end(), att.person, att.written, att.rule, att.kind)
            )
    if state.words is ENGLISH_WORDS and "ing" in frame:
        found = _participle_attributions(state, text, frame, offset, found)
    return found


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
    for word in text[start : m.start].split():
        low = word.lower().rstrip(".")
        if low in OBJECT_PREPOSITIONS or not (low in ROLE_WORDS or low in NAME_PREFIX_WORDS or low in ROLE_DESCRIPTORS):
            return None  # "said of Cruz": the name is what the words are about
    tag = PARTY_TAG_AFTER_RE.match(text, m.end)
    if not INVERTED_END_RE.match(text, tag.end() if tag else m.end):
        return None
    return _Attribution(start, m.end, m.person, m.text, "name after the reporting verb, after a comma")


# A reporting participle hung on the main clause after a comma or "and": "…, telling reporters, “…”", "…, adding
# that", "… addressing her as “Ines” and telling her, “…”".
PARTICIPLE_RE = re.compile(r"(?:,|\sand)\s+(?:also\s+|then\s+)?(?:" + "|".join(PARTICIPLE_REPORTING_VERBS) + r")\b")
PARTICIPLE_RULE = "subject of the main clause before a participle"
NAME_PARTICIPLE_RE = re.compile(r"\s+(?:also\s+)?(" + "|".join(PARTICIPLE_REPORTING_VERBS) + r")\b")


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
        att = (
            before[-1]
            if before
            else _with_participle_subject(state, text, offset, offset + v)
            or _main_clause_subject(state, text, frame, offset, v)
        )
        if att is not None:
            added.append(_Attribution(offset + v + 1, offset + m.end(), att.person, att.written, att.rule, att.kind))
    if not added:
        return found
    return sorted(found + added, key=lambda att: att.start)


WITH_BEFORE_RE = re.compile(r"\bwith\s+(?:[A-Z][\w.]*\s+){0,2}\Z")
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
    if first in INTRODUCTION_OPENERS:
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
            return None
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
    return _Attribution(offset + a, end, None, written, PARTICIPLE_RULE, speaker_kind(written))


# A subordinator right before a participle makes it a passive with no subject of its own: "when questioned, …".
PASSIVE_OPENER_RE = re.compile(r"\b(?:when|if|once|until|unless|while|after|before|though|although)\s*\Z")
# A passive before a reporting verb: "was asked by", "were told by", "is being asked by".
PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?\Z")


def _coordinated_after_quote(frame: str, prev_end: int, v: int) -> bool:
    """Only "and"/"but" (maybe with "also", "then" or an adverb) stand between the last quotation after the
    previous verb and this verb: the two verbs share a subject."""
    cut = frame.rfind(QUOTE_CHAR, prev_end, v)
    return cut >= 0 and bool(BARE_COORDINATOR_RE.match(frame, cut + 1, v))


# --- 5. putting it together -------------------------------------------------------------------------------


# Between a quotation and the attribution after it, what shows the attribution belongs to another clause.
AFTER_GAP_RE = re.compile(r",|;|\band\b|\bbut\b")


def _nearest(atts: list[_Attribution], span: _Span, text: str = "") -> _Attribution | None:
    if len(atts) < 2:  # most sentences have one attribution (or none): nothing to compare
        return atts[0] if atts else None
    if text and span.closed and span.text.rstrip().endswith(","):
        # "Comey cannot say that “from his perspective,” Lewandowski added": a quotation closed by a comma hands
        # the floor to the attribution right after it (only its subject between), unless a verb right before it
        # introduced the whole of it ("Ruiz said: “…,” the Ledger reported": Ruiz speaks, the Ledger reports)
        after = [a for a in atts if 0 <= a.start - span.end <= 40 and not AFTER_GAP_RE.search(text, span.end, a.start)]
        introduced = any(0 <= span.start - a.end <= 3 for a in atts)
        if after and not introduced:
            return after[0]

    def distance(a: _Attribution) -> int:
        return span.start - a.end if a.end <= span.start else a.start - span.end

    return min(atts, key=distance)


def _is_partial(
    span: _Span, frame: str, offset: int, sentence_start: int, prev: _Span | None, verb_re: re.Pattern = VERB_RE
) -> bool:
    """Partial: a lower-case fragment worked into the reporter's sentence.

    The lower-case second half of a split quotation (“A,” she said, “and B.”) is not partial.
    """
    if not span.first.islower():
        return False
    before = frame[sentence_start : span.start - offset]
    if prev is not None and before.rstrip().endswith(",") and verb_re.search(before):
        return False
    return True


# Letters of scripts written without spaces between words: kana, CJK ideographs, hangul.
UNSPACED_SCRIPT_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _is_scare(span: _Span, text: str, prev_end: int) -> bool:
    """One or two words are a scare quote unless they are a whole utterance (“Never,” she said).

    Only the text since the last quotation (text[prev_end:span.start]) matters for the "standalone" test; it is
    sliced only for the few short quotations."""
    if len(span.text.split(None, 3)) > 2:  # (at most four pieces: enough to tell)
        return False
    if len(span.text) >= 4 and len(UNSPACED_SCRIPT_RE.findall(span.text, 0, 8)) >= 4:
        return False  # Chinese, Japanese, Korean: words without spaces between them (「今日は晴れです」)
    before = text[prev_end : span.start]
    standalone = (not before.strip() or before.rstrip()[-1] in '.!?:”"’»«」』') and span.first.isupper()
    return not (standalone and span.text[-1:] in ",.!?")


def _mark_non_quotes(
    text: str, pstart: int, spans: list[_Span], title_case: bool = True, cues: frozenset[str] = frozenset()
) -> None:
    """Scare quotes and titles stay in the text as words; they are not quotations."""
    prev_end = pstart
    for span in spans:
        span.first = _first_letter(span.text)
        span.keep = not (
            _is_scare(span, text, prev_end)
            # (_is_title's first test, before slicing: most quotations are no title)
            or (
                span.first.isupper()
                and _is_title(span.text, text[max(pstart, span.start - 40) : span.start], span.first, title_case, cues)
            )
        )
        prev_end = span.end + 1


@dataclass
class _Context:
    """What carries from sentence to sentence while reading an article."""

    running: _Attribution | None = None  # speaker of a quotation left open at a paragraph end
    group: list[int] = field(default_factory=list)  # indices of the paragraphs of that quotation
    group_explicit: bool = False
    # Quote-free sentences (a, b) and quote-free paragraphs (a, b, spans) read since the last quote.
    # Their subject is only needed when a later quote has no attribution, so it is found lazily.
    pending: list[tuple] = field(default_factory=list)
    cached_subject: tuple[int | None, int] | None = None

    def subject(self, state: _State, text: str) -> tuple[int | None, int]:
        """The person the latest quote-free sentence with one in subject position was about, and where that
        sentence starts."""
        if self.cached_subject is None:
            self.cached_subject = self._find_subject(state, text)
        return self.cached_subject

    def _find_subject(self, state: _State, text: str) -> tuple[int | None, int]:
        for item in reversed(self.pending):
            if len(item) == 2:
                bounds = [item]
            else:
                pstart, pend, spans = item
                bounds = [(pstart + a, pstart + b) for a, b in _sentences(_frame(text, pstart, pend, spans))]
            for a, b in reversed(bounds):
                subject = _sentence_subject(state, text, a, b)
                if subject is not None:
                    return subject, a
        return None, -1

    def quoted_sentence_done(self) -> None:
        self.pending, self.cached_subject = [], None


def _fallback(
    state: _State, ctx: _Context, text: str, span: _Span, sentence: tuple[int, int], starts_paragraph: bool
) -> _Attribution | None:
    """Speaker of a quote whose sentence has no reporting verb, most specific rule first."""
    person = _sentence_subject(state, text, sentence[0], span.start)  # "Ruiz was blunt: “…”"
    if person is not None:
        return _Attribution(span.start, span.start, person, "", "subject of the sentence holding the quotation")
    if text[sentence[0] : span.start].rstrip().endswith(":"):
        # "… praise from Marjorie Tennant, chief executive of the charity: “…”": a colon hands the
        # floor to the person the clause before it last names.
        mention = _mention_in(state, sentence[0], span.start, text)
        if mention is not None and not _inside_quote(state, mention.start) and not _someone_of(text, mention):
            return _Attribution(span.start, span.start, mention.person, "", "named before a colon")
    answer = _answer_speaker(state, text, span.start)
    if answer is not None:  # a quotation in an interview answer with no speaker of its own
        return _Attribution(span.start, span.start, answer, "", "interview answer")
    if starts_paragraph and ctx.running is not None:
        return ctx.running  # the next paragraph of a running quotation
    described = _described_subject(state, text, sentence[0], span.start)
    if described is not None:
        return described
    introduced = _colon_introduction(state, ctx, text, span)
    if introduced is not None:
        return introduced
    subject, where = ctx.subject(state, text)
    para = text.rfind("\n", 0, span.start) + 1
    if subject is not None and where >= text.rfind("\n", 0, max(0, para - 2)) + 1:
        # "Brannigan-Holm laughed. “Gunnar exaggerates.”", in this paragraph or the one before: further back, the
        # sentence is no evidence (on real news this rule was right for only 38% of the quotations it gave)
        return _Attribution(span.start, span.start, subject, "", "subject of the sentence before")
    if state.last is not None:  # the text runs on: the previous speaker
        last = state.last
        if _far_from_last(state, text, span.start):
            return _Attribution(span.start, span.start, None, "", FAR_FOLLOW_ON_RULE)
        return _Attribution(span.start, span.start, last.person, "", "follow-on: the previous speaker", last.kind)
    return None


FAR_FOLLOW_ON_RULE = "no speaker: the previous one is paragraphs of reporting back"
# Reporter's prose between the previous quotation (or attribution) and a quotation with none, in characters, past
# which the previous speaker is no evidence once a paragraph ends between them and someone else is named there: on
# real news (PolNeAR train and dev) such follow-ons were right for 2 quotations of 29.
FAR_FOLLOW_ON_GAP = 200


PARAGRAPH_BREAK_RE = re.compile(r"\n\s*")


def _far_from_last(state: _State, text: str, pos: int) -> bool:
    """The previous speaker spoke in an earlier paragraph, and a stretch of the reporter's own words since names
    someone else; not when that stretch ends with a colon, introducing the quotation ("He then listed them:")."""
    last = state.last
    if last is None or last.person is None:
        return False
    i = bisect_left(state.quote_ends, pos) - 1
    since = max(state.quote_ends[i] if i >= 0 else 0, last.end)
    gap = text[since:pos]
    body = gap.strip(QUOTE_MARKS + " \n\t")
    if len(PARAGRAPH_BREAK_RE.findall(gap)) < 2 or len(body) < FAR_FOLLOW_ON_GAP or body.endswith(":"):
        return False
    lo, hi = bisect_left(state.starts, since), bisect_left(state.starts, pos)
    # (by surname: scan_people may keep "Mr. Khan" apart from "Khizr Khan", whom _full_names joins later)
    surname = fold(state.people[last.person].name.split()[-1]).lower()
    return any(
        m.person is not None and fold(state.people[m.person].name.split()[-1]).lower() != surname
        for m in state.mentions[lo:hi]
    )


def _someone_of(text: str, m: Mention) -> bool:
    """The name complements a person noun: "a spokesman for X", "an aide to X": that person, not X, speaks."""
    words = text[max(0, m.start - 60) : m.start].split()
    while words and words[-1][:1].isupper() and words[-1].lower().rstrip(".") in ROLE_WORDS | NAME_PREFIX_WORDS:
        words.pop()  # "a spokesman for Mayor X"
    words = words[-2:]
    return len(words) == 2 and words[1] in DESCRIPTION_PREPOSITIONS and words[0].lower().rstrip("s") in PERSON_HEADS


def _described_subject(state: _State, text: str, a: int, b: int) -> _Attribution | None:
    """A sentence holding a quotation after words of its own, whose subject names nobody ("One such memo, obtained by
    the Ledger, requires staff to promise “…”", "The board's members were blunt: “…”"): that noun phrase, as written
    and with no person, rather than whoever spoke before."""
    before = text[a:b]
    if state.words is not ENGLISH_WORDS or not before.strip() or any(mark in before for mark in QUOTE_MARKS):
        return None
    att = _main_clause_subject(state, text, before, a, len(before))
    if att is None or att.person is not None or att.rule != PARTICIPLE_RULE:
        return None
    return _Attribution(
        att.start, att.end, None, att.written, "subject of the sentence holding the quotation", att.kind
    )


def _colon_introduction(state: _State, ctx: _Context, text: str, span: _Span) -> _Attribution | None:
    """A quotation opening its paragraph after a paragraph in the reporter's words that ends with a colon, whose last
    sentence reports speech ("…, as the foundation's website notes:" / "“In the fall of 1960 …"): the subject of that
    reporting verb speaks, a person or not, rather than whoever spoke before."""
    if not ctx.pending or len(ctx.pending[-1]) != 3 or text[text.rfind("\n", 0, span.start) + 1 : span.start].strip():
        return None
    pstart, pend, spans = ctx.pending[-1]
    if not text[pstart:pend].rstrip().endswith(":") or text[pend : span.start].strip():
        return None
    frame = _frame(text, pstart, pend, spans)
    if "(" in frame:
        frame = PARTY_TAG_RE.sub(lambda m: " " * len(m.group()), frame)
    s_start, s_end = _sentences(frame)[-1]
    atts = _attributions(state, text, frame[s_start:s_end], pstart + s_start)
    if not atts:
        # no reporting verb ("Donald Trump issued the following statement:"): the sentence's subject, if a person
        person = _sentence_subject(state, text, pstart + s_start, pstart + s_end)
        if person is None:
            return None
        rule = "introduced with a colon in the paragraph before, its subject"
        return _Attribution(span.start, span.start, person, state.people[person].name, rule)
    att = atts[-1]
    rule = f"introduced with a colon in the paragraph before, {att.rule}"
    return _Attribution(span.start, span.start, att.person, att.written, rule, att.kind)


# --- interviews laid out as questions and answers ------------------------------------------------------------

# A paragraph that opens with a question label, an answer label, or a speaker's name and a colon.
QUESTION_LABEL_RE = re.compile(r"(?:Q|Question|QUESTION|Interviewer|INTERVIEWER)\s*:\s")
ANSWER_LABEL_RE = re.compile(r"(?:A|Answer|ANSWER)\s*:\s")
# Interviews and Q&As name whom they talked to: "we spoke to X", "we sat down with its organiser, X".
INTERVIEW_CUE_RE = re.compile(
    r"\b(?:spoke|spoken|talked|talking|speaking|sat\s+down|caught\s+up|interviewed|asked)\s+(?:to\s+|with\s+)?"
    r"(?:[^\s.?!,]+\s+){0,3}?(?:[^\s.?!,]+,\s+)?\Z"
)
# "We spoke to her", "we asked him about the night", "we met the author": the interviewee, already named.
INTERVIEW_REFERRING_CUE_RE = re.compile(
    r"\b(?:[Ww]e|I)\s+(?:spoke|talked|sat\s+down|caught\s+up|met|asked|interviewed)\s+(?:to\s+|with\s+)?"
    r"(?:him|her|them|the\s+[a-z]+)\b"
)
# What papers print with a question-and-answer piece, anywhere in it: "This interview has been edited for
# length", "The conversation has been condensed", "Interview by …", "in conversation with …".
INTERVIEW_NOTE_RE = re.compile(
    r"\b(?:[Tt]his|[Tt]he|[Oo]ur)\s+(?:interview|conversation|exchange)\s+(?:has\s+been|was|have\s+been)\s+"
    r"(?:lightly\s+)?(?:edited|condensed)|\b[Ii]nterview(?:ed)?\s+by\s+[A-Z]|\b[Ii]n\s+conversation\s+with\b"
)


def _is_question_line(line: str) -> bool:
    """An interviewer's question on a line of its own ("WHY A CHOIR?", a bold "Where did the town come from?"):
    one short line ending with a question mark and holding no quotation."""
    line = line.strip().strip("*_").strip()
    return line.endswith("?") and len(line) <= 200 and "\n" not in line and not any(m in line for m in QUOTE_MARKS)


def _answer_speakers(state: _State, text: str) -> dict[int, tuple[int, int, bool]]:
    """Paragraph start -> (paragraph end, speaker, "I" is that speaker), for the answers of an interview laid out
    as questions and answers.

    The layout counts only with two questions or more ("Q:"/"Interviewer:" paragraphs or question lines), and
    question lines alone count only when the introduction (the text before the first question) names the
    interviewee after "we spoke to", "sat down with", "asked", "interviewed": rhetorical questions on lines of
    their own make no interview. An answer is an "A:" paragraph or the paragraph right after a question (the
    interviewee's, only when the introduction names one), or a paragraph opening with a person's name and a
    colon ("Haldane: …", that person's)."""
    if "?\n" not in text and "Q:" not in text and "Interviewer:" not in text:
        return {}  # no question ends a paragraph: no such layout (tested in C first)
    paragraphs = [(m.start(), m.group()) for m in PARAGRAPH_RE.finditer(text)]
    if len(paragraphs) < 4:
        return {}
    kinds = []  # "q", "a", a person index, or ""
    labelled = False  # a "Q:", "A:" or "Name:" paragraph
    qa_labels = False  # a "Q:" or "A:" paragraph: an interview by its own layout
    for start, para in paragraphs:
        if QUESTION_LABEL_RE.match(para):
            kinds.append("q")
            labelled = qa_labels = True
        elif ANSWER_LABEL_RE.match(para):
            kinds.append("a")
            labelled = qa_labels = True
        elif _is_question_line(para):
            kinds.append("q")
        else:
            colon = para.find(":", 0, 40)
            i = bisect_left(state.starts, start)
            named = (
                colon > 0
                and i < len(state.starts)
                and state.starts[i] == start
                and state.ends[i] == start + colon
                and para[colon + 1 : colon + 2].isspace()
            )
            kinds.append(state.mentions[i].person if named else "")
            labelled = labelled or named
    if kinds.count("q") < 2:
        return {}
    first_q = paragraphs[kinds.index("q")][0]
    interviewee = _interviewee(state, text, first_q, by_layout=qa_labels)
    if interviewee is None and not labelled:
        return {}  # questions on lines of their own, nobody interviewed: rhetorical questions
    speakers: dict[int, tuple[int, int, bool]] = {}
    for k, (start, para) in enumerate(paragraphs):
        kind = kinds[k]
        if isinstance(kind, int):
            speakers[start] = (start + len(para), kind, True)
        elif interviewee is not None and (kind == "a" or (kind == "" and k and kinds[k - 1] == "q")):
            speakers[start] = (start + len(para), interviewee, True)
    return speakers


def _interviewee(state: _State, text: str, end: int, by_layout: bool = False) -> int | None:
    """The person the introduction names after "we spoke to", "sat down with", "asked", "interviewed"; or, when it
    says "we spoke to her", "we met the author", carries an interview's note ("This interview has been edited…")
    or is laid out in "Q:"/"A:" paragraphs (by_layout: an interview by its own labels), the person it mentions
    most (the first named on a tie)."""
    counts: dict[int, int] = {}
    for m in state.mentions[: bisect_left(state.starts, end)]:
        if _inside_quote(state, m.start):
            continue
        if INTERVIEW_CUE_RE.search(text, max(0, m.start - 50), m.start):
            return m.person
        counts[m.person] = counts.get(m.person, 0) + 1
    if counts and (by_layout or INTERVIEW_REFERRING_CUE_RE.search(text, 0, end) or INTERVIEW_NOTE_RE.search(text)):
        return max(counts, key=lambda p: counts[p])
    return None


def _answer_speaker(state: _State, text: str, pos: int, first_person: bool = False) -> int | None:
    """The speaker of the interview answer holding pos, if pos is in one (with first_person, only an answer
    whose "I" is known to be that speaker)."""
    if state.answers is None:
        state.answers = _answer_speakers(state, text)
        state.answer_starts = sorted(state.answers)
    if not state.answers:
        return None
    i = bisect_right(state.answer_starts, pos) - 1
    if i < 0:
        return None
    end, person, own_i = state.answers[state.answer_starts[i]]
    return person if pos < end and (own_i or not first_person) else None


def _quote(state: _State, span: _Span, att: _Attribution | None, partial: bool) -> Quote:
    person = att.person if att else None
    evidence = ""
    if att is not None and (person is not None or att.written or att.rule == FAR_FOLLOW_ON_RULE):
        evidence = f"{att.rule}: {att.written}" if att.written and att.rule else att.rule or att.written
    return Quote(
        span.text,
        state.people[person].name if person is not None else None,
        att.written if att else "",
        partial,
        span.start,
        evidence,
        "person" if person is not None else (att.kind if att else "") or "unknown",
    )


def extract(headline: str, body_text: str, language: str | None = None) -> Extraction:
    """Quotes and people of one article. The headline is never scanned for quotes.

    language: the article's ISO 639-1 code ("" unknown); None detects it (language.detect).

    Four passes, each callable alone (tests/test_quote_passes.py): _find_mentions (the people), _find_quotations
    (the quoted spans), _attribute (a speaker for each, and what kind of speaker), _full_names (surnames to the
    one person named in full); then each person is marked as quoted or not."""
    if language is None:
        language = detect(headline, body_text)
    masked = mask_spans(body_text)
    people, unconfirmed, state = _find_mentions(body_text, masked, language)
    paragraphs = _find_quotations(body_text, masked, state.words)
    quotes = _attribute(state, body_text, paragraphs)
    quotes = _full_names(state, quotes)
    speakers = {q.speaker for q in quotes}
    for person in people:
        person.quoted = person.name in speakers
    return Extraction(people, quotes, language, unconfirmed)


def _find_mentions(text: str, masked: list, language: str) -> tuple[list[PersonMention], list[PersonMention], _State]:
    """Pass 1, the people in the text (people.scan_people: name mentions, classified, resolved, confirmed): the
    article's people, the names without evidence of a person, and the reading state the later passes share
    (its people list grows when a quotation is signed by someone the text names nowhere else)."""
    unconfirmed: list[PersonMention] = []
    people, mentions = scan_people(text, masked, language, unconfirmed)
    return people, unconfirmed, _State(list(people), list(mentions), _words_for(language))


@dataclass(slots=True)
class _Paragraph:
    start: int
    end: int
    spans: list[_Span]  # every quoted span, scare quotes and titles too (keep=False: read as the reporter's words)
    kept: list[_Span]  # the quotations


def _find_quotations(text: str, masked: list, words: _Words) -> list[_Paragraph]:
    """Pass 2, the quotations, paragraph by paragraph, with the marks of the convention the article uses; scare
    quotes and titles marked (keep=False), and nothing inside a span people.mask_spans masked. Reads no names."""
    convention = _convention(text)
    if not convention.by_context:
        find_spans = partial(_shaped_spans, opening=convention.opening, closing=convention.closing)
    else:
        find_spans = _single_spans if convention is SINGLE else _paragraph_spans
    marks = _mark_positions(text, convention.marks)
    paragraphs = []
    for p in PARAGRAPH_RE.finditer(text):
        pstart, pend = p.span()
        first_mark, end_mark = bisect_left(marks, pstart), bisect_left(marks, pend)
        spans = find_spans(text, pstart, pend, marks[first_mark:end_mark]) if first_mark < end_mark else []
        if spans and masked:
            spans = [s for s in spans if not any(a <= s.start < b for a, b in masked)]
        kept = []
        if spans:  # (most paragraphs have no quotation marks: no calls for them)
            _mark_non_quotes(text, pstart, spans, words.title_case, words.title_cues)
            kept = [s for s in spans if s.keep]
        paragraphs.append(_Paragraph(pstart, pend, spans, kept))
    return paragraphs


def _attribute(state: _State, body_text: str, paragraphs: list[_Paragraph]) -> list[Quote]:
    """Pass 3, a speaker for each quotation, reading the paragraphs in order: the quotation's own label, else the
    nearest attribution in its sentence (a reporting verb and its subject, pronouns resolved, names as written
    classified: speaker_kind), else a follow-on (_fallback: a colon's introduction, a sentence's subject, the
    previous speaker, the paragraphs of one running quotation). Each Quote.evidence names the rule that decided."""
    ctx = _Context()
    quotes: list[Quote] = []
    orphans: list[int] = []  # quotes of the paragraphs just read that were all quotation, no attribution
    indirect: _Attribution | None = None  # the speaker of reported speech in the paragraph just read, if any
    for para in paragraphs:
        pstart, pend, spans, kept = para.start, para.end, para.spans, para.kept
        if orphans and not (kept and kept[0].start == pstart):  # a paragraph in the reporter's words
            _claim_orphans(state, body_text, pstart, pend, quotes, orphans)
        running, ctx.running = ctx.running, None
        if not kept:  # no quotation: only its sentences' subjects may matter, later
            ctx.pending.append((pstart, pend, spans))
            ctx.group, ctx.group_explicit = [], False
            # (a report in the paragraph right before a quotation's names its speaker; one further back does not)
            indirect = _indirect_speaker(state, body_text, _frame(body_text, pstart, pend, spans), pstart)
            continue
        if indirect is not None:
            state.last, indirect = indirect, None
        state.add_quotes(spans)
        frame = _frame(body_text, pstart, pend, spans)
        if "(" in frame:  # a party tag after a name ("Rep. Ada Voss (D-Ore.) said") cuts no subject off its verb
            frame = PARTY_TAG_RE.sub(lambda m: " " * len(m.group()), frame)
        first_quote = len(quotes)
        # The sentences cover the paragraph in order and the kept quotations are in text order, so each
        # sentence's quotations are the next ones that start before its end (found by bisect, in C).
        kept_starts, done = [s.start for s in kept], 0
        for s_start, s_end in _sentences(frame):
            sentence = (pstart + s_start, pstart + s_end)
            upto = bisect_left(kept_starts, sentence[1])
            in_sentence, done = kept[done:upto], upto
            if not in_sentence:
                ctx.pending.append(sentence)
                state.last = _indirect_speaker(state, body_text, frame[s_start:s_end], sentence[0]) or state.last
                continue
            atts = _attributions(state, body_text, frame[s_start:s_end], sentence[0])
            prev = None
            for span in in_sentence:
                continues = running is not None and span.start == pstart  # next paragraph of a running quote
                ctx.running = running if continues else None
                att = _labelled(state, body_text, span) or _nearest(atts, span, body_text)
                if att is not None and att.person is None and att.written.rsplit(None, 1)[-1:] == ["I"]:
                    answer = _answer_speaker(state, body_text, span.start, True)  # "I told the board" in an answer
                    if answer is not None:
                        att = _Attribution(
                            att.start, att.end, answer, att.written, "first person in an interview answer"
                        )
                explicit = att is not None
                if not explicit:
                    att = _fallback(state, ctx, body_text, span, sentence, continues)
                elif continues and not ctx.group_explicit:
                    # The closing paragraph of a running quotation names the speaker: share it backwards.
                    for i in ctx.group:
                        quotes[i] = _quote(state, _Span(quotes[i].position, 0, True, quotes[i].text), att, False)
                fragment = _is_partial(span, frame, pstart, s_start, prev, state.words.verb_re)
                quotes.append(_quote(state, span, att, fragment))
                _track_group(ctx, span, att, len(quotes) - 1, explicit, continues)
                if att is not None and (att.written or att.rule == FAR_FOLLOW_ON_RULE):
                    state.last = att  # (after a far follow-on, the quotations after it do not go back further)
                prev = span
                if explicit:
                    first_quote = -1
            ctx.quoted_sentence_done()
        # A paragraph of nothing but quotation with no speaker named: the next one may name it.
        if first_quote >= 0 and not frame.strip(QUOTE_CHAR + QUOTE_STOP + " \n"):
            orphans.extend(range(first_quote, len(quotes)))
        else:
            orphans.clear()
        if not (not spans[-1].closed and spans[-1].keep):
            ctx.running, ctx.group, ctx.group_explicit = None, [], False
    return quotes


def _indirect_speaker(state: _State, text: str, frame: str, offset: int) -> _Attribution | None:
    """Reported speech without quotation marks ("However debates are not likely to alter the campaign, noted NBC's
    Dante Chinni.", "Ham explained why he backs Trump."): its speaker, when a person named, is the previous speaker
    a following "he said" and a follow-on quotation read (the caller decides how near the quotation must be)."""
    if not state.words.verb_re.search(frame):
        return None
    last = state.last.person if state.last is not None else None
    for att in _attributions(state, text, frame, offset):  # the first: the main clause's, before any it reports
        # (a pronoun meaning the previous speaker says nothing new; one meaning someone named since does)
        if att.person is not None and (not att.rule.startswith("pronoun") or att.person != last):
            return att
    return None


# Readers' comments and letters signed after the quotation: "“…” ― Ada Voss", "“…”\n— Ada Voss, Tulsa".
SIGNATURE_RE = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*[―—–][ \t\u00a0]*([^\W\d_][^\n,;:()“”\"]{1,60})")
# A transcript's speaker label opening the quoted text: "“KOWALSKI: Well, look, …".
TRANSCRIPT_LABEL_RE = re.compile(r"([A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){0,2}):\s")


def _labelled(state: _State, text: str, span: _Span) -> _Attribution | None:
    """The speaker a quotation carries with it, before any reporting verb is read: a signature after it or a
    transcript's label inside it."""
    if span.closed:
        m = SIGNATURE_RE.match(text, span.end + 1, span.end + 90)
        if m:
            mention = _mention_in(state, m.start(1), m.end(1) + 1, text)
            if mention is not None and mention.start - m.start(1) < 3:
                return _Attribution(m.start(1), mention.end, mention.person, mention.text, "signed after the quotation")
            shaped = _name_words(m.group(1).strip().rstrip("."))
            if shaped is not None and len(shaped[0]) >= 2:  # a given name and a surname, as a reader signs
                name = " ".join(shaped[0])
                state.people.append(PersonMention(name, "", 1, [], evidence="signed a quotation"))
                state.add_mention(Mention(m.start(1), m.start(1) + len(name), name, len(state.people) - 1))
                return _Attribution(m.start(1), m.end(1), len(state.people) - 1, name, "signed after the quotation")
    if span.text[:1].isupper() and ":" in span.text[:40]:
        m = TRANSCRIPT_LABEL_RE.match(span.text)
        if m and not {fold(w).lower() for w in m.group(1).split()} & (PEOPLE_COMMON_WORDS | NON_PERSON_WORDS):
            label = m.group(1)  # ("UPDATE:", "NOTE:" name nobody)
            surname = fold(label.split()[-1]).lower()
            fits = [i for i, p in enumerate(state.people) if fold(p.name.split()[-1]).lower() == surname]
            person = fits[0] if len(fits) == 1 else None
            return _Attribution(span.start, span.start, person, label, "transcript's speaker label", "person")
    return None


def _full_names(state: _State, quotes: list[Quote]) -> list[Quote]:
    """Pass 4, coreference of surnames: a speaker known only by a surname ("Biden", "Mr. Biden") who is the one
    person of that surname the article also names in full ("Joseph R. Biden Jr.") is that person: scan_people may
    keep the two apart."""
    full: dict[str, list[str]] = {}
    # Of a double surname ("Melba Acosta Febo", written "Ms. Acosta" later), the first: only when no one has it last.
    first_of_two: dict[str, list[str]] = {}
    for p in state.people:
        words = [w for w in p.name.split() if fold(w).lower() not in NAME_SUFFIXES]
        if len(words) > 1 and not words[0].endswith("."):
            full.setdefault(fold(words[-1]).lower(), []).append(p.name)
        if len(words) > 2 and not words[0].endswith(".") and not words[-2].endswith(".") and words[-2][:1].isupper():
            first_of_two.setdefault(fold(words[-2]).lower(), []).append(p.name)
    if not full:
        return quotes
    out = []
    for q in quotes:
        words = (q.speaker or "").split()
        key = fold(words[-1]).lower() if len(words) == 1 or (words and words[0].endswith(".")) else ""
        names = (full.get(key) or first_of_two.get(key, [])) if key else []
        if len(set(names)) == 1:
            q = dataclasses.replace(q, speaker=names[0], evidence=f"{q.evidence} (the one {words[-1]} named in full)")
        out.append(q)
    return out


# "Tiernan says this without looking up": a speaker named after the quotation paragraphs.
SAYS_THIS_RE = re.compile(r"[^.!?\n“”\"‘’]{1,60}?\b(?:says|said|adds|added)\s+(?:this|that|so)\b")


def _claim_orphans(state: _State, text: str, pstart: int, pend: int, quotes: list[Quote], orphans: list[int]) -> None:
    """Give unattributed quotation paragraphs to the person a following "X says this" names; then forget them."""
    m = SAYS_THIS_RE.match(text, pstart, pend)
    mention = _mention_in(state, pstart, m.end(), text) if m else None
    if mention is not None and _subject_position(text, pstart, mention.start):
        att = _Attribution(
            mention.start, mention.end, mention.person, mention.text, "named after the quotation paragraphs"
        )
        for i in orphans:
            quotes[i] = _quote(state, _Span(quotes[i].position, 0, True, quotes[i].text), att, quotes[i].partial)
    orphans.clear()


def _track_group(
    ctx: _Context, span: _Span, att: _Attribution | None, index: int, explicit: bool, continues: bool
) -> None:
    """Remember the paragraphs of a quotation that runs on past its paragraph."""
    if span.closed:
        return
    if not continues:
        ctx.group, ctx.group_explicit = [], False
    ctx.group.append(index)
    ctx.group_explicit = ctx.group_explicit or explicit
    ctx.running = att
