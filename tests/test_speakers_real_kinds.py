"""Speakers in the constructions real news uses (issue 13.2): one test per error kind found on real articles,
each with our own fictional sentences in that construction."""

from articles.ingest.quotes import extract


def speakers(body: str) -> list[tuple[str, str | None]]:
    return [(q.text[:24], q.speaker) for q in extract("", body, "en").quotes]


def test_reader_comments_signed_after_the_quotation():
    body = (
        "We asked readers what they made of the debate. Here is what they told us.\n\n"
        "“He never answered a single question about the harbour. I was embarrassed for him.” ― Marisol Quenby\n"
        "“The bridge plan is the only thing that matters to my street.”― Tobias Ferrand-Lake, Welby\n"
        "“I switched the television off after twenty minutes.” ― Odile Saranko."
    )
    assert speakers(body) == [
        ("He never answered a sing", "Marisol Quenby"),
        ("The bridge plan is the o", "Tobias Ferrand-Lake"),
        ("I switched the televisio", "Odile Saranko"),
    ]
    quote = extract("", body, "en").quotes[1]
    assert quote.evidence == "signed after the quotation: Tobias Ferrand-Lake"


def test_transcript_labels_inside_the_quotation():
    body = (
        "Governor Ilse Kowalski spoke to the host, Bram Tessaro, on Sunday. Part of the exchange follows.\n\n"
        '"TESSARO: Will the ferry tax go up next year?\n\n'
        '"KOWALSKI: Well, look, nobody on the island wants a higher fare, and I will not sign one.\n\n'
        '"TESSARO: Is that a promise?'
    )
    got = speakers(body)
    assert got == [
        ("TESSARO: Will the ferry ", "Bram Tessaro"),
        ("KOWALSKI: Well, look, no", "Ilse Kowalski"),
        ("TESSARO: Is that a promi", "Bram Tessaro"),
    ]


def test_party_tag_after_the_name():
    body = (
        "Lawmakers argued over the dredging bill on Tuesday.\n\n"
        "“This bill drains the harbour fund dry,” Rep. Ada Voss (D-Ore.) said.\n\n"
        "Sen. Caleb Runnels (R-Idaho) told reporters that “the fund was never meant for dredging.”\n\n"
        "“We were not consulted,” Rep. Mira Oduya (R-Ohio), a member of the harbour panel, said.\n\n"
        "“Nor were we,” said Sen. Tobin Ashgrove (Vt.)."
    )
    assert speakers(body) == [
        ("This bill drains the har", "Ada Voss"),
        ("the fund was never meant", "Caleb Runnels"),
        ("We were not consulted,", "Mira Oduya"),
        ("Nor were we,", "Tobin Ashgrove"),
    ]


def test_description_after_the_name_does_not_speak():
    body = (
        "The mayor, Ines Caldwell, defended the budget on Monday.\n\n"
        "“The numbers do not add up,” Jory Amsel, an accountant who advised Caldwell during the campaign, said.\n\n"
        "“We will fight this in court,” Petra Lind, Caldwell’s campaign manager, said.\n\n"
        "“It is a fair budget,” Owen Rhodes, Jonas’ deputy, said."
    )
    got = speakers(body)
    assert got[0] == ("The numbers do not add u", "Jory Amsel")
    assert got[1] == ("We will fight this in co", "Petra Lind")


def test_surname_only_speaker_is_named_as_written():
    body = (
        "The fund's founder has rarely spoken about the sale.\n\n"
        "“I did not expect the offer, and I did not want it,” Okonjo told the Harbour Ledger in May. "
        "“Some of the partners will be upset.”\n\n"
        "Okonjo said he would keep a seat on the board."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [("Okonjo", "Okonjo"), ("Okonjo", "")]
    assert got[0].evidence == "name as written next to the reporting verb: Okonjo"
    assert got[1].evidence == "follow-on: the previous speaker"


def test_one_word_company_is_not_named_as_a_person():
    body = (
        "The outage lasted six hours.\n\n"
        "In a post on its engineering blog, Veltro said the update had “interacted badly with a routine job.”\n\n"
        "Veltro, founded in 2016, said it would refund its customers."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [(None, "Veltro")]


def test_pronoun_means_the_sentence_subject_not_the_person_named_last():
    body = (
        "Tomas Erlind promised on Monday to go beyond the harbour policies of Mayor Henrik Saal.\n\n"
        "“We will dredge the whole channel, not half of it,” he said at the quay."
    )
    quote = extract("", body, "en").quotes[0]
    assert quote.speaker == "Tomas Erlind"


def test_pronoun_after_a_new_subject_is_not_the_previous_speaker():
    body = (
        "“The harbour is safe for the winter,” Henrik Saal said.\n\n"
        "Tomas Erlind, a fisherman who has worked the bay for thirty years, disagreed.\n\n"
        "“It is not safe at all, and everyone on the quay knows it,” he said."
    )
    assert speakers(body) == [
        ("The harbour is safe for ", "Henrik Saal"),
        ("It is not safe at all, a", "Tomas Erlind"),
    ]
    quote = extract("", body, "en").quotes[1]
    assert quote.evidence == (
        "pronoun next to the reporting verb, meaning the subject of a sentence since the previous speaker: he"
    )


def test_organisations_and_unnamed_speakers_get_no_person():
    body = (
        "The ministry defended the ferry plan on Monday. Its spokeswoman, Liane Brask, declined to comment.\n\n"
        "“The plan is lawful,” the ministry said.\n\n"
        "“We will publish the figures,” a spokeswoman for the ministry said.\n\n"
        "“Nobody asked the islanders,” a spokeswoman said later, without giving her name.\n\n"
        "“It is a bad plan,” the Republican lawmaker said."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [
        (None, "the ministry"),
        (None, "a spokeswoman for the ministry"),
        (None, "a spokeswoman"),
        (None, "the Republican lawmaker"),
    ]


def test_a_role_the_text_ties_to_a_named_person_is_that_person():
    body = "The host, Marcus Fell, pressed the minister.\n\n“Is it lawful?” the television host asked."
    quote = extract("", body, "en").quotes[0]
    assert (quote.speaker, quote.evidence) == (
        "Marcus Fell",
        "role the article gave a person it names: the television host",
    )


def test_a_long_description_after_the_name_keeps_the_name_as_speaker():
    body = (
        "The island's ferry timetable changed on Monday.\n\n"
        "“Nobody told the pilots,” Hale Ostrow, 67, a retired ferry pilot in Welby, Ore., said.\n\n"
        "“We will review it,” Anneke Ruiz, assistant secretary for harbours, ferries, and bridges, said."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.evidence) for q in got] == [
        # (four comma segments are read before the verb: the name is the fourth)
        ("Hale Ostrow", "name next to the reporting verb: Hale Ostrow"),
        ("Anneke Ruiz", "name opening the clause, before its description: Anneke Ruiz"),
    ]


def test_who_after_a_name_as_written_says_person():
    body = (
        "The harbour board met on Tuesday.\n\n"
        "“The vote was rushed,” Brusk-Tamm said. Brusk-Tamm, who chairs the tenants' group, left early."
    )
    quote = extract("", body, "en").quotes[0]
    assert (quote.speaker, quote.evidence) == ("Brusk-Tamm", "name as written next to the reporting verb: Brusk-Tamm")


def test_a_quotation_after_a_sentence_ending_in_a_title_cue_word_is_no_title():
    body = (
        '"The plan pays for itself," said Orla Quint, an adviser to the ferry campaign. '
        '"That\'s what the numbers show."'
    )
    assert speakers(body) == [("The plan pays for itself", "Orla Quint"), ("That's what the numbers ", "Orla Quint")]


def test_a_line_opening_with_a_quotation_mark_starts_a_new_quotation():
    body = (
        "“It is a dog whistle,” Rep. Mira Oduya said on Friday. “If the harbour is not ours, then whose is it?\n"
        "“I have been thinking about this for a long time,” added Rep. Tobin Ashgrove, the panel's chairman. "
        "“We are not used to this.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:22], q.speaker) for q in got] == [
        ("It is a dog whistle,", "Mira Oduya"),
        ("If the harbour is not ", "Mira Oduya"),
        ("I have been thinking a", "Tobin Ashgrove"),
        ("We are not used to thi", "Tobin Ashgrove"),
    ]


def test_a_given_name_says_which_of_two_people_a_pronoun_means():
    body = (
        "Rebecca Voss sat on the harbour board for ten years before Scott Lund took her seat.\n\n"
        "In one of her columns, Voss criticised the dredging plan that Lund later approved.\n\n"
        "“It was a mistake then and it is a mistake now,” she said."
    )
    quote = extract("", body, "en").quotes[0]
    assert quote.speaker == "Rebecca Voss"


def test_only_a_given_name_of_one_gender_everywhere_gives_one():
    from articles.ingest.name_genders import gender_of

    assert (gender_of("Rebecca"), gender_of("SCOTT")) == ("f", "m")
    assert (gender_of("Andrea"), gender_of("Kim"), gender_of("Harbour")) == ("", "", "")


def test_a_surname_speaker_is_the_one_person_of_that_name_named_in_full():
    body = (
        "Vice Chancellor Ambrose T. Kettering Jr. visited the port on Monday.\n\n"
        "“We will rebuild the north quay first,” Mr. Kettering said."
    )
    quote = extract("", body, "en").quotes[0]
    assert quote.speaker == "Ambrose T. Kettering Jr."


def test_livelier_reporting_verbs_and_an_age_before_the_name():
    body = (
        "“Go back to the mainland,” Tobin Ashgrove barked at the reporter.\n\n"
        "“Silly boys acting like they own the quay,” scoffed Dara Quillon, 22, who founded the skating club.\n\n"
        "17-year-old Milo Verrant spoke next. “He speaks his mind.”"
    )
    assert speakers(body) == [
        ("Go back to the mainland,", "Tobin Ashgrove"),
        ("Silly boys acting like t", "Dara Quillon"),
        ("He speaks his mind.", "Milo Verrant"),
    ]


def test_shot_back_names_a_speaker_and_a_place_is_none():
    body = (
        "“They are all here for the free ferry,” Tobin Ashgrove shot back.\n\n"
        "The council in Sacramento disagreed. “The ferry pays for itself,” Sacramento said in a statement."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [
        ("Tobin Ashgrove", "Tobin Ashgrove"),
        (None, "Sacramento"),
    ]


def test_an_outlet_reporting_and_a_plural_role_get_no_person():
    body = (
        "Justin Marrow, an attorney for the family, spoke first.\n\n"
        "“More questions than answers,” their attorneys said after the hearing.\n\n"
        "Marrow leads the polls. This is “roughly the same lead he has held all month,” reported the Harbour Ledger."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [
        (None, "their attorneys"),
        (None, "the Harbour Ledger"),
    ]


def test_a_subject_paragraphs_back_is_no_evidence_for_a_quotation_alone():
    body = (
        "Tomas Erlind opened the harbour meeting on Monday.\n\n"
        "The ferry timetable has changed four times this year.\n\n"
        "The council's report blames the weather and the budget.\n\n"
        "“No one on the island was asked.”"
    )
    assert speakers(body) == [("No one on the island was", None)]


def test_a_surname_as_an_object_hands_a_pronoun_to_no_namesake():
    body = (
        "Karl Ostrow opened the campaign office on Monday with his daughter, Ivanka Ostrow.\n\n"
        "Former governor Jana Brill, an early supporter of Ostrow, calls the ferry tax a priority. "
        "“That is something every islander will understand,” she said."
    )
    quote = extract("", body, "en").quotes[0]
    assert quote.speaker == "Jana Brill"


def test_a_given_names_usual_gender_never_hands_the_pronoun_to_someone_further_back():
    """The name dictionary says "Wren" is a man's name; the pronoun says otherwise. Evidence that weak
    must not pass the quotation to the woman named a paragraph earlier: unresolved, not a wrong speaker."""
    body = (
        "Port Elden Mayor Ana Ruiz welcomed the review on Monday.\n\n"
        "Wren Achterberg of the Tenants’ Alliance said the figures matched what her members reported. "
        "“People are sleeping better,” she said."
    )
    [quote] = extract("", body, "en").quotes
    assert quote.speaker is None
    assert quote.speaker_as_written == "she"
    assert "given name" in quote.evidence


def test_a_coordinator_is_no_speaker_written():
    body = (
        "Councillor Joaquin Ibarrola said the slowdown vindicated his warnings. He said that the council had "
        "“bought calm today with a shortage tomorrow”, and called the modular flats a sign of how far behind "
        "the city had fallen."
    )
    [quote] = extract("", body, "en").quotes
    assert quote.speaker == "Joaquin Ibarrola"
    assert quote.speaker_as_written != "and"


def test_an_organisation_quoted_is_recorded_as_an_organisation_not_a_person():
    body = (
        "The harbour ministry and the Tarrow Herald both spoke about the dredging contract on Monday.\n\n"
        "“The contract is lawful and will stand,” the ministry said in a statement.\n\n"
        "“We have seen no tender documents,” the Tarrow Herald reported.\n\n"
        "“Nobody asked the islanders first,” a spokeswoman for the ministry said later.\n\n"
        "“The figures will be published,” it said. “All of them, in March.”\n\n"
        "“The dredgers leave on Friday,” said KPLA, the port authority.\n\n"
        "“It was a fair tender,” said Odile Brask, the harbour master.\n\n"
        "“So they say,” officials said."
    )
    got = [(q.speaker, q.speaker_as_written, q.speaker_kind) for q in extract("", body, "en").quotes]
    assert got == [
        (None, "the ministry", "organisation"),
        (None, "the Tarrow Herald", "organisation"),
        (None, "a spokeswoman for the ministry", "person"),  # a person, though the article does not name her
        (None, "it", "organisation"),
        (None, "", "organisation"),  # the same speaker runs on
        (None, "KPLA", "organisation"),
        ("Odile Brask", "Odile Brask", "person"),
        (None, "officials", "unknown"),  # several people: no one person, no organisation
    ]


def test_a_full_stop_after_a_title_ends_no_sentence():
    # "Mr. Aldana" is the object inside Keller's sentence, not the opening of a new one: "he" is Keller.
    body = (
        "The recount ended on Sunday.\n\n"
        "Bruno Keller, a former aide to Mr. Aldana, said the vote was close. “We lost by a hair,” he said."
    )
    assert speakers(body) == [("We lost by a hair,", "Bruno Keller")]


def test_a_name_right_after_said_is_no_new_subject_for_a_pronoun():
    # "Rehm said Mayor Piet Vandermeer would be …": Vandermeer is what Rehm said, so the next "he said" is Rehm's.
    body = (
        "Tomas Rehm, a spokesman for the port, said Mayor Piet Vandermeer would be “a strong voice” for the quay.\n\n"
        "“I would expect the council to listen to him,” he said."
    )
    assert speakers(body) == [("a strong voice", "Tomas Rehm"), ("I would expect the counc", "Tomas Rehm")]


def test_a_name_after_a_preposition_in_a_description_is_not_the_speaker():
    # "a lawyer for Haldane" is not Haldane; "the harbour master, who said" is the one the relative clause speaks of.
    body = (
        "Piet Haldane lost his appeal on Friday.\n\n"
        "“We will go to the high court,” said the former top aide to Mayor Ilse Vandermeer.\n\n"
        "A lawyer for Mr. Haldane said the ruling was “a disgrace to the island.”\n\n"
        "The loss was hard for Mr. Haldane, who said he would “sleep on it.”"
    )
    got = [(q.speaker, q.speaker_as_written, q.speaker_kind) for q in extract("", body, "en").quotes]
    assert got == [
        (None, "the former top aide", "person"),
        (None, "A lawyer for Mr. Haldane", "person"),
        ("Piet Haldane", "Haldane", "person"),
    ]


def test_a_name_opening_its_clause_after_a_connective_or_an_introduction_speaks():
    # The description after the name has commas of its own, more than the subject search reads.
    body = (
        "The ferry contract went to Tarrow Lines.\n\n"
        "But Odile Brask, the head of Harbour Watch, a group that has sued the port over its accounts since March, "
        "said that “the damage is done.”\n\n"
        "Just last week, Piet Haldane, editor of the Welby Ledger, a weekly read on every island, wrote, "
        "“Nobody asked the islanders.”"
    )
    assert speakers(body) == [("the damage is done.", "Odile Brask"), ("Nobody asked the islande", "Piet Haldane")]


def test_a_title_that_is_also_a_surname_ends_a_name_as_written():
    body = (
        "The council met on Monday.\n\n"
        "“It will not be easy for the ferry,” said Representative Mara T. Bishop of Welby, and her vote decided it."
    )
    got = extract("", body, "en").quotes
    # Found as a person now (the people finder reads "Bishop" after an initial as her surname), so written as
    # every titled speaker is: her name, the title being her role.
    assert [(q.speaker, q.speaker_as_written) for q in got] == [("Mara T. Bishop", "Mara T. Bishop")]


def test_a_paragraph_ending_with_a_colon_introduces_the_quotation_after_it():
    body = (
        "“We vote on Friday,” said Piet Haldane, the branch secretary.\n\n"
        "Not everyone agreed, as Odile Brask of the dockers’ branch observed:\n\n"
        "“The port has never paid us on time, and it will not start now.”\n\n"
        "The harbour trust answered in a statement on its website:\n\n"
        "“Every invoice has been settled within thirty days.”"
    )
    got = [(q.speaker, q.speaker_as_written, q.speaker_kind) for q in extract("", body, "en").quotes]
    assert got == [
        ("Piet Haldane", "Piet Haldane", "person"),
        ("Odile Brask", "Odile Brask", "person"),
        (None, "The harbour trust", "organisation"),  # not the previous speaker
    ]


def test_a_role_in_lower_case_before_a_name_keeps_it_the_subject():
    body = (
        "Republican presidential hopeful Tomas Rehm spoke after Mayor Piet Haldane left the hall.\n\n"
        "“I will win the island,” he said.\n\n"
        "“We expected more,” said Piet Haldane.\n\n"
        "In response to the ruling, Democratic gubernatorial candidate Odile Brask issued the following statement:\n\n"
        "“The trust will appeal.”"
    )
    assert speakers(body) == [
        ("I will win the island,", "Tomas Rehm"),
        ("We expected more,", "Piet Haldane"),
        ("The trust will appeal.", "Odile Brask"),  # the subject of a paragraph ending with a colon
    ]


def test_role_words_around_names_say_which_name_speaks():
    body = (
        "Mayor Piet Haldane lost the vote on Tuesday.\n\n"
        "“The ferry must run,” said former secretary of state Odile Brask, who praised the islanders.\n\n"
        "Former Haldane spokesman Tomas Rehm derided “the island lobby and its friends” in a column.\n\n"
        "Ines Varga doubted the merger. Flying home that night, she vented to her husband, Karel Varga, that it "
        "would be “a fight from start to finish.”"
    )
    assert speakers(body) == [
        ("The ferry must run,", "Odile Brask"),  # "of state" is part of her role
        ("the island lobby and its", "Tomas Rehm"),  # Haldane only qualifies "spokesman"
        ("a fight from start to fi", "Ines Varga"),  # "she" is the subject; her husband is an appositive
    ]


def test_the_agent_of_a_passive_reporting_verb_speaks():
    body = (
        "The candidates met in Welby on Tuesday.\n\n"
        "Tomas Rehm was asked by moderator Odile Brask whether the ferry plan would "
        "“cost the island more than it saves.”"
    )
    assert speakers(body) == [("cost the island more tha", "Odile Brask")]


def test_a_name_qualifying_the_noun_after_it_is_not_the_speaker():
    body = (
        "Mayor Piet Haldane lost the recount on Sunday.\n\n"
        "Haldane supporters said the count was “stolen in broad daylight.”\n\n"
        "“We will appeal,” one Haldane spokesman said.\n\n"
        "“We will win,” the Haldane campaign said."
    )
    got = [(q.speaker, q.speaker_as_written, q.speaker_kind) for q in extract("", body, "en").quotes]
    assert got == [
        (None, "Haldane supporters", "unknown"),
        (None, "one Haldane spokesman", "person"),
        (None, "the Haldane campaign", "organisation"),
    ]


def test_present_tense_reporting_verbs_and_assurances():
    body = (
        "The skippers met the mayor on Monday.\n\n"
        "“I am a ferry man first,” declares Tomas Rehm, 61, a skipper from Welby.\n\n"
        "“Your route is safe,” Mayor Piet Haldane assured him. “I will not let you down.”"
    )
    assert speakers(body) == [
        ("I am a ferry man first,", "Tomas Rehm"),
        ("Your route is safe,", "Piet Haldane"),
        ("I will not let you down.", "Piet Haldane"),
    ]


def test_a_name_in_apposition_inside_the_subject_is_no_clause_opener():
    body = (
        "“There is no way to keep the ferry without a new levy,” said Tomas Rehm of the harbour trust. "
        "Proposals so far from the front-runner, Margaret Varga, to raise the fare, he added, amount to "
        "“tinkering around the edges.”"
    )
    got = speakers(body)
    assert got[0] == ("There is no way to keep ", "Tomas Rehm")
    # not Varga, only the subject's apposition; "he" right after her is left unresolved rather than guessed
    assert got[1] == ("tinkering around the edg", None)


def test_he_opening_a_clause_after_a_named_subject_states_that_persons_gender():
    # "after he was outvoted" says Robin Haldane is a man, so "she" is Kim Varga, though Haldane is the subject.
    body = (
        "Robin Haldane resigned from the trust after he was outvoted in May.\n\n"
        "Robin Haldane thanked Kim Varga. “We will miss the harbour,” she said."
    )
    assert speakers(body) == [("We will miss the harbour", "Kim Varga")]


def test_a_pronoun_continues_the_subject_pronoun_of_the_sentence_before():
    # "he suggested that Mr. Haldane had …": Haldane is no subject, "he" is, so the next "he said" is that "he".
    body = (
        "The talks on the ferry levy ended on Monday.\n\n"
        "Tomas Rehm said there was nothing wrong with the plan. But he suggested that Mr. Haldane had his eyes on "
        "the election.\u00a0“They are under pressure at home,” he said."
    )
    assert speakers(body) == [("They are under pressure ", "Tomas Rehm")]


def test_reported_speech_in_the_paragraph_before_names_the_next_speaker():
    body = (
        "“The levy will pass,” said Mayor Piet Haldane.\n\n"
        "The vote will not change the fare, according to Tomas Rehm of the Welby Ledger.\n\n"
        "“Islanders have heard these promises before,” he wrote.\n\n"
        "Ines Varga explained why she backs the levy. The harbour trust met on Friday.\n\n"
        "“It pays for the quay,” said Mayor Haldane."
    )
    assert speakers(body) == [
        ("The levy will pass,", "Piet Haldane"),
        ("Islanders have heard the", "Tomas Rehm"),  # not Haldane, who spoke before the report
        ("It pays for the quay,", "Piet Haldane"),
    ]


def test_what_a_document_reads_is_not_the_previous_speakers():
    body = (
        "“We will reopen soon,” said Mayor Piet Haldane.\n\n"
        "The statement from the harbour trust reads: “No ferries will sail until Monday.”"
    )
    got = [(q.speaker, q.speaker_as_written) for q in extract("", body, "en").quotes]
    assert got == [("Piet Haldane", "Piet Haldane"), (None, "The statement from the harbour trust")]


def test_a_name_as_written_is_a_person_by_the_role_or_the_who_after_it():
    body = (
        "The levy vote is on Friday.\n\n"
        "“The levy is a scandal,” said Margaret Hall Brenner, a professor of economics at Welby College. "
        "While not every promise is false, Brenner said the mayor is “selling a dream.”\n\n"
        "“It will not be easy,” said Representative Tomas Q. Rehm of Welby, who backs the levy."
    )
    assert speakers(body) == [
        ("The levy is a scandal,", "Margaret Hall Brenner"),  # "Hall" is her middle name here, not a building
        ("selling a dream.", "Margaret Hall Brenner"),
        ("It will not be easy,", "Tomas Q. Rehm"),
    ]


def test_a_participle_after_the_main_clause_is_said_by_its_subject():
    # "X did something, telling reporters, “…”": the participle's speaker is the main clause's subject, which may be
    # no person at all (an organisation, "a spokeswoman for …"); never the previous speaker.
    body = (
        "“The ferry will run all winter,” Mayor Odile Brandt said on Monday.\n\n"
        "The harbour board shrugged off the promise, telling reporters, “Nobody has asked us about the timetable.”\n\n"
        "A spokeswoman for the ferry company emailed reporters, arguing, “The boats are not built for ice.”\n\n"
        "Brandt would not answer. Councillor Jonas Pettersen also spoke at the meeting, warning that the town faced "
        "“a bill nobody can pay.”\n\n"
        "On Wednesday he wrote to the board, adding: “I will vote against it.”\n\n"
        "Brandt’s deputy, Lena Skov, defended the plan on Thursday, saying: “The money is there.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [
        ("The ferry will run a", "Odile Brandt"),
        ("Nobody has asked us ", None),
        ("The boats are not bu", None),
        ("a bill nobody can pa", "Jonas Pettersen"),
        ("I will vote against ", "Jonas Pettersen"),
        ("The money is there.", "Lena Skov"),
    ]
    assert got[1].speaker_as_written == "The harbour board"
    assert got[2].speaker_as_written == "A spokeswoman for the ferry company"
    assert got[1].evidence.startswith("subject of the main clause before a participle")


def test_a_coordinated_reporting_verb_shares_the_subject_of_the_verb_before_it():
    # "she laughed and admitted", "he looked away, rubbed his chin and said", "X used to back …, but now said": the
    # subject of the verb before, not a name that is an object in the clause.
    body = (
        "Greta Lindqvist has known the mayor, Anton Caldwell, for thirty years.\n\n"
        "She still writes to Caldwell every week – although at the mention of letters she laughed and admitted "
        "“they are mostly about the garden.”\n\n"
        "Last month, when I asked Tomas Erling whether he would run again, he looked at the floor, rubbed his chin "
        "and said, “Ask me in the spring.”\n\n"
        "Councillor Marek Sollen used to back the harbour plan of Mayor Caldwell, but now said it was "
        "“a mistake from the start.”"
    )
    assert speakers(body) == [
        ("they are mostly about th", "Greta Lindqvist"),
        ("Ask me in the spring.", "Tomas Erling"),
        ("a mistake from the start", "Marek Sollen"),
    ]


def test_a_name_inside_an_apposition_or_a_parenthetical_does_not_speak():
    # "X, the party chairman, said": X, not another person the article gave that role; "X, playing Y, explained",
    # "X, asked about Y, had said": Y is the parenthetical's object.
    body = (
        "Pavel Ostrov, the chairman of the ferry company, opened the meeting.\n\n"
        "“He is doing his own thing,” Ruth Galway, the party chairman, said of the mayor.\n\n"
        "Vera Lund, playing the governor Ada Moss in the revue, explained: “The governor is a gift to us.”\n\n"
        "Idris Kaya, asked about the harbour under Mayor Ruth Galway, had said, “I think the town does plenty of that.”"
    )
    assert speakers(body) == [
        ("He is doing his own thin", "Ruth Galway"),
        ("The governor is a gift t", "Vera Lund"),
        ("I think the town does pl", "Idris Kaya"),
    ]


def test_a_pronoun_whose_sentence_before_names_an_object_means_that_sentences_subject():
    body = (
        "One voter, Tomas Brenn, 35, came in a red cap.\n\n"
        "He had protested Mayor Anton Varga at a rally and started talking to other activists.\n\n"
        "“I liked every reason they gave,” he said."
    )
    assert speakers(body) == [("I liked every reason the", "Tomas Brenn")]


def test_a_quotation_in_a_sentence_whose_subject_names_nobody_is_not_the_previous_speakers():
    # "A staff handbook … requires workers to pledge “…”", "The board's members were blunt: “…”": the sentence's own
    # subject, an organisation or unnamed people, kept as written with no person; not whoever spoke before.
    body = (
        "“We will open the dock in May,” Mayor Odile Brandt said.\n\n"
        "A staff handbook, obtained by the Harbour Ledger, requires workers to pledge "
        "“never to discuss the dock with reporters.”\n\n"
        "The board's members were blunt: “The dock will not open before autumn.”\n\n"
        "A few weeks later, on the steps of the town hall, Brandt conceded “a delay of a month or two.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [
        ("We will open the doc", "Odile Brandt"),
        ("never to discuss the", None),
        ("The dock will not op", None),
        ("a delay of a month o", "Odile Brandt"),
    ]
    assert got[1].speaker_as_written == "A staff handbook"
    assert got[2].speaker_as_written == "The board's members"
    assert got[2].evidence == "subject of the sentence holding the quotation: The board's members"


def test_the_first_of_a_double_surname_names_the_person_named_in_full():
    body = (
        "“We lent money to anyone who asked,” said Marisol Ortega Llanes, the president of the harbour bank.\n\n"
        "A lawyer by training, Ms. Ortega is now in charge of paying the debts back.\n\n"
        "“The problems started when the bank lent for deficits,” Ms. Ortega said."
    )
    assert [q.speaker for q in extract("", body, "en").quotes] == ["Marisol Ortega Llanes", "Marisol Ortega Llanes"]


def test_reported_speech_by_a_pronoun_meaning_someone_new_hands_them_the_next_quotation():
    # "…, he told reporters. “…”": the he means the spokesman named since the last quotation, who speaks next.
    body = (
        "“The audit found nothing wrong,” Rafe Lindqvist, a consultant to the port, said. “Nothing at all.” "
        "In the capital, port authority spokesman Tomas Weyl repeated that the authority opposed leaks. "
        "People should bring evidence, he told reporters. “This is extremely irresponsible.”"
    )
    assert speakers(body)[-1] == ("This is extremely irresp", "Tomas Weyl")


def test_a_pronoun_after_a_sentence_naming_an_object_means_the_name_before_its_verb():
    body = (
        "The council met on Tuesday.\n\n"
        "Only last spring, boatyard owner Mel Okafor voiced alarm at the idea of Tomas Brekke as the "
        "council's chair. “Every morning I swore it would never come to that,” he told the Ledger."
    )
    assert speakers(body) == [("Every morning I swore it", "Mel Okafor")]


def test_a_participle_after_and_is_said_by_the_main_clauses_subject():
    body = (
        "Ines Caldwell was taken to hospital after the fall.\n\n"
        "Jory Amsel sent her flowers, addressing her as “Inky” and telling her, “you are the best mayor we ever had!” "
        "She replied that it was “an honour to serve.”"
    )
    assert speakers(body)[0] == ("you are the best mayor w", "Jory Amsel")


def test_a_name_after_a_spokesman_for_before_a_colon_does_not_speak():
    body = (
        "The council met on Christmas Eve. The meeting ran so late that a spokesman for Mayor Ines Caldwell "
        "could only quip: “I guess breakfast was booked.”"
    )
    assert speakers(body) == [("I guess breakfast was bo", None)]


def test_a_name_qualifying_a_noun_in_the_apposition_does_not_speak():
    body = (
        "Ana Gale runs the harbour board, and the vote on her levy is close.\n\n"
        "Kai Berg, pastor of the Lakeside Chapel and a Gale supporter, said: “I have never heard anyone speak like "
        "her.”\n\nMara Linde, another early Gale backer, added that it was “the best plan the port has seen in years.”"
    )
    assert speakers(body) == [("I have never heard anyon", "Kai Berg"), ("the best plan the port h", "Mara Linde")]


def test_said_and_a_name_after_a_comma_is_inverted():
    body = (
        "Ana Gale runs the harbour board. Tomas Ruiz ran against her last year.\n\n"
        "“It will be a challenge” for Gale, said Ruiz.\n\n"
        "The levy would bring a “summer of trouble” for Gale before the vote, said Piet Olsen, a pollster.\n\n"
        "Gale, asked about the levy, said Ruiz was “simply wrong about the harbour.”\n\n"
        "“The whole quay was behind him,” Olsen, after a long pause, said of Ruiz."
    )
    assert speakers(body) == [
        ("It will be a challenge", "Tomas Ruiz"),
        ("summer of trouble", "Piet Olsen"),
        ("simply wrong about the h", "Ana Gale"),
        ("The whole quay was behin", "Piet Olsen"),
    ]


def test_an_organisation_after_a_subordinate_clause_holds_the_floor_before_a_colon():
    body = (
        "Mayor Ada Voss opened the fair on Monday. “We are proud,” Voss said.\n\n"
        "As if talking to the mayor directly, the Harbour Board of Appeals was firm in its findings: “Further talk "
        "on this issue is pointless.”\n\n"
        "Amid calls for a boycott, the Ledger’s Tomas Ruiz offered a defence of the fair, saying it was “good for "
        "every shop on the quay.”"
    )
    assert speakers(body) == [
        ("We are proud,", "Ada Voss"),
        ("Further talk on this iss", None),
        ("good for every shop on t", "Tomas Ruiz"),
    ]
    assert extract("", body, "en").quotes[1].speaker_kind == "organisation"


def test_the_object_ending_a_subordinate_clause_is_no_appositive_speaker():
    body = (
        "Tomas Ruiz spoke for an hour at the quay. As Ruiz attacked Ana Gale, the crowd shouted, “Vote her out!”\n\n"
        "As Piet Olsen, a pollster at the Harbour Institute, noted, “Nobody in the town is waiting for the ferry.”"
    )
    assert speakers(body) == [("Vote her out!", None), ("Nobody in the town is wa", "Piet Olsen")]


def test_a_report_recommends_and_a_crowd_chants():
    body = (
        "Mayor Ada Voss opened the fair on Monday. “We are proud,” Voss said.\n\n"
        "The auditors published their review of the harbour levy on Friday.\n\n"
        "“Keep the ferry levy at its current level until 2030,” it recommended. “After that, review it.”\n\n"
        "“No levy on our boats! Not now, not ever!” some protesters chanted on the quay."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_kind) for q in got[1:]] == [
        ("Keep the ferry levy at i", None, "organisation"),
        ("After that, review it.", None, "organisation"),
        ("No levy on our boats! No", None, "unknown"),
    ]


def test_a_surname_that_is_a_common_word_is_the_person_named_in_full_with_it():
    body = (
        "The columnist Ansel Early has covered the harbour for thirty years, and Mara Will edits his pages.\n\n"
        "“The levy is a mistake,” Early said. “Nobody asked the fishermen,” Will said.\n\n"
        "“Small boats pay twice,” Small said."
    )
    assert speakers(body) == [
        ("The levy is a mistake,", "Ansel Early"),
        ("Nobody asked the fisherm", "Mara Will"),
        ("Small boats pay twice,", None),
    ]


def test_a_participle_after_a_sentence_opening_with_two_connectives_is_said_by_its_subject():
    body = (
        "Mayor Ada Voss opened the fair. “We are proud,” Voss said.\n\n"
        "Then came a kinder post about the flood. And then Tomas Ruiz turned sharply against her, saying, “Will "
        "the mayor step down at last? She must!”"
    )
    assert speakers(body)[1] == ("Will the mayor step down", "Tomas Ruiz")


def test_a_name_after_with_before_a_participle_asks_the_question():
    body = (
        "Mayor Ada Voss opened the fair. “We are proud,” Voss said.\n\n"
        "Councillors were quick to react, with Piet Olsen posting that it was a “disaster” and asking, “How can she "
        "stay in office after this?”"
    )
    assert speakers(body)[1] == ("How can she stay in offi", "Piet Olsen")


def test_as_a_person_put_it_names_the_speaker():
    body = (
        "The harbour police first noticed Tomas Ruiz in 2019. Even then, as the port prosecutor Mara Lindqvist "
        "put it, “beyond a few noisy parties on his boat, there was little to hold against him.”"
    )
    assert speakers(body) == [("beyond a few noisy parti", "Mara Lindqvist")]


def test_a_newspaper_or_a_report_speaking_is_not_a_person_given_that_role():
    body = (
        "As the flood waters rose, a Harbour newspaper called on mayoral candidate Ana Gale to visit the quay. "
        "The report was sent from the council's chief auditor, Tomas Ruiz, on Friday.\n\n"
        "“The levy is unlikely to pass this year,” the newspaper admitted.\n\n"
        "“The town's changes add to the urgency,” the report stated."
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_kind) for q in got] == [(None, "organisation"), (None, "unknown")]


def test_a_name_right_before_a_reporting_participle_speaks():
    body = (
        "Mayor Ada Voss opened the fair. “We are proud,” Voss said.\n\n"
        "The new advert uses footage of Tomas Ruiz asking, “Why is the ferry late again?”\n\n"
        "“The board knows that a complaint was filed by Mara Lind asserting that the levy is unlawful,” Voss said."
    )
    assert speakers(body) == [
        ("We are proud,", "Ada Voss"),
        ("Why is the ferry late ag", "Tomas Ruiz"),
        ("The board knows that a c", "Ada Voss"),
    ]


def test_a_question_pressed_and_a_passive_when_questioned():
    body = (
        "Tomas Ruiz interviewed Mayor Ada Voss on Sunday.\n\n"
        "“Will the levy go up?” Ruiz pressed. “Maybe for the large boats only?”\n\n"
        "Voss hardly answered, treating the question first as a joke -- “Ask the harbour master” -- and, when "
        "questioned again, asserting, “Of course the levy stays.”"
    )
    assert speakers(body) == [
        ("Will the levy go up?", "Tomas Ruiz"),
        ("Maybe for the large boat", "Tomas Ruiz"),
        ("Ask the harbour master", "Ada Voss"),
        ("Of course the levy stays", "Ada Voss"),
    ]


def test_a_quotation_closed_by_a_comma_belongs_to_the_attribution_right_after_it():
    body = (
        "Tomas Ruiz and Ana Gale met the harbour board on Monday.\n\n"
        "Gale has no way of knowing “what the captains think in private,” Ruiz added, saying the board decides.\n\n"
        "Asked about the levy, Gale said: “Small boats may be spared,” the Ledger reported."
    )
    assert speakers(body) == [("what the captains think ", "Tomas Ruiz"), ("Small boats may be spare", "Ana Gale")]


def test_it_opening_the_main_clause_before_a_participle_is_an_organisation():
    body = (
        "The Harbour Fact Desk rated forty claims by Mayor Ada Voss last year. “Most were false,” said its editor, "
        "Tomas Ruiz.\n\n"
        "Meanwhile, it attacked Voss's rival, saying she “has no plan for the quay at all.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_kind) for q in got] == [("Tomas Ruiz", "person"), (None, "organisation")]


def test_a_plural_subject_in_the_present_holds_its_own_quotation():
    body = (
        "For years, Tomas Ruiz noted, the harbour has sent its clerks to count other ports' ballots. Now his friends "
        "make jokes about posting clerks on the quay “to keep the harbour count honest.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [(None, "his friends")]


def test_a_quotation_paragraphs_of_reporting_after_the_last_speaker_is_left_unresolved():
    # No attribution, and between it and the last speaker a paragraph boundary and several sentences
    # of the reporter's own naming someone else: the previous speaker is no evidence (issue 13.2,
    # "where the evidence is not enough, leave the speaker unresolved").
    body = (
        "“The ferry will run on time all winter,” Henrik Saal said on Tuesday.\n\n"
        "The harbour board met for three hours on Wednesday evening. Its chair, Tomas Erlind, read out the "
        "inspectors' report on the ramp.\n\n"
        "The report found cracks in two of the four supports and rust along the landing plate. The repairs "
        "will close the ramp from the first of next month.\n\n"
        "“Nobody on the island will be cut off for more than a day.”"
    )
    quotes = extract("", body, "en").quotes
    assert [q.speaker for q in quotes] == ["Henrik Saal", None]
    assert quotes[1].evidence == "no speaker: the previous one is paragraphs of reporting back"


def test_a_quotation_right_after_the_last_speakers_paragraph_still_follows_on():
    body = (
        "“The ferry will run on time all winter,” Henrik Saal said on Tuesday.\n\n"
        "“Nobody on the island will be cut off for more than a day.”"
    )
    assert [q.speaker for q in extract("", body, "en").quotes] == ["Henrik Saal", "Henrik Saal"]


def test_surname_whose_full_name_stands_only_in_a_show_title():
    body = (
        "Senator Hollis Brandvold sat down on Thursday night for an interview on The Petra Quillfeather Hour.\n\n"
        "The conversation turned to the harbour tax almost at once.\n\n"
        "“Nobody in the valley believes the toll will stay at two dollars,” Quillfeather said.\n\n"
        "“The toll was set by the port board, not by me,” Brandvold said.\n\n"
        "Quillfeather asked, “Will you vote to cap it?”"
    )
    got = speakers(body)
    assert got == [
        ("Nobody in the valley bel", "Petra Quillfeather"),
        ("The toll was set by the ", "Hollis Brandvold"),
        ("Will you vote to cap it?", "Petra Quillfeather"),
    ]


def test_outlet_or_brand_written_as_one_word_is_an_organisation():
    body = (
        "The ferry toll fight moved to the statehouse on Friday.\n\n"
        "“The veto is coming this week,” Tidewire reported, citing an aide who said he had seen the draft.\n\n"
        "“Fares will not rise again this winter,” PortLinq promised, hours after the mayor said he would sue.\n\n"
        "“I read every page of it,” Ostrander said, and he laughed."
    )
    quotes = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        (None, "organisation"),
        (None, "organisation"),
        ("Ostrander", "person"),
    ]


def test_possessive_name_of_the_other_gender_is_no_subject():
    body = (
        "Marisol Quenby, a nurse from Harlow, has voted in every election since college.\n\n"
        "“I am not sure where I stand on the ferry plan,” says Quenby. "
        "Tobias Wendell’s lead in the county means “he must be doing something right,” she says."
    )
    assert speakers(body) == [
        ("I am not sure where I st", "Marisol Quenby"),
        ("he must be doing somethi", "Marisol Quenby"),
    ]


def test_name_of_the_other_gender_in_a_clause_before_the_pronoun():
    body = (
        "Anselm Drobny runs the ferry company on Welby Island.\n\n"
        "After Odile Saranko accused him of raising fares, he warned, “If the council wants a fight, it will get one.”"
    )
    assert speakers(body) == [("If the council wants a f", "Anselm Drobny")]


def test_person_named_in_the_description_of_the_speaker_is_not_the_pronoun():
    body = (
        "Islanders argued about the ferry tax all week.\n\n"
        "“The tax is a poor one,” said Tobias Wendell, a former adviser to Governor Anselm Drobny and a harbour pilot. "
        "But “it is the only tax the island has,” he added."
    )
    assert speakers(body) == [
        ("The tax is a poor one,", "Tobias Wendell"),
        ("it is the only tax the i", "Tobias Wendell"),
    ]


def test_place_ending_a_description_is_not_the_subject():
    body = (
        "The oyster season opened late this year.\n\n"
        "Tobias Wendell, who farms oysters just south of the county seat, Tipton, said he had "
        "“never seen the water this warm.”"
    )
    assert speakers(body) == [("never seen the water thi", "Tobias Wendell")]


def test_lower_case_role_of_several_words_before_an_inverted_name():
    body = (
        "The harvest fair closed on Sunday.\n\n"
        "“The fair has never been busier,” said master of ceremonies Odile Saranko, a baker from the valley."
    )
    assert speakers(body) == [("The fair has never been ", "Odile Saranko")]


def test_the_role_a_title_abbreviation_stands_for():
    body = (
        "The ferry bill became law on Monday after months of argument.\n\n"
        "On the radio, Gov. Drobny defended the toll. Tobias Wendell, a pilot, called it “a tax on islanders.”\n\n"
        "“I have known these crossings for thirty years,” the governor said."
    )
    assert speakers(body) == [
        ("a tax on islanders.", "Tobias Wendell"),
        ("I have known these cross", "Drobny"),
    ]


def test_the_role_a_police_or_council_title_abbreviation_stands_for():
    # Canadian police and council copy: "Const. X" is "the constable" later (the RCMP writes "Cst."), "Staff Sgt. X"
    # "the sergeant", "Coun. X" "the councillor", "Det. X" "the detective", "Prof. X" "the professor", and a court's
    # "Justice X" "the judge".
    body = (
        "Police closed the bridge road overnight.\n\n"
        "Const. Odile Fenwick said officers were still at the scene. Volunteers came.\n\n"
        "“It's a tragic situation,” the constable said.\n\n"
        "Staff Sgt. Ravi Tamsin arrived later. Traffic stopped.\n\n"
        "“Stay back,” the sergeant said.\n\n"
        "Coun. Solenne Marchetti asked for a review. Votes were cast.\n\n"
        "“Wrong decision,” the councillor said.\n\n"
        "Prof. Kestrel Vane studies bridges. Funding is short.\n\n"
        "“The steel is old,” the professor said.\n\n"
        "Superior Court Justice Ines Marlow heard the case. Lawyers argued.\n\n"
        "“We will adjourn,” the judge said."
    )
    assert speakers(body) == [
        ("It's a tragic situation,", "Odile Fenwick"),
        ("Stay back,", "Ravi Tamsin"),
        ("Wrong decision,", "Solenne Marchetti"),
        ("The steel is old,", "Kestrel Vane"),
        ("We will adjourn,", "Ines Marlow"),
    ]


def test_claim_signed_on_its_own_line_after_a_blank_line():
    body = (
        "We checked three claims from Thursday's debate on the harbour.\n\n"
        "“The harbour fund has doubled since I took office.”\n\n"
        "- Anselm Drobny.\n\n"
        "The fund grew by a third, not by half, let alone double.\n\n"
        "“Nobody on the island pays a higher fare than they did in 2010.”\n\n"
        "- Odile Saranko\n\n"
        "Fares rose twice since then."
    )
    assert speakers(body) == [
        ("The harbour fund has dou", "Anselm Drobny"),
        ("Nobody on the island pay", "Odile Saranko"),
    ]


def test_a_verb_the_lists_do_not_know_in_a_reporting_verbs_place():
    # "“…,” X surmised.", "“…?” X repeated.", "“…,” the statement read.", "“…,” exhorted X": the clause after a
    # quotation that goes on (a comma, a question mark inside the marks) only says who spoke it, whatever its verb.
    body = (
        "Tobias Wendell, the mayor of Tipton, opened the hearing on Monday. Odile Saranko, a pilot, spoke next.\n\n"
        "“We have waited long enough for this bridge,” Saranko surmised.\n\n"
        "“Who pays for it?” Wendell repeated.\n\n"
        "“The plan is sound and the money is there,” the council's statement read.\n\n"
        "“It is done, and it is done well,” exhorted Wendell's deputy, Anselm Drobny.\n\n"
        "Her son told her she would “make a fine pilot someday,” a remark she quoted often."
    )
    quotes = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written) for q in quotes] == [
        ("We have waited long enou", "Odile Saranko", "Saranko"),
        ("Who pays for it?", "Tobias Wendell", "Wendell"),
        ("The plan is sound and th", None, "the council's statement"),
        ("It is done, and it is do", "Anselm Drobny", "Anselm Drobny"),
        ("make a fine pilot someda", None, "Her son"),
    ]
    assert quotes[0].evidence == (
        "name next to the reporting verb, a verb in a reporting verb's place after a quotation: Saranko"
    )


def test_lines_without_blank_lines_between_are_paragraphs():
    # A text whose paragraphs are set one a line, no blank line anywhere (as many sites and feeds give them): each
    # line is a paragraph, as the plain-text reader takes it, not one paragraph of all of them (where "she" would
    # look back to Wendell, named just before as the subject of his sentence, and give nobody).
    body = (
        "Odile Saranko runs the harbour office in Tipton.\n"
        "“We will dredge in May,” Saranko said.\n"
        "Tobias Wendell chairs the council and will call the vote on Friday.\n"
        "“The boats cannot wait for the council,” she said."
    )
    quotes = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will dredge in May,", "Odile Saranko"),
        ("The boats cannot wait for the council,", "Odile Saranko"),
    ]
    assert [body[q.position : q.position + 6] for q in quotes] == ["“We wi", "“The b"]  # positions in the text as given


def test_a_quotation_left_open_keeps_the_speaker_its_paragraph_named():
    # "“A,” Oduya said. “B…" with no closing mark, and the next paragraph names someone else: B is Oduya's (her
    # paragraph named her), not shared back from the next paragraph's attribution.
    body = (
        "“It is a dog whistle,” Rep. Mira Oduya said on Friday. “If the harbour is not ours, then whose is it?\n\n"
        "“I have been thinking about this for a long time,” added Rep. Tobin Ashgrove, the panel's chairman."
    )
    assert speakers(body) == [
        ("It is a dog whistle,", "Mira Oduya"),
        ("If the harbour is not ou", "Mira Oduya"),
        ("I have been thinking abo", "Tobin Ashgrove"),
    ]


def test_an_opening_mark_glued_to_the_word_before_it_opens_a_quotation():
    # A space left out before an opening mark ("said,“Look", "….”“Your"): the curly shape, glued to its own first
    # letter, opens a quotation there; it is no closing mark.
    body = (
        "Odile Saranko said,“Look, the post has been deleted. I do not know who put it up there.”\n\n"
        "Tobias Wendell answered with a link to a study saying “ferries are safer than bridges.”“Your facts are "
        "wrong,” Wendell wrote."
    )
    assert speakers(body) == [
        ("Look, the post has been ", "Odile Saranko"),
        ("ferries are safer than b", "Tobias Wendell"),
        ("Your facts are wrong,", "Tobias Wendell"),
    ]


def test_a_sentence_adverb_before_a_subject_that_names_nobody():
    # "Instead, the statement talked about giving islanders the right to “…”": past the sentence adverb and its comma
    # the subject is a document, or a crowd's signs: nobody speaks, not the previous speaker.
    body = (
        "“We will fight on,” Tobias Wendell said on Monday.\n\n"
        "Instead, the council's statement talked about giving islanders the right to “decide the future of their "
        "own harbour.”\n\n"
        "Repeatedly, the hall filled with chants for the pilots and signs of “Save our ferries from the bankers!”"
    )
    quotes = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written) for q in quotes] == [
        ("We will fight on,", "Tobias Wendell", "Tobias Wendell"),
        ("decide the future of the", None, "the council's statement"),
        ("Save our ferries from th", None, "the hall"),
    ]


def test_a_pronoun_after_someone_else_named_is_no_evidence_of_a_person():
    # "Harbourview promised Mr. Wendell that he could run …": the "he" is Wendell's, so nothing says the one-word
    # name before the verb is a person's: it stays as written, with no person.
    body = (
        "PortLinq shook up the ferry market on Monday. Like other buyers, Harbourview promised Mr. Wendell that he "
        "could run the line as a “fully independent company for years to come.”"
    )
    quote = extract("", body, "en").quotes[0]
    assert (quote.speaker, quote.speaker_as_written) == (None, "Harbourview")


def test_words_in_title_case_that_a_speaker_is_said_to_have_said_are_a_quotation():
    # "“Happy Harbour Day!,” he tweeted", "“Nusra Is The Threat,” Wendell said": capitalised like a title, but the
    # sentence they open goes on to say who said them; a title inside a noun phrase before the verb ("the author of
    # “Salt and Iron,” said") stays a title.
    body = (
        "Tobias Wendell filmed himself on the pier. “Happy Harbour Day!,” he tweeted.\n\n"
        "“But Odile Saranko Won,” Wendell said of the last race.\n\n"
        "Ines Caldwell, the author of “Salt and Iron Forever,” said the harbour was her first love."
    )
    assert speakers(body) == [
        ("Happy Harbour Day!,", "Tobias Wendell"),
        ("But Odile Saranko Won,", "Tobias Wendell"),
    ]


def test_a_stray_single_mark_after_the_closing_one_does_not_hide_the_attribution():
    # An inner quotation closing at the end, its single mark set after the double one ("… the word 'old-school,"'
    # said …"): the verb right after still follows the quotation, and the name after it speaks.
    body = (
        "Tobias Wendell spoke first at the harbour meeting.\n\n"
        "\"I would use the word 'stubborn,\"' said Odile Saranko, who has piloted the ferry for thirty years."
    )
    assert speakers(body) == [("I would use the word 'st", "Odile Saranko")]


def test_a_straight_mark_between_spaces_closes_the_open_quotation():
    # "“… coalitions, " said Gunnels" with straight marks and a space left before the closing one: a mark between
    # spaces while a quotation is open closes it (an opening mark stands before its first word).
    body = (
        '"The reason the ferry survived is that the pilots stood together, " said Odile Saranko, who has '
        'piloted it for thirty years. "Nobody else did."'
    )
    assert speakers(body) == [
        ("The reason the ferry sur", "Odile Saranko"),
        ("Nobody else did.", "Odile Saranko"),
    ]


def test_remembers_after_the_quotation_names_its_speaker():
    # "“…,” remembers Ana Gil, with a laugh": a memory told to the reporter, its teller named after the verb
    body = (
        "“The herons came back first,” says Dorrit Vanhal, a warden at the marsh.\n\n"
        "“Those foxes were so clever,” remembers Ilka Morrow-Paine, coordinator of the project, with a laugh. "
        "“They would look at our traps, and walk round them.”"
    )
    assert speakers(body) == [
        ("The herons came back fir", "Dorrit Vanhal"),
        ("Those foxes were so clev", "Ilka Morrow-Paine"),
        ("They would look at our t", "Ilka Morrow-Paine"),
    ]


def test_in_the_words_of_a_person_names_the_speaker():
    body = (
        "The team wondered whether the threshold also marks the moment of insight.\n\n"
        "In Dr. Pelham Stroud’s words, “Could the moment the brain decides be the moment we notice it?”\n\n"
        "The question was old. In the words of Marit Ojukwu, a colleague, “We had been asking it for years.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("Could the moment the bra", "Pelham Stroud"),
        ("We had been asking it fo", "Marit Ojukwu"),
    ]
    assert got[0].evidence.startswith("in the words of")


def test_in_the_words_of_a_role_then_a_name_is_the_name_and_no_previous_speaker():
    body = (
        "Gwenna Tolliver, the ferry company’s captain, opened the new pier on Monday.\n\n"
        "Wren Isaksen has run the island shop for thirty years. In the words of the ferry company’s captain, "
        "Marit Ojukwu, she is “the one person nobody here could do without.”\n\n"
        "“I came for one summer and never caught the boat back.”"
    )
    got = extract("", body, "en").quotes
    # the role alone would be Gwenna Tolliver's; the name in apposition says whose words these are; and a
    # characterisation makes no previous speaker for the unattributed quotation after it
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("the one person nobody he", "Marit Ojukwu"),
        ("I came for one summer an", None),
    ]


def test_testimonials_signed_on_the_line_after_the_quotation():
    # a product page's praise: each quotation its own paragraph, the person and the outlet on the line after it
    body = (
        "Praised by reviewers\n\n"
        "“Of all the ways to run the suite, this one just works.”\n\n"
        "Adela Montvale-Ruiz, Circuit Weekly\n\n"
        "“It starts in six seconds on my old laptop.”\n\n"
        "Teodor Blasko, Pixel Ledger\n\n"
        "“The smoothest release in years.”\n\n"
        "Harbour Tech Review\n\n"
        "Up to date"
    )
    assert speakers(body) == [
        ("Of all the ways to run t", "Adela Montvale-Ruiz"),
        ("It starts in six seconds", "Teodor Blasko"),
        ("The smoothest release in", None),
    ]


def test_a_heading_after_a_quotation_paragraph_is_no_signature():
    body = (
        "“One of the key findings was that the marsh stores more carbon than the forest,” Tamsin Oyelaran said.\n\n"
        "“We also learned that the drained fields lose it within a decade.”\n\n"
        "Policy Shortcomings\n\n"
        "“We find that top-down rules have not slowed the draining,” Oyelaran added."
    )
    assert speakers(body) == [
        ("One of the key findings ", "Tamsin Oyelaran"),
        ("We also learned that the", "Tamsin Oyelaran"),
        ("We find that top-down ru", "Tamsin Oyelaran"),
    ]


def test_a_quotation_in_a_sentence_whose_subject_is_a_study_is_not_the_previous_speakers():
    body = (
        "“Take it with food,” said Dr. Lorna Vesey, a pharmacist in Dunmore.\n\n"
        "Another study found that there is “limited evidence” of taking the pills “for the prevention of cancer or "
        "[heart disease],” so results may vary.\n\n"
        "“Most people never need them,” Vesey said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("Take it with food,", "Lorna Vesey"),
        ("for the prevention of ca", None),
        ("Most people never need t", "Lorna Vesey"),
    ]
    assert got[1].evidence == "no speaker: the words of a text: Another study found"


def test_titles_in_a_reference_list_are_no_quotations():
    body = (
        "The harbour study drew on earlier work by Tomas Ruiz.\n\n"
        "References\n\n"
        '- ^ Costa, Ana; Pelt, Ivo (2010). "Learning Features from Harbour Sounds". Journal of Tides. '
        "4 (2): 11–19.\n\n"
        '- ^ Ruiz, Tomas; Gale, Bo (2017-07-01). "A Survey of Ferry Routes and Their Timetables". Island Review. '
        "23 (7): 1739–1752.\n\n"
        '- ^ Pelt, I.; Ruiz, T. (Nov 2008). "Mapping ferry routes with sparse data" (PDF). Island Review. 9: 2579–2605.'
    )
    assert speakers(body) == []


def test_a_pronoun_and_a_present_tense_verb_with_an_outlet_after_the_quotation():
    body = (
        "When Odile Marchetti decided to stop dyeing her hair in 2012, she had no idea what was coming.\n\n"
        "“My first thought was how strange it all was,” she shares with the Ledger. “It was a huge decision.”\n\n"
        "“The shop stays open,” the owner writes to customers, and the cafe next door agrees."
    )
    assert speakers(body) == [
        ("My first thought was how", "Odile Marchetti"),
        ("It was a huge decision.", "Odile Marchetti"),
        ("The shop stays open,", None),
    ]


def test_an_opening_adverb_before_a_role_reference_is_no_part_of_the_subject():
    body = (
        "Former Dunmore mayor Ivo Castellane entered the race on Monday.\n\n"
        "Later the former mayor said, “We can fix the ferry by spring.”\n\n"
        "Meanwhile, the harbour master said the ferry “needs a new engine first.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("We can fix the ferry by ", "Ivo Castellane"),
        ("needs a new engine first", None),
    ]
    assert got[0].speaker_as_written == "the former mayor"


def test_a_text_in_a_relative_clause_says_the_quotation_not_its_reader():
    body = (
        "Marla Quist interviewed the singer on Sunday.\n\n"
        "In one example, Quist read a story about her eating figs which said the fruit was “linked to droughts, ruin "
        "and despair” while another story praised her.\n\n"
        "“That’s a really loaded headline,” Quist said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("linked to droughts, ruin", None),
        ("That’s a really loaded h", "Marla Quist"),
    ]
    assert got[0].evidence == "no speaker: the words of a text: story about her eating figs which"


def test_a_pronoun_after_a_person_named_as_owner_of_someone_unnamed_is_left_unresolved():
    body = (
        "Ivo Castellane was sentenced to two years on Monday.\n\n"
        "Outside the court, Castellane's lawyer slowly picked up his briefcase and turned to the cameras. "
        '"We will appeal," he said.\n\n'
        'Castellane himself said nothing. "I am innocent," Castellane wrote later on his blog.\n\n'
        "Castellane's brother stood by the door.\n\n"
        '"He will be home by spring," he said.'
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("We will appeal,", None),
        ("I am innocent,", "Ivo Castellane"),
        ("He will be home by sprin", None),
    ]
    assert got[0].evidence.endswith("nobody: the person last named owns someone unnamed: he")


def test_quotations_listed_as_comments_others_made_have_no_speaker():
    body = (
        "“I feel stronger than ever,” Ilona Varga told the Ledger in May.\n\n"
        "When the singer posted photos from the gala, she received comments including “Eat something please” and "
        "“Lost too much weight, looks like a ghost.”\n\n"
        "“I read them all,” Varga said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("I feel stronger than eve", "Ilona Varga"),
        ("Eat something please", None),
        ("Lost too much weight, lo", None),
        ("I read them all,", "Ilona Varga"),
    ]
    assert got[2].evidence == "no speaker: words of others, listed: comments including"


def test_two_people_named_together_speak_together_not_the_last_one_alone():
    body = (
        "Ada Voss and Bram Tessaro wrote the harbour report.\n\n"
        'As Voss and Tessaro explained: "The tide rises twice a day."\n\n'
        '"We will not close the ferry," Ada Voss and Bram Tessaro said in a joint statement.\n\n'
        '"It stays," Tessaro added.'
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("The tide rises twice a d", None),
        ("We will not close the fe", None),
        ("It stays,", "Bram Tessaro"),
    ]
    assert got[1].evidence == "two people named together: Ada Voss and Bram Tessaro"


def test_westminster_honorifics_do_not_end_the_sentence():
    body = (
        "“We won the vote,” Rt. Hon. Marguerite Blake said.\n\n"
        "“The bridge will be built,” said the Hon. Teodor Varga, minister of transport."
    )
    assert speakers(body) == [
        ("We won the vote,", "Marguerite Blake"),
        ("The bridge will be built", "Teodor Varga"),
    ]


def test_a_social_media_handle_after_the_name_cuts_no_subject_off_its_verb():
    body = (
        "Bram Oduya (@bramoduya) tweeted: “The vote is tonight. Be there.”\n\n"
        "“We counted every ballot,” Ilse Marek (@ilsemarek_) wrote on Monday."
    )
    assert speakers(body) == [
        ("The vote is tonight. Be ", "Bram Oduya"),
        ("We counted every ballot,", "Ilse Marek"),
    ]


def test_a_long_unnamed_spokesperson_phrase_stays_a_person_not_the_organisation():
    body = "A spokesperson for the Department of Harbours told the Ledger: “We are aware of the case.”"
    got = extract("", body, "en")
    quote = got.quotes[0]
    assert (quote.speaker, quote.speaker_as_written, quote.speaker_kind) == (
        None,
        "A spokesperson for the Department of Harbours",
        "person",
    )


def test_a_reply_named_as_a_persons_gives_its_speaker():
    body = (
        "Health Minister Ada Moreno faced the committee on Tuesday.\n\n"
        "Would she resign? “Absolutely not,” came the answer from Moreno.\n\n"
        "Ivo Brandt, the opposition critic, was unimpressed. Brandt's response was blunt: “She should go.”\n\n"
        "“We will see,” was the reply from Ada Moreno, the health minister."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("Absolutely not,", "Ada Moreno"),
        ("She should go.", "Ivo Brandt"),
        ("We will see,", "Ada Moreno"),
    ]
    assert got[1].evidence == "the reply named as the person's: Brandt"


def test_he_after_a_sentence_naming_someone_only_in_its_subjects_description_means_the_subject():
    # "Armand Keel, Brellik’s longtime friend and adviser, suggested … “…,” he told the Ledger" and "“…,” said Ivo
    # Stannard, who … nominated Mr. Brellik four years ago. He called that vision “…”": the person named
    # last is only in the description of the sentence's subject, or the object of its inverted speaker's clause
    body = (
        "Tomas Brellik changed his campaign staff on Friday.\n\n"
        "Armand Keel, Brellik’s longtime friend and adviser, suggested that the candidate was taking back control. "
        "“Tomas is back in charge, and I am glad to see it,” he told the Ledger.\n\n"
        "“The emphasis on the harbour is new,” said Ivo Stannard, who chaired the board from 2010 to 2013 and as "
        "such nominated Mr. Brellik four years ago. He called that vision “a necessary one and an urgent one.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("Tomas is back in charge,", "Armand Keel"),
        ("The emphasis on the harb", "Ivo Stannard"),
        ("a necessary one and an u", "Ivo Stannard"),
    ]
    assert got[0].evidence == (
        "pronoun next to the reporting verb, meaning the subject of the sentence naming the last person as its "
        "object: he"
    )
    assert got[2].evidence == (
        "pronoun next to the reporting verb, meaning the speaker of the sentence naming the last person as its "
        "object: He"
    )


def test_an_aside_between_spaced_hyphens_is_no_subject():
    # "In May - four months after Voss left office - the Harbour Department told the Ledger that “…”"
    body = (
        "Ada Voss left the ministry in January.\n\n"
        "In May - four months after Voss left office - the Harbour Department told the Ledger that "
        "“no such letters were found in the files.”"
    )
    quote = extract("", body, "en").quotes[0]
    assert (quote.speaker, quote.speaker_as_written, quote.speaker_kind) == (
        None,
        "the Harbour Department",
        "organisation",
    )


def test_a_campaign_after_an_adverb_and_a_subordinate_clause_speaks_not_the_person_named_before():
    # "Shortly after the board’s meeting ended, Tessaro’s campaign sent out a press release saying … “…”", "Even
    # before Tessaro took the stage, his campaign sent out a text message … saying: “…”"
    body = (
        "Ada Voss spoke to the harbour board on Monday. “The fund is empty,” Voss said.\n\n"
        "Shortly after the board’s meeting ended, Tessaro’s campaign sent out a press release saying Voss owes "
        "“the island an explanation for voting against the fund.”\n\n"
        "Even before Tessaro took the stage on Tuesday night, his campaign sent out a text message to supporters "
        "saying: “Thanks to you, we have won the vote!”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written) for q in got] == [
        ("The fund is empty,", "Ada Voss", "Voss"),
        ("the island an explanatio", None, "Tessaro’s campaign"),
        ("Thanks to you, we have w", None, "his campaign"),
    ]


def test_a_statement_read_after_the_quotation_speaks_and_the_next_quotation_runs_on():
    # "“…,” read the statement, which was attributed to Stannard. “…”"
    body = (
        "Bram Tessaro and campaign spokesman Ivo Stannard worked on the campaign's first statement.\n\n"
        "“In writing her speech, the team took notes on her life,” read the statement, which was attributed to "
        "Stannard. “Her experience shone through in her speech.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written) for q in got] == [
        ("In writing her speech, t", None, "the statement"),
        ("Her experience shone thr", None, ""),
    ]


def test_a_description_of_the_person_the_article_is_about_speaks_as_that_person():
    # "“…,” the veteran lawmaker said" in an article about Governor Voss; "“…,” the former candidate said later" in
    # the same one
    body = (
        "Governor Ada Voss defended the harbour fund on Monday. Voss spoke after a meeting with Mayor Ivo Stannard.\n\n"
        "“The fund is not empty,” the veteran lawmaker said. “It never was.”\n\n"
        "Voss also took questions from the Ledger's Bram Tessaro.\n\n"
        "“We will be fine,” the former candidate said later."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("The fund is not empty,", "Ada Voss"),
        ("It never was.", "Ada Voss"),
        ("We will be fine,", "Ada Voss"),
    ]
    assert got[0].evidence == (
        "description, as a pronoun, meaning the subject of the sentence naming the last person as its object: "
        "the veteran lawmaker"
    )


def test_a_description_stays_unnamed_when_anonymous_or_of_someone_not_the_articles_subject():
    body = (
        "Governor Ada Voss defended the harbour fund on Monday. Voss met Mayor Ivo Stannard. Voss left early.\n\n"
        "“It is a disaster,” the woman said.\n\n"
        "A senior adviser to the council disagreed. “We will be fine,” the adviser said.\n\n"
        "Stannard was less sure. “We will see,” the Elmsby delegate said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written) for q in got] == [
        ("It is a disaster,", None, "the woman"),
        ("We will be fine,", None, "the adviser"),
        ("We will see,", None, "the Elmsby delegate"),
    ]


def test_an_inverted_description_before_a_name_gives_the_name():
    # "… pirates,” wrote the harbour’s consul in those years, Ivo Stannard."
    body = (
        "Governor Ada Voss defended the harbour fund. Voss spoke on Monday. Voss left early.\n\n"
        "The fund was “trying to shed its old name as a shelter for pirates,” wrote the harbour’s consul in "
        "those years, Ivo Stannard."
    )
    assert speakers(body) == [("trying to shed its old n", "Ivo Stannard")]


def test_no_follow_on_across_a_live_blogs_section_break():
    # a wire live blog: "___. / 5:45 p.m. / Libertarian candidate Bram Tessaro’s doctor is calling the candidate
    # “…”": not the previous entry's speaker
    body = (
        "“The fund is empty,” Governor Ada Voss said.\n\n"
        "___.\n\n"
        "5:45 p.m.\n\n"
        "Libertarian candidate Bram Tessaro’s doctor is calling the candidate “in excellent health.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("The fund is empty,", "Ada Voss"),
        ("in excellent health.", None),
    ]
    assert got[1].evidence == "no speaker: a section break since the previous speaker"


def test_an_inverted_speaker_after_a_comma_with_an_organisations_role_before_the_name():
    # "Quill “…” in the primary, said Elmsby State University professor Piet Vanterpool."
    body = (
        "Ada Quill spoke first. “It is a disaster,” Quill said.\n\n"
        "Quill “did well with the harbour workers” in the primary, said Elmsby State University professor "
        "Piet Vanterpool.\n\n"
        "“It is simply not enough” for the north, said Harrowgate College economics professor Dana Robinet."
    )
    assert speakers(body) == [
        ("It is a disaster,", "Ada Quill"),
        ("did well with the harbou", "Piet Vanterpool"),
        ("It is simply not enough", "Dana Robinet"),
    ]


def test_a_title_closed_after_its_comma_ends_an_introduction_before_the_subject():
    # "On “Morning Hour,” Sen. Bram Tessaro (Vt.), who lost …, named the voters' fatigue … “…”": Tessaro, not the
    # previous speaker
    body = (
        "“The harbour is safe,” Mayor Ada Quill said on Sunday.\n\n"
        "On “Morning Hour,” Sen. Bram Tessaro (Vt.), who lost the primary to Quill, named the voters' fatigue as a "
        "reason to act. “The younger people are tired of waiting.”"
    )
    assert speakers(body) == [
        ("The harbour is safe,", "Ada Quill"),
        ("The younger people are t", "Bram Tessaro"),
    ]


def test_a_pronoun_opening_the_sentence_holding_the_quotation_speaks():
    # "Tessaro credited Quill's victory to “…” He commanded the party to “…”" (no speaker before); "Since naming …
    # Ivo Stannard as his running mate, Tessaro has risen … He talks about “…”" (Stannard, named last: not Tessaro,
    # the sentence before's subject)
    body = (
        "Bram Tessaro lost the primary to Ada Quill on Tuesday. Nobody had to wonder for long.\n\n"
        "Tessaro credited Quill's victory to “a closed primary, which I never liked.” "
        "He commanded the party to “do the right thing and open its doors to everyone.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("a closed primary, which ", "Bram Tessaro"),
        ("do the right thing and o", "Bram Tessaro"),
    ]
    assert got[1].evidence == (
        "pronoun opening the sentence holding the quotation, meaning the last person named in the paragraph: He"
    )
    # a first person speaking in a clause after the pronoun: the pronoun's person does not speak
    body = (
        "Ada Quill raised me.\n\nThe road was long.\n\n"
        "The car swerved on the highway. She became so upset that I had to change my answer: “Of course I believe it.”"
    )
    assert speakers(body) == [("Of course I believe it.", None)]


def test_a_country_speaks_as_itself_not_as_the_previous_speaker():
    # "Norland called the island a “…” Redland insisted that the island “…”" after a president's quotation: the
    # names of places (here two the gazetteer knows, standing for fictional countries) speak
    body = (
        "President Ada Quill said the drill was “getting out of hand.”\n\n"
        "Norland called the island a “rogue neighbour on our doorstep.” Redland insisted that the island "
        "“end its reckless drills at once.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written, q.speaker_kind) for q in got] == [
        ("getting out of hand.", "Ada Quill", "Ada Quill", "person"),
        ("rogue neighbour on our d", None, "Norland", "organisation"),
        ("end its reckless drills ", None, "Redland", "organisation"),
    ]
    assert got[2].evidence == "name of a place: Redland"


def test_a_claim_named_as_a_persons_gives_their_words():
    # "the Ledger looked at Ada Quill’s claim that “…”"; not after a reporting verb: "Spokeswoman Ines Caldwell said
    # … that Quill's claim that the harbour is unsafe is “…”"
    body = (
        "After the debate, the Ledger looked at Ada Quill’s claim that there have been “hundreds of break-ins” in "
        "Elmsby this year.\n\n"
        "Spokeswoman Ines Caldwell said that Quill’s claim that the harbour is unsafe is “simply not true.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("hundreds of break-ins", "Ada Quill"),
        ("simply not true.", "Ines Caldwell"),
    ]
    assert got[0].evidence == "the claim named as the person's: Ada Quill"


def test_a_share_of_a_group_speaks_as_nobody_in_particular():
    # "In a September poll, 75 percent of voters said “…” cannot be trusted": not Quill, the subject of the sentence
    # before
    body = (
        "“We will win,” Ada Quill said at the rally. Quill leads the race.\n\n"
        "In a September poll, 75 percent of voters said “most people on the council” cannot be trusted with a promise."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written) for q in got] == [
        ("We will win,", "Ada Quill", "Ada Quill"),
        ("most people on the counc", None, "75 percent of voters"),
    ]


def test_a_participles_clause_opening_the_sentence_is_an_introduction_before_its_subject():
    # "It was a version of Tessaro’s stump speech. Reprising one of her own favourite lines, the former harbour
    # minister talked about continuing the “…”": not Tessaro, the previous speaker
    body = (
        "“This is not what the island is about,” Bram Tessaro said. “We need bold changes.”\n\n"
        "It was a version of Tessaro’s stump speech. Reprising one of her own favourite lines, the former harbour "
        "minister talked about continuing the “progress we had under the old council.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker, q.speaker_as_written) for q in got] == [
        ("This is not what the isl", "Bram Tessaro", "Bram Tessaro"),
        ("We need bold changes.", "Bram Tessaro", ""),
        ("progress we had under th", None, "the former harbour minister"),
    ]


def test_a_courtesy_title_chooses_among_the_people_of_one_surname():
    # "Mrs. Brennholt" where "Oskar Brennholt" was named last is Linnea; "Mr. Brennholt" after "Linnea Brennholt" is
    # Oskar. The title's gender chooses the one of that surname it fits, who is then the one a bare surname means.
    body = (
        "Linnea Brennholt founded the ferry company in 1998. Her husband, Oskar Brennholt, joined it a year later.\n\n"
        "“We never sold a ticket at a loss,” Mrs. Brennholt said on Monday.\n\n"
        "“The harbour owes us an apology,” Mr. Brennholt said. Brennholt added that “nobody asked the crews.”"
    )
    assert speakers(body) == [
        ("We never sold a ticket a", "Linnea Brennholt"),
        ("The harbour owes us an a", "Oskar Brennholt"),
        ("nobody asked the crews.", "Oskar Brennholt"),
    ]


def test_a_courtesy_title_of_the_other_gender_is_another_person_of_that_surname():
    # "Mr. Vallander" in an article naming only "Greta Vallander" in full is somebody else of that surname
    body = (
        "Greta Vallander opened the new library on Friday.\n\n"
        "“Every child on this street deserves a quiet room,” Mr. Vallander said at the door."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [("Every child on this stre", "Vallander")]


def test_a_pronoun_after_a_titled_surname_of_the_other_gender_is_not_their_namesake():
    # "“…,” said Bram Tessaro, a former union organiser … / Mrs. Saranko, with her long service …, “…,” he said": the
    # organiser, not Teodor Saranko
    body = (
        "Teodor Saranko and Odile Saranko ran the mill for forty years.\n\n"
        "“The mill was the town,” said Bram Tessaro, a former union organiser who worked there.\n\n"
        "Mrs. Saranko, with her long service on the council, “is seen as one of us,” he said."
    )
    assert speakers(body)[-1] == ("is seen as one of us,", "Bram Tessaro")


def test_a_courtesy_title_at_any_mention_gives_the_gender_a_given_name_does_not():
    # "Ms. Vandeleur might appoint Mr. Okafor himself … “…,” she said": the titles give the gender that names the
    # dictionary has none for ("Jody", "Chrystia") do not
    body = (
        "Harbour President Jody Okafor met Chrystia Vandeleur on Tuesday.\n\n"
        "There is also the possibility that Ms. Vandeleur might appoint Mr. Okafor himself. “What a great idea,” she "
        "said."
    )
    assert speakers(body) == [("What a great idea,", "Chrystia Vandeleur")]


def test_a_reflexive_after_a_name_gives_the_gender_a_given_name_does_not():
    # "Jody Marlowe himself …" says what "Jody" (no gender in the dictionary) does not: a "she" after it is
    # somebody else
    body = (
        "Ana Ruiz hosted the harbour forum on Monday.\n\n"
        "Jody Marlowe himself had asked for the forum.\n\n"
        "“We will not close the harbour,” she said."
    )
    assert speakers(body) == [("We will not close the ha", "Ana Ruiz")]


def test_a_possessive_joined_to_a_name_gives_the_gender_a_given_name_does_not():
    # "Jody Marlowe and his crew …": "Jody" has no gender in the dictionary, "his" after "Marlowe and" does
    body = (
        "Ana Ruiz hosted the harbour forum on Monday.\n\n"
        "Jody Marlowe and his crew arrived late.\n\n"
        "“We will not close the harbour,” she said."
    )
    assert speakers(body) == [("We will not close the ha", "Ana Ruiz")]


def test_a_kinship_word_after_a_possessive_name_gives_the_relatives_gender():
    # "Arkwright's wife, Odile": a woman, though named by her given name alone; the "he" after her is the previous
    # speaker
    body = (
        "“I will not back him,” Varnel said in July.\n\n"
        "Varnel attacked Tobin Arkwright's wife, Odile, a former architect.\n\n"
        "“That day it became personal,” he said."
    )
    assert speakers(body) == [("I will not back him,", "Varnel"), ("That day it became perso", "Varnel")]


def test_a_kinship_word_before_a_name_that_says_otherwise_gives_no_gender():
    # "a friend of Arkwright's sister, Tom,": Tom is the friend, a man, and the "he" after him
    body = (
        "“We lost,” said Ana Varnel.\n\n"
        "A friend of Arkwright's sister, Tom, said the family was shaken.\n\n"
        "“They are strong,” he said."
    )
    assert speakers(body) == [("We lost,", "Ana Varnel"), ("They are strong,", "Tom")]


def test_a_name_after_an_outlets_possessive_after_an_inverted_verb_is_the_next_speaker():
    # "…, noted KXT’s Oren Brakel." reports his words: the "he" of the quotation after it means him
    body = (
        "“People know who she is,” said Tobin Arkwright, chief strategist for the party.\n\n"
        "However debates are not likely to alter the campaign, noted KXT’s Oren Brakel.\n\n"
        "“Debates happen late in the campaign,” he wrote."
    )
    assert speakers(body)[1] == ("Debates happen late in t", "Oren Brakel")


def test_a_name_before_of_its_organisation_and_the_organisations_appositive_speaks():
    # "Oren Brakel of Varnhold, Kessly's largest private bank, warned": the appositive says what the bank is
    body = (
        "The board met.\n\n"
        "Oren Brakel of Varnhold, Kessly's largest private bank, warned that while “logic would suggest that an "
        "attack strengthens the case for closer cooperation,” it “may trigger a reaction to get further away.”"
    )
    assert [speaker for _, speaker in speakers(body)] == ["Oren Brakel", "Oren Brakel"]


def test_the_last_report_of_a_paragraph_without_quotations_names_the_next_speaker():
    # the paragraph's first sentence reports Tomas Ruiz, its last Tobin Arkwright: the "he" after it is Arkwright
    body = (
        "“We will not close the harbour,” said Tomas Ruiz, the mayor.\n\n"
        "Ruiz called the board’s suspension “arbitrary.” Tobin Arkwright, a former harbour master, warned on Saturday "
        "that the move could damage the port.\n\n"
        "“The stakes are higher than one quay,” he wrote in a blog post."
    )
    assert speakers(body)[-1] == ("The stakes are higher th", "Tobin Arkwright")


def test_an_age_epithet_is_the_person_given_that_age_not_the_previous_speaker():
    """ "the 34-year-old said" is whoever the text gave that age ("Lena Okafor, 34,"), though somebody else spoke last;
    an epithet with no age to match, past two people named since the previous speaker, is left unresolved."""
    body = (
        "“Port Alder is ready,” said Mayor Dana Whitcombe.\n\n"
        "Lena Okafor, 34, has crossed on the ferry every week since 2012.\n\n"
        "“I never thought it would come back,” the 34-year-old said.\n\n"
        "“We waited for years,” Whitcombe said.\n\n"
        "Tomas Brandvold rowed across the strait with Ilse Marr.\n\n"
        "“It was the only way over,” the teenager said."
    )
    assert speakers(body) == [
        ("Port Alder is ready,", "Dana Whitcombe"),
        ("I never thought it would", "Lena Okafor"),
        ("We waited for years,", "Dana Whitcombe"),
        ("It was the only way over", None),
    ]


def test_a_relative_given_by_her_first_name_is_not_another_person_of_that_name():
    """ "Anand's wife, Priya," is Anand's wife, not Dr. Priya Lindell named before: her words stay hers."""
    body = (
        "Dr. Priya Lindell, the region's medical officer of health, said crime is a health issue.\n\n"
        "Anand's wife, Priya, said the family has received threats. “It has been hard,” she said."
    )
    assert speakers(body) == [("It has been hard,", "Priya")]


def test_a_relative_named_by_kinship_speaks_when_the_kinship_is_said_again():
    body = (
        "Eleanor Brisebois, 81, waited 19 hours. Her daughter, Sandra, stayed with her.\n\n"
        "“They were kind, but there was no bed,” Brisebois said.\n\n"
        "“My mother deserved better,” her daughter said."
    )
    assert speakers(body) == [
        ("They were kind, but ther", "Eleanor Brisebois"),
        ("My mother deserved bette", "Sandra"),
    ]


def test_a_pronoun_after_two_people_of_its_gender_named_together_is_nobodys():
    """ "Anand and Mensah spoke after the vote. “…,” he said": either may be meant ("Ravi" is in no list of given names:
    he may be a man), so neither is named; with a man and a woman known as such, the pronoun chooses."""
    body = (
        "Coun. Ravi Anand and union president Kofi Mensah spoke after the vote. “We will keep fighting,” he said.\n\n"
        "Both Meera Joshi and Lidia Sousa voted for the motion. “It was the right call,” she said.\n\n"
        "Gerald Okonkwo and Lidia Sousa left together. “We are tired,” she said."
    )
    assert speakers(body) == [
        ("We will keep fighting,", None),
        ("It was the right call,", None),
        ("We are tired,", "Lidia Sousa"),
    ]


def test_an_age_epithet_reads_the_ways_news_gives_an_age_and_no_house_number():
    """ "a 34-year-old nurse" and "(34)" give an age; ", 34 Elm Street" does not; two people of that age leave the
    epithet nobody's; a possessor named since ("from Tom Brisk's farm") is no one the epithet could mean."""
    body = (
        "Tom Brisk, 34 Elm Street, said the road flooded. Lena Okafor, a 34-year-old nurse, agreed.\n\n"
        "“It was dark,” the 34-year-old said.\n\n"
        "Ines Varga (19) drove home from Tom Brisk's farm.\n\n"
        "“I was scared,” said Ines Varga.\n\n"
        "She had stopped at Tom Brisk's gate.\n\n"
        "“Nobody came,” the teenager said.\n\n"
        "Bram Oduya, 51, and Selma Roux, 51, waited too.\n\n"
        "“We waited,” the 51-year-old said."
    )
    assert speakers(body) == [
        ("It was dark,", "Lena Okafor"),
        ("I was scared,", "Ines Varga"),
        ("Nobody came,", "Ines Varga"),
        ("We waited,", None),
    ]


def test_a_relative_of_the_same_family_is_the_person_of_that_full_name():
    """ "Priya's husband, Ravi," after "Priya Anand and her husband Ravi Anand": Ravi Anand, not a second Ravi."""
    body = (
        "Priya Anand and her husband Ravi Anand run the bakery.\n\n"
        "Priya's husband, Ravi, said sales fell. “It is hard,” he said."
    )
    assert speakers(body) == [("It is hard,", "Ravi Anand")]


def test_a_surname_alone_may_be_the_first_of_two_in_an_english_text():
    """ "María Fernanda Ortiz Salcedo" … "Ortiz said": the first of her two surnames (and "Camille Etienne Gbedey" …
    "Etienne said"), not a new "Fernanda Ortiz" nor nobody."""
    body = (
        "Mexican economy minister María Fernanda Ortiz Salcedo said Mexico would join.\n\n"
        "“Mexico is at the table,” Ortiz said.\n\n"
        "“He is tired,” said Camille Etienne Gbedey, his mother. “Maybe a doctor can help,” Etienne said."
    )
    assert speakers(body) == [
        ("Mexico is at the table,", "María Fernanda Ortiz Salcedo"),
        ("He is tired,", "Camille Etienne Gbedey"),
        ("Maybe a doctor can help,", "Camille Etienne Gbedey"),
    ]


def test_a_plural_noun_opening_the_sentence_is_no_speaker_named_as_written():
    """ "Allies say he is “…”": a group, though the text writes the word nowhere in lower case (the archive would have
    made a person "Allies"); surnames that end in "s" are no plurals."""
    from articles.ingest.speakers import _plural_noun

    assert speakers("Allies say he is “tired of it all.”") == [("tired of it all.", None)]
    assert [w for w in ("Allies", "Critics", "Officials", "Sanders", "Giffords", "Williams") if _plural_noun(w)] == [
        "Allies",
        "Critics",
        "Officials",
    ]


def test_a_full_name_elsewhere_is_none_when_two_given_names_stand_before_the_surname():
    """German "zahlte Thomas Ambrose" (Thomas paid Ambrose: subject and object side by side) beside "Lee Ambrose": a
    lone "Ambrose" takes neither full name, though only "Thomas" is a given name of one gender (it had been "Thomas
    Ambrose");
    one given name before the surname still gives the full name."""
    from articles.ingest.speakers import _full_name_elsewhere

    text = (
        "Der Golfer Lee Ambrose begann als Caddie. Im Gegenzug zahlte Thomas Ambrose die Startgelder. "
        "Ambrose sagte: „…“"
    )
    assert _full_name_elsewhere(text, "Ambrose") == ""
    assert _full_name_elsewhere("On The Petra Quillfeather Hour, Quillfeather said …", "Quillfeather") == (
        "Petra Quillfeather"
    )


def test_a_name_after_a_gerund_opening_the_sentence_is_its_object_not_the_subject():
    """ "Taking Tobin outside is his favourite activity, he said. “…”": Tobin is who is taken out; the quotation that
    follows is the subject's, Aldric's."""
    body = (
        "Prince Aldric and Mireille live in Vantor with their son, Tobin, who turns two in May.\n\n"
        "Aldric said having outdoor space has helped.\n\n"
        "Taking Tobin outside is his favourite activity, he said. “The highlight for me is the bicycle.”"
    )
    assert speakers(body) == [("The highlight for me is ", "Aldric")]


def test_a_pronoun_does_not_reach_back_to_a_name_in_brackets():
    """ "(the first track even samples the voice of astronomer Edwin Marlowe) the EP let Lubo reflect … “…,” he says":
    a name in an aside is not whom "he" means; Lubo is no name the lists know, so nobody is named."""
    body = (
        "Given its inspiration from the Vantor probe (the first track even samples the voice of astronomer Edwin "
        "Marlowe) the EP allowed Lubo to reflect on fragility.\n\n"
        "“When you look at that image of earth, you can’t help but put our experience into perspective,” he says."
    )
    assert speakers(body) == [("When you look at that im", None)]


def test_a_role_given_in_passing_long_before_is_not_whom_it_means_later():
    """ "soul star Ivo Brandt" named once, paragraphs before "the star explained", in a story about Odile Saranko
    named since: the star is likelier hers than his, so nobody is named, and her "she" after it is hers."""
    filler = "The tour went on through the spring and the summer, city after city, to full halls. " * 20
    body = (
        "Odile Saranko joined forces with soul star Ivo Brandt on a duet in 1991.\n\n"
        f"{filler}\n\n"
        "When Saranko was asked about the next decade, the star explained that her priority was to stay “happy and "
        "healthy.” She added, “I am not planning on slowing down.”"
    )
    assert speakers(body) == [("happy and healthy.", None), ("I am not planning on slo", "Odile Saranko")]


def test_a_quotation_whose_next_sentence_names_its_speaker():
    """ "“…” That was the message from X", "So says X", "That’s the view of X", "Those were the words of X", "That quote
    from X appeared …": the sentence after the quotation names whose words they were; "This is the legacy of X" after
    a quotation names no speaker (nor is it the previous speaker's, the paragraph being of its own)."""
    body = (
        "“We cannot keep fares where they are.” That was the message from Port Authority chair Marisol Tenney.\n\n"
        "“It is a tax on islanders.” So says Ravi Anand, who lives on Alder Island.\n\n"
        "“Nobody likes it, but it is needed.” That’s the view of Dana Whitcombe, the island’s mayor.\n\n"
        "“I will pay it.” Those were the words of commuter Lena Okafor, 34.\n\n"
        "“Rather a leaking boat than no boat.” That quote from harbourmaster Tomas Brandvold appeared in 1980.\n\n"
        "“The ferry is a lifeline.” This is the legacy of Ines Varga, who founded the line."
    )
    assert speakers(body) == [
        ("We cannot keep fares whe", "Marisol Tenney"),
        ("It is a tax on islanders", "Ravi Anand"),
        ("Nobody likes it, but it ", "Dana Whitcombe"),
        ("I will pay it.", "Lena Okafor"),
        ("Rather a leaking boat th", "Tomas Brandvold"),
        ("The ferry is a lifeline.", None),
    ]


def test_a_quotation_opening_a_story_whose_next_paragraph_says_whose_words_they_are():
    """ "“…”\n\nThat's what Marla Quinby, a nurse in Halifax, says about …": a feature's opening quotation, its speaker
    the subject of a reporting verb right after "That's what" in the next paragraph; "That's what happens when X …"
    names no speaker."""
    body = (
        "“We are exhausted and nobody is listening.”\n\n"
        "That's what Marla Quinby, a nurse in Port Lisle, says about working on the ward this winter."
    )
    assert speakers(body) == [("We are exhausted and nob", "Marla Quinby")]
    body = (
        "“The beds are full by noon.”\n\n"
        "That is what happens when Odile Fenwick runs the night shift alone, colleagues say."
    )
    assert speakers(body) == [("The beds are full by noo", None)]


def test_a_parent_named_by_the_number_of_children_is_the_person_just_named():
    """ "said the mother of two": news shorthand for the person just named, read as "she" (so not a man named last)."""
    body = (
        "Solenne Marchetti, 34, has worked at the plant for a decade.\n\n"
        "“It used to be better,” the mother of two said.\n\n"
        "Robert Tamsin runs the night shift.\n\n"
        "“We make do,” the mother of three said."
    )
    assert speakers(body) == [("It used to be better,", "Solenne Marchetti"), ("We make do,", None)]


def test_the_new_speaker_rules_hold_where_a_review_tried_them():
    """Cases a review of this session's rules found wrong (each before its fix): a department's "Minister of Justice"
    is no judge; "the mum of two" is a woman; "This is what X said: “…”" points forward; "That's what" takes a titled
    name and a name with two appositives."""
    body = (
        "Minister of Justice Marla Quinby tabled the bill. A judge in Elden later ruled on it.\n\n"
        "“The law stands,” the judge said."
    )
    assert speakers(body) == [("The law stands,", None)]
    body = (
        "Marla Quinby, 34, has worked at the plant for a decade. Her manager, Tobias Wernick, praised her.\n\n"
        "“It used to be better,” the mum of two said."
    )
    assert speakers(body) == [("It used to be better,", "Marla Quinby")]
    body = "The banner read “No more cuts.”\n\nThis is what Marla Quinby said about it: “We won't back down.”"
    assert speakers(body) == [("No more cuts.", None), ("We won't back down.", "Marla Quinby")]
    body = "“We are exhausted.”\n\nThat's what Dr. Marla Quinby, an emergency physician, says about the ward."
    assert speakers(body) == [("We are exhausted.", "Marla Quinby")]
    body = "“We are exhausted.”\n\nThat's what Marla Quinby, a nurse in Port Lisle, N.S., says about it."
    assert speakers(body) == [("We are exhausted.", "Marla Quinby")]


def test_a_role_means_the_person_with_it_named_before_not_after():
    """ "the sergeant": the latest person with that role named before the quotation ("S/Sgt. X": a staff sergeant),
    not one introduced with it further down the story, who was taken before for being the last in the whole text; a
    story's opening that names the role before anyone ("the judge said" … "Judge X") still means the one after."""
    body = (
        "S/Sgt. Marla Quinby said the suspect fled on foot.\n\n"
        "“He ran north,” the sergeant said.\n\n"
        "Later, Det. Sgt. Solenne Marchetti took over the case."
    )
    assert speakers(body) == [("He ran north,", "Marla Quinby")]
    body = (
        "The treasurer stole money that the judge said had been “entrusted to him by people who trusted him.”\n\n"
        "Passing sentence, Judge Harriet Calloway called the thefts careful."
    )
    assert speakers(body) == [("entrusted to him by peop", "Harriet Calloway")]


def test_a_role_naming_a_place_is_not_the_holder_of_that_role_elsewhere():
    """ "the former Florida governor" is not "Ohio Gov. X": places the gazetteer knows in a role reference rule out
    people whose role names another; the holder introduced without one still fits, and a party, "U.S." or a rank
    ("the Republican governor", "the RCMP sergeant") rules out nobody. (Real state names: the rule reads the
    gazetteer.)"""
    body = (
        "Former Gov. Tom Brisk spoke first on Tuesday, and Ohio Gov. Ada Voss after him.\n\n"
        "“It was totally scripted,” the former Florida governor said of the debate."
    )
    assert speakers(body) == [("It was totally scripted,", "Tom Brisk")]
    body = (
        "Kessland Gov. Marla Quinby signed the budget on Tuesday. Lawmakers cheered.\n\n"
        "“This is a good day,” the Republican governor said."
    )
    assert speakers(body) == [("This is a good day,", "Marla Quinby")]


def test_a_role_written_as_its_initials_means_the_person_introduced_with_it_in_full():
    """ "the PM", "the CEO", "the GM", "the CFO": the latest person named before with the role written out, as their
    role or around their name."""
    body = (
        "Prime Minister Marla Quinby arrived on Monday. Reporters waited.\n\n"
        "“We are ready,” the PM said.\n\n"
        "Odile Fenwick, the chief executive of Harbour Freight, spoke later. Shares fell.\n\n"
        "“We are not worried,” the CEO said.\n\n"
        "Ravi Tamsin, general manager of the Port Lisle Otters, met fans. Tickets sold out.\n\n"
        "“We will rebuild,” the GM said."
    )
    assert speakers(body) == [
        ("We are ready,", "Marla Quinby"),
        ("We are not worried,", "Odile Fenwick"),
        ("We will rebuild,", "Ravi Tamsin"),
    ]


def test_a_role_given_after_an_age_is_the_persons():
    """ "Marla Quinby, 34, a nurse at the hospital,": the appositive after the age is her role, so "the nurse" (and
    "the 34-year-old nurse") later is she."""
    body = (
        "Marla Quinby, 34, a nurse at the hospital, lost her job in May. Her union objected.\n\n"
        "“I was fired for speaking up,” the 34-year-old nurse said."
    )
    assert speakers(body) == [("I was fired for speaking", "Marla Quinby")]
    assert [(p.name, p.role) for p in extract("", body, "en").people] == [("Marla Quinby", "nurse at the hospital")]


def test_a_role_given_by_a_relative_clauses_verb_is_the_persons():
    """ "Ravi Tamsin, who owns the bakery," is "the owner" later; "who founded" the founder, "who coaches" the coach."""
    body = (
        "Ravi Tamsin, who owns the bakery on Main Street, lost power for two days. Neighbours helped.\n\n"
        "“We threw everything out,” the owner said.\n\n"
        "Ines Marlow, who coaches the under-12 team, cancelled practice. Parents agreed.\n\n"
        "“Safety first,” the coach said."
    )
    assert speakers(body) == [("We threw everything out,", "Ravi Tamsin"), ("Safety first,", "Ines Marlow")]


def test_the_author_of_a_text_quoted_is_its_speaker():
    """ "according to a statement from X", "said a letter from X", "A statement from X said": the words are the
    author's; "a lawyer for X" is still not X, and a firm's statement stays the firm's."""
    body = (
        "According to a statement from Bettina Harrow, “the family asks for privacy.”\n\n"
        "“Read it,” said a letter from Ravi Tamsin to the board.\n\n"
        "A statement from Marla Quinby said: “We are grieving.”\n\n"
        "“We will appeal,” said a lawyer for Odile Fenwick.\n\n"
        "According to a statement from Harbour Freight, “nobody was hurt.”"
    )
    assert speakers(body) == [
        ("the family asks for priv", "Bettina Harrow"),
        ("Read it,", "Ravi Tamsin"),
        ("We are grieving.", "Marla Quinby"),
        ("We will appeal,", None),
        ("nobody was hurt.", None),
    ]


def test_the_role_rules_hold_where_a_second_review_tried_them():
    """Cases a review found wrong (each before its fix): the initials as the role itself ("Harbour Freight CEO X"); a
    person named next to the role, a deputy, an aide or a former holder is not "the PM"/"the CEO"; the person named
    last before the reference, not the one first named last; "who manages to smile" gives no role; "That's what X,
    a nurse, says, and …" and a scare quote later keep the speaker."""
    cases = [
        (
            "Harbour Freight CEO Odile Fenwick spoke on Monday. Shares fell.\n\n“We are not worried,” the CEO said.",
            "Odile Fenwick",
        ),
        (
            "Prime Minister Marla Quinby met Odile Fenwick on Monday. Reporters waited.\n\n"
            "“We are ready,” the PM said.",
            "Marla Quinby",
        ),
        (
            "Prime Minister Marla Quinby arrived with Deputy Prime Minister Ravi Tamsin. Reporters waited.\n\n"
            "“We are ready,” the PM said.",
            "Marla Quinby",
        ),
        (
            "Odile Fenwick, the chief executive of Harbour Freight, spoke on Monday. She replaced former chief "
            "executive Ravi Tamsin in May.\n\n“We are not worried,” the CEO said.",
            "Odile Fenwick",
        ),
        (
            "Sen. Marla Quinby opened the hearing. She noted that Sen. Ravi Tamsin had objected in March.\n\n"
            "Quinby then read the bill aloud. Quinby asked for a vote.\n\n“This bill is overdue,” the senator said.",
            "Marla Quinby",
        ),
        (
            "Store manager Ravi Tamsin opened the doors at 6 a.m. Ines Marlow, who still manages to smile after 40 "
            "years in line, was first.\n\n“We have enough for everyone,” the manager said.",
            "Ravi Tamsin",
        ),
        (
            "“We are exhausted.”\n\nThat's what Marla Quinby, a nurse, says, and her colleague, Ravi Tamsin, agrees.",
            "Marla Quinby",
        ),
        ("“We are exhausted.”\n\nThat's what Marla Quinby says about the “new normal” on her ward.", "Marla Quinby"),
    ]
    for body, speaker in cases:
        assert speakers(body)[0][1] == speaker, body


def test_an_interviews_answers_are_the_interviewees_not_the_reporters():
    """ "She spoke with reporter Ravi Tamsin": the reporter asks; the answers are hers (a journalist's noun before the
    name, or a third person speaking with them, mark the interviewer)."""
    body = (
        "Marla Quinby has run the food bank in Port Lisle for a decade. She spoke with reporter Ravi Tamsin about "
        "the winter ahead. This interview has been edited for length.\n\n"
        "Q: How bad is it this year?\n\n"
        "A: “It's the worst I've seen. We had 400 families last week.”\n\n"
        "Q: What do you need most?\n\n"
        "A: Volunteers, honestly. “Food comes in, but hands don't.”"
    )
    assert speakers(body) == [
        ("It's the worst I've seen", "Marla Quinby"),
        ("Food comes in, but hands", "Marla Quinby"),
    ]


def test_a_possessive_in_the_reported_clause_of_a_name_in_apposition_states_the_gender():
    """ "The lawyer, Luc Lemieux, had argued that his client …" says Lemieux is a man as "Lemieux argued that his
    client …" does (neither "Luc" nor "Mary" has one gender in the name lists): the judge's "she wrote" after it is
    the judge's, not the lawyer's, who had become the previous speaker."""
    body = (
        "“The evidence is overwhelming,” Justice Mary Stewart wrote.\n\n"
        "The lawyer, Luc Lemieux, had argued that his client was a scapegoat for a former manager, Wang Xiaoming.\n\n"
        "“Mr. Wang may well have participated,” she wrote.\n\n"
        "Outside the courthouse, Lemieux said he would review the decision.\n\n"
        "“We are disappointed,” he said."
    )
    assert speakers(body) == [
        ("The evidence is overwhel", "Mary Stewart"),
        ("Mr. Wang may well have p", "Mary Stewart"),
        ("We are disappointed,", "Luc Lemieux"),
    ]


def test_an_epithet_after_a_speaker_is_the_one_person_introduced_since_as_a_subject():
    """ "Grade 12 student Aaliyah Osei-Bonsu, who started the petition, watched from the gallery. “…,” said the
    17-year-old": the student introduced since the councillor spoke, not nobody; one named only as an object ("The
    award went to …") is no such subject, and the epithet stays unresolved."""
    opening = "“I am not defending anyone,” Coun. Howard Leung said during the debate.\n\n"
    epithet = "“We just wanted people to know the history,” said the 17-year-old."
    subject = opening + "Grade 12 student Aaliyah Osei-Bonsu, who started the petition, watched from the gallery.\n\n"
    assert speakers(subject + epithet)[1] == ("We just wanted people to", "Aaliyah Osei-Bonsu")
    obj = opening + "The school's history prize went to Aaliyah Osei-Bonsu last year.\n\n"
    assert speakers(obj + epithet)[1] == ("We just wanted people to", None)


def test_the_officer_is_the_police_rank_named_before_and_the_executive_the_ceo():
    """ "Const. Mathieu Leduc … “…,” said the officer": police copy calls a constable, a sergeant or a detective "the
    officer" after the rank; a firm's "CEO Marla Quinby" is "the executive"."""
    body = (
        "Const. Mathieu Leduc, who co-ordinated the search, said the rain made it harder.\n\n"
        "“We were worried about hypothermia,” said the officer.\n\n"
        "Staff Sgt. Ines Varga said the road was closed. “It was icy,” the officer said.\n\n"
        "Harbour Freight CEO Marla Quinby said the ferry deal was done. “We are pleased,” the executive said."
    )
    assert speakers(body) == [
        ("We were worried about hy", "Mathieu Leduc"),
        ("It was icy,", "Ines Varga"),
        ("We are pleased,", "Marla Quinby"),
    ]


def test_a_person_named_by_first_name_only_with_the_surname_withheld_is_a_person():
    """ "Rosalind, who asked that CBC News not use her last name," and "Dan (not his real name)" are people the story
    names by first name only: they speak again as "she" after another speaker, and are found again by that name."""
    body = (
        "“If I'm not there, she doesn't eat,” says Rosalind, who asked that Elden News not use her last name.\n\n"
        "“We have homes with no applicants,” said association CEO Lorna McTavish-Obeng in an interview.\n\n"
        "Rosalind isn't convinced. “New beds are great,” she says.\n\n"
        "Dan (not his real name), 19, moved out in May. “I felt left out,” he said."
    )
    assert speakers(body) == [
        ("If I'm not there, she do", "Rosalind"),
        ("We have homes with no ap", "Lorna McTavish-Obeng"),
        ("New beds are great,", "Rosalind"),
        ("I felt left out,", "Dan"),
    ]
    found = extract("", body, "en")
    assert {p.name: (p.count, p.evidence) for p in found.people if len(p.name.split()) == 1} == {
        "Rosalind": (2, "first name only, the surname withheld"),
        "Dan": (1, "first name only, the surname withheld"),
    }


def test_french_compound_given_names_and_first_name_only_genders_count():
    """ "Jean-Marc", "Paul-Émile" (compounds gender-guesser lacks) are men's names, "Mary" a woman's (it marks it a
    woman's as a first name only): "she said" after "Chief Electoral Officer Jean-Marc Larkin told a committee that
    …" is the senator's, not his; "he said" after "Mary Gallagher listened" is not hers."""
    for name in ("Jean-Marc", "Paul-Émile"):
        body = (
            "Sen. Moira Gallagher introduced the bill last fall.\n\n"
            f"Chief Electoral Officer {name} Larkin told a committee in 2023 that the change would take 18 months.\n\n"
            "“I will keep reintroducing it,” she said."
        )
        assert speakers(body) == [("I will keep reintroducin", "Moira Gallagher")]
    body = "“It is late,” Tomas Brisk said at the meeting. Mary Gallagher listened.\n\n“It is too late,” he said."
    assert speakers(body) == [("It is late,", "Tomas Brisk"), ("It is too late,", "Tomas Brisk")]


def test_a_possessive_after_an_owners_appositive_states_no_gender():
    """ "Her lawyer, Robin Tessier, said her family was in shock", "The man's coach, Jamie Tessier, said his knee …":
    the possessive may be the owner's, so it says nothing of Tessier, whose pronoun after it is Tessier's (not the
    judge's)."""
    body = (
        "“The evidence is overwhelming,” Justice Mary Stewart wrote.\n\n"
        "Her lawyer, Robin Tessier, said her family was in shock.\n\n"
        "“This is a travesty,” he said outside the courthouse."
    )
    assert speakers(body)[1] == ("This is a travesty,", "Robin Tessier")
    body = (
        "“The evidence is overwhelming,” Justice Mary Stewart wrote.\n\n"
        "The man's coach, Jamie Tessier, said his knee injury had ended his season.\n\n"
        "“We are all devastated,” she said."
    )
    assert speakers(body)[1] == ("We are all devastated,", "Jamie Tessier")


def test_the_officer_is_nobody_named_when_an_unnamed_one_came_in_since():
    """ "the officer, who has not been named", "An officer in the cruiser", "A senior executive at a rival firm": the
    role's unnamed holder came in after the named rank, and the words are theirs (nobody's we can name); a lower-case
    "fire inspector" is no officer."""
    bodies = (
        "Staff Sgt. Ines Varga said the officer, who has not been named, is on paid leave.\n\n"
        "“I feared for my safety,” the officer wrote in a statement.",
        "Const. Mathieu Leduc said a patrol car was hit. An officer in the cruiser was taken to hospital.\n\n"
        "“It happened in a split second,” the officer told reporters later.",
        "Harbour Freight CEO Marla Quinby said the company will cut 200 jobs.\n\n"
        "A senior executive at a rival firm said the cuts were overdue. “They waited too long,” the executive said.",
        "Fire inspector Harold Bexley said the blaze started in the kitchen.\n\n"
        "“He was yelling at the firefighters,” the officer said.",
    )
    for body in bodies:
        assert [speaker for _, speaker in speakers(body)] == [None], body


def test_an_epithet_is_not_the_official_or_the_veteran_named_since_an_aged_speaker():
    """ "“…,” said Tomas Brandvold, 17 … Coach Ilse Marr timed him … “…,” the teenager said": the teenager is the
    17-year-old, not the coach named since; "Veteran goalie Kirsti Haldane" is not "the rookie"."""
    body = (
        "“I just kept running,” said Tomas Brandvold, 17, after the race.\n\n"
        "Coach Ilse Marr timed him at four minutes flat.\n\n"
        "“I didn't think I could do it,” the teenager said."
    )
    assert speakers(body)[1][1] != "Ilse Marr"
    body = (
        "“I was nervous,” said Tomas Brandvold, who was called up from the minors on Friday.\n\n"
        "Veteran goalie Kirsti Haldane made 31 saves in the win.\n\n"
        "“Once the puck dropped I was fine,” the rookie said."
    )
    assert speakers(body)[1][1] != "Kirsti Haldane"


def test_a_first_name_only_that_is_an_english_word_opens_a_sentence_as_the_word():
    """ "Grace, who asked that her last name not be used" … "Grace periods on rent have ended": the word, not her
    again (so "she said" after it stays the director's); "Lexi, whose real name is Alexandra Brisk" withholds
    nothing."""
    body = (
        "“I had nowhere else to go,” says Grace, who asked that her last name not be used.\n\n"
        "Director Ilse Marr said funding has not kept up. Grace periods on rent have ended.\n\n"
        "“We turn people away every night,” she said."
    )
    assert speakers(body) == [("I had nowhere else to go", "Grace"), ("We turn people away ever", "Ilse Marr")]
    body = "The singer Lexi, whose real name is Alexandra Brisk, cancelled the tour. Lexi is resting."
    assert [p.name for p in extract("", body, "en").people if p.name == "Lexi"] == []


def test_a_clause_with_its_own_subject_before_the_verb_is_not_the_named_persons():
    """ "Colin Ramsay left in December after what the board described as “…”": the board's words (no person's), not
    Ramsay's; "a deal that the union called “…”" likewise."""
    body = (
        "Colin Ramsay left in December after what the board described as “a difference of views on strategy.”\n\n"
        "Tessa Marchetti signed a deal that the union called “the worst in a generation.”"
    )
    assert speakers(body) == [("a difference of views on", None), ("the worst in a generatio", None)]


def test_a_rank_word_makes_a_role_another_office():
    """ "the deputy minister" is not "Environment Minister X", "the coach" not the "assistant coach" named last, "the
    assistant coach" not the head coach: a role reference and a person's role must agree on deputy, assistant, vice,
    associate, acting, interim."""
    body = (
        "Miriam Osterhout is a former deputy minister of finance. Environment Minister Stuart Kepler has leaned on her "
        "report.\n\n“Nobody in this fight is listening,” the former deputy minister said.\n\n"
        "Coach Tom Brisk and assistant coach Lena Okafor ran the practice.\n\n"
        "“We are not ready,” the assistant coach said. “Maybe we are,” the coach said."
    )
    assert speakers(body) == [
        ("Nobody in this fight is ", None),
        ("We are not ready,", "Lena Okafor"),
        ("Maybe we are,", "Tom Brisk"),
    ]


def test_a_colon_introducing_an_unnamed_source_gives_the_words_to_nobody():
    """ "Then there was this, from a user with the handle @CanuckDad1974:" then the quotation: an unnamed user's words,
    not the economist's quoted before."""
    body = (
        "“Every cup ends up in a landfill,” economist Olumide Adeyemi-Clarke wrote.\n\n"
        "Then there was this, from a user with the handle @CanuckDad1974:\n\n"
        "“My grandfather paid 5 cents for a coffee.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [
        ("Olumide Adeyemi-Clarke", "Olumide Adeyemi-Clarke"),
        (None, "a user"),
    ]
    # …unless the sentence names them after the noun
    body = (
        "“It is sound,” Mayor Ivo Sand said.\n\nAnd this from a longtime resident, retired teacher Mara Lind, 71:\n\n"
        "“Nobody asked us.”"
    )
    assert [q.speaker for q in extract("", body, "en").quotes] == ["Ivo Sand", "Mara Lind"]


def test_second_review_of_the_session_speaker_rules():
    """Cases a review found wrong: "the chief" is the interim chief, "the professor" the associate professor, "the
    vice-president" the vice-president; a statement that her office released is still hers when no clause subject
    stands right before the verb ("Lena Dahl in a statement that her office released Tuesday said")."""
    body = (
        "Interim Fire Chief Lena Dahl said crews worked all night. “It was a long night,” the chief said.\n\n"
        "Associate Professor Tomas Brekke studies ice sheets. “The ice is thinning,” the professor said.\n\n"
        "Vice-President Mara Lind met voters. “We need more buses,” the vice-president said.\n\n"
        "Ilse Marr in a statement that her office released Tuesday said the closure was “a betrayal of the north.”"
    )
    assert speakers(body) == [
        ("It was a long night,", "Lena Dahl"),
        ("The ice is thinning,", "Tomas Brekke"),
        ("We need more buses,", "Mara Lind"),
        ("a betrayal of the north.", "Ilse Marr"),
    ]


def test_a_pronoun_after_an_unnamed_speaker_means_them_not_the_person_named_before():
    # Real pages: a union leader quoted, then "a spokesperson for the employers" — quoted or reporting without
    # marks — and "he said": the spokesperson's words went to the union leader, whose given name is in no list.
    quoted = (
        "Mara Lind, the union leader, said the talks had failed.\n\n"
        "“We need a talk,” Lind said.\n\n"
        "“We have worked with the union,” a spokesperson for the employers said.\n\n"
        "“We will keep talking,” he said."
    )
    assert speakers(quoted)[1:] == [("We have worked with the ", None), ("We will keep talking,", None)]
    reported = (
        "Mara Lind, the union leader, said the talks had failed.\n\n"
        "“We need a talk,” Lind said.\n\n"
        "But a spokesperson for the employers said its members had cut short-term contracts.\n\n"
        "“We have worked with the union,” he said. “The contracts are for each college.”"
    )
    assert speakers(reported)[1:] == [("We have worked with the ", None), ("The contracts are for ea", None)]
    # someone named as a subject since still speaks; an unnamed asker's question is answered by the one asked;
    # an unnamed speaker of the other gender ("a spokeswoman") is not whom "he" means
    since = reported.replace("“We have worked", "Coun. Ivo Brandt disagreed with Lind.\n\n“We have worked")
    assert speakers(since)[1] == ("We have worked with the ", "Ivo Brandt")
    asked = (
        "Judge Oona Castellane was sworn in on Monday.\n\n"
        "A reporter asked Castellane, “What is the hardest part of the job?”\n\n"
        "“Getting people to listen,” she said."
    )
    assert speakers(asked)[-1] == ("Getting people to listen", "Oona Castellane")
    spokeswoman = quoted.replace("a spokesperson", "a spokeswoman").replace("Mara Lind", "Tomas Lind")
    assert speakers(spokeswoman)[-1] == ("We will keep talking,", "Tomas Lind")


def test_a_participle_after_an_opening_clause_has_the_main_clause_subject():
    # A real interview: "When Winfrey asked if he could share …, he declined, saying “…”" gave his answer to her.
    body = (
        "Tomas Berg spoke with the host, Rina Olde, on Sunday.\n\n"
        "When Olde asked if he could share the questions, he declined, saying “I am not comfortable with that.”"
    )
    assert speakers(body) == [("I am not comfortable wit", "Tomas Berg")]
    # the reporting verb of the main clause still speaks for its participle
    main = "Tomas Berg spoke on Sunday.\n\nWhen asked, Rina Olde said she would stay, adding “I am not leaving.”"
    assert speakers(main) == [("I am not leaving.", "Rina Olde")]


def test_a_pronoun_after_a_question_to_her_means_the_one_asked():
    # A real interview: "Wootton asked her, “…?” She answered, “…”" gave the answer to the interviewer, whose
    # gender the text does not give.
    body = (
        "Mira Kell appeared on the show on Monday.\n\n"
        "Wootton asked her, “Did you ever find out where you caught it?”\n\n"
        "She answered, “Yes, in the woods behind the cabin.”"
    )
    assert speakers(body) == [("Did you ever find out wh", "Wootton"), ("Yes, in the woods behind", "Mira Kell")]
    # "her" as a possessive is no one addressed: "Mira told her husband, … She added"
    own = "Mira Kell spoke on Monday.\n\nKell told her husband, “We are leaving.”\n\nShe added, “It is time to go.”"
    assert speakers(own) == [("We are leaving.", "Mira Kell"), ("It is time to go.", "Mira Kell")]


def test_an_appeal_and_as_someone_puts_it_report_words():
    # Real pages: a book review's "Klein implores his readers “to …”" and a forum's "as Martelli puts it, “…”".
    body = (
        "Ezra Talm has written a long book about the harbour.\n\n"
        "In the final pages Talm implores his readers “to look harder at who profits from the ferries.”\n\n"
        "Importing everything has costs, and as Ivo Verlin puts it, “if that is how your package works, it should be "
        "one module anyway.”"
    )
    assert speakers(body) == [("to look harder at who pr", "Ezra Talm"), ("if that is how your pack", "Ivo Verlin")]


def test_a_verb_in_a_clause_of_its_own_after_the_quotation_does_not_take_it():
    # A real page: "Vask … pledged … that the department “would be able to …,” but trust members questioned it" gave
    # the words to nobody ("but trust members"); the same with "and" gave them to the one who agreed.
    body = (
        "Transport chief Oren Vask, who is now suspended, pledged to the trust in July that the department “would "
        "be able to track towards that standard,” but trust members questioned it.\n\n"
        "Mara Lind said the long-delayed plan was “a mess from start to finish,” and Ivo Brandt agreed."
    )
    assert speakers(body) == [("would be able to track t", "Oren Vask"), ("a mess from start to fin", "Mara Lind")]
    # "as X said" after the quotation is its own attribution, commas or not
    aside = (
        "Mara Lind spoke of protest as patriotism, such as wearing a shirt with the words “I can't breathe,” as "
        "Tomas Berg, pinned to the pavement, said before he died."
    )
    assert speakers(aside) == [("I can't breathe,", "Tomas Berg")]


def test_states_after_a_quotation_is_its_reporting_verb():
    # A real page: "“…,” the paper states." went to the scientist quoted before, by follow-on.
    body = (
        "Tobin Fa has studied the forests for ten years.\n\n"
        "“Loss rates are lower in those forests,” he said.\n\n"
        "“The forests are a refuge for many species,” the report states.\n\n"
        "“We are a proud people,” Fa states."
    )
    assert speakers(body) == [
        ("Loss rates are lower in ", "Tobin Fa"),
        ("The forests are a refuge", None),
        ("We are a proud people,", "Tobin Fa"),
    ]


def test_a_feature_opening_quotation_named_by_thats_how_in_the_next_paragraph():
    # A feature's lede: the quotation alone, then "That's how X describes …" (or "That's what X says", "Those were
    # the words of X"); the quotation was left to nobody.
    for opening in ("That's how Mara Lind, a nurse in Kelburn, describes", "Those were the words of Mara Lind about"):
        body = (
            "“It's terrifying to think about.”\n\n"
            f"{opening} the night the power went out across the north end.\n\n"
            "The outage lasted nine hours."
        )
        assert speakers(body) == [("It's terrifying to think", "Mara Lind")]
    # not a name further into the sentence: "That's how the union's lawyer, Ivo Brandt, …" names no one at its head
    later = "“It's terrifying.”\n\nThat's how the union described the night Ivo Brandt lost power."
    assert speakers(later) == [("It's terrifying.", None)]


def test_a_name_in_a_relative_clause_before_the_verb_is_not_the_subject():
    # PolNeAR: "Sam Solovey, a contestant on Trump's reality TV show, “The Apprentice,” who went on to work alongside
    # Trump, said his boss was “…”" gave the words to Trump: the show's title cut the subject off at its marks.
    body = (
        "Sam Solberg, a contestant on Tom Varga’s show, “The Apprentice,” who went on to work alongside Varga, "
        "said his boss was “always kind and generous and charming.”"
    )
    assert speakers(body)[-1] == ("always kind and generous", "Sam Solberg")


def test_a_placed_verb_before_one_someone_unnamed():
    # A real page: "“Goodness, … you look starved!” read one comment." went to the singer named before, by follow-on.
    body = (
        "“I love dancing,” Lina Maro told a magazine. Her photos met a mixed response.\n\n"
        "“Goodness, you look starved!” read one comment."
    )
    assert speakers(body) == [("I love dancing,", "Lina Maro"), ("Goodness, you look starv", None)]


def test_quoted_as_saying_and_a_passive_without_its_agent():
    # Real pages: "quoted Lind as saying “…”" was left to nobody; "she was warned that “…”" and "Lind was asked,
    # “…?”" gave the warning and the interviewer's question to the one warned or asked.
    body = (
        "The Kelburn Ledger quoted Mara Lind as saying “the harbour will close by spring.”\n\n"
        "In one briefing note she was warned that “the exam is one nobody will ever fail.”\n\n"
        "On Tuesday, Lind was asked, “If you had known about the server, would you have told her?”\n\n"
        "Lind was told by her deputy that “nobody reads the briefing notes.”"
    )
    assert speakers(body) == [
        ("the harbour will close b", "Mara Lind"),
        ("the exam is one nobody w", None),
        ("If you had known about t", None),
        ("nobody reads the briefin", None),
    ]


def test_a_province_after_the_town_in_the_speakers_description():
    # A real page: "X of the University of Y in Town, State, said" gave the words to nobody ('State').
    body = (
        "“The effects will be serious,” Mara Lind of the University of Tarvik in Dunmore, N.S., said.\n\n"
        "“We lost everything,” Ivo Brandt of Kelburn, B.C., told reporters."
    )
    assert speakers(body) == [("The effects will be seri", "Mara Lind"), ("We lost everything,", "Ivo Brandt")]


def test_an_en_dash_inside_a_compound_does_not_cut_the_subject_off():
    # A real page: "…,” Michael Joseph, the Kenya–born former CEO of … who helped create …, tells me." gave the words
    # to nobody ("helped create …"): the en dash of "Kenya–born" was read as a dash opening the subject.
    body = "“There are no banks,” Ivo Dorn, the North Varn–born former CEO of Telvia who helped create Pesa, tells me."
    assert speakers(body) == [("There are no banks,", "Ivo Dorn")]


def test_an_appositive_ending_the_sentence_gives_the_role_and_its_gender():
    # A real page: "…,” said Cristian Pop, a mother of four from … . “…,” she said." — the role at the sentence's end
    # was not read, so the given name's gender (a man's) sent "she" to another woman.
    body = (
        "Mara Lind spoke first.\n\n"
        "“I have four kids,” said Cristian Pop, a mother of four from Kelburn. “It is hard,” she said."
    )
    assert speakers(body) == [("I have four kids,", "Cristian Pop"), ("It is hard,", "Cristian Pop")]
    roles = {p.name: p.role for p in extract("", body, "en").people}
    assert roles["Cristian Pop"] == "mother of four from Kelburn"
    # not an abbreviation's full stop, nor "the more" of a comparison
    body = (
        "“We won,” said Ivo Brandt, a professor at St. Olaf College. "
        "The longer voters know Ivo Brandt, the more they like him."
    )
    assert {p.name: p.role for p in extract("", body, "en").people}["Ivo Brandt"] == ""


def test_the_same_official_after_an_unnamed_one_is_not_the_official_named_before():
    # A real page: a named "former economic official", then "“…?” one Western official asks", then "“…,” the same
    # official explains": the named one was given the unnamed one's words.
    body = (
        "Naveed Akhtar, a former economic official in the government, says “we were stuck in a dark well.”\n\n"
        "“Has corruption become what holds everything together?” one Western official asks. “Maybe.”\n\n"
        "“There is everything-to-myself corruption,” the same official explains."
    )
    assert speakers(body)[-1] == ("There is everything-to-m", None)


def test_a_capitalised_subject_nobody_is_named_in_speaks_for_its_participle_and_the_airline_is_no_person():
    # Real pages: "Marketplace released a separate statement saying, “…”" went to the CEO named the sentence before;
    # "Airline boss Oren Malk … “…,” the airline said" gave the company's words to its boss.
    body = (
        "Vellum CEO Tom Reyes said in a posting that the deal was done.\n\n"
        "Marketplace released a separate statement saying, “It allows us to grow.”\n\n"
        "Airline boss Oren Malk resigned on Monday.\n\n"
        "“We are sorry for the delays,” the airline said in a statement."
    )
    assert speakers(body) == [("It allows us to grow.", None), ("We are sorry for the del", None)]
    # a country's words stay an organisation's
    country = "Japan branded Estmark an “outlaw nation in the neighbourhood.”"
    assert [(q.speaker, q.speaker_kind) for q in extract("", country, "en").quotes] == [(None, "organisation")]


def test_four_shapes_from_the_review_of_real_pages():
    # A clause's verb before the quotation introduces nothing; the name after it speaks: "That mobility remains low
    # suggests “…,” Brisk said" was left to nobody.
    body = "Anton Brisk studies jobs.\n\nThat mobility is low suggests “that job markets are lousy,” Anton Brisk said."
    assert speakers(body)[-1] == ("that job markets are lou", "Anton Brisk")
    # "he’d shouted": a pluperfect's pronoun
    body = "Ivo Brandt rode to the base. “Is there anybody to talk to me?” he’d shouted at a guard."
    assert speakers(body) == [("Is there anybody to talk", "Ivo Brandt")]
    # "write", the plural's present: two authors together are nobody in particular, not the speaker before them
    body = "“There is chaos in the air,” Ivo Dorn says.\n\n“Cash is the enemy of the poor,” Pia Lorne and Edo Vik write"
    assert speakers(body)[-1] == ("Cash is the enemy of the", None)
    # a participle after a second clause coordinated with a comma has that clause's subject
    body = (
        "On occasion, Dorn would grow animated, and Ruth Varga would shut him down, saying, “We heard you. Thank you.”"
    )
    assert speakers(body) == [("We heard you. Thank you.", "Ruth Varga")]


def test_a_plural_subjects_present_tense_reports_but_not_after_to_or_a_modal():
    # Real pages: "his lawyers maintain that the allegations “are …”" went to the reporter quoted before, by follow-on;
    # "… like Gary Hufbauer, … also acknowledge that … “…,” he said" went to the economist before him.
    body = (
        "“Vellum agreed to pay $35 million,” reports Ena Harlow.\n\n"
        "He stepped down last month, but his lawyers maintain that the allegations “are misdirected and meritless.”"
    )
    assert speakers(body)[-1] == ("are misdirected and meri", None)
    # an infinitive is no report: "would like Trump to further explain …"
    body = (
        "Pia Nance said she would like Tom Varga to further explain his stance but supports him because there is no "
        "question he is “the most pro-life of the two.”"
    )
    assert speakers(body) == [("the most pro-life of the", "Pia Nance")]


def test_they_before_a_colon_is_a_group_not_the_speaker_before():
    # A real page: "Protesters marched. They often chant: “No justice, no peace …”" went to the man quoted before.
    body = (
        "“I got targeted,” Ivo Brandt told me.\n\n"
        "Protesters marched on Friday. They often chant: “No justice, no peace, no racist police.”"
    )
    assert speakers(body) == [("I got targeted,", "Ivo Brandt"), ("No justice, no peace, no", None)]


def test_comments_before_the_speaker_after_a_quotation():
    # Real pages: "“…,” comments Robin Biesbroek of the design office." and "“…,” comments Johnston in a statement."
    body = (
        "Tomas Varga leads the design office.\n\n"
        "“We worked on the design of the lander,” comments Tomas Varga of the design office.\n\n"
        "“We are truly excited about our tour,” comments Varga in a statement."
    )
    assert speakers(body) == [("We worked on the design ", "Tomas Varga"), ("We are truly excited abo", "Tomas Varga")]


def test_whom_he_describes_is_not_he():
    # PolNeAR: "Will called for Republicans to back Chris Christie, whom he describes as having “…”": once "describes"
    # was made a reporting verb, "he" went to Christie, the last person named, whom the clause describes (a guard:
    # before "describes" was listed the quotation reached Will another way).
    body = (
        "“This should hasten the eclipse of the front-runners,” Gordon Wills wrote.\n\n"
        "Instead, Wills called for voters to back Kit Chrisman, whom he describes as having “a prosecutor’s bearing.”"
    )
    assert speakers(body)[-1] == ("a prosecutor’s bearing.", "Gordon Wills")


def test_three_shapes_from_the_second_review_of_real_pages():
    # "ambassador to Canada Mara Lind said": the country opened her name and no person was found; "weighed in" after a
    # quotation was no reporting verb (a real page gave the words to the dead man they were about); a brokerage
    # "Kotak Institutional Equities" was a person.
    body = (
        "Norway's ambassador to Canada Mara Lind said the deal was done.\n\n"
        "“We all miss Dane so much,” Ivo Brike weighed in, telling reporters.\n\n"
        "Analysts at Varn Institutional Equities said the shares were cheap."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Mara Lind", "Ivo Brike"]
    assert [(q.text[:12], q.speaker) for q in found.quotes] == [("We all miss ", "Ivo Brike")]
    # the team or paper a city's name opens stays no person: "Boston Red Sox", "Palo Alto Weekly"
    assert [p.name for p in extract("", "The Boston Red Sox and the Palo Alto Weekly said so.", "en").people] == []


def test_an_answer_after_a_question_ending_the_paragraph_before_is_not_the_askers():
    # A real hearing: "“…,” Velt interjected. “Do you dispute that?” / “There can be a minimal risk …”" gave the
    # answer to the questioner, by follow-on; PolNeAR's rally: "“Or do we roll up our sleeves?” / “Yesssss!”".
    body = (
        "The hearing on the vaccine went on for hours.\n\n"
        "“But there is some risk,” Oskar Velt interjected. “Do you dispute that?”\n\n"
        "“There can be a very minimal risk with respect to some individuals.”\n\n"
        "“Would I do it again?” Mara Lind said.\n\n"
        "“Absolutely. I would do it tomorrow.”"
    )
    assert [s for _, s in speakers(body)] == ["Oskar Velt", "Oskar Velt", None, "Mara Lind", "Mara Lind"]


def test_a_pronoun_and_instead_before_the_verb():
    # A real page: "He instead told the interviewer: “…”" left the words to "He instead", a noun phrase.
    body = "Mayor Dorn Kessa spoke on Monday. He instead told the interviewer: “I had to go and see him.”"
    assert speakers(body) == [("I had to go and see him.", "Dorn Kessa")]


def test_a_noun_in_ing_before_a_title_leaves_the_name_the_subject():
    # "Housing Minister Sean Fraser rejected the criticism. / “…,” he said" gave the answer to the critic quoted
    # before: "Housing" was read as a gerund opening the sentence ("Taking Archie outside is …"), so the minister
    # was no subject.
    body = (
        "“The minister promised 500,000 homes a year,” Scott Aitken said.\n\n"
        "Housing Minister Sean Fraser-Doyle rejected the criticism.\n\n"
        "“The member opposite voted against every measure,” he said."
    )
    assert speakers(body)[-1] == ("The member opposite vote", "Sean Fraser-Doyle")


def test_a_question_answered_by_the_quotation_right_after_it():
    # A real hearing: "“I understand there is growing confidence,” Rep. X said. “What do you think?” “It depends on the
    # builder,” responded administrator Y." gave the congressman's question to the administrator who answered it.
    body = (
        "The committee met on Tuesday.\n\n"
        "“I understand there is growing confidence,” Rep. Rolf Adder said. “What do you think?” “It depends on the "
        "builder,” responded administrator Jim Brandel."
    )
    assert [s for _, s in speakers(body)] == ["Rolf Adder", "Rolf Adder", "Jim Brandel"]


def test_a_first_name_withheld_after_an_appositive_and_said_the_following():
    # Real pages: "Daniel, a senior who didn't want to give his last name …, said …" made no person, and the "he said"
    # quotations after it went to Trump; "When Fox News' X asked the president …, Trump said the following." then a
    # paragraph of quotation: four paragraphs of Trump's answer went to the interviewer.
    body = (
        "Mayor Ivo Brandt spoke at the rally.\n\n"
        "Daniel, a senior who didn't want to give his last name, said it was aggravating.\n\n"
        "“It is hard to be open here,” he said.\n\n"
        "When Tomas Pell of the Ledger asked the mayor about his absence, Brandt said the following.\n\n"
        "“Well, I get it when I need it.”"
    )
    assert [s for _, s in speakers(body)] == ["Daniel", "Ivo Brandt"]


def test_the_subject_of_a_sentence_opened_by_a_subordinate_clause_is_the_main_clauses():
    # PolNeAR: "When Wallace died in 1998, President Clinton released the following statement: / “…”" gave Clinton's
    # statement to Wallace, the subject of the "When" clause (and a review's "When X asked the mayor …, Brandt …").
    body = (
        "Mayor Ivo Brandt skipped the briefings.\n\n"
        "When Tomas Pell asked the mayor about his absence, Brandt laughed.\n\n"
        "“Well, I get it when I need it.”"
    )
    assert speakers(body) == [("Well, I get it when I ne", "Ivo Brandt")]


def test_a_straight_mark_glued_after_a_comma_opens_and_longtime_is_no_part_of_a_name():
    # Real pages: 'writes,"This is …"' (a space left out) found no quotation; "Longtime Donald Trump advocate Rudy
    # Giuliani …" made a person "Longtime Donald Trump".
    body = (
        'In his column, Ivo Brandt writes,"This is the end of the line for the harbour."\n\n'
        "Longtime Ivo Brandt ally Mara Lind has withdrawn. “He is a talented man,” Brandt said."
    )
    found = extract("", body, "en")
    assert [(q.text[:11], q.speaker) for q in found.quotes] == [
        ("This is the", "Ivo Brandt"),
        ("He is a tal", "Ivo Brandt"),
    ]
    assert {p.name: p.role for p in found.people} == {"Ivo Brandt": "", "Mara Lind": ""}


def test_the_one_remembered_saying_it_speaks_not_the_one_remembering():
    # A real page: "“… it would have to be alone at a hotel,” she recalls him saying." went to the woman recalling
    # (unresolved there, her name here): the words are the man's.
    body = (
        "Otto Brandt invited Mara Lind for a drink in 1998.\n\n"
        "“It would have to be alone at a hotel,” she recalls him saying.\n\n"
        "Lind remembers him telling her, “Nobody will believe you.”"
    )
    assert [s for _, s in speakers(body)] == ["Otto Brandt", "Otto Brandt"]


def test_a_relative_named_without_a_comma_does_not_take_over_the_bare_surname():
    # A real page: "Rupert Murdoch founded …; later his son James Murdoch …" then "Murdoch said" went to the son;
    # PolNeAR: "Former President Bill Clinton … for his wife Hillary Clinton. … “…,” Clinton said." went to her.
    body = (
        "Otto Brandt founded the Courier; later his son Ivo Brandt joined the board.\n\n"
        "About the scandal, Brandt said, “I do not accept responsibility.”"
    )
    assert speakers(body) == [("I do not accept responsi", "Otto Brandt")]


def test_a_name_inside_an_opening_participle_clause_is_not_whom_the_pronoun_after_it_means():
    # "Asked again whether he would continue to accept gifts from Lord Alli, he said: “…”" (a Telegraph page of
    # fundus's tests): the clause's object is not the main clause's subject; nor "After meeting Mara Lind, he said"
    body = (
        "Sir Tomas Brisk defended the harbour fund on Monday. “It is sound,” Sir Tomas said.\n\n"
        "Asked again whether he would keep accepting gifts from Lord Ivo Vale, he said: “I will follow the rules.”\n\n"
        "After meeting Mara Lind at the quay, he added: “We spoke about the ferries.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in got] == [
        ("It is sound,", "Tomas Brisk"),
        ("I will follow the rules.", "Tomas Brisk"),
        ("We spoke about the ferries.", "Tomas Brisk"),
    ]


def test_a_name_after_joined_or_chaired_by_is_not_the_subject_that_speaks():
    # "Roberts, joined by Justice Amy Coney Barrett and the three liberal justices, said …" (Nine News); "The National
    # Security Committee, chaired by Prime Minister …, said" (National Post): the subject speaks, not the one it names
    body = (
        "Chief Justice Mara Lind, joined by Justice Ana Castellan and two other judges, said the law makes clear that "
        "such children “are citizens at birth”.\n\n"
        "The harbour council, chaired by Mayor Edda Lorne, said the plan was “a good start for the town”."
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in got] == [
        ("are citizens at birth", "Mara Lind"),
        ("a good start for the town", None),
    ]


def test_a_name_then_its_age_then_its_description_before_the_verb_speaks():
    # "One of the protesters, Hayley Walsh, 42, a lecturer from Nottingham, said: “…”" (an iNews page of fundus's
    # tests) gave the quotation to the description: the age between the name and its appositive hid the name
    body = (
        "Dozens gathered outside the depot in Kelburn on Saturday.\n\n"
        "One of the protesters, Mara Lind, 42, a lecturer from Dunmore, said: “We are not going away.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in got] == [("We are not going away.", "Mara Lind")]


def test_a_bare_surname_keeps_meaning_the_subject_after_a_parent_is_named():
    # "Tanner's mother, Adrianne Fischer, said …" then "Fischer said" (The Nation, fundus's tests): the son; "Kamala
    # Harris was born … to Donald Harris, an economist, and Shyamala Gopalan Harris" then "Harris said" (National
    # Post): her, not her mother; "Mr. Bush's father, George Bush," then "Mr. Bush" (PolNeAR train): Jeb
    body = (
        "Tom Brisk, 31, is running for the Kelburn council this spring. Brisk works nights at a diner.\n\n"
        "Tom's mother, Ana Brisk, said her son “was always the one organising the others.”\n\n"
        "Brisk joined the servers' union in 2018. “It changed everything,” Brisk said.\n\n"
        "Mara Lind was born in Kelburn to Ivo Lind, an economist, and Ana Rosa Lind, a scientist.\n\n"
        "In her acceptance speech, Lind said this episode “is one of the reasons I became a prosecutor.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [
        ("was always the one o", "Ana Brisk"),
        ("It changed everythin", "Tom Brisk"),
        ("is one of the reason", "Mara Lind"),
    ]


def test_a_name_inside_what_the_previous_speaker_reported_is_not_the_subject_a_pronoun_means():
    # "Levitt said that because of his time in jail, Sinwar “understands people.” / “He learned Hebrew …,” he said"
    # (CBC, fundus's tests): Levitt goes on, Sinwar is only the subject of what he said
    body = (
        "Yahto Brisk, 61, has led the movement in the south since 2017.\n\n"
        "Ostrow said that because of his time in jail, Brisk “understands people.”\n\n"
        "“He learned the language and he learned how they think,” he said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [("He learned the langu", "Ostrow")]


def test_a_name_four_comma_segments_before_the_verb_speaks_and_a_figures_comma_ends_no_segment():
    # "mechanical engineer Richard Weir, 60, from North Shields, North Tyneside, said" (iNews, fundus's tests) gave the
    # quotation to the place; "Jeb Bush, the former Florida governor, who has resented Mr. Rubio's glide path as he
    # has struggled, called his rival “…”" (PolNeAR train) to Christie through the role. A figure's comma is no
    # segment's end: "About 12,000 homes are without power, according to the grid operator, which said" is not
    # "About 12" speaking.
    body = (
        "Former Elmsby Governor Ana Castle spoke first at the debate.\n\n"
        "Ivo Brandt, the other former Elmsby governor, who has resented Castle's rise, called his rival “totally "
        "scripted and kind of robotic”, and left.\n\n"
        "Fellow protester, engineer Tom Brisk, 60, from Lowtown, Oregon, said: “This is our town too.”\n\n"
        "About 12,000 homes are without power, according to the grid operator, which said crews would go out “as "
        "soon as it is safe to lift a ladder.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker, q.speaker_as_written) for q in got] == [
        ("totally scripted and kind of robotic", "Ivo Brandt", "Ivo Brandt"),
        ("This is our town too.", "Tom Brisk", "Tom Brisk"),
        ("as soon as it is safe to lift a ladder.", None, "About 12,000 homes are without power"),
    ]


def test_a_name_before_a_parenthetical_he_said_is_spoken_of_not_speaking():
    # "But LaBolt noted Biden “called the CEO …”. / Biden, he said, also “was the first president to stand at an
    # active strike site …”" (Chicago Tribune, htmldate's test pages): LaBolt goes on speaking of Biden
    body = (
        "“This was a negotiation the union led,” said Tom Brisk, the mayor's spokesman.\n\n"
        "But Brisk noted Ivo Vell “called the owners and argued for reopening the yard at Kelburn”.\n\n"
        "Vell, he said, also “was the first mayor to stand at a picket line in the town”."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("This was a negotiation t", "Tom Brisk"),
        ("called the owners and ar", "Tom Brisk"),
        ("was the first mayor to s", "Tom Brisk"),
    ]


def test_an_occupation_after_an_organisation_before_a_name_keeps_the_name_the_sentences_subject():
    # "Acme forecaster Dan Wirth is secure in his forecast. / “…,” he said." (htmldate's test pages) gave the
    # quotation to the previous speaker; "Washington Post columnist Michael Gerson, a speechwriter …, calls Cruz “…”"
    # (PolNeAR train) left it to nobody
    body = (
        "“It will rain by noon,” said Ivo Marsh, the council's spokesman.\n\n"
        "Acme forecaster Dan Wirth is sure of his own forecast.\n\n"
        "“We will see snow by Friday,” he said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in got] == [
        ("It will rain by noon,", "Ivo Marsh"),
        ("We will see snow by Friday,", "Dan Wirth"),
    ]


def test_two_people_opening_the_sentence_together_and_initials_in_brackets_before_the_verb():
    # "Both Trump and Erdogan “stressed the importance of diplomacy …”" gave it to Trump; "Sandy Ching, president of
    # the American Academy of Pediatrics (AAP) said … “disturbing and disappointing.”" left it to "AAP)"; "a
    # spokesperson for the Universities and Colleges Employers’ Association (UCEA) said …. / “…,” he said" gave the
    # spokesperson's words to the union leader quoted before (htmldate's and trafilatura's test pages)
    body = (
        "Both Mara Lind and Tom Brisk “stressed the importance of calm in the town” in the call.\n\n"
        "In a statement, Ana Vell, president of the Narvik Academy of Pediatrics (NAP) said the rise is “disturbing "
        "and wholly avoidable”.\n\n"
        "“Staff are treated as second-class,” Ivo Marsh said.\n\n"
        "But a spokesperson for the Kelburn Employers’ Association (KEA) said its members had cut “atypical "
        "contracts” by half.\n\n"
        "“KEA has worked with the union for years,” he said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("stressed the importance ", None),
        ("disturbing and wholly av", "Ana Vell"),
        ("Staff are treated as sec", "Ivo Marsh"),
        ("KEA has worked with the ", None),
    ]
    assert got[0].evidence == "two people named together: Mara Lind and Tom Brisk"


def test_a_reporting_verb_inside_what_a_pronoun_said_leaves_the_pronoun_the_speaker():
    # "She said the UK Covid inquiry had asked the Scottish Government “to set out …”" (The Scotsman, htmldate's test
    # pages) left both quotations to "She said the inquiry" as a description
    body = (
        "Ms Lind raised a point of order in the chamber. She said the inquiry had asked the government “to set out the "
        "timetable for release”.\n\n"
        "Mr Brisk told MPs the files were safe. He said the panel had asked for the messages in June, but “did not "
        "request the full archive”."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:24], q.speaker) for q in got] == [
        ("to set out the timetable", "Lind"),
        ("did not request the full", "Brisk"),
    ]


def test_his_statement_or_her_letter_speaks_for_whom_the_pronoun_means():
    # "“…,” Day said in a statement. … / His statement continued: “…”" (htmldate's test pages) went to nobody
    body = (
        "“The county will not pay,” Ivo Brisk said in a statement. “We have been clear.”\n\n"
        "His statement continued: “Any fee must be set by the state, not by the city.”\n\n"
        "Mara Lind wrote to the board on Monday. Her letter said the fund was “empty by any measure”."
    )
    got = extract("", body, "en").quotes
    assert [q.speaker for q in got] == ["Ivo Brisk", "Ivo Brisk", "Ivo Brisk", "Mara Lind"]


def test_a_reporting_verb_that_is_a_plural_noun_after_a_determiner_or_preposition_reports_nothing():
    # "Preston added that DeSantis came across as “much more controlled …” to back up claims that …" (Newsweek,
    # htmldate's test pages) went to "to back up" as a speaker of "claims"
    body = (
        "Tom Brisk said the debate went well. Brisk added that Lind came across as “much more controlled and "
        "confident” to back up claims she was ready."
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in got] == [("much more controlled and confident", "Tom Brisk")]


def test_a_description_as_the_subject_of_a_sentence_without_a_reporting_verb_is_resolved_as_one_with():
    # "The Treasury secretary also lauded Mr. Kim … for the “needed reforms at the World Bank.”" (after "… Mr. Lew
    # said.") and "The Vermont senator emailed supporters saying: “The struggle continues”" (PolNeAR train) went to
    # nobody: the description is resolved as next to a reporting verb; "The economy will grow … and job growth will
    # be “stable and resilient.”" still names nobody
    body = (
        "Tom Brisk spoke in Kelburn on Thursday.\n\n"
        "The former governor also accused Ann Lind of “running away from every debate”.\n\n"
        "The economy will grow at a modest pace and job growth will be “stable and resilient.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text, q.speaker) for q in got] == [
        ("running away from every debate", "Tom Brisk"),
        ("stable and resilient.", None),
    ]


def test_a_given_names_short_form_as_the_speaker_is_the_one_person_whose_given_name_it_opens():
    # "“I never dreamed I’d be playing for the Lakers,” Shaq says" of Shaquille O'Neal (Sports Illustrated, crux's test
    # pages) left six quotations to nobody; a word that is someone's surname is not read so
    body = (
        "Shaquille Brandvold joined the Gulls in July. Brandvold is 7 feet tall. His teammate Dan Chris plays "
        "guard.\n\n"
        "“I never dreamed I’d be playing for the Gulls,” Shaq says in a rare quiet moment.\n\n"
        "“It is a good team,” says Chris."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [
        ("I never dreamed I’d ", "Shaquille Brandvold"),
        ("It is a good team,", "Dan Chris"),
    ]


def test_a_relative_of_the_other_gender_than_the_pronoun_does_not_stop_it_meaning_their_owner():
    # "… only Margot Lee Shetterly was a step ahead. Shetterly’s father was a scientist … / “…,” she said" (Washington
    # Post, crux's test pages) left it to nobody as if the father might speak; "Castellane's lawyer … “…,” he said"
    # still might be the lawyer
    body = (
        "Growing up in Hampton, only Margot Lee Brisk was a step ahead. Brisk’s father was a scientist at the lab, so "
        "the work was familiar.\n\n"
        "“I grew up around those women,” she said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [("I grew up around tho", "Margot Lee Brisk")]


def test_a_surname_stays_with_the_person_named_most_when_another_of_that_surname_is_named_in_passing():
    # PolNeAR train: Sen. Chris Murphy's eleven quotations went to "a teacher’s aide, Anne Marie Murphy" named once in
    # his speech; Hillary Clinton's to Chelsea ("a visit to Ukraine by Chelsea Clinton … Mrs. Clinton replied");
    # dev: Ted Cruz's to his father and wife ("a photo of Heidi Cruz"). One opening a sentence of the reporter's
    # takes the surname over ("Donald Trump also criticized Clinton …" in a story about his son).
    body = (
        "Sen. Tom Brisk spoke for fifteen hours. Brisk wanted a vote. Brisk did not sit down. Brisk read letters.\n\n"
        "He paid tribute to a teacher’s aide, Anne Marie Brisk, who died protecting a pupil.\n\n"
        "“It doesn’t take courage to stand here,” Brisk said.\n\n"
        "Ivo Lind, 24, ran the campaign. Lind joined in May. Lind had never voted. Lind stayed.\n\n"
        "Mara Lind also spoke at the rally in Kelburn.\n\n"
        "“He is a joke,” Lind said."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [
        ("It doesn’t take cour", "Tom Brisk"),
        ("He is a joke,", "Mara Lind"),
    ]


def test_a_tabloid_opening_in_capitals_reads_the_given_name_as_a_name():
    # "LINDA Nolan has vowed “not to live in fear” …" (The Sun) and "KELLY Osbourne has blasted …" (htmldate's test
    # pages) lost the story's subject, and with her eleven quotations; "CVS Health has …" stays as written
    body = (
        "LINDA Vole has vowed “not to live in fear” as she revealed her diagnosis.\n\n"
        "CVS Ward has opened a new wing in Kelburn.\n\n"
        "“My memory has been lapsing for a while,” she said."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Linda Vole"]
    assert [q.speaker for q in found.quotes] == ["Linda Vole", "Linda Vole"]


def test_a_relative_named_as_brother_of_or_after_and_his_father_does_not_take_the_surname():
    # PolNeAR train: "Howard, the younger … brother of Hollywood legend Ron Howard," gave Ron seven of Clint Howard's
    # quotations; "William F. Buckley, Jr. was his uncle and his father, Brent Bozell, Jr. was …" gave the father
    # sixteen of Brent Bozell III's; "His father, Tom Vell Jr., was a speechwriter" likewise, opening its sentence
    body = (
        "Actor Pim Brisk endorsed the senator. Brisk, the younger brother of Kelburn legend Sam Brisk, grew up on "
        "sets.\n\n"
        "“I was always the other one,” Brisk said.\n\n"
        "“Yes, I support him,” Tom Vell III, founder of the Kelburn Media Center, said. Vell was five when the pact "
        "was signed. Ivo Marsh was his uncle and his father, Tom Vell Jr. was a speechwriter.\n\n"
        "“Nobody in the newsroom cares,” Vell said.\n\n"
        "His father, Tom Vell Jr., never said a word about it.\n\n"
        "“It is a shame,” Vell said."
    )
    got = extract("", body, "en").quotes
    assert [q.speaker for q in got] == ["Pim Brisk", "Tom Vell III", "Tom Vell III", "Tom Vell III"]


def test_two_people_named_together_before_a_colon_speak_together():
    # "Our Zack Colman and Katy O’Donnell: “…”" (Politico, postlight's tests) and HuffPollster's "More from Mark
    # Blumenthal and Jon Cohen: “…”" (PolNeAR train) gave the piece to the second author alone
    body = (
        "More from Mara Lind and Tom Brisk: “The council has failed the town on every count.”\n\n"
        "The mayor, Ivo Marsh: “We did our best.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.speaker, q.speaker_as_written) for q in got] == [(None, "Mara Lind and Tom Brisk"), ("Ivo Marsh", "")]


def test_a_name_inside_a_relative_clause_or_an_unnamed_subject_since_is_not_whom_he_means():
    # "Henman, who is lined up to meet Andy Roddick in the next round, … “…,” he said" gave Henman's words to Roddick;
    # "But a spokesman for the Home Office defended the decision. He said: “…”" gave the spokesman's to the previous
    # speaker (BBC News pages of 2004–05, found by a review of them)
    body = (
        "Tim Vale beat Ivo Marsh in straight sets.\n\n"
        "The seventh seed, who is lined up to meet Sam Kerr in the next round, was happy with his form. "
        "“I played well today and I feel good,” he said.\n\n"
        "But a spokesman for the Home Office defended the decision. He said: “The rules are clear and they apply.”"
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got] == [
        ("I played well today ", "Tim Vale"),
        ("The rules are clear ", None),
    ]


def test_a_role_naming_another_department_is_not_the_person_given_that_role():
    # "Home Secretary Charles Clarke …" then "The foreign secretary said … “most important liberty”" gave Jack Straw's
    # words to Clarke (BBC News, found by a review of its pages)
    body = (
        "Home Secretary Ana Vell vowed to appeal against the ruling.\n\n"
        "Tom Brisk has attacked the ruling. The foreign secretary said liberty was “the most important thing we "
        "defend”."
    )
    got = extract("", body, "en").quotes
    assert [q.speaker for q in got] == ["Tom Brisk"]


def test_a_speech_to_come_keeps_its_subject_as_the_speaker():
    # "“…,” he was due to say" (BBC News: Michael Howard's speech, two quotations to nobody as "he was due to")
    body = (
        "Mr Ivo Vale said Britain should take its share of “genuine refugees”.\n\n"
        "“We will not let the system be abused,” he was due to say."
    )
    got = extract("", body, "en").quotes
    assert [(q.text[:20], q.speaker) for q in got][-1] == ("We will not let the ", "Ivo Vale")


def test_a_story_opening_on_an_official_by_role_gives_the_words_to_the_one_named_next_as_speaking():
    # "The “myth that ageing is a barrier” … needs to be “exploded”, the work and pensions minister has said. / This
    # was why …, Alan Johnson said." (BBC News) left the opening to nobody; not "the official" (anyone unnamed)
    body = (
        "The “myth that older workers are less productive” needs to be “exploded once and for all”, the work and "
        "pensions minister has said.\n\n"
        "This was why the age rules were changing, Tom Brisk said in a speech to employers on Monday."
    )
    got = extract("", body, "en").quotes
    assert [q.speaker for q in got] == ["Tom Brisk", "Tom Brisk"]


def test_an_organisations_role_as_a_subject_is_the_person_holding_it_there():
    # "If one analyst catches Nvidia chief executive Jensen Huang sneezing, … Nvidia’s chief executive is known for a
    # few sayings: We are at the beginning of “a new industrial revolution”" (The Globe and Mail, fundus's tests); not
    # the holder of the role at another firm
    body = (
        "If one analyst catches Acme chief executive Tom Brisk sneezing, the stock falls. Brisk has led the firm since "
        "1993. Kestrel chief executive Ana Lind declined to comment.\n\n"
        "Acme’s chief executive is known for a few sayings: We are at the beginning of “a new industrial revolution”."
        "\n\nVarno’s chief executive said it was “a good quarter for the whole trade”."
    )
    got = extract("", body, "en").quotes
    assert [q.speaker for q in got] == ["Tom Brisk", None]
