"""Casualty phrasings news reports use around an incident (session 12, sentences written for the project): one person
named by a pronoun, a passer-by, "without hurting anyone", a wounded person who later died, "among the dead"."""

from __future__ import annotations

import pytest

from coder.fatalities import extract_casualties

CASES = [
    # (sentence, killed, wounded)
    ("Gunmen shot a shopkeeper in Basra on Monday, injuring him in the leg.", None, 1),
    ("A sticky bomb went off under a car in Mosul, injuring her and her son.", None, 2),
    ("A bomb exploded near a market in Baghdad, wounding a passer-by.", None, 1),
    ("Militants shot at a police post, wounding two passers-by.", None, 2),
    ("A roadside bomb exploded near an army patrol in Tarmiyah without hurting anyone.", 0, 0),
    ("The rocket hit a house without injuring anybody.", 0, 0),
    ("The blast damaged two cars but hurt no one.", 0, 0),
    ("A farmer who was wounded in an IS attack in Diyala died in hospital on Tuesday.", 1, None),
    ("A soldier, who was wounded in clashes with IS last week, died of his wounds on Friday.", 1, None),
    ("Two policemen who were injured in the bombing later died in hospital.", 2, None),
    ("A child was among the dead in the attack on a village near Khanaqin.", 1, None),
    ("Two women were among those killed when a bomb exploded in a market in Baghdad.", 2, None),
    ("Among the dead were two children, police said.", 2, None),
    ("Two bodies with gunshot wounds were found near Tarmiyah on Saturday.", 2, None),
    ("Iraqi forces conducted an airdrop near Rutba, killing an IS wali.", 1, None),
    # the toll the sentence gives stands: the child is one of the dead, not one more
    ("Gunmen killed three people in Kirkuk on Monday; a child was among the dead.", 3, None),
    ("Gunmen killed five people in the village; among the dead were two children.", 5, None),
    ("The blast killed four people, and a child was among the dead.", 4, None),
    # a relative clause with no death after it: nobody died
    ("A man who was shot by gunmen in Basra on Monday is in stable condition.", None, None),
    ("A policeman who was wounded in the clash told reporters he saw four attackers.", None, None),
    ("Gunmen wounded a teacher, who survived, and killed his brother.", 1, 1),
    # a death the relative clause only mentions is not this sentence's casualty
    ("Relatives of a patient who died of an illness attacked the hospital staff.", None, None),
    ("The bomb went off near a checkpoint, injuring them slightly.", None, None),
    # a time word or a speech verb after the casualty verb is not the start of a count
    ("The father of a boy who was killed last week told reporters the police had done nothing.", None, None),
    ("The brother of a soldier killed yesterday said journalists had been barred from the funeral.", 1, None),
]


@pytest.mark.parametrize("sentence, killed, wounded", CASES)
def test_casualty_phrasings(sentence, killed, wounded):
    c = extract_casualties(sentence, 0)
    assert (c.killed, c.wounded) == (killed, wounded), c.reason
