"""Masks, read before the passes of the people finder (people.py): the spans no name is taken from, photo
credits and agency lines, contributor and byline credits, a dateline's town, promotional lines ("Subscribe ...",
a short line ending in '!'). quotes.py masks the same spans. Imports no other module of the finder."""

from __future__ import annotations

import re

from .people_state import _written_alone
from .people_words import (
    PHOTO_AGENCY_WORDS,
)

# Photo credits and bylines are not mentions: "Photo: Lena Marsh / Valley Courier", "By Lena Marsh, Staff".
# ("Featured image by Lena Marsh/Harbor Guide.", "Photo source: Lena Marsh from Pixfield.", "Written by: Lena Marsh",
# "Posted by Lena Marsh, Marketing": the label may have a word before or after it, and "by" needs no colon.)
_CREDIT_LINE = (
    r"[ \t(]*(?:(?:featured|lead|top|header|cover|main)\s+)?"
    r"(?:photo|photograph|picture|image|illustration|credit|video|graphic)s?"
    r"(?:\s+(?:by|courtesy(?:\s+of)?)\s[^\n]{0,80}$|(?:\s+(?:by|source|credit))?\s*[:(].*$)"
    r"|[ \t]*(?:(?:written|posted|words|text)\s+)?by:? [^\n]{0,80}$"
    r"|[ \t]*submitted\s+by\s+(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t.]*$"
)
# "(Submitted by Lena Marsh)", "(Submitted photo)" ending a caption's line: a reader's or a family's picture, credited
# as outlets caption it (the whole bracket, at the line's end: "(submitted to Mayor Tom Brisk last week)" and "The
# motion (submitted by Coun. Ravi Anand) passed" are a sentence's). At most 120 characters: a bracket
# never closed on a long line was read to its end from every "(photo" in it.
_CREDIT_PAREN = (
    r"(?:\((?:photo|photograph|picture|image|credit)s?\b[^)\n]{0,120}\)"
    r"|\(submitted(?:\s+photo|\s+by\s+(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))\)(?=[ \t]*(?:\n|\Z)))"
)
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
# r"\b(?i:{_AGENCY})\b", written to start with the set of the words' first letters (see _AGENCY_FIRSTS) and look behind
# each afterwards: `re` skips in C to those letters, where the reference pattern tried "\b" and the words at every
# character (0.17 -> 0.07 ms a text with "/" or "via", the same matches on every such text of the bench and PolNeAR).
_AGENCY_FIRSTS = sorted({word[0] for word in PHOTO_AGENCY_WORDS})
# The characters IGNORECASE matches with a word's first letter: its two cases, and for "i" the Turkish "İ" and "ı" (for
# "s" the long "ſ", for "k" the Kelvin sign: no agency word opens with those).
_AGENCY_FIRST_SET = "".join(f + f.upper() + {"i": "İı", "s": "ſ", "k": "\u212a"}.get(f, "") for f in _AGENCY_FIRSTS)
_AGENCY_BRANCHES = "|".join(
    f"(?<={f})(?:{'|'.join(sorted(w[1:] for w in PHOTO_AGENCY_WORDS if w[0] == f))})" for f in _AGENCY_FIRSTS
)
AGENCY_WORD_RE = re.compile(rf"[{_AGENCY_FIRST_SET}](?<!\w.)(?i:{_AGENCY_BRANCHES})\b")
AGENCY_LINE_RE = re.compile(
    rf"[ \t]*[^\n/]{{1,60}}?(?:\s+via\s+|\s*/\s*)[^\n/]{{0,40}}?\b(?i:{_AGENCY})\.?[ \t]*(?=\n|\Z)"
)
AGENCY_PAREN_RE = re.compile(rf"\([^()\n/]{{1,60}}(?:\s+via\s+|\s*/\s*)[^()\n]{{0,40}}?\b(?i:{_AGENCY})\.?\)")
# The agency first: "… at the quay in Elden. THE KESSLY PRESS/Oren Blaylock" (a caption's end), tried right after the
# agency's word. A byline line "Ilse Vandermeer, The Kessly Press" is AGENCY_BYLINE_RE's (a line of its own;
# found from the line breaks, as CREDIT_LINE_RE is).
# (The name ends the line: "The Reuters/Ipsos poll was read by …" is no credit.)
# ("(THE CANADIAN PRESS/Name)" in brackets too, and "REUTERS/Name/File Photo".)
AGENCY_FIRST_RE = re.compile(
    r"[ \t]*/[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:[ \t]*/[ \t]*[Ff]ile [Pp]hoto)?[ \t]*(?=\)|\n|\Z)"
)
_AGENCY_BYLINE = (
    rf"[ \t]*[A-Z][^\n,/]{{1,40}},[ \t]+(?:[Tt]he[ \t]+)?(?:[A-Z][\w&'’-]*[ \t]+){{0,3}}(?i:{_AGENCY})\.?[ \t]*"
)
AGENCY_BYLINE_FIRST_RE = re.compile(rf"{_AGENCY_BYLINE}(?=\n|\Z)")
AGENCY_BYLINE_RE = re.compile(rf"\n({_AGENCY_BYLINE})(?=\n|\Z)")
# A photographer credited with an outlet rather than an agency, by a slash only ("via" may be a sentence's: "told the
# Star via email"): "(Tam Oduya/The Kessly Mail)", "HOLLIS BRANDT / ELDEN STAR", "… on Monday. Name/Harbour
# Post", "(Name/Kessly News)". Two or three capitalised words, the slash, an outlet's name ending with one of these
# words, then the line's end or the bracket's (not "CBC": masking "(Name/CBC)" gave a quotation of an organisation a
# person on the held-out set, for 0.002 of people precision); tried at each slash (rare in a story's text), from the
# line's start, a sentence's end or a bracket.
OUTLET_CREDIT_RE = re.compile(
    r"[ \t(]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,2}[ \t]*/[ \t]*(?:[A-Z][\w&'’.-]*[ \t]+|and[ \t]+|AND[ \t]+){0,4}"
    r"(?:Star|STAR|(?:Huff)?Post|(?:HUFF)?POST|Mail|MAIL|News|NEWS|CTV|Postmedia|POSTMEDIA|Sun|SUN|Herald|HERALD|Times"
    r"|TIMES|Gazette|GAZETTE|Citizen|CITIZEN|Journal|JOURNAL)\)?\.?[ \t]*(?=\n|\Z)"
    r"|\([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,2}[ \t]*/[ \t]*(?:[A-Z][\w&'’.-]*[ \t]+|and[ \t]+){0,4}"
    r"(?:Star|Post|Mail|News|CTV|Postmedia|Sun|Herald|Times|Gazette|Citizen|Journal)\)"
)
# Reporters credited at the end of a story are its byline, no people it mentions: "X contributed reporting from
# Elden.", "Wire writer X contributed from Elden.", "X contributed to this report.", "With files from X". The sentence
# must end right after the place (a capitalised word after "from"/"in"), so "Donors contributed $5 million." is no
# credit. A wire's sign-off is a credit too: see SIGN_OFF_RE.
BYLINE_CREDIT_RE = re.compile(
    r"(?im:^[ \t]*[—–-]*\s*with\s+files\s+from\b[^\n]*$)"
    r"|(?m:(?:^|(?<=[.!?] ))[ \t]*[A-Z][^.!?\n“”\"]{0,80}?\scontributed"
    r"(?:\s+reporting|\s+to\s+this\s+(?:report|story))?(?:\s+(?:from|in)\s+[A-Z][\w.'’ -]{1,40}?)?\.(?=\s|$))"
)
BYLINE_CREDIT_CUES = ("ontributed", "iles from")
# A writer's note at a story's end: "Ana Ruiz is an Elden-based reporter covering city hall. Follow her on Twitter",
# "Ana Ruiz is a health reporter for the Herald; reach her by email: …": a line naming a reporter, writer, columnist,
# correspondent or editor, then an imperative opening the next sentence or clause that says how to follow or reach
# them (or "You can reach her", "She can be reached at"), credits the story's writer. A story about a reporter has the
# words but not the imperative, nor (often) the place: "… is a reporter for the Herald. Colleagues could not reach him
# on Monday." (Tried only at the lines holding one of WRITER_NOTE_CUES, and kept only with nothing but masks after it:
# see _writer_notes.)
WRITER_NOTE_RE = re.compile(
    r"[ \t]*[A-Z][^\n.]{0,60}?\sis\s+(?:a|an|the)\s[^\n]{0,120}?"
    r"\b(?:reporter|writer|columnist|correspondent|journalist|editor|contributor)s?\b[^\n]{0,80}?"
    r"(?:[.!?;:]|\s[—–-])\s+(?:(?:[Yy]ou\s+can\s+)?(?:[Ff]ollow|[Rr]each|[Cc]ontact|[Ee]mail)\s+(?:him|her|them)\b"
    r"|(?:He|She|They)\s+can\s+be\s+(?:reached|contacted)\b)[^\n]*"
)
# "Follow her", "Reach him", "You can reach her at", "She can be reached at": each cue costs a search of the text
WRITER_NOTE_CUES = ("ollow h", "each h", "be reached", "be contacted")
# A wire story's sign-off credits its staff, no one it mentions: "(Reporting by X and Y in Elden; Additional reporting
# by Z; Writing by W; Editing by V)" in brackets, or a line of its own of that shape, names only ("Reporting by X and Y
# in Elden; Editing by Z": running text may open so too, "Reporting by the Kessly Herald showed …", "Writing by
# candlelight, …"). Only the names are masked, and not a name whose surname the story uses outside the sign-off (a
# reporter it names: see _sign_offs).
_SIGN_OFF_LABEL = r"(?i:(?:additional\s+)?(?:reporting|writing|editing)\s+by)"
_SIGN_OFF_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*(?:[ \t]+in[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*)?"
_SIGN_OFF_PART = rf"{_SIGN_OFF_LABEL}[ \t]+{_SIGN_OFF_NAME}(?:(?:,[ \t]+|,?[ \t]+and[ \t]+){_SIGN_OFF_NAME})*"
SIGN_OFF_RE = re.compile(
    rf"\({_SIGN_OFF_LABEL}\s[^()\n]{{1,400}}\)"
    rf"|(?m:^[ \t]*(?:[-–—]+[ \t]*)?{_SIGN_OFF_PART}(?:[ \t]*;[ \t]*{_SIGN_OFF_PART})*[ \t.;]*$)"
)
SIGN_OFF_CUES = ("eporting by", "riting by", "diting by")
SIGN_OFF_NAME_RE = re.compile(r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*")
# "Photos by Ana Ruiz, a nurse, show the ward at night", "Photos courtesy of Ana Ruiz, a resident, show …": a photo
# credit's label opening running text, a verb after the name (and an appositive): the sentence describes the
# photographer, it credits no one (see _running_text). The words that go on a credit instead: "Photo by Lena Marsh for
# the Kessly Herald", "… on Unsplash", "… and Tam Oduya", "… unless otherwise noted", and a participle before its
# preposition: "… used with permission", "… edited by Tam Oduya".
RUNNING_CREDIT_RE = re.compile(
    r"[ \t(]*(?:\w+\s+)?(?i:photo|photograph|picture|image|illustration|video|graphic)s?\s+(?:by|courtesy(?:\s+of)?)\s+"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s+(?:a|an|the)\s[^,\n]{1,60},)?"
    r"\s+(?!(?:for|on|of|via|from|at|in|with|and|courtesy|by|to|unless|except)\b)"
    r"(?![a-z]+(?:ed|en)\s+(?:by|with|under|from|for|in|on|at|via|to)\b)[a-z]{2,}\b"
)
# A credit after a caption's sentence on its line ("… at the daily briefing. Photo: Lena Marsh/Harbor Wire"), and a
# byline before the story, a date or a bar on its line ("By Lena Marsh: The council voted …", "By Lena Marsh - May 4,
# 2022 Share", "| By Lena Marsh |"): the name is the photographer's or the writer's, no one the article mentions.
# Each is tried only where its label stands (see _inline_credits): a pattern searched through every text would cost
# more than all the other masks together.
INLINE_CREDIT_RE = re.compile(
    r"(?m)(?:File\s+photo|Photo|Photograph|Picture|Image|Credit)s?(?:\s+by\s|(?:\s+(?:source|credit))?\s*:)[^\n]{0,100}$"
)
INLINE_CREDIT_LABELS = ("Photo", "Picture", "Image", "Credit", "File photo")  # "Photo" finds "Photograph" too
INLINE_BYLINE_RE = re.compile(r"By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}(?=\s*[:|]|\s+[-–—]\s)")
# A dateline at the very start of the body: "HARBORVIEW, March 3 (Fictional Wire) —".
DATELINE_RE = re.compile(r"\A\s*[A-Z][A-Z .'’-]+,[^\n—–]{0,60}?(?:—|–|--)\s")
# Promotional one-liners: short paragraphs shouting at the reader ("Everything you need to know!"), and the headings of
# related stories and videos ("READ MORE: …", "WATCH: …", "Related: …"), and a line telling readers whom to follow
# ("Follow Lena Marsh on Twitter"): names in them are no one this story mentions.
_PROMO = (
    r"(?=[^\n“”\"‘]{1,90}$)[^\n]*!\s*$|(?:subscribe|sign up|click|follow us|read more)\b[^\n]*$"
    r"|follow\s[^\n]{1,60}?\son\s+(?:twitter|facebook|instagram|threads|bluesky|linkedin|tiktok|x)\b[^\n]*$"
    r"|(?:watch|related)(?:[ \t]+\w+)?[ \t]*:[^\n]*$"
)
PROMO_RE = re.compile(rf"(?im)^(?:{_PROMO})")
PROMO_FIRST_LINE_RE = re.compile(rf"(?im)(?:{_PROMO})")
PROMO_LINE_RE = re.compile(rf"(?im)\n((?:{_PROMO}))")


def _line_spans(first_re: re.Pattern, line_re: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Matches of a "^"-anchored multi-line rule: the first line, then each line after a newline."""
    first = first_re.match(text)
    spans = [first.span()] if first else []
    spans += [m.span(1) for m in line_re.finditer(text, first.end() if first else 0)]
    return spans


# Line starts that can begin a promo keyword (subscribe, sign up, click, follow us, read more, watch, related) in any
# case; "ſ" is what re's IGNORECASE also folds to "s".
PROMO_KEYWORD_START_RE = re.compile("\n[SsCcFfRrWw\u017f]")


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


# A byline whose parts a middle dot joins, the outlet and the time of posting among them: "Lena Marsh, Tam Oduya ·
# Kessly News · Posted: Jan 03, 2019 5:00 AM ET | Last Updated: January 3". Tried at each middle dot (rare in a story).
DOT_BYLINE_RE = re.compile(r"[^\n·]{1,120}(?:·[^\n·]{1,80})*·[ \t]*(?:Posted|Last [Uu]pdated|Updated)\b[^\n]*")


def _dot_bylines(text: str) -> list[tuple[int, int]]:
    """Spans of DOT_BYLINE_RE, each line holding a middle dot tried once from its start."""
    spans: list[tuple[int, int]] = []
    i = text.find("·")
    while i >= 0:
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        if (m := DOT_BYLINE_RE.match(text, start, end)) is not None:
            spans.append(m.span())
        i = text.find("·", end)
    return spans


def _agency_credits(text: str) -> list[tuple[int, int]]:
    """Spans of photo credits naming an agency (AGENCY_LINE_RE, AGENCY_PAREN_RE, AGENCY_FIRST_RE), each found once."""
    if "/" not in text and "via" not in text:  # both need one: then no credit, and no search for agency words
        return []
    spans: list[tuple[int, int]] = []
    for m in AGENCY_WORD_RE.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        # After a caption's sentence first ("… on Monday. Name / THE WIRE PRESS": the caption's people stay), then
        # the whole line.
        sentence = text.rfind(". ", line, m.start())
        credit = AGENCY_LINE_RE.match(text, sentence + 2) if sentence >= 0 else None
        if credit is None:
            credit = AGENCY_LINE_RE.match(text, line)
        if credit is None:
            paren = text.rfind("(", line, m.start())
            credit = AGENCY_PAREN_RE.match(text, paren) if paren >= 0 else None
        if credit is None and (after := AGENCY_FIRST_RE.match(text, m.end())):
            spans.append((m.start(), after.end()))
        elif credit is not None and credit.end() > m.start():
            spans.append(credit.span())
    return spans


# A picture taken from a social network, credited on a line of its own that holds nothing but the network and a name
# joined by a slash, or in brackets: "Facebook/Osman Laban.", "Nadia Ostrova/Instagram", "(Osman Laban/Facebook)"
# (not a sentence: "Ana Ruiz responded via Twitter.", "Ana Ruiz wrote on X/Twitter.").
_SOCIAL = r"(?:Facebook|Instagram|Twitter)"
_CREDIT_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
SOCIAL_CREDIT_RE = re.compile(
    rf"(?m:^[ \t]*(?:{_SOCIAL}[ \t]*/[ \t]*{_CREDIT_NAME}|{_CREDIT_NAME}[ \t]*/[ \t]*{_SOCIAL})\.?[ \t]*$)"
    rf"|\((?:{_SOCIAL}[ \t]*/[ \t]*{_CREDIT_NAME}|{_CREDIT_NAME}[ \t]*/[ \t]*{_SOCIAL})\)"  # or in brackets
)
SOCIAL_CUES = ("Facebook/", "Instagram/", "Twitter/", "/Facebook", "/Instagram", "/Twitter")


def _outlet_credits(text: str) -> list[tuple[int, int]]:
    """Spans of OUTLET_CREDIT_RE, tried at each slash from the latest line start, sentence end or bracket before it."""
    spans: list[tuple[int, int]] = []
    i = text.find("/")
    while i >= 0:
        sentence = text.rfind(". ", max(0, i - 60), i)
        start = max(
            text.rfind("\n", 0, i) + 1, sentence + 2 if sentence >= 0 else 0, text.rfind("(", max(0, i - 60), i)
        )
        if (not spans or start >= spans[-1][1]) and (m := OUTLET_CREDIT_RE.match(text, start)) and m.end() > i:
            spans.append(m.span())
        i = text.find("/", i + 1)
    return spans


def _inline_credits(text: str) -> list[tuple[int, int]]:
    """Spans of INLINE_CREDIT_RE after a sentence's end and a space, and of INLINE_BYLINE_RE at a line's start or after
    "| ", each tried only where its label is (found in C)."""
    spans: list[tuple[int, int]] = []
    for label in INLINE_CREDIT_LABELS:
        i = text.find(label, 2)
        while i >= 0:
            if text[i - 1] == " " and text[i - 2] in ".!?" and (m := INLINE_CREDIT_RE.match(text, i)):
                spans.append(m.span())
            i = text.find(label, i + 1)
    i = text.find("By ")
    while i >= 0:
        if (not i or text[i - 1] == "\n" or text[i - 2 : i] == "| ") and (m := INLINE_BYLINE_RE.match(text, i)):
            spans.append(m.span())
        i = text.find("By ", i + 1)
    return spans


def _sign_offs(text: str) -> list[tuple[int, int]]:
    """The names in wire sign-offs (SIGN_OFF_RE), each a span, but for those whose last word the text writes outside
    the sign-off too: a reporter the story names is a person it mentions."""
    spans: list[tuple[int, int]] = []
    for m in SIGN_OFF_RE.finditer(text):
        outside = text[: m.start()] + " " + text[m.end() :]
        for name in SIGN_OFF_NAME_RE.finditer(text, m.start(), m.end()):
            last = name.group().split()[-1]
            if not _written_alone(outside, last):
                spans.append(name.span())
    return spans


def _writer_notes(text: str, masked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of WRITER_NOTE_RE at the start of a line holding one of WRITER_NOTE_CUES (found in C), each line tried
    once a cue (its match, if any, reads to the line's end), kept when nothing but white space and the spans masked
    follows it: a note ends the story (and is not its first line)."""
    spans: list[tuple[int, int]] = []
    for cue in WRITER_NOTE_CUES:
        i = text.find(cue)
        while i >= 0:
            line = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            m = WRITER_NOTE_RE.match(text, line, end) if line else None
            if m and m.span() not in spans and _only_masked_after(text, m.end(), masked) and not _named_before(text, m):
                spans.append(m.span())
            i = text.find(cue, end)
    return spans


def _named_before(text: str, note: re.Match) -> bool:
    """A note that says only where its person can be reached ("She can be reached at …"), about someone the story
    names before it ("Holt is a retired editor who now volunteers. She can be reached at …"): the story's subject, no
    writer (the imperative "Follow her", "Reach him" speaks to the reader: a writer's note wherever it stands)."""
    if "be reached" not in note.group() and "be contacted" not in note.group():
        return False
    surname = note.group().split(" is ", 1)[0].split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", text[: note.start()]) is not None


def _only_masked_after(text: str, end: int, masked: list[tuple[int, int]]) -> bool:
    """Nothing but white space and spans of masked after end."""
    for a, b in sorted(masked):
        if b > end:
            if text[end:a].strip():
                return False
            end = b
    return not text[end:].strip()


def _running_text(text: str, span: tuple[int, int]) -> bool:
    """A credit line's span that is a sentence about the photographer (RUNNING_CREDIT_RE), no credit."""
    a, b = span
    if text.find(" by", a, b) < 0 and text.find(" courtesy", a, b) < 0:
        return False  # (a cheap test first: most credit lines have a colon, not "by")
    return RUNNING_CREDIT_RE.match(text, a, b) is not None


def mask_spans(text: str) -> list[tuple[int, int]]:
    """Spans that are never read for people or quotes: dateline, credits (agencies' too), bylines (reporters credited
    at the end too), writers' notes, wire sign-offs' names, promos and headings of related stories.

    Same spans as CREDIT_RE and PROMO_RE over the whole text, found faster (see CREDIT_LINE_RE).
    """
    spans = [s for s in _line_spans(CREDIT_FIRST_LINE_RE, CREDIT_LINE_RE, text) if not _running_text(text, s)]
    if "(" in text:
        # A bracketed credit inside a credit line is part of that line's span (CREDIT_RE reads on).
        spans += [m.span() for m in CREDIT_PAREN_RE.finditer(text) if not any(a <= m.start() < b for a, b in spans)]
    spans += _promo_spans(text)
    spans += _agency_credits(text)
    spans += _outlet_credits(text)
    if "/" in text and any(cue in text for cue in SOCIAL_CUES):  # (one search first: most texts have no slash)
        spans += [m.span() for m in SOCIAL_CREDIT_RE.finditer(text)]
    spans += _line_spans(AGENCY_BYLINE_FIRST_RE, AGENCY_BYLINE_RE, text)
    spans += _inline_credits(text)
    if "·" in text:
        spans += _dot_bylines(text)
    if any(cue in text for cue in BYLINE_CREDIT_CUES):
        spans += [m.span() for m in BYLINE_CREDIT_RE.finditer(text)]
    if "ing by" in text and any(cue in text for cue in SIGN_OFF_CUES):  # (one search first: most texts have none)
        spans += _sign_offs(text)
    spans += _writer_notes(text, spans)  # (after the other masks: a note may only have masks after it)
    m = DATELINE_RE.match(text)
    if m:
        spans.append(m.span())
    return sorted(spans)
