"""People on real news (issue 13.2): one test per kind of error the extractor made on real articles,
each in our own fictional sentences written in the same constructions."""

import pytest

from articles import archive
from articles.ingest import pipeline
from articles.ingest.formats import ParsedArticle
from articles.ingest.people import find_people, scan_people
from articles.ingest.quotes import extract
from articles.models import Article, Person, Source
from tests.conftest import make_person


def names(body: str) -> list[str]:
    return [p.name for p in find_people(body)]


def test_an_abbreviated_title_and_the_state_before_it_are_the_role():
    body = "Wendover Gov. Marla Quist vetoed the bill. Earlier, Lt. Gov. Oren Blaylock had backed it."
    people = {p.name: p.role for p in find_people(body)}
    assert people == {"Marla Quist": "Wendover Gov.", "Oren Blaylock": "Lt. Gov."}


def test_a_party_or_side_before_a_name_is_no_part_of_it():
    body = (
        "Democrat Hollis Brandt leads the race. Rival Tessa Marchetti trails by four points, and fellow "
        "Republican Ilse Vandermeer has yet to decide. Presumptive Democratic nominee Hollis Brandt spoke later."
    )
    assert names(body) == ["Hollis Brandt", "Tessa Marchetti", "Ilse Vandermeer"]


def test_initials_written_together_stay_in_the_name():
    body = "The library holds letters from Arthur J.K. Pellow to the U.S. Embassy in Ostvale. Pellow kept copies."
    assert names(body) == ["Arthur J.K. Pellow"]


def test_a_place_a_gazetteer_knows_is_no_person():
    body = "Saudi Arabia signed the accord on Monday, and Las Vegas will host the next round of talks."
    assert names(body) == []


def test_a_province_or_state_of_any_country_is_no_person():
    # A given name and a word, as a person's name reads: the provinces are in no city list.
    body = (
        "Ferries from Nova Scotia docked late, and growers in Mato Grosso cut their forecast. "
        "Hollis Brandt flew in from Prince Edward Island."
    )
    assert names(body) == ["Hollis Brandt"]


def test_the_gazetteer_takes_provinces_but_not_municipalities_named_after_people():
    # Municipalities are the city list's business; some are named after a person (Vietnam's VN-SG, "Hồ Chí Minh"),
    # who must stay a person in a text that names him.
    from articles.ingest import name_data

    places = name_data.load().places
    assert {"nova scotia", "british columbia", "mato grosso"} <= places
    assert "ho chi minh" not in places


def test_a_firm_without_evidence_of_a_person_is_left_aside():
    body = (
        "Corvane Sachs raised its forecast for the year. Its chief economist, Priya Lindqvist, expects "
        "rates to fall. Corvane Sachs shares rose 2 percent."
    )
    people, _ = scan_people(body, unconfirmed=(aside := []))
    assert [p.name for p in people] == ["Priya Lindqvist"]
    assert [p.name for p in aside] == ["Corvane Sachs"]  # the archive keeps it only if it knows the name


def test_a_firm_named_after_its_founder_without_the_apostrophe_is_no_person():
    # A common surname and an "s": a possessive that lost its apostrophe (rarer surnames end in "s" themselves).
    body = "Staff from Greta Hortons and Maple Tyre joined the protest led by Mara Giffords on Tuesday."
    assert names(body) == ["Mara Giffords"]


def test_days_and_groups_are_no_people():
    body = "On Election Day, turnout among Mirandan Americans rose. Founders Day falls a week later."
    assert names(body) == []


def test_a_title_without_its_holder_is_no_person():
    body = (
        "Northgate Radio Vice President and Managing Editor Selma Roux said the Wendover Senator had declined. "
        "The rule came by Executive Order."
    )
    assert names(body) == ["Selma Roux"]


def test_a_word_before_a_known_surname_is_no_new_person():
    body = (
        "Bernadette Okoro told supporters she would stay in the race. Are you on Team Okoro? "
        "Given Okoro's lead, the party may unite behind her."
    )
    assert names(body) == ["Bernadette Okoro"]


def test_a_noun_opening_the_sentence_before_a_given_name_is_the_role():
    body = "Reporter Anika Sollberg says the ferry left late."
    assert [(p.name, p.role) for p in find_people(body)] == [("Anika Sollberg", "Reporter")]


def test_every_person_in_english_says_why_it_is_one():
    body = (
        "Wendover Gov. Marla Quist met Priya Lindqvist on Monday. “We agreed on nothing,” said Quillon Onyango-Kell. "
        "Quist and Tobiah Wrexley left early; Ngata Wrexley, 54, stayed on."
    )
    found = {p.name: p.evidence for p in extract("", body).people}
    assert found == {
        "Marla Quist": "title: Gov.",
        "Priya Lindqvist": "full name, given name known",
        "Quillon Onyango-Kell": "reporting verb before the name",
        "Tobiah Wrexley": "listed with people",
        "Ngata Wrexley": "age",
    }


def test_a_surname_after_its_suffix_and_a_double_surname_alone_are_the_same_person():
    body = (
        "Vice President Orrin T. Blackwood Jr. spoke first. Mr. Blackwood said little. Later, Mr. Quintero "
        "Salcedo replied; Anselmo Quintero Salcedo, the trade secretary, had flown in overnight."
    )
    assert names(body) == ["Orrin T. Blackwood Jr.", "Anselmo Quintero Salcedo"]


def test_a_plural_title_before_names_is_the_role():
    body = "Critics of the scheme, like Senators Marguerite Olafsen and Petra Lindqvist, want it closed."
    assert [(p.name, p.role) for p in find_people(body)] == [
        ("Marguerite Olafsen", "Senators"),
        ("Petra Lindqvist", ""),
    ]


def test_a_nickname_in_quotation_marks_and_a_compound_adjective_are_no_people():
    body = (
        "He called the pageant winner “Miss Lollipop” in front of the cameras. Greta Vollan, an Ivy "
        "League-trained surgeon, and a Harbor City-based lawyer, Tomas Lindgren, disagreed."
    )
    assert names(body) == ["Greta Vollan", "Tomas Lindgren"]


def test_a_work_named_in_an_appositive_is_no_person():
    body = "In her 2011 book, Living Tides, Marta Iversen described the strike."
    assert names(body) == ["Marta Iversen"]


def test_a_person_stays_beside_things_called_after_them():
    body = (
        "Delphine Marchbank toured the Marchbank Foundation on Tuesday. Marchbank Tower, her first building, "
        "opened in 1998."
    )
    assert names(body) == ["Delphine Marchbank"]


def test_a_person_stays_beside_a_school_of_something_called_after_them():
    # the name's head noun is the word before "of": "Marchbank School of Public Service" is called after someone
    body = (
        "Voters here knew Delphine Marchbank well, said Tobin Arkwright, dean of the Marchbank School of Public "
        "Service."
    )
    assert names(body) == ["Delphine Marchbank", "Tobin Arkwright"]


def test_a_lone_word_used_in_lower_case_too_is_no_evidence_of_a_surname():
    body = (
        "Limited Tools to Fight Corruption: the report lists three. Corruption costs the region dearly, and "
        "corruption is rising."
    )
    assert names(body) == []


def test_initials_and_a_generational_suffix_are_parts_of_a_name():
    body = (
        "“It was a long night,” said Jonas A. Whitcombe, a deputy. Another partner, Lionel R. Haverford II, "
        "stayed until the end."
    )
    assert names(body) == ["Jonas A. Whitcombe", "Lionel R. Haverford II"]


def test_a_long_role_ends_before_the_given_name():
    body = (
        "Senate Majority Whip Gregory Castellane objected. House Intelligence Republican Mike Ostrander agreed, "
        "and Pastor Darrell Pritchard led the prayer. Radio Free Europe carried it live."
    )
    assert [(p.name, p.role) for p in find_people(body)] == [
        ("Gregory Castellane", "Senate Majority Whip"),
        ("Mike Ostrander", "House Intelligence Republican"),
        ("Darrell Pritchard", "Pastor"),
    ]


def test_a_given_name_keeps_a_person_whose_surname_names_things_and_supporters():
    body = (
        "Bernard Quillfeather spoke at the Quillfeather Foundation gala. Bernard Quillfeather supporters "
        "cheered; the Quillfeather Global Initiative paid for the hall."
    )
    assert names(body) == ["Bernard Quillfeather"]


def parsed(body: str, url: str) -> ParsedArticle:
    return ParsedArticle(headline="Harbour news", body_text=body, body_html=f"<p>{body}</p>", url=url, origin="test")


def ingest(*articles: ParsedArticle) -> list[Article]:
    results = archive.store_articles([(a, pipeline.extract_article(a)) for a in articles], context=archive.Context())
    return [Article.objects.get(pk=r.article_id) for r in results]


@pytest.mark.django_db
def test_an_outlet_the_archive_knows_is_never_stored_as_a_person():
    Source.objects.create(name="Morgan Chronicle", slug="morgan-chronicle")
    body = "Morgan Chronicle reported on Friday that the ferry would stop. Priya Lindqvist, a trustee, disagreed."
    (article,) = ingest(parsed(body, "https://harbour.example/outlet"))
    assert list(article.people.values_list("name", flat=True)) == ["Priya Lindqvist"]
    assert not Person.objects.filter(name="Morgan Chronicle").exists()


@pytest.mark.django_db
def test_a_name_without_evidence_is_kept_when_the_archive_knows_the_person():
    body = "The ferry board met on Friday. Tobiah Wrexley was there too; the meeting ran late."
    (first,) = ingest(parsed(body, "https://harbour.example/1"))
    assert not first.people.exists()  # no given name known, no title, no verb: not invented
    known = make_person("Tobiah Wrexley")
    (second,) = ingest(parsed(body + " It ended at ten.", "https://harbour.example/2"))
    assert list(second.people.all()) == [known]


def test_more_evidence_who_an_appositive_without_article_and_a_list_with_party_tags():
    body = (
        "Tobiah Wrexley, who runs the harbour office, left early. Quillon Onyango-Kell, maritime law professor "
        "at Kellby, stayed. Sens. Jeff Marrable (D-Ore.), Quorin Threlkeld (D-Ohio) and Ana Ruiz (D-N.J.) wrote."
    )
    found = {p.name: p.evidence for p in extract("", body).people}
    assert found == {
        "Tobiah Wrexley": "'who' after the name",
        "Quillon Onyango-Kell": "role: maritime law professor",
        "Jeff Marrable": "title: Sens.",
        "Quorin Threlkeld": "listed with people",
        "Ana Ruiz": "full name, given name known",
    }


def test_a_person_of_an_organisation_is_no_part_of_its_name():
    body = "Trump has had kinder words for Lester Holtby of Harbour News, who will moderate the next debate."
    assert names(body) == ["Lester Holtby"]


def test_a_month_after_a_known_given_name_is_a_surname():
    body = "Prime Minister Theresa Maylor met Edith May in May; Theresa Maylor said the talks went well."
    assert names(body) == ["Theresa Maylor", "Edith May"]


def test_a_known_name_in_a_things_context_is_still_a_person_when_named_plainly_elsewhere():
    body = (
        "Rosalind Hartigan spoke first. “If you want to beat Rosalind Hartigan, you need the suburbs,” one "
        "rival said. A choked-up Tom Vale could not bring himself to say it: “Rosalind Hartigan.”"
    )
    assert names(body) == ["Rosalind Hartigan", "Tom Vale"]


def test_a_given_name_alone_after_a_kinship_word_is_a_person():
    body = (
        "The museum was Tomas Brandvik's idea, and his wife, Laura, spoke of its first plans. His brother, "
        "Harbour Rovers defender Sam Brandvik, stayed away."
    )
    found = {p.name: p.evidence for p in extract("", body).people}
    assert found == {
        "Tomas Brandvik": "full name, given name known",
        "Laura": "kinship: wife",
        "Sam Brandvik": "full name, given name known",
    }


def test_a_persons_surname_before_a_group_or_their_supporters_keeps_the_person():
    body = (
        "Ronald Ashgrove won the old mill towns, and Ashgrove Democrats still vote. Later, Ashgrove team members "
        "met Ashgrove supporters outside."
    )
    assert names(body) == ["Ronald Ashgrove"]


def test_a_longer_description_before_a_name_is_evidence():
    body = "That was what the previous Republican presidential nominee, Mitt Ravensworth, called the deal."
    assert [(p.name, p.evidence) for p in extract("", body).people] == [("Mitt Ravensworth", "role before the name")]


def test_a_name_before_of_and_a_place_and_a_possessors_place():
    body = (
        "Sen. Chuck Brightwater of New York led the talks. Delegates gathered in House Minority Leader Nancy "
        "Pelvoisier’s San Francisco district, where Salem Radio's Hugh Hallworth broadcast live."
    )
    assert names(body) == ["Chuck Brightwater", "Nancy Pelvoisier", "Hugh Hallworth"]


def test_a_possessor_before_an_organisation_and_a_department_before_a_name():
    body = (
        "Scott Hale, 69, may fill Timothy Kainesworth's Senate seat. The visit followed one from then-Secretary of "
        "State Hilda Ravensworth in December."
    )
    assert names(body) == ["Scott Hale", "Timothy Kainesworth", "Hilda Ravensworth"]


def test_a_plural_role_opening_a_list_and_a_prize_winning_adjective_are_no_names():
    body = (
        "Celebrities Julianne Marlowe, Keira Dunstan and Oskar Lindahl signed the letter. The Pulitzer "
        "Prize-winning reporter Ada Pritchard wrote it."
    )
    assert names(body) == ["Julianne Marlowe", "Keira Dunstan", "Oskar Lindahl", "Ada Pritchard"]


def test_a_role_that_is_also_a_firms_word_does_not_hide_the_person_after_it():
    """ "operator", "developer", "publisher" name people's jobs as often as firms: "the ferry operator Mara
    Tolle … Tolle said" is a person (a firm would have no given name, and no "said")."""
    body = "The ferry operator Mara Tolle spoke on Monday.\n\n“Tickets go on sale in March,” Tolle said."
    found = extract("Ferry tickets", body, "en")
    assert [p.name for p in found.people] == ["Mara Tolle"]
    assert [q.speaker for q in found.quotes] == ["Mara Tolle"]
    assert extract("", "The developer Harbour Homes filed plans on Monday.", "en").people == []


def test_a_full_name_before_a_noun_of_a_persons_life_is_a_person_mentioned():
    """ "the Bill Clinton years", "a Marco Rubio delegate": a known given name and a surname before a noun that
    only a person's name qualifies (years, scandal, delegate, …) mention that person; a team or a place before its
    own nouns ("a Harlow Vale fan", "the Tarnby Green festival") stays no person."""
    body = (
        "Critics recalled the Corwin Ashdale years and the Delia Marchbank scandal. She met a Jonas Whitcombe "
        "delegate at the rally."
    )
    assert names(body) == ["Corwin Ashdale", "Delia Marchbank", "Jonas Whitcombe"]
    assert names("He was a Harlow Vale fan who loved the Tarnby Green festival.") == []


def test_a_surname_before_administration_is_a_person():
    """ "the Obama administration" names a president by surname alone, with no full name in the article; a
    nationality's adjective before "presidency" is nobody."""
    body = (
        "The Pritchard administration announced new rules on Tuesday. Critics said the Brackley presidency had "
        "done the same, and that the American presidency was never meant to work this way."
    )
    people = {p.name: p.evidence for p in find_people(body)}
    assert list(people) == ["Pritchard", "Brackley"]
    assert people["Pritchard"] == "administration: Pritchard"


def test_a_full_name_after_a_as_someone_like_that_person_is_a_person_mentioned():
    """ "to a Mitt Romney", "a John McCain or any other": "a" makes a name a team's or a place's only before a noun
    ("a Harlow Vale defender"); before a stop or "or", it is someone like that person, who is mentioned. And a
    possessive after "administration" still leaves the name a president's ("the George W. Bush administration's")."""
    body = (
        "He would never have said that to a Corwin Ashdale. Nor to a Delia Marchbank or any other governor. "
        "In 2007 the country accepted the Jonas P. Whitcombe administration's request."
    )
    assert names(body) == ["Corwin Ashdale", "Delia Marchbank", "Jonas P. Whitcombe"]
    assert names("She was a Harlow Vale defender for ten years.") == []


def test_a_given_name_no_list_knows_before_a_census_surname_is_a_person():
    """ "lost it to Mitt Romney": gender-guesser lacks "Mitt", but "Romney" is a surname of the US Census list
    (name_data.surnames) and "Mitt" is no surname, word or place, so the full name is a person's. A shop's plural,
    a relative's title and a word the article also writes in lower case stay no person."""
    found = find_people("The debate recalled how Zorvan Whitaker lost the 2012 race to the governor.")
    assert [(p.name, p.evidence) for p in found] == [("Zorvan Whitaker", "full name, surname known")]
    assert names("Shoppers queued at Zorvan Stores on Monday, and Aunt Pennock baked the cakes.") == []
    assert names("The rust belt voters liked Zorvan Rust.") == []


def test_a_nationality_or_a_creed_taken_up_again_is_no_surname():
    """ "Radical Islamic … Islamic", "Polish American … American": a word ending like a nationality, a faith or a
    creed that recurs alone is the adjective again, not a person named again by surname."""
    body = (
        "Pupils learn Modern Velorian at school. Velorian grammar is hard. The rise of Radical Kessarist thought "
        "worried the council. Kessarist groups marched on Monday. Ana Ruiz met Tobin Kessary. Kessary agreed."
    )
    assert names(body) == ["Ana Ruiz", "Tobin Kessary"]


def test_a_common_surname_that_is_also_a_town_and_a_name_after_a_with_a_census_surname():
    """ "Ouisa Davis' commentary": "Davis" is a Californian town and ends in -s, but as one of the Census's most
    common surnames it is neither a place's name nor a plural; "to a Mitt Romney." is someone like him."""
    found = find_people("Zorvan Davis' commentary on the tariff drew letters from readers.")
    assert [(p.name, p.evidence) for p in found] == [("Zorvan Davis", "full name, surname known")]
    assert names("He would never have said that to a Quillet Whitaker.") == ["Quillet Whitaker"]


def test_west_and_hill_end_a_name_when_the_article_shows_a_person():
    """ "Dr. Cornel West", "Marty West, an education professor": "West" and "Hill" are surnames as well as
    compass and landscape words, so like "Rock" or "Heath" (TRAILING_THING_WORDS) they end a person's name when
    a title, an age or a person's appositive says so, and a place's otherwise."""
    body = (
        "Dr. Tobias West spoke first. Marla Hill, a retired teacher, answered him. Walkers climbed Carrow Hill "
        "and crossed Upper West on Sunday."
    )
    assert names(body) == ["Tobias West", "Marla Hill"]


def test_a_title_that_is_also_a_surname_after_a_given_name_or_an_initial_is_the_surname():
    body = (
        "Rep. Oskar T. King of Wendover said the levy would pass. Later, Gov. Hester Bishop of Ostvale agreed. "
        "The King of Marrowland sent no envoy."
    )
    assert names(body) == ["Oskar T. King", "Hester Bishop"]


def test_a_month_that_is_a_given_name_before_a_census_surname_is_a_person():
    body = (
        "April Halloran, a nurse at the Wendover clinic, said the night shift was short again. "
        "Marchers said May Day belonged to them, and In April Tollbridge voted."
    )
    assert names(body) == ["April Halloran"]


def test_a_given_name_and_a_census_surname_after_beat_or_against_is_a_person_in_politics():
    # A candidate said once, after a word that before a team name makes a team ("beat", "against", "loss to").
    body = (
        "Polls suggest the senator would beat Harriet Collins in November. The mayor ended his bid after a loss "
        "to Warren Mitchell last week, and the party's hopes now rest on a race against Gloria Henderson."
    )
    assert names(body) == ["Harriet Collins", "Warren Mitchell", "Gloria Henderson"]
    # In a match report such a name is a team's.
    assert names("Wanderers last reached the last eight in 2006, when they lost to Harlow Vale after a replay.") == []


def test_a_name_after_an_outlets_possessive_or_a_titled_possessive_before_a_thing_is_a_person():
    body = (
        "As the Harborview Ledger’s Anneke Brandvold wrote, the plan was late. The levy would replace "
        "Governor Quistorp's Clean Harbour Plan next year."
    )
    assert names(body) == ["Anneke Brandvold", "Quistorp"]
    # A person's possession stays hers, a courtesy title's possessive names a horse, and a column is no person.
    assert names("Marla Quist’s Elmvale Bakery opened. Lady Maud’s Rose won. The Ledger’s Morning Meeting ran.") == [
        "Marla Quist"
    ]


def test_a_name_after_a_bullet_dash_or_a_signatures_dashes_is_a_person():
    body = (
        "What we are reading:\n\n-Oriel Vantongeren explains why the polls missed the turnout.\n\n"
        "-Brigid Sallowmere looks at the county results.\n\nThe count went on into the night.--Tamsin Quarrie."
    )
    assert names(body) == ["Oriel Vantongeren", "Brigid Sallowmere", "Tamsin Quarrie"]


def test_a_weekday_after_a_surname_and_a_firm_named_after_a_person_leave_the_person():
    # "Pritchard Friday" dates a name; "Pritchard Tower Ostvale", "Dorsey Industries" are named after people.
    body = (
        "Aides told Pritchard Friday that the vote would wait. The developer Harriet Pritchard opened Pritchard Tower "
        "Ostvale in May. Dorsey Industries, the firm of Walter Dorsey, paid for the works."
    )
    assert names(body) == ["Harriet Pritchard", "Walter Dorsey"]


def test_a_given_name_ending_like_an_adverb_after_a_colon_starts_a_name():
    body = "Wakes were held for two of the victims: Kimberly Ashgrove and Tomas Ferrante."
    assert names(body) == ["Kimberly Ashgrove", "Tomas Ferrante"]


def test_a_sentence_word_or_a_plural_role_glued_before_a_name_is_no_part_of_it():
    body = (
        "The rally was attended by Pastors Howard Merriweather and Ilse Vandermeer. Candidates Oliver Pennock, "
        'Tessa Marchetti and Hollis Brandt spoke. "Go Oliver Pennock, go!" the crowd shouted. Whereas Brandt '
        "won the county, Given Pennock's lead the race is open."
    )
    assert names(body) == [
        "Howard Merriweather",
        "Ilse Vandermeer",
        "Oliver Pennock",
        "Tessa Marchetti",
        "Hollis Brandt",
    ]


def test_an_occupation_opening_a_sentence_before_an_unknown_given_name_is_the_role():
    body = 'The convoy was hit at dawn.\n\nReporter Zuleikha Farrant says: "The road is closed."'
    assert {p.name: p.role for p in find_people(body)} == {"Zuleikha Farrant": "Reporter"}


def test_an_entertainer_a_scholar_or_a_dictator_before_a_name_is_a_role():
    body = (
        "The campaign's latest backer is entertainer Rufio Tanaquill. Counsel consulted scholar Imre Vostadt, "
        "who wrote on the fall of dictator Bartolo Quemaine."
    )
    people = {p.name: p.evidence for p in find_people(body)}
    assert list(people) == ["Rufio Tanaquill", "Imre Vostadt", "Bartolo Quemaine"]
    assert people["Rufio Tanaquill"] == "role: entertainer"  # no list knows "Rufio": the role is the evidence


@pytest.mark.django_db
def test_a_surname_alone_is_a_person_only_when_the_archive_knows_it_as_an_alias():
    # The article never writes the full name: "Stroudley" alone is no person by itself (a firm, a town, anyone) ...
    body = "Stroudley said the levy would pass. Aides to Stroudley agreed on Friday."
    (first,) = ingest(parsed(body, "https://harbour.example/a1"))
    assert not first.people.exists()
    # ... but a person the archive knows by that alias is.
    known = make_person("Halvard Stroudley")
    known.aliases.create(name="Stroudley")
    (second,) = ingest(parsed(body + " The vote is next week.", "https://harbour.example/a2"))
    assert list(second.people.all()) == [known]
    assert "Stroudley" in {p.name for p in extract("", body).unconfirmed}
    assert names(body) == []


def test_two_names_differing_only_in_their_middle_initials_are_two_people():
    # Father and son of one name, told apart only by the initials ("George H.W." and "George W.").
    body = (
        "The library keeps the papers of Governor Harold T.R. Quillan, who died in 1990. His son, "
        "Harold J. Quillan, gave them away in 2004. Harold J. Quillan said the family had kept them for years."
    )
    assert names(body) == ["Harold T.R. Quillan", "Harold J. Quillan"]


def test_a_person_stays_beside_a_foundation_named_with_their_full_name():
    body = (
        "Donors to the Marisol Quint Foundation met in Ostvale on Tuesday. The charity was started in 2001 "
        "by Marisol Quint and her brother."
    )
    assert names(body) == ["Marisol Quint"]


def test_a_full_name_in_a_places_context_is_a_person_when_its_surname_alone_speaks():
    # "beat", "in", "a loss to" before a name make it a team or a place, unless the article has that surname
    # speak or take a title elsewhere; the surname may be a town's ("Clinton"), so the Census cannot say it.
    body = (
        "Polls suggest the senator could beat Rosalind Ostrava in November. Ostrava said on Monday that she "
        "was not worried. The party found a new hope in Dariusz Kettlewell. Mr. Kettlewell has not decided."
    )
    assert names(body) == ["Rosalind Ostrava", "Dariusz Kettlewell"]
    # No such mention: still a place.
    assert names("The march ended in Dariusz Kettlewell on Sunday. Police counted 400 people.") == []


def test_which_after_a_known_persons_name_is_about_the_thing_before_it():
    # ", which" makes a name a thing ("Velmont Freight, which …"), but after a person's full name or a titled name
    # it takes up the noun before the name: the letter, the speech, the lead.
    body = (
        "Forty members signed a letter to Senator Odile Brandvold, which was first reported last week. The "
        "speech by Marcus Quennell, which ran for an hour, drew cheers. Velmont Freight, which employs 300 people, "
        "said nothing."
    )
    assert names(body) == ["Odile Brandvold", "Marcus Quennell"]


def test_a_surname_that_is_an_english_word_after_a_known_given_name_is_a_surname():
    body = (
        '"It was never close," said Hal From, who ran the campaign. Ostvale Freight chief executive Nadia Read '
        "said the firm would stay, and council president Leona Small agreed."
    )
    assert names(body) == ["Hal From", "Nadia Read", "Leona Small"]


def test_a_name_opening_with_a_number_word_is_no_persons():
    # A website or a firm called "Zero Something" may "say" things; no given name is a number.
    body = (
        'In a comparison done on Zero Lantern, the figures differed. "On this basis," Zero Lantern said, "it is wrong."'
    )
    assert names(body) == []


def test_a_given_name_and_a_surname_that_is_also_a_town_after_beat_is_a_person():
    # "beat Hillary Clinton": Clinton is a town too; a known given name that is no place before it makes the person.
    body = "Polls suggest the senator could beat Harriet Denton in November, and his aides know it."
    assert names(body) == ["Harriet Denton"]
    # A place before it keeps the place: "a loss to Chelsea Bridge" is a team's.
    assert names("The club suffered a heavy loss to Chelsea Bridge last week.") == []


def test_a_photographer_credited_with_an_agency_is_no_person_mentioned():
    # A caption's credit names the photographer, not someone the article is about: "Name via Agency Images." on a line
    # of its own, or "(Name/The Wire Press)" in brackets.
    body = (
        "Mayor Ilse Brandvold opened the bridge on Monday.\n\n"
        "Tobias Wernick via Valley Images.\n\n"
        "Crowds lined the river (Corin Ashby/The Harbor Press) as the band played.\n\n"
        "Nadia Ostrova/Getty Images.\n\n"
        "The Reuters/Ipsos poll was read by Marek Halloran, a teacher."
    )
    assert names(body) == ["Ilse Brandvold", "Marek Halloran"]


def test_a_photo_credited_to_an_online_outlet_or_a_social_network_is_no_person_mentioned():
    # "Name/HuffPost." (an online outlet's staff, a full stop after it), "Facebook/Name." (a picture taken from a
    # family's page) and a sign-off after dashes ("--additional reporting by Name."): credits, not the story's people.
    body = (
        "Mayor Ilse Brandvold opened the bridge on Monday.\n\n"
        "Corin Ashby/HuffPost.\n\n"
        "Facebook/Nadia Ostrova.\n\n"
        "Marek Halloran, a teacher, watched from the quay.\n\n"
        "--additional reporting by Tobias Wernick."
    )
    assert names(body) == ["Ilse Brandvold", "Marek Halloran"]
    # A sentence that names the network is no credit.
    assert names("Nadia Ostrova wrote about it on Facebook.") == ["Nadia Ostrova"]


def test_a_run_that_ends_with_a_title_is_a_title_without_its_holder():
    # "Inspector General", "Republican National Committeeman": the last word is the office, so no name is left
    # (a title that is also a surname stays one: "Tom King").
    body = (
        'The Inspector General issued subpoenas on Monday. "We will see," said Tomas Brandt, the Republican '
        "National Committeeman from Ostvale. Mr. King agreed, and so did Harold Quint Sr."
    )
    assert names(body) == ["Tomas Brandt", "King", "Harold Quint Sr."]


def test_st_between_a_given_name_and_a_capitalised_word_is_part_of_a_surname():
    # "St." after a given name starts a surname ("Jack St. Martin"), not a street or a saint's place, so its words
    # are no place words either ("Laura Martin" in the same list).
    body = "The panel included Jonas St. Clairmont, Laura Clairmont and Odile St. Aubyn, who said little."
    assert names(body) == ["Jonas St. Clairmont", "Laura Clairmont", "Odile St. Aubyn"]
    assert names("The bus stops at Port St. Ives Road near Elden.") == []


def test_a_common_surname_that_names_buildings_between_a_given_name_and_a_surname_is_a_middle_name():
    body = (
        '"People believe what they hear twice," said Kathleen Hall Ostrander, a professor of rhetoric. '
        "Ostrander has studied debates for decades. The Elden Hall Trust paid for the study."
    )
    assert names(body) == ["Kathleen Hall Ostrander"]


def test_a_city_before_a_plural_is_a_team():
    # "Cleveland" and "Charlotte" are given names too; a city before a plural that is no surname names a team.
    body = (
        "She welcomed the endorsement of Cleveland Cavaliers forward Tomas Brandt, and the Charlotte Panthers "
        "played on Sunday. Austin Rivers, 24, watched."
    )
    assert names(body) == ["Tomas Brandt", "Austin Rivers"]


def test_capitalised_words_after_an_organisations_on_are_the_rest_of_its_name():
    body = (
        '"It is a mess," said Tomas Brandt, a fellow at the Ostvale Council on Foreign Relations who ran the agency. '
        "The Wendover Board on Professional Responsibility says Ana Quist broke its rules."
    )
    assert names(body) == ["Tomas Brandt", "Ana Quist"]


def test_a_pageants_title_before_a_given_name_is_the_role():
    # "Miss Universe" is a title won; the given name after it starts the name.
    body = (
        "He mocked former Miss Universe Delia Marchetti in a late-night post. Marchetti said she was not surprised. "
        "He owned Miss Universe for years, and Miss Quist, his aide, agreed."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {"Delia Marchetti": "Miss Universe", "Quist": "Miss"}


def test_reporters_credited_at_the_end_are_bylines_not_people_mentioned():
    body = (
        "Mayor Ilse Brandvold opened the bridge on Monday.\n\n"
        "Harriet Quinlan contributed reporting from Ostvale. Wire Service writer Marek Halloran contributed from "
        "Elden.\n\n"
        "With files from Odile Marchetti and the Valley Wire"
    )
    assert names(body) == ["Ilse Brandvold"]


def test_a_surname_after_a_plural_title_is_a_person():
    # "Presidents Obama and Bush": the plural title founds the surname right after it (the next one, read alone, is
    # left to the archive).
    body = (
        "It was a change from the policies of Presidents Quillan and Ostrander. Senators Brandvold and Quist voted no."
    )
    assert names(body) == ["Quillan", "Brandvold"]


def test_wars_rights_studies_and_generations_are_no_people():
    # Capitalised words of events, fields and generations, some after a word that is also a given name ("Urban",
    # "Boy", "Gen") or taken up again alone ("the war").
    body = (
        "Camps were built in Ostvale after World War II. World War II changed the town. The Department of "
        "Housing and Urban Development paid for the homes. The Boy Scouts camped by the river. Millennials share "
        "the worries of Gen Xers. An expert at the Center for Strategic and International Studies who asked not to "
        "be named agreed with Senator Ana Quist."
    )
    assert names(body) == ["Ana Quist"]


def test_a_month_after_a_date_word_is_the_date_not_a_given_name():
    # "April" and "June" are given names too ("April Mellody"), but after "in" or "a" they date what follows.
    body = (
        "In August Quillan met the families. At a June Quillan rally in Elden, Harold Quillan, 61, spoke. "
        "June Ostrander, a teacher, listened."
    )
    assert names(body) == ["Harold Quillan", "June Ostrander"]


def test_a_pronoun_with_its_contraction_ends_a_name():
    body = "Look, other than Harold Quillan I’ve presided over more hearings than anyone, and I'm proud of it."
    assert names(body) == ["Harold Quillan"]


def test_a_letter_and_a_hyphenated_word_after_a_name_end_it():
    body = "At rallies in Elden, voters with Harriet Quillan T-shirts stood near people who had X-rays done."
    assert names(body) == ["Harriet Quillan"]


def test_several_and_whatever_opening_a_sentence_are_no_names():
    body = "Several Elden users posted the clip. Whatever Happened next, Tomas Brandt, 40, said nothing."
    assert names(body) == ["Tomas Brandt"]


def test_more_words_of_firms_buildings_and_grounds_are_no_people():
    body = (
        "Shares of Elden Music and Harlow Broadcasting fell, and Vance International said it would sell Quist "
        "Computer. Marisol Colleges and the Ostvale Corps closed. Guests left Harlow Mansion for the Elden Bowl and "
        "the Vance Grounds. Tomas Brandt, 40, watched."
    )
    assert names(body) == ["Tomas Brandt"]


def test_a_given_name_that_is_also_a_particle_starts_the_name_after_a_role():
    # "Ben" is a particle in Arabic and Hebrew names ("ben Ami") but a given name before a surname.
    body = "Candidates Ben Quillan, Marisol Ostrander and Tomas Brandt also joined the call."
    assert names(body) == ["Ben Quillan", "Marisol Ostrander", "Tomas Brandt"]


def test_an_article_of_another_language_is_no_known_given_name():
    # "El", "Le", "La" open names of newspapers and groups ("El Universal", "Le Courrier Picard"); gender-guesser lists
    # some as given names, which is no evidence of a person.
    body = "The daily El Ostvalense and the weekly Le Courrier Brandt reported the vote. Tomas Brandt, 40, won."
    assert names(body) == ["Tomas Brandt"]


def test_a_known_given_name_and_a_census_surname_in_quotation_marks_is_a_person():
    # Quotation marks around a name make a title of it ("“A Long Cold Look,”"), but a given name and a surname the
    # lists know name a person even so: campaign pins reading “Harriet Denton”, a write-in vote for “Walter Ostrander”.
    body = (
        "A delegate wore “Harriet Denton” campaign pins. Years ago I wrote in “Walter Ostrander” on my ballot. "
        "The band played “A Long Cold Look,” its new song. He told our podcast, “Marcus Pellow,” about a “Nadia "
        "Quillan” reception."
    )
    assert names(body) == ["Harriet Denton", "Walter Ostrander"]


def test_abbreviated_titles_of_legislators_officers_and_envoys_are_titles():
    """ "said Del. Ana Ruiz", "Supt. Hale", "Assemblywoman Ruiz": a delegate's, alderman's, superintendent's,
    inspector's, corporal's, ambassador's or assembly member's title is the role, never the name, and its full
    stop ends no sentence, so the name after it speaks."""
    body = (
        "The hearing ran late. “This is a waste of everyone’s time,” said Del. Marisol Quintero. Ald. Tomas "
        "Brandt agreed, and Supt. Oren Blaylock took notes while Insp. Ilse Vandermeer listened. Cpl. Jonas "
        "Whitcombe and Amb. Delia Marchbank left early.\n\n“We will be back,” Assemblywoman Harriet Denton said."
    )
    found = extract("", body, "en")
    assert {p.name: p.role for p in found.people} == {
        "Marisol Quintero": "Del.",
        "Tomas Brandt": "Ald.",
        "Oren Blaylock": "Supt.",
        "Ilse Vandermeer": "Insp.",
        "Jonas Whitcombe": "Cpl.",
        "Delia Marchbank": "Amb.",
        "Harriet Denton": "Assemblywoman",
    }
    assert [q.speaker for q in found.quotes] == ["Marisol Quintero", "Harriet Denton"]


def test_a_name_described_as_a_committee_or_a_watchdog_is_an_organisation():
    """ "Liberty Rising, a conservative political action committee," names a group, although its first word is a
    given name the lists know: an appositive whose head is an organisation's noun (committee, watchdog, outlet,
    nonprofit) says so, as "Sir Tobias, a nine-year-old gelding" says horse."""
    body = (
        "Voters shrugged. Liberty Rising, a conservative political action committee, called the mayor “a walking "
        "liability” on Monday. Grace Forward, a nonprofit watchdog, agreed. Maria Vance, a lawyer, did not."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Maria Vance"]
    assert [(q.speaker, q.speaker_kind) for q in found.quotes] == [(None, "organisation")]


def test_a_census_surname_alone_as_the_subject_of_a_reporting_verb_is_a_person():
    """ "“…,” Hale said." in an article that never gives Hale's first name: a surname the Census lists, opening the
    subject of "said", "told" or "stated", is a person's, even when a gazetteer also knows a town of that name
    ("Hale", "Buchanan"). Not a large city, which speaks for its government ("Houston said"), nor a word the article
    uses in an organisation's name ("the Ashford Mining Company"), nor a word it writes in lower case ("orange")."""
    body = (
        "Turnout fell in the county.\n\n“The ferry vote was lost on the quay, not in the hall,” Hale said.\n\n"
        "Buchanan stated that the count was fair. Houston said on Monday that the port would reopen. The Ashford "
        "Mining Company said its output was low. Ashford said so again. Orange told the board that an orange stall "
        "was closed."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Hale", "Buchanan"]
    assert [q.speaker for q in found.quotes] == ["Hale"]


def test_a_given_name_before_supporters_keeps_the_person_of_that_given_name():
    """ "I met a lot of Marta supporters": a known given name alone before "supporters", "fans" or "team" is a way
    of naming the person, so it is no word of an organisation's name that would unmake "Marta Quill" elsewhere."""
    body = (
        "ELDEN - Marta Quill first touched down in the valley ten months ago.\n\n"
        "“I met a lot of Marta supporters, and I liked every one of them,” a volunteer said.\n\n"
        "“We are here to stay,” Quill said."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Marta Quill"]
    assert [q.speaker for q in found.quotes] == [None, "Marta Quill"]


def test_a_birthplace_before_a_name_is_the_role_and_says_person():
    """ "South Korean-born Marta Quill", "Elden-born Tomas Brandt": what a person was born as or where is no part of
    the name; only people are born, so it is evidence of one."""
    body = "South Korean-born Marta Quill holds little hope. Elden-born Tomas Brandt agreed, and Quill left."
    found = extract("", body, "en")
    assert [(p.name, p.role) for p in found.people] == [
        ("Marta Quill", "South Korean-born"),
        ("Tomas Brandt", "Elden-born"),
    ]


def test_a_hyphenated_given_name_of_two_known_given_names_is_a_known_given_name():
    """ "Eva-Maria", "Anna-Lena": two given names joined by a hyphen are one given name, so "Eva-Maria Quillfeldt
    posted: “…”" names a person although no list holds the compound."""
    body = "Another user, Eva-Maria Quillfeldt, posted: “They were welcomed with open arms.”"
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Eva-Maria Quillfeldt"]
    assert [q.speaker for q in found.quotes] == ["Eva-Maria Quillfeldt"]


def test_del_after_a_town_and_its_comma_is_delaware_not_a_title():
    """ "Del." is a delegate's title ("said Del. Ana Ruiz") and Delaware's abbreviation: after a town and its comma it
    is the state, so the word after it gets no delegate's role; and "Delegate" alone before a heading's words founds
    no person ("Delegate Count Tracker")."""
    body = "The rally was in Bear, Del. Quintero spoke on Thursday. The Delegate Count Tracker rose."
    found = extract("", body, "en")
    assert [(p.name, p.role) for p in found.people] == []


def test_a_name_led_by_a_frequent_english_word_is_not_confirmed_by_its_last_word_alone():
    """ "Examining Ballots", a guide, then "Ballots arrive late": a later word alone confirms a person only
    when the first word may be a given name, not when it is a frequent English word (name_data.common_words) that
    no list gives as a given name or surname. An unknown given name still may ("Yorvel Pascoe ... Pascoe")."""
    body = (
        "Her guide is Examining Ballots. Ballots arrive late, it says.\n\n"
        "Yorvel Pascoe opened the shop in 1990. Pascoe still runs it."
    )
    people, _ = scan_people(body)
    assert [(p.name, p.evidence) for p in people] == [("Yorvel Pascoe", "named again by surname")]


def test_a_name_whose_last_word_is_its_first_or_led_by_an_article_is_not_confirmed_by_that_word():
    """ "Zarn Summit Zarn", a conference of the Zarn language: "Zarn" alone is the first word again, no surname;
    "Le Vorrelet", a stadium, is led by an article, not a given name, so "the Vorrelet" says no person either."""
    body = (
        "Conferences such as Zarn Summit Zarn drew crowds. Zarn is a young language.\n\n"
        "The final was played at Le Vorrelet. Fans filled the Vorrelet early."
    )
    assert names(body) == []


def test_a_name_led_by_a_frequent_english_word_is_not_listed_with_people_nor_taken_for_a_who():
    """A list with a person's name ("Anselm Drobny and Total Zerbo") and "who" after a name confirm a person, but
    not of a name led by a frequent English word that is no given name: a product, a brand, a game's monster."""
    body = "Anselm Drobny and Total Zerbo sponsor the race. The quest ends with a Plot Golem, who smashes the bridge."
    assert names(body) == ["Anselm Drobny"]


def test_a_census_surname_after_a_frequent_english_word_is_no_full_name():
    """ "Criminal Justice": a Census surname ("justice") after a word no list gives as a given name is evidence of a
    person ("Mitt Romney"), but not when that word is a frequent English word."""
    body = "Odile Saranko teaches Criminal Justice at a college in Wendover."
    assert names(body) == ["Odile Saranko"]


def test_a_given_name_before_a_frequent_english_word_that_is_no_surname_is_no_full_name():
    """ "Marine Operations", "Pearl Jam": a known given name ("marine", "pearl") before a frequent English word that
    is no Census surname nor given name is not a person's full name; "Rich Talbot" (a Census surname) is."""
    body = "Marine Operations agents found the boat on Sunday, and Rich Talbot watched from the pier."
    assert names(body) == ["Rich Talbot"]


def test_a_surname_and_a_bare_initial_as_reference_lists_write_authors_is_no_name():
    """ "Lorenz M, Quarrie G, Vandel J.": a reference list's authors, surname first and the initial without its dot;
    "Quarrie G" is not listed with the person "Lorenz M" (a given name first, as "Roland Z", whose surname is
    withheld: those stay people)."""
    body = "- 44. Lorenz M, Quarrie G, Vandel J. Reactions to a drug: a review.\n\nRoland Z, 52, of Tipton agreed."
    found = names(body)
    assert "Quarrie G" not in found
    assert "Roland Z" in found


def test_a_frequent_word_of_the_language_opening_the_sentence_is_no_part_of_the_name():
    """ "Sowohl Tobias Wendell als auch …", "Ist Wendell geschwächt?": a frequent German word (pyspellchecker's
    German word list, name_data.other_common_words) that is no title, given name or surname, opening a sentence
    before a name, is no part of it; the name after it is read as if the word were not there."""
    body = (
        "Sowohl Tobias Wendell als auch Odile Saranko widersprachen. Wendell sagte, er habe nichts gewusst.\n\n"
        "Ist Brambeck geschwächt? Bürgermeister Brambeck sagt nein."
    )
    assert [p.name for p in extract("", body, "de").people] == ["Tobias Wendell", "Brambeck"]


def test_authors_of_a_reference_list_are_no_people_though_their_surname_is_a_given_name():
    """ "Quarrie B ,Lee J ,Lewis N ,et al .": in a comma list of surnames and bare initials, or before "et al.", a
    surname that is also a given name ("Lee", "Lewis") still makes no person's full name; "Roland Z, 52," does."""
    body = (
        "- 18.  Quarrie B ,Lee J ,Lewis N ,et al . Vaccination and mortality. J Infect. 2004.\n\n"
        "- 32. Lee H, et al. Risk of reactions. 2013.\n\nRoland Z, 52, of Tipton agreed with Lee Dunn."
    )
    assert names(body) == ["Roland Z", "Lee Dunn"]


def test_a_given_name_before_words_ending_in_a_frequent_english_word_is_no_full_name():
    """ "Deep Belief Networks", "Fair Information Practices": a known given name ("deep", "fair") opening three
    words or more whose last is a frequent English word that is no Census surname nor given name is not a person's
    full name, as two words are not ("Marine Operations"), nor listed with people; "Ana Lucia Talbot" is."""
    body = "Her talk covered Deep Belief Networks and Fair Information Practices, and Ana Lucia Talbot listened."
    assert names(body) == ["Ana Lucia Talbot"]


def test_an_organisation_word_opening_a_run_before_a_full_name_makes_no_organisation_of_the_name():
    """ "Can voters Trust Anselm Drobny?": "Trust" names firms when it ends a name ("Wendover Trust"), but opening a
    run before a given name and a surname it is a word of the sentence, so "Anselm Drobny" stays a person all
    through the article instead of being taken for an organisation's words."""
    body = (
        "A new advertisement asks: Can voters Trust Anselm Drobny? The group aims to stop Anselm Drobny before the "
        "primary. Drobny has not answered."
    )
    assert names(body) == ["Anselm Drobny"]


def test_attack_after_a_modal_is_a_verb_not_a_team_noun():
    """ "How hard will Saranko attack?": after a modal, "attack" is what the person does, not a side's attack ("the
    Grange attack"), so "Saranko" is no team's word and "Odile Saranko" stays a person."""
    body = "Odile Saranko is staggering in. How hard will Saranko attack? Saranko faces a conundrum."
    assert names(body) == ["Odile Saranko"]


def test_a_known_given_name_and_a_surname_after_a_plain_preposition_is_a_person():
    """ "her loss to Barack Obama in 2008": after "to", "with", "by", "for", "over" or "against", even in a phrase
    that before a team's name makes it one ("a loss to"), a known given name and a surname no list holds (Obama is
    also a town's name) name a person outside a match report."""
    body = "The senator recalled her loss to Odile Quillfeather in 2008."
    assert names(body) == ["Odile Quillfeather"]


def test_a_known_given_name_and_a_surname_after_a_word_that_takes_a_person_there_is_a_person():
    """ "saw a culprit in Alison Lundergan Grimes", "an ally in Hillary Clinton", "taking shots at Marco Rubio": "in"
    and "at" make a name a place, but not after a word that takes a person there; named once."""
    body = (
        "Some of his supporters saw a culprit in Alicia Lonergan Greaves. The secretary of state was booed. The "
        "campaign found a possible new leader in Dwight Halloran. He took shots at Marcus Rudd."
    )
    assert names(body) == ["Alicia Lonergan Greaves", "Dwight Halloran", "Marcus Rudd"]
    # A place's name after the same words stays a place; so does a name after any other word.
    assert names("They found an ally in Virginia Beach. The march ended in Dariusz Kettlewell on Sunday.") == []


def test_a_name_after_an_owner_phrase_with_of_is_the_person_without_a_role():
    """ "Supporters of Odile Saranko", "Fans of Marta Quill’s": the run's name is what follows "of" when a known
    given name opens it and words no given name list knows stand before; no role. "Tobias Wendell of Tipton" stops at
    "of", and "the University of Virginia Health System" stays an organisation."""
    body = (
        "TIPTON — Supporters of Odile Saranko and Anselm Drobny avoided confrontations. Fans of Marta Quill’s "
        "performance wrote in. Tobias Wendell of Tipton agreed, and the University of Virginia Health System said so."
    )
    people = [(p.name, p.role) for p in find_people(body)]
    assert people == [("Odile Saranko", ""), ("Anselm Drobny", ""), ("Marta Quill", ""), ("Tobias Wendell", "")]


def test_one_name_after_an_owner_phrase_does_not_stop_the_extraction():
    """ "Supporters of Ali Ben rallied.": one name word after "Supporters of" made a candidate with a title's flag and
    no title, and the extraction raised IndexError, so ingest rejected the whole article."""
    for body in (
        "Supporters of Ali Ben rallied.",
        "Friends of Hodan organized a vigil.\n\nFriends of Faisal came too.",
    ):
        assert extract("", body, "en").quotes == []
    assert find_people("Supporters of Ali Ben rallied outside. Fans of Odile Saranko came too.") != []


def test_initials_alone_after_a_preposition_do_not_stop_the_extraction():
    """ "advice from an M. S. in town": two initials after a preposition are a name with no word but initials, and the
    test for a person after a preposition read its first word: IndexError, the article rejected (found by fuzzing)."""
    for body in ("She took advice from an M. S. in town.", "He won a lead over an M. S., the rival."):
        assert extract("", body, "en").people == []


def test_streets_hotels_and_malls_named_after_royals_or_people_are_no_people():
    """ "Queen Mary Ave.", "King Edward Blvd.", "Prince Albert Drive", "the King Edward Hotel", "Dufferin Mall", "Lac La
    Biche": a title or a name before a street's, a building's or a lake's word had made people ("Edward Hotel", with
    the title King)."""
    body = (
        "The plaque will go at the corner of Queen Mary Ave. and Lord Ashby Crescent, near King Edward Blvd. and "
        "Prince Albert Drive. The band plays at the King Edward Hotel tonight.\n\n"
        "Tessa Marchetti moved from Lac La Biche to a flat above Dufferin Mall in 2015."
    )
    assert names(body) == ["Tessa Marchetti"]
    # …but a Mall, a Lac who is a person says so ("Priya Mall, a nurse", "Tran Van Lac, 58,", "Lac Nguyen, 40,")
    body = (
        "Priya Mall, a nurse in Elden, said the shift was long. Tran Van Lac, 58, owns the corner store.\n\n"
        "Lac Nguyen, 40, moved from Lac Seul."
    )
    assert names(body) == ["Priya Mall", "Tran Van Lac", "Lac Nguyen"]


def test_a_double_surname_ending_in_ing_is_a_name_not_a_modifier():
    """ "Coun. Nadine Aboud-Sterling", "Ana Ruiz-Fleming": a capitalised surname after the hyphen is no "-ing" modifier
    ("Prize-winning", "Water-Making Spell" stay no names)."""
    body = (
        "Coun. Nadine Aboud-Sterling was blunter. Ana Ruiz-Fleming, 41, agreed.\n\n"
        "The Pulitzer Prize-winning author read the Water-Making Spell aloud."
    )
    assert names(body) == ["Nadine Aboud-Sterling", "Ana Ruiz-Fleming"]


def test_a_nickname_in_quotation_marks_inside_a_name_keeps_the_name():
    """'Bernard "Bernie" Whitlock', 'Former mayor Margaret “Peggy” Hanlon': the nickname's marks cut the name in two
    and neither half was a person. The name is the given name and the surname around it; a given name after the quoted
    word is no surname ('called Cruz "Lyin" Ted')."""
    body = (
        'Bernard "Bernie" Whitlock retired in January. The late Joseph "Joe" Kowalski founded the firm.\n\n'
        "Former mayor Margaret “Peggy” Hanlon said she supports it. He called Ostrow “Lyin” Ted again."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {"Bernard Whitlock": "", "Joseph Kowalski": "", "Margaret Hanlon": "Former mayor"}
    # in brackets too, and after a compound given name the lists lack ("Jean-Sébastien")
    body = "Coun. Deborah (Debbie) Strzelecki wrote in a post. Jean-Sébastien “J.-S.” Bouchard-Leclerc agreed."
    assert {p.name: p.role for p in find_people(body)} == {
        "Deborah Strzelecki": "Coun.",
        "Jean-Sébastien Bouchard-Leclerc": "",
    }


def test_filipino_particles_join_the_surname_and_the_verb_do_does_not():
    """ "Maricel dela Cruz": "dela" and "delos" link a surname as "de la" does; "Maricel dela Cruz" had been dropped,
    and her "Cruz" given to Ana de la Cruz. The English verb "do" is no particle ("What will Tessa Marchetti do
    Monday", "helped Harold Bexley do CPR")."""
    body = (
        "Ana de la Cruz said the vigil was moving. Maricel dela Cruz, 40, cried.\n\n"
        "What will Tessa Marchetti do Monday if the vote fails? Paramedics helped Harold Bexley do CPR."
    )
    assert {p.name: p.variants for p in find_people(body)} == {
        "Ana de la Cruz": ["Ana de la Cruz"],
        "Maricel dela Cruz": ["Maricel dela Cruz"],
        "Tessa Marchetti": ["Tessa Marchetti"],
        "Harold Bexley": ["Harold Bexley"],
    }


def test_a_service_members_branch_before_the_name_is_the_role():
    """ "operative and Marine John “Tig” Tiegen": "Marine" before a given name and a surname is his branch, not his
    given name ("Marine Le Pen", "Marine Tondelier" keep theirs)."""
    body = (
        "The former operative and Marine John “Tig” Tiegen spoke. Marine Le Pen did not.\n\n"
        "Marine Tondelier agreed, and Airman Rosa Quill saluted."
    )
    assert {p.name: p.role for p in find_people(body)} == {
        "John Tiegen": "Marine",
        "Marine Le Pen": "",
        "Marine Tondelier": "",
        "Rosa Quill": "Airman",
    }


def test_park_and_hall_as_surnames_with_evidence_of_a_person():
    """ "Sarah Park said", "Dr. Hyun-woo Park", "said Jennifer Hall", "Tom Church, 61,": common surnames that are also
    words of places' names had made the whole person vanish; a place with a given name's first word and no such
    evidence stays a place ("in Victoria Park near Carnegie Hall", "the Albert Hall concert")."""
    body = (
        "Sarah Park said teens vote more. Dr. Hyun-woo Park agreed.\n\n"
        "“It is real,” said Jennifer Hall, a researcher. Tom Church, 61, nodded.\n\n"
        "They met in Victoria Park near Carnegie Hall before the Albert Hall concert."
    )
    assert {p.name: p.role for p in find_people(body)} == {
        "Sarah Park": "",
        "Hyun-woo Park": "Dr.",
        "Jennifer Hall": "researcher",
        "Tom Church": "",
    }


def test_mme_is_a_courtesy_title_for_the_woman_named_before():
    """ "Mayor Isabelle Tremblay-Nakamura … Mme Tremblay-Nakamura said": the French courtesy title, as "Ms." is, not a
    second person "Mme Tremblay-Nakamura"."""
    body = (
        "Mayor Isabelle Tremblay-Nakamura proposed the change in January. “Why not put his name on the door?” "
        "Mme Tremblay-Nakamura said. Mlle Odile Saranko agreed."
    )
    found = extract("", body, "en")
    assert [(p.name, p.count) for p in found.people] == [("Isabelle Tremblay-Nakamura", 2), ("Odile Saranko", 1)]
    assert [q.speaker for q in found.quotes] == ["Isabelle Tremblay-Nakamura"]


def test_a_nationality_a_colour_or_former_alone_gives_no_person():
    """ "A spokesperson for Canadian Heritage said", "Red Cross spokesperson …", "the member for Red Deer-South",
    "Former Tim Hortons barista Jordan Beaulieu": a nationality or the colour "Red" opening two words, or "Former" alone
    before them, made a department, a charity, a riding and a coffee chain people (the first two speakers)."""
    body = (
        "A spokesperson for Canadian Heritage said in an email that the program funded 400 positions.\n\n"
        "“Knock on their door,” said Red Cross spokesperson Marie-Ève Lapointe. A plant for Red Willow is planned, "
        "and the member for Red Deer-South should check his record.\n\n"
        "Former Tim Hortons barista Jordan Beaulieu had a suggestion."
    )
    assert names(body) == ["Marie-Ève Lapointe", "Jordan Beaulieu"]


def test_a_place_after_its_noun_and_of_or_a_ship_after_aboard_is_no_person():
    """ "the community of Sioux Narrows Landing who …", "the Port of Prince Rupert", "aboard the Lady Marguerite": a
    place's or a ship's name (they had made "Sioux Narrows Landing", "Rupert" and "Marguerite" people); "on board
    Tessa Marchetti's campaign" is no ship."""
    body = (
        "Bernadette Okimaw, a trapper from the community of Sioux Narrows Landing who was checking her lines, found "
        "him. Workers walked off the job at the Port of Prince Rupert. The fire started aboard the Lady Marguerite. "
        "Donors came on board Tessa Marchetti's campaign."
    )
    assert names(body) == ["Bernadette Okimaw", "Tessa Marchetti"]


def test_a_name_of_frequent_english_words_only_is_no_person_even_after_a_title():
    """ "How Major Hospitals Use Data", "General Information", "author Prison Papers": a title ("Major", "General")
    or a role before words that are all frequent English words and no given name or surname makes no person."""
    body = (
        "Read how Major Hospitals are already using the tool.\n\nGeneral Information\n\n"
        "More from author Prison Papers. General Odile Saranko said so."
    )
    assert names(body) == ["Odile Saranko"]


def test_a_name_whose_first_word_is_written_alone_is_not_confirmed_by_its_last_word():
    """ "Zarnix Desktop ... Desktop ... Zarnix does not test it": a firm's or a product's name is shortened to its
    first word, a person's to the surname; when the first word (no known given name) also stands alone, a later
    last word alone is no evidence of a person. "Yorvel Pascoe ... Pascoe" still is, and so is "Facebook/Pascoe
    Yorvel" (the surname first)."""
    body = (
        "Zarnix Desktop helps you build apps.\n\nDesktop\n\nZarnix does not test every platform.\n\n"
        "Yorvel Pascoe opened the shop. Facebook/Pascoe Yorvel. Pascoe still runs it."
    )
    assert names(body) == ["Yorvel Pascoe"]


def test_german_words_before_a_noun_and_counts_in_brackets_make_no_person():
    """ "unseren Historischen Markt", "Spieler vom Team Kessel", "-2 Grad Celsius (0)", "Markt (8)": a mention opening
    with a frequent German word that is no given name or surname gives no evidence, and an age is one only after or
    before a full name and above 0; "Witwe Brambeck" (a title) and "Ilka Brennecke (47)" are people."""
    body = (
        "Besuchen Sie unseren Historischen Markt! Die Spieler vom Team Kessel gewannen 3:0. "
        "Die Temperatur liegt bei -2 Grad Celsius (0).\n\n- Markt (8)\n\n"
        "Ilka Brennecke (47) führt den Hof. 1953 verkaufte die Witwe Brambeck ihren Besitz."
    )
    assert [p.name for p in extract("", body, "de").people] == ["Ilka Brennecke", "Brambeck"]


def test_a_place_and_area_joined_by_a_hyphen_is_a_compound_adjective_not_a_name():
    """ "his Wendover Heights-area seat": "-area" after a place makes an adjective (as "-based", "-style" do), not a
    surname written family name first."""
    body = "Tobias Wendell missed the filing deadline for his Wendover Heights-area seat. Park Ji-woon ran instead."
    assert names(body) == ["Tobias Wendell", "Park Ji-woon"]


def test_a_team_after_an_owner_with_a_possessive_is_no_person():
    """ "the Northern League's Marion Panthers played …": a city and a team's plural nickname is a team (_team_name)
    after an owner's possessive too, not a person whose role is the owner, though "Marion" is a given name."""
    body = "It was where the Northern League's Marion Panthers played the Elden Vikings. Marta Quill, 34, watched."
    assert names(body) == ["Marta Quill"]


def test_a_given_name_and_the_surname_initial_is_the_person_named_in_full():
    """ "help Marta M become a citizen" (a post cut short) after "Marta Mellor": the same given name and the surname's
    initial without its dot are the person the article names in full, not another one."""
    body = (
        "Clinton called Marta Mellor on Friday. Did she help disgusting (check out the past) Marta M become a U.S. "
        "citizen so she could use her?"
    )
    assert names(body) == ["Marta Mellor"]


def test_letters_of_an_office_or_honour_after_a_name_are_no_part_of_it():
    """ "His Honour Judge Neil Tarrow QC sentenced …" gave only "Tarrow" (from "Judge Tarrow"), and "Alan Brindle QC,
    for the defence," nobody: "QC" (as "MP", "TD", "OBE") ends the name, it does not make the run an acronym's."""
    body = (
        "His Honour Judge Neil Tarrow QC sentenced the man to four years. Alan Brindle QC, for the defence, said his "
        "client would appeal. Judge Tarrow said the offence was grave. Mira Quist MP was in court."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {"Neil Tarrow": "Honour Judge", "Alan Brindle": "", "Mira Quist": ""}


def test_irish_and_county_offices_before_a_name_are_its_role():
    """ "Tánaiste Ciaran Dolmore", "Taoiseach Eimear Rourke", "Supervisor Alfredo Pedrosa": offices no English title
    list held, kept in the name before ("Tanaiste Ciaran Dolmore")."""
    body = (
        "Last night Tanaiste Ciaran Dolmore made a strong claim on radio. Taoiseach Eimear Rourke confirmed the plan. "
        "“It is a win,” said Supervisor Alfredo Pedrosa of Verran County."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {"Ciaran Dolmore": "Tanaiste", "Eimear Rourke": "Taoiseach", "Alfredo Pedrosa": "Supervisor"}


def test_a_firm_of_technology_listed_beside_a_person_is_no_person():
    """A firm or an outlet ending with "Technology" or "Tech" listed beside people ("listed with people") was taken for
    a person: those words end names of firms and outlets, as "Technologies" does."""
    body = (
        "The seller was a firm called Velmora Technology. Tessa Marchetti and Velmora Technology were named in the "
        "suit, as were Ilse Vandermeer and Quorbit Tech."
    )
    assert names(body) == ["Tessa Marchetti", "Ilse Vandermeer"]


def test_a_credit_after_a_caption_and_a_byline_on_a_story_line_name_no_one_mentioned():
    """A photo credit after the caption's sentence on its line ("… briefing. Photo: Lena Marsh/Harbor Wire", "Image:",
    "Picture:"), a credit label with a word before or after it ("Featured image by …", "Photo source: …"), "Written
    by:", "Posted by" and a byline running into the story ("By Brant Oduya: The council …") name the photographer or
    the writer, whom the article does not mention; the person named in the caption's sentence before the credit
    stays."""
    story = (
        "The council voted on Monday to close the old harbour road for the whole of the winter season, "
        "said Tessa Marchetti."
    )
    body = (
        f"By Brant Oduya: {story}\n\n"
        "The harbour master, Ilse Vandermeer, at the daily briefing. Photo: Lena Marsh/Harbor Wire\n\n"
        "The old road at dawn on Monday. Image: Bram Ostrow/Kessly Herald\n\n"
        "The ferry pier at low tide. Picture: Ada Fenwick/Harbor Wire\n\n"
        "Featured image by Corin Ashby/The Harbor Guide.\n\n"
        "Photo source: Mira Quist from Pixfield.\n\n"
        "Written by: Oren Blaylock\n\n"
        "Posted by Selma Roux, Marketing, Quorbit"
    )
    assert names(body) == ["Tessa Marchetti", "Ilse Vandermeer"]


def test_two_english_words_after_a_given_name_of_other_countries_are_no_person():
    """ "Take Care", "Red Hat": gender-guesser lists "Take" (Japan) and "Red" (rare in the U.S.), so two frequent
    English words read as a given name and a surname; a name frequent in English-speaking countries keeps it a person
    ("Mark Singer"), as a common surname does."""
    body = (
        "Take Care\n\nWater the plants twice a week. For Red Hat, install the packages first. "
        "The guide was checked by Mark Singer and Tessa Marchetti."
    )
    assert names(body) == ["Mark Singer", "Tessa Marchetti"]


def test_an_agency_or_branch_named_after_a_country_is_no_person():
    """ "Health Canada said in a statement …": a name ending with a country, a U.S. state or a large city, whose first
    word is no given name, is a government's agency or a firm's branch, whatever verb follows it or whoever is listed
    beside it; a given name first keeps a person whose surname is a place's name ("Tessa Jordan")."""
    body = (
        "Harbours Canada said in a statement that the ferry would not sail. A report by Lantern Brazil and "
        "Tessa Marchetti found the same. Tessa Jordan said she was surprised."
    )
    assert names(body) == ["Tessa Marchetti", "Tessa Jordan"]


def test_a_word_counted_after_a_small_number_is_no_surname_named_again():
    """ "… six Orthodox … one Greek Orthodox": a word after a small number counts members of a group or things, so
    it is no person's surname named again ("Greek Orthodox" was a person by that evidence alone); years are no such
    numbers ("In 2016 Hale won")."""
    body = (
        "The parish has 40 members: 22 Catholics, six Orthodox, nine Lutherans and one Greek Orthodox family, said "
        "Tessa Marchetti. Dora Hale ran the choir for years. In 2016 Hale won an award."
    )
    assert names(body) == ["Tessa Marchetti", "Dora Hale"]


def test_a_faith_after_a_given_name_is_no_surname():
    """ "Roman Catholic", "Christian Evangelical": "Roman" and "Christian" are given names, but a faith's adjective is
    nobody's surname (the plurals "Catholics", "Evangelicals" were group words already); a faith before a title stays
    the role ("Roman Catholic Archbishop Tessa Marchetti")."""
    body = (
        "Roman Catholic voters and Christian Evangelical groups backed the bill. Roman Catholic Archbishop Tessa "
        "Marchetti said she would not."
    )
    assert {p.name: p.role for p in find_people(body)} == {"Tessa Marchetti": "Roman Catholic Archbishop"}


def test_canadian_offices_and_a_party_word_as_surname():
    """ "Liberal MPP Ana Ruiz said" found nobody ("MPP", Ontario's member, read as an acronym), "Coun." and "Const."
    (a councillor, a constable) were no titles, and "Toronto Mayor John Tory" lost its surname, a party word ("Tory"):
    after a known given name, such a word that the Census lists as a surname ends the name."""
    body = (
        "Liberal MPP Ana Ruiz said it was wrong. Coun. Hale disagreed, and Const. Bram Oduya said the driver fled. "
        "Elden Mayor Tomas Tory said so too, though the Tory caucus did not."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {"Ana Ruiz": "Liberal MPP", "Hale": "Coun.", "Bram Oduya": "Const.", "Tomas Tory": "Elden Mayor"}


def test_a_frequent_word_after_a_name_written_alone_is_a_product():
    """ "Facebook Messenger" beside "Facebook User ID": a word no list knows, written alone elsewhere, before a frequent
    English word that is a rare Census surname ("Messenger") names a firm's product, not a person whose given name no
    list knows ("Mitt Ramsey" stays)."""
    body = "Quorbit Messenger was down for an hour on Monday, and the Quorbit User ID page failed. Mitt Ramsey said it."
    assert names(body) == ["Mitt Ramsey"]


def test_a_relative_after_a_names_possessive_is_evidence_of_a_person():
    """ "Tshepo Mokoena's mother was there": neither word is in a list, and nothing else says so, but only people have
    mothers, sons and wives; a relative word before a thing's noun is none ("Quorbit Lantern's sister company")."""
    body = "Tshepo Mokoena's mother was there when the hall opened. Quorbit Lantern's sister company paid for the roof."
    assert [(p.name, p.evidence) for p in find_people(body)] == [("Tshepo Mokoena", "kinship after the name: mother")]


def test_roles_of_sport_space_and_school_boards_before_a_name_are_no_part_of_it():
    """ "Astronaut Ilse Vandermeer", "Defenceman Bram Oduya", "Trustee Ana Ruiz" kept the role in the name, and
    "Forward Tomas Brandt scored twice" (a player's position opening the sentence) found nobody."""
    body = (
        "Astronaut Ilse Vandermeer said the launch was on time. Defenceman Bram Oduya said so too. "
        "Forward Tomas Brandt scored twice. Trustee Ana Ruiz said the board would meet."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {
        "Ilse Vandermeer": "Astronaut",
        "Bram Oduya": "Defenceman",
        "Tomas Brandt": "Forward",
        "Ana Ruiz": "Trustee",
    }


def test_a_firm_opening_with_a_large_place_or_ending_with_mart_is_no_person():
    """ "Toronto Hydro said power was restored", "Canada Goose said sales rose": a country, a U.S. state or a large city
    first, before a word that is no surname's, names a firm or an agency, as one last does; "Mart" ends a shop's name;
    a given name first keeps a person ("Paris Hilton" is one)."""
    body = (
        "Toronto Lantern said power was restored. Canada Quorbit said sales rose, and Elden Drug Mart said prices "
        "fell. Paris Vandermeer said she was pleased."
    )
    assert names(body) == ["Paris Vandermeer"]


def test_a_book_called_like_a_person_is_no_person():
    """A work named like a person ("the author of Tessa Marchetti, a novel about a sailor", "her bestseller Mira Quist:
    A Life") is a thing: "a novel about …" after the name says so, as ", a novel," does, and "bestseller", "novella",
    "biography", "musical" before a name are thing nouns as "book" and "film" are."""
    body = (
        "Bram Oduya is the author of Tessa Marchetti, a novel about a sailor. Her bestseller Mira Quist: A Life was "
        "published in May."
    )
    assert names(body) == ["Bram Oduya"]


def test_a_surname_that_is_also_a_large_city_is_a_person_with_a_persons_appositive():
    """Ota and Sakai are cities of Japan as well as common surnames: a name ending with one and a given name the
    lists don't know is a person when an appositive says so (", a nurse,", ", 41,", ", an engineer with …"), as
    "Harbours Canada said" with none stays an agency."""
    body = (
        "“The new cables are in and the lights are back,” said Sota Sakai, an engineer with the city. "
        "Hina Ota, a nurse, said the ward had run on its generator all night. Harbours Canada said the port was open."
    )
    assert names(body) == ["Sota Sakai", "Hina Ota"]


def test_a_wire_sign_off_credits_its_reporters_and_editors_unless_the_story_names_them():
    """ "(Reporting by X; Editing by Y)", "Writing by", "Additional reporting by" at a wire story's end credit its
    staff, as a byline does: no people it mentions (bench/eval/README.md). A reporter the story itself names stays a
    person."""
    body = (
        "Harbour pilots walked out on Monday, said Tessa Marchetti, who leads their union.\n\n"
        "Bram Oduya, a reporter for the Kessly Herald, was at the quay.\n\n"
        "(Reporting by Ilse Vandermeer and Bram Oduya in Elden; Additional reporting by Oren Blaylock; Writing by "
        "Mira Quist; Editing by Selma Roux and Jody Okafor)\n\n"
        "Reporting by Hollis Brandt"
    )
    assert names(body) == ["Tessa Marchetti", "Bram Oduya"]


def test_a_paragraph_opening_with_reporting_by_or_writing_by_is_no_sign_off():
    """A sign-off's line holds names only; running text may open with its words too ("Reporting by the Kessly Herald
    showed that …", "Writing by candlelight, …"), and the people it names are mentioned."""
    body = (
        "Bram Oduya, 44, said the ferry would run.\n\n"
        "Reporting by the Kessly Herald showed that Oren Blaylock had signed the deal.\n\n"
        "Writing by candlelight, Tessa Marchetti, 81, finished her memoir."
    )
    assert names(body) == ["Bram Oduya", "Oren Blaylock", "Tessa Marchetti"]


def test_a_photo_credit_label_opening_running_text_hides_no_person():
    """ "Photos by Ana Ruiz, a nurse, show the ward at night.": a sentence about the photographer, who is described in
    it, is no credit line; "Photo by Lena Marsh for the Kessly Herald" stays one."""
    body = (
        "Photos by Ana Ruiz, a nurse, show the ward at night.\n\n"
        "Pictures by Tomas Brandt show the flooded quay.\n\n"
        "Photo by Lena Marsh for the Kessly Herald\n\n"
        "The ward reopened on Monday, said Jody Okafor."
    )
    assert names(body) == ["Ana Ruiz", "Tomas Brandt", "Jody Okafor"]


def test_a_courtesy_label_opening_running_text_hides_no_person():
    """ "Photos courtesy of Tessa Marchetti, a resident, show …" is running text, as "Photos by …, a nurse, show …" is:
    it credits no one, and the resident is mentioned."""
    body = (
        "Bram Oduya, 44, said the ferry would run.\n\n"
        "Photos courtesy of Tessa Marchetti, a resident, show the flooded street."
    )
    assert names(body) == ["Bram Oduya", "Tessa Marchetti"]


def test_a_credit_line_with_a_lower_case_word_after_the_name_is_still_a_credit():
    """Credit lines go on in lower case too, with no verb of a sentence: "Photos by Lena Marsh unless otherwise noted",
    "Photo by Tam Kessel used with permission", "Video by Ilse Brandt edited by Oren Blaylock" name no one the story
    mentions."""
    body = (
        "Bram Oduya, 44, said the ferry would run.\n\n"
        "Photos by Lena Marsh unless otherwise noted\n\n"
        "Photo by Tam Kessel used with permission\n\n"
        "Video by Ilse Brandt edited by Oren Blaylock"
    )
    assert names(body) == ["Bram Oduya"]


def test_labels_of_products_dishes_and_interfaces_opening_with_a_given_name_are_no_people():
    """A given name gender-guesser knows is no evidence before words that read as a label: a frequent English word that
    is no name after it ("Olive Oil Spray", "Mira Roasted Pepper Paste"), or an English word that is no surname after a
    frequent English word that is rarely a given name in English-speaking countries ("Line Spacing", "Chip Settings",
    "Free Downloads"). "Kit Ozturkmen" (a surname no list has) and "M. Night Oduya" (an initial first) are people."""
    body = (
        "Brush the loaf with Olive Oil Spray and Mira Roasted Pepper Paste. The menu lists Line Spacing, Chip Settings "
        "and Free Downloads. Kit Ozturkmen and M. Night Oduya watched from the pier."
    )
    assert names(body) == ["Kit Ozturkmen", "M. Night Oduya"]


def test_agency_first_credits_agency_bylines_related_headings_and_writers_notes_are_no_people():
    """Canadian outlets' furniture names people the story does not mention: a caption ending "THE KESSLY PRESS/Name",
    a byline line "Name, The Kessly Press", headings of related stories and videos ("WATCH: …", "Related: …") and a
    writer's note ("Name is an Elden-based reporter … Follow her on Twitter")."""
    body = (
        "Bram Oduya, 44, said the ferry would run again.\n\n"
        "Ilse Vandermeer, The Kessly Press\n\n"
        "The premier waves to the crowd in Elden. THE KESSLY PRESS/Oren Blaylock\n\n"
        "WATCH: Tessa Marchetti answers questions on ferry fares\n\n"
        "Related: Hollis Brandt steps down as port chair\n\n"
        "Selma Roux is an Elden-based reporter covering transport. Follow her on Twitter: @selmaroux"
    )
    assert names(body) == ["Bram Oduya"]


def test_a_writers_note_saying_where_to_reach_the_writer_is_no_person():
    """ "Name is a reporter with … You can reach her at …" and "… She can be reached at …" end CBC and Star stories the
    way "Follow her on Twitter" does: the writer, not a person the story mentions."""
    body = (
        "Bram Oduya, 44, said the ferry would run again.\n\n"
        "Marta Kowalczyk is a reporter with Elden News. She has covered city hall and courts. You can reach her at "
        "marta@example.org"
    )
    assert names(body) == ["Bram Oduya"]
    body = "Bram Oduya said the ferry would run.\n\nOren Blaylock is a Kessly reporter. He can be reached at 555-0100."
    assert names(body) == ["Bram Oduya"]
    # …but a story that ends on its own subject's contact line keeps her: she is named before it
    body = (
        "“Nobody should go through this alone,” said Dana Holt, who started the group.\n\n"
        "Holt is a retired newspaper editor who now volunteers. She can be reached at 555-0100."
    )
    assert [(p.name, p.count) for p in find_people(body)] == [("Dana Holt", 2)]


def test_a_story_about_a_reporter_is_no_writers_note():
    """A writer's note says how to follow or reach its writer in an imperative at the story's end; a story about a
    detained reporter has the same words, not as an imperative: "Colleagues could not reach him"."""
    body = (
        "Bram Oduya, 44, said the ferry would run.\n\n"
        "Oren Blaylock is a reporter for the Kessly Herald. Colleagues could not reach him on Monday."
    )
    assert names(body) == ["Bram Oduya", "Oren Blaylock"]


def test_a_writers_note_line_full_of_its_cues_is_read_once():
    """_writer_notes tries each line once, whatever the cues ("each h", "ollow h") in it: matching from the line's
    start again at every cue, each match reading to the line's end, took ~10 s of CPU on a 495 KB line."""
    import time

    from articles.ingest.people_masks import mask_spans

    text = "Intro.\nAna Ruiz is a reporter. Follow her on Twitter. " + "each house " * 45_000
    start = time.process_time()
    mask_spans(text)
    assert time.process_time() - start < 1.0


def test_a_participle_or_an_english_word_before_a_frequent_word_is_no_given_name_before_a_census_surname():
    """The weakest evidence, a Census surname after a word no given name list knows, is none when that word is an
    English participle ("Frosted Cake", "Pricing Tier": a menu's or a price list's label) or an English word before a
    frequent English word that is no common surname ("Squawk Box"); "Mitt Vandermeer" stays a person."""
    body = "The menu lists Frosted Cake. Pricing Tier rates apply. Squawk Box aired it. Mitt Vandermeer ate there."
    assert names(body) == ["Mitt Vandermeer"]


def test_a_title_before_frequent_english_words_only_is_a_title_alone():
    """ "The Chief Public Health Officer said", "Chief Brand Officer Ana Ruiz": after a title, frequent English words
    none of which is an English given name, the last no common surname, are the rest of the title or a label, no name;
    a given name ("Dr. Bonnie Quist") or a particle ("Marine Le Quellec") keeps a person."""
    body = (
        "The Chief Public Health Officer said cases rose. The Chief Brand Officer declined to comment. "
        "Dr. Bonnie Quist agreed, and Marine Le Quellec said she would wait."
    )
    assert names(body) == ["Bonnie Quist", "Marine Le Quellec"]


def test_two_frequent_english_words_with_a_persons_evidence_are_a_person():
    """Frequent English words that are no English given name are a title's rest, but an age or a person's appositive
    after them says they are a name ("Sun Ming", "Art Field", "Precious Gift", "Chance Early"), and so does "said"
    after two of them without a title ("Ban Gold")."""
    body = (
        "Sun Ming, a coach from Elden, said the team was ready. Art Field, 45, said the harbour was full. "
        "Precious Gift, a nurse, said the ward was full. Chance Early, 22, said the line was long. "
        "Ban Gold said the ferry was late."
    )
    assert names(body) == ["Sun Ming", "Art Field", "Precious Gift", "Chance Early", "Ban Gold"]


@pytest.mark.parametrize(
    "text",
    [
        "Royal Mail said deliveries would resume.",
        "Legal Aid said the cuts were harmful.",
        "Fair Trade said prices would rise.",
    ],
)
def test_an_organisation_of_two_frequent_words_before_said_is_no_person(text):
    """ "said" after two frequent English words makes them a name only when one is a given name some country rates
    above rare ("Ban Gold said": Vietnam's Ban); "Royal" and "Fair" are given names rare anywhere, "Legal" none."""
    assert names(text) == []


def test_a_frequent_english_word_after_a_names_first_word_makes_a_label_or_a_place():
    """ "said Kessly Off Fifth would close", "the candidate's Quist National Links", "President Quist Speech": a
    frequent English word that is no name's after the first word is no person's name, whatever evidence stands around
    it; an English given name and one such word is a person ("Ben Jealous", "Tom Jealous")."""
    body = (
        "Harbour Co. said Kessly Off Fifth would close. The candidate's Quist National Links course lost money. "
        "President Quist Speech drew crowds. Tom Jealous, 45, said the club was full."
    )
    assert names(body) == ["Tom Jealous"]


def test_an_irish_o_in_a_name_is_no_label_word():
    """The Irish "O" is no frequent English word after a name's first word, for a label's words (_label_words) as for a
    place's (_plain_word_after_first): "Ciaran O Brannagain won the seat" names a person."""
    assert names("Ciaran O Brannagain won the seat on Monday.") == ["Ciaran O Brannagain"]


def test_a_holiday_after_a_party_word_and_a_road_are_no_people():
    """ "Labour Day" is a holiday, not a Labour member called Day, so "Canada Day" before it stays a holiday too;
    "Way" ends a road's name ("Hollis Way") unless a person's evidence comes with it ("Tessa Way, 44,")."""
    body = (
        "Canada Day events were held. Labour Day weekend traffic was heavy on Hollis Way, said Mira Quist. "
        "Tessa Way, 44, runs the ferry."
    )
    assert names(body) == ["Mira Quist", "Tessa Way"]


def test_a_party_word_before_a_given_name_and_a_surname_like_west_or_hill_is_a_person():
    """ "Labour Day" is a holiday, but "Republican Dana West" and "Democrat Tessa Hill" are candidates: a party word
    before a known given name and a TRAILING_THING_WORD surname still names a person."""
    body = (
        "Republican Dana West won the seat on Tuesday. Democrat Tessa Hill won the primary. "
        "Labour Day traffic was heavy."
    )
    assert names(body) == ["Dana West", "Tessa Hill"]


def test_a_given_name_no_list_knows_before_a_named_persons_surname_is_a_relative_not_a_nickname():
    """ "Crazy Quist", "Team Quist" beside "Hollis Quist" are words about him (English words), but "Zorayah Quist" names
    his wife: a word that is no English word before the surname is a given name the lists lack."""
    body = (
        "Hollis Quist was stopped by police on Monday. Zorayah Quist can be heard on the video. "
        "Crazy Quist, his rivals call him."
    )
    assert names(body) == ["Hollis Quist", "Zorayah Quist"]


def test_a_full_name_before_supporter_is_a_person_mentioned():
    """ "said Vandermeer, a Hollis Quist supporter": a full name with a known given name before "supporter", "backer" or
    "voter" is a person mentioned, as before "delegate" ("a" before a name otherwise makes it a thing's modifier)."""
    body = '"Bring the night ferry back," said Oren Blaylock, a Hollis Quist supporter, outside the harbour office.'
    assert names(body) == ["Oren Blaylock", "Hollis Quist"]


def test_a_title_before_an_office_or_a_shop_is_no_person():
    """ "Pierre's General Store", "Thank you, Mr. Speaker": a title before an office's or a shop's word is a shop's name
    or a form of address; "President Quist" and "Mayor Price" are people."""
    body = (
        "She walks to Pierre's General Store. “Thank you, Mr. Speaker,” said President Quist. Mayor Price agreed with "
        "him."
    )
    assert names(body) == ["Quist", "Price"]


def test_a_title_before_a_surname_that_is_a_frequent_english_word_is_a_person():
    """ "Judge Swift", "Mayor Gold", "Councillor Field": surnames that are frequent English words too (not among the
    1,000 commonest surnames) after a title are people, the first the quotation's speaker."""
    body = (
        "“We will appeal the ruling,” Judge Swift said on Monday. Mayor Gold told reporters fares would rise. "
        "Councillor Field, 52, agreed."
    )
    assert names(body) == ["Swift", "Gold", "Field"]
    assert [q.speaker for q in extract("", body, "en").quotes] == ["Swift"]


def test_caption_credits_after_the_caption_agency_first_in_brackets_courtesy_and_file_photos_are_no_people():
    """A caption's credit after its sentence ("… on Monday. Oren Blaylock / THE KESSLY PRESS"), the agency first in
    brackets ("(THE KESSLY PRESS/Name)") or before "/File Photo", "Image courtesy of Name" and "File photo by Name"
    name the photographer, no one the story mentions."""
    body = (
        "Bram Oduya, 44, speaks at the quay on Monday. Oren Blaylock / THE KESSLY PRESS\n\n"
        "The ferry leaves the harbour. (THE KESSLY PRESS/Ilse Vandermeer)\n\n"
        "The old pier at dawn. REUTERS/Tessa Marchetti/File Photo\n\n"
        "Image courtesy of Hollis Brandt\n\n"
        "The quay in winter. File photo by Selma Roux."
    )
    assert names(body) == ["Bram Oduya"]


def test_a_photographer_credited_with_an_outlet_by_a_slash_is_no_person():
    """ "(Name/The Kessly Mail)", "NAME / KESSLY STAR" after a caption, "Name/Kessly Post" on its line name the
    photographer; "told the Kessly Star via email" is a sentence, not a credit."""
    body = (
        "Bram Oduya, 44, said the ferry ran late. (Oren Blaylock/The Kessly Mail)\n\n"
        "The pier at dawn. TESSA MARCHETTI / KESSLY STAR\n\n"
        "Hollis Brandt/Kessly Post\n\n"
        "Selma Roux, 51, told the Kessly Star via email she was fine."
    )
    assert names(body) == ["Bram Oduya", "Selma Roux"]


def test_a_name_nominated_is_a_persons_though_both_words_are_census_surnames():
    """ "Kessler Whitlock's nomination", "the nomination of Pendry Garrity", "nominated Brandt Tobin": two Census
    surnames and no given name a list knows ("Merrick Garland"), but firms are not nominated."""
    body = (
        "The senators would not consider Kessler Whitlock\u2019s nomination before the election.\n\n"
        "Others pressed for the nomination of Pendry Garrity. The party nominated Brandt Kessly in May."
    )
    assert names(body) == ["Kessler Whitlock", "Pendry Garrity", "Brandt Kessly"]
    assert {p.evidence for p in find_people(body)} == {"nominated"}


@pytest.mark.parametrize(
    "text",
    [
        "The jury nominated Copper Lantern for best picture.",
        "The academy nominated Paper Moon for best picture.",
        "Fans cheered Stranger Tides's nomination on Monday.",
    ],
)
def test_a_title_nominated_for_an_award_is_no_person(text):
    """Awards nominate films, albums and shows: a nominated name of English words only, no known given name first, is
    a title's."""
    assert names(text) == []


def test_a_name_no_list_knows_after_an_outlets_possessive_is_its_writer():
    # "the Kessly Herald’s Ravindh Kotharu wrote": two words that are no English words after an outlet's possessive
    # name its writer, though neither list knows them; a column's title of English words stays none
    body = (
        "As the Kessly Herald’s Ravindh Kotharu wrote, the talks ended. The Kessly Herald’s Morning Meeting ran long."
    )
    assert names(body) == ["Ravindh Kotharu"]


def test_words_no_list_knows_after_an_owners_possessive_without_a_verb_of_saying_are_no_name():
    # a column's, a product's or a unit's name of foreign or made-up words: no writer says anything after it
    body = (
        "Readers of the Kessly Herald’s Gazzetta Sportiva column wrote in. Brannoch Telecom’s Velox Fibra plan costs "
        "$40 a month, and the Varnhold Bank’s Kessly Fintech unit lost money, said Ana Ruiz, an analyst."
    )
    assert names(body) == ["Ana Ruiz"]


def test_a_person_stays_beside_groups_named_for_or_against_them():
    # "the Ready for Ilsa PAC", "the Coalition Against Kessler": groups backing or opposing a person, not places
    body = (
        "A company gave money to a committee supporting Ilsa Varnel. It also gave $5,000 to the Ready for Ilsa PAC. "
        "Tomas Kessler promised a spectacle, and the Coalition Against Kessler applied for a permit."
    )
    assert names(body) == ["Ilsa Varnel", "Tomas Kessler"]


def test_german_nouns_before_a_name_are_no_part_of_it_and_nouns_alone_are_no_person():
    """Real German pages gave "Theologen Thomas Söding", "AfD-Abgeordnete Alice Weidel" (a role glued to the name) and
    "Kreises Heinsberg", "Geschäftsbereich Sport", "Defekte Bauteile" (nouns after a title or before a reporting
    verb): about a quarter of the German "people" found. Words before a known given name are cut off (the name is
    the given name on), and a mention of two words or more opening with anything but a given name, an initial or a
    particle has no evidence of its own."""
    body = (
        "Reinhild Wolters (61) sprach mit dem Theologen Konrad Hollerbach (58) über das Fest. "
        "Laut Grünen-Abgeordnete Milena Starkloff sagte Kreises Talheim nichts dazu. "
        "Leiter Geschäftsbereich Sport ist seit Mai ein anderer."
    )
    people = [p.name for p in extract("", body, "de").people]
    assert people == ["Reinhild Wolters", "Konrad Hollerbach", "Milena Starkloff"]


def test_a_department_before_a_minister_s_name_in_french_is_no_part_of_it():
    """ "la ministre des Sports Laura Flessel", "le ministre de la Santé Olivier Véran" on real French pages gave
    "Sports Laura Flessel" and "Santé Olivier Véran": a frequent French word before a known given name is the
    department, not the name (the title before it is the evidence); a given name no list knows stays ("Ijoma
    Alexandre Mangold" is left whole)."""
    body = (
        "La ministre des Sports Mathilde Aubriot a visité le stade. « Nous allons rénover la piste », a déclaré "
        "le ministre de la Santé Hervé Delmasure. Ijoma Alexandre Mangold, conseiller municipal, a confirmé."
    )
    found = extract("", body, "fr")
    assert [p.name for p in found.people] == ["Mathilde Aubriot", "Ijoma Alexandre Mangold"]
    # "ministre de la Santé": the title is two words before the name's run, no evidence: left to the archive
    assert "Hervé Delmasure" in [p.name for p in found.unconfirmed]


def test_german_nouns_after_a_title_or_a_name_are_no_person_and_no_part_of_a_name():
    """Real German pages gave "Presse" ("Leiter Presse"), "Sport" ("Geschäftsführer Sport"), "Preise" ("die Dame
    Preise"), "James Comeys Stellungnahme" and "Opa Hoppenstedt": a word of the German word list that is no given
    name or surname is a noun, no person by itself (after a title) and no end of a name; a name no evidence could
    make (a noun first) is not the name shown when the person has another ("Wemmeck", also as the speaker)."""
    found = extract(
        "",
        "Der Leiter Presse lehnte eine Stellungnahme ab. Schulleiterin Wemmeck (52) sagte, die Schule bleibe offen. "
        "Die Dame Preise fragte nach.",
        "de",
    )
    assert [p.name for p in found.people] == ["Wemmeck"]
    assert {p.name for p in found.unconfirmed} == {"Presse", "Preise"}  # left to the archive, which knows nobody so
    found = extract("", "Im Saal las der Anwalt Konrad Hollerbachs Stellungnahme vor. Hollerbach (63) schwieg.", "de")
    assert [p.name for p in found.people] == ["Konrad Hollerbachs"]
    found = extract("", "Opa Wemmeck (81) führt den Hof seit 1980. „Wir machen weiter“, sagte Wemmeck.", "de")
    assert [p.name for p in found.people] == ["Wemmeck"]
    assert found.quotes[0].speaker == "Wemmeck"


def test_de_and_a_noun_after_a_title_is_no_person_in_spanish():
    """Real Spanish pages gave "del Paraguay" ("la Fiscal General del Paraguay"), "de Escuelas" ("Director de
    Escuelas"), "de la República" ("Presidente de la República"): after a title, "de" means "of" and what follows
    completes the title. A mention opening with a lower-case particle gets no evidence of its own."""
    body = (
        "La General Marta Quiroga viajó a Asunción. “Yo le decía a la Fiscal General del Paraguay que no estamos "
        "para agradar a nadie”, agregó Quiroga, quien también se reunió con el Director de Escuelas Públicas."
    )
    assert [p.name for p in extract("", body, "es").people] == ["Marta Quiroga"]


def test_an_english_word_or_a_title_abbreviation_after_a_title_in_german_text_is_no_person():
    """German pages gave "Director" ("Leatrice …, Executive Director des …"), "Cold" ("Captain Cold"), "Dr.": one word
    that is a frequent English word or a title's abbreviation, and no given name or surname, is no person alone."""
    body = (
        "Die Farbe wirke ruhig, sagt Ilka Brennecke, Executive Director des Farbinstituts in Neuburg. Im Kino lief "
        "abends Captain Cold."
    )
    assert [p.name for p in extract("", body, "de").people] == ["Ilka Brennecke"]


def test_a_reference_list_s_author_before_et_al_and_a_journal_before_its_year_are_no_people():
    """A real page's reference list gave "Yang F" ("25. Yang F et al. HLA-B* 13: 01 is …"), "Sci Transl Med" and
    "Ann Rheum Dis" ("Sci Transl Med. 2013;5:191ra84"): a surname and a bare initial before "et al." without a comma
    is an author, though the surname be a given name too ("Lewis"), and capitalised words right before a year and
    a volume are a journal's abbreviated title. The article's own people stay."""
    body = (
        "Dr. Ana Ruiz led the study of the harbour's oyster beds.\n\nReferences\n\n"
        "- 24. Lewis N et al. Silt and oyster beds in cold harbours. Mar Ecol Rev. 2013;5:191–8.\n\n"
        "- 25. Hale T, Lewis N, et al. Dredging and its critics. Ann Harb Sci. 2014 Jan;73(1):12–19."
    )
    assert names(body) == ["Ana Ruiz"]


def test_two_names_run_together_where_a_list_lost_its_commas_are_no_person():
    """A real page's list of signatories, its commas lost to line breaks, gave "Dexter Filkins Federico
    Finchelstein": four words with a known given name first and third and none second or fourth are two people's
    names, not one person's."""
    body = (
        "The open letter was signed by the novelist Ana Ruiz, the historian Tomas Hale, and 150 others, among them "
        "Neil Tarrow\nMarta Quist Oliver Brandt\nand Lena Vos."
    )
    assert names(body) == ["Ana Ruiz", "Tomas Hale", "Neil Tarrow", "Lena Vos"]


def test_german_pronoun_after_the_verb_speaks_and_a_title_before_an_unlisted_given_name_is_evidence():
    """Real German pages: "Zugleich mahnte sie: „…“" gave the quotation to "Zugleich" (a word before a verb that
    comes second is no subject: the pronoun after it is), "mahnte", "bilanziert", "kommentiert" were no reporting
    verbs, and "Präsidentin Irme Stetter-Karp" no person (a given name no list knows, after a title: not a noun, as
    "Geschäftsbereich" is)."""
    body = (
        "Die Präsidentin Irme Wolters sprach in Talheim. Zugleich mahnte sie: „Die Debatte darf uns nicht aufsaugen.“ "
        "„Die Zahlen zeigen ein Bild der Hoffnung“, bilanziert Dr. Kirsten Alvermann, Vorständin der Stadtwerke."
    )
    found = extract("", body, "de")
    assert [p.name for p in found.people] == ["Irme Wolters", "Kirsten Alvermann"]
    assert [q.speaker for q in found.quotes] == ["Irme Wolters", "Kirsten Alvermann"]


def test_a_surname_s_particles_that_are_also_prepositions_and_articles_stay_in_the_name():
    """Real German pages never found "Ursula von der Leyen" or "Konstantin von Notz", nor French ones "Charles de
    Gaulle": "von", "der", "de" are also the languages' prepositions and articles, no name's words, and a name holding
    one was dropped whole. Inside a name, between a given name and the surname's last word, they are its particles;
    not after a noun ("nach Ansicht von Brenneke"), before a noun or an English word ("von World Vision"), nor when an
    article opens them ("Kai Buchmann den Nordpark")."""
    body = (
        "Friederike von der Aue sagte am Montag in Talheim, das Programm werde verlängert. Konstantin von Hallberg "
        "sagte, er sei zufrieden. Nach Ansicht von Brenneke ist das zu wenig, sagte Brenneke. Gestern kaufte Kai "
        "Buchmann den Nordpark. Die Sprecherin Jacqueline Rioba von World Vision sagte nichts."
    )
    found = extract("", body, "de")
    assert [p.name for p in found.people] == ["Friederike von der Aue", "Konstantin von Hallberg"]
    french = "Charles de Vaucourt a déclaré lundi que le pont rouvrira. Les Terres de Castelbrune restent fermées."
    assert [p.name for p in extract("", french, "fr").people] == ["Charles de Vaucourt"]


def test_a_german_epithet_after_a_quotation_is_evidence_of_the_name_just_written():
    """German news names someone once, then gives their words to an epithet: "Beste Werferin war Lea
    Zimmermann-Okafor. „…“, sagte die 23-Jährige." Nothing else said she was a person (no title, age or verb at the
    name), so she was not one and her words had no speaker. The epithet is evidence of the name just written when
    its gender fits and no other name stands between."""
    body = (
        "Beste Werferin war einmal mehr Marlene Okafor-Brandt mit neun Toren. „Ich kann es noch gar nicht glauben“, "
        "sagte die 23-Jährige nach dem Schlusspfiff.\n\nDie Titelrolle spielt Henrike von Stellberg. „Diese Frau ist "
        "stur“, sagte die Schauspielerin.\n\nIm Tor stand Tobias Wendeler. „Wir haben gekämpft“, sagte die "
        "Kapitänin.\n\nDen Ball brachte Jonas Ahlert zu Anna. „Das war knapp“, sagte die 19-Jährige."
    )
    found = extract("", body, "de")
    assert {p.name: p.evidence for p in found.people} == {
        "Marlene Okafor-Brandt": "epithet: die 23-Jährige",
        "Henrike von Stellberg": "epithet: die Schauspielerin",
    }
    assert [q.speaker for q in found.quotes] == ["Marlene Okafor-Brandt", "Henrike von Stellberg", None, None]


def test_particles_opening_a_name_are_not_read_as_a_surname_s():
    """A review found "De la Rosa" read as a given name and its surname's particles: with the particles first, the
    word before them was taken from the end of the name."""
    from articles.ingest.people_runs import _particles_of_surname

    assert not _particles_of_surname(("De", "la", "Rosa"), 1, "es")
    assert _particles_of_surname(("Paula", "de", "la", "Rosa"), 1, "es")


def test_someone_named_since_is_seen_whatever_the_script_and_the_word_before():
    """given_name_between (what stops an epithet or a verb without a subject from reaching back past a name) read
    only Spanish and German capitals, and a capitalised word before the given name hid it ("Mit Tobias …")."""
    from articles.ingest.people_evidence import given_name_between

    assert given_name_between("Llegó también François Durand, de Rutas del Sur.")
    assert given_name_between("Mit Tobias Wendeler fuhr er nach Hause.")
    assert not given_name_between("Ahora el mercado abre. Man geht hin.")


def test_submitted_photos_bylines_joined_by_middle_dots_and_follow_lines_are_no_people():
    """ "(Submitted by Name)" under a reader's picture, a byline whose parts a middle dot joins ("Name · Kessly News ·
    Posted: …") and a line telling readers whom to follow name no one the story mentions; a sentence with a middle dot
    and no time of posting, or "follow" in running text, keeps its people."""
    body = (
        "Oren Blaylock · Kessly News · Posted: Jan 03, 2019 5:00 AM ET | Last Updated: January 3\n\n"
        "Bram Oduya, 44, rebuilt the pier himself. (Submitted by Ilse Vandermeer)\n\n"
        "Submitted by Tessa Marchetti\n\n"
        "Fares · timetables · maps: Selma Roux, 51, runs the office.\n\n"
        "Fans follow Hollis Brandt on Twitter, she said.\n\n"
        "Follow Wendell Ashby on Twitter: @washby\n\n"
        "A petition (submitted to Mayor Tom Brisk last week) had 400 names. The motion (submitted by Coun. Ravi Anand) "
        "passed."
    )
    assert names(body) == ["Bram Oduya", "Selma Roux", "Hollis Brandt", "Tom Brisk", "Ravi Anand"]


def test_a_noun_for_a_person_opening_the_sentence_is_the_role_not_the_given_name():
    """ "Patient Eleanor Brisebois, 81," ("Patient" is a given name somewhere); "West Des Moines" and "Operation Jade
    Helm" open with no noun for a person and stay whole (and no one)."""
    body = (
        "Patient Eleanor Brisebois, 81, waited 19 hours with a broken hip. Pollster Ann Selwick, 61, said so.\n\n"
        "The rally in West Des Moines drew rumours of Operation Jade Helm."
    )
    assert {p.name: p.role for p in find_people(body)} == {"Eleanor Brisebois": "Patient", "Ann Selwick": "Pollster"}


def test_a_witness_or_bystander_opening_the_sentence_is_not_part_of_the_name():
    """Police copy: "Witness Daniel Korvald said he heard shouting" had made a person "Witness Daniel Korvald"."""
    body = (
        "Witness Daniel Korvald said he heard shouting. Bystander Mira Osterhout, 22, called 911.\n\n"
        "Motorist Len Pagnotta stopped to help, and organizer Fay Brundle cancelled the parade."
    )
    assert {p.name: p.role for p in find_people(body)} == {
        "Daniel Korvald": "Witness",
        "Mira Osterhout": "Bystander",
        "Len Pagnotta": "Motorist",
        "Fay Brundle": "organizer",
    }


def test_an_occupation_opening_the_sentence_before_a_name_of_any_country_is_the_role():
    """ "Paramedic Sunil Ramaswamy", "Pollster Sunil Ramaswamy, president of …": a noun for a person that is no given
    name anywhere, before a given name of any country's lists (not only the English-speaking ones'), is the role; it
    had been glued into the name, or the person lost."""
    for noun in ("Paramedic", "Pollster", "Midwife", "Barista", "Landlord", "Mechanic"):
        body = f"{noun} Sunil Ramaswamy, president of Ardent Research, said the numbers were clear."
        assert {p.name: p.role for p in find_people(body)} == {"Sunil Ramaswamy": noun}


def test_a_relative_given_by_first_name_at_a_sentence_start_is_a_person_once():
    """ "Her daughter, Sandra, stayed" as "his wife, Laura," in mid-sentence: a person by kinship, and not also a lone
    word left for the archive to guess."""
    body = "Eleanor Brisebois, 81, waited all night. Her daughter, Sandra, stayed with her."
    people, _ = scan_people(body, unconfirmed=(aside := []))
    assert [p.name for p in people] == ["Eleanor Brisebois", "Sandra"]
    assert [p.name for p in aside] == []


def test_a_title_with_a_contraction_is_no_person():
    """ "Why We’re Adrift" (a book) is no name, though capitalised words follow "In"; "O’Rourke" and "D’Amato" are."""
    body = (
        "In Why We’re Adrift, Ezra Kellner sets out a question. Why We’re Adrift does as the doctors order.\n\n"
        "Tamsin O’Rourke and Lena D’Amato agreed."
    )
    assert names(body) == ["Ezra Kellner", "Tamsin O’Rourke", "Lena D’Amato"]


def test_a_spelling_marked_sic_is_not_the_persons_name():
    """A quotation misspelling a name, marked "[sic]" by the writer, and the name in the reporter's words: one person,
    named as the reporter writes it, though the misspelling comes first."""
    body = (
        "He vowed to end “Marisa Quellon’s [sic] persecution career.” Marisa Quelon is the state attorney who "
        "charged him."
    )
    people = find_people(body)
    assert [p.name for p in people] == ["Marisa Quelon"]
    assert people[0].variants == ["Marisa Quellon", "Marisa Quelon"]


def test_a_town_called_after_a_royal_is_no_person_where_the_text_shows_the_town():
    """ "RCMP in Prince George, B.C.", "Prince Albert police": a title and a word that are a town's name in the
    gazetteer (Canadian towns named after royals), after a place's preposition or before a province's abbreviation or
    a town's noun; the royals themselves stay people."""
    body = (
        "RCMP in Prince George, B.C., say a man was arrested. Prince Albert police are investigating a second case. "
        "Odile Fenwick, a councillor, said the city would review the response."
    )
    assert names(body) == ["Odile Fenwick"]
    assert names("Prince George and Princess Charlotte waved from the balcony.") == ["George", "Charlotte"]


def test_a_monarchs_or_popes_regnal_number_is_part_of_the_name():
    """ "King Abdullah II", "Queen Elizabeth II", "Pope Benedict XVI": after a monarch's or a pope's title one name and
    a regnal number are the person (they had been dropped whole); without such a title, "Constance II" is a ship's."""
    body = (
        "King Oswin II met the delegation. Pope Gelasius XVI visited in 2008. Queen Maren II sent a message. "
        "The ship Constance II sailed at dawn."
    )
    assert names(body) == ["Oswin II", "Gelasius XVI", "Maren II"]


def test_an_appositive_saying_what_a_person_is_outweighs_a_places_context():
    """ "a clash with Megyn Kelly, a star anchor at Fox News": a name after words that make a team's or a place's name
    is a person when an appositive opened by an article or an owner says what the person is; not ", where café owner
    …" nor ", Clinton and husband Bill" (no such appositive) after a place."""
    body = (
        "Viewers watched the senator clash with Oriel Quennett, a star anchor at the Harbour Channel. Later she "
        "walked around Chez Varnier, Tomas Brandt and husband Ivo in tow, and stopped at Dunhollow Junction, where "
        "café owner Sunil Marchbank handed out tea."
    )
    assert names(body) == ["Oriel Quennett", "Tomas Brandt", "Sunil Marchbank"]


def test_an_undersecretary_and_an_rcmp_constable_are_titles():
    """ "State's Undersecretary for Management X" (the department after "for" is the role's), "Under-Secretary X",
    and the RCMP's abbreviation "Cst. X": titles, the name after them."""
    body = (
        "State's Undersecretary for Management Oren Kallisto has emerged as a pivotal figure. Under-Secretary Ines "
        "Marlow agreed. Cst. Marla Quinby said the road was closed."
    )
    people = [(p.name, p.role) for p in find_people(body)]
    assert people == [
        ("Oren Kallisto", "State's Undersecretary for Management"),
        ("Ines Marlow", "Under-Secretary"),
        ("Marla Quinby", "Cst."),
    ]


def test_a_given_name_used_in_a_places_name_keeps_a_person_described_as_one():
    """ "Sandy Hook" makes "sandy" a place's word, "Hurricane Aldous" a storm's: a known given name the article also
    uses so, before a surname it does not, is still a person with ", who" or an appositive saying what they are."""
    body = (
        "Families of those killed at Sandy Hook Elementary School met. Sandy Quarrington, who lost her daughter there, "
        "spoke first. Nobody forecast Hurricane Aldous. Now Aldous Brenner, the most unusual candidate in years, is "
        "coming to town."
    )
    assert names(body) == ["Sandy Quarrington", "Aldous Brenner"]


def test_the_new_place_and_credit_rules_leave_sentences_and_royals_alone():
    """What a review of this session's rules found (each case wrong before its fix): a sentence naming a social
    network is no photo credit; 'results in', 'wrote in' and a place's noun keep a place a place; ", a police spokesman
    said" after a place is no appositive of it; royals after "of", "to", "from" stay royals; "I" after a royal's name is
    the pronoun and a possessive regnal number is one; the time zone "CST." is no constable's title."""
    assert names("The council met on Monday.\n\nMayor Marla Quinby announced her resignation via Twitter.") == [
        "Marla Quinby"
    ]
    assert names("Odile Fenwick made the announcement on X/Twitter.") == ["Odile Fenwick"]
    assert names("The election results in Franklin Township were delayed.") == []
    assert names("The team is a champion in Florence Township again. He wrote in Marie Claire that it was over.") == []
    assert names("A man was shot in Franklin Township, a police spokesman said.") == []
    assert names("She grew up in Florence Hollow, the daughter of a miner.") == []
    assert names("Thousands attended the christening of Prince George on Sunday.") == ["George"]
    assert names("A gift from Prince Albert of Monaco arrived.") == ["Albert"]
    assert names("When I met Prince Harry I was nervous.") != ["Harry I"]
    assert names("Millions watched Queen Elizabeth II's funeral on Monday.") == ["Elizabeth II"]
    people = [(p.name, p.role) for p in find_people("The launch is set for 9 a.m. CST. Marla Quinby will lead it.")]
    assert people == [("Marla Quinby", "")]


def test_the_place_rules_hold_where_a_second_review_tried_them():
    """Cases a review found wrong (each before its fix): a town after "the mayor of", "drove to", "flights from"; a
    historical monarch's "I"; "Ward" is a surname; voters write in a person; a social network's credit in brackets.
    (Real town names: the rule reads the gazetteer.)"""
    assert names("Marla Quinby, the mayor of Prince George, said the plan works.") == ["Marla Quinby"]
    assert names("Flights from Prince George were cancelled. The city of Prince Albert will vote.") == []
    assert names("A portrait of Queen Maren I hangs in the hall.") == ["Maren I"]
    assert names("When I met Prince Harrald I was nervous.") == []
    assert names("The reform camp found an ally in Lena Ward. The councillor backed the plan.") == ["Lena Ward"]
    assert names("More than 1,200 voters wrote in Ravi Tamsin on Tuesday.") == ["Ravi Tamsin"]
    assert names("Rescuers pulled the dog from the river. (Osman Laban/Facebook)\n\nThe dog is recovering.") == []


def test_second_review_of_the_session_people_rules():
    """Cases a review found wrong after this session's rules: given names ending like a nationality are people
    ("Girish Mehta", "Cassian Brandt"); a church or a beach town that issues a statement is none ("Grace Church
    said"); a titled politician after "the district of" is one; a party's letter in brackets joins nothing ("Sen. Ivo
    Grant (D) Tuesday")."""
    body = (
        "Girish Mehta, who runs a grocery in Elden, said sales were down. Cassian Brandt, 44, disagreed.\n\n"
        "“All are welcome here,” Grace Church said in a news release.\n\n"
        "Residents in the district of Coun. Lena Dahl say the potholes are the worst in Elden.\n\n"
        "Sen. Ivo Grant (D) Tuesday introduced a bill on rail safety."
    )
    assert names(body) == ["Girish Mehta", "Cassian Brandt", "Lena Dahl", "Ivo Grant"]


def test_a_phrase_and_a_name_after_its_comma_are_no_list_of_people():
    # PolNeAR: "On Cinco de Mayo, Trump happened to be eating …", "In his address to La Raza, Graham assures …": a
    # name opening the sentence's introduction and the subject after its comma were read as a list of people.
    body = (
        "Senator Ivo Brandt spoke in Kelburn on Monday. On Festa de Maio, Brandt ate at a diner. "
        "In his address to La Corona, Brandt assured the crowd that he would listen."
    )
    assert names(body) == ["Ivo Brandt"]
    # three names with commas are a list: the third makes the other two people
    listed = "Senator Ivo Brandt met voters. Brandt, Ostia Veranne, Kaleb Onsworth and the mayor spoke after."
    assert "Ostia Veranne" in names(listed)


def test_two_streets_named_together_are_no_person():
    # PolNeAR: "at the corner of Allen and Stanton Streets" made a person of "Stanton Streets".
    body = "The club opened in 1998 at the corner of Allen and Stanton Streets, beside Orchard and Essex Avenues."
    assert names(body) == []


def test_a_provinces_initials_ending_a_sentence_are_no_part_of_the_next_name():
    # Canadian datelines and PolNeAR: "… in Kelburn, B.C. Mara Lind said" made "B.C. Mara Lind"; "Englewood, N.J.
    # Roger Ailes …" made "N.J. Roger Ailes"; "Lodi, N.J. Harmony's phone" made a person of a firm.
    body = (
        "He lives in Kelburn, B.C. Mara Lind said the road is closed. He moved to the U.S. Ivo Brandt stayed. "
        "The address is in Lodi, N.J. Harmony's phone number is disconnected."
    )
    assert names(body) == ["Mara Lind", "Ivo Brandt"]
    # a role after the initials goes on: they are the role's
    roles = {p.name: p.role for p in find_people("U.S. Sen. Ivo Grant spoke. U.S. Air Force Gen. Tom Reyes agreed.")}
    assert roles == {"Ivo Grant": "U.S. Sen.", "Tom Reyes": "U.S. Air Force Gen."}


def test_castle_as_a_surname_with_a_title():
    # "Dr. Oona Castle" made no person ("castle" names buildings), so "the doctor said" later was nobody's.
    body = "Dr. Oona Castle treated the victims.\n\n“They were lucky,” the doctor said.\n\nWindsor Castle said no."
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Oona Castle"]
    assert [q.speaker for q in found.quotes] == ["Oona Castle"]


def test_a_lay_persons_noun_before_a_given_name_no_list_knows():
    # A Canadian health story's "Patient Gord Tremblay, 67, said …": "Gord" is in no list of given names, so the
    # noun stayed in the name ("Patient Gord Tremblay"); a run of English words stays no name.
    body = "Patient Gord Tremblay, 67, said he waited 14 hours. Driver Assist Technology is new."
    assert {p.name: p.role for p in find_people(body)} == {"Gord Tremblay": "Patient"}


def test_a_features_imperative_before_a_name_is_no_part_of_it():
    # Real pages: "Ask Damien Chazelle, the director …, and he will answer: “…”" made a person "Ask Damien Chazelle"
    # (15 quotations filed under him); "Enter Stuart R. Kaplan, a graduate …" likewise.
    body = (
        "Meet Mara Lind, a nurse who works nights in Kelburn. Enter Daniel Rossi, a graduate of the law school. "
        "Ask Ivo Brandt and he will answer. “It was gridlock,” said Ivo Brandt, the director of the musical."
    )
    assert {p.name: p.role for p in find_people(body)} == {
        "Mara Lind": "nurse who works nights in Kelburn",
        "Daniel Rossi": "graduate of the law school",
        "Ivo Brandt": "",
    }


def test_a_rank_of_two_hyphenated_words_is_the_role_and_events_hostels_programmes_are_no_people():
    # "Major-Gen Gopaul Govender" was a person of that name (TimesLive), "Summer Olympics", "Nana Backpacker Hostel",
    # "Networking Programme" and "Wren Kitchens" people (pages of fundus's tests)
    body = (
        "Major-Gen Tomas Brekke said the arrests would continue. Lt-Col Ana Castle agreed.\n\n"
        "The Summer Olympics will return to Kelburn in 2036.\n\n"
        "She stayed at the Lina Backpacker Hostel, run by Mara Lind. Mr Ed Vale, who works with Kelburn Gender "
        "Networking Programme as an officer, says the fund helps. Experts from Wren Kitchens worked with the gardeners."
    )
    found = extract("", body, "en")
    assert sorted((p.name, p.role) for p in found.people) == [
        ("Ana Castle", "Lt-Col"),
        ("Ed Vale", "Mr"),
        ("Mara Lind", ""),
        ("Tomas Brekke", "Major-Gen"),
    ]


def test_a_name_no_list_knows_after_a_capitalised_role_and_a_comma_is_a_person():
    # "Housing Executive Chief Executive, Grainia Long, said: “…”" (Belfast Live, htmldate's test pages): no given name
    # list knows "Grainia", and her sixteen paragraphs of quotation went to nobody
    body = "Housing Agency Chief Executive, Grainia Velt, said: “We will build faster this year.”"
    found = extract("", body, "en")
    assert [(p.name, p.evidence) for p in found.people] == [("Grainia Velt", "role before the name")]
    assert [q.speaker for q in found.quotes] == ["Grainia Velt"]


def test_a_surname_that_is_a_place_word_after_a_given_name_and_a_role_is_a_person():
    # "said Blue Marine CEO Clare Brook" (positive.news, htmldate's test pages), "Patrol Chief James Hall with the New
    # York Police Department said" (CNN, newspaper4k's tests): a role ending with a title before a given name and
    # Brook or Hall
    body = (
        "“The queue is shorter than it was,” said Acme CEO Ruth Brook.\n\n"
        "“We will decide in the morning,” Patrol Chief Ivo Hall with the Kelburn police said."
    )
    found = extract("", body, "en")
    assert [(p.name, p.role) for p in found.people] == [("Ruth Brook", "Acme CEO"), ("Ivo Hall", "Patrol Chief")]
    assert [q.speaker for q in found.quotes] == ["Ruth Brook", "Ivo Hall"]


def test_a_town_before_a_states_abbreviation_is_no_person_and_a_police_rank_is_a_title():
    # "Innsbrook After Hours – Glen Allen, Va." made a person of the town; "DS Martin Soutter attempted to bring down
    # the gang" (Manchester Evening News) left him out (htmldate's test pages)
    body = (
        "The concert moved to Glen Allen, Va., after the storm, said Mara Lind, the organiser.\n\n"
        "DS Ivo Marsh attempted to bring down the gang."
    )
    found = extract("", body, "en")
    assert [(p.name, p.role) for p in found.people] == [("Mara Lind", "organiser"), ("Ivo Marsh", "DS")]


def test_a_listed_companys_name_is_no_person_unless_the_text_says_so():
    # "Goldman Sachs said", "Morgan Stanley", "JPMorgan Chase", "Eli Lilly" were people on real pages (issue 13 names
    # Goldman Sachs); the names come from pytickersymbols' index lists. An age or an appositive still makes one a
    # person ("Ralph Lauren, 84, said"), and so does a title.
    body = (
        "“Rates will stay high,” Goldman Sachs said in a note. Morgan Stanley said it agreed, and Wells Fargo "
        "reported lower profits.\n\n"
        "“Style does not age,” Ralph Lauren, 84, said at the show in Kelburn."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Ralph Lauren"]
    assert [q.speaker for q in found.quotes] == [None, "Ralph Lauren"]


def test_a_name_before_party_is_a_partys_even_when_it_opens_with_a_given_name():
    # "Enda Kenny, leader of the main opposition Fine Gael party, said" (MSNBC, crux's test pages): "Fine" is a given
    # name somewhere, and Fine Gael was a person
    body = "Tom Vale, leader of the main opposition Fine Gael party, said the vote was “a disgrace for the country”."
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Tom Vale"]


def test_a_name_right_after_a_title_and_of_is_the_titles_organisation_and_employee_opens_a_name():
    # "Rob Katz, CEO of Vail Resorts" is fine, but "The CEO of Vail Resorts says" made Vail Resorts a person (goose3's
    # tests), as "CEO of JPMorgan Chase", "The MSP for Falkirk West", "U.S. Special Inspector General for Afghanistan
    # Reconstruction" and "Author of Gridiron Belles" (a book) did; "Employee Steve Castro tells" kept the word
    body = (
        "The CEO of Kestrel Resorts says the snow is late.\n\n"
        "The MSP for Narvik West took his tablet on holiday.\n\n"
        "Employee Lina Vale tells the story of the first week."
    )
    found = extract("", body, "en")
    assert [(p.name, p.role) for p in found.people] == [("Lina Vale", "Employee")]


def test_a_name_before_hospital_prison_or_airport_is_the_places():
    # "was taken to Royal Shrewsbury hospital", "the city’s Hoa Lo prison" (readability's and Zyte's pages), "a John
    # Hopkins hospital" (a labelled page of bench/pagepeople.py) were people
    body = (
        "Lina Vale, 21, was taken to Royal Dunmore hospital on 12 April.\n\n"
        "Tom Brisk paid a visit to the city’s Hoa Vell prison."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Lina Vale", "Tom Brisk"]


def test_an_occupation_opening_a_sentence_before_a_surname_named_in_full_elsewhere_is_that_persons_role():
    # "Oceanographer Pattiaratchi said debris would float" after "said Charitha Pattiaratchi, an oceanographer at …"
    # (Reuters, newspaper's tests) made a second person "Oceanographer Pattiaratchi"; "Gennifer Flowers" (a given name
    # no list knows, in -er) stays one person
    body = (
        "“The debris will drift north,” said Ivo Varga, an oceanographer at Kelburn University.\n\n"
        "Oceanographer Varga said the debris would float for months.\n\n"
        "Gennifer Lowe, who runs the harbour, agreed. Lowe said so twice."
    )
    found = extract("", body, "en")
    assert [p.name for p in found.people] == ["Ivo Varga", "Gennifer Lowe"]


def test_a_nationality_noun_opening_a_sentence_before_a_name_is_the_role():
    # "fiery Frenchman Corentin Moutet" (iNews), "Swede Jonas Bjorkman", "Frenchwoman Camille Pin", "Dutchman Arnoud
    # Okken", "Spaniard Guillermo Garcia-Lopez" (BBC News) were people of those names, or none
    body = "Swede Jon Dahl was second. Frenchwoman Ann Pol was third. Dutchman Ivo Okk said he was tired."
    found = extract("", body, "en")
    assert [(p.name, p.role) for p in found.people] == [
        ("Jon Dahl", "Swede"),
        ("Ann Pol", "Frenchwoman"),
        ("Ivo Okk", "Dutchman"),
    ]


def test_dj_is_a_title_so_a_surname_that_is_a_word_stays_the_persons():
    # "written by radio DJ Mike Read … “…,” Read said" (BBC News) left his quotations to nobody, and the next "he said"
    # went to Sir Cliff Richard named before
    body = (
        "The song was written by radio DJ Tom Read for the appeal.\n\n"
        "“It was the least we could do for them,” Read said."
    )
    found = extract("", body, "en")
    assert [(p.name, p.role) for p in found.people] == [("Tom Read", "DJ")]
    assert [q.speaker for q in found.quotes] == ["Tom Read"]
