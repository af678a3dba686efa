"""The words the people extractor reads (issue 13.3): titles and roles, party and side words, organisation,
place and calendar words, groups, kinship, occupations, things named like people, and the endings that mark
roles and nationalities. Data only, no logic: people.py's pass modules (people_runs, people_kinds, ...) build
their regular expressions and tests from these sets, and a new word goes here, with a test on a fictional
sentence that needed it.

Maintained reference data (given names, places, surnames, nameparser's titles) is read by name_data; these
lists hold what no package gives: the news writing's own words.
"""

# Words that introduce a person as a title or role. They go into PersonMention.role, never the name.
TITLE_WORDS = frozenset(
    """
president vice secretary minister premier chancellor governor senator sen. representative rep.
congressman congresswoman committeeman committeewoman mayor councillor councilor alderman ambassador envoy judge justice
dr. dr doctor prof. prof professor rev revd mr. mr mrs. mrs ms. ms miss sir dame lord lady madam madame mx monsieur
mme mlle mp mep msp mla
king queen prince princess emperor pope cardinal bishop archbishop rabbi imam reverend rev. father
sister brother chief inspector detective sergeant sgt. constable officer superintendent commissioner
captain capt. lieutenant lt. colonel col. general gen. major admiral commander commodore marshal
coach manager director executive chairman chairwoman chair ceo cfo coo founder spokesman spokeswoman spokesperson
deputy acting interim assistant associate head leader speaker attorney prosecutor sheriff warden
dean principal headteacher headmaster headmistress chairperson editor correspondent treasurer
farmer author writer artist poet novelist composer singer musician actor actress chef baker nurse surgeon
physician scientist researcher economist analyst engineer architect lawyer teacher student pilot driver
skipper fisherman photographer historian activist volunteer resident owner entrepreneur businessman
businesswoman striker midfielder defender goalkeeper player runner cyclist rider veteran opposition
pastor chaplain deacon whip
tánaiste tanaiste taoiseach supervisor reeve mpp mna mha coun. const.
astronaut trustee critic defenceman defenseman goaltender goalie quarterback linebacker
assemblyman assemblywoman assemblymember councilman councilwoman councilmember alderwoman
del. ald. cllr supt. insp. cpl. amb. det. atty. cmdr. msgr. commr. brig. pres. cst.
ds dci dsi supt insp dj
undersecretary
""".split()
)

# A title with a hyphenated qualifier is still a title: "Governor-elect", "Minister-designate", "Ex-Governor",
# "Vice-Chancellor" (see _is_title).
TITLE_SUFFIXES = frozenset("elect designate general in-chief in-waiting".split())

# Prefixes a hyphen joins to a title ("Ex-Governor", "Vice-Chancellor").
TITLE_PREFIXES = frozenset("ex vice deputy co acting former under".split())

# Words that stand before a name as its party, side or standing ("Democrat Ana Ruiz", "Rival Tom Hale",
# "Presumptive Republican nominee …", "Former Governor …"): cut off into the role like a title, but no
# title themselves (a surname after one alone is no person: "Republican Hale" may be the party's), and
# never part of a name.
AFFILIATION_WORDS = frozenset(
    """
democrat democrats democratic republican republicans gop independent libertarian conservative liberal
progressive socialist communist tory labour rival fellow former presumptive incumbent billionaire nominee
candidate hopeful frontrunner front-runner challenger then late longtime long-time
""".split()
)

# Titles that are nobody's name: a capitalised run ending with one is a title without its holder ("Florida
# Senator", "Fox News Vice President"). Not "King", "Judge", "Major", "Bishop": surnames as well.
PURE_TITLES = frozenset(
    """
president presidential senator governor secretary minister congressman congresswoman chairman chairwoman
spokesman spokeswoman spokesperson premier chancellor ambassador commissioner vice
""".split()
)

# Titles that stand before a surname alone ("Mr. Pruzan", "Sen. Hale", "President Ruiz"): such a title founds a
# person by itself. A role ("Executive Order", "Teacher Retirement System") does not, nor does a party.
HONORIFICS = frozenset(
    """
mr mrs ms miss mx dr prof sir dame lord lady president senator governor mayor judge justice king queen prince
princess pope rev reverend father rabbi imam bishop cardinal archbishop minister secretary chancellor premier
ambassador general colonel captain sergeant lieutenant major admiral commander detective inspector constable
representative congressman congresswoman councillor councilor chairman chairwoman coach
assemblyman assemblywoman assemblymember councilman councilwoman councilmember alderman alderwoman
tánaiste tanaiste taoiseach
""".split()
)

# Letters after a name that say its holder's office, rank or honour ("Neil Tarrow QC", "Ana Ruiz MP", "Ciaran Dolmore
# TD", "Oren Blaylock OBE", "Mira Quist PhD"): no part of the name, which ends before them (people_runs._shape), as it
# does before a contraction. Written as here only (case kept): "Md", "Cm" are no such letters.
POST_NOMINALS = frozenset(
    """QC KC SC MP MPP MLA MNA MHA MSP MEP TD OBE MBE CBE KBE DBE GBE OC CM CH OM FRS FRSC PhD DPhil Esq Esq.
""".split()
)

# Endings of a word that says where or as what a person was born ("South Korean-born Ana Ruiz", "Elden-born"): the
# run up to it is the person's role, never the name, and only people are born.
BIRTH_ENDINGS = ("-born", "‑born")

# Abbreviated titles that are also US states' abbreviations: after a town and a comma ("Dover, Del.") the state.
STATE_TITLE_ABBREVIATIONS = frozenset({"Del."})

# Titles of several people, abbreviated ("Sens. Ana Ruiz and Tom Hale").
PLURAL_TITLE_ABBREVIATIONS = frozenset("sens reps govs drs profs".split())

# Short titles in nameparser's list that are also words, which end sentences ("… in St. Louis", "Olivia Pope.")
# or stand for other things ("U.S.", "H.R."), and full titles (TITLE_WORDS) that take no dot.
NOT_ABBREVIATIONS = frozenset(
    """
st her his me us uk law air tax risk rock most met mag pro wing host heir high film flag bard guru lama baba poet
army navy monk maid rear vice pd hr sn pope king lady lord miss dame chef aunt grand group right state staff
""".split()
)

# Capitalised words that may stand between a nationality and a title ("Foreign Minister",
# "Secretary of State", "Police Chief") and belong to the role, not the name.
ROLE_WORDS = TITLE_WORDS | frozenset(
    """
foreign defence defense interior home finance health education justice trade energy culture
transport environment labour labor economy treasury state affairs police fire general-secretary
prime first supreme federal national regional city county district executive managing
of for the
""".split()
)

# Tokens that make a capitalised run an organisation, outlet, place or date rather than a person.
NON_PERSON_WORDS = frozenset(
    """
council authority ministry department university college school academy institute news house party
club fc inc ltd llc plc corp corporation company co group bank agency office committee commission
association foundation trust fund hospital clinic court police service services times post herald
courier gazette tribune journal wire press radio tv television network union league federation
society museum library airport station church cathedral mosque temple centre center board alliance
army navy force forces guard brigade movement bureau administration government parliament senate
congress assembly cabinet republic kingdom empire state states nations united organisation
organization observatory laboratory lab labs systems technologies industries holdings partners
airlines railway railways media studio studios records festival games cup championship open
port street st road avenue lane square park bridge river city town village county district province
region island islands lake mount mountain mountains bay valley hills coast beach harbor harbour
sea ocean gulf falls springs heights north south east northern southern eastern western central
upper lower new fort hall tower gardens terminal market stadium arena castle quay wharf pier dock docks
brook bend row point trench canal parade rail railways airfield cottage coastguard
hotel motel inn mall drive crescent boulevard blvd ave rd hwy highway parkway expressway terrace
streets avenues roads boulevards highways
brewery distillery winery workers
ferries bakeries minerals voices straits weekend
research maritime securities equities chamber commerce rescue residents telecom ventures capital partners energy
technology tech mart olympics paralympics hostel hostels programme kitchens
communications
motors foods logistics shipping airways insurance electric power mining steel software digital
athletic rovers wanderers rangers albion marathon prize award awards trophy
brothers bros
comet asteroid storm hurricane operation vessel fire garden atoll
embassy act partnership project images review insider pictures chemical crossroads brotherhood front protocol
convention treaty amendment initiative doctrine coalition caucus pac pacs security politics pollster classics
war wars rights studies development system
music broadcasting international computer computers colleges universities corps mansion bowl grounds
organizations organisations
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december
""".split()
)

# "I" with a contraction, capitalised after a name that has no comma after it ("other than Jim Eastland I've
# presided"): never a name's word, the run's name ends before it (folded: "’" is "'").
CONTRACTIONS = frozenset("i've i'm i'd i'll".split())

# Words before a month that make it a date, not a given name: "In August Trump met", "at a June Trump rally", "since
# May" (people_runs._candidate; "April Mellody, a spokeswoman" has none).
DATE_WORDS = frozenset("in since until till by before after during last next this early late mid a an".split())

# Groups of people ("African Americans", "Reagan Democrats"): never a name's word, but no proof that the other
# words of the run name a place ("Reagan" stays Ronald Reagan's).
GROUP_WORDS = frozenset(
    """americans democrats republicans muslims christians latinos hispanics conservatives liberals evangelicals
catholics jews europeans asians africans arabs millennials boomers boomer xers scouts
catholic evangelical orthodox protestant anglican presbyterian methodist lutheran pentecostal""".split()
)

NON_PERSON_WORDS = NON_PERSON_WORDS | GROUP_WORDS

# Capitalised words that start sentences (or headings) but are never names.
COMMON_WORDS = frozenset(
    """
a an the this that these those there here then than and but or nor so yet for of in on at to by with
from into after before during since until while when where why how what who which whose whom if
as about over under between against without within across behind beyond near after although though
because once unless whether i we you he she it they me us him her them my our your his its their
mine ours yours theirs zero one two three four five six seven eight nine ten some many most more less
few several all any each every both either neither no not none nothing everything everyone everybody whatever
something someone somebody anything anyone another other such only just also even still already
however meanwhile instead otherwise indeed perhaps maybe yes please thanks thank last next first
second third new old good great big small early late today tomorrow yesterday tonight now never
always often sometimes is are was were be been being have has had do does did will would shall
should can could may might must said says say told asked added subscribe click sign follow read
share watch download join get see find learn need know more local stories q a breaking exclusive
update updated photo photos image video editor note dear later earlier afterwards soon finally together
again elsewhere nearby inside outside overall asked despite unlike like among amid whereas given oh go
""".split()
)

# Lower-case particles allowed inside names ("Bashar al Assad", "Jan van Dijk").
LOWER_PARTICLES = frozenset(
    "al el bin ibn bint abu ben de da di del della dela delos dos das du van von der den ter ten la le".split()
)
# Capitalised Irish and Scottish ones ("Ní Bhriain", "Mac Giolla Rua", "Ó Riada") too: they never stand for a
# person on their own, as a given name would.
PARTICLES = LOWER_PARTICLES | frozenset("ní nic ó mac ni o".split())  # "ni", "o": their folded forms

CONNECTORS = PARTICLES | {"of", "for"}

# Articles of other languages that open names of newspapers and groups ("El Universal", "Le Courrier Picard", "La
# Raza"): gender-guesser lists some as given names, which before them is no evidence of a person.
ARTICLE_WORDS = frozenset("el la le les los las il lo der die das".split())

# Particles that are given names too when capitalised before a capitalised word: "Ben Carson", "Al Franken".
GIVEN_PARTICLES = frozenset("al ben".split())

# A capitalised run right after "the" or one of these nouns names a thing: "the research vessel
# Aurora Vance", "the team Velo Kestrel", "the Harborview Marathon". People rarely take "the".
# Nouns for things that are named like people: ships, firms, charities, horses, works.
THING_NOUNS = """group vessel ship boat yacht ferry trawler schooner barge tug tanker frigate lifeboat liner team club
band brand firm company startup label ketch sloop catamaran dinghy
horse gelding mare colt filly stallion racehorse hotel restaurant festival race
newsletter blog podcast album single charity supplier retailer lender insurer chain
shop store pub journal magazine newspaper website distributor manufacturer maker wholesaler
book memoir novel film movie documentary song speech essay column series
bestseller novella biography autobiography anthology poem musical opera sitcom""".split()

# Heads of an appositive that make the name before it an organisation's, read only after the name (", a
# conservative political action committee,", ", a nonprofit watchdog group,", ", a news outlet,"): a person is
# described by a role, never by these. Not before a name (THING_NOUNS): "the committee Ana Ruiz chairs".
ORGANISATION_APPOSITIVE_NOUNS = """committee organization organisation nonprofit non-profit agency coalition
watchdog outlet publication network institute foundation association federation union lobby tank""".split()

# A route or a stretch of ground "of"/"to"/"from" a name: "the climb of X", "the stage to X", "the road from X"
# (judged from the two words before the name, no regex: "of" stands before very many names).
ROUTE_NOUNS = frozenset(
    """climb climbs stage road route way journey trip descent ascent summit top foot slopes
outskirts banks shores""".split()
)

# "the villages of X and Y", "the town of X": settlement nouns before a list of capitalised names.
SETTLEMENT_NOUNS = frozenset(
    """village town city hamlet parish island county region district suburb borough province
municipality commune settlement neighbourhood neighborhood port harbour harbor""".split()
)

# Role nouns that are no common title but a role by their ending (see _role_cut): "Harbourmaster",
# "Innkeeper", "Archivist", "Geologist", "Cartographer", "Statistician", "Auctioneer".
STRONG_ROLE_ENDINGS = ("master", "keeper", "ist", "ologist", "ographer", "ician", "eer")

# Agent nouns in -er/-or/-ar ("Surveyor", "Coroner", "Registrar") are roles only in the clearest
# position, since many given names end the same way ("Peter", "Victor").
WEAK_ROLE_ENDINGS = ("er", "or", "ar")

# "Will" is a modal verb at a sentence start but a given name in the middle of one ("captain Will Ashby").
GIVEN_NAME_HOMOGRAPHS = frozenset({"Will"})

# Words of COMMON_WORDS the Census lists as surnames that after a given name are still no surname: an order, as in
# a slogan ("America First") or a heading (see people_runs._name_part: "Al From", "Marty Small" are surnames).
ORDER_WORDS = frozenset("first second third last next".split())

# Personal pronouns that may stand for a person named before (quotes.py resolves speakers with them).
PRONOUNS = frozenset({"he", "she", "him", "her"})

# Abbreviations whose full stop ends no sentence ("Dr.", "St.", "Jr.", "No."), with the abbreviated titles of
# legislators, officers and envoys ("said Del. Ana Ruiz", "Supt. Hale", "Amb. Ruiz": TITLE_WORDS).
ABBREVIATIONS = frozenset(
    """
dr mr mrs ms prof st jr sr gen sen rep gov lt col capt sgt rev mt no vs
del ald supt insp cpl amb det atty cmdr msgr commr brig pres adm maj coun const
""".split()
)

# A sentence's first word is capitalised whatever it is, so a role noun there ("Lifeguard Ana Ruiz, 19,
# said") looks like a given name. Role nouns are mostly agent nouns or compounds with a lower-case part
# ("Co-founder"). Only endings that given names do not share count here: plain -er/-or/-ian are also
# Oliver, Victor, Adrian ("Oliver James Hale" stays a name), but -iser/-ator/-ician/-keeper are not.
OPENING_ROLE_ENDINGS = (
    "iser",
    "izer",
    "ator",
    "eer",
    "ist",
    "ician",
    "arian",
    "orian",
    "sman",
    "swoman",
    "person",
    "guard",
    "keeper",
    "master",
    "holder",
    "maker",
    "worker",
    "eader",
    "writer",
    "founder",
    "owner",
    "rider",
    "runner",
    "wright",
)

# Positions in team sports, which stand before a name like "striker" does but end like nothing else.
POSITION_WORDS = frozenset(
    "wing winger flanker prop hooker lock fullback full-back fly-half scrum-half forward".split()
)

# Country and union abbreviations, written like initials ("U.S. Embassy" is no person's name).
PLACE_INITIALS = frozenset("u.s. u.k. u.n. e.u. d.c. u.s.a.".split())

# Month names, which prove no run a place or a firm ("Edith May" may be a person).
MONTHS = frozenset("january february march april may june july august september october november december".split())
# Days of the week: after a name they date it ("told Clinton Friday", "Cruz Wednesday"), no place or organisation.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Nouns that a person's full name stands before as a modifier, after "the" or "a": "the Bill Clinton years", "the
# Monica Lewinsky scandal", "a Marco Rubio delegate", "an Abraham Lincoln impersonator" (a team's or a place's name
# takes other nouns: "a Harlow Vale fan", "the Tarnby Green festival").
PERSON_MODIFIED_NOUNS = frozenset(
    """years era administration presidency campaign candidacy scandal affair trial movie film biopic interview
dismissal shooting stereotype impersonator delegate delegates surrogate surrogates supporter supporters backer backers
voter voters loyalist loyalists""".split()
)

# "Ivy League-trained", "Wall Street-style", "Texas-based": a compound adjective, not a name's hyphen.
COMPOUND_TAILS = frozenset("style like type era born based led run made backed owned linked funded area".split())

# Relatives' words that stand before a name as a title would ("Aunt Hester", "Uncle Sam"): no given names.
KIN_TITLES = frozenset("aunt auntie uncle cousin grandma grandpa granny nana mom dad mum".split())

# Endings of nationalities' adjectives ("American", "Indian", "Japanese", "Polish"), which are no given
# names or surnames.
DEMONYM_ENDINGS = ("ican", "ian", "ese", "ish")

# A word standing alone that ends like a nationality, a faith or a creed ("American", "Indian", "Armenians",
# "Islamic", "Islamist") is the adjective or the group, no surname taken up again ("Polish American", "Radical
# Islamic", "French Islamist" are no people however often the last word recurs).
ADJECTIVE_ENDINGS = (*DEMONYM_ENDINGS, "ians", "amic", "ist", "ists")

# Relatives, before a name ("his wife, Laura,"): evidence of a person, never a role.
KIN_WORDS = """wife husband son daughter father mother brother sister widow widower fiancee fiancée partner
girlfriend boyfriend grandson granddaughter niece nephew""".split()

# Words that end organisation and place names ("Skerry Air", "Gannet Link", "Tollan Rock", "Pollard Heath",
# "Carrow Hill", "Kessary Sound", "Halvik Transport", "Queen Elizabeth Way") but are also surnames or given names
# ("Cornel West"), so
# they are no NON_PERSON_WORDS: a run ending with one is a person only with evidence somewhere in the article
# (see _personal): a title, an age ("Seamus Link, 70,"), a person's appositive ("Rock, a retired teacher", "its
# founder, Lena Rock"), or "X said" / "said X" (not "X said it", nor after for/of/at: "a spokesman for Skerry Air
# said he").
TRAILING_THING_WORDS = frozenset("air link rock heath lines strait sound transport day west hill way".split())

# Courtesy titles, which also name horses, boats and roses ("Lady Maud’s Rose", "Sir Tobias"): a possessive after one
# is no name by itself (after an office's title it is: "President Obama’s Clean Power Plan").
COURTESY_TITLES = frozenset("mr mrs ms miss mx sir dame lord lady mme mlle".split())
# Courtesy titles that with a word no given-name list knows make a pageant's title ("Miss Universe", "Mister Ohio").
PAGEANT_TITLES = frozenset("miss mister mrs".split())

# Words of a match report: in a sentence with one, a name after "beat", "lost to", "against" is a team's even when it
# reads as a given name and a surname ("lost to Harlow Vale after a replay"); elsewhere such a name is a candidate
# beaten or run against ("beat Donald Trump", "a loss to Walter Mondale"; see people_kinds._run_against).
MATCH_WORDS = frozenset(
    """replay replays goal goals penalty penalties match matches fixture fixtures cup league club clubs derby
striker defender midfielder goalkeeper season semi-final quarter-final quarter-finals semi-finals extra-time
tie""".split()
)

# Last words of places' names, which as surnames are rare: "Franklin Township", "Florence Hollow", "Morgan Borough"
# (people_kinds.PERSON_LOCATIVE_RE, and _described: an appositive after such a name is no person's). Not "Ward",
# "Parish": common surnames ("an ally in Lena Ward").
PLACE_NAME_ENDINGS = frozenset(
    """township borough county hollow heights springs falls creek valley junction crossing village city town district
municipality""".split()
)
# Things often called after a person, by surname first: "Clinton Foundation", "Trump Tower", "Reagan Library".
EPONYM_NOUNS = frozenset(
    """foundation tower towers college university library center centre institute hotel plaza organization
organisation school hall stadium airport building museum prize award initiative garden coalition doctrine""".split()
)

# Lower-case occupations and roles that, right before a name, say what the person is: "teacher Ana Ruiz",
# "biologist Ana Ruiz", "board member Ana Ruiz". A short explicit list: only nouns that are no verbs ("judge",
# "cook") and no kinship words (a relative is no role).
OCCUPATION_NOUNS = frozenset(
    """
teacher schoolteacher headteacher lecturer professor tutor student researcher scientist biologist ecologist
geologist botanist zoologist chemist physicist astronomer archaeologist palaeontologist historian economist
analyst statistician meteorologist forecaster engineer architect surveyor doctor surgeon physician nurse midwife
paramedic pharmacist dentist vet veterinarian anaesthetist farmer fisherman fisherwoman shepherd beekeeper
gardener baker butcher brewer chef grocer merchant shopkeeper innkeeper publican landlord landlady carpenter
builder plumber electrician mechanic boatbuilder blacksmith lawyer solicitor barrister magistrate prosecutor
librarian curator archivist editor reporter journalist photographer author writer novelist poet playwright
artist painter sculptor potter musician singer composer conductor pianist violinist trumpeter drummer bandleader
actor actress dancer designer pilot captain skipper sailor ranger warden lifeguard firefighter officer constable
sergeant detective inspector coach manager referee umpire striker midfielder defender goalkeeper winger sprinter
cyclist swimmer jockey trainer councillor councilor mayor senator governor minister secretary treasurer chairman
chairwoman chairperson chair spokesman spokeswoman spokesperson member president founder co-founder owner
co-owner organiser organizer campaigner activist volunteer harbourmaster postmaster ombudsman priest vicar
director executive clerk
host anchor nominee candidate adviser advisor aide staffer strategist pollster donor lawmaker legislator
commentator columnist comedian rapper businessman businesswoman billionaire boss leader representative
entertainer scholar dictator filmmaker
""".split()
)

# Occupations that are verbs too, and the words that, right before one, make it the verb.
VERB_LIKE_OCCUPATIONS = frozenset(
    "coach chair captain skipper pilot referee umpire volunteer author founder engineer nurse doctor shepherd "
    "butcher minister host star model".split()
)

VERB_CUES = frozenset(
    "to will would shall should can could may might must do does did not never also i we you they he she who "
    "helped help helps".split()
)

VERB_ADVERBS = frozenset("again also once then still now soon later never".split())

# Person evidence for names ending with a TRAILING_THING_WORD (see there and _personal).
PERSON_NOUNS = OCCUPATION_NOUNS | frozenset(
    "haulier pensioner resident widow widower mother father grandmother grandfather man woman sister brother son "
    "daughter wife husband uncle aunt cousin nephew niece center centre guard forward judge justice friend opponent "
    "rival ally colleague pick entertainer wrestler scholar star player".split()
)

# Nouns for a person that open a sentence before their name in capitals ("Patient Eleanor Brisebois, 81,"; see
# people_runs._word_before_english_name): occupations, and the lay people news quotes.
NAME_OPENING_NOUNS = PERSON_NOUNS | frozenset(
    "patient survivor victim voter shopper commuter passenger driver parent retiree tenant homeowner customer client "
    "veteran refugee immigrant worker neighbour neighbor protester fan supporter student witness eyewitness bystander "
    "onlooker spectator motorist pedestrian cyclist hiker volunteer organizer organiser attendee visitor paramedic "
    "midwife barista landlord landlady mechanic cook nanny paralegal courier cashier janitor custodian caretaker "
    "bartender server plumber electrician carpenter welder trucker employee staffer intern "
    "swede frenchman frenchwoman englishman englishwoman briton spaniard dutchman dutchwoman irishman "
    "irishwoman welshman welshwoman kiwi aussie".split()
)

# Words that may stand before such a noun as part of the role: "board member", "prime minister", "senior
# forecaster", "parish councillor", "nurse anaesthetist" (role words, title words, organisation nouns).
OCCUPATION_MODIFIERS = (ROLE_WORDS - {"of", "for", "the"}) | frozenset(
    """
senior junior former retired veteran head chief assistant board council committee commission party club union
school parish town team crew staff police fire harbour lifeboat museum library hospital church village
""".split()
)

# Prepositions that open an adverbial phrase before a sentence's subject ("In the final, …"); "as" is
# missing on purpose: "as the only midwife" says what the person is.
INTRODUCTORY_PREPOSITIONS = frozenset(
    "in on at during after before for from with by since until into over under across through throughout within "
    "despite among behind beyond outside inside near".split()
)

# Titles and roles that are also common surnames (after a given name they are the surname).
TITLE_SURNAMES = frozenset(
    "king bishop judge major marshal dean baker chancellor sheriff warden farmer cardinal pope prince "
    "chambers fisherman singer".split()
)

# Last words of a photo agency's name in a credit ("via Getty Images", "/The Canadian Press", "/Reuters"): a caption's
# "Name via Agency" or "(Name/Agency)" names the photographer, no one the article mentions (people_masks.mask_spans).
PHOTO_AGENCY_WORDS = frozenset("images image photos photo pictures press reuters ap afp getty epa bloomberg".split())
