#!/usr/bin/env python
"""The Gender Gap Tracker's human-annotated evaluation articles as a held-out set in the bench's gold
format (issue 13.2: the figures that count are on held-out real news).

    python bench/gendergap.py SRC OUT

SRC is a checkout of github.com/sfu-discourse-lab/GenderGapTracker at a commit that still has its
English evaluation data (commits fe82ba2 to 69d2932, October 2020 to September 2022; the files were
removed after that), OUT the real-news folder ($NEWSARCHIVE_REALNEWS). It reads two files of SRC:
  NLP/evaluation/src/rawtext.zip: rawtext/<id>.txt, the text of each article as the annotators read it;
  NLP/evaluation/src/eval/AnnotationTable_byArticle_withReplacementArticles.xlsx: one row an article
    (_id, outlet, articleBodyText, articleURL, people, quotations as a JSON list, …).
It writes OUT/gendergap/*.json, one case per article in the format articles/ingest/evaluate.py reads
(bench/eval/README.md), and OUT/gendergap/CONVERSION.txt with the counts of what each rule did. The
texts are real news: they stay outside the repository. Nobody tunes the extractor on this set: it is
the held-out check beside PolNeAR's train and dev splits.

The corpus (Asr, Mazraeh, Lopes, Gautam, Gonzales, Rao and Taboada, "The Gender Gap Tracker: Using
Natural Language Processing to measure gender bias in media", PLoS ONE 16(1), 2021) is 98 Canadian
news articles from late 2018 and early 2019, 14 from each of CBC News, CTV News, Global News, HuffPost
Canada, the National Post, The Globe and Mail and the Toronto Star, annotated by hand following the
project's "Manual Annotation Guidelines" (NLP/evaluation/docs/): every quotation, direct or indirect,
with its speaker as written and a "reference", the most complete name of the person (or the
organisation or group) that said it; and the people mentioned by name in the article, in full form.
The tables are read with the standard library (an .xlsx file is a zip of XML).

The rules
---------

Article. The id is the article's _id, its last 24 hexadecimal digits (one row writes it
"ObjectId5c54…)" without its opening bracket); a row without one, or without its rawtext/<id>.txt, is
skipped. The body is rawtext/<id>.txt as it is (the table's articleBodyText is the same text, some
rows with "\n .\n " between paragraphs); the quotation annotations are found in it. The corpus has no
headlines: "headline" is empty. The style is the outlet ("CBC News" -> "cbc-news").

Quotations cell. The annotators pasted JSON lists; a cell that holds several lists one after another,
or a list running into a second "[" without its "]" (one article), is read as their concatenation. A
cell that is still not JSON skips the article: its gold quotations would be incomplete.

Annotated spans. Each annotation's "quote" (stripped) is looked for in the body; where it occurs more
than once, the occurrence nearest the annotation's quote_index is taken (the indices themselves are
often off by a few characters, so they only choose among exact matches). An annotation whose text is
not in the body is counted and dropped.

Quotations (gold "quotes"). The archive extracts direct quotations only, and the annotation holds
direct and indirect ones, so a gold quotation is a quoted unit of the body found with the bench's gold
rules, exactly as bench/polnear.py finds them (its quote_units: the text between an opening double
mark and its closing mark, marks excluded, a unit ending at a line break, inner quotations inside the
outer one, inch marks skipped). A unit is a gold quotation when
  1. at least half of its characters lie inside one annotated span (the one holding most of it); the
     annotators left out quotations in headings of related articles and photo captions, and never
     annotated scare quotes or titles, so quoted units outside every annotation are not quotations; and
  2. the annotation has no words outside quotation marks ("Never," he said / “A,” she said, “B.”), or
     else the unit has three words or more and is not a title: one or two quoted words inside a
     paraphrase are scare quotes, a capitalised phrase without inner sentence punctuation a title or
     slogan (bench/polnear.py's is_title).
Indirect quotations (no quotation marks) give no gold quotation. "partial" is true when the unit starts
with a lower-case letter (evaluate.py does not score it).

Speaker (gold "speaker", "speaker_kind"). From the annotation's "reference" (stripped), the first rule
that applies deciding:
  - the reference is a name of the article's people list (compared case-folded, curly and straight
    apostrophes alike): that person, in the list's form;
  - it is a word-subset of exactly one listed name ("Trump" for "Donald Trump"): that person;
  - it joins two or more listed names ("Kim and Clark Moran"): "unresolved" (several speakers);
  - an empty reference: "unresolved" (no speaker annotated);
  - it names a spokesperson ("A Freedom Mobile spokesperson"): "organisation", the bench's rule for
    spokespeople;
  - it starts with an indefinite word ("a person familiar with …", "some experts", "another player")
    or its head (the words before "of", "with", "from", "at", "in", "for", "familiar", "who") ends in a
    plural noun in lower case or as its first word ("authorities", "Republican senators", "Officials"),
    or is "people", "staff", "public": "unnamed", speaker null;
  - anything else (a firm, ministry, party, team, report or a name the annotators did not list as a
    person: "BC Hydro", "The RCMP", "Veterans Affairs"): "organisation", speaker null.
The annotators listed every person named in the article ("people") and were told that the reference
of a person is the person's fullest name, so a reference outside the people list is, in their
judgement, no named person. The split between "organisation" and "unnamed" is approximate, and does
not matter to the figures: evaluate.py scores both alike (a person given as their speaker counts in
nonperson_given_person). "unresolved" quotations count in no speaker figure. Each gold quote also
carries "source" (the speaker as written, often a pronoun or empty: the annotators resolved it) and
"rule" (which rule above decided); evaluate.py splits the speaker figure by rule.

People (gold "people"). The annotators' people list, each name stripped, empty and repeated names
dropped. By their guidelines it holds every person mentioned at least once by name in the article, in
the fullest form the article gives, and leaves out people named only in bylines, photo credits or
headings of related articles. Unlike PolNeAR's people (CoreNLP's NER), this list is human.
"""

from __future__ import annotations

import io
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import _overlap, _paraphrase, is_title, quote_units  # noqa: E402 (bench/ is not a package)

RAWTEXT = Path("NLP/evaluation/src/rawtext.zip")
TABLE = Path("NLP/evaluation/src/eval/AnnotationTable_byArticle_withReplacementArticles.xlsx")
SET_NAME = "gendergap"
ID_RE = re.compile(r"[0-9a-f]{24}(?=\W*$)")  # the last 24 hex digits of the cell
INDEX_RE = re.compile(r"\d+")
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
INDEFINITE = {"a", "an", "another", "any", "one", "some", "several", "many", "most", "few", "other", "others", "both"}
UNCLOSED_RE = re.compile(r"\}\s*\[\s*\{")  # a list that runs into a second one without its "]"
HEAD_END = {"of", "with", "from", "at", "in", "for", "familiar", "who", "on", "to"}
GROUP_WORDS = {"people", "staff", "public", "crowd", "residents"}


# --- Reading the table ----------------------------------------------------------------------------


def _cell_text(element: ET.Element | None) -> str:
    return "".join(t.text or "" for t in element.iter(f"{NS}t")) if element is not None else ""


def read_table(xlsx: bytes) -> list[dict[str, str]]:
    """The first sheet of an .xlsx file as a list of rows keyed by the first row's column names."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        names = set(z.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            shared = [_cell_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(f"{NS}si")]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{NS}row"):
        cells = {}
        for cell in row.findall(f"{NS}c"):
            column = re.match(r"[A-Z]+", cell.get("r", "")).group()
            kind, value = cell.get("t"), cell.find(f"{NS}v")
            if kind == "inlineStr":
                cells[column] = _cell_text(cell.find(f"{NS}is"))
            elif value is not None:
                cells[column] = shared[int(value.text)] if kind == "s" else (value.text or "")
        rows.append(cells)
    if not rows:
        return []
    header = {column: name.strip() for column, name in rows[0].items()}
    return [{header[c]: v for c, v in row.items() if c in header} for row in rows[1:]]


def read_quotations(cell: str | None) -> list[dict] | None:
    """The annotations of one quotations cell: one JSON list, or several one after another. None: not JSON."""
    text, found, at = (cell or "").strip(), [], 0
    decoder = json.JSONDecoder()
    text = UNCLOSED_RE.sub("},\n{", text)
    while at < len(text):
        try:
            value, at = decoder.raw_decode(text, at)
        except ValueError:
            return None
        if not isinstance(value, list):
            return None
        found.extend(q for q in value if isinstance(q, dict))
        while at < len(text) and text[at] in " \t\r\n,":
            at += 1
    return found


def read_people(cell: str | None) -> list[str]:
    try:
        names = json.loads(cell or "[]")
    except ValueError:
        return []
    people: list[str] = []
    for name in names if isinstance(names, list) else []:
        name = " ".join(str(name).split())
        if name and _key(name) not in {_key(p) for p in people}:
            people.append(name)
    return people


# --- Rules ----------------------------------------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _words(name: str) -> set[str]:
    return {w.strip(".,") for w in _key(name).split() if w.strip(".,")}


def locate(body: str, annotation: dict) -> tuple[int, int] | None:
    """(start, end) in body of an annotation's quote text, the exact match nearest its quote_index."""
    text = (annotation.get("quote") or "").strip()
    starts = [m.start() for m in re.finditer(re.escape(text), body)]
    if not starts:
        return None
    index = INDEX_RE.findall(str(annotation.get("quote_index") or ""))
    near = int(index[0]) if index else 0
    start = min(starts, key=lambda s: abs(s - near))
    return start, start + len(text)


def speaker_of(annotation: dict, people: list[str]) -> tuple[str | None, str, str]:
    """(speaker, speaker_kind, rule) of one annotation, by the rules above."""
    reference = " ".join((annotation.get("reference") or "").split())
    by_key = {_key(p): p for p in people}
    if _key(reference) in by_key:
        return by_key[_key(reference)], "person", "name in people list"
    if not reference:
        return None, "unresolved", "no reference"
    words = _words(reference)
    containing = [p for p in people if words and words <= _words(p)]
    if len(containing) == 1 and not re.search(r"\band\b|,", reference):
        return containing[0], "person", "part of a name in people list"
    parts = [part for part in re.split(r",|\band\b|&", reference) if part.strip()]
    named = [part for part in parts if any(_words(part) and _words(part) <= _words(p) for p in people)]
    if len(parts) >= 2 and len(named) >= 2:
        return None, "unresolved", "several people"
    lowered = reference.lower()
    if "spokes" in lowered:
        return None, "organisation", "spokesperson"
    tokens = reference.split()
    if tokens[0].lower() in INDEFINITE:
        return None, "unnamed", "indefinite"
    head = []
    for token in tokens:
        if token.lower() in HEAD_END and head:
            break
        head.append(token)
    last = head[-1].strip(".,’'")
    plural = last.endswith("s") and not last.lower().endswith(("ss", "us", "is", "'s", "’s"))
    if last.lower() in GROUP_WORDS or (plural and (last[:1].islower() or len(head) == 1)):
        return None, "unnamed", "group"
    return None, "organisation", "not a listed person"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


# --- One article ----------------------------------------------------------------------------------


def convert_article(row: dict[str, str], body: str, stats: Counter | None = None) -> dict | None:
    """One case in the bench's gold format from a table row and its raw text; None: skipped."""
    stats = stats if stats is not None else Counter()
    annotations = read_quotations(row.get("quotations"))
    if annotations is None:
        stats["skipped: quotations cell not JSON"] += 1
        return None
    people = read_people(row.get("people"))
    spans = []
    for annotation in annotations:
        if not (annotation.get("quote") or "").strip():
            stats["annotation without quote text"] += 1
            continue
        where = locate(body, annotation)
        if where is None:
            stats["annotation not found in the body"] += 1
            continue
        spans.append((where, annotation))
    stats["annotations"] += len(annotations)
    units = quote_units(body)
    quoted = [(a - 1, b + 1) for a, b in units]  # with their marks
    quotes = []
    for a, b in units:
        unit = body[a:b]
        best = max(spans, key=lambda s: _overlap(a, b, [s[0]]), default=None)
        if best is None or 2 * _overlap(a, b, [best[0]]) < b - a:
            stats["quoted unit outside annotations"] += 1
            continue
        paraphrase = _paraphrase(body, [best[0]], quoted)
        if len(unit.split()) < 3 and paraphrase:
            stats["scare quote (1-2 words in a paraphrase)"] += 1
            continue
        if is_title(unit) and paraphrase:
            stats["title or slogan"] += 1
            continue
        speaker, kind, rule = speaker_of(best[1], people)
        stats[f"speaker {kind}: {rule}"] += 1
        quotes.append(
            {
                "text": unit,
                "speaker": speaker,
                "speaker_kind": kind,
                "partial": unit[:1].islower(),
                "source": " ".join((best[1].get("speaker") or "").split()),
                "rule": rule,
            }
        )
    stats["quotations"] += len(quotes)
    stats["articles"] += 1
    stats["people"] += len(people)
    return {
        "id": ID_RE.search(row.get("_id", "")).group(),
        "style": _slug(row.get("outlet", "")),
        "headline": "",
        "body": body,
        "people": people,
        "quotes": quotes,
    }


# --- The whole set --------------------------------------------------------------------------------


def convert(src: Path, out: Path) -> Counter:
    rows = read_table((src / TABLE).read_bytes())
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    stats: Counter = Counter()
    with zipfile.ZipFile(src / RAWTEXT) as texts:
        names = set(texts.namelist())
        for row in rows:
            match = ID_RE.search(row.get("_id", ""))
            if match is None:
                stats["skipped: row without an id"] += any(v.strip() for v in row.values())
                continue
            name = f"rawtext/{match.group()}.txt"
            if name not in names:
                stats["skipped: no raw text"] += 1
                continue
            case = convert_article(row, texts.read(name).decode("utf-8"), stats)
            if case is not None:
                (out / f"{case['id']}.json").write_text(
                    json.dumps(case, ensure_ascii=False, indent=1), encoding="utf-8"
                )
    stats = Counter({k: v for k, v in stats.items() if v})
    report = "\n".join(f"{count:>7}  {what}" for what, count in sorted(stats.items()))
    (out / "CONVERSION.txt").write_text(
        f"Gender Gap Tracker evaluation articles, converted by bench/gendergap.py\n\n{report}\n", encoding="utf-8"
    )
    return stats


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    src, out = Path(argv[0]), Path(argv[1])
    if not (src / TABLE).is_file() or not (src / RAWTEXT).is_file():
        print(
            f"{src} is not a GenderGapTracker checkout with its evaluation data ({TABLE}, {RAWTEXT})", file=sys.stderr
        )
        return 1
    stats = convert(src, out / SET_NAME)
    print(
        f"{SET_NAME}: {stats['articles']} articles, {stats['quotations']} quotations, {stats['people']} people "
        f"-> {out / SET_NAME} (rules applied: CONVERSION.txt)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
