"""Stage 3: incidents. Sentences of one article in, the incidents it reports (mentions) out.

For each story on the page this walks the sentences in order, keeping the story's running
context (the date the story is talking about, its country, the places and actors it named),
and for each sentence whose rules fire turns the trigger into a Mention with a date, a
place, actors and casualties. Mentions of the same incident within the article (a summary
sentence and the sentences that detail it) are then folded together.

What is seen but not coded (filtered triggers, background dates, captions, events with no
place) is returned as `Skip`s, so every decision can be audited in the run report.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from coder import errors
from coder.actors import VAC, ActorMention
from coder.dates import DateContext, resolve_sentence_date
from coder.fatalities import extract_casualties, split_fatalities
from coder.locations import (NOT_THE_SCENE, bare_name, choose_location, choose_scene, is_wide_area,
                              locations_compatible, same_spot_name, spots_compatible)
from coder.models import Article, Casualties, Evidence, Mention, PlaceMention, Sentence, Skip
from coder.places import (
    Place,
    PlaceContext,
    _spelled_apart,
    find_place_mentions,
    fold_key,
    story_frame,
)
from coder.resources import Resources
from coder.rules import TriggerMatch

STRATEGIC = "Strategic developments"


@dataclass
class _StoryState:
    """What the walk has learned so far about one story."""

    iso3: str | None
    country: str | None
    discourse: object = None  # ResolvedDate | None (the date the story is talking about)
    discourse_paragraph: int = 0  # where that date was last stated
    anchors: list = field(default_factory=list)  # resolved Places, for proximity ranking
    frame: list = field(default_factory=list)  # the provinces, districts and cities the story names
    places: dict = field(default_factory=dict)  # sentence index -> its resolved place mentions
    scene: object = None  # PlaceMention | None: where the story's latest sentence naming a scene is set
    actors: object = None  # _StoryActors | None: the actors each sentence names (a place inside one's name is none)


def detect_mentions(article: Article, sentences: list[Sentence], res: Resources) -> tuple[list[Mention], list[Skip]]:
    """All incidents the article reports, one Mention per incident per place per day."""
    mentions: list[Mention] = []
    skips: list[Skip] = []
    for story in article.stories or [None]:
        index = story.index if story else 0
        story_sentences = [s for s in sentences if s.story == index]
        reference = story.reference_date if story else article.published
        found, skipped = _code_story(article, story_sentences, reference, res)
        mentions.extend(_fold_within_article(found, res))
        skips.extend(skipped)
    return mentions, skips


def _place_vote(pm: PlaceMention) -> float:
    """How much a place phrase says about where a story is: a locative phrase ("in Rawa",
    "in Iraq") counts fully, a bare country name ("U.S. forces") little, a metonym not at all."""
    if pm.place is None or pm.relation == "metonym":
        return 0.0
    if pm.place.feature == "country":
        return 2.0 if pm.relation == "in" else 0.5
    return 2.0 if pm.relation is not None else 1.0


HINT_VOTE = 5.0  # a feed's stated country outweighs a passing mention, not a story full of places elsewhere


def story_setting(sentences: list[Sentence], res: Resources, hint: str | None = None
                  ) -> tuple[str | None, str | None, list[Place]]:
    """Where a story is set: its country (ISO3 and name) and its frame, the provinces, districts and cities of
    that country it names anywhere (see places.story_frame)."""
    iso3, country, found = _story_country(sentences, res, hint)
    return iso3, country, story_frame(found, iso3)


def _story_country(sentences: list[Sentence], res: Resources, hint: str | None = None
                   ) -> tuple[str | None, str | None, list[PlaceMention]]:
    """The country a story is about: the weighted vote of its body places, its dateline and the article's
    country hint. A name that several countries have (candidates abroad) votes at half weight unless it is
    a country, a province or a big city. Also returns the place mentions read without context."""
    votes: Counter[tuple[str, str]] = Counter()
    found: list[PlaceMention] = []
    gaz = res.gazetteer
    hinted = gaz.country(hint) if hint else None
    if hinted is not None:
        votes[(hinted.iso3, hinted.country)] += HINT_VOTE
    # read with the hinted country as context (its places first among homonyms), so that the places read here
    # can also frame the story (story_frame)
    blank = PlaceContext(iso3=hinted.iso3 if hinted else None, anchors=[], published=None)
    for s in sentences:
        if s.kind != "body":
            continue
        for pm in find_place_mentions(s.text, s.start, gaz, blank):
            found.append(pm)
            if pm.place is not None:
                weight = _place_vote(pm)
                big = pm.place.feature in ("country", "admin1") or (pm.place.population or 0) >= 100_000
                if not big and any((q := gaz.by_id(c)) is not None and q.iso3 != pm.place.iso3
                                   for c in pm.candidates[1:]):
                    weight /= 2
                if pm.place.feature not in ("country", "region") and _spelled_apart(fold_key(pm.text), pm.place):
                    weight /= 2  # "Banki" read as a former name of a Russian town
                votes[(pm.place.iso3, pm.place.country)] += weight
        if s.dateline:
            for pm in find_place_mentions(f"in {s.dateline.title()}", 0, gaz, blank):
                if pm.place is not None:
                    votes[(pm.place.iso3, pm.place.country)] += 3.0
    votes = Counter({k: v for k, v in votes.items() if v > 0})
    if not votes:
        return None, None, found
    (iso3, country), _ = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    return iso3, country, found


def _code_story(article: Article, sentences: list[Sentence], reference, res: Resources) -> tuple[list[Mention], list[Skip]]:
    all_matches = [res.rules.match(s.text, s.start) for s in sentences]
    live_at = [i for i, (s, ms) in enumerate(zip(sentences, all_matches, strict=True))
               if s.kind != "caption" and any(m.filtered_by is None for m in ms)]
    if not live_at:  # nothing to code: no need to place, date or cast the story; only the skips are reported
        quiet: list[Skip] = []
        for s, ms in zip(sentences, all_matches, strict=True):
            quiet += [_skip(article, "incidents", errors.S_FILTERED, m.start, m.end, s.text, trigger=m.text,
                            filter_id=m.filtered_by) for m in ms if m.filtered_by is not None]
            if s.kind == "caption" and any(m.filtered_by is None for m in ms):
                quiet.append(_skip(article, "incidents", errors.S_CAPTION, s.start, s.end, s.text))
        return [], quiet
    iso3, country, frame = story_setting(sentences, res, article.country)
    state = _StoryState(iso3=iso3, country=country, frame=frame)
    mentions: list[Mention] = []
    skips: list[Skip] = []
    story_actors = state.actors = _StoryActors(sentences, state, reference, res)
    paragraph_anchor = None
    last_paragraph = None

    for n, sentence in enumerate(sentences):
        if sentence.paragraph != last_paragraph:
            paragraph_anchor, last_paragraph = None, sentence.paragraph
        matches = all_matches[n]
        live = [m for m in matches if m.filtered_by is None]
        for m in matches:
            if m.filtered_by is not None:
                skips.append(_skip(article, "incidents", errors.S_FILTERED, m.start, m.end, sentence.text,
                                   trigger=m.text, filter_id=m.filtered_by))

        if sentence.kind == "caption":
            if live:
                skips.append(_skip(article, "incidents", errors.S_CAPTION, sentence.start, sentence.end, sentence.text))
            continue  # captions never set the story's date either
        if n > live_at[-1] and _settled(mentions, sentence):
            continue  # nothing this sentence or a later one says can change the story's incidents any more

        if n <= live_at[-1]:  # places after the story's last incident can no longer be its scene
            _sentence_places(sentence, state, article, res)
        _expire_background(state, sentence.paragraph, reference)
        ctx = DateContext(reference_date=reference, discourse_date=state.discourse, paragraph_anchor=paragraph_anchor)
        incidents = _incidents_in_sentence(live, res, sentence)
        plain = resolve_sentence_date(sentence.text, sentence.start, ctx, announcement=False)
        if not incidents and not live and not plain.background:
            _follow_up_toll(mentions, sentence)
        if not incidents:
            _claimed_by(mentions, sentence, res)
        if not incidents:
            # a sentence with no incident moves the story's day only by a day or a background date: "the attackers
            # came to avenge cattle stolen the previous week" does not date what the next sentences report
            if plain.carries is not None and (plain.carries.time_precision == 1 or plain.background):
                state.discourse, state.discourse_paragraph = plain.carries, sentence.paragraph
            if plain.date is not None and plain.date.kind == "absolute":
                paragraph_anchor = plain.date.date
            continue

        if n + 1 < len(sentences) and _PLACE_TOLD_NEXT.match(sentences[n + 1].text) and not any(
                p.place is not None and p.place.feature != "country" and p.relation not in NOT_THE_SCENE
                for p in state.places.get(sentence.index, ())):
            # "... arrested a prominent figure of IS. The arrest took place in the city of Kirkuk.": the next
            # sentence says where; it sets the story's scene before this sentence's incidents are placed
            _sentence_places(sentences[n + 1], state, article, res)
        carried = plain.carries
        for match in incidents:
            announcement = match.event_type == STRATEGIC
            outcome = resolve_sentence_date(sentence.text, sentence.start, ctx, announcement=announcement,
                                            trigger_start=match.start, trigger_end=match.end)
            if outcome.date is None:
                skips.append(_skip(article, "dates", errors.S_NO_DATE, match.start, match.end, sentence.text))
                continue
            if outcome.background:
                skips.append(_skip(article, "dates", errors.S_BACKGROUND, match.start, match.end, sentence.text,
                                   date=outcome.date.date.isoformat(), kind=outcome.date.kind))
                continue
            if not announcement and outcome.carries is not None:
                carried = outcome.carries
            mentions.extend(_mentions_for_trigger(article, sentence, match, outcome.date, state, story_actors, res, skips))
        if carried is not None:
            state.discourse, state.discourse_paragraph = carried, sentence.paragraph
    return mentions, skips


# "The death toll rose to 12", "a wounded policeman later died": the figure the story now gives
_TOLL_UPDATE = re.compile(r"\b(?:death\s+)?toll\b[^.;]{0,60}\b(?:rose|risen|climbed|increased|reached|jumped|stands|stood|now)\b"
                          r"|\b(?:has|have|had)\s+(?:risen|climbed|increased)\s+to\b|\bcoded\s+as\s+\d", re.IGNORECASE)
_LATER_DIED = re.compile(r"\b(?:later|subsequently|since)\s+(?:died|succumbed)|\bsuccumbed\s+to\b|\bdied\s+(?:later|in\s+hospital|of\s+(?:his|her|their)\s+(?:wounds|injuries))",
                         re.IGNORECASE)
# the other side's dead: "two of the attackers were killed" adds to "killing three soldiers"
_OTHER_SIDE = re.compile(r"\b(?:attackers?|assailants?|gunm[ae]n|militants?|insurgents?|bombers?|fighters?|rebels?|jihadists?|"
                         r"terrorists?|kidnappers?|bandits?)\b", re.IGNORECASE)
_CLAIM = re.compile(r"\b(?:claim(?:ed|s|ing)?|boast(?:ed|s)?|propaganda)\b", re.IGNORECASE)


def _settled(mentions: list[Mention], sentence: Sentence) -> bool:
    """After the story's last incident, a sentence with which neither _follow_up_toll nor _claimed_by can do
    anything: the story has no violent incident, or its latest one is more than 3 sentences back. Only they could
    extend that incident's evidence, so every later sentence of the story is settled too (and the date the walk
    keeps is no longer needed)."""
    idx = next((i for i in range(len(mentions) - 1, -1, -1)
                if mentions[i].event_type != STRATEGIC and mentions[i].story == sentence.story), None)
    return idx is None or sentence.index - max(e.sentence_index for e in mentions[idx].evidence) > 3


def _follow_up_toll(mentions: list[Mention], sentence: Sentence) -> None:
    """A sentence with no incident of its own that gives casualties of the story's latest violent incident (in
    its paragraph or the next): "Two of the attackers were also killed." / "The death toll rose to nine." Codebook:
    an update replaces the earlier figure; a perpetrator's claim is not a count; a second figure for the same
    victims does not replace the first (the lowest credible figure stands)."""
    idx = next((i for i in range(len(mentions) - 1, -1, -1)
                if mentions[i].event_type != STRATEGIC and mentions[i].story == sentence.story), None)
    if idx is None:
        return
    m = mentions[idx]
    last = max(e.sentence_index for e in m.evidence)
    if sentence.index - last > 3 or _CLAIM.search(sentence.text):
        return
    cas = extract_casualties(sentence.text, sentence.start)
    if cas.killed is None and cas.wounded is None:
        return
    killed, note = m.killed, m.fatalities_note
    if cas.killed is not None and not m.fatalities_note:  # a toll split between places is not revisited
        if _LATER_DIED.search(sentence.text):
            killed = (m.killed or 0) + cas.killed
        elif _TOLL_UPDATE.search(sentence.text) or not m.killed:
            killed = cas.killed
        elif cas.killed and _OTHER_SIDE.search(sentence.text) and not _OTHER_SIDE.search(m.evidence[0].quote):
            killed = m.killed + cas.killed
    wounded = m.wounded if m.wounded is not None else cas.wounded
    if killed == m.killed and wounded == m.wounded:
        return
    mentions[idx] = m.model_copy(update={
        "killed": killed, "wounded": wounded, "fatalities_note": note,
        "evidence": m.evidence + [Evidence(article_id=m.article_id, sentence_index=sentence.index, start=sentence.start,
                                           end=sentence.end, quote=sentence.text, supports=["fatalities"])],
    })


_CLAIMED = re.compile(r"\bclaim(?:ed|s)\s+(?:responsibility|credit|the\s+(?:[\w-]+\s+)?(?:attack|attacks|bombing|blast|assault|"
                      r"killing|killings|strike|explosion|ambush|operation|kidnapping|abduction|assassination)|it)\b",
                      re.IGNORECASE)


def _claimed_by(mentions: list[Mention], sentence: Sentence, res: Resources) -> None:
    """A sentence with no incident of its own in which a named group claims the story's latest violent incident
    ("The ELN's eastern front claimed the pipeline attack in a statement"): the group becomes the side the report
    left unidentified (ACLED codes a claimed attack to the claimant)."""
    claim = _CLAIMED.search(sentence.text)
    if claim is None:
        return
    idx = next((i for i in range(len(mentions) - 1, -1, -1)
                if mentions[i].event_type != STRATEGIC and mentions[i].story == sentence.story), None)
    if idx is None:
        return
    m = mentions[idx]
    if sentence.index - max(e.sentence_index for e in m.evidence) > 3 or m.location.place is None:
        return
    place = m.location.place
    found = [a for a in res.actors.find_actors(sentence.text[:claim.start()], 0, place.country, place.iso3, m.date.date)
             if a.role == "actor" and a.inter not in (1, 8) and not GENERIC_ACTOR.match(a.name)
             and not res.actors.entries[a.entry_id].generic]
    if not found:
        return
    claimant = found[-1]
    actors = m.actors
    if GENERIC_ACTOR.match(actors.actor1) and actors.actor2 != claimant.name:
        update = {"actor1": claimant.name, "inter1": claimant.inter}
    elif m.event_type == "Battles" and actors.actor2 and GENERIC_ACTOR.match(actors.actor2) and actors.actor1 != claimant.name:
        update = {"actor2": claimant.name, "inter2": claimant.inter}
    else:
        return
    update["entries"] = list(dict.fromkeys([*actors.entries, claimant.entry_id]))
    update["reason"] = f"{actors.reason}; claimed by {claimant.text!r}".lstrip("; ")
    mentions[idx] = m.model_copy(update={
        "actors": actors.model_copy(update=update),
        "evidence": m.evidence + [Evidence(article_id=m.article_id, sentence_index=sentence.index, start=sentence.start,
                                           end=sentence.end, quote=sentence.text, supports=["actors"])],
    })


def _expire_background(state: _StoryState, paragraph: int, reference) -> None:
    """A background date ("in January", "last month") colours the next paragraph at most.

    "…a resolution in January. / The decision came after a drone strike…" is still January;
    a quote three paragraphs later is the story's own news again.
    """
    d = state.discourse
    if d is None or reference is None or paragraph - state.discourse_paragraph <= 1:
        return
    if (reference - d.date).days > DateContext(reference_date=reference, discourse_date=None,
                                               paragraph_anchor=None).window_days:
        state.discourse = None


def _incidents_in_sentence(live: list[TriggerMatch], res: Resources, sentence: Sentence | None = None
                           ) -> list[TriggerMatch]:
    """At most one violent incident and one strategic development per sentence.

    When tactics of several types occur together the type higher in the codebook's
    hierarchy wins (an airstrike inside a battle is a battle); the rule set already
    ranks matches by specificity within a type. A development that is part of violence (troops deployed in the
    fighting) is dropped beside it, unless the violence is what it responds to ("forces deployed around the
    embassy after a rocket fell nearby": both are events).
    """
    violent = [m for m in live if m.event_type != STRATEGIC]
    strategic = [m for m in live if m.event_type == STRATEGIC]
    chosen = []
    if violent:
        rank = res.taxonomy.sub_event
        best_type = min(violent, key=lambda m: rank(m.sub_event_type).rank).event_type
        same_type = [m for m in violent if m.event_type == best_type]
        if best_type == "Protests":
            # one crowd: the intervention told in a later clause ("...; riot police beat several of them") codes it
            same_type.sort(key=lambda m: rank(m.sub_event_type).rank)
        riots = [m for m in violent if m.event_type == "Riots"]
        if best_type == "Protests" and riots and (same_type[0].sub_event_type != "Peaceful protest"
                                                  or _CROWD_NOUN.fullmatch(same_type[0].text)
                                                  or any(r.start > same_type[0].end for r in riots)):
            # codebook: force used against demonstrators who themselves turn violent is part of the Riots event; a
            # crowd named only by its noun beside a riot ("supporters of a party attacked a sit-in ...; clashes with
            # protesters") is the riot's crowd or its target, not a protest of its own; a protest told first and the
            # crowd's violence after it ("a demonstration took place ...; the protesters clashed with the police") is
            # one protest that turned violent (codebook: one Riots event)
            same_type = riots
        chosen.append(same_type[0])
    if violent:
        strategic = [m for m in strategic if not res.taxonomy.sub_event(m.sub_event_type).part_of_violence
                     or (m.sub_event_type == "Change to group/activity" and sentence is not None
                         and _responds_to(sentence, m, violent))]
    if strategic:
        chosen.append(strategic[0])
    return chosen


# developments with no deaths of their own (an accidental detonation or a looting raid can kill; these cannot)
_NO_TOLL = frozenset({"Agreement", "Other", "Change to group/activity", "Headquarters or base established",
                      "Non-violent transfer of territory"})
_BLAST = re.compile(r"\b(?:explo\w*|blasts?|fires?)\b", re.IGNORECASE)  # a depot blast (Other) can kill
_CROWD_NOUN = re.compile(r"(?:protesters|demonstrators)", re.IGNORECASE)
_RESPONSE_TO = re.compile(r"\b(?:after|following|in\s+(?:response|reaction)\s+to|in\s+the\s+wake\s+of)\s+(?:[\w-]+\s+){0,4}$",
                          re.IGNORECASE)


def _responds_to(sentence: Sentence, development: TriggerMatch, violent: list[TriggerMatch]) -> bool:
    """The development comes first and every violent trigger is told in a clause after it that says what it
    responds to: "US forces deployed around the embassy after a rocket fell on a building nearby"."""
    base = sentence.start
    for v in violent:
        if v.start <= development.end:
            return False
        between = sentence.text[development.end - base:v.start - base]
        if not _RESPONSE_TO.search(between[-60:]):
            return False
    return True


class _StoryActors:
    """The actors named in a story's body sentences, found when first needed: an event's actors are read from its
    own sentence, and only some events (strategic developments) look at the whole story's."""

    def __init__(self, sentences: list[Sentence], state: _StoryState, reference, res: Resources):
        self._sentences = sentences
        self._country, self._iso3, self._reference, self._res = state.country, state.iso3, reference, res
        self._found: dict[int, list[ActorMention]] = {}
        self._all: list[ActorMention] | None = None

    def of(self, sentence: Sentence) -> list[ActorMention]:
        """The actors named in one body sentence of the story."""
        if self._country is None or self._reference is None or sentence.kind != "body":
            return []
        hit = self._found.get(sentence.index)
        if hit is None:
            hit = self._found[sentence.index] = self._res.actors.find_actors(
                sentence.text, sentence.start, self._country, self._iso3, self._reference)
        return hit

    def all(self) -> list[ActorMention]:
        """The actors named anywhere in the story's body sentences, in text order."""
        if self._all is None:
            self._all = [a for s in self._sentences if s.kind == "body" for a in self.of(s)]
        return self._all


# a sentence that only says where the previous one's incident happened
_PLACE_TOLD_NEXT = re.compile(r"\s*(?:The|This|That|It)\s+(?:[a-z-]+\s+){0,3}(?:took\s+place|occurred|happened|"
                              r"(?:was|were)\s+(?:carried\s+out|conducted|made|reported))\s+(?:in|at|near|on|outside)\b")


_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’]*[\s-]+$")  # a capitalised word just before a place's name


def _sentence_places(sentence: Sentence, state: _StoryState, article: Article, res: Resources) -> list[PlaceMention]:
    """The sentence's place mentions, resolved once in the story's context (country, frame, places so far)."""
    found = state.places.get(sentence.index)
    if found is None:
        pctx = PlaceContext(iso3=state.iso3, anchors=list(state.anchors), published=article.published,
                            frame=state.frame)
        found = [p for p in find_place_mentions(sentence.text, sentence.start, res.gazetteer, pctx)
                 if p.relation != "metonym"]
        if state.actors is not None and any(
                p.place is not None and p.place.feature not in ("country", "region", "admin1")
                and _NAME_WORD_BEFORE.search(sentence.text, max(0, p.start - sentence.start - 40), p.start - sentence.start)
                for p in found):
            # "Hayat Tahrir al-Sham fighters": a place name inside an armed group's name (not at its start, as in
            # "Kirkuk police") is no place of the story
            spans = [(a.start, a.end) for a in state.actors.of(sentence) if a.start is not None]
            found = [p for p in found if not any(s < p.start and p.end <= e for s, e in spans)]
        state.places[sentence.index] = found
        resolved = [p for p in found if p.place is not None]
        state.anchors.extend(p.place for p in resolved)
        scene = choose_location([p for p in resolved if p.place.feature != "country"
                                 and p.relation not in NOT_THE_SCENE])
        if scene is not None:
            state.scene = scene
    return found


# "police found/recovered the body of ...": the subject found a body, it is not the killer
_FINDER = re.compile(r"\b(?:found|discovered|recovered|retrieved|pulled\s+out)\s+(?:the\s+)?(?:bod(?:y|ies)|corpses?)\s+of\b",
                     re.IGNORECASE)


def _mentions_for_trigger(article, sentence, match, date, state, story_actors, res, skips) -> list[Mention]:
    places = _sentence_places(sentence, state, article, res)
    resolved = [p for p in places if p.place is not None]
    country = state.country
    iso3 = state.iso3
    if resolved and country is None:
        country, iso3 = resolved[0].place.country, resolved[0].place.iso3

    locations = _locations_for(match, resolved, state, res, sentence)
    unknown = [n for p in places if p.place is None for n in p.unresolved]
    if unknown and not resolved and len(locations) == 1 and "story:earlier sentence" in locations[0].candidates:
        # "A demonstration was held in the Xyz city": a place the gazetteer does not know, in the story's area
        locations = [locations[0].model_copy(update={"unresolved": list(dict.fromkeys(unknown))})]
    if not locations:
        locations = _unknown_scene(match, places, state, res)
    if not locations:
        locations = _bare_unknown_scene(match, sentence, places, state, res)
    if not locations:
        skips.append(_skip(article, "places", errors.S_NO_LOCATION, match.start, match.end, sentence.text))
        return []
    locations = [_known_area(loc, res) for loc in locations]
    country, iso3 = locations[0].place.country, locations[0].place.iso3

    casualties = extract_casualties(sentence.text, sentence.start)
    if match.sub_event_type in _NO_TOLL and not (match.sub_event_type == "Other" and _BLAST.search(match.text)):
        # the deaths such a sentence gives are those of the violence it refers to (a mass grave's victims, the
        # dispute a truce ends), not of the development
        casualties = Casualties()
    if match.sub_event_type == "Protest with intervention" and casualties.killed:
        # codebook: an intervention is "without serious or lethal injuries"; protesters killed make it excessive force
        match = dataclasses.replace(match, sub_event_type="Excessive force against protesters")
    actor_text = sentence.text
    finder = _FINDER.search(actor_text) if match.event_type == VAC else None
    if finder is not None and finder.start() < match.end - sentence.start:
        # "Police found the body of a shepherd with gunshot wounds": whoever found the body did not kill him (codebook:
        # a body bearing signs of violence is an attack by an unidentified armed group unless the report names one)
        actor_text = " " * finder.start() + actor_text[finder.start():]
    actors = res.actors.assign_actors(actor_text, sentence.start, match.event_type, match.sub_event_type,
                                      country, iso3, date.date, story_actors.all)
    if match.event_type == VAC and match.sub_event_type == "Attack" and _armed_target(actor_text, actors, country, iso3, date.date, res):
        # codebook: violence between two organised armed groups is a battle, whatever verb reports it
        match = dataclasses.replace(match, event_type="Battles", sub_event_type="Armed clash")
        actors = res.actors.assign_actors(actor_text, sentence.start, match.event_type, match.sub_event_type,
                                          country, iso3, date.date, story_actors.all)
    killed_parts: list[int | None] = [casualties.killed] * len(locations)
    if casualties.killed is not None and len(locations) > 1:
        killed_parts = list(split_fatalities(casualties.killed, len(locations)))

    supports = ["event"]
    if date.kind not in ("inherited", "publication"):
        supports.append("date")
    if resolved:
        supports.append("location")
    if any(a.start is not None and sentence.start <= a.start < sentence.end for a in story_actors.of(sentence)):
        supports.append("actors")
    if casualties.killed is not None:
        supports.append("fatalities")

    participants: list[str] = []
    if match.event_type in ("Protests", "Riots"):
        participants = _participants(sentence.text, match.start - sentence.start, match.end - sentence.start, places,
                                     sentence.start)
        if match.sub_event_type in _ACTED_ON_SUB_EVENTS:
            # "security forces removed the tents": the forces that acted on the crowd are not the crowd
            participants = [w for w in participants if w not in _FORCE_WORDS]
    elif match.sub_event_type in TAKEN_SUB_EVENTS:
        participants = _taken(sentence.text, match.start - sentence.start, match.end - sentence.start, places,
                              sentence.start)
    out = []
    for location, killed in zip(locations, killed_parts):
        tags = []
        if location.relation and location.relation not in ("in", "capital"):
            tags.append(f"location phrase={location.phrase}")
        if "story:earlier sentence" in location.candidates:
            tags.append("location from an earlier sentence")
        tags.extend(f"unresolved place={name}" for name in location.unresolved
                    if location.place is None or location.place.feature != "area" or _area_of(name, location.place, res)
                    is not location.place)
        tags.extend(f"place spelled as={c.removeprefix('fuzzy:')}" for c in location.candidates if c.startswith("fuzzy:"))
        note = ""
        if len(locations) > 1 and casualties.killed is not None:
            note = f"{casualties.killed} fatalities split between {len(locations)} events"
        out.append(Mention(
            article_id=article.article_id, story=sentence.story, rule_id=match.rule_id,
            event_type=match.event_type, sub_event_type=match.sub_event_type, trigger=match.text,
            date=date, location=location, actors=actors, killed=killed,
            wounded=casualties.wounded if len(locations) == 1 else None, fatalities_note=note,
            evidence=[Evidence(article_id=article.article_id, sentence_index=sentence.index,
                               start=sentence.start, end=sentence.end, quote=sentence.text,
                               supports=supports)],
            tags=tags, participants=participants,
        ))
    return out


# Words that say nothing about which crowd it was: quantities, generic nouns for participants, the verbs and
# function words around a protest trigger, calendar words. Language vocabulary, not tunable rules.
_NOT_PARTICIPANTS = frozenset('''
a an the of and or from in on at to for by with who which that this these those their his her its they them it was were
is are be been being had has have also about around over more than nearly some several many few number numbers dozens
hundreds thousands tens scores group groups crowd crowds people persons protesters protester demonstrators demonstrator
individuals participants supporters men women youths young large small big huge
held staged organized organised took part gathered assembled joined continued started began went came stood blocked
closed marched protest protested protesting demonstrated demonstrating demonstration demonstrations rally rallied sit
again another second third fourth fifth day days row today yesterday morning evening night afternoon week weekend
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december city province district area village neighbourhood neighborhood town governorate region
based located situated
outside inside front near streets street square road where while after before during against demanding calling
north south east west northern southern eastern western central rioters rioter mob mobs angry
'''.split())


_ACTED_ON = re.compile(r"\b(?:dispersed|surrounded|attacked|stopped|prevented|blocked|confronted|broken|broke|met|"
                       r"targeted|fired|shot|arrested|detained|beaten|suppressed|repressed|cordoned|banned|"
                       r"condemned|denounced|criticised|criticized)\b", re.IGNORECASE)
VENUE = "at:"
_ACTED_ON_SUB_EVENTS = frozenset({"Protest with intervention", "Excessive force against protesters"})
_FORCE_WORDS = frozenset("police policemen policeman security forces force troops soldiers army officers guards "
                         "gendarmes riot anti-riot asayish".split())  # prefix of the words naming where a crowd gathered ("at:refinery"), apart from who it was


def _participants(text: str, start: int, end: int, places: list[PlaceMention], base: int) -> list[str]:
    """Who took part and where they gathered, as content words: the clause before the trigger ("dozens of
    engineering graduates demonstrated"; the clause before that when this one says nothing: "workers of the X
    company, based in Y, demonstrated"), a "by ..." phrase after it ("a sit-in by contract teachers") and, prefixed
    VENUE, the venue ("outside the oil refinery"). Place names and generic words are left out."""
    plain = _masked(text, places, base)

    def content(part: str) -> set[str]:
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", part)}
        return {w for w in words if w not in _NOT_PARTICIPANTS and not w.endswith("ly")}

    def clause_start(before: int) -> int:
        return max(plain.rfind(",", 0, before), plain.rfind(";", 0, before), start - 90, 0)

    cut = clause_start(start)
    crowd = content(plain[cut:start])
    for _ in range(2):  # "workers of the X directorate, based in Y, staged a sit-in": up to two clauses back
        if crowd or cut <= 0 or plain[cut] != "," or start - cut > 150:
            break
        cut, end_of = clause_start(cut), cut
        crowd = content(plain[cut:end_of])
    after = plain[end:end + 120]
    venue: set[str] = set()
    # "a sit-in by contract teachers", "a demonstration was held in the north of X, by vendors"; not "dispersed by
    # police" (who acted on the crowd)
    m = re.search(r"^\W*(?:[\w-]+[\s,]+){0,8}?by\s+((?:[\w-]+\s+){1,5})", after, re.IGNORECASE)
    if m and not _ACTED_ON.search(after[:m.start(1)]):
        crowd |= content(m.group(1))
    m = re.search(r"\b(?:outside|in\s+front\s+of|at|inside|blocked|blocking|closed|closing)\s+(?:the\s+)?((?:[\w-]+\s+){1,4})",
                  after, re.IGNORECASE)
    if m:
        venue = content(m.group(1)) - crowd
    return sorted(crowd) + sorted(VENUE + w for w in venue)


# sub-event types whose reports say who was taken: two arrests in one city on one day are two events when the
# reports name different people ("a university lecturer" / "three women's rights activists")
TAKEN_SUB_EVENTS = frozenset({"Arrests", "Abduction/forced disappearance"})
_PASSIVE_TRIGGER = re.compile(r"^(?:was|were|been|being|is|are|got|get)\b|\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$",
                              re.IGNORECASE)
_OBJECT_END = re.compile(r"\s(?:in|at|on|from|near|after|for|who|which|that|during|over|while|and\s+(?:took|taken|led)"
                         r"|when|because|as|to|by|outside|inside|across|since|until|following)\s|[,.;:()]", re.IGNORECASE)
_RELATIVE = re.compile(r"\s(?:who|which|that|whose|after|when|while)\s", re.IGNORECASE)


def _masked(text: str, places: list[PlaceMention], base: int) -> str:
    masked = list(text)
    for p in places:
        a, b = p.start - base, p.end - base
        for i in range(max(0, a), min(len(masked), b)):
            masked[i] = " "
    return "".join(masked)


def _taken(text: str, start: int, end: int, places: list[PlaceMention], base: int) -> list[str]:
    """Who was arrested or abducted, as content words: the object after an active trigger ("detained a Kabul
    University lecturer at his home") or the subject before a passive one ("three female activists were taken into
    custody"), without relative clauses, places and generic words."""
    plain = _masked(text, places, base)
    trigger = plain[start:end]
    if _PASSIVE_TRIGGER.search(trigger) or _PASSIVE_TRIGGER.search(plain[max(0, start - 20):start]):
        clause_start = max(plain.rfind(",", 0, start), plain.rfind(";", 0, start), start - 120, 0)
        phrase = plain[clause_start:start]
        rel = _RELATIVE.search(phrase)
        if rel:
            phrase = phrase[:rel.start()]
    else:
        after = plain[end:end + 100]
        stop = _OBJECT_END.search(after)
        phrase = after[:stop.start()] if stop else after
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", phrase)}
    words = {w.removesuffix("'s") for w in words}
    return sorted(w for w in words if w not in _NOT_PARTICIPANTS and w not in _NOT_TAKEN and not w.endswith("ly"))


# words around an arrest or abduction that say nothing about whom: the verbs, the agents' generic words
_NOT_TAKEN = frozenset('''
arrested detained abducted kidnapped seized captured taken custody held rounded apprehended picked nabbed
suspects suspect suspected person wanted man least others other including members member all
'''.split())


ARMED_INTER = (1, 2, 3, 4, 8)


def _armed_target(text: str, actors, country: str, iso3: str, on, res: Resources) -> bool:
    """The sentence's target is an armed actor other than the perpetrator ("gunmen opened fire on a police
    patrol", "…, killing two soldiers")."""
    for a in res.actors.find_actors(text, 0, country, iso3, on):
        if a.role != "actor" or a.inter not in ARMED_INTER or a.name == actors.actor1:
            continue
        if res.actors.entries[a.entry_id].generic:
            continue
        if (_ARMED_TARGET_BEFORE.search(text[: a.start]) or _ARMED_TARGET_AFTER.match(text[a.end:])) and \
                not _OFF_DUTY.search(text):
            return True
    return False


# "…near the police station" names a place, not a target; an off-duty soldier is a civilian (codebook)
_ARMED_TARGET_BEFORE = re.compile(
    r"\b(?:on|against|at|targeting|targeted|target|hit|struck|attacked|ambushed|killing|wounding|killed|wounded|"
    r"injuring|injured)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?"
    r"(?:(?:members?|officers?|elements?|personnel)\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# the passive: "two soldiers were killed by sniper fire", "members of the PMF (a brigade) were wounded in an attack"
_ARMED_TARGET_AFTER = re.compile(
    r"^\s*(?:\([^()]{1,60}\)\s*)?(?:(?:soldiers?|fighters?|policem[ae]n|troops|patrol|unit)\s+)?"
    r"(?:was|were)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot|attacked|targeted|ambushed|hit|martyred)\b",
    re.IGNORECASE)
_OFF_DUTY = re.compile(r"\b(?:off[\s-]duty|on\s+leave|(?:at|in)\s+(?:his|her|their)\s+homes?|(?:was|were)\s+at\s+home|unarmed)\b",
                       re.IGNORECASE)


_STOPPED_EN_ROUTE = re.compile(
    r"\b(?:driving|travell?ing|heading|coming|marching|walking|setting\s+out|on\s+(?:their|the)\s+way)\s+from\b[^.;]*?"
    r"\b(?:(?:were|was)\s+(?:stopped|prevented|turned\s+back|intercepted|barred|blocked)|denied\s+(?:them\s+)?passage|"
    r"(?:stopped|prevented|turned\s+back|intercepted|barred|blocked)\s+(?:them|the\s+(?:convoy|buses|cars|marchers|"
    r"demonstrators|protesters)))\b"
    # "security forces turned back protesters from X heading to the capital"
    r"|\b(?:stopped|prevented|turned\s+back|intercepted|barred|blocked)\s+(?:the\s+|a\s+group\s+of\s+)?(?:protesters|"
    r"demonstrators|marchers|convoy|buses|cars)\s+(?:coming\s+|travell?ing\s+|driving\s+)?from\b", re.IGNORECASE)


def _locations_for(match: TriggerMatch, resolved: list[PlaceMention], state: _StoryState, res: Resources,
                   sentence: Sentence | None = None) -> list[PlaceMention]:
    """Where the incident happened: one location, or one per place for a counted plural
    ("two separate explosions rocked Baghdad and Anbar" is two events) or for a list of distinct places
    ("air strikes hit Sidakan and Bradost"; codebook: one event per location per day)."""
    below_country = [p for p in resolved if p.place.feature != "country"]
    scenes = [p for p in below_country if p.relation not in NOT_THE_SCENE]
    if match.cardinal and match.cardinal > 1 and len(scenes) >= match.cardinal:
        # (not a unit named as holding another place: "two rockets fell in X in Baghdad" is one place)
        distinct = _distinct_places(scenes)
        if len(distinct) == match.cardinal:
            return distinct
    if match.event_type == "Protests" and sentence is not None and _STOPPED_EN_ROUTE.search(sentence.text):
        # "demonstrators driving from X to join the protest in the capital were stopped": the crowd never reached
        # the capital; the place it set out from is the one the report knows
        scenes = [p for p in below_country if p.relation == "origin"] or scenes
    listed = _listed_places(scenes, sentence, match) if sentence is not None else []
    if len(listed) > 1:
        return listed
    best = choose_scene(scenes)
    if best is not None:
        return _per_wide_area(best)
    if state.scene is not None and res.taxonomy.sub_event(match.sub_event_type).story_place:
        # "...were later detained by security forces", "...denounced the Erbil-Baghdad agreement": a sentence that
        # names no place of its own (or only a home town, a road's ends) continues the story where it is set
        return [state.scene.model_copy(update={"candidates": [*state.scene.candidates, "story:earlier sentence"]})]
    # (a place named only as another crowd's, "in support of the Nasiriyah protests", least of all)
    best = choose_location([p for p in below_country if p.relation != "solidarity"] or below_country)
    if best is not None:
        return [best]
    national = match.event_type in ("Protests", "Riots") and sentence is not None and _MINISTRY.search(sentence.text)
    if match.event_type != STRATEGIC and not national:
        return []  # ACLED does not record violent events known only at country level
    if state.scene is not None and sentence is not None and _BACK_TO_SCENE.search(sentence.text):
        # "Security forces closed the road leading to the area after the blast": a measure taken where the story's
        # incident was, not a decision at national level
        return [state.scene.model_copy(update={"candidates": [*state.scene.candidates, "story:the scene"]})]
    # A national-level development is placed in the story's country (not in a country the
    # sentence merely names, as in "Iran-backed militias" or "US forces"), at its capital.
    iso3 = state.iso3 or next((p.place.iso3 for p in resolved), None)
    if iso3 is None:
        return []
    capital = res.gazetteer.capital(iso3)
    if capital is None:
        return []
    if national:  # "a protest in front of the Ministry of Industry": ministries sit in the capital
        return [PlaceMention(text=capital.name, start=match.start, end=match.end, phrase=national.group(0),
                             place=capital, geo_precision=1, relation="capital")]
    return [PlaceMention(text=capital.name, start=match.start, end=match.end, phrase="(national level)",
                         place=capital, geo_precision=3, relation="capital")]


def _unknown_scene(match: TriggerMatch, places: list[PlaceMention], state: _StoryState, res: Resources
                   ) -> list[PlaceMention]:
    """A violent event set at a place the gazetteer does not know ("air strikes on the Qarachogh mountains", "mortar
    shells at the village of Umm al Hintah"), in a story whose country is known and which names no known place: coded
    at country level (precision 3, no admin units) with the name kept in tags, rather than lost. ACLED does not
    record violent events known only at country level; this one is known at a named spot the user can add with
    --gazetteer-extra."""
    unknown = [p for p in places if p.unresolved and p.relation not in NOT_THE_SCENE
               and (p.place is None or p.place.feature == "country")]
    if match.event_type == STRATEGIC or not unknown or state.iso3 is None:
        return []
    country = res.gazetteer.country(state.iso3)
    if country is None:
        return []
    first = unknown[0]
    return [PlaceMention(text=country.name, start=first.start, end=first.end, phrase=first.phrase, place=country,
                         geo_precision=3, relation="country",
                         unresolved=[n for p in unknown for n in p.unresolved])]


def _area_of(name: str, within: Place, res: Resources) -> Place | None:
    area = res.gazetteer.area_named(bare_name(name), within.iso3) or res.gazetteer.area_named(name, within.iso3)
    if area is None or within.feature in ("country", "area"):
        return area
    if within.feature == "region":  # "Northern Iraq": a part of the country, which the region's name gives only roughly
        return area if area.iso3 == within.iso3 else None
    return area if fold_key(area.admin1 or "") == fold_key(within.admin1 or within.name) else None


def _known_area(loc: PlaceMention, res: Resources) -> PlaceMention:
    """A wide area the gazetteer lacks but the package's areas file has ("the Haftanin region", "Qandil Mountains",
    coder/data/areas.csv), read where the scene is only the country or a province: the event takes the area's admin
    units and point at precision 2 (a part of a region). An area read with its district ("the Zap region of Amadiya
    district") stays at the district, as ACLED codes it. The name stays in `unresolved`, by which the merge tells
    an area from the spots inside it and from other areas, as for areas nobody has entered."""
    place = loc.place
    if not loc.unresolved or place is None or place.feature not in ("country", "admin1", "region"):
        return loc
    for name in loc.unresolved:
        area = _area_of(name, place, res)
        if area is not None:
            relation = "in" if loc.relation in (None, "country", "in", "region") else loc.relation
            return loc.model_copy(update={"place": area, "geo_precision": 2, "relation": relation})
    return loc


# "protesters in Piramagrun threw stones": a bare capitalised name after a locative preposition, which the
# gazetteer does not know and the place finder does not take as a place without a noun ("the X area")
_BARE_LOCATIVE = re.compile(r"\b(?:in|into|at|near|outside|on|(?:residents|people|villagers|inhabitants|families|tribes)\s+of)\s+(?:the\s+(?:(?:town|city|village|district|sub-?district|"
                            r"area|region|township|municipality|orchards|farms|fields|outskirts|suburbs)\s+of\s+)?)?"
                            r"(?P<name>(?-i:(?:(?:Al|El|Ad|An|Ar|As|Ash|At|Az|Abu|Umm|Bani|Tal|Tel)[\s-])?[A-Z][a-z\x27’-]{2,}"
                            r"(?:[\s-][A-Z][a-z\x27’-]{2,}){0,2}))\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE)
_NAME_PREFIXES = frozenset("al el ad an ar as ash at az abu umm bani tal tel".split())
_NOT_A_PLACE_NAME = frozenset('''monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december ramadan christmas eid the a an his her their its this that
parliament ministry council government police army court university hospital front response support solidarity
protest'''.split())


def _bare_unknown_scene(match: TriggerMatch, sentence: Sentence, places: list[PlaceMention], state: _StoryState,
                        res: Resources) -> list[PlaceMention]:
    """A protest, riot or violent event said to be "in X", X a name the gazetteer lacks, in a story whose country is
    known and which names no place at all: coded at country level with X in tags (as _unknown_scene does for "the X
    area"), not lost."""
    if match.event_type == STRATEGIC or state.iso3 is None or any(p.place is not None for p in places):
        return []
    known = [(p.start - sentence.start, p.end - sentence.start) for p in places]
    for m in _BARE_LOCATIVE.finditer(sentence.text):
        name = m.group("name")
        s, e = m.span("name")
        if name.split()[0].lower() in _NOT_A_PLACE_NAME or any(a < e and s < b for a, b in known):
            continue
        if res.actors.find_actors(name, 0, None, state.iso3, None):
            continue  # an organisation ("in Hezbollah's stronghold", "at Saraya al-Salam")
        words = name.split()
        for k in range(len(words) - 1, 0, -1):  # "Baghdad International Airport": a site named after a known place
            prefix = " ".join(words[:k])
            if len(prefix) < 4 or prefix.lower() in _NAME_PREFIXES:
                continue
            host = res.gazetteer.find(prefix, state.iso3, {"city", "town", "admin1", "admin2"})
            if host is not None:
                return [PlaceMention(text=name, start=sentence.start + s, end=sentence.start + e, phrase=m.group(0),
                                     place=host, geo_precision=2, relation="site", candidates=[host.id])]
        near = (res.gazetteer.fuzzy_city(name, state.iso3, threshold=0.85)
                or res.gazetteer.fuzzy_unit(name, state.iso3, ("admin2", "admin3"), threshold=0.85))
        if near is not None:  # "Qaladze" for Qeladize, "Penjwen" for Penjwin: a spelling of a known town or district
            return [PlaceMention(text=name, start=sentence.start + s, end=sentence.start + e, phrase=m.group(0),
                                 place=near, geo_precision=1 if near.feature not in ("admin2", "admin3") else 2,
                                 relation="in", candidates=[near.id, f"fuzzy:{name}"])]
        country = res.gazetteer.country(state.iso3)
        if country is None:
            return []
        return [PlaceMention(text=country.name, start=sentence.start + s, end=sentence.start + e,
                             phrase=m.group(0), place=country, geo_precision=3, relation="country",
                             unresolved=[name])]
    return []


# a crowd at a national ministry (with no place named): the ministry's seat, the capital
# a development that points back at the story's scene: "the area", "the scene of the attack", "after the blast"
_BACK_TO_SCENE = re.compile(
    r"\b(?:the|that)\s+(?:area|scene|site|spot|vicinity|neighbou?rhood|village)\b(?!\s+of\s+[A-Z])"
    r"|\b(?:after|following|in\s+the\s+wake\s+of)\s+the\s+(?:[\w-]+\s+){0,2}?(?:blast|explosion|bombing|attack|shooting|"
    r"assault|incident|clash(?:es)?)\b", re.IGNORECASE)
_MINISTRY = re.compile(r"\b(?:outside|in\s+front\s+of|at|near|to)\s+(?:the\s+)?(?:Ministry\s+of\s+[A-Z]|[A-Z][a-z]+\s+Ministry\b|"
                       r"(?:(?:Iraqi|national|federal)\s+)?(?<!Kurdistan\s)(?<!Regional\s)(?:Parliament|Council\s+of\s+Ministers)\b)")


# What may stand between two places of one list: "X and Y", "X, Y and Z", "X village and Y village",
# "X (Y) and Z", "the districts of X and Y", "X as well as Y". Language, not tunable rules.
_FEATURE_NOUN = (r"(?:villages?|towns?|cit(?:y|ies)|districts?|sub-?districts?|areas?|regions?|provinces?|governorates?|"
                 r"neighbou?rhoods?|quarters?|camps?|mountains?|valleys?|islands?|nahiyas?|qadhas?)")
_LIST_GAP = re.compile(
    r"^(?:\s*\([^()]{1,60}\))?(?:\s+" + _FEATURE_NOUN + r")?\s*(?P<sep>,\s*and|,|and|&|as\s+well\s+as)\s+"
    r"(?:(?:in|at|on|near)\s+)?(?:the\s+)?(?:" + _FEATURE_NOUN + r"\s+(?:of\s+)?)?$"
    # "Zap (Amadiya) region of Dahuk and Avasin region (Mergasur district) of Erbil": two unknown spots, each with
    # the place it lies in in brackets, the first followed by its unit ("of Dahuk")
    r"|^\)\s*" + _FEATURE_NOUN + r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*)){0,2}"
    r"(?:\s+(?:province|governorate|district))?)?\s*(?P<sep2>,\s*and|and)\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w'-]*\s+){1,3}" + _FEATURE_NOUN + r"\s*\(\s*$"
    # "Hakurk region of Erbil and Gara (Chiya-e Gara) region of Dahuk": two provinces, each holding an unknown area
    r"|^\s*(?P<sep3>,\s*and|and)\s+(?:the\s+)?(?-i:[A-Z][\w'-]*\s+){1,3}(?:\([^()]{1,40}\)\s*)?" + _FEATURE_NOUN +
    r"\s+(?:of|in)\s+(?:the\s+)?$"
    # "Sidakan and Bradost in Erbil and Zakho in Duhok": the unit holding the places before, then the next place
    r"|^(?:\s+" + _FEATURE_NOUN + r")?\s+(?:in|of)\s+(?:the\s+)?(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*)){0,2}"
    r"(?:\s+(?:province|governorate|district))?\s*(?P<sep4>,\s*and|and)\s+(?:(?:in|at|on|near)\s+)?(?:the\s+)?$",
    re.IGNORECASE)
# the two ends of a road, a border or a route are one place of the incident, not two
_ENDS_BEFORE = re.compile(r"\b(?:between|linking|connecting|from|joining|both)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_ENDS_AFTER = re.compile(r"^(?:\s*\([^()]{1,60}\))?\s*(?:provinces?\s+|governorates?\s+)?(?:-\s*)?(?:border|boundary|frontier|road|highway|"
                         r"motorway|route|axis|triangle|corridor|line)s?\b", re.IGNORECASE)
_NOT_SPLIT = frozenset({"Agreement"})  # one agreement covers every place it names


def _listed_places(scenes: list[PlaceMention], sentence: Sentence, match: TriggerMatch) -> list[PlaceMention]:
    """The distinct places of a list of places the sentence names as the incident's scene ("in Khanaqin and
    Muqdadiyah districts", "at Mount Khamtir, Zakho and Dahuk"), each a separate event; [] when there is none.
    A list is joined by "and" (commas alone make a chain of nested units: "X village, Y district, Z province");
    no other scene lies between it and the trigger; places nested in one another are one place; the ends of a
    road or a border ("between X and Y", "the Diyala and Salahuddin border") are not a list; the list must hold
    the place the event would otherwise be given."""
    if match.sub_event_type in _NOT_SPLIT:
        return []
    base = sentence.start
    ordered = sorted(scenes, key=lambda p: p.start)
    runs: list[list[PlaceMention]] = []
    run: list[PlaceMention] = []
    joined = False
    for p in ordered:
        if run and p.start >= run[-1].end:
            gap = _LIST_GAP.match(sentence.text[run[-1].end - base:p.start - base])
            if gap:
                run.append(p)
                joined = joined or (gap.group("sep") or gap.group("sep2") or gap.group("sep3")
                                   or gap.group("sep4")).strip(", ") != ""
                continue
        if len(run) > 1 and joined:
            runs.append(run)
        run, joined = [p], False
    if len(run) > 1 and joined:
        runs.append(run)
    default = choose_location(scenes)
    for run in runs:
        first, last = run[0], run[-1]
        if default is not None and not any(p is default for p in run):
            continue  # the list is not where the incident is set ("... in solidarity with protesters in X and Y")
        if first.relation == "between":
            continue
        if _ENDS_BEFORE.search(sentence.text[max(0, first.start - base - 40):first.start - base]):
            continue
        if _ENDS_AFTER.match(sentence.text[last.end - base:]):
            continue
        lo, hi = (match.end, first.start) if first.start >= match.end else (last.end, match.start)
        if any(lo <= p.start < hi for p in ordered):
            continue  # another scene is named nearer the trigger: the list belongs to another clause
        clusters: list[list[PlaceMention]] = []
        for p in run:
            # one place: nested or near, and not two different named spots ("Hakurk region of Erbil and Gara")
            home = next((c for c in clusters if any(locations_compatible(p, q) and spots_compatible(p, q)
                                                    for q in c)), None)
            if home is None:
                clusters.append([p])
            else:
                home.append(p)
        if len(clusters) > 1:
            readings = [choose_location(c) for c in clusters]  # the most precise reading of each place
            return _leading_area(readings, sentence.text[:first.start - base]) + readings
    return []


# an unknown wide area heading a list of places ("at Mount Khamtir, Zakho and Dahuk")
_AREA_BEFORE_LIST = re.compile(r"(?:Mount|Mt\.|Jabal|Jebel)?\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                               r"(?:\s+(?:region|mountains?|range|area))?\s*,\s*(?:the\s+)?$")


def _leading_area(readings: list[PlaceMention], before: str) -> list[PlaceMention]:
    """A list of places headed by a wide area the gazetteer does not know ("at Mount Khamtir, Zakho and Dahuk"):
    the area is one more place of the list. Its name was kept as a spot on a reading of the list; that reading
    gives it up and the area becomes a reading of its own, around the same place."""
    m = _AREA_BEFORE_LIST.search(before)
    if m is None:
        return []
    for i, r in enumerate(readings):
        area = next((n for n in r.unresolved if is_wide_area(n) and same_spot_name(bare_name(n), m.group(1))), None)
        if area is not None:
            rest = [n for n in r.unresolved if not same_spot_name(bare_name(n), m.group(1))]  # "Mount X" too
            readings[i] = r.model_copy(update={"unresolved": rest})
            # the area lies around the unit it was read with, not at its point: precision 2 at best
            return [r.model_copy(update={"unresolved": [area], "geo_precision": max(2, r.geo_precision)})]
    return []


def _per_wide_area(scene: PlaceMention) -> list[PlaceMention]:
    """A scene that names several wide areas the gazetteer does not know ("in the Metina and Haftanin regions of
    Amadiya district"): one reading per area (codebook: one event per location), each keeping the spots it names
    that are no wide area. Two spellings of one area ("Qandil Mountain", "Qandil mountains") are one area."""
    areas: list[list[str]] = []
    for name in scene.unresolved:
        if not is_wide_area(name):
            continue
        home = next((a for a in areas if any(same_spot_name(bare_name(name), bare_name(n)) for n in a)), None)
        if home is None:
            areas.append([name])
        else:
            home.append(name)
    if len(areas) < 2:
        return [scene]
    spots = [n for n in scene.unresolved if not is_wide_area(n)]
    return [scene.model_copy(update={"unresolved": area + spots}) for area in areas]


def _distinct_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """Places naming different areas (a town inside an already-named province is the same area)."""
    kept: list[PlaceMention] = []
    for p in places:
        if any(locations_compatible(p, k) for k in kept):
            continue
        kept.append(p)
    return kept


def _fold_within_article(mentions: list[Mention], res: Resources) -> list[Mention]:
    """Fold the sentences of one article that describe the same incident into one mention.

    Same event type, same day (or the sub-event type's merge window), compatible places and
    actors. The folded mention keeps the most precise place, the most specific actors and
    the highest figure the article gives (sentences of one report complement each other).
    """
    folded: list[Mention] = []
    for m in mentions:
        target = next((f for f in folded if _same_incident(f, m, res)), None)
        if target is None:
            folded.append(m)
            continue
        folded[folded.index(target)] = _fold(target, m, res)
    return _absorb_damage(folded)


DAMAGE = "Looting/property destruction"


def _epilogue(m: Mention, earlier: list[Mention]) -> bool:
    return any(v.event_type != STRATEGIC and _epilogue_of(m, v) for v in earlier)


def _epilogue_of(m: Mention, violent: Mention) -> bool:
    """A development that closes the violent incident told just before it: its perpetrators arrested, the fighters
    of a clash or a riot detained or disarmed, forces sent "to contain the clashes"."""
    quotes = [e.quote for e in m.evidence]
    fight = violent.event_type in ("Battles", "Riots")
    if m.sub_event_type == "Arrests":
        return fight or any(_ITS_PERPETRATORS.search(q) for q in quotes)
    if m.sub_event_type == "Disrupted weapons use":
        return fight and any(_THEIR_WEAPONS.search(q) for q in quotes)
    if m.sub_event_type == "Change to group/activity":
        return any(_TO_CONTAIN.search(q) for q in quotes)
    return False


_THEIR_WEAPONS = re.compile(r"\btheir\s+(?:weapons|arms|guns|rifles)\b", re.IGNORECASE)
_TO_CONTAIN = re.compile(r"\b(?:to\s+(?:contain|stop|end|control|calm|break\s+up|separate)|intervened)\b", re.IGNORECASE)


# who was arrested, when they are the people of the incident the report has just told
_ITS_PERPETRATORS = re.compile(r"\b(?:suspect(?:s|ed)?|perpetrators?|attackers?|assailants?|kidnappers?|gunm[ae]n|armed\s+men|"
                               r"culprits?|killers?|shooters?|those\s+(?:who|responsible)|militants?|members\s+of\s+the)\b",
                               re.IGNORECASE)


def _absorb_damage(mentions: list[Mention]) -> list[Mention]:
    """Property destroyed in a violent incident the report has just told ("Air strikes hit the valley. The tunnel
    was destroyed."; "Gunmen raided the hamlet, shooting residents. Dozens of houses were set on fire.") is part of
    that incident, not a development of its own (codebook: looting or destruction outside other violence): a
    destruction told in the next two sentences, on the same day and at a compatible place, joins the violent
    incident as one more supporting sentence. So does the arrest of its perpetrators told with it ("The kidnappers
    were arrested", "police arrested four men suspected of carrying out the attack"), within a day: the codebook's
    Arrests are of significant individuals or politically significant mass arrests, not the epilogue of an attack."""
    out: list[Mention] = []
    for m in mentions:
        damage = m.event_type == STRATEGIC and m.sub_event_type == DAMAGE
        epilogue = m.event_type == STRATEGIC and _epilogue(m, out)
        if damage or epilogue:
            first = min(e.sentence_index for e in m.evidence)
            host = next((i for i in range(len(out) - 1, -1, -1)
                         if out[i].event_type != STRATEGIC and out[i].story == m.story
                         and (damage or _epilogue_of(m, out[i]))
                         and 0 <= (m.date.date - out[i].date.date).days <= (0 if damage else 1)
                         and (0 < first - max(e.sentence_index for e in out[i].evidence) <= 2
                              or (epilogue and first == max(e.sentence_index for e in out[i].evidence)))
                         and locations_compatible(out[i].location, m.location)), None)
            if host is not None:
                out[host] = out[host].model_copy(update={"evidence": out[host].evidence + m.evidence})
                continue
        out.append(m)
    return out


def _turned_violent(a: Mention, b: Mention) -> bool:
    """A report's demonstration and the violence its demonstrators committed ("... demonstrated in X. Demonstrators
    burned party offices"): one violent demonstration (codebook: demonstrators engage in violence or destruction).
    Forces firing at the crowd of a riot are part of the riot ("protesters burned tyres ... security forces opened
    fire, killing two"): one Riots event with the forces as actor2 and the deaths in its fatalities (codebook: a
    protest that turns into a riot on one day and place is one Riots event)."""
    return {a.sub_event_type, b.sub_event_type} <= {"Violent demonstration", "Peaceful protest",
                                                   "Protest with intervention",
                                                   "Excessive force against protesters"} and a.event_type != b.event_type


def _riot_damage(a: Mention, b: Mention) -> bool:
    """A report's violent demonstration and the damage it reports with no named perpetrator ("protesters clashed
    with police ... several bank branches were vandalised"): the vandalism is the riot's (codebook: violent
    demonstration includes vandalism), not a separate property destruction by an unidentified group."""
    for riot, other in ((a, b), (b, a)):
        if (riot.event_type == "Riots" and other.event_type == STRATEGIC
                and other.sub_event_type == "Looting/property destruction" and GENERIC_ACTOR.match(other.actors.actor1)):
            return True
    return False


# a sentence that says it tells another incident: "Separately, residents beat a man ...", "In another incident, ..."
_NEW_INCIDENT = re.compile(r"^\W*(?:separately|elsewhere|in\s+(?:a|an|another)\s+(?:separate\s+|other\s+|different\s+|unrelated\s+)?"
                           r"(?:incident|attack|development|case))\b", re.IGNORECASE)


def _same_incident(a: Mention, b: Mention, res: Resources) -> bool:
    if a.story != b.story or (a.event_type != b.event_type and not _turned_violent(a, b) and not _riot_damage(a, b)):
        return False
    if (b.evidence[0].sentence_index not in {e.sentence_index for e in a.evidence}
            and _NEW_INCIDENT.match(b.evidence[0].quote)):
        return False
    if a.event_type == STRATEGIC and a.sub_event_type != b.sub_event_type and not _riot_damage(a, b):
        return False
    window = max(res.taxonomy.sub_event(a.sub_event_type).merge_window_days,
                 res.taxonomy.sub_event(b.sub_event_type).merge_window_days)
    if abs((a.date.date - b.date.date).days) > window:
        return False
    if (not actors_compatible(a, b) and not _turned_violent(a, b) and not _riot_damage(a, b)
            and not _sides_swapped(a, b)):
        return False
    if (a.evidence[0].sentence_index == b.evidence[0].sentence_index and a.trigger == b.trigger
            and a.rule_id == b.rule_id):
        return False  # one trigger's several places (a list: "Hakurk region of Erbil and Gara"): one event each
    return locations_compatible(a.location, b.location)


GENERIC_ACTOR = re.compile(r"^Unidentified ")


def _sides_swapped(a: Mention, b: Mention) -> bool:
    """A battle told with its sides in the other order in a later sentence: "IS militants attacked a PMF checkpoint.
    Two PMF fighters were killed in the exchange of fire" (the PMF against an unnamed enemy): one fight."""
    x, y = a.actors, b.actors
    if a.event_type != "Battles" or x.actor2 is None or y.actor2 is None:
        return False
    for p, q in ((x, y), (y, x)):
        if p.actor2 == q.actor1 and (p.actor1 == q.actor2 or GENERIC_ACTOR.match(q.actor2)
                                     or GENERIC_ACTOR.match(p.actor1)):
            return True
    return False


def actors_compatible(a: Mention, b: Mention) -> bool:
    """Same perpetrator, or one side of the pair is unidentified."""
    x, y = a.actors.actor1, b.actors.actor1
    return x == y or bool(GENERIC_ACTOR.match(x)) or bool(GENERIC_ACTOR.match(y))


def _fold(a: Mention, b: Mention, res: Resources) -> Mention:
    sub_a = res.taxonomy.sub_event(a.sub_event_type)
    sub_b = res.taxonomy.sub_event(b.sub_event_type)
    primary = a if sub_a.rank <= sub_b.rank else b
    if _turned_violent(a, b) or _riot_damage(a, b):
        primary = a if a.event_type == "Riots" else b
    date = _better_date(a.date, b.date)
    location = choose_location([a.location, b.location])
    other = b.location if location is a.location else a.location
    if (not location.unresolved and other.unresolved and other.place is not None and location.place is not None
            and other.place.id == location.place.id):
        location = other  # the same area, and one sentence names the spot in it the gazetteer does not know
    actors = a.actors if _actor_score(a) >= _actor_score(b) else b.actors
    if _turned_violent(a, b) or _riot_damage(a, b):
        actors = _riot_actors(primary.actors, (b if primary is a else a).actors)
    killed = max((k for k in (a.killed, b.killed) if k is not None), default=None)
    wounded = max((w for w in (a.wounded, b.wounded) if w is not None), default=None)
    note = a.fatalities_note if killed == a.killed else b.fatalities_note
    triggers = list(dict.fromkeys(a.trigger.split("; ") + b.trigger.split("; ")))
    return primary.model_copy(update={
        "trigger": "; ".join(triggers),
        "date": date, "location": location, "actors": actors, "killed": killed, "wounded": wounded,
        "fatalities_note": note,
        "evidence": a.evidence + b.evidence,
        "tags": sorted(set(a.tags) | set(b.tags)),
    })


def _riot_actors(riot, protest):
    """A riot's actors, with the force that intervened against the crowd (named by the protest mention of the same
    report) as actor2 when the riot's own sentences name none."""
    if riot.actor2 is not None or protest.actor2 is None or protest.inter2 != 1:
        return riot
    return riot.model_copy(update={"actor2": protest.actor2, "inter2": protest.inter2,
                                   "assoc_actor_2": list(protest.assoc_actor_2),
                                   "entries": list(dict.fromkeys(list(riot.entries) + list(protest.entries))),
                                   "inferred": list(dict.fromkeys(list(riot.inferred) + [n for n in protest.inferred
                                                                                         if n == protest.actor2]))})


def _better_date(a, b):
    """A stated date beats an inherited or publication one; then the finer precision; then the earlier."""
    def key(d):
        stated = d.kind not in ("inherited", "publication")
        return (not stated, d.time_precision, d.date)
    return min((a, b), key=key)


def _actor_score(m: Mention) -> tuple[int, int, int]:
    act = m.actors
    return (
        0 if GENERIC_ACTOR.match(act.actor1) else 1,
        1 if act.actor2 else 0,
        len(act.assoc_actor_1) + len(act.assoc_actor_2),
    )


def _skip(article: Article, stage: str, code: errors.Code, start: int | None, end: int | None, text: str, **kw) -> Skip:
    return Skip(article_id=article.article_id, stage=stage, code=code.code, message=code.format(**kw),
                start=start, end=end, text=text)
