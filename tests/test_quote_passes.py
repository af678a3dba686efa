"""Issue 13.3: the quotation extractor is named passes over data (articles.ingest.quote_words), each callable on
its own: find the people, find the quotations, attribute a speaker to each, resolve surnames to the one person
named in full. Our own fictional text throughout."""

import dataclasses

import pytest

from articles.ingest import quote_state, speakers
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


# One article for each rule that reads how an earlier attribution was found (speakers.py and quotes.py).
REWORDING_CASES = {
    "a role in apposition to a name": (
        "Pavel Ostrov, the chairman of the ferry company, opened the meeting.\n\n"
        "“He is doing his own thing,” Ruth Galway, the party chairman, said of the mayor."
    ),
    "a description before a name, inverted": (
        "Governor Ada Voss defended the harbour fund. Voss spoke on Monday. Voss left early.\n\n"
        "The fund was “trying to shed its old name as a shelter for pirates,” wrote the harbour’s consul in "
        "those years, Ivo Stannard."
    ),
    "in the words of a role, then a name; no previous speaker after it": (
        "Gwenna Tolliver, the ferry company’s captain, opened the new pier on Monday.\n\n"
        "Wren Isaksen has run the island shop for thirty years. In the words of the ferry company’s captain, "
        "Marit Ojukwu, she is “the one person nobody here could do without.”\n\n"
        "“I came for one summer and never caught the boat back.”"
    ),
    "a subject naming nobody": (
        "“We will open the dock in May,” Mayor Odile Brandt said.\n\n"
        "The board's members were blunt: “The dock will not open before autumn.”"
    ),
    "no speaker: far from the previous one, a text's words": (
        "“The ferry will run on time all winter,” Henrik Saal said on Tuesday.\n\n"
        "The harbour board met for three hours on Wednesday evening. Its chair, Tomas Erlind, read out the "
        "inspectors' report on the ramp.\n\n"
        "The report found cracks in two of the four supports and rust along the landing plate. The repairs "
        "will close the ramp from the first of next month.\n\n"
        "“Nobody on the island will be cut off for more than a day.”\n\n"
        "Another study found that there is “limited evidence” of rust on the other ramps."
    ),
}


@pytest.mark.parametrize("body", REWORDING_CASES.values(), ids=REWORDING_CASES.keys())
def test_rewording_a_rule_for_staff_changes_no_decision(monkeypatch, body):
    # _Attribution.rule is the text staff see (Quote.evidence); the rules decide by _Attribution.basis. Every rule
    # reworded (upper-cased as each attribution is made) changes the evidence's words and nothing else.
    class Reworded(quote_state._Attribution):
        __slots__ = ()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.rule = self.rule.upper()

    plain = passes.extract("", body, "en").quotes
    for module in (quote_state, speakers, passes):
        monkeypatch.setattr(module, "_Attribution", Reworded)
    reworded = passes.extract("", body, "en").quotes
    assert [dataclasses.replace(q, evidence="") for q in reworded] == [
        dataclasses.replace(q, evidence="") for q in plain
    ]
    assert [q.evidence.upper() for q in reworded] == [q.evidence.upper() for q in plain]
    assert all(r.evidence != q.evidence for r, q in zip(reworded, plain, strict=True) if q.evidence)
