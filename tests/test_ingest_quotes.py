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
        assert REFERENCE_BODY[q.position + 1 :].startswith(q.text)
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


# --- patterns, each on fixtures of our own writing (fictional people and places) ---------------------------------


def quotes_of(body, headline="Headline"):
    return [(q.text, q.speaker, q.speaker_as_written, q.partial) for q in extract(headline, body).quotes]


def test_attribution_after_quote_curly_and_straight():
    body = (
        "Mayor Ana Ruiz opened the bridge on Monday.\n\n"
        "“It took nine years to build,” Ruiz said.\n\n"
        '"We are proud of every bolt," said Ruiz.'
    )
    assert quotes_of(body) == [
        ("It took nine years to build,", "Ana Ruiz", "Ruiz", False),
        ("We are proud of every bolt,", "Ana Ruiz", "Ruiz", False),
    ]


def test_attribution_before_quote_with_that_and_colon():
    body = (
        "Coach Tomas Brandt met reporters in Elmvale.\n\n"
        "Brandt said that the season had been “a long climb out of a deep hole.”\n\n"
        "Brandt added: “Nobody in this room gave up.”"
    )
    assert quotes_of(body) == [
        ("a long climb out of a deep hole.", "Tomas Brandt", "Brandt", True),
        ("Nobody in this room gave up.", "Tomas Brandt", "Brandt", False),
    ]


def test_common_reporting_verbs():
    verbs = [
        "said",
        "says",
        "added",
        "insisted",
        "warned",
        "noted",
        "explained",
        "argued",
        "stressed",
        "replied",
        "wrote",
        "told reporters",
        "asked",
    ]
    for verb in verbs:
        body = f"Nadia Korsh chairs the Elmvale board.\n\n“The budget has to balance this year,” Korsh {verb}."
        assert quotes_of(body) == [("The budget has to balance this year,", "Nadia Korsh", "Korsh", False)], verb


def test_partial_quotes_in_the_speakers_sentence():
    body = (
        "Inspector Willa Crane spoke after the hearing. “We follow the evidence,” noting that the inquiry "
        "must be “thorough and entirely public”."
    )
    assert quotes_of(body) == [
        ("We follow the evidence,", "Willa Crane", "", False),
        ("thorough and entirely public", "Willa Crane", "", True),
    ]


def test_unattributed_quote_continues_with_the_last_speaker():
    body = (
        "Farmer Piet Oldaker lost his barn in the storm.\n\n"
        "“The roof went first,” Oldaker said. “Then the walls folded like paper.”\n\n"
        "“We will build it again before the harvest.”"
    )
    speakers = [q[1] for q in quotes_of(body)]
    assert speakers == ["Piet Oldaker"] * 3


def test_surnames_and_pronouns_resolve_to_the_full_name_without_title():
    body = (
        "Senator Livia Marchbank visited the Orrin shipyard on Friday.\n\n"
        "“These jobs matter to every family here,” she said.\n\n"
        "Marchbank later told workers: “I will be back in the spring.”"
    )
    got = quotes_of(body)
    assert [q[1] for q in got] == ["Livia Marchbank", "Livia Marchbank"]
    assert [q[2] for q in got] == ["she", "Marchbank"]


def test_editorial_brackets_and_inner_single_quotes_are_kept():
    body = (
        "Dr. Hester Vaal spoke at the clinic.\n\n“[The ward] was told, ‘Wait until Monday,’ and we waited,” Vaal said."
    )
    assert quotes_of(body) == [
        ("[The ward] was told, ‘Wait until Monday,’ and we waited,", "Hester Vaal", "Vaal", False),
    ]


def test_scare_quotes_and_quoted_titles_are_not_quotes():
    body = (
        "The council calls the plan a “reset” and its critics a “vocal minority.”\n\n"
        "Author Kira Lund signed copies of “The Salt Road Home” at the Elmvale library, while a petition "
        "titled “Keep our reading room open” passed 900 names.\n\n"
        "“I never expected this many people,” Lund said."
    )
    assert quotes_of(body) == [("I never expected this many people,", "Kira Lund", "Lund", False)]


def test_a_title_with_a_long_preposition_in_lower_case_is_no_quotation():
    """ "The Current with Ada Voss", "Notes from a Small Island": Title Case leaves "with", "from", "into", "over"
    in lower case, and such a programme or book named in a sentence is no quotation (its host's words, or the last
    speaker's, they had been)."""
    body = (
        "Kira Lund appeared on Elden Radio's “The Current with Ada Voss” last week, and signed copies of “Notes "
        "from a Small Island” at the library.\n\n"
        "“I never expected this many people,” Lund said."
    )
    assert quotes_of(body) == [("I never expected this many people,", "Kira Lund", "Lund", False)]


def test_quotation_split_by_its_attribution():
    body = (
        "Ilse Brannock runs the ferry to Saltholm.\n\n"
        "“The crossing takes forty minutes,” she said, “and in winter it can take two hours.”"
    )
    assert quotes_of(body) == [
        ("The crossing takes forty minutes,", "Ilse Brannock", "she", False),
        ("and in winter it can take two hours.", "Ilse Brannock", "she", False),
    ]


def test_quotation_running_over_several_paragraphs():
    body = (
        "Captain Oren Vasquell remembered the rescue.\n\n"
        "“The waves were higher than the mast.\n\n"
        "“We had one rope and eleven people.\n\n"
        "“Every one of them came home,” Vasquell said.\n\n"
        "The harbour board praised the crew."
    )
    got = quotes_of(body)
    assert [q[0] for q in got] == [
        "The waves were higher than the mast.",
        "We had one rope and eleven people.",
        "Every one of them came home,",
    ]
    assert {q[1] for q in got} == {"Oren Vasquell"}


def test_running_quotation_introduced_before_it():
    body = (
        "Oren Vasquell described the night. “The waves were higher than the mast.\n\n"
        "“Every one of them came home.”\n\n"
        "Another sailor, Bo Trask, was less sure. “It was luck,” Trask said."
    )
    assert [q[1] for q in quotes_of(body)] == ["Oren Vasquell", "Oren Vasquell", "Bo Trask"]


def test_according_to_and_appositive_speakers():
    body = (
        "The mayor, Ana Ruiz, said: “The bridge opens on Monday.”\n\n"
        "“We lost three weeks to the rain,” said Tomas Brandt, the site manager.\n\n"
        "Tomas Brandt, the site manager, said the crews had worked “through every weekend since June.”\n\n"
        "“The concrete needs another week,” according to Lena Vos, an engineer at the Elmvale works.\n\n"
        "According to Ruiz, “the ribbon is already bought.”"
    )
    assert [(q[1], q[3]) for q in quotes_of(body)] == [
        ("Ana Ruiz", False),
        ("Tomas Brandt", False),
        ("Tomas Brandt", True),
        ("Lena Vos", False),
        ("Ana Ruiz", True),
    ]


def test_organisations_speak_with_speaker_none():
    body = (
        "“Services will resume on Thursday,” the ministry said in a statement.\n\n"
        "The Elmvale Water Authority said the supply was “safe to drink.”\n\n"
        "According to the report, “staff were not trained for a flood of this size.”"
    )
    got = quotes_of(body)
    assert [q[1] for q in got] == [None, None, None]
    assert got[0][2] == "the ministry"
    assert got[1][2] == "The Elmvale Water Authority"
    assert got[2][2] == "the report"


def test_unnamed_speakers_are_none():
    body = (
        "Traffic stood still on the coast road.\n\n"
        "“I have been here since six,” a witness said.\n\n"
        "“Nobody tells us anything,” said one driver."
    )
    got = quotes_of(body)
    assert [(q[1], q[2]) for q in got] == [(None, "a witness"), (None, "one driver")]


def test_quote_inside_quote_keeps_the_outer_one():
    body = (
        "Gideon Hale chairs the Elmvale tenants’ group.\n\n"
        "“The landlord told us, ‘Pay or pack,’ and then he raised the rent,” Hale said."
    )
    assert quotes_of(body) == [
        ("The landlord told us, ‘Pay or pack,’ and then he raised the rent,", "Gideon Hale", "Hale", False),
    ]


def test_same_surname_goes_to_the_latest_full_name_and_first_names_to_their_owner():
    body = (
        "Mira Solberg and her brother, Joel Solberg, run the Elmvale bakery.\n\n"
        "“We start at four,” Mira said.\n\n"
        "“I start at five,” Joel said.\n\n"
        "“Nobody complains,” Solberg said."
    )
    assert [q[1] for q in quotes_of(body)] == ["Mira Solberg", "Joel Solberg", "Joel Solberg"]


def test_headline_and_promotional_lines_are_not_scanned():
    body = (
        "Everything you need to know!\n\n"
        "“Bring water and a hat,” said Coach Tomas Brandt.\n\n"
        "Subscribe for more local stories!"
    )
    result = extract("Brandt: ‘We will win’ and “so will they”", body)
    assert [(q.text, q.speaker) for q in result.quotes] == [("Bring water and a hat,", "Tomas Brandt")]
    assert [p.name for p in result.people] == ["Tomas Brandt"]


def test_positions_point_at_opening_marks_and_quotes_are_in_order():
    body = '“One two three,” said Ana Ruiz. “Four five six.”\n\n"Seven eight nine," she said.'
    result = extract("", body)
    positions = [q.position for q in result.quotes]
    assert positions == sorted(positions)
    assert [body[p] for p in positions] == ["“", "“", '"']
    assert result.people[0].quoted is True


def test_uk_style_single_quotes_with_apostrophes_and_nested_double_quotes():
    body = (
        "Brenna O’Hallow, who runs the Tollmere ferry, said: ‘We don’t sail when it’s like this.’\n\n"
        "The council called it a ‘temporary’ closure. ‘My father said, “Stay ashore,” and he was right,’ "
        "O’Hallow added.\n\n"
        "Critics say the town was ‘badly let down by the harbour board’."
    )
    assert quotes_of(body) == [
        ("We don’t sail when it’s like this.", "Brenna O’Hallow", "Brenna O’Hallow", False),
        ("My father said, “Stay ashore,” and he was right,", "Brenna O’Hallow", "O’Hallow", False),
        ("badly let down by the harbour board", None, "Critics", True),
    ]


def test_double_quoted_copy_ignores_single_marks_outside_quotations():
    body = (
        "The ’90s were good to Tollmere, and the ‘old ferry’ still runs.\n\n"
        "“It’s the ‘old’ way,” said Brenna Lusk. “We keep it.”"
    )
    assert [q[0] for q in quotes_of(body)] == ["It’s the ‘old’ way,", "We keep it."]


def test_pronouns_follow_stated_gender_and_sentence_initial_relatives():
    body = (
        "Mr Ansel Varga runs the Tollmere mill. He admitted that his wife, Petra Varga, had doubted it. "
        "“I was wrong,” she said.\n\n"
        "His son, Milo Varga, keeps the books. “The numbers are better,” he said.\n\n"
        "Varga is calmer now. “Ask me next year,” he said."
    )
    assert [q[1] for q in quotes_of(body)] == ["Petra Varga", "Milo Varga", "Milo Varga"]


def test_shared_surname_goes_to_the_namesake_the_pronoun_fits():
    body = (
        "Orrin Keane builds boats. His daughter, Isolde Keane, sails them.\n\n"
        "Keane is less sure. “Ask me when she floats,” he said."
    )
    assert [q[1] for q in quotes_of(body)] == ["Orrin Keane"]


def test_dash_before_an_inverted_attribution_and_abbreviated_titles():
    body = (
        "“The roof went over the fence” — said Bruno Keel, 54, a welder.\n\n"
        "“We will rebuild,” said the Rev. Anselm Hoy, who chairs the trust."
    )
    assert [(q[1], q[2]) for q in quotes_of(body)] == [("Bruno Keel", "Bruno Keel"), ("Anselm Hoy", "Anselm Hoy")]


def test_first_name_back_reference_points_backwards():
    body = (
        "Tarik bin Sahar owns the shop. Tarik, who goes by his given name, said: “They took everything.”\n\n"
        "His nephew, Adil bin Tarik, arrived later."
    )
    assert [q[1] for q in quotes_of(body)] == ["Tarik bin Sahar"]


def test_age_epithet_and_relative_clause_subjects():
    body = (
        "Judge Wilma Achterberg sentenced him. He kept funds that the judge said were “held in trust.”\n\n"
        "Tomasz Reid scored late. “I just hoped,” said the 20-year-old, who joined in May."
    )
    assert [(q[1], q[2]) for q in quotes_of(body)] == [
        ("Wilma Achterberg", "the judge"),
        ("Tomasz Reid", "the 20-year-old"),
    ]


def test_colon_hands_the_quote_to_the_person_just_named():
    body = (
        "Mayor Hal Brisk opened the bridge. “It is done,” he said.\n\n"
        "The ceremony also drew praise from Oona Fell, head of the Tollmere trust: “A fine day for the town.”"
    )
    assert [q[1] for q in quotes_of(body)] == ["Hal Brisk", "Oona Fell"]


def test_speaker_named_after_the_quotation_paragraphs():
    body = (
        "Ilsa Morrow once built boats with Bram Oakes.\n\n"
        "“People ask why I keep her. She is older than my grandfather.\n\n"
        "“But every plank is a promise.”\n\n"
        "Oakes says this without looking up from his plane."
    )
    assert [q[1] for q in quotes_of(body)] == ["Bram Oakes", "Bram Oakes"]


def test_teenager_epithet_and_coordinated_verb_after_a_non_reporting_verb():
    body = (
        "Priya Voss-Amadi, 16, won the regional title on Saturday at the Orrin Pool.\n\n"
        "“I still can’t believe it,” said the teenager.\n\n"
        "Her grandmother, Edda Voss, drove her there. She packed her lunch and said, “Just swim your own race.”"
    )
    assert [q[1] for q in quotes_of(body)] == ["Priya Voss-Amadi", "Edda Voss"]


def test_pronoun_skips_a_last_speaker_of_the_wrong_gender_and_a_relative_named_since():
    body = (
        "Sir Halvard Brenn, the cartographer, has died, his nephew, Tobiah Brenn, said on Monday: "
        "“He was sharp to the very end.”\n\n"
        "Brenn mapped the northern fells for forty years. “Every map is a guess,” he wrote.\n\n"
        "Dr. Solvei Marr, his student, remembered him. “He never hurried,” she said.\n\n"
        "He worked until he was 90. Asked about his legacy, he replied: “Ask the fells.”"
    )
    assert [q[1] for q in quotes_of(body)] == ["Tobiah Brenn", "Halvard Brenn", "Solvei Marr", "Halvard Brenn"]


def test_role_back_references_go_to_the_person_introduced_with_that_role():
    body = (
        "Tarn Rovers won 2–1. Rovers head coach Ilka Brenholt watched from the stand, and "
        "top seed Davor Quill-Amsey lost in the other semi-final.\n\n"
        "“We were slow,” the coach said. “He was better today,” the top seed said.\n\n"
        "The government’s chief whip, Senator Odile Varga, was calm. “Nobody is leaving,” the whip said.\n\n"
        "The Minister for Coastal Affairs, Petra Holm-Sato, spoke next. The minister has just posted: "
        "“Ferries will run tomorrow.”\n\n"
        "Coach Maren Tuft sat with Davor Quill-Amsey. My coach always tells me, “Breathe and move your feet.”"
    )
    assert [q[1] for q in quotes_of(body)] == [
        "Ilka Brenholt",
        "Davor Quill-Amsey",
        "Odile Varga",
        "Petra Holm-Sato",
        "Maren Tuft",
    ]


def test_partial_quotes_before_and_after_a_coordinated_verb_keep_the_sentence_speaker():
    # "and said" right after a partial quote once made "and" the speaker of both quotes.
    body = (
        "Harbour trustee Ottoline Brask warned that the mooring charges were “a toll on every small boat” "
        "and said the trustees were “looking the other way”.\n\n"
        "Kester Wynfold runs the chandlery. He called the charges “a slow eviction” but then said he would "
        "“pay and keep quiet for now”."
    )
    assert [q[1:] for q in quotes_of(body)] == [
        ("Ottoline Brask", "Ottoline Brask", True),
        ("Ottoline Brask", "Ottoline Brask", True),
        ("Kester Wynfold", "He", True),
        ("Kester Wynfold", "He", True),
    ]


def test_hyphenated_title_with_surname_is_the_person_introduced_earlier():
    body = (
        "Marguerite Haldane won the Ostvale governorship on Sunday.\n\n"
        "“The ferry comes first,” said Governor-elect Haldane.\n\n"
        "Prime Minister-designate Haldane will be sworn in next month, and Ex-Governor Haldane is a title she "
        "will keep. “We start on Monday,” Haldane said."
    )
    result = extract("", body)
    assert [p.name for p in result.people] == ["Marguerite Haldane"]
    assert [q.speaker for q in result.quotes] == ["Marguerite Haldane", "Marguerite Haldane"]


def test_quotations_in_interview_answers_belong_to_the_interviewee():
    qa = (
        "Last spring Ondine Valcourt-Reyes rowed alone from Tessaly to the Morrow Isles. We spoke to her in "
        "Kelby, where her coach, Bram Oosterhuis, was also waiting.\n\n"
        "Q: What did you think about out there?\n\n"
        "A: Food, mostly. On day nine I wrote on the hull, “Nearly halfway, nearly sane.”\n\n"
        "Q: And when you landed?\n\n"
        "A: Bram met me on the slipway. “You look terrible,” I told him, “and I am the one who rowed.”"
    )
    assert [q[1] for q in quotes_of(qa)] == ["Ondine Valcourt-Reyes"] * 3
    lines = (
        "Festival director Anselm Thorby-Quaye has booked forty choirs. His deputy, Ruth Kellan, booked the "
        "rest. We asked him about the line-up.\n\n"
        "WHY CHOIRS?\n\n"
        "“Because people sing when nobody asks them to.”\n\n"
        "WHAT WENT WRONG LAST YEAR?\n\n"
        "“The car park, which became a pond.”"
    )
    assert [q[1] for q in quotes_of(lines)] == ["Anselm Thorby-Quaye"] * 2
    transcript = (
        "We sat down with the organiser, Vesna Holtby-Amari, and her husband, Dario Fenn.\n\n"
        "Interviewer: How did it start?\n\n"
        "Holtby-Amari: I stood on a sack and said, “Who has had enough of this?”\n\n"
        "Interviewer: And then?\n\n"
        "Fenn: I remember thinking, “She will be sacked by Friday.”"
    )
    assert [q[1] for q in quotes_of(transcript)] == ["Vesna Holtby-Amari", "Dario Fenn"]


def test_pronouns_follow_the_gender_the_text_states_and_prefer_the_sentence_subject():
    evidence = (
        "Defence lawyer Fergal Idowu-Marsh told the hearing that his client had warned the board. Panel chair "
        "Rosamund Achebe-Vail said her panel accepted that.\n\n"
        "“She was punished for being right,” he said."
    )
    assert [q[1] for q in quotes_of(evidence)] == ["Fergal Idowu-Marsh"]
    subject = (
        "Tor Lindqvist and Bram Osei-Hale won the pairs title on Sunday.\n\n"
        "Lindqvist hugged Osei-Hale after the last point. “I could not feel my hands,” he said."
    )
    assert [q[1] for q in quotes_of(subject)] == ["Tor Lindqvist"]


def test_an_organisation_named_in_the_attribution_speaks_not_its_member():
    body = (
        "Hana Szabo, a spokeswoman for the Mineworkers’ Federation, spoke first.\n\n"
        "“We strike on Monday,” the federation said. “We will not back down,” the federation’s spokeswoman "
        "said.\n\n"
        "Corran Mineworkers voted the same way. “We are ready,” Corran Mineworkers said."
    )
    result = extract("", body)
    assert [p.name for p in result.people] == ["Hana Szabo"]
    assert [q.speaker for q in result.quotes] == [None, "Hana Szabo", None]


def test_a_capitalised_name_ending_in_ly_after_and_is_a_speaker_not_an_adverb():
    body = (
        "Mayor Ana Ruiz met union organiser Sean Kelly on Monday.\n\n"
        "Ruiz called the fees “a tax on islanders” and Kelly said: “We will fight them.”"
    )
    assert [(q.text, q.speaker) for q in extract("Fees", body).quotes] == [
        ("a tax on islanders", "Ana Ruiz"),
        ("We will fight them.", "Sean Kelly"),
    ]


def test_rhetorical_questions_on_their_own_lines_make_no_interview():
    council = (
        "Mayor Ilse Varnhagen opened the council meeting. Varnhagen thanked residents for braving the sleet. "
        "Varnhagen then handed over.\n\n"
        "Oskar Brede, the treasurer, presented the budget, which he called “the leanest in years”.\n\n"
        "So who pays for the new bridge?\n\n"
        "“Not the ratepayers. We will borrow against the depot.”\n\n"
        "And the swimming pool?\n\n"
        "“It stays open.”\n\n"
        "Brede sat down to applause."
    )
    assert [q[1] for q in quotes_of(council)] == ["Oskar Brede"] * 3
    column = (
        "Every winter Councillor Mira Tollan promises the buses will run on time. Tollan has chaired the "
        "committee for years. Tollan knows the timetable.\n\n"
        "Is that good enough?\n\n"
        "I stood at the stop on Monday. I told the driver, “I only want to get to work.” He shrugged.\n\n"
        "Who is listening?\n\n"
        "Not the committee. I said it then and I say it again: “Fix the buses.”"
    )
    assert [q[1] for q in quotes_of(column)] == [None, None]
    interview = (
        "The Dunmore choir turns fifty. We sat down with its founder, Agnes Werle, and her treasurer Piet "
        "Osk.\n\n"
        "Why a choir?\n\n"
        "“Because the village had no pub,” she laughs.\n\n"
        "How do you keep going?\n\n"
        "We sing every Thursday."
    )
    assert [q[1] for q in quotes_of(interview)] == ["Agnes Werle"]


def test_a_pronoun_about_someone_else_gives_the_speaker_no_gender():
    possessive = (
        "Mayor Ilse Varnhagen said on Monday that the depot in Tolby would close.\n\n"
        "Oskar Brede criticised her handling of the budget at a meeting that evening.\n\n"
        "“It was a shambles from start to finish,” he said."
    )
    assert [q[1] for q in quotes_of(possessive)] == ["Oskar Brede"]
    reported = (
        "Inspector Hana Weir visited the Dunmore ferry terminal on Friday.\n\n"
        "Oskar Brede said she had not asked to see the engine logs.\n\n"
        "“We had them ready for her all week,” he said."
    )
    assert [q[1] for q in quotes_of(reported)] == ["Oskar Brede"]


def test_a_capitalised_ly_name_after_and_without_a_comma_before_the_quotation_speaks():
    body = (
        "Tam Oduya and Ines Kelly spoke to reporters outside the depot.\n\n"
        "“We will strike,” Oduya said, and Kelly said “Nobody wants that.”"
    )
    assert [(q.text, q.speaker) for q in extract("Strike", body).quotes] == [
        ("We will strike,", "Tam Oduya"),
        ("Nobody wants that.", "Ines Kelly"),
    ]


def test_answers_in_a_labelled_or_edit_noted_interview_belong_to_its_subject_without_an_introduction_cue():
    intro = "Harbour pilot Signe Marrow has guided ships into Port Ardent for thirty years. Marrow retires soon.\n\n"
    labelled = intro + (
        "Q: What changed most?\n\nA: “The size of the ships. They doubled.”\n\n"
        "Q: And what stayed the same?\n\nA: “The fog. Always the fog.”"
    )
    assert [q.speaker for q in extract("Pilot", labelled).quotes] == ["Signe Marrow", "Signe Marrow"]
    lines = intro + (
        "What changed most?\n\n“The size of the ships. They doubled.”\n\n"
        "And what stayed the same?\n\n“The fog. Always the fog.”\n\n"
        "This interview has been edited for length."
    )
    assert [q.speaker for q in extract("Pilot", lines).quotes] == ["Signe Marrow", "Signe Marrow"]


def test_an_english_title_in_german_text_is_no_quotation():
    """A real German page quoted series and films by their English titles („The Big Bang Theory“, „Mary Poppins
    Returns“), and each became a quotation of the last speaker: in a language whose nouns are all capitalised, Title
    Case says nothing, but every word capitalised with an English one among them is a title."""
    body = (
        "„Ich spiele gern Schurken“, sagte der Schauspieler Jannik Brenneke (34) in Talheim. Bekannt wurde er mit "
        "der Serie „The Harbour Lights“ und dem Film „Winter Story Returns“."
    )
    found = extract("", body, "de")
    assert [q.text for q in found.quotes] == ["Ich spiele gern Schurken"]


def test_a_german_name_in_quotation_marks_is_no_quotation_but_words_spoken_of_are():
    """On real German pages, names set in quotation marks („Pakt von Glasgow“, „Ruf des Nordens“, „Journal of the
    American Medical Association“) became quotations of whoever spoke last: 41 such. A name's shape, capitalised
    words joined only by prepositions and articles, says a name; a sentence that says it was said („sprach von
    einem „Versagen mit Ansage“") keeps it a quotation, and so does a full stop („Eine Ungeschicklichkeit.“)."""
    body = (
        "„Wir haben mehr erreicht, als viele erwartet hatten“, sagte die Ministerin Jana Velbert (51) in Ostrava. "
        "Die Konferenz endete mit dem „Pakt von Ostrava“. Die Kosten trägt die „Stiftung für Küstenschutz und "
        "Hafenbau“.\n\nFraktionschef Malte Osterkamp sprach von einem „Versagen mit Ansage“. Der Vertrag gilt ab "
        "Mai. „Eine Zumutung.“"
    )
    found = extract("", body, "de")
    assert [q.text for q in found.quotes] == [
        "Wir haben mehr erreicht, als viele erwartet hatten",
        "Versagen mit Ansage",
        "Eine Zumutung.",
    ]
    assert [q.speaker for q in found.quotes[:2]] == ["Jana Velbert", "Malte Osterkamp"]


def test_a_declaration_or_a_law_gives_its_own_words_not_the_last_speakers():
    """On real German pages a final declaration's words („Recht auf eine saubere … Umwelt“, after "Die
    Abschlusserklärung erwähnt …") and a law's paragraph (after "Dort heißt es in Paragraph 10:") became the words of
    whoever spoke last. A sentence whose subject is a text with a verb of its list, or "heißt es", gives the text's
    words: no speaker. English too: "The final declaration mentions …"."""
    de = (
        "„Wir bauen die Brücke bis Mai“, sagte der Minister Jan Brenneke (52). Die Abschlusserklärung erwähnt zum "
        "ersten Mal das „Recht auf eine saubere und gesunde Umwelt“.\n\nDas Hafengesetz ist streng. Dort heißt es "
        "in Paragraph 10:\n\n„Anbieter sind für fremde Informationen nicht verantwortlich.“"
    )
    found = extract("", de, "de")
    assert [q.speaker for q in found.quotes] == ["Jan Brenneke", None, None]
    en = (
        "“We will build the bridge by May,” said Minister Jan Brenneke. The final declaration mentions for the first "
        "time the “right to a clean and healthy environment for all”."
    )
    assert [q.speaker for q in extract("", en).quotes] == ["Jan Brenneke", None]


def test_spanish_people_and_speakers_with_the_language_s_own_words():
    """Spanish had no table: on 48 real Spanish pages 1 person was found and none of 278 quotations had a speaker.
    Its titles, reporting verbs (past, present, perfect), "según" and ages make people and speakers as in French; a
    verb with no subject after a quotation ("“…”, contó.") stands for the person just named, as Spanish drops its
    pronouns, but not in the plural ("explicaron": several people) nor past someone named since the last speaker;
    a title before "de" and a capitalised word is an office's place or body ("el jefe de Estado"), no person."""
    body = (
        "El mercado de Puerto Salinas reabrió este lunes. “Es un día histórico”, dijo la alcaldesa Marta Quiroga "
        "Ledesma ante el jefe de Estado.\n\n“Hubo retrasos, pero cumplimos”, afirmó el concejal Andrés Villalba.\n\n"
        "En el mercado, Rosa Etcheverry, de 63 años, celebró la noticia. “Llevo treinta años aquí”, contó.\n\n"
        "“No hubo consultas”, explicaron desde el sindicato.\n\nEl director de Centros Penales, Osiris Lunares, "
        "visitó el mercado con Tomás Arrieta.\n\n“Volveremos muy pronto”, dijo."
    )
    found = extract("", body, "es")
    assert {p.name: p.evidence for p in found.people} == {
        "Marta Quiroga Ledesma": "title",
        "Andrés Villalba": "title",
        "Rosa Etcheverry": "age",
        "Osiris Lunares": "title",
    }
    assert [q.speaker for q in found.quotes] == [
        "Marta Quiroga Ledesma",
        "Andrés Villalba",
        "Rosa Etcheverry",
        None,
        "Osiris Lunares",  # the last person named before (Tomás Arrieta is no person: nothing says so)
    ]
    since = (
        "“Hubo retrasos en la obra”, afirmó el concejal Andrés Villalba.\n\nLlegó también Tomás Arrieta, de Rutas "
        "del Sur. “Volveremos muy pronto”, dijo."
    )
    assert [q.speaker for q in extract("", since, "es").quotes] == ["Andrés Villalba", None]


def test_quoted_items_of_a_list_are_no_follow_on_of_the_last_speaker():
    """A real Spanish page listed a decree's prohibitions in quotation marks ("están prohibidas “las plantaciones
    …”, “toda actividad minera” y “la caza …”"), and each became the words of the biologist quoted before. A partial
    quotation joined to another by a comma or "and" is an item of a list, and has no speaker of its own."""
    body = (
        "“El decreto no se cumple”, dijo la bióloga Laura Quintela Ferrer.\n\nEn la zona están prohibidas “las "
        "plantaciones de especies exóticas”, “toda actividad minera” y “la caza de fauna nativa”.\n\n"
        "Quintela Ferrer pidió más controles. Según ella, el área “se cuida muy poco”."
    )
    found = extract("", body, "es")
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("El decreto no se cumple", "Laura Quintela Ferrer"),
        ("las plantaciones de especies exóticas", None),
        ("toda actividad minera", None),
        ("la caza de fauna nativa", None),
        ("se cuida muy poco", "Laura Quintela Ferrer"),
    ]


def test_spanish_first_surname_guillemets_beside_curly_quotes_and_a_heading_before_a_name():
    """Written after the Spanish rules, our Spanish set (bench/eval-es-holdout) found three kinds of error that real
    Spanish copy shares: a person with two surnames goes by the first ("Inés Carrasco Vidal" … "dijo Carrasco"),
    « » quote beside “ ” in one article, and a sentence opening a paragraph after a heading without a full stop
    ("Nuevos datos / Ahora Urquiza asegura …") had its first word, "Ahora", taken as a given name."""
    body = (
        "La glacióloga Inés Carrasco Vidal presentó el estudio. “El retroceso se aceleró”, explicó Carrasco.\n\n"
        "El geógrafo Tomás Urquiza Lema coincidió. «Los datos son sólidos», dijo.\n\nNuevos datos\n\n"
        "Ahora Urquiza asegura que el hielo desaparecerá."
    )
    found = extract("", body, "es")
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("El retroceso se aceleró", "Inés Carrasco Vidal"),
        ("Los datos son sólidos", "Tomás Urquiza Lema"),
    ]
    assert {p.name: p.count for p in found.people} == {"Inés Carrasco Vidal": 2, "Tomás Urquiza Lema": 2}


def test_a_spanish_name_in_quotation_marks_is_no_quotation():
    """Two real Chilean pages gave the president the words “Mes del Mar”, the name of a month of naval ceremonies.
    Spanish, like German, now reads a name's shape (capitalised words joined by "del", "de", "y" …) as a name, unless
    the sentence says it was said."""
    body = (
        "“Vamos a recuperar el puerto”, dijo el alcalde Esteban Arriaga Puentes. Luego participó en la ceremonia "
        "por el “Mes del Mar” y visitó la “Escuela Naval de San Isidro”."
    )
    found = extract("", body, "es")
    assert [q.text for q in found.quotes] == ["Vamos a recuperar el puerto"]


def test_a_speaker_named_after_the_verb_past_an_adverb():
    """Real Spanish pages wrote "“…”, opina en cambio Sergi González" and "“…”, lamenta, por su parte, Iris
    Avellaneda": the adverb stopped the search for the speaker after the verb, and the words went to the previous
    speaker. Each language's adverbs there are skipped (German "sagte dagegen …")."""
    es = (
        "“El retroceso se aceleró mucho”, dijo la glacióloga Inés Carrasco Vidal. “Tenemos muchas dudas de ese "
        "récord”, opina en cambio Sergio Galván, meteorólogo. “Esto ya no es ciencia”, lamenta, por su parte, Iris "
        "Almada, de 70 años."
    )
    assert [q.speaker for q in extract("", es, "es").quotes] == ["Inés Carrasco Vidal", "Sergio Galván", "Iris Almada"]
    de = "„Wir bauen bis Mai“, sagte die Ministerin Jana Velbert. „Das ist zu spät“, sagte dagegen Jens Möller (54)."
    assert [q.speaker for q in extract("", de, "de").quotes] == ["Jana Velbert", "Jens Möller"]


def test_review_cases_german_words_said_spanish_description_later_and_odd_codecs():
    """A review of the name-shape, pronoun-drop and charset rules found: German words said in capitals, the verb after
    them („Herzlichen Glückwunsch zum Sieg“, sagte …), were taken for a name; a Spanish description after a place
    ("dijo en la radio el ministro de Economía") gave the previous speaker; a page declaring the idna codec raised."""
    de = "„Herzlichen Glückwunsch zum Sieg“, sagte Angela Möllring (41). Das Team fuhr zum „Tag der Vereine“."
    assert [(q.text, q.speaker) for q in extract("", de, "de").quotes] == [
        ("Herzlichen Glückwunsch zum Sieg", "Angela Möllring")
    ]
    es = (
        "“Vamos a ganar esta elección”, dijo el candidato Juan Pereyra.\n\n“No habrá más impuestos este año”, "
        "dijo en la radio el ministro de Economía."
    )
    found = extract("", es, "es")
    assert [(q.speaker, q.speaker_as_written) for q in found.quotes] == [
        ("Juan Pereyra", "Juan Pereyra"),
        (None, "el ministro de Economía"),
    ]
    from articles.ingest.formats import decode_html

    page = '<html><head><meta charset="idna"><title>Café au port</title></head><body><p>Le café.</p></body></html>'
    assert "Café au port" in decode_html(page.encode("utf-8"))


def test_a_text_that_lost_its_line_breaks_keeps_the_paragraphs_of_a_long_quotation_apart():
    """A page or feed that lost its line breaks writes a quotation of two paragraphs as "… the first one ends.
    “The second …”" inside one long line: the second opening mark starts the next paragraph of the quotation (as a
    line opening with one does), not a quotation inside the first, which had swallowed the speaker's next words."""
    filler = "The ferry to Saltholm runs twice a day in summer and once in winter, weather allowing. " * 30
    first = (
        "We have asked the council for a second boat for eleven years, and every year we hear that the money is not "
        "there, that the harbour needs dredging first, that the old slipway must be rebuilt before anything else can "
        "happen, and every year the queue at the quay gets longer."
    )
    body = (
        f"{filler}Harbour master Ilse Brannock put it plainly at the meeting: “{first} “Nobody on this island believes "
        f"the council any more,” she said. {filler}"
    )
    assert len(body) > 3000 and "\n" not in body
    assert [(q.text[:30], q.speaker) for q in extract("Ferry", body).quotes] == [
        (first[:30], "Ilse Brannock"),
        ("Nobody on this island believes", "Ilse Brannock"),
    ]


def test_a_text_that_lost_its_line_breaks_is_read_in_paragraphs_opening_at_quotations():
    """A page or feed entry that lost its line breaks is one long line: a stray quotation mark early in it ('the
    documentary "Island Life at the fair') paired every mark after it the wrong way round, and no quotation was found.
    Read with a paragraph before each sentence that opens with a quotation mark, where news paragraphs begin, the
    stray mark stays in its own, and the quotations' positions are the text's as it came."""
    filler = "The ferry to Saltholm runs twice a day in summer and once in winter, weather allowing. " * 30
    body = (
        f'{filler}The islanders watched the documentary "Island Life at the fair. "We need a second boat," said '
        'harbour master Ilse Brannock. "The queue is too long and the boat is too old," she said. Tomas Reinholt, who '
        f'runs the cafe, agreed. "Nobody believes the council any more," he said. {filler}'
    )
    found = extract("Ferry", body).quotes
    assert [(q.text[:25], q.speaker) for q in found] == [
        ("We need a second boat,", "Ilse Brannock"),
        ("The queue is too long and", "Ilse Brannock"),
        ("Nobody believes the counc", "Tomas Reinholt"),
    ]
    assert [body[q.position + 1 : q.position + 1 + len(q.text)] for q in found] == [q.text for q in found]
