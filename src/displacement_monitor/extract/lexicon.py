"""Words that tell what a number counts and what happened to the people it counts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

PEOPLE_NOUNS = {
    "people", "persons", "person", "individuals", "civilians", "residents", "inhabitants", "villagers",
    "children", "women", "men", "idps", "idp", "migrants", "citizens", "nationals", "others",
    "returnees", "refugees", "evacuees", "displaced", "homeless", "survivors", "asylum-seekers",
    "newcomers", "arrivals", "minors", "pupils", "students", "farmers", "herders", "pastoralists",
    "fishermen", "workers", "patients", "elderly", "girls", "boys", "adults", "orphans", "dwellers",
    "souls", "occupants", "tenants", "passengers", "pilgrims", "more", "displacements",
    "tourists", "visitors", "holidaymakers", "vacationers", "campers", "guests", "affectees", "trekkers",
    "hikers", "climbers", "mountaineers", "victims",
}
# A direction that qualifies a place: "north-western Tigray", "the southeast" (with "-ern" where it is an adjective).
DIRECTION = r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
# Peoples whose names take no plural ending ("20,000 Rohingya", "two million Burkinabe"); those that do
# ("Kurds", "Yazidis", "Congolese") are told by their ending.
PEOPLE_NAMES = frozenset(
    "rohingya burkinabe burkinabè fulani peul peuls tuareg masalit zaghawa fur hazara banyamulenge kuki meitei nuer"
    " dinka murle shilluk oromo amhara afar somali pashtun baloch uyghur uighur karen kachin rakhine wayuu mapuche"
    " sahrawi bedouin roma lenca garifuna".split())
HOUSEHOLD_NOUNS = {"families", "family", "households", "household"}
HOUSE_NOUNS = {"houses", "homes", "shelters", "dwellings", "buildings", "huts", "residences", "apartments",
               "flats", "house", "home", "homesteads", "structures"}
# A head noun that is itself a term: "16,000 refugees", "1,200 returnees".
NOUN_TERMS = {"refugees": "refugees", "returnees": "returned", "evacuees": "evacuated",
              "displaced": "displaced", "idps": "displaced", "idp": "displaced", "homeless": "homeless",
              "asylum-seekers": "refugees", "arrivals": "displaced", "displacements": "displaced"}
# Words inside the noun phrase that carry the term: "457 damaged houses", "1,200 displaced families".
ADJECTIVE_TERMS = {"displaced": "displaced", "damaged": "destroyed", "destroyed": "destroyed",
                   "flattened": "destroyed", "evacuated": "evacuated", "returning": "returned",
                   "returned": "returned", "homeless": "homeless", "refugee": "refugees", "uprooted": "displaced",
                   "burned": "destroyed", "burnt": "destroyed", "idp": "displaced"}
# Nouns that end the search: the number counts something that is not displaced people.
OTHER_NOUNS = {
    "killed", "dead", "deaths", "died", "casualties", "wounded", "injured", "bodies", "victims",
    "soldiers", "troops", "fighters", "militants", "rebels", "police", "policemen", "officers", "insurgents",
    "combatants", "jihadists", "gunmen", "members", "militiamen", "recruits", "trucks", "lorries",
    "vehicles", "cars", "schools", "camps", "sites", "hospitals", "clinics", "tonnes", "tons", "meals",
    "doses", "cases", "cattle", "livestock", "head", "km", "kilometres", "kilometers", "miles", "metres",
    "meters", "hectares", "acres", "dollars", "euros", "pounds", "francs", "shillings", "rials", "riyals",
    "dinars", "percent", "per", "hours", "days", "weeks", "months", "years", "year", "minutes", "votes",
    "seats", "times", "units", "beds", "kits", "litres", "liters", "kg", "mm", "cm", "degrees", "points",
    "districts", "villages", "towns", "cities", "provinces", "countries", "states", "communes", "localities",
    "settlements", "neighbourhoods", "neighborhoods", "communities", "islands", "bridges", "roads",
    "organisations", "organizations", "agencies", "partners", "staff", "teachers", "doctors", "nurses",
    "year-old", "years-old", "aid", "projects", "tents", "rounds", "missiles", "rockets", "strikes",
    "attacks", "incidents", "arrests", "detainees", "prisoners", "inmates", "hostages", "abductions", "mother",
    "father",
    "boats", "flights", "buses", "planes", "ships", "centres", "centers", "shelters'", "compounds", "bases",
    "cents", "billion", "blankets", "rations", "checkpoints", "crossings", "shops", "mosques",
    "churches", "wells", "latrines", "places", "spaces", "kilos", "bags", "goats", "sheep",
}
SKIPPABLE = {
    "internally", "newly", "other", "additional", "new", "local", "mostly", "recently", "already",
    "registered", "vulnerable", "affected", "poor", "of", "the", "them", "those", "whom", "a", "an",
    "estimated", "some", "also", "still", "now", "young", "elderly", "further", "nearly", "about", "around",
    "ethnic", "mainly", "many", "all", "more", "fresh", "total", "their", "own",
}
# After the number, these start a verb phrase: the counted noun is implied ("100,000 for Erbil").
IMPLICIT_STARTERS = {
    "who", "which", "that", "have", "has", "had", "were", "are", "was", "is", "been", "being", "will", "in",
    "may", "might", "could", "would", "must",  # a modal: whether a forecast is told by what follows
    "at", "to", "for", "from", "into", "across", "inside", "on", "by", "with", "as", "now", "since", "so",
    "crossed", "fled", "left", "arrived", "returned", "remain", "remained", "remaining", "stayed", "staying",
    "live", "living", "went", "gone", "moved", "headed", "sought", "took", "reached", "later", "alone",
    # when: "rose from 100,000 to 150,000 last week"
    "last", "this", "yesterday", "today", "overnight", "earlier", "during", "over", "after", "before", "within",
    "until", "according",
    # where: "3,000 returned through Chaman"
    "through", "via", "towards", "toward", "back", "home", "near", "along",
}
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()

def _alternatives(pattern: str, start: int) -> tuple[list[str], int]:
    """The alternatives of the group of pattern whose body begins at start (split at its own '|', not at those of
    groups or character classes inside it), and where the group closes; ValueError if it never does."""
    parts: list[str] = []
    depth, begin, i, in_class = 0, start, start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2  # an escaped character is never a bracket or a bar
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            if not depth:
                return [*parts, pattern[begin:i]], i
            depth -= 1
        elif char == "|" and not depth:
            parts.append(pattern[begin:i])
            begin = i + 1
        i += 1
    raise ValueError(f"unbalanced parentheses in {pattern!r}")


def _letter_led(alternative: str) -> bool:
    return "a" <= alternative[:1] <= "z" and alternative[1:2] not in ("?", "*", "+", "{")


def by_first_letter(pattern: str) -> str:
    r"""pattern, which opens with \b(?:A|B|...), with those alternatives grouped by first letter.

    The regex engine tries every alternative of a flat alternation at every word start; grouped, it tries one
    group per distinct first letter, and only that group's alternatives. Alternatives that open with different
    lower-case letters never match at the same offset (not even case-blind), and those with the same one keep their
    order, so the matches do not change; an alternative that opens otherwise stays where it is, groups forming on
    either side of it."""
    if not pattern.startswith(r"\b(?:"):
        raise ValueError(f"not a pattern that opens with \\b(?:A|B|...): {pattern!r}")
    alternatives, close = _alternatives(pattern, 5)
    if re.compile("|".join(alternatives)).groups:
        raise ValueError(f"regrouping would renumber the capturing groups of {pattern!r}")
    branches: list[str] = []
    run: dict[str, list[str]] = {}  # first letter -> the rest of each alternative, of a run of letter-led ones
    for alternative in [*alternatives, None]:
        if alternative is not None and _letter_led(alternative):
            run.setdefault(alternative[0], []).append(alternative[1:])
            continue
        branches += [f"{letter}(?:{'|'.join(rests)})" for letter, rests in run.items()]
        run = {}
        if alternative is not None:
            branches.append(alternative)
    return r"\b(?:" + "|".join(branches) + pattern[close:]


def written_out(pattern: str) -> str:
    r"""pattern, which opens with \b(?:A|B|...), with each alternative that opens with a group of alternatives
    written out as one alternative per member of the group ('(?:left|leaving) X' as 'left X|leaving X').

    The same strings match, and in the same order of preference; but by_first_letter can then put every alternative
    in its letter's group, where one that opens with a group would stay a branch of its own, tried at every word
    start."""
    alternatives, close = _alternatives(pattern, 5)
    return r"\b(?:" + "|".join(out for alternative in alternatives for out in _spelled_out(alternative)) \
        + pattern[close:]


def _spelled_out(alternative: str) -> list[str]:
    """An alternative that opens with a group of alternatives, as one alternative per member of the group (written
    out in turn); any other as it is."""
    if not alternative.startswith("(?:"):
        return [alternative]
    members, close = _alternatives(alternative, 3)
    rest = alternative[close + 1:]
    if rest[:1] in ("?", "*", "+", "{"):
        return [alternative]  # a group that may repeat or be left out is no choice of openings
    return [out for member in members for out in _spelled_out(member + rest)]


def word_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    r"""A regex that opens with \b(?:A|B|...), compiled with those alternatives written out (see written_out) and
    grouped by first letter (see by_first_letter)."""
    return re.compile(by_first_letter(written_out(pattern)), flags)


# Where people shelter ("in two camps", "into UNRWA shelters"), and how they went there ("moved to 112 welfare
# centres"): a place to go to alone is no shelter yet ("plans to move them to new sites"). Up to six words may
# describe the shelter ("in Juba's UN protection of civilians sites", "in more than 1,000 camps").
_SHELTERS = r"(?:(?:[\w'\u2019]+|\d[\d,.]*) ){0,6}?(?:camps?|sites?|shelters|bases?|compounds?|centres|centers" \
            r"|(?:transit|reception|evacuation) cent(?:re|er)|churches|mosques|tent cities|tent camps)"
# Where people go to shelter, which they may also be in for other reasons ("5,000 children in schools").
_GONE_SHELTERS = _SHELTERS[:-1] + r"|schools|stadiums|public buildings|missions|monasteries|halls|warehouses)"
_GONE_TO = (r"(?:moved|crowded|squeezed|packed|crammed|flocked|streamed|poured|went|gone|headed|fled|forced|driven"
            r"|taken|transferred)")
# Where a crowd is packed: one building will do ("crammed into the Catholic mission", "packed into a stadium").
_CROWDED_INTO = r"(?:crowded|squeezed|packed|crammed) into " + _SHELTERS[:-1] + \
    r"|schools?|stadiums?|public buildings|church|mosque|missions?|monaster(?:y|ies)|cathedrals?|convents?|halls?" \
    r"|gymnasiums?|hangars?|warehouses?)"

# Order is specificity: when several terms fit a clause, the earlier one wins.
TERM_RANK = ("returned", "evacuated", "sheltered", "refugees", "homeless", "destroyed", "displaced")
TERM_PATTERNS: dict[str, re.Pattern[str]] = {
    "returned": word_regex(r"\b(?:returned|returnees?|returning|went back|gone back"
                           r"|(?:have|has|had)(?: (?:since|now|already|mostly|largely|all))? gone home"
                           r"|went home|go home"
                           r"|come home|came home|back to their homes|crossed back|came back|coming back|come back"
                           r"|comes back|moved back|moving back"
                           r"|headed home|heading home|(?:left|leaving) (?:\w+ ){0,6}to return"
                           r"|(?:been|were|was) (?:allowed|permitted) (?:to go back|back|to return)"
                           r"|(?:in|to|for) their (?:home (?:towns?|villages?|areas?)"
                           r"|(?:areas?|places?|villages?) of origin))\b"),
    # "in evacuation centres" is where people shelter, not what was done to them; an "evacuation order" tells
    # people to go, and does not say they went
    "evacuated": word_regex(r"\b(?:evacuat\w*\b(?!\s+(?:centres?|centers?|sites?|shelters?|camps?|orders?"
                            r"|warnings?|notices?|plans?|routes?|zones?))"
                            r"|relocated|rescued|moved to safety|taken to safety|brought to safety"
                            # ("moved some 3,500 hotel guests by boat": people moved by others)
                            r"|moved(?= (?:(?:some|about|around|nearly|more than|over|at least|an estimated) )?\d)"
                            r"|(?:been|were|being) moved"
                            r"|airlifted|moved out|brought out|taken out|flown out|flown home|taken home"
                            # ("were taken by bus and plane to Grande Prairie", "taken by ferry and coast guard boats")
                            r"|(?:were|was|been|being) (?:taken|carried|brought) from\b"  # ("taken from there to")
                            r"|(?:were|was|been|being) (?:taken|carried|brought) (?:by|aboard|on board) (?:\w+ ){0,3}?"
                            r"(?:bus|buses|boats?|planes?|trucks?|ferry|ferries|helicopters?|vessels?|ships?|aircraft)"
                            r"|repatriat\w+|ferried|bussed|bused|transported"
                            r"|(?:ordered|told) to (?:leave|move out|move away|go)|ordered out)\b"),
    # ("shelters" before a number, or at the end of the text before one, is the verb: "Djibo shelters 270,000")
    "sheltered": word_regex(r"\b(?:shelter(?:ing|ed)|shelter (?:in|at|with)|sought shelter|took refuge"
                            r"|shelters(?=\s+(?:(?:some|about|around|nearly|almost|roughly|more than|over|at least"
                            r"|an estimated|up to)\s+)?(?:\d|$))"
                            r"|taken refuge|taking refuge"
                            r"|sought refuge|seek refuge|seeking refuge|found refuge"
                            rf"|(?:in|at) {_SHELTERS}|{_GONE_TO} (?:in)?to {_GONE_SHELTERS}|into {_GONE_SHELTERS}"
                            rf"|{_CROWDED_INTO}"
                            r"|spent (?:\w+ ){0,3}nights? in(?! the open| the streets?)"
                            r"|housed|hosted|hosting|host famil\w+|hosts?|staying with|living with"
                            # ("a school gymnasium and three elementary schools now hold around 4,300 people")
                            r"|(?:schools|gymnasiums?|halls|churches|mosques|centres|centers|shelters|classrooms"
                            r"|stadiums?)(?: now| still| currently| together)? (?:hold|held)"
                            # ("served as a makeshift shelter for up to 40,000 people", "the hall is housing 900")
                            r"|(?:a|as|makeshift|temporary) shelters? (?:for|to)|(?:is|are|was|were|been) housing"
                            # ("are living on a makeshift site of straw huts", "staying at two camps")
                            r"|(?:living|staying|live|lived|stay|stayed)(?: now| still| currently| temporarily)?"
                            r" (?:in|on|at) (?:a |an |the )?(?:\d[\d,]* )?(?:[\w-]+ )?(?:camps?|shelters?|tents?"
                            r"|schools?|sites?|settlements?|collective|makeshift|public buildings|dormitories|hostels"
                            r"|gymnasiums?|gyms?|halls?|churches|chapels?|mosques?|temples?|monaster(?:y|ies)"
                            r"|classrooms?|madrasas?"
                            r"|hotels|modular|temporary (?:housing|homes|accommodation)|container)|taken in"
                            r"|took in|taking in|accommodated|lodged|sleeping in(?! the (?:open|streets?))"
                            r"|(?:been|were|was|are|is) settled"
                            r"|camp(?:ed|ing)(?! (?:outdoors|outside|rough|in the open|in the streets?|on the streets?"
                            r"|on (?:the )?open ground|under))"
                            r"|guests"
                            # ("had put up shelters of bamboo and plastic sheeting"; not "put up 300 shelters")
                            r"|(?:put up|built|building|erected|pitched|set up)(?: (?:makeshift|improvised|rough"
                            r"|temporary))? (?:shelters|tents|huts)(?! for))\b"),
    "refugees": word_regex(r"\b(?:refugees?(?!\s+(?:agency|council|commission|chief|affairs|law))|crossed(?! back)"
                           r"|waded across|wading across|swam across|crossing into|crossing the border|sought asylum"
                           r"|asylum|(?:fled|pushed|driven|forced|chased) (?:across|over) the border|fled abroad)\b"),
    # people sleeping in the open have no shelter, whether or not they still have a house they fear to enter
    "homeless": word_regex(r"\b(?:homeless|without shelter|lost their homes|without a roof|without (?:a )?homes?"
                           r"|(?:sleeping|slept|sleep|living|lived|camping|camped|spent (?:\w+ ){0,3}nights?)"
                           r" (?:outdoors|outside|rough"
                           r"|in the open(?: air)?|in the streets?|on the streets?|under the (?:open )?sky"
                           r"|on (?:the )?open ground"
                           r"|under (?:tarpaulins?|plastic(?: sheets?| sheeting)?|trees|the trees|bridges))"
                           r"|lost everything)\b"),
    "destroyed": word_regex(r"\b(?:destroy\w*|damaged|damaging|damage ?to|razed|razing|flattened|burn(?:ed|t|ing)"
                            r"|torched|torching|set fire to|setting fire to|set ablaze|set on fire|set alight"
                            r"|demolished|bulldozed|washed away|(?:declared |left |rendered |made )?uninhabitable"
                            r"|swept away|collapsed|levelled|leveled|roofs? (?:were |was )?(?:torn|blown|ripped) off"
                            r"|lost their roofs|unroofed|(?:blew|tore|ripped) (?:the )?roofs? off|buried|burying"
                            r"|engulfed|(?:in|to|into) (?:ashes|ruins|rubble))\b"),
    # people "unable to leave" or who "cannot flee" are stranded, not displaced
    "displaced": word_regex(r"\b(?:displac\w+|fled|flee(?<!unable to flee)(?<!not flee)(?<!cannot flee)|flees"
                            # (but "fewer than 200 civilians were left in the town": they stayed)
                            r"|fleeing|(?<!were )(?<!was )(?<!are )(?<!is )(?<!been )(?<!be )"
                            r"left(?!\s+(?:bank|side|wing|behind|over|hand|alone|unattended))"
                            r"|leave(?<!unable to leave)(?<!not leave)(?<!cannot leave)|leaving|uproot\w*"
                            # ("forced to halt food aid" moved no one)
                            r"|(?:forced|forcing)(?!\s+to\s+(?:halt|stop|suspend|close|shut|cancel|cut|reduce|delay|postpone|pause"
                            r"|scale|curtail|ration|limit|end|pay|sell|work|fight|join|marry|resign|withdraw|retreat"
                            r"|surrender|accept|borrow|skip|drop)\b)"
                            r"|driven|drove|pushed out"
                            r"|escaped|abandon\w*|idps?|on the move|arrived|arriving|arrive|arrives|arrivals"
                            # ("14,000 people from Wad Madani had reached Sennar", not "aid reached 20,000 people")
                            r"|(?:have|has|had)(?: now| since| already)? reached(?!\s+(?:(?:some|about|around|nearly"
                            r"|more than|over|at least|an estimated|up to|almost|a|an|agreement|record)\b|\d)|\s*$)"
                            r"|c[oa]me ashore|coming ashore|landed"
                            r"|moved(?: (?:east|west|north|south|north-?east|north-?west|south-?east|south-?west"
                            r"|further|inland|deeper))? to"
                            r"|made their way|headed"
                            r"|heading|exodus|run from|ran from|poured|gone|deported|expelled|chased|entered"
                            r"|(?:out of|away from) (?:their )?homes?)\b"),
}
# A crossing into or out of a country makes displaced people refugees ("fled into Turkey").
CROSSING_VERB = word_regex(r"\b(?:fled|flee|flees|fleeing|escaped|crossed|crossing|gone|went|arrived|arriving|entered"
                           r"|sought refuge"
                           r"|taken refuge|headed|waded|wading|leave|left|leaving)\b", re.IGNORECASE)
ABROAD = word_regex(r"\b(?:their country|the country's borders|abroad|neighbouring countries"
                    r"|neighboring countries|across the border|over the border|the kingdom)\b")

CASUALTY = word_regex(r"\b(?:killed|kill|killing|dead|died|die|deaths?|injured|injuring|wounded|wounding|missing"
                      r"|casualties|death toll|toll|massacred|executed|slain|murdered|drowned|buried|bodies"
                      r"|burned alive|burned to death|lost (?:his|her|their|my|our) (?:\w+ )?(?:lives|life|loved ones"
                      r"|mothers?|fathers?|parents|wife|wives|husbands?|sons?|daughters?|child|children|brothers?"
                      r"|sisters?|relatives))\b")
# Every match of CASUALTY holds one of these (in lower case, within one word): text without any holds no casualty word.
CASUALTY_WORDS = ("kill", "dea", "die", "injur", "wound", "missing", "casualt", "toll", "massacre", "execut", "slain",
                  "murder", "drown", "buri", "bodies", "burned", "lost")
FORECAST = word_regex(r"\b(?:could|may|might|would|will|shall|expect(?:s|ed)? to|likely to|set to|projected"
                      r"|forecast|plans? to|(?:plan|aim|goal|intention) (?:is|was) to|planning"
                      r"|prepar\w+ (?:for|to)|contingency|at risk|risk of"
                      r"|wants? to|intends? to|aims? to|hopes? to|seeks? to|to (?:assist|support|help|serve)"
                      r"|(?:have|has|need|needs) to be|waiting (?:[\w-]+ ){0,4}?to be"
                      # ("villages threatened by rockfalls" says what the villages are, not what people may do)
                      r"|threaten\w*(?! by\b)|fears?|feared|warned|warns|potentially|if"
                      r"|(?:on|under) (?:an? )?(?:evacuation )?(?:alert|warning|notice|watch|standby))\b")
PERFECT_AFTER_MODAL = re.compile(r"\b(?:could|may|might|would|will)\s+(?:have|already have|well have)\b(?!\s+to\b)")
DENIAL = word_regex(r"\b(?:denied|denies|deny|rejected claims?|no evidence)\b")
POPULATION = re.compile(r"\b(?:(?:(?:death )?toll (?:\w+ ){0,4}(?:rose to|reached|stood at|climbed to|of|at|to)"
                        r"|home to|population (?:\w+ ){0,2}(?:of|at)|populations? (?:is|was|of)|inhabited by"
                        r"|pre-war population|census)[^\w,;]*(?:\w+[^\w,;]+){0,2}"
                        # "about half of its 24,000 residents had fled": the town's people, of whom a part moved
                        r"|(?:half|a third|a quarter|most|many|some|all|the majority|two-thirds|three-quarters)"
                        r" of (?:its|their)\s+(?:estimated\s+)?"
                        # "90 percent of the city's roughly 5,000 houses"
                        r"|(?:half|a third|a quarter|most|many|some|all|the majority|two-thirds|three-quarters"
                        r"|\d+(?:\.\d+)? ?(?:per ?cent|%))"
                        # ("most of Sake's roughly 80,000 inhabitants")
                        r" of (?:(?:the|this) (?:city|town|village|district|island|camp|area)|[a-z][\w-]*)['\u2019]s"
                        r"\s+(?:(?:estimated|roughly|about|around|some|nearly|approximately)\s+)?"
                        # "Canoas, which has around 350 thousand inhabitants"
                        r"|(?:which|that) (?:has|had)\s+(?:(?:some|about|around|nearly|roughly|almost|over"
                        r"|more than|fewer than|less than|under)\s+)?"
                        # "a town of about 17,000", but not "the town of Obrenovac, 15,000 people were evacuated"
                        r"|(?:city|town|country|nation|island|village) of\s+(?:(?:some|about|around|nearly|roughly"
                        r"|almost|over"
                        r"|more than|at least)\s+)?)$")
COUNT_REFERENCE = re.compile(r"\b(?:number|total|tally|figure|count)(?:\s+|[,:]\s*)(?:of\s+)?(?:(?:\w+\s+){0,2}?"
                             r"(?P<noun>people|persons|individuals|displaced|idps|households|families|refugees"
                             r"|returnees|civilians|residents|homes|houses|dwellings|buildings)\b)?", re.IGNORECASE)
QUALIFIERS: list[tuple[str, re.Pattern[str]]] = [
    ("more than", word_regex(r"\b(?:more than|over|upwards of|in excess of|above|exceeding|exceeded|top|topped|passed"
                             r"|surpassed)"
                             r"\s*$")),
    ("at least", word_regex(r"\b(?:at least|no fewer than|no less than|a minimum of|minimum)\s*$")),
    ("nearly", word_regex(r"\b(?:nearly|almost|close to|just under|just short of|approaching|a little under)"
                          r"\s*$")),
    ("up to", word_regex(r"\b(?:up to|as many as|as much as|a maximum of)\s*$")),
    ("estimated", word_regex(r"\b(?:an estimated|estimated|est\.)\s*$")),
    ("about", word_regex(r"\b(?:about|around|roughly|approximately|some|circa|approx\.|an average of"
                         r"|more or less|of about|of around|of some)\s*$")),
    ("less than", word_regex(r"\b(?:less than|fewer than|under|below)\s*$")),
]


# Word lists as regexes.
_Tree = dict[str, "_Tree"]


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether text holds one of words. A regex every match of which holds one of them cannot match text without
    any, and most texts hold none: these tests, a loop of `in`, cost a fraction of the regex's scan (and half of
    any() over a generator of them)."""
    for word in words:
        if word in text:
            return True
    return False


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of exactly these words, factored by shared prefixes ('re(?:corded|port(?:ed|s))').

    The regex engine tries every branch of a flat alternation at every position; factored, it tries one
    branch per distinct letter. Longer words are still tried before their prefixes, so the matches do not
    change."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _tree_pattern(tree)


def _tree_pattern(node: _Tree) -> str:
    branches = [re.escape(char) + _tree_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + "|".join(branches) + ")?"  # greedy: the longer word first, then the word ending here


# Lowering changes the length of 'İ' and, for 'ı', 'ſ' and 'Σ', does not give what case-blind matching compares;
# 'K' (Kelvin) lowers to an ASCII letter, which word-start scans over the lowered text rely on not happening.
_LOWERING_EXCEPTIONS = re.compile("[\u0130\u0131\u017f\u03a3\u212a]")


class Caseless:
    """A case-blind regex, written in lower case, that runs as an exact regex on the lowered text.

    Case-blind matching costs about twice as much. Lowering keeps every offset and finds the same matches,
    except in text holding one of a few characters (see _LOWERING_EXCEPTIONS): that text gets the case-blind
    regex. Matches found in the lowered text are of that text: their group() is in lower case."""

    def __init__(self, pattern: str) -> None:
        self.exact = re.compile(pattern)
        self.blind = re.compile(pattern, re.IGNORECASE)

    def prepare(self, text: str) -> tuple[re.Pattern[str], str]:
        """The regex to run and the text to run it on: either the exact regex and the lowered text, whose
        ASCII letters stand where those of text do, or the case-blind regex and text itself."""
        lowered = text.lower()
        # Most texts are ASCII (a flag Python keeps on the string), and hold none of the exceptions.
        if text.isascii() or len(lowered) == len(text) and not _LOWERING_EXCEPTIONS.search(text):
            return self.exact, lowered
        return self.blind, text

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        pattern, target = self.prepare(text)
        return pattern.search(target, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        pattern, target = self.prepare(text)
        return pattern.match(target, pos)

    def search_last(self, text: str) -> re.Match[str] | None:
        """The match that starts last, overlapping ones included: in "to flee to", the second "to"."""
        pattern, target = self.prepare(text)
        found = None
        match = pattern.search(target)
        while match is not None:
            found = match
            match = pattern.search(target, match.start() + 1)
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, target = self.prepare(text)
        return pattern.finditer(target)
