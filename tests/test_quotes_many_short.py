"""A text of thousands of short quotations (issue 14): every one is attributed as in a short text, and reading
them costs about the same a quotation however many came before (the role and description look-ups read each
place once an article; they had searched the whole text before every quotation: a 200 KB text took minutes).

Everything here is invented; no real person is quoted.
"""

from collections import Counter

from articles.ingest.quotes import extract

INTRO = (
    "Harbour coach Ada Voss named her squad on Monday. Senator Bo Lind of Elmsby came to watch, and a "
    "senior adviser to the club stood by.\n\n"
)
# A name in every paragraph (each a place a role may be written near), the role, a title's role, a description
# of the person named most, and one of somebody an indefinite phrase introduced.
PARAGRAPH = (
    "Bo Lind nodded. “Ready,” the coach said. “Fine,” the Elmsby senator said. “Later,” the adviser said. "
    "“Always,” the Elmsby veteran said.\n\n"
)


def test_a_200_kb_text_of_short_quotations_gives_each_its_speaker():
    body = INTRO + PARAGRAPH * 1600
    assert len(body) > 200_000
    found = extract("Training day", body, "en")
    assert [(p.name, p.role) for p in found.people] == [("Ada Voss", "Harbour coach"), ("Bo Lind", "Senator")]
    speakers = Counter((q.text, q.speaker, q.evidence.split(":")[0]) for q in found.quotes)
    assert speakers == {
        ("Ready,", "Ada Voss", "role the article gave a person it names"): 1600,
        ("Fine,", "Bo Lind", "role the article gave a person it names"): 1600,
        ("Later,", None, "role or description"): 1600,  # "a senior adviser": somebody the article does not name
        ("Always,", "Bo Lind", "description, as a pronoun, meaning the last person named in the paragraph"): 1600,
    }


def test_a_200_kb_paragraph_of_reported_speech_still_gives_the_quotations_after_it_their_speakers():
    # One paragraph, no quotation marks, thousands of reporting verbs and pronouns: each verb's subject and each
    # pronoun's paragraph and sentence are found without searching back to the paragraph's start.
    body = (
        "Harbour coach Ada Voss named her squad on Monday.\n\n"
        + "Bo Lind said the plan had failed, and she said it again. " * 4000
        + "\n\n“It worked,” she said. “It did,” the coach said."
    )
    assert len(body) > 200_000
    found = extract("Training day", body, "en")
    assert [(q.text, q.speaker, q.evidence.split(",")[0]) for q in found.quotes] == [
        ("It worked,", "Bo Lind", "pronoun next to the reporting verb"),
        ("It did,", "Ada Voss", "role the article gave a person it names: the coach"),
    ]


def test_a_200_kb_paragraph_of_passives_is_read_to_its_end():
    # Every "was asked by" is checked for a passive in the words just before the verb, not from the paragraph's start.
    body = (
        "Harbour coach Ada Voss named her squad on Monday.\n\n"
        + "Bo Lind was asked by Ada Voss whether it worked and was told by Cy Moor that it did, " * 2400
        + "and so on.\n\n“It did,” Bo Lind said."
    )
    assert len(body) > 200_000
    found = extract("Training day", body, "en")
    assert [(q.text, q.speaker, q.evidence) for q in found.quotes] == [
        ("It did,", "Bo Lind", "name next to the reporting verb: Bo Lind")
    ]


def test_a_200_kb_paragraph_of_scare_quotes_is_read_to_its_end():
    # "so-called" holds a reporting verb ("called") whose subject, with no comma or clause mark before it, would be
    # the whole paragraph before it: it is read from at most speakers.SUBJECT_REACH characters (34 s before, 200 KB).
    body = (
        "Harbour coach Ada Voss named her squad on Monday.\n\nThe council backed "
        + "the “so-called” plan and the “new” one " * 5200
        + "all year.\n\n“It worked,” Ada Voss said."
    )
    assert len(body) > 200_000
    found = extract("Training day", body, "en")
    assert [(q.text, q.speaker, q.evidence) for q in found.quotes] == [
        ("It worked,", "Ada Voss", "name next to the reporting verb: Ada Voss")
    ]


def test_a_200_kb_sentence_of_verbs_without_subjects_is_read_to_its_end():
    # Each "said" after the first names nobody, so each is checked for an "and"/"but" sharing the first one's
    # subject: looked for right before the verb, not tried back from it to the first attribution (36 s before).
    body = "Bo Lind said it" + ", 4 said" * 25_000 + ".\n\n“Yes,” she said."
    assert len(body) > 200_000
    found = extract("Training day", body, "en")
    assert [(q.text, q.speaker, q.evidence.split(",")[0]) for q in found.quotes] == [
        ("Yes,", "Bo Lind", "pronoun next to the reporting verb")
    ]


def test_a_200_kb_paragraph_without_a_full_stop_is_read_to_its_end():
    # No sentence ends for 200 KB: each pronoun's sentence, and the names in it, are read from at most
    # pronouns.SENTENCE_REACH characters back (5.1 s before, and quadratic).
    body = (
        "Bo Lind is a coach. Ada Voss is a nurse.\n\n"
        + "Bo Lind met Ada Voss and he said “yes” and " * 4800
        + "left.\n\n“Yes,” she said."
    )
    assert len(body) > 200_000
    found = extract("Training day", body, "en")
    assert [(q.text, q.speaker, q.evidence) for q in found.quotes] == [
        ("Yes,", "Ada Voss", "pronoun next to the reporting verb, meaning the last person named before: she")
    ]


def test_a_200_kb_paragraph_of_quotations_naming_people_gives_each_its_speaker():
    # Every "he" is resolved past the names inside the quotations before it, which are skipped without being read
    # one by one again for each pronoun (quote_state._last_outside_quotes).
    body = (
        "Bo Lind is a coach. Ada Voss is a nurse.\n\nCy Moor, a driver, spoke first. "
        + "“Bo Lind and Ada Voss,” he said. " * 6100
    )
    assert len(body) > 200_000
    found = extract("Training day", body, "en")
    assert Counter((q.speaker, q.evidence) for q in found.quotes) == {
        ("Cy Moor", "pronoun next to the reporting verb, meaning the last person named in the paragraph: he"): 6100
    }
