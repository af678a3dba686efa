"""Interviews laid out as questions and answers, for quote extraction (quotes.py): who answers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .quote_state import (
    PARAGRAPH_RE,
    QUOTE_MARKS,
    _inside_quote,
    _State,
)

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


# Who asks, not who answers: "She spoke with reporter X", "He talked to CBC host X".
JOURNALIST_WORDS = frozenset("reporter host journalist correspondent anchor editor columnist interviewer".split())
THIRD_PERSON_SUBJECTS = frozenset("she he they".split())


def _interviewer(text: str, cue: int, name: int) -> bool:
    """The name after an interview's cue is the interviewer's: a journalist's noun before it, or a third person
    speaking with them ("She spoke with reporter Ravi Tamsin": she is the one interviewed)."""
    if any(w.strip(",").lower() in JOURNALIST_WORDS for w in text[cue:name].split()):
        return True
    before = text[max(0, cue - 12) : cue].split()
    return bool(before) and before[-1].lower() in THIRD_PERSON_SUBJECTS


def _interviewee(state: _State, text: str, end: int, by_layout: bool = False) -> int | None:
    """The person the introduction names after "we spoke to", "sat down with", "asked", "interviewed"; or, when it
    says "we spoke to her", "we met the author", carries an interview's note ("This interview has been edited…")
    or is laid out in "Q:"/"A:" paragraphs (by_layout: an interview by its own labels), the person it mentions
    most (the first named on a tie)."""
    counts: dict[int, int] = {}
    for m in state.mentions[: bisect_left(state.starts, end)]:
        if _inside_quote(state, m.start):
            continue
        cue = INTERVIEW_CUE_RE.search(text, max(0, m.start - 50), m.start)
        if cue and not _interviewer(text, cue.start(), m.start):
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
