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
