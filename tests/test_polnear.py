"""bench/polnear.py's conversion rules, on a fictional article written in PolNeAR's layout
(tests/data/polnear: text, brat attributions, CoreNLP XML). The real corpus is never needed here."""

import json
import pathlib
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import polnear  # noqa: E402 (bench/ is not a package)

FIXTURE = ROOT / "tests" / "data" / "polnear"


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    out = tmp_path_factory.mktemp("realnews")
    assert polnear.main([str(FIXTURE), str(out)]) == 0
    (path,) = (out / "polnear-train").glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def quotes(case):
    return {q["text"]: q for q in case["quotes"]}


def test_headline_and_body(case):
    assert case["id"] == "courier_2016-03-01_harbour-council-votes-on-ferry-f"
    assert case["style"] == "courier"
    assert case["headline"] == "Harbour council votes on ferry fares"
    assert case["body"].startswith("Mayor Orla Kestrel said on Monday")
    # PolNeAR's <tweet> tags go, their text stays; the NYT files' '' is a double quotation mark.
    assert "<tweet" not in case["body"] and "Ferries are a lifeline, not a luxury." in case["body"]
    assert "''" not in case["body"] and '"We will look again in spring," said' in case["body"]


def test_only_quoted_text_in_attributions_is_a_quotation(case):
    assert list(quotes(case)) == [
        "We cannot keep the boats running on goodwill alone,",
        "Fares,",  # one word, but the whole content is quoted: “Fares,” she said, “…”
        "have not moved in nine years.",
        "a tax on islanders who have no other way home.",
        "regrettable but unavoidable this winter.",
        "Nobody asked the people on the boats,",
        "It is a disgrace,",
        "We will look again in spring,",
    ]
    # Not there: the paraphrase "that fares would rise", the scare quote “cash grab” in a paraphrase,
    # the slogan “Fair Fares For Islanders”, the inch mark in 6'3", the tweet's attribute values.


def test_speakers_from_the_source_span(case):
    q = quotes(case)
    # A name: the fullest form of that person's name in the body, without the title CoreNLP tagged with it.
    assert q["We cannot keep the boats running on goodwill alone,"]["speaker"] == "Orla Kestrel"
    assert q["We cannot keep the boats running on goodwill alone,"]["rule"] == "name"
    # A pronoun, through CoreNLP's coreference chain.
    assert q["Fares,"]["speaker"] == q["have not moved in nine years."]["speaker"] == "Orla Kestrel"
    assert q["Fares,"]["rule"] == "coreference"
    # "Opposition leader Tomas Brandt": the head of the span is the name; "Tomas Brandt Jr." is someone else.
    assert q["a tax on islanders who have no other way home."]["speaker"] == "Tomas Brandt"
    # "the council's finance chief, Lena Marsh-Okafor": the appositive names her.
    assert q["We will look again in spring,"]["speaker"] == "Lena Marsh-Okafor"
    assert q["We will look again in spring,"]["rule"] == "appositive name"
    assert all(q[t]["speaker_kind"] == "person" for t in list(q)[:4] + ["We will look again in spring,"])


def test_speakers_that_are_no_person(case):
    q = quotes(case)
    company = q["regrettable but unavoidable this winter."]
    assert (company["speaker"], company["speaker_kind"], company["rule"]) == (None, "organisation", "organisation noun")
    passenger = q["Nobody asked the people on the boats,"]
    assert (passenger["speaker"], passenger["speaker_kind"]) == (None, "unnamed")
    # "he" that no coreference chain resolves: the gold has no answer, and scoring leaves it out.
    pronoun = q["It is a disgrace,"]
    assert (pronoun["speaker"], pronoun["speaker_kind"], pronoun["rule"]) == (
        None,
        "unresolved",
        "pronoun not resolved",
    )


def test_people_are_person_names_in_their_fullest_form(case):
    # "Mayor" dropped, "Kestrel" and "Brandt" alone are parts of longer names, "Jr." that CoreNLP left
    # untagged is kept, and a suffixed name is another person.
    assert case["people"] == ["Orla Kestrel", "Tomas Brandt", "Lena Marsh-Okafor", "Tomas Brandt Jr.", "Ewan Doyle"]


def test_the_first_annotators_file_is_used(case):
    # The fixture has a second, empty annotation file (…_ffff.ann): with it the article would have no quotes.
    assert len(case["quotes"]) == 8


def test_quotation_units():
    body = (
        "“Outer with “inner” words,” she said. He is 6'3\" tall.\n"
        "”Typed backwards,” he wrote.\n"
        "“Left open at the line end\n"
        '“Curly, with "straight" inside,” they said. "Straight," we said.'
    )
    units = [body[a:b] for a, b in polnear.quote_units(body)]
    assert units == [
        "Outer with “inner” words,",
        "Typed backwards,",
        "Left open at the line end",
        'Curly, with "straight" inside,',
        "Straight,",
    ]


def test_titles_and_names():
    assert polnear.is_title("Fair Fares For Islanders")
    assert polnear.is_title("The Art of the Deal.")
    assert not polnear.is_title("We will look again, in spring.")
    assert not polnear.is_title("a tax on islanders")
    assert polnear.part_of(("clinton",), ("hillary", "clinton"))
    assert not polnear.part_of(("donald", "trump"), ("donald", "trump", "jr"))
    assert polnear.part_of(("trump",), ("donald", "trump", "jr"))


def test_the_test_split_is_never_read(tmp_path, monkeypatch):
    src = tmp_path / "PolNeAR"
    shutil.copytree(FIXTURE, src)
    shutil.copytree(src / "data" / "train", src / "data" / "test")
    opened = []
    real_open = pathlib.Path.open

    def spy(self, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", spy)
    assert polnear.main([str(src), str(tmp_path / "out")]) == 0
    assert opened and not [p for p in opened if "test" in p.relative_to(tmp_path).parts]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["polnear-dev", "polnear-train"]
    with pytest.raises(ValueError, match="not to be read"):
        polnear.split_files(src, "test")


def test_source_head_prefers_a_name_the_parse_cut_off():
    """CoreNLP's parse of "9/11 widow Terry Strada said" makes "widow" and "Strada" two heads: the name wins."""
    T = polnear.Token
    tokens = [
        T(1, 1, 0, 4, "9/11", "CD", "NUMBER", 2, "nummod"),
        T(1, 2, 5, 10, "widow", "NN", "O", 9, "dobj"),
        T(1, 3, 11, 16, "Terry", "NNP", "PERSON", 4, "compound"),
        T(1, 4, 17, 23, "Strada", "NNP", "PERSON", 5, "nsubj"),
        T(1, 5, 24, 28, "said", "VBD", "O", 0, "root"),
    ]
    doc = polnear.Document(tokens, {(t.sentence, t.index): t for t in tokens}, [])
    head, inside = polnear.source_head(doc, [(0, 23)])
    assert head.word == "Strada" and len(inside) == 4


def _people(pieces: list[tuple[str, str, str]]) -> list[str]:
    """The gold people of a body made of (word, NER tag, what follows it) tokens, one sentence."""
    text, tokens = "", []
    for index, (word, ner, after) in enumerate(pieces, 1):
        tokens.append(polnear.Token(1, index, len(text), len(text) + len(word), word, "NNP", ner))
        text += word + after
    doc = polnear.Document(tokens, {(1, t.index): t for t in tokens}, [])
    return polnear.People(doc, text, 0).names()


def test_a_name_stops_at_a_paragraph_break_a_bracket_a_web_address_or_a_credits_slash():
    # CoreNLP tags these runs PERSON whole; the gold people are the names in them, not the runs.
    assert _people(
        [("Ada", "PERSON", " "), ("B.", "PERSON", "\n\n"), ("Sexton", "PERSON", " "), ("said", "O", ".")]
    ) == [
        "Ada B.",
        "Sexton",
    ]
    assert _people([("Newt", "PERSON", " "), ("[", "PERSON", ""), ("Quarrie", "PERSON", "] "), ("said", "O", ".")]) == [
        "Newt",
        "Quarrie",
    ]
    assert _people(
        [("Ken", "PERSON", " "), ("Tobin", "PERSON", " "), ("https://harbour.example/kt", "PERSON", "")]
    ) == ["Ken Tobin"]
    assert _people([("Gary", "PERSON", " "), ("Cameron/Harbour", "PERSON", "")]) == ["Gary Cameron"]


def test_titles_before_a_name_are_not_part_of_it():
    assert _people([("Pope", "PERSON", " "), ("Ambrose", "PERSON", " "), ("spoke", "O", ".")]) == ["Ambrose"]
    assert _people([("Representative", "PERSON", " "), ("Ilse", "PERSON", " "), ("Varga", "PERSON", ".")]) == [
        "Ilse Varga"
    ]


def test_a_name_written_with_a_no_break_space_is_one_person():
    # "Mayor Orla\u00a0Kestrel spoke.": CoreNLP gives "Orla" and "Kestrel" as two tokens, both PERSON, with a
    # no-break space between them; the name is one person, not "Orla" and "Kestrel".
    text = "Mayor Orla\u00a0Kestrel spoke."
    words = [("Mayor", "NNP", "O"), ("Orla", "NNP", "PERSON"), ("Kestrel", "NNP", "PERSON"), ("spoke", "VBD", "O")]
    tokens, at = [], 0
    for index, (word, pos, ner) in enumerate(words, start=1):
        start = text.index(word, at)
        tokens.append(polnear.Token(1, index, start, start + len(word), word, pos, ner))
        at = start + len(word)
    doc = polnear.Document(tokens, {(t.sentence, t.index): t for t in tokens}, [])
    assert polnear.People(doc, text, 0).names() == ["Orla\u00a0Kestrel"]
