"""What a protest is about: the grievances or demands a report gives for it, as topics ("pay", "jobs",
"services", ...), so that two gatherings in one city on one day can be told apart by what they want: employees
demanding their delayed salaries and graduates demanding to be appointed are two protests, as are residents
protesting power cuts and activists demanding early elections.

Each topic is a set of phrasings of a demand or a complaint, not of the crowd: "workers of the electricity
department" says who protested, "power cuts" or "the deterioration of electricity" what about; "contract workers"
who they are, "turn their contracts into permanent posts" what they want. Two reports of one protest name the same
demand in other words ("delayed wages" / "have not been paid since January"; "permanent jobs" / "permanent posts"),
and the topics group those words. A report that names no demand is compatible with any. Language vocabulary, not
rules fitted to a corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

_W = r"(?:[\w'’-]+\s+)"  # one word and the space after it ("the company's board")

_ANY_WORD = r"(?:\w+\s+)"  # written in the patterns below for _W

# topic -> phrasings (case-insensitive regular expressions)
_TOPICS: dict[str, tuple[str, ...]] = {
    # wages, salaries, pensions and other money owed to the protesters
    "pay": (
        r"\bsalar(?:y|ies)\b", r"\bwages?\b", r"\bdues\b", r"\barrears\b", r"\bpensions?\b", r"\ballowances?\b",
        r"\bbonus(?:es)?\b", r"\bunpaid\b", r"\boverdue\b", r"\bnon-?payment\b", r"\bpayments?\b",
        r"\b(?:been|be|being|get|getting|got|were|was)\s+(?:\w+\s+)?paid\b", r"\bfinancial\s+(?:dues|entitlements|rights)\b",
        r"\bausterity\b", r"\bpay(?:\s+(?:cuts?|rises?|increases?|scale)|cheques?|checks?)\b",
        r"\bpay\s+(?:them|their|the\s+workers|the\s+employees)\b", r"\bpay\s+(?:rise|raise)s?\b",
    ),
    # being hired: jobs, appointment, employment
    "jobs": (
        r"\bjobs\b", r"\bjob\s+opportunit(?:y|ies)\b", r"\b(?:un)?employment\b", r"\bhiring\b",
        r"\bto\s+be\s+(?:appointed|hired|employed|recruited)\b", r"\b(?:their|the)\s+appointment\b",
        r"\bappointment\s+of\s+(?:the\s+)?(?:\w+\s+)?graduates\b", r"\bappoint(?:ing)?\s+(?:them|graduates)\b",
        r"\bwork\s+opportunit(?:y|ies)\b",
    ),
    # the terms of employment: permanent posts, converted or renewed contracts
    "contract": (
        r"\b(?:permanent|ministerial|fixed|full-time|official)\s+(?:contracts?|jobs?|posts?|positions?|staff|status|employees)\b",
        r"\bcontracts?\s+(?:(?:be|been|being|to\s+be)\s+)?(?:converted|changed|turned|renewed|transferred|extended)\b",
        r"\b(?:convert|turn|transfer|change|renew|extend)(?:s|ed|ing)?\s+(?:of\s+)?(?:their|the|its)\s+contracts\b",
        r"\b(?:be|been|being)\s+transferred\s+to\s+" + _W + r"{0,2}contracts\b", r"\brenewal\s+of\s+(?:their\s+)?contracts\b",
        r"\btenure\b", r"\bregulari[sz](?:e|ation)\b",
    ),
    # prices and the currency
    "prices": (
        r"\bexchange\s+rates?\b", r"\bdollar\b", r"\bcurrency\b", r"\bdevaluation\b", r"\bdinar\b", r"\bprices\b",
        r"\bcost\s+of\s+living\b", r"\binflation\b", r"\btax(?:es|ation)?\b",
    ),
    # public services and infrastructure: power, water, roads, sewage
    "services": (
        r"\b(?:lack|shortages?|cuts?|outages?|deterioration|poor|provision|restor(?:e|ation|ing)|improve(?:ment)?|"
        r"supply|absence|scarcity|quality|interruption)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:electricity|power|water|"
        r"services|roads?|sewage|sewerage|fuel|gas|infrastructure)\b",
        r"\b(?:power|electricity|water)\s+(?:cuts?|outages?|shortages?|supply|crisis)\b", r"\bblackouts?\b",
        r"\b(?:basic|public)\s+services\b", r"\bpaving\b", r"\bgarbage\b", r"\bconstruction\s+of\b",
        r"\bcomplet(?:e|ion|ing)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,3}(?:project|port|road|bridge|hospital|school)s?\b",
    ),
    # the political order: elections, reform, the government, justice for killed protesters, their anniversary
    "politics": (
        r"\belections?\b", r"\belectoral\b", r"\breforms?\b", r"\banti-government\b", r"\bregime\b",
        r"\b(?:resignation|fall|downfall|overthrow|dissolution)\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:government|parliament|cabinet|regime|system)\b",
        r"\bkillers\b", r"\b(?:killing|murder)s?\s+of\s+(?:the\s+)?(?:peaceful\s+)?(?:protesters|demonstrators|activists)\b",
        r"\baccountab(?:le|ility)\b", r"\banniversary\b", r"\bcommemorat(?:e|ed|ing|ion)\b", r"\bconstitution(?:al)?\b",
        r"\brelease\s+of\s+(?:the\s+)?(?:detained\s+)?(?:protesters|demonstrators|activists)\b", r"\bright\s+to\s+protest\b",
        # also of other topics: an anti-corruption protest is a protest for reform; killings of activists
        r"\bcorrupt(?:ion)?\b", r"\bassassinations?\b", r"\bkidnapp(?:ing|ings)\s+of\s+(?:\w+\s+)?activists\b",
    ),
    # an official's appointment or removal, corruption in an institution
    "officials": (
        r"\b(?:dismissal|dissolution|removal|resignation|sacking|ouster|appointment|replacement|reinstatement)\s+of\s+(?:the\s+|a\s+)?"
        r"(?:\w+\s+){0,3}(?:director|governor|head|manager|minister|official|mayor|president|chief|dean|board|"
        r"council|ruler|chairman|commander|judge|officer|union|syndicate)s?\b",
        r"\b(?:dismiss|remove|sack|oust|replace)(?:ed|ing)?\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}(?:director|governor|"
        r"head|manager|minister|official|mayor|president|chief|dean|board|ruler|chairman|union|syndicate)\b",
        r"\bcorrupt(?:ion)?\b", r"\binterfer(?:e|es|ed|ing|ence)\b",
    ),
    # land, housing and stalls: allocation, eviction, demolition
    "land": (
        r"\bland\b", r"\bplots?\b", r"\bhousing\b", r"\bevict(?:ion|ed)?\b", r"\bdemoli(?:tion|sh|shed)\b",
        r"\bencroachments?\b", r"\bstalls?\b", r"\bslums?\b", r"\bauction\b",
    ),
    # family law: custody, personal status
    "family law": (r"\bcustody\b", r"\bpersonal\s+status\b", r"\bdivorce[ds]?\b", r"\bdowry\b"),
    # study places, exams, degrees
    "study": (
        r"\b(?:study|university|college|private|admission)\s+(?:places?|seats?)\b", r"\bexams?\b",
        r"\bexaminations?\b", r"\btuition\b", r"\bdiplomas?\b", r"\badmissions?\b",
        r"\bschool\s+year\b", r"\bcurriculum\b",
    ),
    # crime, armed groups and violence where the protesters live
    "security": (
        r"\bcrimes?\b", r"\bcriminal\b", r"\bdrugs?\b", r"\binsecurity\b", r"\b(?:uncontrolled|illegal)\s+weapons\b",
        r"\bpresence\s+of\s+(?:\w+\s+){0,2}(?:militants|militias?|fighters|armed\s+groups?|forces)\b",
        r"\brecruitment\s+of\b", r"\bkidnapp(?:ing|ings)\b", r"\bassassinations?\b", r"\bterroris[mt]\b",
        # an assault on one of their own ("after a doctor was assaulted by relatives of a patient")
        r"\b(?:assaults?|attacks?)\s+(?:on|against)\s+(?:an?\s+|the\s+|their\s+)?(?:\w+\s+)?"
        r"(?:doctors?|physicians?|nurses?|medics?|teachers?|journalists?|lawyers?|colleagues?|judges?)\b",
        r"\b(?:doctors?|physicians?|nurses?|medics?|teachers?|journalists?|lawyers?|colleagues?|judges?)\s+"
        r"(?:was|were|had\s+been)\s+(?:assaulted|attacked|beaten|stabbed|threatened)\b",
    ),
    # agreements, foreign states and their forces
    "foreign": (
        # a named agreement ("the Erbil-Baghdad agreement", "the Chinese agreement"), not a pay deal with a union
        r"(?-i:\b[A-Z][\w-]*)\s+agreements?\b", r"\bagreements?\s+(?:with|between)\s+(?:the\s+)?(?-i:[A-Z])",
        r"\btreaty\b", r"\bnormali[sz]ation\b", r"\boccupation\b", r"\bembass(?:y|ies)\b",
        r"\b(?:Turkish|Iranian|American|US|Israeli|Saudi|foreign)\s+(?:\w+\s+)?(?:bombardment|bombing|attacks?|"
        r"strikes?|incursions?|intervention|interference|forces|troops|presence|policy|statements?)\b",
        r"\bwithdrawal\s+of\s+(?:\w+\s+){0,2}(?:forces|troops)\b",
    ),
    # statements or acts of a party, a leader or an armed group the protesters support or reject
    "parties": (
        r"\b(?:reject\w*|against|condemn\w*|denounc\w*|protest\w*\s+against)\s+(?:the\s+)?(?:\w+\s+)?statements?\b",
        r"\b(?:support|solidarity)\s+(?:of|for|with)\s+(?:the\s+)?"
        r"(?:PMF|Popular\s+Mobili[sz]ation|popular\s+crowd|Hashd|party|movement|leader)\b",
        r"\bPopular\s+(?:Mobili[sz]ation|crowd)\b", r"\bPMF\b", r"\bHashd\b",
    ),
    # health: epidemic measures, medicines, hospitals' care
    "health": (r"\bcovid\b", r"\bcoronavirus\b", r"\blockdown\b", r"\bvaccin\w*\b", r"\bmedicines?\b",
               r"\bhealth\s+(?:insurance|care)\b"),
    # damage done to the protesters' homes or lands
    "compensation": (r"\bcompensat(?:e|ion|ed)\b", r"\bdamages?\s+(?:caused|to)\b"),
    # detained relatives or members
    "detainees": (r"\brelease\s+of\s+(?:their\s+|the\s+)?(?:\w+\s+){0,2}(?:detainees|prisoners|sons|relatives|members|"
                  r"detained)\b", r"\bdetainees\b", r"\bprisoners\b"),
}

_COMPILED = {topic: re.compile("|".join(f"(?:{p.replace(_ANY_WORD, _W)})" for p in patterns), re.IGNORECASE)
             for topic, patterns in _TOPICS.items()}


@lru_cache(maxsize=4096)
def grievances(text: str) -> frozenset[str]:
    """The topics of the demands or complaints a sentence gives."""
    return frozenset(topic for topic, rx in _COMPILED.items() if rx.search(text))


def same_grievance(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two reports' topics can be one protest's: one gives none, or they share one."""
    return not x or not y or bool(x & y)


# a stance on a measure: for ("in support of the agreement", "welcoming the decision") or against ("calling for the
# cancellation of the agreement", "rejecting the decision"). Two crowds that take opposite stances on one kind of
# measure are two protests, whatever else they share.
_MEASURES = (r"(?P<measure>agreements?|deals?|decisions?|laws?|bills?|treat(?:y|ies)|resolutions?|decrees?|"
             r"budgets?|plans?|projects?|candidac(?:y|ies)|nominations?|appointments?)\b")
_BETWEEN = r"(?:of\s+|to\s+|with\s+)?(?:the\s+|a\s+|an\s+|this\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?"
_FOR = re.compile(
    r"\b(?:in\s+support\s+of|in\s+favou?r\s+of|support(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|endors(?:e|es|ed|ing)|"
    r"backed|backing|approv(?:e|es|ed|ing|al\s+of)|implement(?:ation\s+of|ing)?)\s+" + _BETWEEN + _MEASURES,
    re.IGNORECASE)
_AGAINST = re.compile(
    r"\b(?:cancel(?:s|led|ed|ling|ing|lation\s+of)?|reject(?:s|ed|ing|ion\s+of)?|against|oppos(?:e|es|ed|ing|ition)|"
    r"annul(?:s|led|ling|ment\s+of)?|abolish(?:es|ed|ing|ment\s+of)?|scrap(?:s|ped|ping)?|revok(?:e|es|ed|ing)|"
    r"revocation\s+of|denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|withdraw(?:al\s+of)?|refus(?:e|es|ed|ing|al\s+of))\s+"
    + _BETWEEN + _MEASURES, re.IGNORECASE)


def _measure(word: str) -> str:
    w = word.lower()
    for stem in ("agreement", "deal", "decision", "law", "bill", "treat", "resolution", "decree", "budget", "plan",
                 "project", "candidac", "nomination", "appointment"):
        if w.startswith(stem):
            return stem
    return w


@lru_cache(maxsize=4096)
def stances(text: str) -> frozenset[tuple[str, str]]:
    """(kind of measure, "for" or "against") for each stance a sentence gives on a measure."""
    out = {(_measure(m.group("measure")), "for") for m in _FOR.finditer(text)}
    out |= {(_measure(m.group("measure")), "against") for m in _AGAINST.finditer(text)}
    return frozenset(out)


def opposed(x: frozenset[tuple[str, str]], y: frozenset[tuple[str, str]]) -> bool:
    """One report's crowd is for a kind of measure the other's is against, and neither takes both stances on it."""
    for measure in {m for m, _ in x} & {m for m, _ in y}:
        sx = {s for m, s in x if m == measure}
        sy = {s for m, s in y if m == measure}
        if len(sx) == 1 and len(sy) == 1 and sx != sy:
            return True
    return False
