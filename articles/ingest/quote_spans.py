"""Pass 1 of quote extraction (quotes.py): quotation spans.

Finds the quoted spans of a paragraph with the marks of the convention the article uses, tells scare
quotes and quoted titles from quotations (kept masked, never emitted) and partial quotations from whole
ones, and splits a paragraph into sentences with the quoted text masked out (_frame, _sentences)."""

from __future__ import annotations

import re

from .people import (
    ABBREVIATIONS,
)
from .quote_state import (
    ABBREVIATION_BEFORE_RE,
    ABBREVIATION_MAX,
    DOUBLE_OPEN_RE,
    LETTER_RE,
    QUOTE_CHAR,
    QUOTE_STOP,
    SENTENCE_BREAK_RE,
    SENTENCE_PUNCT_RE,
    SHAPED,
    SHAPED_MARKS,
    SINGLE_OPEN_RE,
    TITLE_CUE_RE,
    VERB_RE,
    _Span,
)
from .quote_words import (
    DOUBLE,
    SINGLE,
    TITLE_CUE_LAST_WORDS,
    QuoteConvention,
)

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
        if opening and open_at >= 0 and text[i] == '"' and text[i + 1 : i + 2] in (" ", "\n", ""):
            # a straight mark between spaces while a quotation is open closes it ("… coalitions, " said Gunnels"): an
            # opening one stands before its first word
            opening = False
        if (
            not opening
            and before in ",:;”"
            and text[i + 1 : i + 2].isalpha()
            and (text[i] == "“" or (text[i] == '"' and open_at < 0))
        ):
            # an opening shape glued to the word before it and to its own first letter ("Ryan said,“Look", "….”“Your
            # facts are wrong,”"): a space left out, not a closing mark (those stand after the quotation's last word);
            # a straight one so when no quotation is open ("Brandt writes,"This is …"")
            opening = True
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


def _is_title(
    text: str,
    before: str,
    first: str,
    title_case: bool = True,
    cues: frozenset[str] = frozenset(),
    said_re: re.Pattern | None = None,
    after: str = "",
) -> bool:
    """Quoted titles of works, petitions, operations, slogans (before: up to 150 characters of the paragraph before the
    quotation, for the sentence's verb; its last 40 hold a cue; title_case: Title Case says so; not in a
    language that capitalises its nouns; cues: the language's own words before a title, "intitulée"; said_re:
    there, the verbs before or after a quotation that make even a name-shaped one words said; after: the text
    right after the closing mark)."""
    if not first.isupper():
        return False
    if _title_cue(before[-40:]):
        return True
    if cues and (before[-40:].split() or [""])[-1].lower().strip(",:") in cues:
        return True
    words = text.rstrip(",.!?").split(None, 8)  # nine pieces: more than eight words, no title
    # A name's words: two to eight, no sentence's punctuation (a full stop says a sentence, „Eine Ungeschicklichkeit.“
    # is said, as ! and ? do).
    phrase = 2 <= len(words) <= 8 and not SENTENCE_PUNCT_RE.search(text.rstrip(","))
    if not title_case:
        # Where every noun is capitalised, Title Case says nothing, but an English title in Title Case does
        # („The Big Bang Theory“, „Mary Poppins Returns“ in German): every word capitalised, one of them English.
        # So does a name's shape: capitalised words and numbers joined by prepositions and articles only, without
        # a verb, an adjective or a pronoun (all lower case there): „Pakt von Glasgow“, „Ruf des Nordens“,
        # „Journal of the American Medical Association“. Said words have them: „Menschenrechte sind unantastbar“.
        # On the real German pages, 30 such names had been quotations given to the previous speaker.
        if not phrase:
            return False
        if all(w[:1].isupper() for w in words) and any(w.lower() in ENGLISH_TITLE_WORDS for w in words):
            return True
        return _name_shaped(words, before, said_re, after)
    # In another language with its own table, whose copy does not write Title Case (Spanish, French), a name's shape
    # says a name too: "el “Mes del Mar”", «Plan Nacional de Lectura».
    if said_re is not None and phrase and sum(w[:1].isupper() for w in words) >= 2:
        if _name_shaped(words, before, said_re, after):
            return True
    # Title Case: every word of four letters or more capitalised ("Salt and Iron", "The Long Night").
    if not 3 <= len(words) <= 8:
        return False
    long_words = [w for w in words if len(w) >= 4 and w not in TITLE_CASE_SMALL_WORDS]
    return (
        len(long_words) >= 2
        and all(w[0].isupper() for w in long_words)
        and not SENTENCE_PUNCT_RE.search(text.rstrip(",.!?"))
    )


# Prepositions of four letters or more that Title Case leaves in lower case ("The Current with Anna Bell", "Notes from
# a Small Island").
TITLE_CASE_SMALL_WORDS = frozenset("with from into onto upon over than".split())


# Where a sentence ends in the text before a quotation (people_state.SENTENCE_END_RE is another: it ends at one).
SENTENCE_STOP_RE = re.compile(r"[.!?]\s")


def _name_shaped(words: list[str], before: str, said_re: re.Pattern | None, after: str = "") -> bool:
    """Capitalised words and numbers joined by prepositions and articles only (NAME_JOINING_WORDS), unless the
    sentence before says they were said ("Fraktionschef Jannis Oberholt sprach von einem „Versagen mit Ansage“") or
    a reporting verb follows the closing mark ("„Herzlichen Glückwunsch zum Sieg“, sagte Angela Müller")."""
    if not all(w.lstrip("(")[:1].isupper() or w[:1].isdigit() or w in NAME_JOINING_WORDS for w in words):
        return False  # („Motoren- und Lastwagen AG (Mulag)“ has that shape)
    if said_re is None:
        return True
    if (comma := COMMA_AFTER_RE.match(after)) and said_re.match(after, comma.end()):
        return False  # (no comma: „Journal of …“ berichtet: the name is the subject, no words said)
    return not said_re.search(SENTENCE_STOP_RE.split(before)[-1])


COMMA_AFTER_RE = re.compile(r"[“”»«\"']?\s*,\s*")


# English words a title in another language's text holds, and that language does not write.
ENGLISH_TITLE_WORDS = frozenset("the of and my your returns story theory night day love life world show".split())
# The lower-case words of a name of a thing (a pact, an institution, a work): prepositions, articles and "and", in
# German, in the English and French names German text quotes, and in Spanish and French names.
NAME_JOINING_WORDS = frozenset(
    """von vom der die das des dem den für und in im am an auf mit bei zum zur zu aus über unter gegen ohne nach vor
    of the and for on in at to de du des la le les et del y e el los las al en para por con""".split()
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


# Besides the people's title abbreviations, the honorifics of Westminster-style parliaments ("Rt. Hon. Ana Gil",
# "the Hon. Ana Gil"): no sentence ends after them.
SENTENCE_ABBREVIATIONS = ABBREVIATIONS | frozenset({"hon", "rt"})


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
        if word and (
            word.group(1).lower() in SENTENCE_ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper())
        ):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(frame)))
    return bounds


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


# After a quotation that goes on (“…,” “…!”): a subject (a pronoun, up to four capitalised words) and a reporting verb,
# or the verb alone: the words were spoken, not a title ("“Nusra is the threat,” Kerry said", "“Happy Harbour Day!,” he
# tweeted").
ATTRIBUTION_AFTER_RE = re.compile(
    r"[”\"]\s*(?:(?:he|she|they|we|I|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?:[a-z]+ly\s+)?)?" + VERB_RE.pattern
)


# A reference list's entry: authors, the date in brackets, then the work's title in quotation marks ("Ruiz, A.;
# Gale, B. (2010). "Title". Journal.", "… (2017-07-01). "Title"."): the title is no quotation.
CITATION_BEFORE_RE = re.compile(
    r"\((?:\d{4}[a-z]?|\d{4}-\d\d(?:-\d\d)?|[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|"
    r"[A-Z][a-z]{2,8}\.? \d{4})\)\.?\s*\Z"
)


def _citation_title(text: str, pstart: int, span: _Span) -> bool:
    """A quotation right after a reference's bracketed date, closed by a full stop or a comma: a cited title."""
    if not span.closed or not (
        span.text.endswith((".", ","))
        or text[span.end + 1 : span.end + 2] in (".", ",")
        or text.startswith((" (PDF).", " (PDF),"), span.end + 1)
    ):
        return False
    return CITATION_BEFORE_RE.search(text, max(pstart, span.start - 24), span.start) is not None


def _opens_sentence(text: str, pstart: int, start: int) -> bool:
    """Nothing but the end of a sentence (or the paragraph's start) before text[start]: not a title set inside a noun
    phrase ("the author of “Salt and Iron,” said")."""
    before = text[max(pstart, start - 3) : start].rstrip()
    return start == pstart or not before or before[-1] in '.!?:”"'


def _mark_non_quotes(
    text: str,
    pstart: int,
    spans: list[_Span],
    title_case: bool = True,
    cues: frozenset[str] = frozenset(),
    said_re: re.Pattern | None = None,
) -> None:
    """Scare quotes and titles stay in the text as words; they are not quotations."""
    prev_end = pstart
    for span in spans:
        span.first = _first_letter(span.text)
        span.keep = not (
            _is_scare(span, text, prev_end)
            or (text[span.start - 2 : span.start] in (") ", ". ") and _citation_title(text, pstart, span))
            # (_is_title's first test, before slicing: most quotations are no title)
            or (
                span.first.isupper()
                and _is_title(
                    span.text,
                    text[max(pstart, span.start - 150) : span.start],
                    span.first,
                    title_case,
                    cues,
                    said_re,
                    text[span.end : span.end + 30],
                )
                and not (
                    span.closed
                    and span.text[-1:] in ",!?"
                    and ATTRIBUTION_AFTER_RE.match(text, span.end) is not None
                    and _opens_sentence(text, pstart, span.start)
                )
            )
        )
        prev_end = span.end + 1
