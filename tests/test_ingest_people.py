"""People detection on fixtures of our own writing (fictional people and places only)."""

from articles.ingest.people import find_people


def names(body):
    return [p.name for p in find_people(body)]


def test_titles_and_roles_are_not_part_of_names():
    body = (
        "Harbor Police Chief Inspector Dana Vole met Northbridge Mayor Ana Ruiz and Dr. Hester Vaal. "
        "Prof. Ilan Moravec and Senator Livia Marchbank joined them, with Ostland Foreign Minister Petra Lund."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {
        "Dana Vole": "Harbor Police Chief Inspector",
        "Ana Ruiz": "Northbridge Mayor",
        "Hester Vaal": "Dr.",
        "Ilan Moravec": "Prof.",
        "Livia Marchbank": "Senator",
        "Petra Lund": "Ostland Foreign Minister",
    }


def test_role_from_appositive():
    body = "Tomas Brandt, the club's coach, said little. The mayor, Ana Ruiz, said more."
    assert {p.name: p.role for p in find_people(body)} == {"Tomas Brandt": "club's coach", "Ana Ruiz": "mayor"}


def test_name_shapes_particles_hyphens_accents_and_initials():
    body = (
        "Karim al Rashed met Ilona Marchetti-Brook, José Núñez Ortega, Mara J. Okonkwo and Pieter van Dalen in Elmvale."
    )
    assert names(body) == [
        "Karim al Rashed",
        "Ilona Marchetti-Brook",
        "José Núñez Ortega",
        "Mara J. Okonkwo",
        "Pieter van Dalen",
    ]


def test_surname_back_references_are_counted_with_variants():
    body = "Secretary of State Orla Brightwater arrived. Brightwater spoke. Later, Brightwater’s aide left."
    (person,) = find_people(body)
    assert (person.name, person.role, person.count) == ("Orla Brightwater", "Secretary of State", 3)
    assert person.variants == ["Orla Brightwater", "Brightwater"]


def test_places_organisations_outlets_and_sentence_starts_are_not_people():
    body = (
        "Less than an hour later the Northbridge Council met the Harbor Port Authority in Port Elden. "
        "The UN and the White House stayed silent, Breaking Ostland News reported. "
        "Following Ruiz’s speech, Elmvale City Hall closed. On Monday March began. "
        "The Kestrel Bay Marathon and the research vessel Morning Gull are famous. Ana Ruiz smiled."
    )
    assert names(body) == ["Ana Ruiz"]


def test_photo_credits_bylines_and_datelines_are_not_people():
    body = (
        "HARBORVIEW, March 3 (Fictional Wire) — Ana Ruiz opened the bridge.\n\n"
        "Photo: Lena Marsh / Valley Courier\n\n"
        "By Corin Ashby, Staff Writer\n\n"
        "The bridge (Photo: Tam Oduya) is long."
    )
    assert names(body) == ["Ana Ruiz"]


def test_places_learnt_from_the_article_are_not_people():
    # "Elden" is a place here (Port Elden), so "Elden Dock" is one too.
    body = "Workers at Port Elden struck. The Elden Dock union backed them. Ilona Brask, 52, led the walkout."
    assert names(body) == ["Ilona Brask"]


def test_one_letter_misspelling_is_folded_into_the_same_person():
    body = "Vladimer Ostrov arrived first. Later Vladimir Ostrov spoke, and Vladimir Ostrov left."
    (person,) = find_people(body)
    assert person.name == "Vladimir Ostrov"  # the more frequent spelling
    assert person.count == 3
    assert set(person.variants) == {"Vladimer Ostrov", "Vladimir Ostrov"}


def test_different_first_names_are_never_merged():
    body = "Mira Solberg and Mara Solberg met Joel Solberg. Dana Reyes and Dara Reyes did not."
    assert names(body) == ["Mira Solberg", "Mara Solberg", "Joel Solberg", "Dana Reyes", "Dara Reyes"]


def test_same_surname_back_reference_goes_to_latest_full_name():
    body = "Mira Solberg spoke first. Then Joel Solberg stood up. Solberg was brief."
    people = {p.name: p.count for p in find_people(body)}
    assert people == {"Mira Solberg": 1, "Joel Solberg": 2}


def test_promotional_lines_are_not_people():
    body = "Everything You Need To Know!\n\nSubscribe For More Local Stories!\n\nAna Ruiz spoke."
    assert names(body) == ["Ana Ruiz"]


def test_titled_single_name_is_a_person_but_bare_capitalised_words_are_not():
    body = "Coach Brandt was furious. Ostland lost. Russia won."
    people = find_people(body)
    assert [(p.name, p.role) for p in people] == [("Brandt", "Coach")]


def test_two_particles_and_particle_led_back_references():
    body = "Judge Oriel van der Haegen heard the case. Marisol de la Fuente testified. Later, Van der Haegen adjourned."
    people = {p.name: p.count for p in find_people(body)}
    assert people == {"Oriel van der Haegen": 2, "Marisol de la Fuente": 1}


def test_chief_executive_is_a_role():
    body = "Chief Executive Odile Farrant spoke first."
    assert {p.name: p.role for p in find_people(body)} == {"Odile Farrant": "Chief Executive"}


def test_named_things_and_places_are_not_people():
    body = (
        "Walkers were rescued off Brackle Fell. The schooner Mirabel Tusk sank near Cape Orrow, and the "
        "charity Lantern Ahead paid for a supplier called Quist Ferrand. Dame Pellucid, a six-year-old mare "
        "trained by Ilse Moravec, won. Orwin Baptiste, a crew member on the schooner, said little. "
        "Tolland Vey, which opened in 1990, closed."
    )
    assert names(body) == ["Ilse Moravec", "Orwin Baptiste"]


def test_possessive_inside_a_run_ends_the_name():
    body = "Ana Ruiz’s Elmvale Bakery opened. Lady Wren’s Folly, a horse, ran."
    assert names(body) == ["Ana Ruiz"]


def test_sentence_initial_surname_ending_like_a_verb_is_a_back_reference():
    body = "Niall Dowling runs the allotments.\n\nDowling said she would stay. Speaking later, Dowling left."
    (person,) = find_people(body)
    assert (person.name, person.count) == ("Niall Dowling", 3)


def test_family_name_first_before_a_hyphenated_given_name():
    body = "Park Ji-woon of Ostvale Securities and Hill Dae-sung spoke; Central Park stayed closed."
    assert names(body) == ["Park Ji-woon", "Hill Dae-sung"]


def test_role_nouns_that_are_no_common_title_are_role_not_name():
    body = (
        "Quarry Lane Lockkeeper Brannagh Tuolumne opened the gates. Deputy Quartermaster Idris Fallowby "
        "counted the stores, and Mossgate Coroner Petronel Asquith-Rudd opened the inquest. "
        "Oliver James Hartwell and Ana Peter Hale watched."
    )
    assert {p.name: p.role for p in find_people(body)} == {
        "Brannagh Tuolumne": "Quarry Lane Lockkeeper",
        "Idris Fallowby": "Deputy Quartermaster",
        "Petronel Asquith-Rudd": "Mossgate Coroner",
        "Oliver James Hartwell": "",  # a given name in -er first is no role
        "Ana Peter Hale": "",  # nor one with a single word after it
    }


def test_places_listed_after_settlement_nouns_are_not_people():
    body = (
        "Flood water reached the hamlets of Upwick, Sorrel Dean and Marrow Tye on Sunday, and the town of "
        "Ebbing Cray lost power. Farmer Willa Trask, 61, moved her sheep."
    )
    assert names(body) == ["Willa Trask"]


def test_teams_beaten_played_or_used_as_modifiers_are_not_people():
    body = (
        "Fenby Athletic sealed a 3–0 win over Holt Rannoch, a week after the draw with Corbel Down. "
        "Ossie Kamara, 22, who signed for Pellow Marsh in May, headed in a corner past a Holt Rannoch "
        "defender. Coach Rhian Abernethy said the Corbel Down supporters had been loud."
    )
    assert names(body) == ["Ossie Kamara", "Rhian Abernethy"]


def test_parties_before_organisation_nouns_are_not_people():
    body = (
        "The opposition Lantern Union party walked out. Lantern Union leader Sefa Mortensen-Ode said the vote "
        "was rigged, and an Amber Coalition spokesperson agreed."
    )
    assert names(body) == ["Sefa Mortensen-Ode"]


def test_titles_of_works_things_after_their_noun_and_firms_are_not_people():
    body = (
        "In her memoir, “A Bright Cold Shore,” Dr. Ilse Varnum recalled the voyage aboard the ketch Lady "
        "Marwen. Later Lady Marwen sank. Her results appeared in the journal Coastal Sediment Letters. "
        "Dovetail Brothers, the printer, and Quillon Signals, founded in 1990 by Marek Oduya, said they "
        "would reprint it."
    )
    assert names(body) == ["Ilse Varnum", "Marek Oduya"]


def test_capitalised_particle_surnames_refer_back_and_local_mp_is_a_role():
    body = (
        "Skipper Rozenn Le Bihan won. Le Bihan, 39, was delighted. Local MP Dafydd Orrell and "
        "captain Will Ashdown-Pryce joined her; Ashdown-Pryce kept the cup."
    )
    people = {p.name: (p.role, p.count) for p in find_people(body)}
    assert people == {
        "Rozenn Le Bihan": ("Skipper", 2),
        "Dafydd Orrell": ("MP", 1),
        "Will Ashdown-Pryce": ("captain", 2),
    }  # a lower-case role before the name counts too


def test_a_relative_named_in_passing_does_not_take_the_bare_surname():
    body = (
        "Tamsin Okonjo, 17, won the junior title. In the stands was her father, Ade Okonjo, who drove her "
        "to every race. Okonjo will defend the title next year."
    )
    people = {p.name: p.count for p in find_people(body)}
    assert people == {"Tamsin Okonjo": 2, "Ade Okonjo": 1}


def test_a_role_noun_opening_a_sentence_is_no_given_name():
    body = (
        "Ferrygate pool reopened. Lifeguard Orla Penhaligon, 20, was on duty. Co-founder Emrys Tallow-Vane "
        "cut the ribbon.\n\n10:15 — Reader Bette Quarrie-Lund sent a photo. Wing Tevita Ashcombe scored twice. "
        "Nia Grace Hollin and Nguyen Thi Mai watched."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {
        "Orla Penhaligon": "Lifeguard",
        "Emrys Tallow-Vane": "Co-founder",
        "Bette Quarrie-Lund": "Reader",
        "Tevita Ashcombe": "Wing",
        "Nia Grace Hollin": "",
        "Nguyen Thi Mai": "",
    }


def test_particle_surnames_after_a_given_name_in_ing_and_departments_before_a_comma():
    body = (
        "Eithling Nic Ailpín won the sprint. Later Nic Ailpín said she was tired. Seoirse Mac Fhlannchaidh "
        "came second; Mac Fhlannchaidh, 30, was pleased.\n\n"
        "The Minister for Inland Waterways, Tove Randall-Ashe, told reporters. Minister for Rural Transit "
        "Oskar Lemm agreed, and the Rev Amos Thornbury-Kell blessed the boats."
    )
    people = {p.name: p.count for p in find_people(body)}
    assert people == {
        "Eithling Nic Ailpín": 2,
        "Seoirse Mac Fhlannchaidh": 2,
        "Tove Randall-Ashe": 1,
        "Oskar Lemm": 1,
        "Amos Thornbury-Kell": 1,
    }


def test_team_short_names_route_places_thing_appositives_and_ports_are_not_people():
    body = (
        "Harrow Dene beat the league leaders 3–1. Dene head coach Marit Oyelaran was delighted, and Dene’s "
        "Kofi Amberley-Stott scored twice. One of my team, Ruth Pell, said so.\n\n"
        "Jonna Vasquez-Reid attacked on the climb of Cullen Rigg, then on the stage to Marrow Knock. "
        "Her team, Fenn Halloway, had planned otherwise.\n\n"
        "In the fishing port of Skarra Voe, Brannock Group, the shipping group, laid off staff."
    )
    assert names(body) == ["Marit Oyelaran", "Kofi Amberley-Stott", "Ruth Pell", "Jonna Vasquez-Reid"]


def test_a_noun_before_a_parenthetical_attribution_or_an_opening_phrase_is_no_role():
    # "The levy, X warned, was …" once gave X the role "levy"; "In the women's race, X won" the role "women's race".
    body = (
        "The levy, Halvor Strandquist warned, was “a penalty on anyone who lives out here”.\n\n"
        "The timetable, Brynja Oddmark said, was “written by somebody who has never taken the ferry”.\n\n"
        "In the women's race, Sunniva Krog won by a minute. The harbourmaster, Aksel Brevik, watched.\n\n"
        "As the only vet on the island, Liv Tornquist has seen every kind of animal."
    )
    assert {p.name: p.role for p in find_people(body)} == {
        "Halvor Strandquist": "",
        "Brynja Oddmark": "",
        "Sunniva Krog": "",
        "Aksel Brevik": "harbourmaster",
        "Liv Tornquist": "only vet on the island",
    }


def test_lower_case_occupations_before_a_name_are_roles():
    body = (
        "The village school hired teacher Ansgar Lidvall in May. Then biologist Tilde Ormsby counted the gulls, "
        "while farmer Jorund Haavik and librarian Clemence Aubrac watched.\n\n"
        "Board member Sigrun Fallet voted against it. Former deputy mayor Oskar Brattli did not. "
        "Ferry director Maud Elvestad said little, and Ansgar Lidvall said nothing."
    )
    assert {p.name: p.role for p in find_people(body)} == {
        "Ansgar Lidvall": "teacher",
        "Tilde Ormsby": "biologist",
        "Jorund Haavik": "farmer",
        "Clemence Aubrac": "librarian",
        "Sigrun Fallet": "Board member",
        "Oskar Brattli": "Former deputy mayor",
        "Maud Elvestad": "Ferry director",
    }


def test_a_place_opening_a_sentence_and_a_party_winning_seats_are_not_people():
    body = (
        "In Brackwater Fen, where some cottages still flood every spring, residents were unsurprised. "
        "At Kestle Brae, the ferry was late. From Ossery Sound, the lifeboat crew sent word. "
        "Near Haldon Moss, Ivo Stennet keeps bees.\n\n"
        "Blue Meridian held the capital and won control of the port city of Tarrowby. "
        "Silver Thread won 14 seats, and Common Ground lost seven seats. Mirela Vantage, its leader, "
        "said the result was “a beginning”."
    )
    assert names(body) == ["Ivo Stennet", "Mirela Vantage"]


def test_a_person_opening_a_sentence_with_a_comma_after_a_preposition_is_still_one_when_they_speak():
    body = (
        "In Tamsin Orloff, the club has found a captain. Tamsin Orloff said she was ready. "
        "Oren Haskel lost control of the boat, then took the helm again."
    )
    assert names(body) == ["Tamsin Orloff", "Oren Haskel"]


def test_organisation_and_place_name_endings_are_not_people():
    body = (
        "Brackwater Ferries cancelled every sailing across Kessary Sound. Norland Bakeries sent bread, Halvik "
        "Transport sent buses and Skerry Air flew in a part for the Tollan Rock terminal near Pollard Heath. "
        "Gannet Link said it would help. Seamus Link, 70, a retired harbourmaster, was not surprised."
    )
    assert names(body) == ["Seamus Link"]


def test_taking_their_seats_is_what_people_do_and_a_verb_like_occupation_after_will_or_to_is_no_role():
    body = (
        "The new councillors Ana Ruiz and Tom Berg took their seats on Monday. Berg will coach Lena Holm "
        "next season and asked Mara Quist to chair the committee."
    )
    people = {p.name: p.role for p in find_people(body)}
    assert people == {"Ana Ruiz": "", "Tom Berg": "", "Lena Holm": "", "Mara Quist": ""}
    assert names("Green Forward won 12 seats in the election.") == []  # a party's seats


def test_an_adverb_between_will_and_a_verb_like_occupation_keeps_it_a_verb():
    body = "Tom Berg will again coach Lena Holm next season, and Mara Quist will also chair Ivo Tamm's committee."
    assert {p.name: p.role for p in find_people(body)} == {
        "Tom Berg": "",
        "Lena Holm": "",
        "Mara Quist": "",
        "Ivo Tamm": "",
    }


def test_only_seats_of_a_vote_make_an_organisation_and_a_persons_seats_do_not():
    body = (
        "Two newcomers joined the council on Monday. Mara Quist and Ivo Tamm took up their seats after the oath. "
        "Jon Amsel holds seats on three charity boards. Ida Brack won two seats for the cup final in a raffle."
    )
    assert names(body) == ["Mara Quist", "Ivo Tamm", "Jon Amsel", "Ida Brack"]
    assert names("Green Forward won two more seats on the council.") == []
    assert names("Green Forward held its seats in the assembly.") == []


def test_surnames_that_end_place_and_company_names_are_people_with_evidence():
    body = (
        "Dr Ines Strait, 45, a lecturer in Tolby, said she would stand. Piet Sound, 52, said he ran the "
        "chandlery. Ola Transport, 38, a haulier, backed the plan.\n\n"
        "Agnes Rock has lived in Dunmore all her life. Rock, a retired teacher, runs the choir. "
        "“Nobody misses a week,” said Rock."
    )
    assert names(body) == ["Ines Strait", "Piet Sound", "Ola Transport", "Agnes Rock"]
    assert names(
        "Flights were cancelled. A spokesman for Skerry Air said he expected services to resume. "
        "Orla Brennick was travelling to a funeral."
    ) == ["Orla Brennick"]
    assert names("Orla Brennick was travelling to a funeral. Skerry Air told her the next seat was on Wednesday.") == [
        "Orla Brennick"
    ]


def test_treasurer_is_a_title_and_a_clerk_a_role():
    people = {
        p.name: p.role
        for p in find_people("Treasurer Bram Ostrow presented the budget. Parish clerk Tomas Reyl took the minutes.")
    }
    assert people == {"Bram Ostrow": "Treasurer", "Tomas Reyl": "Parish clerk"}


def test_each_pass_of_the_people_finder_runs_alone():
    """Issue 13.3: the finder is four named passes, each callable on its own: find the name mentions, drop the
    places and things, resolve the rest to people, keep the people with evidence (and say which)."""
    from articles.ingest import people as passes

    text = (
        "Ana Ruiz sailed to Tollan Rock on the ferry Lady Grisel. Ruiz said the crossing was calm. "
        "Later Zorvan Whitaker waved from the quay, and Corvane Sachs, which runs the port, sent a boat."
    )
    cands, place_words, eponyms = passes._find_mentions(text, [], "")
    assert [c.tokens for c in cands] == [
        ("Ana", "Ruiz"),
        ("Tollan", "Rock"),
        ("Grisel",),
        ("Ruiz",),
        ("Zorvan", "Whitaker"),
        ("Corvane", "Sachs"),
    ]
    cands = passes._classify_mentions(text, cands, place_words, eponyms, "")
    assert [c.tokens for c in cands] == [("Ana", "Ruiz"), ("Ruiz",), ("Zorvan", "Whitaker")]
    people, cands = passes._resolve_people(text, cands, "")
    assert [p.tokens for p in people] == [("Ana", "Ruiz"), ("Zorvan", "Whitaker")]
    assert [c.person for c in cands] == [0, 0, 1]
    assert passes._confirm_english(text, people, cands) == {
        0: "full name, given name known",
        1: "full name, surname known",
    }
