"""Stage 9: notes. A short ACLED-style note per event, written from the coded fields and
the trigger words of the cited sentences (codebook §11: "On <date>, <actor> <did what> in
<place> (<district>, <province>). <consequence>.")."""

from __future__ import annotations

from coder.merge import MergedEvent

_NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

# What actor1 did, per sub-event type; the trigger words of the report follow in parentheses.
_ACTION = {
    "Government regains territory": "regained control of territory from",
    "Non-state actor overtakes territory": "took control of territory from",
    "Armed clash": "clashed with",
    "Excessive force against protesters": "used lethal or serious force against",
    "Protest with intervention": "held a protest that was dispersed or suppressed by",
    "Peaceful protest": "held a peaceful protest",
    "Violent demonstration": "rioted",
    "Mob violence": "attacked",
    "Chemical weapon": "used a chemical weapon against",
    "Air/drone strike": "carried out an air/drone strike on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "fired shells, rockets or missiles at",
    "Remote explosive/landmine/IED": "detonated an explosive device targeting",
    "Grenade": "threw a grenade at",
    "Sexual violence": "committed sexual violence against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Agreement": "reached or declared an agreement with",
    "Arrests": "arrested",
    "Change to group/activity": "changed its activity regarding",
    "Disrupted weapons use": "disrupted weapons use by",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took control of territory without fighting from",
    "Other": "was involved in a development with",
}

# Strategic developments open with a label (codebook §11).
_LABEL = {
    "Agreement": "Agreement", "Arrests": "Arrests", "Change to group/activity": "Change to group/activity",
    "Disrupted weapons use": "Disrupted weapons use", "Headquarters or base established": "Headquarters established",
    "Looting/property destruction": "Property destruction", "Non-violent transfer of territory": "Non-violent transfer of territory",
    "Other": "Other",
}


def _count(n: int, singular: str, plural: str) -> str:
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word.capitalize()} {singular if n == 1 else plural}"


def _date_phrase(event: MergedEvent) -> str:
    d = event.date.date
    day = f"{d.day} {d.strftime('%B %Y')}"
    if event.date.time_precision == 1:
        return f"On {day}"
    if event.date.time_precision == 2:
        return f"Around {day} (as reported)"
    return f"In {d.strftime('%B %Y')}"


def _place_phrase(event: MergedEvent) -> str:
    loc = event.location
    place = loc.place
    units = [f"{u} {label}" for u, label in ((place.admin2, "district"), (place.admin1, "province"))
             if u and u != place.name]
    where = place.name + (f" ({', '.join(units)})" if units else "")
    if loc.relation == "region":
        return f"in {loc.phrase} (coded as {where} at precision 3)"
    if loc.relation and loc.relation not in ("in", "capital"):
        return f"{loc.phrase} (coded as {where})"
    return f"in {where}"


def _consequence(event: MergedEvent) -> str:
    parts = []
    if event.fatalities:
        parts.append(f"{_count(event.fatalities, 'fatality', 'fatalities')} reported.")
    if event.wounded:
        parts.append(f"{_count(event.wounded, 'person', 'people')} wounded.")
    if not parts:
        parts.append("No fatalities reported.")
    notes = sorted({m.fatalities_note for m in event.mentions if m.fatalities_note})
    parts.extend(f"{n[0].upper()}{n[1:]}." for n in notes)
    return " ".join(parts)


def write_note(event: MergedEvent) -> str:
    """The event's note: date, actors and action, place, trigger words, consequence."""
    act = event.actors
    actor2 = act.actor2 or ""
    if act.assoc_actor_2:
        actor2 += f" ({'; '.join(act.assoc_actor_2)})"
    action = _ACTION[event.sub_event_type]
    words = {t.strip(' "\'“”‘’').lower() for m in event.mentions for t in m.trigger.split("; ")}
    triggers = sorted(words, key=lambda t: (len(t), t))[:3]  # the shortest few say it best
    reported = f" (reported as: {', '.join(triggers)})" if triggers else ""
    target = f" {actor2}" if actor2 and action.endswith((" with", " on", " at", " against", " targeting", " from", " of", " by")) or actor2 and action in ("attacked", "abducted", "arrested") else ""
    if not target and action.endswith((" with", " on", " at", " against", " targeting", " from", " of", " by")):
        action = action.rsplit(" ", 1)[0]
    sentence = f"{_date_phrase(event)}, {act.actor1} {action}{target}{reported} {_place_phrase(event)}."
    label = _LABEL.get(event.sub_event_type) if event.event_type == "Strategic developments" else None
    note = f"{label}: {sentence}" if label else sentence
    return f"{note} {_consequence(event)}"
