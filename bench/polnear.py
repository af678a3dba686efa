#!/usr/bin/env python
"""PolNeAR's train and dev splits as evaluation sets in the bench's gold format (issue 13.1).

    python bench/polnear.py SRC OUT

SRC is a copy of github.com/networkdynamics/PolNeAR, OUT the real-news folder ($NEWSARCHIVE_REALNEWS).
It writes OUT/polnear-train/*.json and OUT/polnear-dev/*.json, one case per article in the format
articles/ingest/evaluate.py reads (bench/eval/README.md), plus OUT/polnear-<split>/CONVERSION.txt with
the counts of what each rule did. The texts are real news: they stay outside the repository.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) is 2016 US political news from seven outlets. Each
article has its text (data/<split>/text/NAME.txt), human attribution annotations in brat standoff
(data/<split>/attributions/NAME_<annotator>.ann: Source, Cue and Content spans joined by an "E" line,
or Attribution-no-source) and CoreNLP's automatic annotations (data/<split>/corenlp/NAME.txt.xml:
tokens with character offsets, part of speech, 4-class NER, basic dependencies, dcoref chains).

ONLY the train and dev splits are ever opened. The test split is PolNeAR's held-out check and ours:
this script selects files by path (data/train/, data/dev/) before reading anything, and refuses any
other split name.

The rules
---------

Article. The text file's first block (up to the first blank line; NYT files have a second headline
line there) is the headline, the rest is the body. The body is given to the extractor as it is, except
that PolNeAR's <tweet …>/</tweet> and <a …> tags are removed and the NYT files' two apostrophes ('')
become one double quotation mark ("); offsets are mapped back to the original for the annotations.
The case id is the file name, its style the publisher (the part before the first "_"). An article
annotated by several annotators uses the annotation file whose name sorts first. An article without
its CoreNLP file (4 in train and dev: absent from the repository snapshot) is skipped.

Quotations (gold "quotes"). The archive extracts direct quotations only, so a gold quotation is a
quoted unit of the body, found with the bench's gold rules (bench/eval/README.md): the text between
an opening double mark (“ or ") and its closing mark, marks excluded. Units end at a line break: a
quotation left open there runs to the end of its line (a quotation over several paragraphs is one
unit per paragraph; PolNeAR's texts also break paragraphs with single newlines). A quotation inside a
quotation stays inside the outer one, “ and a straight " after a space opening an inner one. A
straight " after a digit is an inch mark; a ” at a line start or after a space, with no quotation
open, opens one (a typo common in these texts). A unit is a gold quotation when
  1. it lies inside the Content span of a PolNeAR attribution (at least half of its characters do);
     quoted units outside every attribution (scare quotes, titles, terms) are not quotations; and
  2. the attribution's content has no words outside quotation marks (“Never,” he said; “A,” she
     said, “B.”), or else the unit has three words or more and is not a title: one or two quoted
     words inside a paraphrase are scare quotes, and a capitalised phrase without inner sentence
     punctuation inside a paraphrase is a title or slogan (“Make America Great Again”).
Indirect speech and paraphrase (attribution content without quotation marks) gives no gold
quotation: the archive does not extract it. "partial" is true when the unit starts with a lower-case
letter (evaluate.py does not score it).

Speaker (gold "speaker", "speaker_kind"). From the attribution's Source span. Its head is the source
token whose basic-dependency governor lies outside the span (among several, the first PERSON-tagged
one, else the first noun or pronoun: CoreNLP's parse often cuts "9/11 widow Jane Doe" in two).
The first rule that applies decides:
  - head tagged PERSON by CoreNLP: the person that name names (see People for the fullest form); a
    source naming several people joined by "and" ("Trump and Pence said"): "unresolved";
  - a PERSON-tagged appositive of the head ("the nominee, Jane Doe,"; "former governor Jane Doe");
  - an indefinite or counted head ("a source", "one aide", "two officials"): "unnamed";
  - an organisation noun (campaign, committee, agency, newspaper, poll, report, statement, …):
    "organisation", speaker null;
  - a source of capitalised words only, its head a name CoreNLP did not tag PERSON ("Trump" tagged O,
    "Ham" tagged ORGANIZATION) that is a word of exactly one person's fullest name;
  - head tagged ORGANIZATION or LOCATION: "organisation";
  - the CoreNLP coreference chain holding the head (a mention whose head token it is, else the
    shortest mention covering it): when the PERSON names heading the chain's mentions name exactly
    one person, that person; several people, or a chain with both he and she: "unresolved";
  - he, she, I unresolved by the chain: "unresolved"; it: "organisation"; a spokesman or
    spokeswoman: "organisation" (the bench's rule for unnamed spokespeople); we, they, plurals and
    MISC groups ("Democrats"): "unnamed"; a chain with an ORGANIZATION mention: "organisation";
    anything else (a definite role, "the senator", coreference does not resolve): "unresolved".
  An attribution without a Source (Attribution-no-source) is "unnamed".
speaker_kind "unresolved" is ours: the annotation names a speaker the automatic coreference cannot
tell, so the gold has no answer. evaluate.py leaves those quotations out of the speaker figure, as it
does "organisation" and "unnamed" (speaker null); for the latter two it counts a person given as
speaker in its own figure (nonperson_given_person). Each gold quote also carries "source" (the source
span as written) and "rule" (which rule above decided); evaluate.py splits the speaker figure by rule.
CoreNLP's coreference (dcoref) is automatic and often wrong on pronouns: on a sample of train quotes
whose speaker came from "he"/"she" through it, about a quarter named the wrong person. Speakers from a
name in the source span are reliable; `make bench` prints the two figures apart.

People (gold "people"). Names are runs of consecutive body tokens CoreNLP tags PERSON (possessive
's left out; a generational suffix CoreNLP left untagged right after the name included: "Joseph R.
Biden Jr."; leading words CoreNLP included dropped: titles "Mr.", "Sen.", "Democrat", …, and a
sentence-initial "Said"), starting with a capital letter and not ending in a word that makes them a
place, firm or thing ("… Center", "… Tower", "… Park"). A name is part of a longer one when all its
words are among the longer one's words ("Clinton", "Hillary" in "Hillary Clinton"; curly and straight
apostrophes compare equal), except that a longer name with a generational suffix (Jr., Sr., II, III,
IV) is another person for a name of two words or more ("Donald Trump" is not "Donald Trump Jr.").
Each name that is part of no longer name is one person, in that fullest form: the gold people list.
A shorter name stands for the one longer name it is part of; when it is part of several ("Clinton":
Hillary and Bill) the mention is ambiguous, and as a speaker "unresolved" (CoreNLP's coreference
joins same-surname mentions, so it cannot tell them apart). NER is CoreNLP's 4-class model, not a
human's: it tags some non-people PERSON ("Obamacare", "Brexit", "Jim Crow") and misses some people,
so the people figures measure agreement with CoreNLP, not with the truth.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SPLITS = ("train", "dev")  # never "test": PolNeAR's held-out split is not to be read
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")  # as articles/ingest/quotes.py
ANN_NAME_RE = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from", "as", "is"}
ORGANISATION_NOUNS = {
    "administration", "agency", "association", "board", "bureau", "campaign", "caucus", "center", "centre",
    "channel", "commission", "committee", "company", "corporation", "council", "court", "department",
    "embassy", "firm", "foundation", "government", "group", "institute", "journal", "magazine", "ministry",
    "network", "newspaper", "office", "organization", "organisation", "outlet", "paper", "party", "police",
    "poll", "program", "report", "service", "site", "statement", "station", "study", "survey", "team",
    "union", "university", "website",
}  # fmt: skip
# A PERSON-tagged run ending in one of these is a place, firm or thing named after someone.
NOT_PERSON_LAST = ORGANISATION_NOUNS | {
    "act", "airport", "amendment", "award", "avenue", "bill", "bridge", "building", "college", "county",
    "doctrine", "hall", "law", "library", "park", "partners", "plan", "plaza", "prize", "rule", "school",
    "square", "street", "tower", "towers",
}  # fmt: skip
# Leading words CoreNLP sometimes tags PERSON with the name ("Mr. Obama", "Democrat Hillary Clinton", "Said Ellis").
TITLES = {
    "adm", "admiral", "agent", "attorney", "candidate", "capt", "chairman", "chairwoman", "chief", "coach", "col",
    "democrat", "detective", "dr", "emperor", "former", "gen", "gov", "governor", "judge", "justice", "justices",
    "lt", "mayor", "miss", "mr", "mrs", "ms", "nominee", "officer", "pastor", "pope", "pres", "president", "prof",
    "rabbi", "rep", "representative", "republican", "rev", "rival", "said", "says", "secretary", "sen", "senator",
    "sgt", "sheriff", "sir", "speaker", "vice",
}  # fmt: skip
CLEAN_RE = re.compile(r"</?(?:tweet|a)\b[^>]*>|''")  # PolNeAR's texts keep <tweet …> and <a …> tags
INDEFINITE = {"a", "an", "one", "some", "another", "any", "several", "many", "few", "no", "other", "most", "both"}
GROUP_PRONOUNS = {"we", "they", "us", "them", "our", "their"}
PERSON_PRONOUNS = {"he", "she", "i", "me", "him", "her", "his", "my"}


# --- Reading PolNeAR ------------------------------------------------------------------------------


@dataclass
class Attribution:
    id: str
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


def _spans(text: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in text.split(";"))]


def read_attributions(ann: str) -> list[Attribution]:
    """The attributions of one brat standoff file (Attribution and Attribution-no-source events)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[tuple[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, where = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _spans(where))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            events.append((parts[0], parts[1]))
    result = []
    for eid, args in events:
        attribution = Attribution(eid)
        for arg in args.split():
            role, _, ref = arg.partition(":")
            if role in ("Source", "Cue", "Content") and ref in spans:
                getattr(attribution, role.lower()).extend(spans[ref][1])
        if attribution.content:
            result.append(attribution)
    return result


@dataclass
class Token:
    sentence: int
    index: int  # 1-based within its sentence, as CoreNLP numbers them
    start: int
    end: int
    word: str
    pos: str
    ner: str
    governor: int = 0  # basic dependencies; 0 is the root
    relation: str = ""


@dataclass
class Document:
    tokens: list[Token]
    by_id: dict[tuple[int, int], Token]
    chains: list[list[tuple[int, int, int, int]]]  # mentions: (sentence, start, end exclusive, head)


def read_corenlp(xml: str | bytes) -> Document:
    root = ET.fromstring(xml)
    tokens: list[Token] = []
    by_id: dict[tuple[int, int], Token] = {}
    for sentence in root.iter("sentence"):
        if sentence.find("tokens") is None:
            continue  # (coreference mentions also have <sentence> elements)
        sid = int(sentence.get("id"))
        for tok in sentence.find("tokens"):
            token = Token(
                sid,
                int(tok.get("id")),
                int(tok.findtext("CharacterOffsetBegin")),
                int(tok.findtext("CharacterOffsetEnd")),
                tok.findtext("word") or "",
                tok.findtext("POS") or "",
                tok.findtext("NER") or "O",
            )
            tokens.append(token)
            by_id[(sid, token.index)] = token
        for deps in sentence.iter("dependencies"):
            if deps.get("type") != "basic-dependencies":
                continue
            for dep in deps:
                token = by_id.get((sid, int(dep.find("dependent").get("idx"))))
                if token is not None:
                    token.governor = int(dep.find("governor").get("idx"))
                    token.relation = dep.get("type") or ""
    chains = []
    outer = root.find("document/coreference")
    for chain in outer if outer is not None else []:
        mentions = [
            (int(m.findtext("sentence")), int(m.findtext("start")), int(m.findtext("end")), int(m.findtext("head")))
            for m in chain.iter("mention")
        ]
        chains.append(mentions)
    return Document(tokens, by_id, chains)


# --- Quotation units ------------------------------------------------------------------------------


def quote_units(body: str) -> list[tuple[int, int]]:
    """(start, end) in body of each quoted unit, marks excluded, by the rules above."""
    units = []
    for line in re.finditer(r"[^\n]+", body):
        stack: list[str] = []
        opened = 0
        for i in range(line.start(), line.end()):
            ch = body[i]
            if ch == '"' and body[i - 1 : i].isdigit():
                continue  # an inch mark (6'3")
            if ch == '"' and stack and (stack[-1] == '"' or not _opens(body, i)):
                ch = "”"  # a straight mark closing
            elif ch == "”" and not stack and (i == line.start() or _opens(body, i)):
                ch = "“"  # a closing mark typed for an opening one: at a line start or after a space
            if ch in '“"':
                if not stack:
                    opened = i
                stack.append(ch)
            elif ch == "”" and stack:
                stack.pop()
                if not stack:
                    units.append((opened + 1, i))
        if stack:
            units.append((opened + 1, line.end()))
    return [(a, b) for a, b in (_strip(body, a, b) for a, b in units) if b > a]


def _opens(text: str, i: int) -> bool:
    """Whether a straight mark inside a quotation opens an inner one: after a space or bracket, before a word."""
    return (i == 0 or text[i - 1] in " \t\n([—–") and i + 1 < len(text) and not text[i + 1].isspace()


def clean_body(text: str) -> tuple[str, list[int]]:
    """The body as the extractor gets it: without PolNeAR's <tweet>/<a> tags, and with the NYT files' two
    apostrophes ('') for a double quotation mark written as one ("). With it, for each of its characters
    (and its end), the offset in the original."""
    kept, origin = [], []
    last = 0
    for m in CLEAN_RE.finditer(text):
        kept.append(text[last : m.start()])
        origin.extend(range(last, m.start()))
        if m.group() == "''":
            kept.append('"')
            origin.append(m.start())
        last = m.end()
    kept.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return "".join(kept), origin


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def is_title(text: str) -> bool:
    """Capitalised words only, no sentence punctuation inside: a title or slogan, not speech."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text)]
    if not words or re.search(r"[.,;:!?]", text.rstrip(".,;:!?")):
        return False
    return all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)


def _overlap(a: int, b: int, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in spans)


def _paraphrase(text: str, content: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> bool:
    """Whether an attribution's content has words outside quotation marks (the reporter's own words)."""
    return any(text[i].isalnum() for x, y in content for i in range(x, y) if not any(a <= i < b for a, b in quoted))


# --- People ---------------------------------------------------------------------------------------


def _name_key(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'").strip(".") for w in text.split() if w.strip("."))


def _name_word(token: Token) -> bool:
    """A token that can be part of a name: it starts with a letter and is no web address (CoreNLP tags
    PERSON a bracket, a URL or a photo credit's "/Reuters" beside a name)."""
    return token.word[:1].isalpha() and "://" not in token.word and not token.word.startswith("/")


def part_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the name `short` can stand for the longer name `long` (see the rules above)."""
    if short == long or not set(short) <= set(long):
        return False
    long_suffix = bool(SUFFIXES & set(long))
    return not (long_suffix and not SUFFIXES & set(short) and len(short) >= 2)


class People:
    """The PERSON names of one body, grouped into people by the rules above."""

    def __init__(self, doc: Document, text: str, body_start: int, skip: list[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.run_of: dict[tuple[int, int], tuple[str, ...]] = {}  # token id -> key of its name
        self.shown: dict[tuple[str, ...], str] = {}
        run: list[Token] = []
        for token in [*doc.tokens, None]:
            if (
                token is not None
                and run
                and run[-1].sentence == token.sentence
                and run[-1].index + 1 == token.index
                and _name_word(token)
                # nothing between but spaces (a no-break space too: "Rand\u00a0Paul" is one name, not two people)
                and not text[run[-1].end : token.start].strip(" \t\u00a0")
                and "/" not in run[-1].word
            ):
                if (token.ner == "PERSON" and token.pos != "POS") or token.word.lower().strip(".") in SUFFIXES:
                    run.append(token)  # the name goes on (a suffix CoreNLP left untagged included: "Biden Jr.")
                    continue
            if run:
                self._add(run, text)
                run = []
            if (
                token is not None
                and token.start >= body_start
                and token.ner == "PERSON"
                and token.pos != "POS"
                and _name_word(token)
                and not _overlap(token.start, token.end, skip)
            ):
                run.append(token)
        keys = list(self.shown)
        self.longest = [k for k in keys if not any(part_of(k, other) for other in keys)]
        self.parents = {k: [m for m in self.longest if m == k or part_of(k, m)] for k in keys}

    def _add(self, run: list[Token], text: str) -> None:
        while len(run) > 1 and (run[0].word.lower().strip(".") in TITLES or not run[0].word[:1].isupper()):
            run = run[1:]
        shown = text[run[0].start : run[-1].end].split("/")[0]  # "Gary Cameron/Reuters": a photo credit
        key = _name_key(shown)
        if not key or not shown[0].isupper() or key[-1] in NOT_PERSON_LAST:
            return
        self.shown.setdefault(key, shown)
        for token in run:
            self.run_of[(token.sentence, token.index)] = key

    def names(self) -> list[str]:
        return [self.shown[k] for k in self.longest]

    def person_at(self, token: Token) -> tuple[str, ...] | None:
        """The person (key of the fullest name) the name at this token stands for, or None: it is part of
        several people's names. (CoreNLP's coreference is no help there: it joins same-surname mentions.)"""
        key = self.run_of.get((token.sentence, token.index))
        if key is None:
            return None
        parents = self.parents[key]
        return parents[0] if len(parents) == 1 else None

    def person_named(self, token: Token) -> tuple[str, ...] | None:
        """The person a capitalised word CoreNLP did not tag PERSON names ("Trump" tagged O), if it is one
        word of the fullest name of exactly one person."""
        word = _name_key(token.word)
        parents = [k for k in self.longest if word and word[0] in k]
        return parents[0] if len(parents) == 1 else None

    def _chain_keys(self, chain: list[tuple[int, int, int, int]]) -> set[tuple[str, ...]]:
        keys = set()
        for sentence, _, _, head in chain:
            key = self.run_of.get((sentence, head))
            if key is not None and len(self.parents[key]) == 1:
                keys.add(self.parents[key][0])
        return keys

    def chain_of(self, token: Token) -> list[tuple[int, int, int, int]] | None:
        best = None
        for chain in self.doc.chains:
            for sentence, start, end, head in chain:
                if sentence != token.sentence or not start <= token.index < end:
                    continue
                if head == token.index:
                    return chain
                if best is None or end - start < best[0]:
                    best = (end - start, chain)
        return best[1] if best else None

    def chain_people(self, token: Token) -> tuple[set[tuple[str, ...]], bool, bool]:
        """People named in the coreference chain of a token; whether an organisation heads a mention; and
        whether the chain mixes he and she (then it joins two people, whatever names it holds)."""
        chain = self.chain_of(token)
        if not chain:
            return set(), False, False
        heads = [t for s, _, _, h in chain if (t := self.doc.by_id.get((s, h))) is not None]
        org = any(t.ner == "ORGANIZATION" for t in heads)
        words = {t.word.lower() for t in heads}
        mixed = bool(words & {"he", "him", "his"}) and bool(words & {"she", "her", "hers"})
        return self._chain_keys(chain), org, mixed


# --- Speakers -------------------------------------------------------------------------------------


def source_head(doc: Document, spans: list[tuple[int, int]]) -> tuple[Token | None, list[Token]]:
    inside = [t for t in doc.tokens if _overlap(t.start, t.end, spans)]
    ids = {(t.sentence, t.index) for t in inside}
    heads = [t for t in inside if (t.sentence, t.governor) not in ids]
    nominal = [t for t in heads if t.pos.startswith(("NN", "PRP", "CD"))]
    named = [t for t in nominal if t.ner == "PERSON"]  # a parse that cut "widow Jane Doe" in two
    return (named or nominal or heads or [None])[0], inside


def speaker_of(attribution: Attribution, doc: Document, people: People) -> tuple[str | None, str, str]:
    """(speaker, speaker_kind, rule) for the quotations of one attribution."""
    if not attribution.source:
        return None, "unnamed", "no source"
    head, inside = source_head(doc, attribution.source)
    if head is None:
        return None, "unresolved", "source outside the tokens"

    def person(token: Token, rule: str) -> tuple[str | None, str, str]:
        key = people.person_at(token)
        if key is None:
            return None, "unresolved", "name part of several people"
        return people.shown[key], "person", rule

    if head.ner == "PERSON":
        conj = [t for t in inside if t.relation == "conj" and t.governor == head.index and t.ner == "PERSON"]
        if conj:
            return None, "unresolved", "several people"
        return person(head, "name")
    for t in inside:
        if t.governor == head.index and t.relation in ("appos", "dep") and t.ner == "PERSON":
            return person(t, "appositive name")
    word = head.word.lower()
    dets = {t.word.lower() for t in inside if t.governor == head.index and t.relation == "det"}
    if dets & INDEFINITE or any(t.relation == "nummod" for t in inside if t.governor == head.index):
        return None, "unnamed", "indefinite"
    if word in ORGANISATION_NOUNS or (head.pos == "NNS" and word.rstrip("s") in ORGANISATION_NOUNS):
        return None, "organisation", "organisation noun"
    if all(t.word[:1].isupper() or not t.word.isalnum() for t in inside):
        key = people.person_named(head)
        if key is not None:
            return people.shown[key], "person", "name not tagged PERSON"
    if head.ner in ("ORGANIZATION", "LOCATION"):
        return None, "organisation", f"{head.ner.lower()} name"
    chained, org, mixed = people.chain_people(head)
    if chained and mixed:
        return None, "unresolved", "coreference mixes he and she"
    if len(chained) == 1:
        return people.shown[chained.pop()], "person", "coreference"
    if chained:
        return None, "unresolved", "coreference names several people"
    if word in PERSON_PRONOUNS:
        return None, "unresolved", "pronoun not resolved"
    if word == "it":
        return None, "organisation", "it"
    if word.startswith("spokes"):
        return None, "organisation", "spokesperson"
    if word in GROUP_PRONOUNS or head.ner == "MISC" or head.pos in ("NNS", "NNPS"):
        return None, "unnamed", "group"
    if org:
        return None, "organisation", "coreference to an organisation"
    return None, "unresolved", "description not resolved"


# --- One article ----------------------------------------------------------------------------------


def convert_article(name: str, text: str, ann: str, xml: str | bytes, stats: Counter | None = None) -> dict:
    """One case in the bench's gold format from an article's text, annotations and CoreNLP output."""
    stats = stats if stats is not None else Counter()
    head_end = text.find("\n\n")
    head_end = len(text) if head_end < 0 else head_end
    body_start = head_end + 2
    body, origin = clean_body(text[body_start:])
    doc = read_corenlp(xml)
    tags = [(m.start() + body_start, m.end() + body_start) for m in CLEAN_RE.finditer(text[body_start:])]
    people = People(doc, text, body_start, tags)
    attributions = read_attributions(ann)
    units = [(a, b, origin[a] + body_start, origin[b - 1] + 1 + body_start) for a, b in quote_units(body)]
    quoted = [(start - 1, end + 1) for _, _, start, end in units]  # with their marks
    quotes = []
    for a, b, start, end in units:
        unit = body[a:b]
        best = max(attributions, key=lambda att: _overlap(start, end, att.content), default=None)
        if best is None or 2 * _overlap(start, end, best.content) < end - start:
            stats["quoted unit outside attributions"] += 1
            continue
        if len(unit.split()) < 3 and _paraphrase(text, best.content, quoted):
            stats["scare quote (1-2 words in a paraphrase)"] += 1
            continue
        if is_title(unit) and _paraphrase(text, best.content, quoted):
            stats["title or slogan"] += 1
            continue
        speaker, kind, rule = speaker_of(best, doc, people)
        stats[f"speaker {kind}: {rule}"] += 1
        quotes.append(
            {
                "text": unit,
                "speaker": speaker,
                "speaker_kind": kind,
                "partial": unit[:1].islower(),
                "source": " ".join(text[x:y] for x, y in sorted(best.source)),
                "rule": rule,
            }
        )
    stats["quotations"] += len(quotes)
    stats["articles"] += 1
    names = people.names()
    stats["people"] += len(names)
    return {
        "id": name,
        "style": name.split("_", 1)[0],
        "headline": " ".join(text[:head_end].split()),
        "body": body,
        "people": names,
        "quotes": quotes,
    }


# --- Whole splits ---------------------------------------------------------------------------------


def split_files(src: Path, split: str) -> list[tuple[str, Path, Path, Path | None]]:
    """(name, text, annotation, corenlp or None) of each article of a split, chosen by path alone."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not to be read: only {', '.join(SPLITS)}")
    base = src / "data" / split
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        match = ANN_NAME_RE.match(ann.name)
        if match:
            chosen.setdefault(match["name"], ann)
    files = []
    for name, ann in sorted(chosen.items()):
        corenlp = base / "corenlp" / f"{name}.txt.xml"
        files.append((name, base / "text" / f"{name}.txt", ann, corenlp if corenlp.is_file() else None))
    return files


def convert_split(src: Path, split: str, out: Path) -> Counter:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    stats: Counter = Counter()
    for name, text_path, ann_path, xml_path in split_files(src, split):
        if xml_path is None or not text_path.is_file():
            stats["skipped: no CoreNLP file" if xml_path is None else "skipped: no text file"] += 1
            continue
        case = convert_article(
            name,
            text_path.read_text(encoding="utf-8"),
            ann_path.read_text(encoding="utf-8"),
            xml_path.read_bytes(),
            stats,
        )
        (out / f"{name}.json").write_text(json.dumps(case, ensure_ascii=False, indent=1), encoding="utf-8")
    report = "\n".join(f"{count:>7}  {what}" for what, count in sorted(stats.items()))
    (out / "CONVERSION.txt").write_text(f"PolNeAR {split}, converted by bench/polnear.py\n\n{report}\n")
    return stats


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    src, out = Path(argv[0]), Path(argv[1])
    if not (src / "data" / "train" / "attributions").is_dir():
        print(f"{src} is not a PolNeAR copy (no data/train/attributions)", file=sys.stderr)
        return 1
    for split in SPLITS:
        stats = convert_split(src, split, out / f"polnear-{split}")
        print(
            f"polnear-{split}: {stats['articles']} articles, {stats['quotations']} quotations, "
            f"{stats['people']} people -> {out / f'polnear-{split}'} (rules applied: CONVERSION.txt)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
