"""Who a figure is attributed to, with acronyms and full names folded into one name."""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import Caseless, alternation

# Canonical name -> spellings met in reports (matched case-insensitively, longest first).
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "UNHCR": ("unhcr", "un refugee agency", "u.n. refugee agency", "united nations refugee agency",
              "un high commissioner for refugees", "united nations high commissioner for refugees",
              "office of the united nations high commissioner for refugees", "the refugee agency"),
    "IOM": ("iom", "international organization for migration", "international organisation for migration",
            "un migration agency", "united nations migration agency", "displacement tracking matrix", "dtm"),
    "OCHA": ("ocha", "unocha", "un office for the coordination of humanitarian affairs",
             "united nations office for the coordination of humanitarian affairs",
             "office for the coordination of humanitarian affairs", "un humanitarian office",
             "un humanitarian affairs office", "un aid office", "un humanitarian agency",
             "un humanitarian coordination office", "united nations humanitarian office"),
    "UNRWA": ("unrwa", "un agency for palestinian refugees", "un agency for palestine refugees",
              "un relief and works agency", "united nations relief and works agency",
              "un palestinian refugee agency", "un relief agency for palestinian refugees"),
    "WFP": ("wfp", "world food programme", "world food program", "un food agency"),
    "UNICEF": ("unicef", "un children's fund", "united nations children's fund", "un children's agency"),
    "WHO": ("world health organization", "world health organisation"),
    "ICRC": ("icrc", "international committee of the red cross"),
    "IFRC": ("ifrc", "international federation of red cross and red crescent societies"),
    "NRC": ("nrc", "norwegian refugee council"),
    "MSF": ("msf", "doctors without borders", "medecins sans frontieres", "médecins sans frontières"),
    "IDMC": ("idmc", "internal displacement monitoring centre", "internal displacement monitoring center"),
    "Save the Children": ("save the children",),
    "IRC": ("international rescue committee",),
    "Oxfam": ("oxfam",),
    "World Vision": ("world vision",),
    "Mercy Corps": ("mercy corps",),
    "FAO": ("fao", "food and agriculture organization", "un food and agriculture organization"),
    "UNFPA": ("unfpa", "un population fund", "united nations population fund"),
    "Human Rights Watch": ("human rights watch", "hrw"),
    "Amnesty International": ("amnesty international",),
    "United Nations": ("united nations", "un", "u.n.", "un officials", "un figures", "un data"),
}

# "U.N. migration agency" as "UN migration agency".
for _name, _aliases in ORGANISATIONS.items():
    ORGANISATIONS[_name] = (*_aliases, *("u.n. " + a[3:] for a in _aliases if a.startswith("un ")))

# (?!\w), not \b, after the name: "the U.N. said" ends in a full stop.
_ORG_RE = Caseless(r"\b(" + alternation(a for names in ORGANISATIONS.values() for a in names) + r")(?!\w)")
_CANONICAL = {alias: name for name, aliases in ORGANISATIONS.items() for alias in aliases}

_BODY = (r"government|ministry|authorities|authority|officials|official|governor|agency|agencies"
         r"|committee|institute|directorate|service|department|bureau|centre|center|network"
         r"|council|office|commission|spokesman|spokeswoman|spokesperson|mayor|police|army|military"
         r"|red crescent|red cross|aid workers|aid groups|aid officials|relief workers|disaster management agency"
         r"|civil defence|civil defense|state media|news agency|residents|witnesses|activists|monitors"
         r"|observatory|rescuers|leaders|elders|chief|administrator|commissioner|minister|president|premier"
         r"|ombudsman|ombudsperson|ombudswoman|partners|civil society|administration|director|coordinator"
         r"|volunteers|sources|source|secretary|coastguard|coast guard|manager|managers|representative|group"
         r"|representatives|municipality")
_FUNCTION_WORDS = ("and or but the a an of to in on at by for with from that who which were was had have has said where"
                   " when this these those week also then now earlier later while as if after before since other"
                   " some many most all its their his her").split()
# A body, written in lower case ("the disaster preparedness office") or as part of a name ("the Iraqi Red
# Crescent", "Kurdistan Regional Government"), with what it is of ("Ministry of Migration and Displacement",
# "governor of Nineveh").
# It is tried at every word of a sentence, with its word lists as alternations factored by shared prefixes (which
# match as the flat lists do, see lexicon.alternation): the regex engine tries one branch per distinct letter.
_GENERIC = re.compile(
    rf"\b(?<!['\u2019])((?:the |a |local |provincial |state |federal |district |regional |municipal )?"
    # (a name may join two parts with "and": "National Disaster Risk Reduction and Management Council")
    rf"(?:(?:[A-Z][\w'\u2019-]+ ){{1,4}}(?:(?:and|&) (?:[A-Z][\w'\u2019-]+ ){{1,2}})?"
    rf"|(?:(?!{alternation(_FUNCTION_WORDS)}\b)[a-z]+(?:-[a-z]+)* ){{1,2}})?"
    r"(?:(?i:ombudsman|governor|president|mayor|minister|premier|commissioner)['\u2019]s )?"  # "the governor's office"
    rf"(?i:{alternation(_BODY.split('|'))})"
    r"(?: of(?: (?:[A-Z][\w'-]+|and|for|the|de|del|da|do|dos|la|al|el|du|des))* [A-Z][\w'-]+)?)\b"
)
# Every match of _GENERIC holds a body word, after at most eight words (each a run of non-spaces and then one
# space) from where it starts: none starts before the eight words before the first body word in a sentence, and a
# sentence without one holds none. The words are read backwards, in the reversed sentence.
_ANY_BODY = Caseless(alternation(_BODY.split("|")))
_WORDS_BACKWARDS = re.compile(r"\S*(?: \S+){0,8}")
_NAME_PARTS = {"service", "department", "bureau", "centre", "center", "network", "office", "agency", "council",
               "group"}
# A person's name: "N. Biren Singh", "Ernani de Freitas Goncalves", "Ahmed al-Tayeb".
_PERSON = (r"(?:[A-Z]\.\s+)*[A-Z][\w'\u2019-]+(?:\s+(?:(?:de|da|do|dos|das|del|della|van|von|bin|ibn|al|el|le|la)\s+)?"
           r"[A-Z][\w'\u2019-]+){1,3}")
_TITLED_NAME = re.compile(rf"\s+({_PERSON}),?\s+"
                          r"(?:said|says|told|estimated|reported|announced|confirmed|stated|noted|warned)\b")
# An organisation's official by title and name, then the verb.
_ORG_OFFICIAL = re.compile(rf"(?:\s+[A-Za-z]+){{0,3}}\s+({_PERSON}),?\s+(?:said|says|told|estimated|reported|added)\b")
# A person set off by commas after their title: "a deputy minister, Hovhannes Harutyunyan, said".
_APPOSED_PERSON = re.compile(rf",\s+({_PERSON}),\s+(?:said|says|told|added)\b")
_PERSON_AFTER = re.compile(rf"\s+({_PERSON})(?![\w'\u2019-])")
# A person who speaks, then what they are: "said Fatima Ali, a spokeswoman for the regional government".
_DESCRIBED_SPEAKER = re.compile(rf"(?:\bsaid|\bsays|\baccording to|\btold)\s+({_PERSON}),\s+(?:a|an|the)\s+[a-z]")
# "Janan Sayeq, a spokesman for the ministry of disasters, said": the person, described before the verb. The
# description is looked for first: it starts with a comma, which the regex engine jumps to.
_DESCRIPTION_SAID = re.compile(r",\s+(?:a|an|the)\s+[a-z][^,;()]{0,80},\s+(?:said|says|told|added)\b")
_PERSON_AT_END = re.compile(rf"(?<![\w'\u2019-])({_PERSON})$")
_COMMON_FIRST = re.compile(
    rf"(?i:aid|relief|humanitarian|local|provincial|state|federal|district|regional|municipal|{_BODY})")
_AND_THE = re.compile(r"\s+and\s+(?:the\s+)?")
_POSSESSIVE_S = re.compile(r"['\u2019]s\s+")
_OWNER = re.compile(r"^[A-Z][\w-]+['\u2019]s\s+")  # "Iraq's Ministry of ...": the country is not part of the name
_ATTRIBUTION_WORDS = ("said", "says", "say", "saying", "added", "estimate", "estimates", "estimated", "reported",
                      "reports", "report",
                      "according to", "told", "recorded", "registered", "counted", "put", "puts", "figures", "data",
                      "tally", "believes", "believe", "stated", "announced", "confirmed", "noted", "warned")
_ATTRIBUTION = Caseless(r"\b" + alternation(_ATTRIBUTION_WORDS) + r"\b")
_PRONOUNS = ("the agency", "the organisation", "the organization", "the office", "it", "they", "the group",
             "the ministry", "the committee", "the authority", "the authorities", "the institute", "he", "she")
_PRONOUN_ATTRIBUTION = Caseless(
    rf"\b{alternation(_PRONOUNS)}\s+{alternation(('said', 'says', 'added', 'estimate', 'estimates', 'reported'))}\b"
)
# "Provincial Disaster Management Authority (PDMA)", or an acronym as the subject: "The INGD said".
# (a citation may follow the acronym in the brackets: "(INGC, 15 January 2017)")
_DEFINED_ACRONYM = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:of|for|and|on|the|[A-Z][\w'-]+))+\s+\(([A-Z]{2,8})[),]")
# (An acronym may hold small letters, "SoDMA"; three capitals at least tell it from a surname such as "McDonald", and
# a plural is people: "IDPs said".)
_ACRONYM = r"(?=(?:[a-z]?[A-Z]){3})(?![A-Z]+s\b)[A-Z][A-Za-z]{2,7}"
_ACRONYM_SUBJECT = re.compile(rf"\b({_ACRONYM})\s+(?:said|says|reported|estimated|estimates|counted|recorded"
                              rf"|registered)\b|\b[Aa]ccording to (?:the\s+)?({_ACRONYM})\b")
# The verb after a body, maybe past where it is ("the committee in North governorate said").
_VERB_AFTER = re.compile(r"(?:\s*\([A-Z][\w.'-]{1,11}\)|\))?"  # "the Office for ... (OCHA) said", "(OCHA) said"
                         r"(?P<where>\s+in\s+(?:the\s+(?:town|city|village|district|province|region|state|county)"
                         r"\s+of\s+)?(?:[A-Z][\w'\u2019-]+\s+)*(?:[A-Z][\w'\u2019-]+|governorate|province"
                         r"|state|region|district))?"
                         r"[\s,]*(?:(?:on|at|from|across)\s+(?:\w+\s+){1,3}?)?"  # "officials on the occupied bank said"
                         r"(?:\w+\s+){0,2}?(?:said|says|say|estimates?|estimated|reported|reports?|told"
                         r"|recorded|registered|counted|puts?|believes?|stated|announced|confirmed|noted|warned"
                         r"|added)\b")
# A body's own name or acronym after its description, before the verb: "the disaster management agency SoDMA said".
_NAMED_AFTER = re.compile(r"\s+([A-Z][a-z]*[A-Z][A-Za-z]*)[\s,]+(?:said|says|reported|estimated|told)\b")
# ("according to the country's disaster management agency": whose body it is comes between)
_VERB_BEFORE = re.compile(r"(?:\bsaid|\bsays|\baccording to|\btold|\b(?:released|published|compiled|provided|issued"
                          r"|gathered|collected) by)\s+(?:the\s+)?(?:(?:country|government|state|region|city"
                          r"|province|army|military)['\u2019]s\s+)?$")


# An official's title before their name: "Chief Minister N. Biren Singh", "deputy mayor Sayed Yusuf".
_TITLES = ("minister", "governor", "mayor", "president", "commissioner", "director", "spokesman", "spokeswoman",
           "spokesperson", "secretary", "coordinator", "administrator", "commander", "chief")
_TITLE_AND_NAME = re.compile(rf"\b((?:[A-Za-z]+ ){{0,2}}?(?i:{alternation(_TITLES)}))\s+({_PERSON})")


def named_officials(text: str) -> dict[str, str]:
    """Each title the text gives a person, in lower case, with and without its qualifiers, to the first person
    it is given ("chief minister" and "minister" -> "N. Biren Singh"): the person "the chief minister" is."""
    officials: dict[str, str] = {}
    for found in _TITLE_AND_NAME.finditer(text):
        title = found.group(1).lower()
        officials.setdefault(title, found.group(2))
        officials.setdefault(title.rsplit(" ", 1)[-1], found.group(2))
    return officials


def is_title(source: str) -> bool:
    """Whether a source is an official's title alone ("chief minister", "the governor")."""
    return source.islower() and source.rsplit(" ", 1)[-1] in _TITLES


def normalize_source(name: str) -> str:
    """One name per organisation: 'International Organisation for Migration' -> 'IOM'."""
    key = " ".join(name.lower().split())
    key = re.sub(r"^the ", "", key) if key not in _CANONICAL else key
    return _CANONICAL.get(key, _CANONICAL.get("the " + key, name.strip()))


def find_source(sentence: str, previous: str | Callable[[], str | None] | None = None) -> str | None:
    """The organisation or official the sentence attributes its figures to, if it says; previous is the source
    of the sentences before, or a function that finds it, called only if this sentence refers back to it."""
    if not _ATTRIBUTION.search(sentence):
        return cited(sentence) if "(" in sentence else None
    org = _speaking_organisation(sentence)
    if org:
        # "UN humanitarian chief Valerie Amos said" is the chief's word; a spokesperson's is the organisation's
        official = _ORG_OFFICIAL.match(sentence, org.end())
        if official and "spokes" not in official.group().lower():
            return official.group(1)
        joined = _AND_THE.match(sentence, org.end())
        other = _ORG_RE.match(sentence, joined.end()) if joined else None
        if other is not None:  # "according to OCHA and UNHCR": both
            return f"{normalize_source(org.group(1))} and {normalize_source(other.group(1))}"
        before = next((o for o in _ORG_RE.finditer(sentence[:org.start()])
                       if _AND_THE.fullmatch(sentence, o.end(), org.start())), None)
        if before is not None:  # "UNHCR and the IOM said"
            return f"{normalize_source(before.group(1))} and {normalize_source(org.group(1))}"
        return normalize_source(org.group(1))
    defined = _DEFINED_ACRONYM.search(sentence) if "(" in sentence else None
    # The body an acronym is defined for speaks if the sentence says so, not when it is only named ("fighting
    # between the National Liberation Army (ELN) and ..., the ombudsman said").
    if defined and (_VERB_AFTER.match(sentence, defined.end()) or _VERB_BEFORE.search(sentence[:defined.start()])):
        return normalize_source(defined.group(1))
    subject = _ACRONYM_SUBJECT.search(sentence)
    if subject:
        return normalize_source(subject.group(1) or subject.group(2))
    if _PRONOUN_ATTRIBUTION.search(sentence):
        earlier = _earlier(previous)
        if earlier:
            return earlier
    described = _DESCRIBED_SPEAKER.search(sentence) or _speaker_described(sentence)
    if described:
        return described.group(1)
    speaker = _speaker(sentence)
    if speaker and " " not in speaker and speaker.islower():
        # "according to the agencies": the ones named before ("aid agencies said"), if they are
        earlier = _earlier(previous)
        if earlier and earlier.rsplit(" ", 1)[-1].lower() == speaker:
            return earlier
    if speaker:
        return speaker
    if defined:
        return normalize_source(defined.group(1))
    named = _NAME_SAID.search(sentence)  # "Lebanon's General Security said": a name we have no word for
    if named:
        return re.sub(r"^The\s+", "", named.group(1))
    return cited(sentence) if "(" in sentence else None


# A reference in brackets, as reports and situation updates give them: "(OCHA, 18 February 2017)", "(IOM DTM,
# September)", "(IFRC disaster update, 25 January 2017)". It holds a date, or says what kind of document it is.
_CITATION = re.compile(r"\(\s*([A-Z][^()]{1,100}?)\)")
_CITED_WHEN = re.compile(r"\b(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October"
                         r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|report|update|bulletin"
                         r"|sitrep|assessment|data|dashboard|snapshot|flash)\b", re.IGNORECASE)
_CITED_BODY = re.compile(r"[A-Z][A-Za-z]{1,9}(?=[\s,]|$)")


def cited(sentence: str) -> str | None:
    """Who the sentence cites in brackets, when it attributes its figures in no other way: the first known
    organisation the reference names, else the acronym it opens with ("KSNT")."""
    for citation in _CITATION.finditer(sentence):
        reference = citation.group(1)
        if not _CITED_WHEN.search(reference):
            continue
        org = _ORG_RE.search(reference)
        if org:
            return normalize_source(org.group(1))
        opening = _CITED_BODY.match(reference)
        if opening and sum(ch.isupper() for ch in opening.group()) >= 2:
            return opening.group()
    return None


# A capitalised name of two words or more opening a sentence or clause, as the subject of an attribution verb (one
# word is most often a surname, of someone the story named before: "Baloch said").
_NAME_SAID = re.compile(r"(?:^|(?<=[.;:,]\s))(?:[A-Z][\w-]+['\u2019]s\s+)?((?:[A-Z][\w'\u2019&-]+\s+(?:(?:of|for|and"
                        r"|the)\s+)?){1,4}[A-Z][\w'\u2019-]+)\s+(?:said|says|reported|reports|estimated|estimates"
                        r"|announced|told)\b")


def _speaker_described(sentence: str) -> re.Match[str] | None:
    """The person named right before a description of them and the verb ("X, a spokesman for Y, said")."""
    description = _DESCRIPTION_SAID.search(sentence)
    return _PERSON_AT_END.search(sentence, 0, description.start()) if description else None


def _earlier(previous: str | Callable[[], str | None] | None) -> str | None:
    """The source of the sentences before, looked up now if find_source was given the way to find it."""
    return previous() if callable(previous) else previous


def _speaking_organisation(sentence: str) -> re.Match[str] | None:
    """The known organisation the sentence names as the one speaking ("... took refuge at UN bases, OCHA said"),
    else the first it names."""
    first = _ORG_RE.search(sentence)  # as in most sentences: the only one, if any
    if first is None or _speaks(sentence, first):
        return first
    speaking = next((org for org in _ORG_RE.finditer(sentence) if org.start() > first.start()
                     and _speaks(sentence, org)), None)
    # "... moved in to take over a U.N. base, local officials said": a place of the organisation's, not its word
    return speaking or (None if _ITS_PREMISES.match(sentence, first.end()) else first)


_ITS_PREMISES = re.compile(r"\s+(?:peacekeeping\s+|logistics\s+|military\s+)?(?:base|bases|compound|compounds"
                           r"|premises|warehouses?|facility|facilities|camp|camps|site|sites|school|schools|convoy"
                           r"|convoys|truck|trucks|mission|shelter|shelters|clinic|clinics)\b", re.IGNORECASE)


def _speaks(sentence: str, org: re.Match[str]) -> bool:
    """Whether an attribution verb follows the organisation's name, or comes just before it."""
    return _VERB_AFTER.match(sentence, org.end()) is not None \
        or _VERB_BEFORE.search(sentence, max(0, org.start() - 30), org.start()) is not None


def _speaker(sentence: str) -> str | None:
    """The body that is the subject of the attribution verb ('local officials said', 'said the governor');
    a body named elsewhere in the sentence is not the source."""
    body = _ANY_BODY.search(sentence)
    if body is None:
        return None
    # _GENERIC is tried at every word, which is slow: it is tried from where its first match can start.
    reach = _WORDS_BACKWARDS.match(sentence[::-1], len(sentence) - body.start())
    begin = len(sentence) - reach.end() if reach else 0  # reach is never None: it may be empty
    for match in _GENERIC.finditer(sentence, begin):
        person = _TITLED_NAME.match(sentence, match.end()) or _APPOSED_PERSON.match(sentence, match.end())
        if person:  # "Interior Minister Ihor Klymenko said": the person speaks
            return person.group(1)
        verb = _VERB_AFTER.match(sentence, match.end())
        if verb and (named := _NAMED_AFTER.match(sentence, match.end())):
            return named.group(1)  # "the disaster management agency SoDMA said": its own name
        spoken = _VERB_BEFORE.search(sentence[:match.start()]) if not verb else None
        if spoken and (person := _PERSON_AFTER.match(sentence, match.end())):
            return person.group(1)  # "said Mayor Ernani de Freitas"
        if verb or spoken:
            said = match.group(1) + (verb.group("where") or "" if verb else "")
            phrase = re.sub(r"^(?:the|a)\s+", "", said.strip(), flags=re.IGNORECASE)
            owned = _OWNER.sub("", phrase)
            if owned[:1].isupper():
                phrase = owned  # "Iraq's Ministry of ..." is the ministry
            elif owned != phrase and not _COMMON_FIRST.fullmatch(phrase.split("'")[0].split("\u2019")[0]):
                phrase = _POSSESSIVE_S.sub(" ", phrase, count=1)  # "Syria's government": the Syria government
            if phrase.lower() in _NAME_PARTS:
                continue  # "the department said": which one, the sentence does not say
            first, _, rest = phrase.partition(" ")
            # "Local officials said" opening a sentence is "local officials"; "Ministry of Health" is a name.
            head = re.split(r"\bin\b", rest, maxsplit=1)[0]  # "Officials in the town of Tibu said"
            if _COMMON_FIRST.fullmatch(first) and (first.islower() or head == head.lower()):
                phrase = f"{first.lower()} {rest}".strip()
            return _place_first(phrase)
    return None


# "... in (the town of) Pibor", at the end of a body's description: where the body is.
_IN_PLACE = re.compile(r"^(?P<body>[a-z][a-z' -]*?) in (?:the (?:town|city|village|district|province|region|state"
                       r"|county|governorate) of )?(?P<place>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
                       r"(?: (?:state|province|governorate|region|district|county))?)$")


def _place_first(phrase: str) -> str:
    """A body named with where it is, named as the annotators write it: "disaster management committee in North
    governorate" -> "North governorate disaster management committee", "officials in the town of Pibor" -> "Pibor
    officials"."""
    found = _IN_PLACE.match(phrase)
    return f"{found.group('place')} {found.group('body')}" if found else phrase

