"""Trigger rules: every rule's examples and counter-examples, taxonomy coverage, filters, loader refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.errors import DataFileError
from coder.rules import RuleFile, RuleSet, cardinal_before
from coder.taxonomy import load_taxonomy

RULES = RuleSet.load()


def _ids(text: str) -> list[str]:
    return [m.rule_id for m in RULES.classify(text)]


@pytest.mark.parametrize(
    ("rule_id", "sentence"),
    [(r.id, ex) for r in RULES.rules for ex in r.examples],
)
def test_rule_examples_win(rule_id: str, sentence: str) -> None:
    assert rule_id in _ids(sentence), [(m.rule_id, m.text, m.filtered_by) for m in RULES.match(sentence)]


@pytest.mark.parametrize(
    ("rule_id", "sentence"),
    [(r.id, ex) for r in RULES.rules for ex in r.counter_examples],
)
def test_rule_counter_examples_do_not_win(rule_id: str, sentence: str) -> None:
    assert rule_id not in _ids(sentence)


@pytest.mark.parametrize(("filter_id", "sentence"), [(f.id, ex) for f in RULES.filters for ex in f.examples])
def test_filter_examples_are_vetoed(filter_id: str, sentence: str) -> None:
    assert filter_id in RULES.vetoes(sentence)


def test_every_rule_has_examples_and_counter_examples() -> None:
    assert all(r.examples and r.counter_examples for r in RULES.rules)


@pytest.mark.parametrize("sub_event_type", list(load_taxonomy().sub_event_types))
def test_full_taxonomy_covered(sub_event_type: str) -> None:
    assert any(r.sub_event_type == sub_event_type for r in RULES.rules)


@pytest.mark.parametrize(
    ("sentence", "expected_sub", "filtered_by"),
    [
        # codebook conventions
        ("A booby-trapped house exploded in Ramadi, killing a boy.", "Remote explosive/landmine/IED", None),
        ("A magnetic bomb stuck to a minibus exploded in Kabul.", "Remote explosive/landmine/IED", None),
        ("A parked car bomb went off near a checkpoint in Mogadishu.", "Remote explosive/landmine/IED", None),
        ("A suicide car bomb hit the base in Gao.", "Suicide bomb", None),
        ("Mortar shells landed in a residential area of Aden.", "Shelling/artillery/missile attack", None),
        ("Mortar shells have landed in residential areas of Aden.", "Shelling/artillery/missile attack", "aggregate.plural_without_cardinal"),
        ("Three mortar shells landed in a residential area of Aden.", "Shelling/artillery/missile attack", None),
        ("A huge blast shook the port city on Thursday.", "Remote explosive/landmine/IED", None),
        ("Police defused a bomb under a bridge in Kirkuk.", "Disrupted weapons use", None),
        ("The Taliban and Kabul declared a three-day truce for Eid.", "Agreement", None),
        # must-not-code kinds
        ("The ministry warned that a rocket attack on the airport was imminent.", "Shelling/artillery/missile attack", "statement.threat_or_warning"),
        ("Officials said no rocket attack took place on Sunday.", "Shelling/artillery/missile attack", "negation.no_or_not"),
        ("A series of bombings has shaken the city this year.", "Remote explosive/landmine/IED", "aggregate.quantifier"),
        ("Saudi officials vowed to retaliate with an air strike.", "Air/drone strike", "hypothetical.modal"),
        ("Yemen's factions remain in talks over whether a ceasefire was agreed.", "Agreement", "talks.not_agreement"),
    ],
)
def test_conventions_and_filters(sentence: str, expected_sub: str, filtered_by: str | None) -> None:
    matches = RULES.match(sentence)
    assert matches, sentence
    assert matches[0].sub_event_type == expected_sub
    assert matches[0].filtered_by == filtered_by


@pytest.mark.parametrize(
    ("sentence", "subs"),
    [
        ("A rocket hit the airport in Erbil, and a bomb exploded in a market in Kirkuk.",
         ["Shelling/artillery/missile attack", "Remote explosive/landmine/IED"]),
        ("A roadside bomb hit an army patrol; separately, gunmen abducted a farmer near Tikrit.",
         ["Remote explosive/landmine/IED", "Abduction/forced disappearance"]),
        ("A suicide bomber blew himself up and the explosion killed 12 people.", ["Suicide bomb"]),
    ],
)
def test_distinct_incidents_in_one_sentence(sentence: str, subs: list[str]) -> None:
    assert [m.sub_event_type for m in RULES.classify(sentence)] == subs


def test_offsets_cardinal_and_plural() -> None:
    text = "At least two people were killed after two separate explosions rocked Kabul."
    (m,) = RULES.match(text, offset=100)
    assert (m.plural, m.cardinal, m.filtered_by) == (True, 2, None)
    assert m.text == "explosions" and m.start == 100 + text.index("explosions") and m.end == m.start + len("explosions")


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("after two separate ", 2), ("at least 3 ", 3), ("twin ", 2), ("dozens of ", None), ("two people were killed in ", None)],
)
def test_cardinal_before(prefix: str, expected: int | None) -> None:
    assert cardinal_before(prefix) == expected


def test_version_is_stable_and_schema_exports() -> None:
    assert RuleSet.load().version == RULES.version and len(RULES.version) == 64
    assert "rule" in RuleFile.model_json_schema()["properties"]


GOOD = """
[[rule]]
id = "x.test"
event_type = "Riots"
sub_event_type = "Mob violence"
triggers = ['lynched']
"""


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (GOOD + "colour = 'red'\n", "field 'colour'"),
        (GOOD.replace("['lynched']", "[]"), "triggers"),
        (GOOD.replace("['lynched']", "['']"), "empty pattern"),
        (GOOD.replace("['lynched']", "['(?:x)?']"), "matches the empty string"),
        (GOOD.replace("['lynched']", "['lync(hed']"), "invalid regex"),
        (GOOD.replace('"Mob violence"', '"Mob fighting"'), "sub_event_type"),
        (GOOD.replace('"Riots"', '"Brawls"'), "event_type"),
        (GOOD + GOOD, "duplicate id"),
        ("[[filter]]\nid = 'f.x'\nkind = 'negation'\n", "pattern"),
    ],
)
def test_loader_refuses_bad_files(tmp_path: Path, body: str, needle: str) -> None:
    (tmp_path / "bad.toml").write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        RuleSet.load(tmp_path)
    message = str(err.value)
    assert "bad.toml" in message and needle in message
    if "[[rule]]" in body:
        assert "x.test" in message


def test_loader_accepts_minimal_file(tmp_path: Path) -> None:
    (tmp_path / "ok.toml").write_text(GOOD, encoding="utf-8")
    assert RuleSet.load(tmp_path).classify("The thief was lynched in Kano.")[0].rule_id == "x.test"


@pytest.mark.parametrize(
    ("sentence", "expected_sub"),
    [
        # what was destroyed in an air strike or shelling: the strike is the event
        ("A missile launcher was also destroyed in an airstrike north of the valley.", "Air/drone strike"),
        ("Two houses were destroyed during shelling of the village on Friday.", "Shelling/artillery/missile attack"),
        # what forces destroyed, seized or moved did not go off
        ("Security forces destroyed a booby-trapped car found on the road west of the town.", "Looting/property destruction"),
        ("The brigade sent forces, artillery and missiles to the town to fill any security gaps.", "Change to group/activity"),
        # a would-be bomber killed by forces is a fight, not a suicide bombing
        ("A suicide bomber was killed by police during a security operation in the valley.", "Armed clash"),
        ("A suicide bomber blew himself up after he was shot by guards at the gate.", "Suicide bomb"),
        # an air-drop raid is a ground engagement
        ("Counter-terrorism forces backed by coalition aircraft carried out an airdrop operation and arrested three militants.", "Armed clash"),
    ],
)
def test_operations_and_weapons(sentence: str, expected_sub: str) -> None:
    assert [m.sub_event_type for m in RULES.classify(sentence)][:1] == [expected_sub]
