"""Quotations a careful reader gives a named person but the extractor left without one (issue 13: the real pages and
feeds, /work/lead/h13). Each case is our own fictional text of the construction found there."""

from articles.ingest.quotes import extract


def test_a_role_after_and_is_the_person_introduced_with_that_role():
    body = (
        "The harbour board met on Monday. Its Director, Ilse Brandt, spoke first.\n\n"
        "Cases rose in the north, and the Director noted that “we have seen this before, many times,” but that the "
        "board now “knows what to do.”"
    )
    quotes = extract("", body, "en").quotes
    assert [(q.speaker, q.evidence) for q in quotes] == [
        ("Ilse Brandt", "role the article gave a person it names: the Director")
    ] * 2


def test_a_role_after_and_that_nobody_named_holds_stays_unresolved():
    body = (
        "Ilse Brandt, a resident, complained about the noise.\n\n"
        "The works went on, and the mayor said that “the road will open in May.”"
    )
    quote = extract("", body, "en").quotes[0]
    assert quote.speaker is None


def test_a_name_after_an_organisation_and_a_lower_case_role_speaks():
    # the people pass does not take "Oren Della" there; the role noun before it says it is a person's name
    body = (
        "The league backs the plan.\n\n"
        "“Ports are seen in a new light,” KSV spokesman Oren Della told the Kessly Herald. “Little is settled.”"
    )
    quotes = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("Oren Della", "person")] * 2


def test_a_name_after_of_is_not_the_speaker():
    body = "The league backs the plan.\n\n“Ports are seen in a new light,” the family of Oren Della told the Herald."
    quote = extract("", body, "en").quotes[0]
    assert quote.speaker != "Oren Della"


def test_a_titled_name_after_a_lower_case_role_speaks():
    # the title's words, not its letters, stand between the role noun and the name: "spokeswoman Dr. Della"
    body = (
        "The league backs the plan.\n\n"
        "“Ports are seen in a new light,” KSV spokeswoman Dr. Della told the Kessly Herald. “Little is settled.”"
    )
    quotes = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("Della", "person")] * 2
