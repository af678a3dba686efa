"""What the extractor needs to know about a language other than English, as data: one table each.

The extractor's rules were written for English news. For an article in another language
(language.detect()), the people finder (people.py and its modules) and the quotation passes (quotes.py and its
modules) read this language's table instead of guessing with English words:

- reporting verbs and "according to" words, for attributing quotations (speakers.py) and as evidence
  that a name is a person's ("sagte Anna Berger", "estime Hervé Delmasure");
- titles, roles and kinship words ("Bürgermeisterin", "Herr", "la maire", "son père"), and endings of
  compound roles ("Polizeisprecher", "Museumsdirektor"): evidence before or after a name;
- words that open sentences and are never names ("Der", "Laut", "Selon") and organisation and
  place words ("Stadtwerke", "Mairie");
- subject pronouns and their gender, determiners (role references: "so die Oberbürgermeisterin"),
  the words that end an inverted subject ("sagte X am Montag"), and how an age follows a name.

In every language but English, a capitalised run of words counts as a person only with evidence:
a title or role word of the language before or after it (in the run, or lower-case before it, or in
an apposition: "la maire, Clémence Aubriot"), an age, or a reporting verb of the language right before
or after it; or when the archive already knows the name (articles.archive, at storage). Everything
else capitalised (German nouns, French institutions) is left out: fewer people rather than invented
ones. In a language that capitalises nouns, a name of two words or more must also open with a given
name a list knows (or an initial): words before one are cut off as a role ("Theologen | Thomas
Söding"). A language without a table here gets an empty one: only titles of English and ages count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, eq=False)
class LanguageRules:
    code: str
    reporting_verbs: tuple[str, ...] = ()  # as written in the text (several words allowed: "a déclaré")
    according_to: tuple[str, ...] = ()  # "laut", "selon": the speaker follows
    after_quote_only: frozenset[str] = frozenset()  # verbs that only count right after a quotation ("so")
    pronouns: dict[str, str] = field(default_factory=dict)  # subject pronoun -> "he" or "she"
    determiners: tuple[str, ...] = ()
    titles: frozenset[str] = frozenset()  # lower case: titles, roles, occupations, kinship
    title_endings: tuple[str, ...] = ()  # compound roles by their last part ("…sprecherin")
    genitive_s: bool = False  # a title may carry a genitive -s ("des Malers Albrecht Korvin")
    # Nouns are capitalised (German): a capitalised word before a name may be a role by its ending, and a
    # quotation in Title Case is no title of a work.
    capitalises_nouns: bool = False
    not_evidence: frozenset[str] = frozenset()  # reporting verbs organisations use as much as people
    # Gender a title states ("Trainerin", "Mme", "la présidente"), for the pronouns that refer to people:
    # titles of these sets, else the first of gender_endings that a title of the language ends with.
    female_titles: frozenset[str] = frozenset()
    male_titles: frozenset[str] = frozenset()
    gender_endings: tuple[tuple[str, str], ...] = ()
    function_words: frozenset[str] = frozenset()  # lower case; never the first word of a name
    non_person_words: frozenset[str] = frozenset()  # lower case; a name holding one is no person's
    subject_stops: tuple[str, ...] = ()  # words after which an inverted subject ends ("am", "lors")
    age_after: str = ""  # regex matched right after a name: its age ("(47)", ", 41 ans,")
    age_before: str = ""  # regex matched right before a name, ending it: an age ("die 81-jährige ")
    title_cues: frozenset[str] = frozenset()  # lower case: a quotation right after one is a title ("intitulée")
    # The language drops its subject pronouns ("“…”, contó."): a reporting verb after a quotation with no subject
    # stands for the person just named, as "he said" would.
    pro_drop: bool = False
    plural_verb_endings: tuple[str, ...] = ()  # there, a reporting verb's plural forms: several people said it
    # A person with two surnames goes by the first ("Inés Carrasco Vidal" … "Carrasco"), as in Spanish.
    first_surname: bool = False
    # « » quote too where an article quotes mostly with “ ” (Spanish and French copy mixes them).
    guillemets_too: bool = False
    # Adverbs a speaker named after the verb may follow ("sagte dagegen Müller", "opina en cambio González"): skipped.
    after_verb_adverbs: tuple[str, ...] = ()
    # Verbs that make a name-shaped quotation words said, beside the reporting verbs ("sprach von einem „…“").
    speaks_of_verbs: tuple[str, ...] = ()
    elisions: tuple[str, ...] = ()  # "l'", "d'": stripped from a word before it is looked up
    # A sentence whose subject is a text, by the head noun's ending and a verb after it ("Die Abschlusserklärung
    # erwähnt das „…“"), or a phrase that says a text speaks ("Dort heißt es: „…“"): its quotation is the text's words.
    document_heads: tuple[str, ...] = ()
    document_verbs: tuple[str, ...] = ()
    document_phrases: tuple[str, ...] = ()

    def is_title(self, word: str, capitalised: bool = False) -> bool:
        """A lower-cased word that is a title or role of this language (compounds by their ending, unless it was
        capitalised in a language that does not capitalise nouns: "Baptiste" is a name, "l'entomologiste" a role)."""
        for prefix in self.elisions:
            if word.startswith(prefix):
                word = word[len(prefix) :]
                break
        if word in self.titles:
            return True
        if self.title_endings and len(word) > 6 and (self.capitalises_nouns or not capitalised):
            if word.endswith(self.title_endings):
                return True
        return self.genitive_s and word.endswith("s") and len(word) > 4 and self.is_title(word[:-1], capitalised)

    def epithet_gender(self, phrase: str) -> str:
        """ "f" or "m" for an epithet that stands for a person just named, in a language that capitalises nouns:
        "die"/"der" and an age ("die 23-Jährige"), a female role ("die Rentnerin", "die Schauspielerin": the ending -in
        is a woman's, the noun no firm's) or a title of the language ("der Trainer"); "" for anything else ("der
        Hersteller", "die Sprecher": a firm, several people; "der Sprecher": an office's, whom the text does not
        name)."""
        words = phrase.split()
        if not self.capitalises_nouns or len(words) != 2 or not (words[1][:1].isupper() or words[1][:1].isdigit()):
            return ""
        det, noun = words[0].lower(), words[1].lower()
        if det not in ("der", "die") or noun.endswith(SPOKESPERSON_ENDINGS):
            return ""
        if AGE_NOUN_RE.match(noun):
            return "f" if det == "die" else "m"
        gender = self.gender([noun]) if self.is_title(noun, True) else ""
        if det == "die" and (gender == "f" or (not gender and len(noun) > 5 and noun.endswith("in"))):
            return "f"
        return "m" if det == "der" and gender == "m" else ""

    def gender(self, words: list[str]) -> str:
        """ "f", "m" or "" for the lower-cased words of a role ("Oberbürgermeisterin", "M.")."""
        found = set()
        for word in words:
            if word in self.female_titles:
                found.add("f")
            elif word in self.male_titles:
                found.add("m")
            elif self.gender_endings and self.is_title(word):
                found.add(next((g for ending, g in self.gender_endings if word.endswith(ending)), ""))
        found.discard("")
        return found.pop() if len(found) == 1 else ""


def _spanish_forms(infinitive: str) -> tuple[str, ...]:
    """A regular Spanish verb's third persons as news writes them: the past (indefinido) and the present, singular and
    plural, and the perfect ("afirmó afirmaron afirma afirman ha afirmado")."""
    stem, ending = infinitive[:-2], infinitive[-2:]
    if ending == "ar":
        return (f"{stem}ó", f"{stem}aron", f"{stem}a", f"{stem}an", f"ha {stem}ado")
    return (f"{stem}ió", f"{stem}ieron", f"{stem}e", f"{stem}en", f"ha {stem}ido")


# Spanish reporting verbs: the regular ones by their infinitive, the irregular ones spelled out.
SPANISH_REPORTING_VERBS = tuple(
    form
    for infinitive in """afirmar explicar indicar señalar asegurar declarar agregar comentar destacar apuntar subrayar
    expresar precisar anunciar confirmar denunciar lamentar criticar recalcar relatar preguntar reiterar resaltar
    reafirmar opinar detallar ejemplificar alertar corroborar enfatizar puntualizar recomendar argumentar aclarar
    mencionar remarcar acotar matizar revelar exclamar narrar contestar replicar sentenciar añadir insistir responder
    admitir resumir exigir reconocer agradecer calificar sumar plantear rematar graficar ironizar bromear
    reclamar""".split()
    for form in _spanish_forms(infinitive)
) + tuple(
    form.replace("_", " ")  # ("ha_dicho": one form of two words)
    for form in """dijo dijeron dice dicen ha_dicho sostuvo sostuvieron sostiene sostienen advirtió advirtieron advierte
    advierten contó contaron cuenta cuentan concluyó concluyeron concluye concluyen manifestó manifestaron manifiesta
    manifiestan escribió escribieron escribe escriben ha_escrito pidió pidieron pide piden""".split()
)

SPOKESPERSON_ENDINGS = ("sprecher", "sprecherin")
# An age as a noun, "die 23-Jährige", "der 81-Jährige".
AGE_NOUN_RE = re.compile(r"\d{1,3}-jährige\Z")


GERMAN = LanguageRules(
    code="de",
    reporting_verbs=tuple(
        """sagte sagt sagten gesagt erklärte erklärt erklärten betonte betont warnte warnt meinte meint ergänzte
        ergänzt fügte berichtete berichtet erzählte erzählt antwortete antwortet fragte fragt kritisierte kritisiert
        forderte fordert versicherte versichert bestätigte bestätigt schrieb schreibt rief ruft räumte räumt
        findet rät riet mahnt mahnte unterstreicht unterstrich glaubt glaubte verrät verriet bekräftigte bekräftigt
        hofft hoffte kommentierte kommentiert twitterte resümiert resümierte bilanziert bilanzierte beklagt beklagte
        schimpft schimpfte gesteht gestand
        so""".split()
    ),
    according_to=("laut", "Laut"),
    after_quote_only=frozenset({"so"}),
    pronouns={"er": "he", "sie": "she"},
    determiners=tuple("der die das den dem des ein eine einer eines einem einen sein seine ihr ihre".split()),
    titles=_words(
        """herr herrn frau dr. dr prof. prof professor professorin bürgermeister bürgermeisterin oberbürgermeister
        oberbürgermeisterin minister ministerin ministerpräsident ministerpräsidentin staatssekretär staatssekretärin
        kanzler kanzlerin präsident präsidentin vorsitzende vorsitzender sprecher sprecherin direktor direktorin
        leiter leiterin chef chefin geschäftsführer geschäftsführerin trainer trainerin kapitän kapitänin richter
        richterin anwalt anwältin staatsanwalt staatsanwältin kommissar kommissarin pfarrer pfarrerin bischof
        abgeordnete abgeordneter stadträtin landrat landrätin inhaber inhaberin dirigent dirigentin intendant
        intendantin kollege kollegin vater mutter sohn tochter bruder schwester ehefrau ehemann witwe witwer
        großvater großmutter onkel tante enkel enkelin neffe nichte forscher forscherin wissenschaftler
        wissenschaftlerin biologe biologin autor autorin schriftsteller schriftstellerin künstler künstlerin maler
        malerin sänger sängerin tenor sopranistin stürmer stürmerin torwart torhüterin spieler spielerin moderator
        moderatorin lehrer lehrerin arzt ärztin polizist polizistin landwirt landwirtin winzer winzerin bäcker
        bäckerin unternehmer unternehmerin gründer gründerin partner partnerin rentner rentnerin""".lower()
    ),
    title_endings=tuple(
        """sprecher sprecherin meister meisterin minister ministerin präsident präsidentin direktor direktorin leiter
        leiterin chef chefin führer führerin trainer trainerin vorsitzende vorsitzender anwalt anwältin richter
        richterin kommissar kommissarin arzt ärztin forscher forscherin loge login gründer gründerin dezernent
        dezernentin referent referentin ist istin eur eurin iker ikerin""".split()
    ),
    genitive_s=True,
    capitalises_nouns=True,
    female_titles=frozenset({"frau"}),
    male_titles=frozenset({"herr", "herrn"}),
    # "-in" is a woman's title, "-e" either ("Vorsitzende"), any other title a man's ("Inhaber", "Trainer").
    gender_endings=(("in", "f"), ("e", ""), ("", "m")),
    # Also verbs that as often say something else ("findet … statt", "glaubt an"): they attribute a quotation, but a
    # capitalised word beside them is no person for that. ("empfahl", "lobte", "erinnerte", "äußerte sich" are no
    # reporting verbs here: "als Thatcher ihn empfahl" is no speech, and the subject follows "sich".)
    not_evidence=frozenset(
        """kritisierte kritisiert forderte fordert warnte warnt findet glaubt glaubte hofft hoffte beklagt
        beklagte""".split()
    ),
    function_words=_words(
        """der die das den dem des ein eine einer eines einem einen kein keine keinen und oder aber doch auch noch nur
        schon so wie als wenn dass ob weil da dann denn nach vor seit bei mit von vom zu zum zur im am an ans auf aus
        in ins um für über unter gegen ohne durch bis laut trotz wegen während zwischen neben hinter es er sie wir
        ihr ich du man sein seine seiner seinem seinen ihre ihrer ihrem ihren unser unsere unserer deren dessen dies
        diese dieser dieses diesem diesen jede jeder jedes alle viele einige manche nicht hier dort heute gestern
        morgen immer nie jetzt nun mehr sehr ganz erst bereits zudem außerdem dabei damit darauf dazu deshalb
        trotzdem jedoch allerdings besonders ende anfang mitte montag dienstag mittwoch donnerstag freitag samstag
        sonntag januar februar märz april mai juni juli august september oktober november dezember""".lower()
    ),
    non_person_words=_words(
        """stadt gemeinde verein polizei gmbh ag partei fraktion universität hochschule ministerium rathaus kirche
        klinik klinikum krankenhaus schule gymnasium amt landesamt bundesamt gericht landgericht amtsgericht verband
        bank sparkasse stadtwerke verkehrsbetriebe feuerwehr kreis landkreis bezirk straße platz brücke bahn bahnhof
        museum theater orchester zeitung anzeiger rundschau kurier tsv fc sv""".lower()
    ),
    subject_stops=tuple("am im in bei auf vor nach gegenüber während zum zur mit als".split()),
    age_after=r"\s*\(\d{1,3}\)|,\s+\d{1,3},",
    age_before=r"\b\d{1,3}-[Jj]ährigen?r?\s+\Z",
    # The last word before a name or a term, not before words said: a work or a campaign ("die Studie „…“"), and
    # "sogenannt" in every ending ("mit dem sogenannten „Pakt von …“").
    title_cues=_words(
        """titel namens buch film roman stück theaterstück ausstellung album lied song motto operation slogan
        kampagne initiative aktion projekt studie serie sendung zeitung zeitschrift magazin kolumne podcast blog
        hashtag stichwort schlagzeile sogenannte sogenannten sogenannter sogenanntes sogenanntem genannte genannten
        genannter genanntes genanntem"""
    ),
    speaks_of_verbs=tuple("sprach spricht sprachen sprechen redete redet bezeichnete bezeichnet bezeichneten".split()),
    after_verb_adverbs=tuple("dagegen hingegen auch zudem außerdem dann später weiter ebenfalls wiederum".split()),
    document_heads=tuple(
        """erklärung bericht studie gesetz vertrag papier mitteilung schreiben urteil beschluss programm umfrage
        analyse brief text entwurf verordnung richtlinie abkommen""".split()
    ),
    document_verbs=tuple("erwähnt nennt enthält fordert verlangt beschreibt zeigt spricht sieht stellt warnt".split()),
    document_phrases=("heißt es", "hieß es"),
)

FRENCH = LanguageRules(
    code="fr",
    reporting_verbs=tuple(
        verb
        for participle in """dit déclaré affirmé expliqué indiqué souligné ajouté précisé estimé lancé assuré confié
        raconté répondu répliqué poursuivi insisté prévenu reconnu regretté annoncé martelé résumé conclu observé
        rappelé averti protesté dénoncé admis avoué confirmé commenté salué ironisé lâché réagi""".split()
        for verb in (f"a {participle}", f"avait {participle}", participle)
    )
    + tuple(
        """dit déclare affirme explique indique souligne ajoute précise estime assure confie raconte répond réplique
        poursuit insiste prévient reconnaît regrette annonce martèle résume conclut observe rappelle avertit proteste
        dénonce admet avoue confirme commente salue ironise sourit réagit""".split()
    ),
    according_to=("selon", "Selon", "d'après", "D'après", "d’après", "D’après"),
    pronouns={"il": "he", "elle": "she"},
    determiners=tuple("le la les l' l’ un une son sa ses leur".split()),
    titles=_words(
        """m. mme mlle me dr pr mgr monsieur madame maître docteur professeur professeure maire ministre président
        présidente directeur directrice porte-parole député députée sénateur sénatrice adjoint adjointe conseiller
        conseillère entraîneur entraîneuse capitaine commandant commandante lieutenant colonel général gendarme juge
        procureur procureure avocat avocate commissaire préfet préfète gérant gérante fondateur fondatrice patron
        patronne chef cheffe délégué déléguée secrétaire trésorier trésorière curé abbé évêque père mère fils fille
        frère sœur épouse époux mari veuve veuf grand-père grand-mère petit-fils petite-fille oncle tante cousin
        cousine neveu nièce collègue chercheur chercheuse chercheure scientifique écrivain écrivaine auteur autrice
        romancier romancière peintre chanteur chanteuse joueur joueuse attaquant attaquante gardien gardienne arbitre
        éleveur éleveuse agriculteur agricultrice boulanger boulangère commerçant commerçante pharmacien pharmacienne
        médecin infirmier infirmière enseignant enseignante instituteur institutrice proviseur proviseure compagne
        compagnon conjoint conjointe sage-femme conservateur conservatrice ouvreur talonneur pilier ailier buteur
        buteuse meneur meneuse pivot demi-centre""".lower()
    ),
    title_endings=("iste", "logue"),
    function_words=_words(
        """le la les l' l’ un une des du de d' d’ au aux et ou mais donc or ni car que qu' qui quand comme si pour par
        dans sur sous avec sans chez vers selon depuis pendant après avant entre contre malgré dès il elle ils elles
        on nous vous je j' tu ce cet cette ces c' son sa ses leur leurs notre nos votre vos mon ma mes tout toute tous
        toutes aucun aucune chaque plusieurs plus moins très bien déjà encore aussi ici là hier demain côté grâce
        lors puis enfin ainsi alors cependant pourtant toutefois d'après d’après lundi mardi mercredi jeudi vendredi
        samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre""".lower()
    ),
    non_person_words=_words(
        """conseil mairie ville région département université association société groupe lycée collège école
        gendarmerie préfecture tribunal cour parti communauté commune rue place pont avenue boulevard quai église
        musée théâtre hôpital clinique banque compagnie entreprise fédération syndicat ministère assemblée sénat
        conservatoire as fc""".lower()
    ),
    subject_stops=tuple(
        "lors à au aux dans devant pendant après avant en sur chez lundi mardi mercredi jeudi vendredi samedi "
        "dimanche".split()
    ),
    age_after=r",\s+\d{1,3}\s+ans\b|\s*\(\d{1,3}\s+ans\)|,\s+\d{1,3},",
    elisions=("l'", "l’", "d'", "d’"),
    guillemets_too=True,
    title_cues=_words(
        """intitulé intitulée intitulés intitulées baptisé baptisée titre livre roman film pièce spectacle exposition
        album chanson opération slogan devise"""
    ),
    female_titles=_words(
        """mme madame mlle mademoiselle présidente directrice députée sénatrice adjointe conseillère entraîneuse
        commandante procureure avocate préfète gérante fondatrice patronne cheffe déléguée trésorière mère fille sœur
        épouse veuve grand-mère petite-fille tante cousine nièce chercheuse écrivaine autrice romancière chanteuse
        joueuse attaquante gardienne éleveuse agricultrice boulangère commerçante pharmacienne infirmière
        enseignante institutrice professeure proviseure"""
    ),
    male_titles=_words(
        """m monsieur président directeur député sénateur adjoint conseiller entraîneur procureur avocat préfet gérant
        fondateur patron délégué trésorier père fils frère époux mari veuf grand-père petit-fils oncle cousin neveu
        chercheur écrivain auteur romancier chanteur joueur attaquant gardien éleveur agriculteur boulanger commerçant
        pharmacien infirmier enseignant instituteur curé abbé évêque"""
    ),
)

SPANISH = LanguageRules(
    code="es",
    # Past (indefinido), present and perfect, as Spanish news writes them: "dijo", "afirma", "ha señalado".
    reporting_verbs=SPANISH_REPORTING_VERBS,
    according_to=("según", "Según", "de acuerdo con", "De acuerdo con"),
    pro_drop=True,
    first_surname=True,
    guillemets_too=True,
    after_verb_adverbs=(
        "en cambio",
        "por su parte",
        "a su vez",
        "por otro lado",
        "además",
        "también",
        "luego",
        "después",
        "finalmente",
    ),
    pronouns={"él": "he", "ella": "she"},
    determiners=tuple("el la los las un una su sus".split()),
    titles=_words(
        """sr sra srta dr dra don doña señor señora presidente presidenta ministro ministra alcalde alcaldesa director
        directora portavoz vocero vocera diputado diputada senador senadora concejal concejala consejero consejera
        secretario secretaria gobernador gobernadora fiscal juez jueza abogado abogada comisario comisaria jefe jefa
        general coronel capitán capitana teniente entrenador entrenadora técnico seleccionador jugador jugadora
        delantero delantera portero portera árbitro profesor profesora investigador investigadora científico
        científica escritor escritora autor autora periodista médico médica doctor doctora enfermero enfermera
        padre madre hijo hija hermano hermana esposo esposa marido viuda viudo abuelo abuela tío tía primo prima
        sobrino sobrina cantante actor actriz fundador fundadora gerente rector rectora decano decana embajador
        embajadora canciller mandatario mandataria líder dirigente sindicalista empresario empresaria productor
        productora obispo arzobispo sacerdote cura papa rey reina príncipe princesa expresidente expresidenta
        exministro exministra exalcalde exalcaldesa exdiputado exdiputada exsenador exsenadora exgobernador
        exgobernadora exjefe exjefa excandidato excandidata candidato candidata arquero arquera guardameta defensor
        defensora volante mediocampista goleador goleadora legislador legisladora asesor asesora vecino vecina
        comerciante vendedor vendedora dueño dueña propietario propietaria""".lower()
    ),
    title_endings=("ista", "logo", "loga"),
    function_words=_words(
        """el la los las lo un una unos unas del al de y e o u pero sino que quien cuando como si para por en con sin
        sobre entre hacia hasta desde durante tras según contra ante bajo él ella ellos ellas nosotros usted ustedes
        yo tú se le les me te nos su sus mi mis tu tus este esta estos estas ese esa esos esas aquel aquella todo
        toda todos todas cada otro otra otros otras más menos muy ya también además aquí allí ayer hoy mañana así
        sin embargo lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio
        agosto septiembre setiembre octubre noviembre diciembre""".lower()
    ),
    non_person_words=_words(
        """consejo ayuntamiento ciudad región provincia universidad asociación sociedad grupo colegio escuela instituto
        policía tribunal corte partido comunidad municipio calle plaza puente avenida iglesia museo teatro hospital
        clínica banco compañía empresa federación sindicato ministerio asamblea senado congreso gobierno fundación
        club""".lower()
    ),
    subject_stops=tuple(
        """en a al ante tras durante desde con para por sobre según hoy ayer este esta lunes martes miércoles jueves
        viernes sábado domingo""".split()
    ),
    plural_verb_endings=("n",),  # "dijeron", "afirman", "han dicho": they, no one person
    age_after=r",\s+de\s+\d{1,3}\s+años\b|\s*\(\d{1,3}\s+años\)|,\s+\d{1,3},|\s*\(\d{1,3}\)",
    title_cues=_words(
        """titulado titulada titulados tituladas llamado llamada denominado denominada libro novela película obra
        programa serie álbum canción operación campaña lema"""
    ),
    female_titles=_words(
        """sra srta dra doña señora presidenta ministra alcaldesa directora vocera diputada senadora concejala
        consejera secretaria gobernadora jueza abogada comisaria jefa capitana entrenadora jugadora delantera portera
        profesora investigadora científica escritora autora médica doctora enfermera madre hija hermana esposa viuda
        abuela tía prima sobrina actriz fundadora rectora decana embajadora mandataria empresaria productora reina
        princesa"""
    ),
    male_titles=_words(
        """sr dr don señor presidente ministro alcalde director vocero diputado senador concejal consejero secretario
        gobernador juez abogado comisario jefe capitán entrenador jugador delantero portero profesor investigador
        científico escritor autor médico doctor enfermero padre hijo hermano esposo marido viudo abuelo tío primo
        sobrino actor fundador rector decano embajador mandatario empresario productor obispo arzobispo sacerdote rey
        príncipe"""
    ),
)

RULES = {rules.code: rules for rules in (GERMAN, FRENCH, SPANISH)}

# The language the extractor's own rules were written for: no table, no evidence needed.
ENGLISH = ("en", "")


@lru_cache(maxsize=256)
def rules_for(language: str) -> LanguageRules | None:
    """The table for an article's language: None for English (and for unknown, "": the site's main
    language is English), an empty table for a language without one of its own."""
    if language in ENGLISH:
        return None
    return RULES.get(language) or LanguageRules(code=language)


@lru_cache(maxsize=64)
def age_after_re(language: str) -> re.Pattern | None:
    rules = rules_for(language)
    return re.compile(rules.age_after if rules and rules.age_after else r",\s+\d{1,3},")


@lru_cache(maxsize=64)
def age_before_re(language: str) -> re.Pattern | None:
    rules = rules_for(language)
    return re.compile(rules.age_before) if rules and rules.age_before else None
