"""Score the quote/people extractor against the hand-written evaluation set in bench/eval.

    python -m articles.ingest.evaluate [folder] [-v] [-n N]

Matching rules: quote texts compare after lower-casing, stripping whitespace and punctuation from
both ends and collapsing inner whitespace; within one article each gold quote matches at most one
prediction. Speakers and people compare lower-cased with accents folded.

Speaker kinds: the speaker figure counts the gold quotes whose speaker_kind is "person" (a quote
missed counts as a wrong speaker). "organisation" and "unnamed" quotes have no person to find:
nonperson_given_person is the share of those that were found but given a person as speaker (lower
is better). "unresolved" (converted sets such as PolNeAR's, bench/polnear.py: the annotation names
a speaker the converter could not resolve to a name) counts in neither. A gold quote may say which
rule of its converter gave the speaker ("rule"); speaker_by_rule then splits the speaker figure by it.
speaker_named_right is the other side: of the found quotations given a person, the share given the
right one (a speaker left unresolved lowers the speaker figure, a wrong one both).

People: the people found are the article's people and its quotations' speakers (Extraction.mentioned()), as the
archive stores a mention of each (a speaker named only next to the reporting verb, "Melanie said", is in no people
list).

Error kinds (error_kinds, printed with --kinds): every error counted under a kind read off the error
itself, so a run says what is left to fix: a wrong or missing speaker under the extractor's rule that
decided it (the part of Quote.evidence before its colon), a missed or spurious person by whether the
name is one word or more.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .quotes import Extraction, extract

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "bench" / "eval"
# ASCII punctuation plus the typographic marks that end or open quoted text.
_EDGE_PUNCT = string.punctuation + "“”‘’„«»…—–\u00a0 \t\n"


def normalise_quote(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().strip(_EDGE_PUNCT))


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.lower())
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c))).strip()


def load_cases(folder: Path) -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(Path(folder).glob("*.json"))]


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _rule(quote) -> str:
    """The extractor's rule that decided a quotation's speaker: Quote.evidence up to its words."""
    return quote.evidence.split(":")[0].strip() or "no attribution found"


def _name_kind(name: str) -> str:
    return "one-word name" if len(name.split()) == 1 else "full name"


def _score_case(
    case: dict, result: Extraction, tally: dict, errors: list[str], by_rules: dict, kinds: Counter, people_kinds: dict
) -> None:
    cid = case.get("id", "?")
    gold = case.get("quotes", [])
    predicted = list(result.quotes)
    used = [False] * len(predicted)
    for g in gold:
        key = normalise_quote(g["text"])
        match = next((i for i, q in enumerate(predicted) if not used[i] and normalise_quote(q.text) == key), None)
        kind = g.get("speaker_kind")
        is_person = kind == "person"
        tally["person_quotes"] += is_person
        by_rule = by_rules.setdefault(g["rule"], [0, 0]) if is_person and "rule" in g else [0, 0]
        by_rule[1] += 1
        if match is None:
            errors.append(f"{cid}: missed quote “{g['text'][:60]}”")
            kinds["quotation missed"] += 1
            continue
        used[match] = True
        tally["matched"] += 1
        if is_person:
            tally["person_named"] += bool(predicted[match].speaker)
            if normalise_name(predicted[match].speaker) == normalise_name(g.get("speaker")):
                tally["speaker_ok"] += 1
                tally["named_right"] += bool(predicted[match].speaker)  # two empty names are no naming
                by_rule[0] += 1
            else:
                errors.append(
                    f"{cid}: speaker of “{g['text'][:40]}” is {predicted[match].speaker!r} "
                    f"(as written {predicted[match].speaker_as_written!r}), gold {g.get('speaker')!r}"
                )
                wrong = "another person" if predicted[match].speaker else "no person"
                kinds[f"speaker: {wrong}, by rule '{_rule(predicted[match])}'"] += 1
        elif kind in ("organisation", "unnamed"):
            tally["nonperson_quotes"] += 1
            if predicted[match].speaker:
                tally["nonperson_given_person"] += 1
                errors.append(f"{cid}: speaker of “{g['text'][:40]}” is {predicted[match].speaker!r}, gold {kind}")
                kinds[f"speaker: {kind} given a person, by rule '{_rule(predicted[match])}'"] += 1
    for i, q in enumerate(predicted):
        if not used[i]:
            errors.append(f"{cid}: spurious quote “{q.text[:60]}”")
            kinds["quotation spurious"] += 1
    tally["gold_quotes"] += len(gold)
    tally["predicted_quotes"] += len(predicted)

    gold_people = {normalise_name(n) for n in case.get("people", [])}
    found_people = {normalise_name(name) for name in result.mentioned()}  # the people and the speakers
    tally["people_ok"] += len(gold_people & found_people)
    tally["gold_people"] += len(gold_people)
    tally["predicted_people"] += len(found_people)
    for kind in ("full name", "one-word name"):  # [right, gold, found] (see people_by_kind)
        counts = people_kinds.setdefault(kind, [0, 0, 0])
        for k, names in enumerate((gold_people & found_people, gold_people, found_people)):
            counts[k] += sum(_name_kind(n) == kind for n in names)
    errors.extend(f"{cid}: missed person {n!r}" for n in sorted(gold_people - found_people))
    errors.extend(f"{cid}: spurious person {n!r}" for n in sorted(found_people - gold_people))
    kinds.update(f"person missed: {_name_kind(n)}" for n in gold_people - found_people)
    kinds.update(f"person spurious: {_name_kind(n)}" for n in found_people - gold_people)


def score(cases: list[dict], extract_fn: Callable[[str, str], Extraction] = extract) -> dict:
    tally = dict.fromkeys(
        (
            "matched",
            "gold_quotes",
            "predicted_quotes",
            "person_quotes",
            "speaker_ok",
            "people_ok",
            "gold_people",
            "predicted_people",
            "nonperson_quotes",
            "nonperson_given_person",
            "person_named",
            "named_right",
        ),
        0,
    )
    errors: list[str] = []
    by_rules: dict[str, list[int]] = {}
    kinds: Counter = Counter()
    people_kinds: dict[str, list[int]] = {}
    for case in cases:
        result = extract_fn(case.get("headline", ""), case["body"])
        _score_case(case, result, tally, errors, by_rules, kinds, people_kinds)
    precision = _ratio(tally["matched"], tally["predicted_quotes"])
    recall = _ratio(tally["matched"], tally["gold_quotes"])
    return {
        "quote_precision": precision,
        "quote_recall": recall,
        "quote_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "speaker_accuracy": _ratio(tally["speaker_ok"], tally["person_quotes"]),
        # Of the found quotations we gave a person (a person's or an organisation's or unnamed speaker's quote
        # in the gold), the share given the right one: what a person page shows is this often right. A
        # speaker left unresolved lowers speaker_accuracy but not this.
        "speaker_named_right": _ratio(tally["named_right"], tally["person_named"] + tally["nonperson_given_person"]),
        "nonperson_given_person": tally["nonperson_given_person"] / tally["nonperson_quotes"]
        if tally["nonperson_quotes"]
        else 0.0,
        "people_precision": _ratio(tally["people_ok"], tally["predicted_people"]),
        "people_recall": _ratio(tally["people_ok"], tally["gold_people"]),
        # The same two figures for full names ("Ana Ruiz") and for one-word names ("Ruiz", "Obama"), apart: a
        # converted gold set's one-word names are mostly its tagger's (PolNeAR's CoreNLP tags "God", "Fox",
        # "Obamacare" PERSON) or a person the article names by surname only, whom the extractor leaves to the
        # archive's known people (archive.py) rather than guess. kind -> (precision, recall, gold count)
        "people_by_kind": {
            kind: (_ratio(right, found), _ratio(right, gold), gold)
            for kind, (right, gold, found) in people_kinds.items()
        },
        "articles": len(cases),
        "quotes": tally["gold_quotes"],
        "person_quotes": tally["person_quotes"],
        # Gold quotes saying which rule gave their speaker ("rule", as bench/polnear.py writes): rule -> [right, all]
        "speaker_by_rule": by_rules,
        "errors": errors,
        "error_kinds": kinds,
    }


def _configure_django() -> None:
    """The extractor reads settings (the site's language, the language model's cache folder), so a
    command run outside manage.py uses the project's own; no database is opened."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    django.setup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m articles.ingest.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the first errors")
    parser.add_argument("-n", type=int, default=40, help="how many errors to list with -v (default 40)")
    parser.add_argument("--kinds", action="store_true", help="count the errors by kind, most frequent first")
    args = parser.parse_args(argv)
    _configure_django()
    cases = load_cases(args.folder)
    if not cases:
        print(f"no *.json cases in {args.folder}", file=sys.stderr)
        return 1
    result = score(cases)
    print(f"articles {result['articles']}, gold quotes {result['quotes']}")
    keys = (
        "quote_precision",
        "quote_recall",
        "quote_f1",
        "speaker_accuracy",
        "speaker_named_right",
        "people_precision",
        "people_recall",
    )
    for key in (*keys, "nonperson_given_person"):
        print(f"{key:18} {result[key]:.3f}")
    for kind, (precision, recall, gold) in result["people_by_kind"].items():
        print(f"people, {kind + ':':15} precision {precision:.3f} recall {recall:.3f} ({gold} gold)")
    if args.verbose:
        print(f"\n{len(result['errors'])} errors" + (f", first {args.n}:" if len(result["errors"]) > args.n else ":"))
        for line in result["errors"][: args.n]:
            print("  " + line)
    if args.kinds:
        print(f"\nerror kinds ({sum(result['error_kinds'].values())} errors):")
        for kind, count in result["error_kinds"].most_common():
            print(f"{count:>6}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
