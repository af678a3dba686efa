"""The words the quotation extractor reads (issue 13.3): quotation marks per convention, reporting verbs,
the words that open clauses and descriptions, gender words, and the heads of person and organisation phrases.
Data only, no logic: the quotation passes (quote_state, quote_spans, pronouns, speakers) build their regular
expressions and tests from these, and a new word goes here, with a test on a fictional sentence that needed it.

The people extractor's own words (titles and roles, organisation and place words) are in people_words, and are
read from there (ROLE_WORDS); other languages' reporting verbs, pronouns and determiners are in language_rules.
Note GROUP_WORDS here (plural nouns that open a sentence as its subject, "Aides said") is not
people_words.GROUP_WORDS (groups that never are a name's word, "Reagan Democrats").
"""

from __future__ import annotations

from dataclasses import dataclass

from .people_words import ROLE_WORDS, TITLE_SURNAMES  # noqa: F401 (TITLE_SURNAMES: speakers.py reads it here)

# --- Quotation marks: the conventions an article may use, per language (see quote_spans._convention).


@dataclass(frozen=True)
class QuoteConvention:
    """One way of marking quotations: the characters that open and close them. An article is read with
    one convention (see _convention): quotations nested in it with other marks stay inside its text."""

    name: str
    opening: str
    closing: str
    # Opening or closing judged by the characters around a mark, not its shape: straight marks have
    # none, and copy-editing often turns curly ones the wrong way (see _paragraph_spans, _single_spans).
    by_context: bool = False

    @property
    def marks(self) -> str:
        return "".join(dict.fromkeys(self.opening + self.closing))


DOUBLE = QuoteConvention("double", '“„"', '”“"', by_context=True)  # “…” and "…"; German „…“

SINGLE = QuoteConvention("single", "‘‚'", "’‘'", by_context=True)  # UK ‘…’ (nested “…”); German ‚…‘

QUOTE_CONVENTIONS = (
    DOUBLE,
    SINGLE,
    QuoteConvention("guillemets", "«", "»"),  # French « … » (inner spaces or not), Swiss «…»
    QuoteConvention("reversed guillemets", "»", "«"),  # German and Danish »…«
    QuoteConvention("single guillemets", "‹", "›"),
    QuoteConvention("reversed single guillemets", "›", "‹"),
    QuoteConvention("corner brackets", "「", "」"),  # Japanese, traditional Chinese
    QuoteConvention("white corner brackets", "『", "』"),  # the same, nested or alone
)


# --- Reporting verbs (English; other languages' are in language_rules) and the words around them.

# The plural's present, as "say" ("“…,” Lorne and Varrick write in their e-book", "his lawyers maintain that …"):
# verbs that are rarely nouns. Reporting verbs, but not after "to" or a modal: "while trying to explain", "would like
# Trump to further explain" (speakers._attributions).
PLURAL_PRESENTS = frozenset(
    "write argue insist maintain contend warn explain predict complain admit acknowledge concede".split()
)
REPORTING_VERBS = (
    "said says say added adds told tells insisted insists warned warns noted notes explained explains "
    "argued argues stressed stresses asked asks replied replies wrote writes continued continues declared "
    "claimed claims announced stated remarked recalled recalls admitted admits acknowledged conceded "
    "confirmed emphasised emphasized observed commented responded answered shouted yelled whispered "
    "suggested predicted promised vowed urged pleaded complained joked laughed cautioned concluded agreed "
    "countered objected maintained contended tweeted posted reiterated boasted lamented quipped mused "
    "recounted testified exclaimed wondered called described describes "
    # the livelier verbs of real news ("“Go back,” Ruiz barked", "scoffed Ana Gil")
    "barked scoffed beamed proclaimed echoed snapped retorted boomed fumed griped chimed interjected asserted "
    "charged touted bragged confided cried screamed demanded reasoned opined retaliated reported reports "
    # present tense, as profiles and AP write it ("Ruiz declares"), and pledges and assurances
    "declares announces acknowledges concedes confirms emphasizes emphasises observes responds suggests predicts "
    "vows urges pleads complains cautions concludes agrees maintains contends reiterates boasts laments quips "
    "muses recounts testifies exclaims wonders assured assures pledged pledges "
    # a memory told to the reporter ("“…,” remembers Ana Gil, with a laugh"); its present tense is no noun, and a
    # quotation is its object only when it reports words
    "remembers "
    # what a document, a sign or an advertisement says ("the statement reads", "the ad declares"), and what a
    # report advises ("“…,” it recommended.")
    "reads recommended recommends "
    # a crowd's chant ("“…!” the crowd chanted"); not "chants" nor "states", more often nouns ("that states can
    # pass such laws because “…”"), nor "remembered", whose object is mostly no quotation ("Colleagues remembered a
    # demanding leader.")
    "chanted "
    # a question pressed ("“…?” Ruiz pressed.", "“…?” Gale questioned.")
    "pressed questioned "
    # an appeal ("Talm implores his readers “to …”")
    "implored implores"
).split() + sorted(PLURAL_PRESENTS)
# Reporting verbs of several words ("Ruiz pointed out", "as Gale put it, “…”": the words of "put it" stand after
# the subject like a verb's).
REPORTING_PHRASES = [
    "pointed out",
    "went on",
    "shot back",
    "fired back",
    "put it",
    "puts it",
    "weighed in",
    "chimed in",
]

# Participles that report speech in a clause hung on the main one after a comma ("The board shrugged off the
# promise, telling reporters, “…”"): the main clause's subject speaks (speakers._main_clause_subject).
PARTICIPLE_REPORTING_VERBS = (
    "saying telling adding arguing warning noting writing declaring explaining insisting stating claiming "
    "asserting advising urging charging tweeting recalling complaining joking vowing promising predicting "
    "suggesting stressing acknowledging conceding replying responding answering admitting asking"
).split()
# Words that end a subject noun phrase before its verb when they follow it in lower case ("Rubio's campaign sent
# …", "The report includes …"), besides any word ending in -ed (speakers._main_clause_subject).
SUBJECT_VERB_WORDS = frozenset(
    """has have had is was are were will would could can may might did does do sent told took made gave put
went came began spoke wrote said says includes include requires require shows show"""
    # present tenses of a plural or a group ("his friends make jokes about …", "Lobbyists describe it as …")
    """ make makes describe describes call calls want wants see sees ask asks get gets""".split()
)

# Reporting verbs whose object is the person spoken to ("Gale, the mayor, told Ruiz."): after a comma, the name
# after one of these is no inverted subject (speakers._inverted_after_comma), as one after "said" is ("…, said Ruiz").
PERSON_OBJECT_VERBS = frozenset(
    """told tells asked asks warned warns urged urges called calls described promised assured assures answered
reminded reminds thanked pleaded""".split()
)

# Past tenses not ending in -ed, after a subject whose verb a coordinated reporting verb shares ("she shook her head
# and said"; speakers._coordinated_subject), and the prepositions that make a name before a verb its object instead
# ("… voted for Ruiz over Gale and said": Gale is no subject).
IRREGULAR_PASTS = frozenset(
    """said told took made gave went came left sat stood wrote spoke met ran held got saw knew thought felt kept brought
began shook drew threw broke chose fought found heard led lost paid put read rose sent set sang stuck struck swore
taught tore understood woke won withdrew""".split()
)
OBJECT_PREPOSITIONS = frozenset("to with over for of about at by from on in against than under like into onto".split())
# Lower-case words opening a comma-separated segment that is a parenthetical about the subject, so a name inside it is
# an object ("Ana Ruiz, asked about Gale, said"; any -ing word too: "Ruiz, playing Gale on stage, said").
# What outlets do, not people: a one-word name that no list knows as a given name or a surname, written next to one
# of these ("Tidewire reported"), names a newspaper, a site or a broadcaster.
OUTLET_VERBS = frozenset("reported reports reporting".split())
# A capital inside a name's word after these is a person's ("McAllister", "DeWitt", "LaRue"); after other letters
# ("PortLinq", "HarbourNet") or after an acronym ("KXTide") it is a brand's.
NAME_CAMEL_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St")
# The roles a title (mostly an abbreviation) stands for: "Gov. Drobny" is "the governor" later in the article, "Const.
# Ruiz" (a Canadian police constable; the RCMP writes "Cst.") "the constable", "Coun. Ruiz" "the councillor", a court's
# "Justice Ruiz" "the judge" (a department's "Minister of Justice" is none: see pronouns._last_with_role).
TITLE_ROLE_NAMES = {
    "gov": ("governor",),
    "sen": ("senator",),
    "rep": ("representative",),
    "gen": ("general",),
    "lt": ("lieutenant",),
    "sec": ("secretary",),
    "supt": ("superintendent", "officer"),
    "atty": ("attorney",),
    "amb": ("ambassador",),
    "det": ("detective", "officer"),
    "sgt": ("sergeant", "officer"),
    "cpl": ("corporal", "officer"),
    "const": ("constable", "officer"),
    "cst": ("constable", "officer"),
    "insp": ("inspector", "officer"),
    "coun": ("councillor", "councilor"),
    "cllr": ("councillor", "councilor"),
    "ald": ("alderman", "alderwoman"),
    "prof": ("professor",),
    "capt": ("captain",),
    "col": ("colonel",),
    "adm": ("admiral",),
    "cmdr": ("commander",),
    "dr": ("doctor",),
    "justice": ("judge",),  # "Superior Court Justice X" is "the judge"
    # a police rank written out is "the officer" too ("Const. X" … "the officer said"), and a CEO "the executive"
    "constable": ("officer",),
    "sergeant": ("officer",),
    "corporal": ("officer",),
    "detective": ("officer",),
    "inspector": ("officer",),
    "superintendent": ("officer",),
    "trooper": ("officer",),
    "ceo": ("executive",),
}
# The words above that any of several roles are called, only after a capitalised rank ("Const.", "Sergeant"), not a
# lower-case role ("fire inspector" is no "officer").
GENERIC_ROLE_NAMES = frozenset({"officer", "executive"})
PARENTHETICAL_PARTICIPLES = frozenset(
    "asked pressed questioned reached contacted interviewed joined chaired led accompanied flanked backed".split()
)
# -ing words that are prepositions, not parentheticals: "…, according to Ruiz, who described it as …".
ING_PREPOSITIONS = frozenset("according during including regarding concerning following excluding".split())

# Last words of a phrase of time opening a sentence ("A few weeks later, …", "The next morning, …"): no subject
# (speakers._main_clause_subject); nor is a contraction ending in 's ("That's because …") a possessive.
TIME_WORDS = frozenset("later earlier ago afterwards then year week month day night morning evening weekend".split())
CONTRACTIONS = frozenset("that's it's there's here's what's who's he's she's let's where's".split())
# A he/she right before a reporting verb is its subject, even after a name in the same segment ("… wrote to Caldwell
# every week, although she laughed and said"); after a subordinator or these, a pronoun is no main clause's subject.
SUBJECT_PRONOUNS = frozenset({"he", "she", "He", "She"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})

# A phrase can only lose tail words if it ends with one of these (a cheap test before the regex).
TAIL_ENDINGS = (
    "also",
    "later",
    "then",
    "again",
    "once",
    "further",
    "earlier",
    "previously",
    "recently",
    "has",
    "had",
    "have",
    "just",
    "always",
    "never",
    "often",
    "usually",
    "instead",
    "was",
    "is",
    "will",
    "would",
    "to",
    "ly",
)

# After an inverted verb ("said the ministry in a statement") the subject stops at these words
# (quote_state.POST_STOP_RE).
POST_STOP_WORDS = """in on at after during while to when as from before with who that of
last this yesterday today outside inside""".split()
# A noun phrase's determiners: "the", "a", "several", "his" (quote_state.DETERMINER_RE).
DETERMINERS = "the a an one another two three several some many its his her their our my".split()
# News shorthand for the person just named, after "the": "said the teenager" (quote_state.EPITHET_RE; and
# "the 20-year-old").
EPITHET_NOUNS = "teenager teen youngster schoolboy schoolgirl debutant rookie".split()
# A relative clause after a name that gives a role by its verb: "Ravi Tamsin, who owns the bakery," is "the owner"
# later (pronouns._introduced_with reads "who owns" as a place of the noun).
AGENT_VERBS = {
    "owner": ("owns", "co-owns"),
    "founder": ("founded", "co-founded"),
    "manager": ("manages",),
    "coach": ("coaches",),
    "director": ("directs",),
    "teacher": ("teaches",),
    "chair": ("chairs",),
}
AGENT_NOUNS = {verb: noun for noun, verbs in AGENT_VERBS.items() for verb in verbs}
# Roles news writes as their initials once the person is introduced in full: "Prime Minister X" … "the PM said",
# "X, the chief executive of …" … "the CEO said" (pronouns._abbreviated_role).
ROLE_INITIALS = {
    "pm": "prime minister",
    "ceo": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "gm": "general manager",
    "ag": "attorney general",
    "da": "district attorney",
}
# "said the mother of two", "the father of three": a parent by the number of children, the person just named.
PARENT_EPITHET = (
    r"(?:mother|father|mom|mum|dad|grandmother|grandfather)\s+of\s+"
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)"
)

# Before a reporting verb (speakers._speaker_from_segment): a coordinator alone is no subject ("… said X, and called
# the plan …": the subject is the clause's before it); "it" is an organisation, "they", "we" a group or one, and
# "I" names no one here (an interview's answer may: interviews._answer_speaker); a segment opening with the last
# list is a parenthetical ("who chairs the board").
LONE_COORDINATORS = frozenset({"and", "but", "or", "then"})
NONPERSON_PRONOUNS = frozenset({"it", "they", "we", "i"})
PARENTHETICAL_OPENERS = frozenset({"you", "who", "which", "whose", "where", "when", "in"})

COORDINATING_ENDINGS = (" and", " and then", " but", " then")

# Works and slogans: the noun (or verb) right before a capitalised quotation makes it a title
# (quote_state.TITLE_CUE_RE).
TITLE_CUE_WORDS = [
    w.replace("_", " ")  # ("known_as": one cue of two words)
    for w in """titled entitled headlined named dubbed nicknamed called known_as so-called book
novel film movie documentary song album play poem series show programme program
podcast newsletter blog column petition operation campaign slogan motto banner
exhibition symphony opera piece painting essay hashtag initiative
motion bill scheme""".split()
]
# The last word of every cue: TITLE_CUE_RE can only match text ending (before non-word characters) with one of
# them, a cheap test to run first ("known as" -> "as", "so-called" -> "called").
TITLE_CUE_LAST_WORDS = frozenset(w.replace("-", " ").split()[-1] for w in TITLE_CUE_WORDS)

# What a name's owner form ends with: "Wendell’s lead".
POSSESSIVE_ENDINGS = ("’s", "'s")
POSSESSIVE_CLAUSE_VERBS = frozenset("said says added adds argued argues insisted insists explained explains".split())


# --- Gender words: what the text itself says of a person (pronouns._person_genders, pronoun resolution).

# Gender, only where the text states it: a title ("Mr", "Dame") or a kinship word ("his wife, …").
FEMALE_WORDS = frozenset(
    """she her mrs ms miss dame lady queen princess sister wife daughter mother granddaughter
grandmother aunt niece widow girlfriend fiancée spokeswoman chairwoman businesswoman congresswoman actress mom mum
grandma woman girl""".split()
)

MALE_WORDS = frozenset(
    """he him mr sir lord king prince brother husband son father grandson grandfather uncle nephew
widower boyfriend fiancé spokesman chairman businessman congressman actor dad grandpa man boy""".split()
)

# "her" before these (or before punctuation) is an object, maybe of someone else: "Loftus thanked her".
HER_OBJECT_NEXT = frozenset(
    "to and at for in on with that the a an as from by about into after before when because but or again back up "
    "out down off over once twice his her their its my our your".split()
)


# --- Clause and sentence structure: words that open a clause, an introduction or a description.

# Words that open a new clause whose subject a following he/she is ("Ostrow sued and he won", "… after she
# left"); after a reporting verb ("said she had not asked") the pronoun may be anyone.
CLAUSE_OPENERS = frozenset(
    "and but after when because before while until since so then although though once as if yet".split()
)

# Words opening a subordinate clause: its subject is not the sentence's ("Ever since she endorsed …, Ms. Warren has").
SUBORDINATORS = frozenset("since when after before because although though while if as once until whether that".split())
# Those that open a sentence's subordinate clause before its main one ("When Olde asked …, Brandt said").
OPENING_SUBORDINATORS = SUBORDINATORS - {"that", "whether"}

SENTENCE_CONNECTIVES = frozenset("but and yet still so now meanwhile however also then".split())

# First words of an introductory adverbial phrase ("Just last week, …", "In a statement, …", "Asked about it, …"),
# not of a subject ("Proposals from the front-runner, Ana Ruiz, …" is the subject and its apposition).
INTRODUCTION_OPENERS = frozenset(
    """just last earlier later in on at after before during since following speaking asked when while for by with
from according meanwhile separately yesterday today"""
    # a subordinate clause before the main one ("As if addressing the mayor directly, the board was firm: “…”")
    """ as if although though because once unlike despite amid"""
    # a sentence adverb and its comma ("Instead, the council's statement talked about …"; any "-ly," too:
    # speakers._main_clause_subject)
    """ instead still however indeed finally again also moreover nevertheless nonetheless similarly likewise
overall""".split()
)

# Words that open a description of someone rather than name them: "an aide to …", "who advised …".
DESCRIPTION_OPENERS = frozenset("a an the his her their its one who whom whose which that now also".split())

DETERMINER_OPENERS = frozenset("the a an one another his her their its our".split())

# Prepositions whose object, after a description's head noun, is somebody else: "an aide to Ruiz", "the wife of".
DESCRIPTION_PREPOSITIONS = frozenset("to of for with at under from".split())

# Capitalised words that may open a sentence before its subject "I" ("Then I stood on a sack and said, …").
SENTENCE_OPENERS_BEFORE_I = frozenset("Then So And But Now Later Once".split())


# --- Speakers: roles, titles, heads of person and organisation phrases, groups (quotes.speaker_kind, _written_name).

# Lower-case words of a role written before a name, besides titles ("Republican presidential nominee Donald Trump",
# "campaign strategist Ana Ruiz").
ROLE_DESCRIPTORS = frozenset(
    """presidential vice-presidential gubernatorial senatorial mayoral nominee candidate hopeful front-runner
frontrunner
strategist adviser advisor aide spokesman spokeswoman spokesperson consultant pollster lawmaker activist campaign
former then-candidate""".split()
)

ROLE_CONNECTORS = frozenset({"of", "for"})

# Nouns a name can qualify, written right after it: "Clinton supporters said", "one Clinton spokesman said", "the
# Trump campaign said". The noun is the speaker, not the person named.
QUALIFIED_NOUNS = frozenset(
    """supporters backers allies aides aide advisers adviser advisors advisor spokesman spokeswoman spokesperson
campaign ad ads staff staffers staffer officials official loyalists surrogates surrogate associates confidant
confidants family administration team voters fans critics donors lawyers lawyer attorneys attorney""".split()
)

# Nouns naming an organisation, written in lower case or in a name ("the ministry", "the Trump campaign").
ORGANISATION_HEADS = frozenset(
    """ministry department government administration agency company firm corporation council committee commission
campaign party office court police union bank university college school hospital board authority authorities
organisation organization group association foundation institute federation league club network newspaper
magazine channel broadcaster outlet embassy army navy military parliament senate congress assembly cabinet
secretariat regulator watchdog prosecutors team coalition caucus movement alliance bureau center centre
charity trust fund publisher studio airline automaker carmaker retailer insurer lender manufacturer""".split()
)

# Texts whose words are their author's: "according to a statement from X", "an email by X" (X speaks).
AUTHORED_HEADS = frozenset("statement letter email e-mail memo message tweet post note".split())
# Nouns naming a text, not a person ("the report stated", "the ad says"): never the role of a person the article
# named (pronouns._role_reference).
DOCUMENT_HEADS = frozenset(
    """report statement letter memo memorandum document ad advertisement email release study survey poll editorial
filing complaint lawsuit bill website tweet video sign message transcript analysis review ruling order declaration
agreement treaty resolution platform constitution""".split()
)
# What such a text does to the words it gives ("the study found “…”", "the declaration mentions the “…”").
DOCUMENT_VERBS = """found finds said says shows showed concluded concludes stated states noted notes read reads claimed
claims warned warns described describes called calls argued argues suggested suggests mentions mentioned includes
included lists listed contains contained requires required""".split()
# Of those, the texts whose words are nobody's in particular, with the press's own (speakers._attributions: "a story
# … which said"); an ad, a video, a statement or a letter gives its author's words (PolNeAR's annotators and the
# reader take "an ad that urges voters to “…”" as the candidate's).
REPORT_NOUNS = "story stories article headline piece column editorial report study survey poll analysis review".split()
# The rule of a quotation a text says (quotes.py, "the study found “…”"; speakers.py, "a story … which said “…”").
TEXT_WORDS_RULE = "no speaker: the words of a text"

# In a capitalised name only: outlets and institutions ("the Washington Post", "Fox News", "the White House").
NAMED_ORGANISATION_HEADS = ORGANISATION_HEADS | frozenset(
    "times post herald tribune journal news press gazette wire daily inc ltd llc plc corp co house pac".split()
)

# Nouns naming one person the article leaves unnamed ("a spokeswoman", "one driver", "the official"); titles and
# roles (people_words.TITLE_WORDS, through ROLE_WORDS) name one too.
PERSON_HEADS = frozenset(
    """spokeswoman spokesman spokesperson official aide adviser advisor lawyer attorney source man woman boy girl
witness neighbour neighbor friend relative supporter voter delegate candidate nominee lawmaker legislator strategist
consultant staffer insider employee worker member donor organiser organizer protester critic expert observer
pollster operative confidant host anchor reporter journalist commentator columnist blogger user""".split()
)

NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

# Words before a name that say what the person is, not who: titles and roles ("Sen.", "Mrs.", "former"), and party
# labels, capitalised or not.
NAME_PREFIX_WORDS = (ROLE_WORDS - {"the", "of", "for"}) | frozenset(
    "former late republican democrat democratic gop independent conservative liberal rival".split()
)

# Heads of a story's opening about somebody it names only in the next paragraph ("A Kelburn, B.C., woman says she
# waited 14 hours …", then "Anneliese Drummond, 71, fell …"; speakers._lede_subject): lay people, whom news introduces
# so. Officials, sources and spokespeople are left out: "a senior official says …" is usually nobody named later.
LEDE_HEADS = frozenset(
    """woman man girl boy teen teenager mother father mom mum dad grandmother grandfather grandma grandpa widow
widower student patient resident homeowner tenant driver farmer nurse senior survivor veteran parent retiree
entrepreneur athlete""".split()
)

# Groups that open a sentence capitalised ("Others said", "Aides said"): no one's name.
GROUP_WORDS = frozenset(
    """others aides officials critics supporters opponents residents voters analysts experts observers sources
democrats republicans conservatives liberals protesters demonstrators witnesses neighbors neighbours parents
students teachers workers members leaders organizers organisers police doctors lawyers scientists economists
investigators prosecutors authorities""".split()
)

APPOSITIVE_PERSON_NOUNS = (ROLE_WORDS - {"of", "for", "the", "state", "federal", "national", "city", "county"}) | (
    PERSON_HEADS - {"source", "user", "member", "team"}
)
