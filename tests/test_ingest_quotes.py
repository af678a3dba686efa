"""Quote extraction: the reference article plus one test per required pattern.

Only ``test_reference_article`` uses a real news text (the sample the issue names); every other
fixture is of our own writing, with fictional people and places.
"""

from articles.ingest.quotes import extract

REFERENCE_BODY = """In the wake of the US missile strike against Syria, US Secretary of State Rex Tillerson met with \
Russian President Vladmir Putin on Wednesday, echoing the words of his boss, President Donald Trump, when he said that \
relations between the world’s two superpowers are at an all-time low.

At a news conference in Moscow, Tillerson said that relations are “at a low point, there is a low level of trust \
between our two countries.”

The disagreement comes as a result of a chemical attack launched by Syrian President Bashar al Assad against his own \
civilians, killing more than 80. Russia supports Assad in his civil war against multiple rebel groups. Over 300,000 \
people have been killed in the six years of fighting. Assad has used chemical weapons multiple times. In response to \
the most recent incident, President Trump ordered a missile attack against the Syrian airbase that launched the \
chemical attack.

“Our view is that the reign of the Assad family is coming to an end and they have brought that on themselves with \
their conduct,” Tillerson said at the press conference. Tillerson left open the process of how Assad would be \
removed. “We leave that to the process going forward,” noting that the departure needs to be “done in an orderly way”.

At the press conference, Russian Foreign Minister Sergey Lavrov issued a warning against additional missile strikes, \
but left room for future negotiations concerning Assad.

“[We are] not staking everything on a personality,” Lavrov said. “We are simply insisting that everybody sits around \
the table and talks about it.”

“This insistence on removing or ousting a totalitarian leader, we’ve already been through it, we know very well what \
happens when you do that,” Lavrov added. “I don’t know of any place of a dictator being removed smoothly without \
violence.”

Everything you need to know!

Lavrov insisted there was no Russian complicity or knowledge of the Syrian chemical attack, and suggested there was \
no proof that nerve gas had actually been used.

Less than an hour after their news conference, Russia vetoed a UN resolution to require Syria to cooperate with \
investigators and face full accountability for the chemical weapons attack.

Following Tillerson’s meeting in Moscow, President Trump held a press conference at the White House.

“We’re not getting along with Russia at all,” Trump said. “We may be at an all time low”."""


def test_reference_article():
    result = extract("Russia and US Face Off Over Assad", REFERENCE_BODY)
    got = [(q.text[:30], q.speaker, q.partial) for q in result.quotes]
    assert got == [
        ("at a low point, there is a low", "Rex Tillerson", True),
        ("Our view is that the reign of ", "Rex Tillerson", False),
        ("We leave that to the process g", "Rex Tillerson", False),
        ("done in an orderly way", "Rex Tillerson", True),
        ("[We are] not staking everythin", "Sergey Lavrov", False),
        ("We are simply insisting that e", "Sergey Lavrov", False),
        ("This insistence on removing or", "Sergey Lavrov", False),
        ("I don’t know of any place of a", "Sergey Lavrov", False),
        ("We’re not getting along with R", "Donald Trump", False),
        ("We may be at an all time low", "Donald Trump", False),
    ]
    assert result.quotes[0].speaker_as_written == "Tillerson"
    assert result.quotes[4].text == "[We are] not staking everything on a personality,"
    # Every position points at the opening mark and the text follows it.
    for q in result.quotes:
        assert REFERENCE_BODY[q.position] == "“"
        assert REFERENCE_BODY[q.position + 1:].startswith(q.text)
    people = {p.name: p for p in result.people}
    assert list(people) == ["Rex Tillerson", "Vladmir Putin", "Donald Trump", "Bashar al Assad", "Sergey Lavrov"]
    assert people["Rex Tillerson"].role == "US Secretary of State"
    assert people["Vladmir Putin"].role == "Russian President"
    assert people["Donald Trump"].role == "President"
    assert people["Bashar al Assad"].role == "Syrian President"
    assert people["Sergey Lavrov"].role == "Russian Foreign Minister"
    assert people["Donald Trump"].count == 4  # "Donald Trump", "President Trump" twice, "Trump said"
    assert people["Donald Trump"].variants == ["Donald Trump", "Trump"]
    assert people["Sergey Lavrov"].variants == ["Sergey Lavrov", "Lavrov"]
    assert [p.quoted for p in result.people] == [True, False, True, False, True]
