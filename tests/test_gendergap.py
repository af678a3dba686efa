"""bench/gendergap.py's conversion rules, on fictional articles written in the Gender Gap Tracker's
layout (an .xlsx annotation table and a rawtext.zip), built here. The real corpus is never needed."""

import io
import json
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import gendergap  # noqa: E402 (bench/ is not a package)

BODY = (
    "KESTREL HARBOUR — The harbour council voted on Monday to raise ferry fares by a fifth.\n\n"
    "Mayor Orla Kestrel said the rise was overdue.\n\n"
    '"We cannot keep the boats running on goodwill alone," Kestrel said. "Fares have not moved in nine years," '
    "she added.\n\n"
    "Opposition leader Tomas Brandt called the rise “a tax on islanders who have no other way home” and a "
    "“cash grab.” He said the council had read “The Ferry Timetable Review” before voting.\n\n"
    '"It is regrettable but unavoidable," Harbour Ferries Ltd. said in a statement.\n\n'
    '"Nobody asked the people on the boats," one passenger said.\n\n'
    '"Our ferries, our say," Tomas Brandt and Lena Marsh-Okafor wrote in a joint letter.\n\n'
    "A Harbour Ferries spokesperson said “the timetable stays as it is for now.”\n\n"
    '"We will look again in spring," said Lena Marsh-Okafor, the council\'s finance chief.\n\n'
    'Protesters carried signs reading "Fair Fares For Islanders" outside the hall.\n\n'
    'Commuters answered with the same words: "We will look again in spring," they wrote.'
)
SHORT = 'Ewan Doyle opened the new pier.\n\n"It will outlast us all," Doyle said.'


def annotation(body, quote, reference, speaker="", after=0):
    start = body.index(quote, after)
    return {
        "speaker": speaker,
        "verb": "said",
        "quote": quote,
        "speaker_index": "",
        "verb_index": "",
        "quote_index": f"({start},{start + len(quote)})",
        "reference": reference,
    }


def quotations_cell():
    spring = BODY.index('"We will look again in spring,"')
    first = [
        annotation(BODY, "the rise was overdue", "Orla Kestrel", "Mayor Orla Kestrel"),  # indirect: no marks
        annotation(BODY, '"We cannot keep the boats running on goodwill alone,"', "Orla Kestrel", "Kestrel"),
        annotation(BODY, '"Fares have not moved in nine years,"', "Orla Kestrel", "she"),
        annotation(
            BODY,
            "“a tax on islanders who have no other way home” and a “cash grab.”",
            "Tomas Brandt",
            "Opposition leader Tomas Brandt",
        ),
        annotation(BODY, "the council had read “The Ferry Timetable Review” before voting", "Tomas Brandt", "He"),
        annotation(BODY, '"It is regrettable but unavoidable,"', "Harbour Ferries Ltd.", "Harbour Ferries Ltd."),
    ]
    second = [
        annotation(BODY, '"Nobody asked the people on the boats,"', "a passenger", "one passenger"),
        annotation(BODY, '"Our ferries, our say,"', "Tomas Brandt and Lena Marsh-Okafor"),
        annotation(BODY, "“the timetable stays as it is for now.”", "A Harbour Ferries spokesperson"),
        annotation(BODY, '"We will look again in spring,"', "Lena Marsh-Okafor"),
        # The same words again, later: the occurrence nearest quote_index is the one meant.
        annotation(BODY, '"We will look again in spring,"', "commuters", "they", after=spring + 5),
    ]
    # As in one real row: the first list runs into the second without its "]".
    return json.dumps(first, indent=2)[:-1].rstrip() + "\n[" + json.dumps(second, indent=2)[1:]


COLUMNS = ["", "_id", "outlet", "articleBodyText", "articleURL", "people", "quotations", "articleType"]
ROWS = [
    [
        "1",
        "ObjectId(5c00000000000000000000a1)",
        "Harbour Courier",
        BODY.replace("\n\n", "\n .\n "),
        "https://courier.example/fares",
        json.dumps(["Orla Kestrel ", "Tomas Brandt", " Lena Marsh-Okafor", "Orla Kestrel", ""]),
        quotations_cell(),
        "hard news",
    ],
    [
        "2",
        "ObjectId5c00000000000000000000b2)",  # as one real row writes it
        "Island Star",
        SHORT,
        "https://star.example/pier",
        json.dumps(["Ewan Doyle"]),
        json.dumps([annotation(SHORT, '"It will outlast us all,"', "Ewan Doyle", "Doyle")]),
        "hard news",
    ],
    ["3", "ObjectId(5c00000000000000000000c3)", "Island Star", SHORT, "", "[]", '[{"speaker": "Doyle",}', "opinion"],
    ["4", "ObjectId(5c00000000000000000000d4)", "Island Star", SHORT, "", "[]", "[]", "opinion"],
]


def xlsx(rows):
    """A one-sheet workbook in the layout the real table has (LibreOffice: shared strings)."""
    strings: list[str] = []
    sheet_rows = []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, value in enumerate(row):
            strings.append(value)
            cells.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{len(strings) - 1}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    shared = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {ns}>{shared}</sst>')
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0"?><worksheet {ns}><sheetData>{"".join(sheet_rows)}</sheetData></worksheet>',
        )
    return buffer.getvalue()


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    src = tmp_path_factory.mktemp("GenderGapTracker")
    (src / gendergap.TABLE).parent.mkdir(parents=True)
    (src / gendergap.TABLE).write_bytes(xlsx([COLUMNS, *ROWS]))
    with zipfile.ZipFile(src / gendergap.RAWTEXT, "w") as z:
        z.writestr("rawtext/", "")
        z.writestr("rawtext/5c00000000000000000000a1.txt", BODY)
        z.writestr("rawtext/5c00000000000000000000b2.txt", SHORT)
        z.writestr("rawtext/5c00000000000000000000c3.txt", SHORT)
    out = tmp_path_factory.mktemp("realnews")
    assert gendergap.main([str(src), str(out)]) == 0
    cases = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (out / "gendergap").glob("*.json")}
    return cases, (out / "gendergap" / "CONVERSION.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def case(converted):
    return converted[0]["5c00000000000000000000a1"]


def quotes(case):
    return [(q["text"], q["speaker"], q["speaker_kind"]) for q in case["quotes"]]


def test_articles_ids_and_skips(converted):
    cases, report = converted
    # The malformed id is read all the same; a cell that is not JSON and a row without raw text are skipped.
    assert sorted(cases) == ["5c00000000000000000000a1", "5c00000000000000000000b2"]
    assert "1  skipped: quotations cell not JSON" in report and "1  skipped: no raw text" in report
    assert "2  articles" in report


def test_body_is_the_raw_text_without_a_headline(case):
    assert case["body"] == BODY  # not the table's copy with "\n .\n " between paragraphs
    assert case["headline"] == ""
    assert case["style"] == "harbour-courier"


def test_only_quoted_units_inside_annotations_are_quotations(case):
    assert quotes(case) == [
        ("We cannot keep the boats running on goodwill alone,", "Orla Kestrel", "person"),
        ("Fares have not moved in nine years,", "Orla Kestrel", "person"),  # "she", resolved by the annotators
        ("a tax on islanders who have no other way home", "Tomas Brandt", "person"),
        ("It is regrettable but unavoidable,", None, "organisation"),
        ("Nobody asked the people on the boats,", None, "unnamed"),
        ("Our ferries, our say,", None, "unresolved"),
        ("the timetable stays as it is for now.", None, "organisation"),
        ("We will look again in spring,", "Lena Marsh-Okafor", "person"),
        ("We will look again in spring,", None, "unnamed"),
    ]
    # Not there: the indirect "the rise was overdue", the scare quote “cash grab.” and the title “The Ferry
    # Timetable Review” inside paraphrases, and the unannotated sign "Fair Fares For Islanders".
    partial = {q["text"]: q["partial"] for q in case["quotes"]}
    assert partial["a tax on islanders who have no other way home"] and not partial["Our ferries, our say,"]


def test_rules_and_sources_are_kept(case):
    rules = {(q["text"], q["speaker_kind"]): (q["rule"], q["source"]) for q in case["quotes"]}
    assert rules[("Fares have not moved in nine years,", "person")] == ("name in people list", "she")
    assert rules[("Our ferries, our say,", "unresolved")][0] == "several people"
    assert rules[("the timetable stays as it is for now.", "organisation")][0] == "spokesperson"
    assert rules[("Nobody asked the people on the boats,", "unnamed")][0] == "indefinite"
    assert rules[("We will look again in spring,", "unnamed")] == ("group", "they")
    assert rules[("It is regrettable but unavoidable,", "organisation")][0] == "not a listed person"


def test_people_are_the_annotators_list(case, converted):
    assert case["people"] == ["Orla Kestrel", "Tomas Brandt", "Lena Marsh-Okafor"]
    short = converted[0]["5c00000000000000000000b2"]
    assert short["people"] == ["Ewan Doyle"] and quotes(short) == [("It will outlast us all,", "Ewan Doyle", "person")]


def test_conversion_report_counts_the_rules(converted):
    _, report = converted
    for line in (
        "1  quoted unit outside annotations",
        "1  scare quote (1-2 words in a paraphrase)",
        "1  title or slogan",
        "5  speaker person: name in people list",
    ):
        assert line in report


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("Quarrie", ("Ada Quarrie", "person", "part of a name in people list")),
        ("ada  quarrie", ("Ada Quarrie", "person", "name in people list")),
        ("", (None, "unresolved", "no reference")),
        ("Island senators", (None, "unnamed", "group")),
        ("Officials", (None, "unnamed", "group")),
        ("Ferry Affairs", (None, "organisation", "not a listed person")),
        ("Another member of the public", (None, "unnamed", "indefinite")),
    ],
)
def test_speaker_rules(reference, expected):
    assert gendergap.speaker_of({"reference": reference}, ["Ada Quarrie", "Ivana Petrova"]) == expected
