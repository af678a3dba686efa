"""A definite description read as the person the article is about (speakers._description_of_one): only a public
figure's shorthand ("the Republican nominee", "the harbour minister"), never another participant of the story."""

from articles.ingest.quotes import extract


def test_the_judge_in_a_story_about_a_defendant_is_not_the_defendant():
    body = (
        "Dorian Vell was sentenced to four years on Friday for setting fire to a warehouse in Kessly. Vell admitted "
        "the charge in March. Vell's lawyer asked for a shorter term.\n\n"
        "“You put the lives of firefighters at risk,” the judge said."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [(None, "the judge")]


def test_the_coach_in_a_story_about_a_player_is_not_the_player():
    body = (
        "Kwame Hallorin scored twice as Velmor Rovers beat Tollbridge 2-1 on Saturday. Hallorin, 24, joined the club "
        "in May. Hallorin now has 11 goals this season.\n\n"
        "“He was brilliant today, and he knows it,” the coach said."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [(None, "the coach")]


def test_the_nominee_in_a_story_about_the_nominee_is_still_the_nominee():
    body = (
        "Senator Ada Voss won her party's nomination on Tuesday. Voss thanked her staff. Voss then flew to Elmsby.\n\n"
        "“We start tomorrow,” the party's nominee said."
    )
    got = extract("", body, "en").quotes
    assert [q.speaker for q in got] == ["Ada Voss"]


def test_a_story_opening_on_an_unnamed_woman_it_names_next_gives_her_words_to_her():
    """Local news opens on "A Kelburn, B.C., woman says …" and names her in the next paragraph: her words in the
    opening are hers. Not when the story names someone first, nor when the next person named is a man."""
    opening = (
        "A Kelburn, B.C., woman says she waited 14 hours in an emergency room and wants the province to fix what she "
        "calls a system “at the breaking point.”\n\n"
    )
    story = (
        "{name}, 71, fell on an icy sidewalk on Dec. 3. {surname} said {pronoun} sat in a chair until 10 p.m.\n\n"
        "“Nobody came,” {surname} said. “People were lying on the floor.”"
    )
    woman = extract(
        "", opening + story.format(name="Anneliese Drummond", surname="Drummond", pronoun="she"), "en"
    ).quotes
    assert [(q.speaker, q.evidence.split(":")[0]) for q in woman][0] == (
        "Anneliese Drummond",
        "a story's opening about the person it names next",
    )
    man = extract("", opening + story.format(name="Gerald Drummond", surname="Drummond", pronoun="he"), "en").quotes
    assert man[0].speaker is None
    named_first = (
        "Premier Lise Tarrow spoke on Monday.\n\n"
        + opening
        + story.format(name="Anneliese Drummond", surname="Drummond", pronoun="she")
    )
    assert extract("", named_first, "en").quotes[0].speaker is None


def test_an_opening_quotation_of_a_man_the_story_names_next():
    body = (
        "“I thought I was going to die,” a Halverton man who was stranded on the ice for six hours says.\n\n"
        "Tomas Reinholt, 38, went ice fishing on Lake Tarrin on Saturday. Reinholt says the ice cracked behind him.\n\n"
        "“It sounded like a gunshot,” Reinholt said."
    )
    got = extract("", body, "en").quotes
    assert [q.speaker for q in got] == ["Tomas Reinholt", "Tomas Reinholt"]


def test_a_story_opening_on_an_unnamed_person_is_not_the_official_or_the_relative_named_next():
    """The person named next is not the opening's when they hold an office ("Sgt. Tomas Reinholt said the man was
    rescued", "Hospital CEO Lorna Brisk") or the opening names a relative of its own ("a Halverton mother whose
    daughter …": the daughter named next is not the mother)."""
    bodies = (
        "“I thought I was going to die,” a Halverton man who was stranded on the ice says.\n\n"
        "Sgt. Tomas Reinholt said the man was rescued by helicopter. Reinholt said the ice was thin.\n\n"
        "“People need to stay off the lake,” Reinholt said.",
        "A Kelburn woman says she waited 14 hours and wants the province to fix what she calls a system “at the "
        "breaking point.”\n\nHospital CEO Lorna Brisk said waits have grown. Brisk said the hospital is hiring.\n\n"
        "“We are doing everything we can,” Brisk said.",
        "“She cried for an hour,” a Halverton mother whose daughter was left at the curb by a school bus says.\n\n"
        "Kaylee Brisk, 9, uses a wheelchair. Kaylee Brisk was left at the curb on Monday. Brisk missed six days.",
    )
    for body in bodies:
        assert extract("", body, "en").quotes[0].speaker is None, body


def test_a_description_right_after_a_sentence_about_one_person_is_that_person():
    # A debate story naming several candidates as often: "Cruz warned …. “…,” the Texas senator said" (PolNeAR train);
    # a person named in between is another story ("the Lorvik senator" then could be either), and a description of
    # the other gender is not the subject.
    body = (
        "Ada Voss, Bram Tessaro and Ivo Stannard met in Elmsby for the third debate. Voss spoke first. Tessaro spoke "
        "second. Stannard spoke last.\n\n"
        "Tessaro warned against a contested convention.\n\n"
        "“It would be a disaster,” the Lorvik senator said.\n\n"
        "Stannard criticised Voss on trade. “Nobody believes it,” the Lorvik senator said.\n\n"
        "Voss defended the plan. “It works,” the former congressman said.\n\n"
        "On Friday evening Voss painted her rival, Ivo Stannard, as a man out of his depth.\n\n"
        "“He has no plan,” said the Lorvik senator."
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in got] == [
        ("It would be a disaster,", "Bram Tessaro"),
        ("Nobody believes it,", None),
        ("It works,", None),
        ("He has no plan,", None),  # Stannard is the appositive of Voss's object, not a subject
    ]
    assert got[0].evidence == "description, meaning the subject of the sentence before: the Lorvik senator"
