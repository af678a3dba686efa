"""Coreference for quote extraction (quotes.py): what he/she and a role ("the coach") stand for.

Genders of the people named (titles, kinship words, the text's own pronouns, given names), pronoun
resolution, the subject of a sentence, and a role the article gave a person it names."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from . import name_data
from .name_genders import gender_of
from .people import (
    ABBREVIATIONS,
    APPOSITIVE_AFTER_RE,
    NON_PERSON_WORDS,
    ROLE_WORDS,
    Mention,
    fold,
)
from .people import COMMON_WORDS as PEOPLE_COMMON_WORDS
from .people_resolve import TITLE_GENDERS
from .people_state import REPORTING_AFTER_RE, _kin_before
from .people_words import OCCUPATION_MODIFIERS, OCCUPATION_NOUNS
from .quote_state import (
    CLAUSE_WORDS,
    DEFINITE_RE_ENGLISH,
    DOUBLE_MARKS,
    ENGLISH_WORDS,
    PAST_AFTER_RE,
    QUOTED_RE,
    _after_preposition,
    _Attribution,
    _inside_quote,
    _last_at_most,
    _last_outside_quotes,
    _occurrences,
    _outside_quotes,
    _past,
    _rfind,
    _State,
)
from .quote_words import (
    AGENT_NOUNS,
    AGENT_VERBS,
    APPOSITIVE_PERSON_NOUNS,
    AUTHORED_HEADS,
    CLAUSE_OPENERS,
    DESCRIPTION_PREPOSITIONS,
    DETERMINER_OPENERS,
    DOCUMENT_HEADS,
    FEMALE_WORDS,
    GENERIC_ROLE_NAMES,
    HER_OBJECT_NEXT,
    MALE_WORDS,
    NAME_PREFIX_WORDS,
    OPENING_SUBORDINATORS,
    ORGANISATION_HEADS,
    PARENTHETICAL_PARTICIPLES,
    POSSESSIVE_CLAUSE_VERBS,
    POSSESSIVE_ENDINGS,
    QUALIFIED_NOUNS,
    RELATIVE_PRONOUNS,
    ROLE_CONNECTORS,
    ROLE_DESCRIPTORS,
    ROLE_INITIALS,
    SUBJECT_VERB_WORDS,
    SUBORDINATORS,
    TAIL_ENDINGS,
    TITLE_ROLE_NAMES,
)

# r"(?i)\b(?:his|her|their|its)\s[^,.;:]{1,40},\s*\Z", written to start with one character class.
RELATIVE_BEFORE_RE = re.compile(
    r"[hHtTiI](?<!\w.)(?:(?<=[hH])(?i:is|er)|(?<=[tT])(?i:heir)|(?<=[iI])(?i:ts))"
    r"\s[^,.;:]{1,40},\s*\Z"
)
# …unless the relative opens its sentence, and so is its subject ("His son, Irfan Dale, said …").
RELATIVE_SUBJECT_RE = re.compile(r"(?:\A|[.!?”’\"]\s+|\n)\s*(?:His|Her|Their|Its)\s[^,.;:]{1,40},\s*\Z")


def _gender(words: list[str]) -> str:
    """ "f", "m" or "" for a few words (a role, a kinship phrase, a pronoun)."""
    female = not FEMALE_WORDS.isdisjoint(words)
    male = not MALE_WORDS.isdisjoint(words)
    return "f" if female and not male else "m" if male and not female else ""


def _relative(text: str, m: Mention) -> tuple[bool, bool, str] | None:
    """For a person introduced relative to someone ("his wife, Greta Dale,"): whether that phrase opens
    its sentence, and the gender its kinship word gives; None for anyone else."""
    if "," not in text[max(0, m.start - 3) : m.start]:
        return None
    window = text[max(0, m.start - 45) : m.start].lower()
    if "his" not in window and "her" not in window and "its" not in window:  # the regex needs one ("their" has "her")
        return None
    rel = RELATIVE_BEFORE_RE.search(text, max(0, m.start - 45), m.start)
    if not rel:
        return None
    initial = bool(RELATIVE_SUBJECT_RE.search(text, max(0, m.start - 48), m.start))
    return True, initial, _gender(rel.group().lower().replace(",", " ").split()[1:])


def _person_genders(state: _State, text: str) -> dict[int, str]:
    """Gender of each person from their title or a kinship word at any mention, else from a given name that is always
    a man's or always a woman's ("Rebecca Voss"; name_genders) (computed once)."""
    if state.genders is None:
        state.genders = {}
        rules = state.words.rules
        for i, p in enumerate(state.people):
            words = p.role.lower().replace(".", "").split()
            g = _gender(words) or (rules.gender(words) if rules is not None else "")
            if g:
                state.genders[i] = g
        for m in state.mentions:
            rel = _relative(text, m)
            if rel and rel[2]:
                state.genders.setdefault(m.person, rel[2])
            elif m.person not in state.genders and (titled := _title_gender(text, m)):
                # a title at a later mention ("Prime Minister Jagmeet Osei" … "Mr. Osei"): no dictionary needed
                state.genders[m.person] = titled
            elif (
                m.person not in state.genders
                and (kin := _kin_before(text, m.start))  # (most mentions have none: no _gender call)
                and (kin := _gender([kin]))
                and gender_of(state.people[m.person].name.split()[0]) in ("", kin)
            ):
                # "Arkwright's wife, Odile": the kinship word before the name says (_relative reads only "his wife",
                # and a given name alone is not looked up below), unless the name says otherwise: in "a friend of
                # Arkwright's sister, Tom," Tom is the friend
                state.genders[m.person] = kin
        for i, p in enumerate(state.people):
            names = p.name.split()
            if i not in state.genders and len(names) > 1 and len(names[0]) > 2 and not names[0].endswith("."):
                g = gender_of(names[0])
                if g:
                    state.genders[i] = g
                    state.name_genders.add(i)
    return state.genders


# he, she, his, her, hers, himself, herself as words (written to start with a character set, see SINGLE_OPEN_RE);
# "him" is left out: in "Loftus thanked him" it is somebody else.
PRONOUN_RE = re.compile(r"[HhSs](?<![\w'’-].)(?:(?<=[Hh])(?:e|is|ers?|imself|erself)|(?<=[Ss])he)\b")
SENTENCE_START_MARKS = (". ", "? ", "! ", "\n")


# No sentence is read as longer than this: one without a mark that far back starts there (in PolNeAR and our
# evaluation sets none is; a paragraph of 100 KB without a full stop had every pronoun read all of it, and every
# name in it, as its sentence).
SENTENCE_REACH = 2000


def _last_sentence_mark(text: str, lo: int, hi: int) -> int:
    """Where the last sentence before hi (and from lo) ends: the last of SENTENCE_START_MARKS in text[lo:hi], or
    SENTENCE_REACH before hi. A full stop after a title or an initial ends no sentence ("a supporter of Mr. Trump,
    said": one sentence)."""
    far = max(lo, hi - SENTENCE_REACH)
    other = max(text.rfind("? ", far, hi), text.rfind("! ", far, hi), text.rfind("\n", far, hi))
    stop = max(text.rfind(". ", far, hi), text.rfind(".\u00a0", far, hi))  # (a no-break space after it too)
    while stop > other and _abbreviation_at(text, stop):
        stop = max(text.rfind(". ", far, stop), text.rfind(".\u00a0", far, stop))
    found = max(stop, other)
    return found if found >= 0 or far == lo else far - 1


def _abbreviation_at(text: str, stop: int) -> bool:
    """The full stop at text[stop] ends an abbreviation (people.ABBREVIATIONS: "Mr.", "Sen.") or an initial ("J.")."""
    word = text[max(0, stop - 6) : stop].rsplit(None, 1)[-1:]
    if not word:
        return False
    word = word[0].lstrip("(“\"‘'")
    return (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS


EVIDENCE_PRONOUNS = frozenset(("he", "she", "his", "her", "himself", "herself"))


def _pronoun_evidence(state: _State, text: str, genders: dict[int, str], upto: int) -> None:
    """Gender the text itself states with pronouns, read up to upto (where quotations are known): a subject he/she
    outside quotations opening a new clause ("Yolanda Mbeki-Strand sued the trust after she was dismissed",
    "Ostrow, who chairs it, and he …") whose sentence, before it, names exactly one person, in subject position; or
    opening a sentence right after one naming exactly one person, in subject position. Possessives ("criticised her
    handling") and pronouns of reported clauses ("said she had not asked") may be somebody else: no evidence.
    The first such evidence for a person counts; titles and kinship words (already in genders) come first."""
    if len(genders) >= len(state.people):
        # Every person's gender is known (its keys are people's indices): no pronoun can add any, and the search of
        # the text for them was most of the cost of the first pronoun resolved (80% of the text on the bench).
        state.pronouns_read = max(state.pronouns_read, upto)
        return
    for m in PRONOUN_RE.finditer(text, state.pronouns_read, upto):
        word = m.group().lower()
        if word not in EVIDENCE_PRONOUNS:
            continue
        p = m.start()
        last = bisect_left(state.starts, p)
        lo = max(0, p - 250)
        if not last or state.starts[last - 1] < lo or state.mentions[last - 1].person in genders:
            continue  # nobody named just before, or the evidence could only confirm what is known
        if _inside_quote(state, p):
            continue
        start = _last_sentence_mark(text, lo, p) + 1
        if text[start:p].strip():
            before = text[start:p].split()[-1].lower()
            if word.endswith("self"):
                pass  # a reflexive means its own clause's subject ("Ana Ruiz described herself as …")
            elif word[0] == "h" and word != "he":
                # a possessive counts only opening the subject of the named person's reported clause ("Oduya told
                # the hearing that his client …", "Carver-Rhys said her panel …"), never as an object ("criticised
                # her handling"); or joined to the name itself ("Ostrow and his wife", "Ana Ruiz and her staff")
                if (
                    before != "that"
                    and before not in POSSESSIVE_CLAUSE_VERBS
                    and text[state.mentions[last - 1].end : p] != " and "
                ):
                    continue
                after = text[m.end() : m.end() + 16].split(None, 1)
                if not after or not after[0][:1].isalpha() or after[0].lower() in HER_OBJECT_NEXT:
                    continue
            elif before not in CLAUSE_OPENERS:
                continue  # "said she …", "criticised … she": not a new clause's subject
            allow_who = True
        elif word[0] == "h" and word != "he":
            continue
        elif m.group()[0].isupper() and text[start - 1 : start] == " ":
            # "He …" opening a sentence: the one person the sentence before names
            p = start - 2
            start = _last_sentence_mark(text, lo, p) + 1
            allow_who = False
        else:
            continue
        first = bisect_left(state.starts, start)
        persons = set()
        subject = None
        for k in range(first, bisect_left(state.starts, p)):
            mention = state.mentions[k]
            if _inside_quote(state, mention.start):
                continue
            persons.add(mention.person)
            if subject is None and not text.startswith(("'s", "’s"), mention.end):
                opening = text[start : mention.start].split()  # only a title may stand before the subject
                plain = all(w[-1:] != "," and (w[:1].isupper() or w in ROLE_WORDS) for w in opening)
                # and no clause or quotation between it and the pronoun ("X, who joined his team" only before
                # "and he"; "X called it “…” But she"): nothing but the subject's own words
                between = text[mention.end : p]
                if allow_who and between.startswith(", who "):
                    between = between[6:]
                elif between.startswith(", ") and APPOSITIVE_OPENING_RE.fullmatch(text, start, mention.start):
                    # "The lawyer, Luc Lemieux, had argued that his client …": the name is the subject's appositive
                    plain, between = True, between[2:]
                plain = plain and "," not in between and not any(c in between for c in DOUBLE_MARKS)
                subject = mention.person if plain else -1
        if len(persons) == 1 and subject is not None and subject >= 0:
            genders.setdefault(subject, "f" if word[0] == "s" or word.startswith("her") else "m")
    state.pronouns_read = max(state.pronouns_read, upto)


# A noun phrase and its comma before a subject's name in apposition: "The lawyer, ". Not one with an owner ("Her
# lawyer, Robin Tessier, said her family …": the pronoun may be the owner's).
APPOSITIVE_OPENING_RE = re.compile(r"\s*The\s+(?:[\w-]+\s+){0,3}[a-z][\w-]*,\s+")  # ("The man's coach,": an owner)


# A person named as the owner of someone unnamed ("Castellane's lawyer", "Hadvar's old uncle"): the person last
# named in the text is the unnamed one, whom a pronoun after it means as likely as the owner.
OWNED_PERSON_RE = re.compile(r"[’']s\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]+)\b")
OWNED_PERSON_NOUNS = APPOSITIVE_PERSON_NOUNS | FEMALE_WORDS | MALE_WORDS
OWNER_RULE = "nobody: the person last named owns someone unnamed"


def _owner_of_person(text: str, m: Mention, want: str = "") -> bool:
    """ "Castellane's lawyer", "Castellane’s longtime campaign manager": a person noun after the possessive; not one of
    the other gender than the pronoun wanted ("Brisk’s father was a scientist. … “…,” she said": not the father)."""
    owned = OWNED_PERSON_RE.match(text, m.end, m.end + 50)
    if owned is None or owned.group("noun") not in OWNED_PERSON_NOUNS:
        return False
    noun_gender = _gender([owned.group("noun")]) if want else ""
    return not (noun_gender and noun_gender != want)


def _resolve_pronoun(state: _State, text: str, pos: int, pronoun: str = "", depth: int = 0) -> tuple[int | None, str]:
    """he/she, and how its antecedent was chosen (for Quote.evidence): the latest person named in this
    paragraph outside quotations, else the last speaker.

    People introduced relative to someone else ("his father, Karim Ilmaran,") are skipped: the
    pronoun nearly always points at the article's subject, not at the relative, unless the relative
    is the subject of its own sentence ("His son, Irfan Dale, said …"). A person whose stated gender
    does not fit the pronoun is skipped; if that was a bare surname shared by two people ("Dale"
    after "Greta Dale" was named), the other one is meant. A relative whose kinship word fits is taken
    when nobody else fits.
    """
    para_start = _rfind(state, text, "\n\n", 0, pos) + 1
    mentions = state.mentions
    want = _gender([pronoun.lower()])
    genders = _person_genders(state, text) if want else {}
    if want and pos > state.pronouns_read:
        _pronoun_evidence(state, text, genders, pos)
    fitting_relative = addressed = None
    opening, opening_end = _participle_opening(text, para_start, pos)
    # (the latest one that qualifies, so read backwards)
    for i in _outside_quotes(state, bisect_left(state.starts, pos) - 1, bisect_left(state.starts, para_start)):
        m = mentions[i]
        if opening <= m.start < opening_end:
            continue  # "Asked whether he would accept gifts from Lord Vale, he said": Vale is the clause's object
        if _spoken_of(text, m, pos):
            continue  # "Vell, he said, also “was the first mayor …”": who is spoken of, not who speaks
        if _in_relative_clause(text, m, pos):
            continue  # "The seventh seed, who is lined up to meet Sam Kerr, was happy. “…,” he said": not Kerr
        if want and _owner_of_person(text, m, want):
            return None, OWNER_RULE  # "Castellane's lawyer picked up his briefcase. “…,” he said"
        if _in_description_of(state, text, i, para_start):
            continue  # "said Tobias Wendell, a former adviser to Governor Drobny. … he added": Wendell, not Drobny
        if pronoun and (whom := WHOM_BEFORE_RE.match(text, m.end)) and text.startswith(pronoun, whom.end()):
            continue  # "behind Chris Christie, whom he describes as …": whom the pronoun's subject describes
        rel = _relative(text, m)
        if rel is not None:
            if want and rel[2] and rel[2] != want:
                continue
            if rel[1]:
                return m.person, "a relative opening their own sentence"
            if want and rel[2] == want and fitting_relative is None:
                fitting_relative = m.person
            continue
        # A given name's usual gender is too weak to pass over the person just named for someone further
        # back ("Wren Achterberg said … “…,” she said"), and too strong to ignore: nobody, rather than a guess.
        if want and genders.get(m.person, want) != want and m.person in state.name_genders:
            start = max(_last_sentence_mark(text, para_start, m.start) + 1, para_start)
            # an owner ("Tobias Wendell’s lead … means") is no subject, however the sentence opens with it; nor is the
            # subject of a clause the pronoun's own follows ("After Odile Saranko accused him …, he warned")
            opener = text[start : m.start].split()[:1]
            in_clause = bool(opener) and opener[0].lower() in SUBORDINATORS and "," in text[m.end : pos]
            if (
                _subject_position(text, start, m.start)
                and not text.startswith(POSSESSIVE_ENDINGS, m.end)
                and not in_clause
            ):
                return None, "the person just named has a given name of the other gender"
            continue  # named as an object ("a supporter of Ostrow"): someone else is meant
        if want and genders.get(m.person, want) != want:
            start = max(_last_sentence_mark(text, para_start, m.start) + 1, para_start)
            # the namesake only where the bare surname is the subject ("Dale said …"); as an object ("a supporter of
            # Dale") it says nothing of who speaks; after a courtesy title ("Mrs. Dale, …, he said") the title already
            # chose among that surname's people (people_resolve), so the pronoun means someone else
            other = (
                _namesake(state, m, genders, want)
                if _subject_position(text, start, m.start) and not _title_gender(text, m)
                else None
            )
            if other is None:
                continue
            return other, "the other person of that surname, whose gender fits"
        if _joined_subject(state, text, i, para_start, genders, want):
            return None, JOINED_RULE
        subject = _subject_before_object(state, text, m, para_start, genders, want)
        if subject is not None:
            return subject, "the subject of the sentence naming the last person as its object"
        if want and depth < 3:
            # "But he suggested that Mr. Lew had …. “…,” he said": the person last named is no subject, and the
            # sentence's subject is the same pronoun: both mean one person, found where that pronoun stands
            earlier = _same_pronoun_as_subject(text, para_start, m, want)
            if earlier is not None:
                person, how = _resolve_pronoun(state, text, earlier, pronoun, depth + 1)
                return person, f"the same pronoun as the subject of the sentence before, meaning {how}"
        speaker = _speaker_of_sentence(state, text, m, para_start, pos, genders, want)
        if speaker is not None:
            return speaker, "the speaker of the sentence naming the last person as its object"
        return m.person, "the last person named in the paragraph"
    if fitting_relative is not None:
        return fitting_relative, "a relative whose kinship word fits"
    last = state.last.person if state.last is not None else None
    if last is not None and want:
        # "Hadvar's uncle reaches for his mace. / “…,” he says": past the previous speaker, the person last named
        # owns someone unnamed
        latest = _last_outside_quotes(state, bisect_left(state.starts, pos) - 1)
        if latest >= 0 and mentions[latest].start > state.last.end and _owner_of_person(text, mentions[latest], want):
            return None, OWNER_RULE
    if last is not None:
        # A pronoun whose gender is known to fit a person named (in subject position) since the last
        # speaker, or known not to fit the last speaker, points past the last speaker: "“…,” his son
        # said. / Quaintance studied physics … / “…,” he wrote."
        last_fits = genders.get(last, want) == want
        if not want:
            return last, "the previous speaker"
        addressee = OBJECT_PRONOUN_RE.match(text, state.last.end)
        if addressee is not None and addressee.group().strip() == OBJECT_PRONOUNS[want]:
            # "Wootton asked her, “…?” / She answered": whom the previous speaker addressed, not the speaker
            last_fits, addressed = False, last
        subject = _subject_since(state, text, state.last.end, para_start, genders, want, strict=False)
        if subject is not None:
            return subject, "the subject of a sentence since the previous speaker"
        unnamed = UNNAMED_SUBJECT_RE.search(text, max(state.last.end, para_start), pos)
        if unnamed is not None and _gender([unnamed.group("head").lower()]) in ("", want):
            # "But a spokesman for the Home Office defended the decision. He said: “…”": the unnamed spokesman
            return None, UNNAMED_SUBJECT_RULE
        if last_fits:
            return last, "the previous speaker"
    elif want and _unnamed_person_fits(state.last, want) and not _asked(text, state.last):
        # "“…,” a spokesperson for the employers said. / “…,” he said": the unnamed speaker, not whoever was named
        # before them (unless someone is named as a subject since)
        subject = _subject_since(state, text, state.last.end, para_start, genders, want, strict=False)
        if subject is not None:
            return subject, "the subject of a sentence since the previous speaker"
        return None, UNNAMED_SPEAKER_RULE
    for i in _outside_quotes(state, bisect_right(state.ends, pos) - 1, 0):
        m = mentions[i]
        if want and _owner_of_person(text, m, want):
            return None, OWNER_RULE
        if m.person == addressed or _spoken_of(text, m, pos) or _in_relative_clause(text, m, pos):
            continue
        if _in_brackets(text, m):
            # "(the first track even samples the voice of … Carl Sagan) the EP allowed Luboku to …": an aside's
            # name is not whom a later "he" means, nor is anyone further back
            return None, "the last person named is in brackets, an aside"
        if not want or genders.get(m.person, want) == want:
            # the subject of that sentence when the person last named is its object ("Ruiz promised … the policies
            # of President Obama. / “…,” he said": Ruiz)
            start = _rfind(state, text, "\n", 0, m.start) + 1
            subject = _subject_before_object(state, text, m, start, genders, want)
            if subject is not None:
                return subject, "the subject of the sentence naming the last person as its object"
            earlier = _same_pronoun_as_subject(text, start, m, want) if want and depth < 3 else None
            if earlier is not None:  # "He had protested Gale at a rally. / “…,” he said": not Gale
                person, how = _resolve_pronoun(state, text, earlier, pronoun, depth + 1)
                return person, f"the same pronoun as the subject of the sentence before, meaning {how}"
            return m.person, "the last person named before"
    return None, "nobody fits"


# A sentence opening on a clause without a subject of its own, whose subject is the main clause's: "Asked about …",
# "When pressed on …", "After meeting …", "Speaking to …", "According to …".
PARTICIPLE_OPENING_RE = re.compile(
    r"\s*(?:(?:When|While|After|Before|Since|Once|Upon|On|In)\s+(?:[a-z]+ing|"
    + "|".join(sorted(PARENTHETICAL_PARTICIPLES))
    + r")|[A-Z][a-z]+ing|"
    + "|".join(sorted(p.capitalize() for p in PARENTHETICAL_PARTICIPLES))
    + r")\s"
)


def _participle_opening(text: str, para_start: int, pos: int) -> tuple[int, int]:
    """Where the sentence holding pos opens on a participle clause, up to its comma, before pos: the names in it are
    the participle's objects, never what a pronoun subject of the main clause means ("Asked whether he would accept
    gifts from Lord Vale, he said": not Vale); else (pos, pos)."""
    start = max(_last_sentence_mark(text, para_start, pos) + 1, para_start)
    found = PARTICIPLE_OPENING_RE.match(text, start, pos)
    comma = text.find(",", found.end(), pos) if found is not None else -1
    if comma < 0 or any(mark in text[found.end() : comma] for mark in '“"‘'):
        return pos, pos  # (no comma, or only one inside a quotation: "Choosing between X and Y is a “false choice, …”")
    return start, comma


def _in_relative_clause(text: str, m: Mention, pos: int) -> bool:
    """The name stands inside a relative clause set off by commas that closes before pos, in its sentence (", who is
    lined up to meet Sam Kerr in the next round,"): the clause's object, not the sentence's subject."""
    start = _last_sentence_mark(text, 0, m.start) + 1
    opening = RELATIVE_OPENING_BEFORE_RE.search(text, start, m.start)
    if opening is None:
        return False
    comma = text.find(",", m.end, pos)
    return comma >= 0 and "." not in text[m.end : comma]


RELATIVE_OPENING_BEFORE_RE = re.compile(r",\s+(?:who|whom|whose|which)\s+[a-z][^,]*\s\Z")  # (not "which X decided")


def _spoken_of(text: str, m: Mention, pos: int) -> bool:
    """A name right before a comma and the pronoun at pos, of a parenthetical "he said" ("Vell, he said, also …"): the
    name is what the speaker speaks of."""
    return m.end < pos <= m.end + 3 and SPOKEN_OF_RE.match(text, m.end) is not None


SPOKEN_OF_RE = re.compile(r",\s*(?:he|she)" + REPORTING_AFTER_RE.pattern + r"\s*,")


# A reporting verb's object pronoun, the person addressed ("asked her, “…?”", "told him that …"); not a possessive
# ("told her husband").
OBJECT_PRONOUN_RE = re.compile(r"\s+(?:her|him)(?=\s*[,:“\"]|\s+(?:that|about|if|whether|why|how|what|to)\b)")
OBJECT_PRONOUNS = {"f": "her", "m": "him"}
# A relative clause's object pronoun between a name and a subject pronoun: "Christie, whom he describes".
WHOM_BEFORE_RE = re.compile(r",?\s+(?:whom|who)\s+")
JOINED_RULE = "two people of that gender named together as the subject before: either could be meant"
UNNAMED_SPEAKER_RULE = "the previous speaker, who is not named"
UNNAMED_SUBJECT_RULE = "somebody unnamed, the subject of a sentence since the previous speaker"
# A sentence opening on somebody the text does not name: "But a spokesman for the Home Office defended …".
UNNAMED_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:But|And|Meanwhile|However),?\s+)?(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<head>spokesman|spokeswoman|spokesperson|official|source|aide|representative|insider)\b"
)


def _unnamed_person_fits(last: _Attribution | None, want: str) -> bool:
    """The previous speaker is someone the text introduces without a name ("a spokesperson for the employers", "one
    official"), whose words ("spokeswoman") do not give the other gender. Not a definite description ("the Florida
    senator" may be the senator named before), a pronoun left unresolved, or an organisation."""
    return indefinite_person(last) and _gender(last.written.lower().split()) in ("", want)


def indefinite_person(att: _Attribution | None) -> bool:
    """An attribution to someone introduced without a name: "a spokesperson for the employers", "one official"."""
    if att is None or att.person is not None or att.kind != "person":
        return False
    return att.written.lower().split()[:1] in (["a"], ["an"], ["one"], ["another"])


def _asked(text: str, att: _Attribution) -> bool:
    """The attribution's verb asks ("a reporter asked Montoya, “…?”"): the next "she said" is the answer's speaker."""
    return text[att.start : att.end].lower() in ("asked", "asks", "ask", "wondered", "questioned", "inquired")


def _joined_subject(state: _State, text: str, i: int, para_start: int, genders: dict[int, str], want: str) -> bool:
    """Mention i and the one before it, joined by "and", open their sentence ("Anand and Mensah spoke after the vote.",
    "Both Lindqvist and Dunmore voted"), and both may fit the pronoun: it may mean either, so it means nobody."""
    if not want or not _joined_with_before(state, text, i):
        return False
    m, other = state.mentions[i], state.mentions[i - 1]
    # (a gender not known may be the pronoun's: "Ravi" is in no list, and a wrong speaker is worse than none)
    if genders.get(m.person, want) != want or genders.get(other.person, want) != want:
        return False
    start = max(_last_sentence_mark(text, para_start, other.start) + 1, para_start)
    return _opens_pair(text, start, other.start)


def _joined_with_before(state: _State, text: str, i: int) -> bool:
    """Mention i and the one before it are two people joined by "and" ("Anand and Mensah", "Coun. Ravi Anand and union
    president Kofi Mensah": a role may stand before the second name)."""
    if i == 0:
        return False
    m, other = state.mentions[i], state.mentions[i - 1]
    between = text[other.end : m.start].split()
    return other.person != m.person and between[:1] in (["and"], ["&"]) and all(map(_role_word, between[1:]))


def _opens_pair(text: str, start: int, first: int) -> bool:
    """Only "Both" and the first name's role or title stand between start and the first of two joined names ("Coun.
    Ravi Anand and …", "Both Lindqvist and Dunmore …")."""
    opener = text[start:first].split()
    if opener[:1] in (["Both"], ["both"]):
        opener = opener[1:]
    return all(map(_role_word, opener))


def _role_word(word: str) -> bool:
    """A word of a role before a name: a title ("Coun."), a capitalised word, an occupation or its modifier."""
    low = word.lower()
    return word[:1].isupper() or low in OCCUPATION_NOUNS or low in OCCUPATION_MODIFIERS


def _in_brackets(text: str, m: Mention) -> bool:
    """The mention stands inside round brackets on its line, closed after it ("(… Carl Sagan)")."""
    line = text.rfind("\n", 0, m.start) + 1
    opened = text.rfind("(", line, m.start)
    return opened >= 0 and text.rfind(")", opened, m.start) < 0 and text.find(")", m.end, m.end + 200) >= 0


def _in_description_of(state: _State, text: str, i: int, para_start: int) -> bool:
    """Mention i is the complement in a description set after the name before it ("Tobias Wendell, a former adviser to
    Governor Anselm Drobny"): the description says what the first person is, so a pronoun after it means them."""
    if i == 0:
        return False
    m, before = state.mentions[i], state.mentions[i - 1]
    if before.start < para_start or before.person == m.person or _inside_quote(state, before.start):
        return False
    between = text[before.end : m.start]
    if not between.startswith(", ") or len(between) > 120 or any(c in between for c in '“”";\n'):
        return False
    return _complement_of_description(text, before.end + 2, m)


def _same_pronoun_as_subject(text: str, para_start: int, m: Mention, want: str) -> int | None:
    """Where a he/she of the wanted gender stands as the subject of the sentence naming m, m itself not in subject
    position ("But he suggested that Mr. Lew …"); None otherwise."""
    start = max(_last_sentence_mark(text, para_start, m.start) + 1, para_start)
    if _subject_position(text, start, m.start):
        return None
    words_before = text[start : m.start]
    for found in SUBJECT_PRONOUN_RE.finditer(words_before):
        previous = words_before[: found.start()].split()[-1:]
        if previous and previous[0].lower().strip(",;") in SUBORDINATORS:
            continue
        if QUOTED_RE.search(words_before, 0, found.start()) or "“" in words_before[: found.start()]:
            return None
        word = found.group().split()[0].lower()
        return start + found.start() if _gender([word]) == want else None
    return None


def _subject_before_object(
    state: _State, text: str, m: Mention, para_start: int, genders: dict[int, str], want: str
) -> int | None:
    """When the latest person named is no subject ("Amundsen hugged Varga", "would be led by Samir al-Rashid"), the
    subject of that sentence, if it is another person whose gender does not contradict the pronoun."""
    start = _last_sentence_mark(text, para_start, m.start) + 1
    start = max(start, para_start)
    # (a possessive is never the subject, even after a comma: "Armand Keel, Brellik's longtime friend, suggested")
    if _subject_position(text, start, m.start) and not text.startswith(("'s", "’s"), m.end):
        return None
    for i in range(bisect_left(state.starts, start), bisect_left(state.starts, m.start)):
        other = state.mentions[i]
        if (
            other.person != m.person
            and not _inside_quote(state, other.start)
            and not text.startswith(("'s", "’s"), other.end)
            and (not want or genders.get(other.person, want) == want)
            and _relative(text, other) is None
            and (_subject_position(text, start, other.start) or _before_its_verb(text, start, other))
        ):
            return other.person
    return None


def _speaker_of_sentence(
    state: _State, text: str, m: Mention, para_start: int, pos: int, genders: dict[int, str], want: str
) -> int | None:
    """When the latest person named is no subject and the previous speaker's reporting verb stands in that sentence
    ("“…,” said Ivo Stannard, who as such nominated Mr. Brellik. He called it …": the verb's subject is the sentence's,
    inverted after it), that speaker, if the pronoun's gender does not contradict."""
    last = state.last
    if last is None or last.person is None or last.person == m.person or genders.get(last.person, want) != want:
        return None
    start = max(_last_sentence_mark(text, para_start, m.start) + 1, para_start)
    if not start <= last.start < pos or _subject_position(text, start, m.start):
        return None
    return last.person


def _before_its_verb(text: str, start: int, m: Mention) -> bool:
    """The first name of its sentence, not after a preposition, right before a verb in the past tense ("Just a few
    months ago, Florida developer Ana Ruiz expressed dismay at …")."""
    after = PAST_AFTER_RE.match(text, m.end)
    return (
        after is not None
        and _past(after.group(1))
        and not _after_preposition(text, m.start, CLAUSE_WORDS)
        and not any(w[:1].islower() and _past(w) for w in text[start : m.start].split())
    )


def _subject_since(
    state: _State, text: str, a: int, b: int, genders: dict[int, str], want: str, strict: bool
) -> int | None:
    """The person in subject position between a and b outside quotations whose gender fits (strict: is known to
    fit), in the latest sentence that has one; of two there, the first ("Ruiz, a host, recalled that before the
    vote, Obama was …": Ruiz, the main clause's subject)."""
    mentions = state.mentions
    found, found_sentence = None, -1
    for i in range(bisect_left(state.starts, b) - 1, bisect_left(state.starts, a) - 1, -1):
        m = mentions[i]
        if found is not None and m.end <= found_sentence:
            break
        g = genders.get(m.person)
        if (
            (g == want if strict else g in (None, want))
            and not _inside_quote(state, m.start)
            and not text.startswith(("'s", "’s"), m.end)
        ):
            # (the sentence's own start, even before a: "X said Obama has …" makes Obama no subject after "said")
            lo = max(0, m.start - 400)
            sentence_start = max(_last_sentence_mark(text, lo, m.start) + 1, lo)
            if sentence_start < a and REPORTED_THAT_RE.match(text, a):
                continue  # "Ostrow said that because of his time in jail, Brisk …": the reported clause's subject
            if _subject_position(text, sentence_start, m.start):
                found, found_sentence = m.person, sentence_start
    return found


# What follows the previous speaker's reporting verb when the rest of their sentence is what they reported.
REPORTED_THAT_RE = re.compile(r"[^\S\n]*(?:\w+\s+){0,3}?that\b")


def _namesake(state: _State, m: Mention, genders: dict[int, str], want: str) -> int | None:
    """Another person with the same surname as a one-word mention, whose gender does not contradict."""
    if " " in m.text:
        return None
    word = fold(m.text)
    for i, p in enumerate(state.people):
        if i != m.person and fold(p.name.split()[-1]) == word and genders.get(i, want) == want:
            return i
    return None


def _title_gender(text: str, m: Mention) -> str:
    """ "m" or "f" when a courtesy title stands right before the mention ("Mrs. Dale", "Mr Dale"), else ""."""
    before = text[max(0, m.start - 6) : m.start].split()[-1:]
    return TITLE_GENDERS.get(before[0].lower().rstrip("."), "") if before else ""


AGE_WORD_RE = re.compile(r"\d{1,3}-year-old")  # "17-year-old Jared Potts said"


def _subject_position(text: str, sentence_start: int, pos: int) -> bool:
    """Only titles stand between pos and the sentence start or a comma ("Asked why, Dr. Ruiz …")."""
    words = text[sentence_start:pos].split()
    # (a comma inside a title's closing mark ends an introduction too, "On “Morning Hour,” Sen. Ruiz …", not one
    # closing the quotation that opens the sentence: "“…,” former Quill speechwriter Ana Ruiz wrote")
    closing = CLOSING_MARKS if words and words[0][:1] not in OPENING_MARKS else ""
    after = ""  # the word popped last, which followed this one
    while (
        words
        and not words[-1].rstrip(closing).endswith(",")
        # "Taking Archie outside is his favourite activity": a gerund's object, not a title before a subject (but
        # "Housing Minister Sean Fraser": a noun in -ing before a role is the role's)
        and not (words[-1].endswith("ing") and words[-1].lower() != "king" and after not in ROLE_WORDS)
        and (
            words[-1][:1].isupper()
            or words[-1].lower() in ROLE_WORDS
            or words[-1].lower() in ROLE_DESCRIPTORS
            or AGE_WORD_RE.fullmatch(words[-1])
            # "Acme forecaster Dan Wirth is …": an occupation right before the name, after capitalised words only
            or (
                not after
                and words[-1] in OCCUPATION_NOUNS
                and len(words) > 1
                and all(w[:1].isupper() for w in words[:-1])
            )
        )
    ):
        after = words.pop().lower()
    return not words or words[-1].rstrip(closing).endswith(",")


CLOSING_MARKS = "”’\"'"
OPENING_MARKS = "“‘\"'"


def _sentence_subject(state: _State, text: str, a: int, b: int) -> int | None:
    """The person a sentence is about: its first non-possessive mention in subject position, unless "he" or "she"
    stands before it as the subject ("Flying home, she vented to her husband, Frank Fiorina, that …": the name after
    the comma is an appositive, not the subject); a name followed by a role and another name is a modifier
    ("Former Obama spokesman Robert Gibbs derided …": Gibbs)."""
    mentions = state.mentions
    opener = text[a:b].split(None, 1)[:1]
    lo = a
    if (
        opener
        and opener[0][:1].isupper()
        and opener[0].lower() in OPENING_SUBORDINATORS
        and (comma := text.find(",", a, b)) >= 0
    ):
        lo = comma + 1  # "When Tomas Pell asked the mayor …, Brandt said …": the main clause's subject, after the comma
    for i in range(bisect_left(state.starts, lo), bisect_left(state.starts, b)):
        m = mentions[i]
        if (
            not _inside_quote(state, m.start)
            and not text.startswith(("'s", "’s"), m.end)
            and _subject_position(text, lo, m.start)
        ):
            if _pronoun_subject_before(text[a : m.start]):
                return None
            if i + 1 < len(mentions) and _modifies(text, m, mentions[i + 1]):
                continue
            return m.person
    return None


SUBJECT_PRONOUN_RE = re.compile(r"(?:^|(?<=\s))(?:[Hh]e|[Ss]he)\s+[a-z]")


def _pronoun_subject_before(words_before: str) -> bool:
    """ "he" or "she" stands as a subject in the main clause before a name (not in a quotation, not after a
    subordinating word)."""
    plain = QUOTED_RE.sub(" ", words_before)
    for m in SUBJECT_PRONOUN_RE.finditer(plain):
        previous = plain[: m.start()].split()[-1:]
        if not previous or previous[0].lower().strip(",;") not in SUBORDINATORS:
            return True
    return False


def _modifies(text: str, m: Mention, following: Mention) -> bool:
    """The name m only qualifies a role before the next name: "Obama spokesman Robert Gibbs", "Trump adviser Ana
    Ruiz"."""
    words = text[m.end : following.start].split()
    return 0 < len(words) <= 3 and all(w.lower() in ROLE_WORDS or w.lower() in ROLE_DESCRIPTORS for w in words)


# Determiners of a role back-reference to one known person ("the coach", "my coach"); "a"/"one driver" is nobody in
# particular.
DEFINITE_RE = DEFINITE_RE_ENGLISH
ROLE_WINDOW_STOP_RE = re.compile(r"[.!?;:\n“”\"()—–]")
ROLE_TOKEN_RE = re.compile(r"[\w’'-]+|,")


def _role_reference(state: _State, text: str, pos: int, phrase: str) -> int | None:
    """ "the coach", "the top seed", "my father": the person last introduced before pos with that head noun in
    their role, else a person whose introduced role ends with it."""
    owned = OWNED_ROLE_RE.match(phrase) if state.words is ENGLISH_WORDS else None
    if owned is not None:
        # "Nvidia’s chief executive" after "Nvidia chief executive Jensen Huang": the one holder of the role at that
        # owner (not the chief executive of another firm)
        head = owned.group(2).split()[-1].lower()
        holders = {
            m.person
            for m in state.mentions[: bisect_left(state.starts, pos)]
            if head in state.people[m.person].role.lower().split() and _role_at(state, text, m.person, owned.group(1))
        }
        return holders.pop() if len(holders) == 1 else None
    words = phrase.lower().split()
    if len(words) > 4 or not state.words.determiner_re.match(phrase + " "):
        return None
    head = words[-1]
    if head in NON_PERSON_WORDS or head in ORGANISATION_HEADS or head in DOCUMENT_HEADS:
        # "the union said", "the newspaper admitted", "the report stated": the organisation or the text speaks, not
        # a person named with it
        return None
    if not state.words.definite_re.match(phrase):
        return None  # "a spokeswoman said", "one official said": somebody the article does not name
    if state.words is ENGLISH_WORDS and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return None  # "their attorneys said", "the officials said": several people, not one the article named
    if state.words is ENGLISH_WORDS and len(words) == 2 and head.rstrip(".") in ROLE_INITIALS:
        holder = _abbreviated_role(state, text, pos, head.rstrip("."))
        if holder is not None:
            return holder
    folded = fold(head)  # roles are compared folded ("die Oberbürgermeisterin")
    ranks = _ranks(words)
    # Only mentions near a place where the head noun is written, in lower case or capitalised (found with str.find:
    # lower-casing the whole text costs more), are read.
    if state.words.definite_re.match(phrase) and head not in PEOPLE_COMMON_WORDS and head not in NON_PERSON_WORDS:
        person = _introduced_with(state, text, pos, head, folded, ranks if state.words is ENGLISH_WORDS else None)
        if person is not None:
            # ("“…?” one Western official asks. … “…,” the same official explains": not the official named before)
            unnamed = state.words is ENGLISH_WORDS and _unnamed_holder_since(state, text, person, pos, head)
            if unnamed or _passing_mention(state, text, pos, person) or not _department_fits(state, person, words):
                return None
            return person
    places = _role_places(phrase) if state.words is ENGLISH_WORDS else frozenset()
    person = _last_with_role(state, folded, pos, places, ranks)
    if person is not None and state.words is ENGLISH_WORDS and _unnamed_holder_since(state, text, person, pos, head):
        return None
    return person if person is None or _department_fits(state, person, words) else None


# An organisation's role as a subject: "Nvidia’s chief executive", "Acme's spokeswoman".
OWNED_ROLE_RE = re.compile(r"([A-Z][\w&.-]*)['’]s\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\Z")


def _role_at(state: _State, text: str, person: int, owner: str) -> bool:
    """The owner is written in the person's role or right before one of their mentions ("Nvidia chief executive
    Jensen Huang")."""
    if owner.lower() in state.people[person].role.lower():
        return True
    return any(owner in text[max(0, m.start - 40) : m.start] for m in state.mentions if m.person == person)


def _department_fits(state: _State, person: int, words: list[str]) -> bool:
    """A department the reference names is the person's ("the foreign secretary" is not "Home Secretary Ana Vell")."""
    if state.words is not ENGLISH_WORDS:
        return True
    departments = DEPARTMENT_WORDS.intersection(words[:-1])
    return not departments or departments <= set(state.people[person].role.lower().split())


# Departments that tell one secretary or minister from another.
DEPARTMENT_WORDS = frozenset(
    "foreign home defence defense interior health education justice trade energy culture transport environment "
    "labour labor treasury finance housing immigration".split()
)


# Words before a role's noun that make it another office than the noun alone ("deputy minister", "assistant coach");
# a reference without them still means an acting or interim holder ("Interim Fire Chief X" … "the chief"), and an
# associate or assistant professor ("the professor").
RANK_WORDS = frozenset("deputy assistant vice associate acting interim junior".split())
HOLDER_RANKS = frozenset("acting interim".split())


def _ranks(words: list[str]) -> frozenset[str]:
    """The rank words of a reference ("the former deputy minister", "the vice-president": hyphens split)."""
    return RANK_WORDS.intersection(" ".join(words).replace("-", " ").split()[:-1])


def _same_rank(role: str, ranks: frozenset[str], head: str = "") -> bool:
    """The rank words of a person's role are the reference's: "the deputy minister" is no "Environment Minister", "the
    coach" no "assistant coach" (but "the chief" is the interim one, "the professor" the associate one)."""
    own = RANK_WORDS.intersection(role.lower().replace("-", " ").split())
    if ranks:
        return ranks <= own
    return not (own - HOLDER_RANKS - ({"associate", "assistant"} if head == "professor" else set()))


def _unnamed_holder_since(state: _State, text: str, person: int, pos: int, head: str) -> bool:
    """Somebody unnamed with the role came in between the person's last mention and the reference: "Staff Sgt. Ines
    Varga said the officer, who has not been named, is on leave. … the officer wrote", "Const. Mathieu Leduc said …
    An officer in the cruiser was taken to hospital. … the officer told reporters": the unnamed one, more likely."""
    starts = _person_starts(state).get(person, [])
    last = max((s for s in starts if s < pos), default=None)
    if last is None:
        return False
    # (past the mention's own appositive: "Marla Quinby, 34, a nurse at the hospital," is her role)
    mention = state.mentions[bisect_left(state.starts, last)]
    own = APPOSITIVE_AFTER_RE.match(text, mention.end, mention.end + 70)
    word = re.escape(head)
    pattern = UNNAMED_HOLDER_PATTERN.format(word=word)
    return re.search(pattern, text[own.end() if own else mention.end : pos]) is not None


# An indefinite phrase with the role's word, or the word described as unnamed ("the officer, who has not been named");
# not a phrase that only names the role after a preposition ("a question for the president").
UNNAMED_HOLDER_PATTERN = (
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:(?!(?:for|to|of|the|with|from|at|by|in|on|about)\s)[\w-]+\s+){{0,3}}?(?i:{word})\b"
    r"|\b(?i:{word}),\s+who\s+(?:has|had|was|is)\s+not\s+(?:been\s+)?(?:named|identified)"
)


# Words before a role that make it another's: "Deputy Prime Minister", "former chief executive", "an aide to the
# chief executive" (for _abbreviated_role): the rank words but "junior", and a past or a service to it.
NOT_THE_HOLDER = (RANK_WORDS - {"junior"}) | {"former", "ex", "to"}


def _holds(before: list[str]) -> bool:
    """The words before a role in a person's role say it is theirs: not "Deputy", "former", "to (the)" ("an aide to the
    chief executive")."""
    words = [w for w in before[-2:] if w != "the"]
    return not words or words[-1] not in NOT_THE_HOLDER


def _abbreviated_role(state: _State, text: str, pos: int, initials: str) -> int | None:
    """ "the PM", "the CEO" (ROLE_INITIALS): of the people whose role is written out or as the initials ("Prime
    Minister X", "Harbour Freight CEO X", "X, general manager of the Otters,"), not a deputy's, a former holder's or
    an aide's to it, the one named last before pos (else the first after); None when nobody has it."""
    key = ("abbreviated role", initials)
    count, holders = state.memo.get(key, (-1, set()))
    if count != len(state.mentions):  # (read again when a mention is added)
        phrase = rf"\b(?:{ROLE_INITIALS[initials]}|{initials})\b"
        in_role = re.compile(phrase)
        after_name = re.compile(rf",\s+(?:the\s+)?{phrase}", re.IGNORECASE)
        holders = set()
        state.memo[key] = (len(state.mentions), holders)
        for i, person in enumerate(state.people):
            role = fold(person.role).lower()
            if any(_holds(role[: m.start()].split()) for m in in_role.finditer(role)):
                holders.add(i)
        for m in state.mentions:
            if m.person not in holders and after_name.match(text, m.end, m.end + 40):
                holders.add(m.person)  # "Ravi Tamsin, general manager of the Otters,"
    return _named_last_before(state, holders, pos) if holders else None


PASSING_MENTION_REACH = 1500  # characters back from a role reference beyond which a person named once is long gone


def _passing_mention(state: _State, text: str, pos: int, person: int) -> bool:
    """The role's person was named once, long before, in passing ("soul star Peabo Bryson" ten paragraphs up), and the
    role's own sentence names someone else ("when Dion was asked …, the star explained"): "the star" is likelier
    theirs. (Not "Bo Lind nodded. “Ready,” the coach said": a coach introduced as such, another person's sentence.)"""
    own = _person_starts(state).get(person, [])
    if bisect_left(own, pos) != 1:
        return False
    if pos - state.mentions[bisect_left(state.starts, own[0])].end < PASSING_MENTION_REACH:
        return False
    para = _rfind(state, text, "\n", 0, pos) + 1
    sentence = max(_last_sentence_mark(text, para, pos) + 1, para)
    return any(
        m.person != person and not _inside_quote(state, m.start)
        for m in state.mentions[bisect_left(state.starts, sentence) : bisect_left(state.starts, pos)]
    )


# A role written at j introduces a name that starts up to 120 characters before j or up to 60 after it, and ends no
# more than 70 before it ("Ana Gil, the club's coach,", "top seed Ana Gil").
NAME_BEFORE_ROLE, NAME_AFTER_ROLE, NAME_END_BEFORE_ROLE = 120, 60, 70


def _introduced_with(
    state: _State, text: str, pos: int, head: str, folded: str, ranks: frozenset[str] | None = None
) -> int | None:
    """The person the latest place before pos where the head noun is written ("coach" or "Coach") introduces with
    that role; of several in its reach, the latest named. Read from the mentions with the role, latest first, not
    from the places: a text of many "the coach said" walked every place before each one (quadratic, and a search
    of the whole text before each place: cubic)."""
    lows, caps = _head_places(state, text, head), _occurrences(state, text, head.capitalize())
    low_end, cap_end = pos - len(head), pos - len(head.capitalize())  # (a place ends before pos, as rfind finds it)
    mentions, starts = _role_mentions(state, text, head, folded)
    best, person = -1, None
    for i in range(bisect_left(starts, pos) - 1, -1, -1):
        m = mentions[i]
        if m.start + NAME_BEFORE_ROLE <= best:
            break  # (no earlier mention reaches a later place)
        if _inside_quote(state, m.start):
            continue
        top = min(m.start + NAME_BEFORE_ROLE, m.end + NAME_END_BEFORE_ROLE)
        j = max(_last_at_most(lows, min(top, low_end)), _last_at_most(caps, min(top, cap_end)))
        if j > m.start - NAME_AFTER_ROLE and j > best:
            if ranks is not None and not _same_rank(" ".join(text[max(0, j - 25) : j].split()[-2:]), ranks, head):
                continue  # "assistant coach Lena Okafor" for "the coach", "Minister X" for "the deputy minister"
            best, person = j, m.person
    return person


# (a determiner after the verb: "who still manages to smile", "who owns up to it" give no role)
WHO_AGENT_RE = re.compile(
    r",\s+who\s+(?:also\s+|now\s+|still\s+)?(" + "|".join(AGENT_NOUNS) + r")\s+(?:the|a|an|his|her|their)\b"
)


def _head_places(state: _State, text: str, head: str) -> list[int]:
    """Where the head noun stands in lower case, and where a relative clause gives it by its verb ("who owns" for
    "owner": AGENT_VERBS), ascending."""
    if head not in AGENT_VERBS:
        return _occurrences(state, text, head)
    places = state.memo.get(("head places", head))
    if places is None:
        places = sorted(
            _occurrences(state, text, head)
            + [j for verb in AGENT_VERBS[head] for j in _occurrences(state, text, f"who {verb} ")]
        )
        state.memo["head places", head] = places
    return places


def _role_mentions(state: _State, text: str, head: str, folded: str) -> tuple[list[Mention], list[int]]:
    """The mentions (and their starts) with a place of the head noun in reach and that role, their person's or the
    words they are introduced with; once an article and head, again when a mention is added."""
    key = ("role mentions", head, len(state.mentions))  # (mentions are only ever added)
    found = state.memo.get(key)
    if found is None:
        starts, near = state.starts, set()
        for j in _head_places(state, text, head) + _occurrences(state, text, head.capitalize()):
            for i in range(bisect_left(starts, j - NAME_BEFORE_ROLE), bisect_left(starts, j + NAME_AFTER_ROLE)):
                if state.mentions[i].end >= j - NAME_END_BEFORE_ROLE:
                    near.add(i)
        found = ([], [])
        for i in sorted(near):
            m = state.mentions[i]
            role = state.people[m.person].role
            if folded in fold(role).replace("'s", "").replace(".", "").split() or folded in _role_words_at(text, m):
                found[0].append(m)
                found[1].append(m.start)
        state.memo[key] = found
    return found


def _role_places(phrase: str) -> frozenset[str]:
    """The places the gazetteer knows that a role names, in runs of its capitalised words: "Ohio Gov." -> {"ohio"},
    "the former New Jersey governor" -> {"new jersey"}; not a party, "U.S." or a rank ("the Republican governor",
    "Staff Sgt.")."""
    raw = phrase.split()
    words = [fold(w.strip(",")).lower().replace("'s", "").replace("’s", "") for w in raw]
    places = name_data.load().places
    found = set()
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n <= len(words) and all(w[:1].isupper() for w in raw[i : i + n]):
                if (run := " ".join(words[i : i + n])) in places:
                    found.add(run)
                    break
    return frozenset(found)


def _last_with_role(
    state: _State, folded: str, pos: int, places: frozenset[str] = frozenset(), ranks: frozenset[str] = frozenset()
) -> int | None:
    """ "the governor": the person named last before pos whose role ends with the word, or is titled with it ("Gov.",
    "S/Sgt.", a court's "Justice"; not a department's: "Minister of Justice" is no judge); not one whose role names
    another place than the reference ("the Florida governor" is not "Ohio Gov. X"). Roles never change once read and
    people are only appended, so each person is read once an article for each word."""
    read, matching = state.memo.get(("role ends", folded), (0, ()))
    if read < len(state.people):
        found = list(matching)
        for i in range(read, len(state.people)):
            words = fold(state.people[i].role).replace("'s", "").split()
            if not words:
                continue
            last = words[-1].rsplit("/", 1)[-1]  # ("S/Sgt.": a staff sergeant)
            department = len(words) > 1 and words[-2].lower() in ("of", "for")
            # ("fire inspector" is no "officer": only a capitalised rank is, "Const.", "Inspector")
            written = state.people[i].role.split()[-1].rsplit("/", 1)[-1]
            generic = folded in GENERIC_ROLE_NAMES and not written[:1].isupper()
            if folded == last or (
                not department and not generic and folded in TITLE_ROLE_NAMES.get(last.lower().rstrip("."), ())
            ):
                found.append(i)
        matching = tuple(found)
        state.memo["role ends", folded] = (len(state.people), matching)
    if places:
        matching = tuple(i for i in matching if not (own := _role_places(state.people[i].role)) or own & places)
    if state.words is ENGLISH_WORDS:
        matching = tuple(i for i in matching if _same_rank(state.people[i].role, ranks, folded))
    return _named_last_before(state, matching, pos)


def _named_last_before(state: _State, people: Iterable[int], pos: int) -> int | None:
    """Of these people, the one named last before pos; else, as a story's opening may name a role before the person
    ("money that the judge said had been “…”" … "Judge Harriet Calloway"), the first named after it."""
    starts = _person_starts(state)
    best, best_at, first, first_at = None, -1, None, None
    for i in people:
        own = starts.get(i)
        if not own:
            continue
        k = bisect_left(own, pos)
        if k and own[k - 1] > best_at:
            best, best_at = i, own[k - 1]
        elif not k and (first_at is None or own[0] < first_at):
            first, first_at = i, own[0]
    return best if best is not None else first


def _person_starts(state: _State) -> dict[int, list[int]]:
    """Where each person is named, ascending (rebuilt when a mention is added)."""
    count, starts = state.memo.get("person starts", (-1, {}))
    if count != len(state.mentions):
        starts = {}
        for m in state.mentions:
            starts.setdefault(m.person, []).append(m.start)
        for own in starts.values():
            own.sort()
        state.memo["person starts"] = (len(state.mentions), starts)
    return starts


def _role_words_at(text: str, m: Mention) -> list[str]:
    """The role words a mention is introduced with, in its own sentence: lower-case nouns and titles right
    before the name, maybe before a comma ("top seed X", "the government's chief whip, Senator X", "the
    Minister for Health, X"), and an appositive after it (", the club's coach,")."""
    window = text[max(0, m.start - 60) : m.start]
    stop = max((mm.end() for mm in ROLE_WINDOW_STOP_RE.finditer(window)), default=0)
    found: list[str] = []
    commas = 0
    for tok in reversed(ROLE_TOKEN_RE.findall(window, stop)):
        if tok == ",":
            commas += 1
            if commas > 1:
                break
            continue
        low = fold(tok).replace("'s", "").replace("’s", "")
        if low in PEOPLE_COMMON_WORDS and low not in ROLE_CONNECTORS:
            break
        found.append(low)
        if len(found) >= 6:
            break
    after = APPOSITIVE_AFTER_RE.match(text, m.end, m.end + 70)
    if after:
        found.extend(fold(after.group(1)).replace("'s", "").split())
    if agent := WHO_AGENT_RE.match(text, m.end, m.end + 40):
        found.append(AGENT_NOUNS[agent.group(1)])  # ", who owns the bakery,": the owner
    return found


def _qualifies_noun(text: str, a: int, mention: Mention, b: int) -> bool:
    """The name is followed, inside the subject phrase, by a noun it only qualifies ("Clinton supporters"), or
    stands between a determiner and a lower-case word ("another early Gale backer", "a Gale supporter"): the
    phrase's head is that noun, and a name before the phrase is the speaker it describes."""
    after = text[mention.end : b].split(None, 1)
    if not after:
        return False
    if after[0] in QUALIFIED_NOUNS:
        return True
    word = after[0].rstrip(",;:")
    return (
        word.isalpha()
        and word.islower()
        # an adverb, a verb or a relative after the name is no noun: "the mayor Ana Gale also said", "… has said"
        and not word.endswith(TAIL_ENDINGS + ("ed", "self"))
        and word not in SUBJECT_VERB_WORDS
        and word not in RELATIVE_PRONOUNS
        and any(w.lower() in DETERMINER_OPENERS for w in text[a : mention.start].split())
    )


def _complement_of_description(text: str, a: int, mention: Mention) -> bool:
    """The name stands after a preposition in a description that opens with a determiner, with only titles between
    ("said the former top aide to President Ruiz", "a spokeswoman for Sen. Ruiz said"): the head of the noun phrase
    is the description, and the person named is only its complement (a lawyer for Ruiz is not Ruiz)."""
    before = text[a : mention.start].split()
    if len(before) < 2 or before[0].lower() not in DETERMINER_OPENERS:
        return False
    if text.startswith(", who ", mention.end):
        return False  # "… was steep for Mr. Ruiz, who said": the name is the antecedent of the speaking relative
    k = len(before) - 1
    while k > 0 and (before[k].lower() in NAME_PREFIX_WORDS or before[k].lower().rstrip(".") in NAME_PREFIX_WORDS):
        k -= 1  # titles before the name ("to President", "for Sen.")
    if before[k].lower() in ("from", "by") and k and before[k - 1].lower() in AUTHORED_HEADS:
        return False  # "A statement from X said": the statement's words are X's
    return before[k].lower() in DESCRIPTION_PREPOSITIONS
