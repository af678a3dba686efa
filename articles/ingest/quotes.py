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
organisation phrases) are data in quote_words; the rules live in one module per pass, which extract() runs
in order (_find_mentions → _find_quotations → _attribute → _full_names; tests/test_quote_passes.py runs
each alone):

- quote_state: what the passes share: the words per language (_Words), the patterns built from
  quote_words, the records (_Span, _Attribution, _State) and small lookups on them; imports no pass;
- quote_spans: steps 1-3, quotation spans and their marks, scare quotes, titles and partial quotations,
  sentences with the quoted text masked out;
- pronouns: coreference, what he/she and a role ("the coach") stand for, and a sentence's subject;
- speakers: step 4, the speaker a reporting verb names, names as written, speaker_kind();
- interviews: who answers in an interview laid out as questions and answers;
- this module: the records callers read (Quote, Extraction), extract() and its passes, and step 5
  (a quotation without an attribution of its own: _fallback, _colon_introduction).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache, partial

from . import name_data
from .interviews import (
    _answer_speaker,
)
from .language import detect
from .language_rules import LanguageRules
from .name_genders import gender_of
from .people import COMMON_WORDS as PEOPLE_COMMON_WORDS
from .people import (
    NON_PERSON_WORDS,
    ROLE_WORDS,
    Mention,
    PersonMention,
    fold,
    mask_spans,
    scan_people,
)
from .people_resolve import TITLE_GENDERS
from .people_words import OCCUPATION_NOUNS, TITLE_WORDS
from .pronouns import (
    _joined_with_before,
    _last_sentence_mark,
    _opens_pair,
    _sentence_subject,
    _subject_position,
    indefinite_person,
)
from .quote_spans import (
    _convention,
    _frame,
    _is_partial,
    _mark_non_quotes,
    _mark_positions,
    _paragraph_spans,
    _sentences,
    _shaped_spans,
    _single_spans,
)
from .quote_state import (
    ENGLISH_WORDS,
    PARAGRAPH_RE,
    QUOTE_CHAR,
    QUOTE_MARKS,
    QUOTE_STOP,
    TAIL_WORDS_RE,
    Basis,
    _Attribution,
    _inside_quote,
    _mention_in,
    _rfind,
    _Span,
    _State,
    _Words,
    _words_for,
)
from .quote_words import (
    DESCRIPTION_PREPOSITIONS,
    DOCUMENT_HEADS,
    DOCUMENT_VERBS,
    DOUBLE,
    NAME_PREFIX_WORDS,
    NAME_SUFFIXES,
    PERSON_HEADS,
    QUOTE_CONVENTIONS,  # noqa: F401 - callers and tests read it here
    SINGLE,
    TEXT_WORDS_RULE,
    QuoteConvention,
)
from .speakers import (
    JOINT_RULE,
    PARTY_TAG_RE,
    _attributions,
    _listed_verbs,
    _main_clause_subject,
    _name_words,
    _place,
    _speaker_from_segment,
    speaker_kind,  # noqa: F401 - public: what kind of speaker a phrase is
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
    # Names found without evidence of a person, in any language (see people_evidence._evidence):
    # the archive keeps them only when it knows the person already.
    unconfirmed: list[PersonMention] = field(default_factory=list)

    def mentioned(self) -> list[str]:
        """The names the archive stores a mention of (archive._resolve_rows): the people, then the quotations'
        speakers ("speaker of a quotation", also one the text names only next to the reporting verb), once each."""
        return list(dict.fromkeys([p.name for p in self.people] + [q.speaker for q in self.quotes if q.speaker]))


# --- 5. putting it together -------------------------------------------------------------------------------


# Between a quotation and the attribution after it, what shows the attribution belongs to another clause.
AFTER_GAP_RE = re.compile(r",|;|\band\b|\bbut\b")
# Right after a quotation's closing mark, a clause of its own ("…,” and Brandt agreed"; not "…,” as Garner said").
NEW_CLAUSE_AFTER_RE = re.compile(r"[”\"’'\s]*(?:;|,?\s*(?:and|but|yet|while|whereas)\s)")


def _nearest(atts: list[_Attribution], span: _Span, text: str = "") -> _Attribution | None:
    if len(atts) < 2:  # most sentences have one attribution (or none): nothing to compare
        return atts[0] if atts else None
    if text and span.closed and span.text.rstrip().endswith(","):
        # "Gale has no way of knowing “what the captains think,” Ruiz added": a quotation closed by a comma hands
        # the floor to the attribution right after it (only its subject between), unless a verb right before it
        # introduced the whole of it ("Ruiz said: “…,” the Ledger reported": Ruiz speaks, the Ledger reports)
        after = [a for a in atts if 0 <= a.start - span.end <= 40 and not AFTER_GAP_RE.search(text, span.end, a.start)]
        # ("That mobility remains low suggests “…,” Brisk said": a verb whose subject is a clause, naming nobody and
        # no organisation, introduces nothing)
        introduced = any(
            0 <= span.start - a.end <= 3 and (a.person is not None or a.kind not in ("", "unknown")) for a in atts
        )
        if after and not introduced:
            return after[0]

    # "Lind said the plan was “a mess,” and Brandt agreed": a verb after the quotation in a clause of its own (past a
    # comma, "and", "but") reports it only when no verb before it in the sentence does
    before = text and any(a.end <= span.start for a in atts)

    def distance(a: _Attribution) -> int:
        if a.end <= span.start:
            return span.start - a.end
        if before and NEW_CLAUSE_AFTER_RE.match(text, span.end + 1, a.start):
            return len(text) + a.start - span.end
        return a.start - span.end

    return min(atts, key=distance)


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


# A sentence whose subject is a text ("Another study found that …", "The report's authors …" not: a text's head
# noun then a verb of saying or finding): a quotation in it without an attribution of its own gives the text's words.
DOCUMENT_SUBJECT_RE = re.compile(
    r"\s*(?:[A-Z][^,.;:!?“”\"\n]{0,40},\s+)?(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:"
    + "|".join(sorted(DOCUMENT_HEADS))
    + r")s?\s+(?:[a-z]+ly\s+)?(?:"
    + "|".join(DOCUMENT_VERBS)
    + r")\b"
)


@lru_cache(maxsize=8)
def _document_subject_re(rules: LanguageRules | None) -> re.Pattern | None:
    """DOCUMENT_SUBJECT_RE in another language, from its table: a capitalised word ending as a text's head noun, a
    verb of its list within two words after it, at the start of the sentence; or a phrase of the list anywhere before
    the quotation ("Dort heißt es in Paragraph 10: „…“")."""
    if rules is None:
        return DOCUMENT_SUBJECT_RE
    if not rules.document_heads and not rules.document_phrases:
        return None
    parts = []
    if rules.document_heads and rules.document_verbs:
        parts.append(
            r"\s*(?:\S+\s+){0,3}?[A-ZÄÖÜ][\w-]*(?:"
            + "|".join(rules.document_heads)
            + r")(?:s|es|en|n)?\s+(?:\w+\s+)?(?:"
            + "|".join(rules.document_verbs)
            + r")\b"
        )
    if rules.document_phrases:
        parts.append(r"[^“”„\"«»\n]*?\b(?:" + "|".join(re.escape(p) for p in rules.document_phrases) + r")\b")
    return re.compile("|".join(parts))


OTHERS_RULE = "no speaker: words of others, listed"
# Anonymous others' words listed ("she received comments including “…” and “…”", "messages such as “…”").
OTHERS_WORDS_RE = re.compile(
    r"\b(?:comments?|messages?|posts?|tweets?|replies|responses|reviews|insults|slurs|signs|placards|banners|"
    r"headlines)\s+(?:including|such\s+as|like|reading|saying)\b"
)


def _joined_subject(state: _State, text: str, a: int, b: int) -> str | None:
    """The two names, as written, of a sentence text[a:b] that opens on two people joined by "and" with nobody named
    after them (pronouns._joined_with_before), else None."""
    i = bisect_left(state.starts, a)
    if i + 1 >= len(state.mentions) or state.starts[i + 1] >= b or not _joined_with_before(state, text, i + 1):
        return None
    if i + 2 < len(state.mentions) and state.starts[i + 2] < b:
        return None  # "Cruz and Trump have used …, with Cruz recently promising to “…”": a later clause's subject
    if not _opens_pair(text, a, state.starts[i]):
        return None
    return text[state.starts[i] : state.ends[i + 1]]


def _fallback(
    state: _State, ctx: _Context, text: str, span: _Span, sentence: tuple[int, int], starts_paragraph: bool
) -> _Attribution | None:
    """Speaker of a quote whose sentence has no reporting verb, most specific rule first."""
    person = _sentence_subject(state, text, sentence[0], span.start)  # "Ruiz was blunt: “…”"
    if person is not None:
        joined = _joined_subject(state, text, sentence[0], span.start)
        if joined is not None:  # "Both Mara Lind and Tom Brisk “stressed …”": two people, neither alone
            return _Attribution(span.start, span.start, None, joined, JOINT_RULE, "person")
        return _Attribution(span.start, span.start, person, "", "subject of the sentence holding the quotation")
    if text[sentence[0] : span.start].rstrip().endswith(":"):
        # "… praise from Marjorie Tennant, chief executive of the charity: “…”": a colon hands the
        # floor to the person the clause before it last names.
        mention = _mention_in(state, sentence[0], span.start, text)
        if mention is not None and not _inside_quote(state, mention.start) and not _someone_of(text, mention):
            i = bisect_left(state.starts, mention.start)
            if _joined_with_before(state, text, i):  # "More from Mara Lind and Tom Brisk: “…”": neither alone
                written = text[state.starts[i - 1] : mention.end]
                return _Attribution(span.start, span.start, None, written, JOINT_RULE, "person")
            return _Attribution(span.start, span.start, mention.person, "", "named before a colon")
        opener = text[sentence[0] : span.start].split(None, 1)[:1]
        if mention is None and opener in (["They"], ["We"]) and state.words is ENGLISH_WORDS:
            # "Protesters marched. They often chant: “…”": a group speaks, not the speaker before
            return _Attribution(span.start, span.start, None, opener[0], "a group's pronoun before a colon", "unknown")
    if span.closed and state.words is ENGLISH_WORDS and (named := _named_after(state, text, span)) is not None:
        return named  # "“…” That was the message from Marisol Tenney."
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
    others = OTHERS_WORDS_RE.search(text, sentence[0], span.start)
    if others is not None:
        # "she received comments including “…”": anonymous others' words, not the previous speaker's
        return _Attribution(
            span.start, span.start, None, "", f"{OTHERS_RULE}: {others.group()}", basis=Basis.TEXT_WORDS
        )
    pattern = _document_subject_re(state.words.rules)
    document = pattern.match(text, sentence[0], span.start) if pattern is not None else None
    if document is not None:
        # "Another study found that there is “…”": a text's words, not the previous speaker's
        rule = f"{TEXT_WORDS_RULE}: {document.group().strip()}"
        return _Attribution(span.start, span.start, None, "", rule, basis=Basis.TEXT_WORDS)
    pronoun = _pronoun_subject(state, text, sentence[0], span.start)
    if pronoun is not None:
        return pronoun
    subject, where = ctx.subject(state, text)
    para = _rfind(state, text, "\n", 0, span.start) + 1
    if subject is not None and where >= _rfind(state, text, "\n", 0, max(0, para - 2)) + 1:
        # "Brannigan-Holm laughed. “Gunnar exaggerates.”", in this paragraph or the one before: further back, the
        # sentence is no evidence (on real news this rule was right for only 38% of the quotations it gave)
        return _Attribution(span.start, span.start, subject, "", "subject of the sentence before")
    if state.last is not None and _listed_partial(text, span):
        # "están prohibidas “las plantaciones …”, “toda actividad minera” y “la caza …”": items a text lists (a law's,
        # a programme's), not words the previous speaker went on to say
        return _Attribution(span.start, span.start, None, "", LISTED_RULE, basis=Basis.FOLLOW_ON_CUT)
    if state.last is not None:  # the text runs on: the previous speaker
        last = state.last
        if _far_from_last(state, text, span.start):
            return _Attribution(span.start, span.start, None, "", FAR_FOLLOW_ON_RULE, basis=Basis.FOLLOW_ON_CUT)
        if SECTION_BREAK_RE.search(text, last.end, span.start):
            return _Attribution(span.start, span.start, None, "", SECTION_BREAK_RULE, basis=Basis.FOLLOW_ON_CUT)
        if _after_a_question(state, text, span):
            # "“…,” Velt interjected. “Do you dispute that?” / “There can be a minimal risk …”": the answer is another's
            return _Attribution(span.start, span.start, None, "", AFTER_QUESTION_RULE, basis=Basis.FOLLOW_ON_CUT)
        return _Attribution(span.start, span.start, last.person, "", "follow-on: the previous speaker", last.kind)
    return None


# The sentence right after a quotation, or the paragraph after it, that says whose words they were: "“…” That was
# the message from X", "“…” So says X", "“…” Those were the words of X", "“…” That’s the view of X", "“…” That quote
# from X …", and "“…”\n\nThat's what X, a nurse in Halifax, says about …", "That's how X describes …" (group "what":
# see _named_after).
NAMED_AFTER_RE = re.compile(
    r"[ \t]*(?:\n[ \t]*){0,2}(?:So\s+says|(?:That|This|Those|These|Such)(?:(?:[’']s|\s+(?:is|was|were|are|has\s+been|"
    r"had\s+been))\s+(?:the\s+)?(?:\w+\s+)?(?:message|words?|view|verdict|warning|assessment|advice|sentiment|argument|"
    r"position|reaction|response|plea|promise|thinking|quote|comment|remark)|\s+(?:quote|quotation|comment|remark)s?)\s+"
    r"(?:from|of|by)|(?P<what>That(?:[’']s|\s+(?:is|was))\s+(?:what|how)))\s"
)
NAMED_AFTER_RULE = "named in the sentence after the quotation"
# An appositive after a speaker's name before the verb (up to three are read: ", a nurse in Port Lisle, N.S., says",
# ", 34, a nurse, says").
SPEAKER_APPOSITIVE_RE = re.compile(r",[^,;:!?“”\"\n]{1,80}(?=,)")
# A colon, or a quotation opened after one or after a comma, later in the sentence: it points forward ("That was what
# X said about it: “…”"); a scare quote ("the “new normal” on her ward") does not.
FORWARD_RE = re.compile(r"[^.!?\n]*?(?::|,\s*[“\"])")


def _named_after(state: _State, text: str, span: _Span) -> _Attribution | None:
    """The person the sentence right after a quotation (or the paragraph after it) names as its speaker
    (NAMED_AFTER_RE), the first named within 80 characters and in that sentence ("… the message from Port Authority
    chair Marisol Tenney on Tuesday"). After "That's what" (_says_what), only the subject of a reporting verb named
    right after it."""
    m = NAMED_AFTER_RE.match(text, span.end + 1)
    if m is None:
        return None
    for i in range(bisect_left(state.starts, m.end()), len(state.mentions)):
        mention = state.mentions[i]
        if mention.start > m.end() + 80 or _last_sentence_mark(text, m.end(), mention.start) >= m.end():
            return None  # too far, or in a sentence of its own
        if m.group("what") and not _says_what(state, text, m.end(), mention):
            return None
        return _Attribution(span.start, span.start, mention.person, "", NAMED_AFTER_RULE)
    return None


def _says_what(state: _State, text: str, start: int, mention: Mention) -> bool:
    """ "That's what Dr. Marla Quinby, an emergency physician, says about …": the name right after "what" (its title or
    role words between at most: not "That's what critics say Marla Quinby told …", "That's what happens when …"), a
    reporting verb after it or its appositives, and no colon or quotation later in the sentence ("That was what Marla
    Quinby said about it: “…”" points forward)."""
    between = text[start : mention.start].split()
    if not all(w.lower() in ROLE_WORDS or w[:1].isupper() for w in between):
        return False
    pos = mention.end
    for _ in range(4):  # the verb right after the name, or after one, two or three appositives
        if state.words.verb_re.match(text[pos : pos + 40].lstrip(" ,")):
            return not FORWARD_RE.match(text, pos)
        appositive = SPEAKER_APPOSITIVE_RE.match(text, pos)
        if appositive is None:
            return False
        pos = appositive.end()
    return False


FAR_FOLLOW_ON_RULE = "no speaker: the previous one is paragraphs of reporting back"
AFTER_QUESTION_RULE = "no speaker: the quotation before, in the paragraph before, asked a question"


def _after_a_question(state: _State, text: str, span: _Span) -> bool:
    """The quotation before this paragraph's first one ends the paragraph before with a question: who answers is not
    said (an interview's or a hearing's exchange), whoever asked it."""
    i = bisect_left(state.quote_starts, span.start) - 1
    line_start = _rfind(state, text, "\n", 0, span.start) + 1
    if i < 0 or text[line_start : span.start].strip(" “\"‘'"):
        return False  # (not the opening quotation of its paragraph)
    return _question_then(text, text[state.quote_starts[i] : state.quote_ends[i]], state.quote_ends[i], span.start)


def _question_then(text: str, question: str, end: int, start: int) -> bool:
    """A quotation that asks (its text, ending at end) and nothing but marks and white space between it and start."""
    return question.rstrip(" ”\"’'").endswith("?") and not text[end + 1 : start].strip(" “”\"‘’'\n")


LISTED_RULE = "no speaker: one of a list of quoted items"
# A quotation right after another one and a comma or "and" (English's and the tables' languages'), or right before
# one so: _LIST_JOIN is what stands between the closing mark of one and the opening mark of the next.
_LIST_JOIN = r"(?:\s*,\s*|\s*,?\s+(?:y|e|und|et|and|or|o|oder|ou)\s+)"
LIST_BEFORE_RE = re.compile(rf"[”\"»«“]{_LIST_JOIN}\Z")
LIST_AFTER_RE = re.compile(rf"{_LIST_JOIN}[“\"„«»]")


def _listed_partial(text: str, span: _Span) -> bool:
    """A partial quotation (lower case, inside the reporter's sentence) that is an item of a list of quotations: a
    closing mark and a comma or "and" right before its opening mark, or right after its closing mark another
    quotation's opening."""
    if not span.first.islower():
        return False
    before = text[max(0, span.start - 8) : span.start]
    return bool(LIST_BEFORE_RE.search(before)) or bool(LIST_AFTER_RE.match(text, span.end + 1, span.end + 10))


# A rule line between the previous speaker and a quotation with none: a live blog's next entry ("___. / 5:45 p.m."),
# which is about somebody else.
SECTION_BREAK_RULE = "no speaker: a section break since the previous speaker"
SECTION_BREAK_RE = re.compile(r"\n[^\S\n]*_{3,}\.?[^\S\n]*\n")
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


APOSTROPHE_RE = re.compile(r"(?<=\w)’(?=\w)")


PRONOUN_SUBJECT_RULE = "pronoun opening the sentence holding the quotation"
# A sentence opening with a name of one or two words and a verb: a place's name there is its subject.
PLACE_SUBJECT_RE = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?) [a-z]")
FIRST_PERSON_SUBJECT_RE = re.compile(r"\b(?:I|we|We)\s")


def _described_subject(state: _State, text: str, a: int, b: int) -> _Attribution | None:
    """A sentence holding a quotation after words of its own, whose subject names nobody ("One such memo, obtained by
    the Ledger, requires staff to promise “…”", "The board's members were blunt: “…”"): that noun phrase, as written
    and with no person, rather than whoever spoke before."""
    before = text[a:b]
    # (an apostrophe inside a word is no quotation mark: "Tessaro’s campaign sent out a release saying …")
    marks = APOSTROPHE_RE.sub("", before) if "’" in before else before
    if state.words is not ENGLISH_WORDS or not before.strip() or any(mark in marks for mark in QUOTE_MARKS):
        return None
    att = _main_clause_subject(state, text, before, a, len(before))
    if att is None:
        place = PLACE_SUBJECT_RE.match(before)
        if place is not None and len(place.group(1)) > 3 and _place(place.group(1)):
            # "Norland called Estmark a “rogue neighbour”": a country's words, not the previous speaker's (three
            # letters or fewer: a word the gazetteer holds as some hamlet's name, "God wants to keep …")
            written = place.group(1)
            return _Attribution(
                a, a + len(written), None, written, "subject of the sentence holding the quotation", "organisation"
            )
    if att is None or att.person is not None or att.basis is not Basis.NOUN_PHRASE:
        return None
    head = TAIL_WORDS_RE.sub("", att.written).rsplit(None, 1)[-1:]
    person_head = bool(head) and (head[0] in TITLE_WORDS or head[0] in OCCUPATION_NOUNS)
    described = _speaker_from_segment(state, text, att.start, att.end) if person_head else None
    if described is not None and described.person is not None and described.basis in (Basis.ROLE, Basis.DESCRIPTION):
        # "The former governor also accused Ann Lind of “…”": a role or a description of a person the text names
        return described
    return _Attribution(
        att.start, att.end, None, att.written, "subject of the sentence holding the quotation", att.kind
    )


def _pronoun_subject(state: _State, text: str, a: int, b: int) -> _Attribution | None:
    """A sentence holding a quotation after words of its own, opened by he or she ("He commanded the party to “…”"):
    the pronoun, resolved, rather than the previous speaker; not when a first person speaks in a clause after it ("She
    got so upset that I had to change my answer: “…”")."""
    before = text[a:b]
    if state.words is not ENGLISH_WORDS or FIRST_PERSON_SUBJECT_RE.search(before) or not PRONOUN_WORD_RE.search(before):
        return None
    att = _main_clause_subject(state, text, before, a, len(before))
    if att is None or att.person is None or att.written not in ("he", "she", "He", "She"):
        return None
    how = att.rule.rsplit(", meaning ", 1)[-1]
    rule = f"{PRONOUN_SUBJECT_RULE}, meaning {how}"
    return _Attribution(att.start, att.end, att.person, att.written, rule, basis=Basis.PRONOUN)


PRONOUN_WORD_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


# An unnamed person a colon's paragraph gives the words to: "from a user with the handle …:", "by one reader:".
UNNAMED_SOURCE_RE = re.compile(
    r"\b(?:from|by)\s+(?:a|an|one|another)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:user|reader|resident|viewer|listener|commenter|caller|voter|neighbou?r|parent|fan|person|man|woman)\b"
)


def _colon_introduction(state: _State, ctx: _Context, text: str, span: _Span) -> _Attribution | None:
    """A quotation opening its paragraph after a paragraph in the reporter's words that ends with a colon, whose last
    sentence reports speech ("…, as the foundation's website notes:" / "“In the fall of 1960 …"): the subject of that
    reporting verb speaks, a person or not, rather than whoever spoke before."""
    if (
        not ctx.pending
        or len(ctx.pending[-1]) != 3
        or text[_rfind(state, text, "\n", 0, span.start) + 1 : span.start].strip()
    ):
        return None
    pstart, pend, spans = ctx.pending[-1]
    # ("… Brandt said the following." introduces as a colon does)
    if (
        not text[pstart:pend].rstrip().endswith((":", " the following.", " as follows."))
        or text[pend : span.start].strip()
    ):
        return None
    frame = _frame(text, pstart, pend, spans)
    if "(" in frame:
        frame = PARTY_TAG_RE.sub(lambda m: " " * len(m.group()), frame)
    s_start, s_end = _sentences(frame)[-1]
    atts = _attributions(state, text, frame[s_start:s_end], pstart + s_start)
    if not atts:
        # no reporting verb ("Donald Trump issued the following statement:"): the sentence's subject, if a person
        person = _sentence_subject(state, text, pstart + s_start, pstart + s_end)
        pattern = _document_subject_re(state.words.rules)
        if person is None and pattern is not None and (found := pattern.match(frame, s_start, s_end)):
            # "Dort heißt es in Paragraph 10:", "The declaration lists them:": a text's words, not the last speaker's
            rule = f"{TEXT_WORDS_RULE}: {found.group().strip()}"
            return _Attribution(span.start, span.start, None, "", rule, basis=Basis.TEXT_WORDS)
        if person is None and (unnamed := UNNAMED_SOURCE_RE.search(frame, s_start, s_end)):
            # "Then there was this, from a user with the handle @CanuckDad1974:": somebody unnamed, not the last speaker
            # (unless the sentence names them after: "from a longtime resident, retired teacher Mara Lind, 71:")
            named = [m for m in state.mentions if pstart + unnamed.end() <= m.start < pstart + s_end]
            if named:
                rule = "introduced with a colon in the paragraph before, the person named in apposition"
                return _Attribution(span.start, span.start, named[-1].person, named[-1].text, rule)
            rule = "introduced with a colon in the paragraph before, somebody unnamed"
            written = unnamed.group().split(None, 1)[1]  # "a user with the handle" (without "from")
            return _Attribution(span.start, span.start, None, written, rule, "unknown")
        if person is None:
            return None
        rule = "introduced with a colon in the paragraph before, its subject"
        return _Attribution(span.start, span.start, person, state.people[person].name, rule)
    att = atts[-1]
    rule = f"introduced with a colon in the paragraph before, {att.rule}"
    return _Attribution(span.start, span.start, att.person, att.written, rule, att.kind)


def _quote(state: _State, span: _Span, att: _Attribution | None, partial: bool) -> Quote:
    person = att.person if att else None
    evidence = ""
    if att is not None and (
        person is not None or att.written or att.basis in (Basis.FOLLOW_ON_CUT, Basis.TEXT_WORDS, Basis.PRONOUN)
    ):
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
    one person named in full); then each person is marked as quoted or not. A text with line breaks but no blank
    line is read one paragraph a line (_lines_as_paragraphs)."""
    if language is None:
        language = detect(headline, body_text)
    if "\n" in body_text and not BLANK_LINE_RE.search(body_text):
        return _lines_as_paragraphs(headline, body_text, language)
    if len(body_text) >= FLAT_PARAGRAPH and "\n" not in body_text and FLAT_BREAK_RE.search(body_text):
        return _quotations_as_paragraphs(headline, body_text, language)
    if language in ("", "en") and CAPITALS_OPENING_RE.search(body_text):
        # "KELLY Osbourne has blasted …": a tabloid's capitals opening a story, a given name read as the name it is
        # (the same length: every position stays; not "CVS Health has")
        given = name_data.load().given_names
        body_text = CAPITALS_OPENING_RE.sub(
            lambda m: m.group().capitalize() if m.group().lower() in given else m.group(), body_text
        )
    masked = mask_spans(body_text)
    people, unconfirmed, state = _find_mentions(body_text, masked, language)
    paragraphs = _find_quotations(body_text, masked, state.words)
    quotes = _attribute(state, body_text, paragraphs)
    quotes = _full_names(state, quotes)
    speakers = {q.speaker for q in quotes}
    for person in people:
        person.quoted = person.name in speakers
    return Extraction(people, quotes, language, unconfirmed)


# A word in capitals opening a paragraph before a capitalised word and a verb ("KELLY Osbourne has blasted", "LINDA
# Nolan has vowed"; not "NEW YORK (AP)").
CAPITALS_OPENING_RE = re.compile(r"(?m)^[A-Z]{3,}(?= [A-Z][a-z]+ (?:has|have|had|is|was|says|said)\b)")


# A text without a blank line anywhere sets one paragraph a line (as the plain-text reader does: formats.py), not one
# paragraph of all its lines.
BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n")


def _lines_as_paragraphs(headline: str, body_text: str, language: str) -> Extraction:
    """extract() on a text whose paragraphs are its lines: read with a blank line after each, the quotations' positions
    and texts given back in the text as it came."""
    doubled = body_text.replace("\n", "\n\n")
    found = extract(headline, doubled, language)
    found.quotes = [
        dataclasses.replace(
            q, position=q.position - doubled.count("\n", 0, q.position) // 2, text=q.text.replace("\n\n", "\n")
        )
        for q in found.quotes
    ]
    return found


FLAT_PARAGRAPH = 3000  # characters: a text this long without a line break lost its breaks
# In a long text without a line break, where a paragraph most likely began: a sentence opening with a quotation mark
# ("… the end of it. “The next …", "…,” she said. “Then …").
FLAT_BREAK_RE = re.compile(r"(?<=[.!?])[ \u00a0]+(?=“)|(?<=[.!?]”)[ \u00a0]+(?=“)|(?<=[.!?])[ \u00a0]+(?=\"[A-Z])")


def _quotations_as_paragraphs(headline: str, body_text: str, language: str) -> Extraction:
    """extract() on a text that lost its line breaks (one line of FLAT_PARAGRAPH characters or more): read with a
    paragraph break before each sentence that opens with a quotation mark (FLAT_BREAK_RE), where news paragraphs
    begin, so that the rules read by paragraph (a pronoun's antecedent, a quotation running on) see paragraphs; the
    quotations' positions given back in the text as it came."""
    # the text with its breaks, read in one pass, with where each break starts in it and how many characters it added
    # there (two line breaks for its spaces)
    pieces, starts, shifts, shift, done = [], [], [], 0, 0
    for m in FLAT_BREAK_RE.finditer(body_text):
        pieces += (body_text[done : m.start()], "\n\n")
        starts.append(m.start() + shift)
        shift += 2 - (m.end() - m.start())
        shifts.append(shift)
        done = m.end()
    found = extract(headline, "".join(pieces) + body_text[done:], language)
    found.quotes = [
        dataclasses.replace(q, position=q.position - (shifts[k - 1] if (k := bisect_right(starts, q.position)) else 0))
        for q in found.quotes
    ]
    return found


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
    quotes and titles marked (keep=False), and nothing inside a span people_masks.mask_spans masked. Reads no names."""
    convention = _convention(text)
    if not convention.by_context:
        find_spans = partial(_shaped_spans, opening=convention.opening, closing=convention.closing)
    else:
        find_spans = _single_spans if convention is SINGLE else _paragraph_spans
    marks = _mark_positions(text, convention.marks)
    # Spanish and French copy quotes with “ ” and « » in one article: the convention not chosen is read too.
    other, other_marks = _other_convention(text, convention, words.rules)
    paragraphs = []
    for p in PARAGRAPH_RE.finditer(text):
        pstart, pend = p.span()
        first_mark, end_mark = bisect_left(marks, pstart), bisect_left(marks, pend)
        spans = find_spans(text, pstart, pend, marks[first_mark:end_mark]) if first_mark < end_mark else []
        if other_marks and (found := other_marks[bisect_left(other_marks, pstart) : bisect_left(other_marks, pend)]):
            more = [s for s in other(text, pstart, pend, found) if not any(o.start < s.start < o.end for o in spans)]
            spans = sorted(spans + more, key=lambda s: s.start)
        if spans and masked:
            spans = [s for s in spans if not any(a <= s.start < b for a, b in masked)]
        kept = []
        if spans:  # (most paragraphs have no quotation marks: no calls for them)
            _mark_non_quotes(text, pstart, spans, words.title_case, words.title_cues, words.said_re)
            kept = [s for s in spans if s.keep]
        paragraphs.append(_Paragraph(pstart, pend, spans, kept))
    return paragraphs


def _other_convention(text: str, convention: QuoteConvention, rules: LanguageRules | None) -> tuple:
    """In a language whose copy mixes “ ” and « » (LanguageRules.guillemets_too), the span finder and the marks of
    the one _convention did not choose, when the text has them; (None, []) otherwise."""
    if rules is None or not rules.guillemets_too:
        return None, []
    if convention is DOUBLE and "«" in text:
        return _shaped_spans, _mark_positions(text, "«»")
    if convention.opening == "«" and ("“" in text or '"' in text):
        return _paragraph_spans, _mark_positions(text, DOUBLE.marks)
    return None, []


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
            # (a report in the paragraph right before a quotation's names its speaker; one further back does not;
            # of its sentences, the last that reports: "Ruiz called it “arbitrary.” Tobin Arkwright … warned that …")
            frame, indirect = _frame(body_text, pstart, pend, spans), None
            for s_start, s_end in _sentences(frame):
                indirect = _indirect_speaker(state, body_text, frame[s_start:s_end], pstart + s_start) or indirect
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
            for k, span in enumerate(in_sentence):
                continues = running is not None and span.start == pstart  # next paragraph of a running quote
                ctx.running = running if continues else None
                att = _labelled(state, body_text, span) or _nearest(atts, span, body_text)
                if att is not None and k + 1 < len(in_sentence) and _answered(body_text, span, in_sentence[k + 1], att):
                    att = None  # "“What do you think?” “It depends,” responded Jim Brandel": the question is another's
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
                # (a quotation left open in a paragraph that named its speaker, "“A,” Oduya said. “B…", keeps that
                # speaker, whoever the next paragraph names: a running quotation's last paragraph names it only when
                # its first did not)
                named_here = explicit or (first_quote < 0 and not continues)
                _track_group(ctx, span, att, len(quotes) - 1, named_here, continues)
                # (whose words a quotation gives, "in the words of X", is a characterisation: no previous speaker)
                if (
                    att is not None
                    and (att.written or att.basis in (Basis.FOLLOW_ON_CUT, Basis.PRONOUN))
                    and att.basis is not Basis.IN_WORDS
                ):
                    # (after a far follow-on, the quotations after it do not go back further; a verb without a
                    # subject, "“…”, explicó.", is a speaker named as a pronoun would name them)
                    state.last = att
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


def _answered(text: str, span: _Span, following: _Span, att: _Attribution) -> bool:
    """A question and, right after it, another quotation that the attribution follows: its speaker answered."""
    return span.closed and att.start >= following.end and _question_then(text, span.text, span.end, following.start)


def _indirect_speaker(state: _State, text: str, frame: str, offset: int) -> _Attribution | None:
    """Reported speech without quotation marks ("However debates are not likely to alter the campaign, noted NBC's
    Dante Chinni.", "Ham explained why he backs Trump."): its speaker, when a person named, is the previous speaker
    a following "he said" and a follow-on quotation read (the caller decides how near the quotation must be)."""
    # (the verbs found once: a search for the first, then _attributions' for all, read most sentences twice)
    verbs = _listed_verbs(state.words, frame)
    if not verbs:
        return None
    last = state.last.person if state.last is not None else None
    for n, att in enumerate(_attributions(state, text, frame, offset, verbs)):
        # (the first: the main clause's, before any it reports; someone unnamed too, "A spokesperson for the employers
        # said its members …": a following "he said" means them, not whoever spoke before)
        if n == 0 and indefinite_person(att):
            return att
        # (a pronoun meaning the previous speaker says nothing new; one meaning someone named since does)
        if att.person is not None and (att.basis is not Basis.PRONOUN or att.person != last):
            return att
    return None


# Readers' comments and letters signed after the quotation: "“…” ― Ada Voss", "“…”\n— Ada Voss, Tulsa".
SIGNATURE_RE = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*[―—–][ \t\u00a0]*([^\W\d_][^\n,;:()“”\"]{1,60})")
# A claim signed on a line of its own, after a blank line too, with any dash (a fact-check's "“…”\n\n- Ada Voss."):
# the whole line is the name, so a hyphen cannot be prose's.
SIGNATURE_LINE_RE = re.compile(
    r"[ \t\u00a0]*\n[ \t\u00a0]*\n?[ \t\u00a0]*[-―—–][ \t\u00a0]*"
    r"([^\W\d_][^\n,;:()“”\".]{1,60})\.?[ \t\u00a0]*(?:\n|\Z)"
)
# A testimonial's signature on the line after a quotation that is its whole paragraph, the person and the outlet
# ("“…”\n\nAna Gil, Tidewire"), or an outlet alone ("“…”\n\nTidewire"): only in a list of such (_testimonial).
SIGNATURE_PARAGRAPH_RE = re.compile(
    r"[ \t\u00a0]*\n\n?[ \t\u00a0]*([^\W\d_][^\n,;:()“”\".!?]{1,50}?)(,[^\n“”\"]{1,50})?[ \t\u00a0]*(?:\n|\Z)"
)
SIGNED_LINE_RULE = "signed on the line after the quotation"
# A transcript's speaker label opening the quoted text: "“KOWALSKI: Well, look, …".
TRANSCRIPT_LABEL_RE = re.compile(r"([A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){0,2}):\s")


def _labelled(state: _State, text: str, span: _Span) -> _Attribution | None:
    """The speaker a quotation carries with it, before any reporting verb is read: a signature after it or a
    transcript's label inside it."""
    if span.closed:
        m = SIGNATURE_RE.match(text, span.end + 1, span.end + 90) or SIGNATURE_LINE_RE.match(
            text, span.end + 1, span.end + 90
        )
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
    if span.closed:
        signed = _testimonial(state, text, span)
        if signed is not None:
            return signed
    if span.text[:1].isupper() and ":" in span.text[:40]:
        m = TRANSCRIPT_LABEL_RE.match(span.text)
        if m and not {fold(w).lower() for w in m.group(1).split()} & (PEOPLE_COMMON_WORDS | NON_PERSON_WORDS):
            label = m.group(1)  # ("UPDATE:", "NOTE:" name nobody)
            surname = fold(label.split()[-1]).lower()
            fits = [i for i, p in enumerate(state.people) if fold(p.name.split()[-1]).lower() == surname]
            person = fits[0] if len(fits) == 1 else None
            return _Attribution(span.start, span.start, person, label, "transcript's speaker label", "person")
    return None


def _testimonial(state: _State, text: str, span: _Span) -> _Attribution | None:
    """A quotation that is its whole paragraph, signed on the next line, in a list of quotations each signed so (a
    product page's praise, a book's blurbs): the next line after the signature opens another quotation, or the line
    before this quotation is a signature after one. A name that is no person's names no speaker (an outlet's
    praise), rather than the subject of the signature before."""
    line_start = _rfind(state, text, "\n", 0, span.start) + 1
    if text[line_start : span.start].strip():
        return None
    m = SIGNATURE_PARAGRAPH_RE.match(text, span.end + 1)
    if m is None or text[span.end + 1 : m.start(1)].strip(" \t\u00a0\n.!?"):
        return None
    after = text[m.end() :].lstrip()
    before = text[: max(0, line_start - 1)].rstrip()
    previous = before[before.rfind("\n") + 1 :]
    earlier = before[: len(before) - len(previous)].rstrip()
    signed_before = (
        bool(previous) and SIGNATURE_PARAGRAPH_RE.fullmatch("\n" + previous) and earlier.endswith(("”", '"'))
    )
    next_para = after.split("\n", 1)[0].rstrip()
    signed_after = (
        next_para.startswith(("“", '"'))
        and next_para.endswith(("”", '"'))
        and SIGNATURE_PARAGRAPH_RE.match(after, len(next_para)) is not None
    )
    if not (signed_after or signed_before):
        return None  # ("“…”\n\nPolicy Shortcomings\n\n“…,” Fa added": a heading after the quotation, no list of such)
    mention = _mention_in(state, m.start(1), m.end(1) + 1, text)
    if mention is not None and mention.start == m.start(1):
        return _Attribution(m.start(1), mention.end, mention.person, mention.text, SIGNED_LINE_RULE, "person")
    name = m.group(1).strip()
    return _Attribution(m.start(1), m.end(1), None, name, SIGNED_LINE_RULE, speaker_kind(name))


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
    # A courtesy title of the other gender than the full name's given name is another person ("Mr. Vallander" beside
    # "Greta Vallander": scan_people kept them apart, see people_resolve._FullNames._titled).
    titled = {
        p.name: TITLE_GENDERS.get(p.role.lower().rstrip(".")) for p in state.people if p.role and " " not in p.name
    }
    out = []
    for q in quotes:
        words = (q.speaker or "").split()
        key = fold(words[-1]).lower() if len(words) == 1 or (words and words[0].endswith(".")) else ""
        names = (full.get(key) or first_of_two.get(key, [])) if key else []
        want = titled.get(q.speaker or "")
        if len(set(names)) == 1 and not (want and gender_of(names[0].split()[0]) not in ("", want)):
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
