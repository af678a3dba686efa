"""Issue 13.3: the quotation extractor is named passes over data (articles.ingest.quote_words), each callable on
its own: find the people, find the quotations, attribute a speaker to each, resolve surnames to the one person
named in full. Our own fictional text throughout."""

from articles.ingest import quotes as passes
from articles.ingest.people import mask_spans
from articles.ingest.quotes import Quote

TEXT = (
    "Mayor Ilsa Brandvik opened the new ferry pier at Tollan Rock on Monday.\n\n"
    "“The island waited forty years for this,” Brandvik said. She called the old slipway a “disgrace”.\n\n"
    "“We will run six crossings a day,” she added.\n\n"
    "“Next summer we add a night boat.”\n\n"
    "The harbour board said in a statement that fares would not rise. “Nothing changes for islanders,” it said.\n\n"
    "“It is about time,” said Oskar Venn, a fisherman."
)


def test_each_pass_of_the_quotation_extractor_runs_alone():
    masked = mask_spans(TEXT)
    people, unconfirmed, state = passes._find_mentions(TEXT, masked, "en")
    assert [(p.name, p.evidence) for p in people] == [
        ("Ilsa Brandvik", "title: Mayor"),
        ("Oskar Venn", "full name, given name known"),
    ]
    assert unconfirmed == []  # ("Tollan Rock" is a place: no one's name)
    assert [(m.text, m.person) for m in state.mentions] == [("Ilsa Brandvik", 0), ("Brandvik", 0), ("Oskar Venn", 1)]

    paragraphs = passes._find_quotations(TEXT, masked, state.words)
    assert [[s.text for s in p.kept] for p in paragraphs] == [
        [],
        ["The island waited forty years for this,"],  # not the scare quote “disgrace”
        ["We will run six crossings a day,"],
        ["Next summer we add a night boat."],
        ["Nothing changes for islanders,"],
        ["It is about time,"],
    ]
    assert [s.text for s in paragraphs[1].spans if not s.keep] == ["disgrace"]

    quotes = passes._attribute(state, TEXT, paragraphs)
    # (speaker_as_written: the words the text gave; evidence: which rule decided, before its ":")
    assert [(q.speaker, q.speaker_as_written, q.speaker_kind, q.evidence.split(":")[0]) for q in quotes] == [
        ("Ilsa Brandvik", "Brandvik", "person", "name next to the reporting verb"),
        ("Ilsa Brandvik", "she", "person", "pronoun next to the reporting verb, meaning the previous speaker"),
        ("Ilsa Brandvik", "", "person", "follow-on"),  # no attribution: the previous speaker
        (None, "it", "organisation", "organisation or group pronoun"),
        ("Oskar Venn", "Oskar Venn", "person", "name next to the reporting verb"),
    ]

    # Pass 4 alone: a speaker named by surname only goes to the one person of that surname named in full.
    voss = "Ada Voss chairs the Kessary Sound ferry users' group."
    _, _, state = passes._find_mentions(voss, [], "en")
    alone = Quote(
        "We want the night boat.", "Voss", "Voss", False, 60, "name next to the reporting verb: Voss", "person"
    )
    (resolved,) = passes._full_names(state, [alone])
    assert resolved.speaker == "Ada Voss"
    assert resolved.evidence == "name next to the reporting verb: Voss (the one Voss named in full)"
