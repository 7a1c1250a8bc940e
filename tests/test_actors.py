"""Actor dictionary: entry examples, dated names, role assignment by event type, loaders, outlets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coder.actors import ActorDictionary, ActorFile, OutletTable
from coder.errors import DataFileError

ACTORS = ActorDictionary.load()
OUTLETS = OutletTable.load()
OCT_2020 = dt.date(2020, 10, 11)
COUNTRY = {"IRQ": "Iraq", "SYR": "Syria", "YEM": "Yemen", "TUR": "Turkey", "ISR": "Israel", "PSE": "Palestine",
           "AFG": "Afghanistan", "NGA": "Nigeria", "SOM": "Somalia", "USA": "United States", "IRN": "Iran",
           "GBR": "United Kingdom", "SAU": "Saudi Arabia", "MLI": "Mali", "BFA": "Burkina Faso",
           "COD": "Democratic Republic of Congo", "ETH": "Ethiopia", "SDN": "Sudan", "LBY": "Libya", "LBN": "Lebanon",
           "PAK": "Pakistan", "IND": "India", "MMR": "Myanmar", "UKR": "Ukraine", "RUS": "Russia", "MEX": "Mexico",
           "COL": "Colombia", "PHL": "Philippines", "CMR": "Cameroon", "MOZ": "Mozambique", "KEN": "Kenya",
           "ARE": "United Arab Emirates", "FRA": "France", "RWA": "Rwanda", "ERI": "Eritrea"}


@pytest.mark.parametrize(("entry_id", "sentence"), [(e.id, ex) for e in ACTORS.entries.values() for ex in e.examples])
def test_entry_examples(entry_id: str, sentence: str) -> None:
    e = ACTORS.entries[entry_id]
    iso3 = "IRQ" if e.country == "*" else e.country
    found = ACTORS.find_actors(sentence, 0, COUNTRY[iso3], iso3, OCT_2020)
    assert entry_id in [m.entry_id for m in found]


@pytest.mark.parametrize(
    ("entry_id", "iso3", "on", "name", "inter"),
    [
        ("irq.military", "IRQ", dt.date(2020, 10, 11), "Military Forces of Iraq (2020-)", 1),
        ("irq.military", "IRQ", dt.date(2020, 3, 1), "Military Forces of Iraq (2018-2020)", 1),
        ("irq.pmf", "IRQ", dt.date(2020, 10, 11), "Military Forces of Iraq (2020-) Popular Mobilization Forces", 1),
        ("irq.pmf", "IRQ", dt.date(2019, 12, 29), "Military Forces of Iraq (2018-2020) Popular Mobilization Forces", 1),
        ("irq.asayish", "IRQ", dt.date(2020, 10, 11), "Police Forces of Iraq (2020-) Asayish", 1),
        ("usa.military", "IRQ", dt.date(2020, 10, 11), "Military Forces of the United States (2017-)", 8),
        ("usa.military", "IRQ", dt.date(2021, 2, 15), "Military Forces of the United States (2021-)", 8),
        ("tur.military", "IRQ", dt.date(2020, 10, 11), "Military Forces of Turkey (2016-)", 8),
        ("tur.military", "TUR", dt.date(2020, 10, 11), "Military Forces of Turkey (2016-)", 1),
        ("gen.civilians", "YEM", dt.date(2020, 10, 11), "Civilians (Yemen)", 7),
        ("irq.islamic_state", "SYR", dt.date(2020, 10, 11), "Islamic State (Syria)", 2),
    ],
)
def test_names_by_date_and_country(entry_id: str, iso3: str, on: dt.date, name: str, inter: int) -> None:
    m = ACTORS.mention(entry_id, COUNTRY[iso3], iso3, on)
    assert (m.name, m.inter) == (name, inter)


def test_local_aliases_only_at_home() -> None:
    text = "The army said police arrested two men."
    in_iraq = {m.entry_id for m in ACTORS.find_actors(text, 0, "Iraq", "IRQ", OCT_2020)}
    in_nigeria = {m.entry_id for m in ACTORS.find_actors(text, 0, "Nigeria", "NGA", OCT_2020)}
    assert {"irq.military", "irq.police"} <= in_iraq
    assert not {"irq.military", "irq.police"} & in_nigeria


def test_find_actors_offsets_and_longest_match() -> None:
    text = "A convoy for the U.S.-led coalition was hit."
    (m,) = [a for a in ACTORS.find_actors(text, 50, "Iraq", "IRQ", OCT_2020) if a.role == "actor"]
    assert m.entry_id == "int.coalition" and m.text == "U.S.-led coalition" and m.start == 50 + text.index("U.S.")


def test_acronyms_are_case_sensitive() -> None:
    assert not ACTORS.find_actors("It is what it is, he said of the kh sound.", 0, "Iraq", "IRQ", OCT_2020)


LABOUR_CONVOY = ["Labour Group (Iraq)", "Military Forces of the United States (2017-)", "Global Coalition Against Daesh"]


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub", "iso3", "expected"),
    [
        ("A mentally ill citizen died after entering a booby-trapped house which exploded in the village.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED", "IRQ",
         ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)", [], 37)),
        ("A sticky bomb attached to the bottom of a car used by a lawyer exploded in the city, a police captain said.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED", "IRQ",
         ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)", ["Lawyers (Iraq)"], 37)),
        ("A roadside bomb targeted a convoy transporting equipment for the U.S.-led coalition on a highway, an Iraqi army statement said.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED", "IRQ",
         ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)", LABOUR_CONVOY, 37)),
        ("An IED struck a US military convoy near Taji.", "Explosions/Remote violence", "Remote explosive/landmine/IED", "IRQ",
         ("Unidentified Armed Group (Iraq)", "Military Forces of the United States (2017-)", [], 38)),
        ("A Turkish drone struck a vehicle near Sinjar, killing two PKK fighters.", "Explosions/Remote violence",
         "Air/drone strike", "IRQ", ("Military Forces of Turkey (2016-)", "PKK: Kurdistan Workers Party", [], 28)),
        ("Unidentified aircraft bombed a militia position near the border.", "Explosions/Remote violence",
         "Air/drone strike", "IRQ", ("Unidentified Military Forces", None, [], None)),
        ("Houthi forces fired a ballistic missile at a camp for displaced people in Marib, killing three civilians.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack", "YEM",
         ("Houthi Movement", "Civilians (Yemen)", ["Refugees/IDPs (Yemen)"], 27)),
        ("Gunmen shot dead a journalist in his car in Amarah.", "Violence against civilians", "Attack", "IRQ",
         ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)", ["Journalists (Iraq)"], 37)),
        ("Boko Haram insurgents killed five farmers in their fields.", "Violence against civilians", "Attack", "NGA",
         ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Nigeria)", ["Farmers (Nigeria)"], 27)),
        ("Islamic State militants clashed with Peshmerga forces near Makhmour.", "Battles", "Armed clash", "IRQ",
         ("Islamic State (Iraq)", "Military Forces of Iraq (2020-) Peshmerga", [], 12)),
        ("Police fired tear gas at teachers protesting in Kut.", "Protests", "Protest with intervention", "IRQ",
         ("Protesters (Iraq)", "Police Forces of Iraq (2020-)", [], 16)),
        ("Hundreds of Sadrists protested peacefully in Kufa.", "Protests", "Peaceful protest", "IRQ",
         ("Protesters (Iraq)", None, [], None)),
        ("Rioters set fire to the KDP headquarters in Sulaimani.", "Riots", "Violent demonstration", "IRQ",
         ("Rioters (Iraq)", None, [], None)),
        # the forces the crowd clashed with, not the government its demands name
        ("Graduates demanding jobs from the government clashed with security forces in Baghdad.", "Riots",
         "Violent demonstration", "IRQ", ("Rioters (Iraq)", "Police Forces of Iraq (2020-)", [], 15)),
        ("Police dispersed protesters demanding the government's resignation in Basra.", "Protests",
         "Protest with intervention", "IRQ", ("Protesters (Iraq)", "Police Forces of Iraq (2020-)", [], 16)),
        ("Iraqi security forces arrested two suspected Islamic State members in Kirkuk.", "Strategic developments",
         "Arrests", "IRQ", ("Military Forces of Iraq (2020-)", "Islamic State (Iraq)", [], 12)),
        ("Iraqi militias backed by Iran have agreed to temporarily halt attacks targeting the American presence in Iraq.",
         "Strategic developments", "Agreement", "IRQ",
         ("Kataib Hezbollah (Iraq)", "Military Forces of the United States (2017-)", [], 38)),
        ("Harakat al-Nujaba announced a cessation of its operations against US forces.", "Strategic developments",
         "Agreement", "IRQ", ("Harakat Hezbollah al Nujaba", "Military Forces of the United States (2017-)", [], 38)),
        ("The factions have presented a conditional ceasefire.", "Strategic developments", "Agreement", "SYR",
         ("Unidentified Armed Group (Syria)", None, [], None)),
    ],
)
def test_role_assignment(sentence: str, event_type: str, sub: str, iso3: str, expected: tuple) -> None:
    story = ACTORS.find_actors("A spokesman for Kataib Hezbollah told Reuters.", 0, "Iraq", "IRQ", OCT_2020) if iso3 == "IRQ" else []
    a = ACTORS.assign_actors(sentence, 0, event_type, sub, COUNTRY[iso3], iso3, OCT_2020, story)
    actor1, actor2, assoc2, interaction = expected
    assert (a.actor1, a.actor2) == (actor1, actor2), a.reason
    assert a.assoc_actor_2 == assoc2
    if interaction is not None:
        assert int("".join(sorted(f"{a.inter1}{a.inter2}"))) == interaction
    assert a.entries and a.reason


def test_protest_groups_are_associated() -> None:
    a = ACTORS.assign_actors("Hundreds of Sadrists protested peacefully in Kufa.", 0, "Protests", "Peaceful protest",
                             "Iraq", "IRQ", OCT_2020, [])
    assert a.assoc_actor_1 == ["Sadrist Movement"] and a.inter1 == 6


GOOD = """
[[actor]]
id = "{gid}"
name = "Civilians ({{country}})"
inter = 7
country = "*"
aliases = ["civilian"]
"""
REQUIRED = ["gen.civilians", "gen.unidentified_armed_group", "gen.unidentified_military_forces", "gen.protesters",
            "gen.rioters", "id.labour", "usa.military", "int.coalition"]
BASE = "".join(GOOD.format(gid=i) for i in REQUIRED)


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ('[[actor]]\nid = "x.a"\nname = "A"\ninter = 3\ncountry = "IRQ"\nnickname = "b"\n', "'x.a' field 'nickname'"),
        ('[[actor]]\nid = "x.a"\nname = "A"\ninter = 9\ncountry = "IRQ"\n', "'x.a' field 'inter'"),
        ('[[actor]]\nid = "x.a"\nname = "A"\ninter = 3\ncountry = "Iraq"\n', "'x.a' field 'country'"),
        ('[[actor]]\nid = "x.a"\nname = "A"\ninter = 3\ncountry = "IRQ"\naliases = [" "]\n', "'x.a' field 'aliases"),
        ('[[actor]]\nid = "x.a"\nunit_of = "x.none"\nunit = "U"\ninter = 1\ncountry = "IRQ"\n', "unknown parent"),
        ('[[actor]]\nid = "gen.civilians"\nname = "C"\ninter = 7\ncountry = "*"\n', "duplicate id"),
        ('[[actor]]\nid = "x.a"\ninter = 1\ncountry = "IRQ"\nperiods = [{name = "A", from = 2020-01-01, to = 2019-01-01}]\n', "ends before"),
    ],
)
def test_loader_refuses_bad_files(tmp_path: Path, extra: str, needle: str) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(BASE + extra, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        ActorDictionary.load(path)
    assert "actors.toml" in str(err.value) and needle in str(err.value)


def test_loader_requires_generic_entries(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(GOOD.format(gid="gen.civilians"), encoding="utf-8")
    with pytest.raises(DataFileError, match="required generic entries missing"):
        ActorDictionary.load(path)


def test_version_and_schema() -> None:
    assert ActorDictionary.load().version == ACTORS.version and len(ACTORS.version) == 64
    assert "actor" in ActorFile.model_json_schema()["properties"]


@pytest.mark.parametrize(
    ("name", "expected", "scale"),
    [("Associated Press", "AP", "International"), ("the associated press", "AP", "International"),
     ("Sputnik International", "Sputnik", "International"), ("ESTA", "ESTA", "Subnational"),
     ("Shafaq News", "Shafaaq News", "National"), ("Anadolu", "Anadolu Agency", "Regional"), ("Daily Planet", None, None)],
)
def test_outlet_lookup(name: str, expected: str | None, scale: str | None) -> None:
    o = OUTLETS.lookup(name)
    assert (o.name if o else None, o.scale if o else None) == (expected, scale)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The spokesman told Reuters on Sunday. An inquiry was opened, Anadolu reported.", ["Reuters", "Anadolu Agency"]),
        ("BAGHDAD (AP) — Militias offered a truce.", ["AP"]),
        ("According to Xinhua, two rockets hit the base.", ["Xinhua"]),
        ("Reuters is a news agency and nothing here cites it.", []),
    ],
)
def test_outlets_cited_in(text: str, expected: list[str]) -> None:
    assert [o.name for o in OUTLETS.cited_in(text)] == expected


def test_outlet_loader_refuses_unknown_scale(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text('[[outlet]]\nid = "x"\nname = "X"\nscale = "Galactic"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="outlet 'x' field 'scale'"):
        OutletTable.load(path)


MASKED = [
    ("Protesters blocked roads in Nasiriyah on Friday and burned tyres, police said.", "police"),
    ("Two soldiers were killed near Hawija, a security official said on Monday.", "security official"),
    ("A bomb exploded in Kirkuk, according to the army.", "army"),
    ("A bomb hit a shop in Rawa, the ministry of defence said in a statement.", "ministry of defence"),
]


@pytest.mark.parametrize("text,source", MASKED)
def test_attribution_clause_is_not_a_party(text, source):
    from coder.actors import mask_attribution

    masked = mask_attribution(text)
    assert len(masked) == len(text) and source not in masked
    assert masked.strip() and text.startswith(masked.rstrip())


def test_reporting_police_are_not_the_rioters_opponent():
    d = ActorDictionary.load()
    a = d.assign_actors("Protesters blocked roads in Nasiriyah on Friday and burned tyres, police said.", 0,
                        "Riots", "Violent demonstration", "Iraq", "IRQ", dt.date(2020, 11, 6), [])
    assert a.actor1 == "Rioters (Iraq)" and a.actor2 is None


# Role rules measured on real reports (each sentence written for this test; each failed before the rule).
ROLE_RULES = [
    # two tribes fight; the police who come to stop it are not a side
    ("An armed clash broke out between two tribes in the Qurna district, and police arrived to contain it.",
     "Battles", "Armed clash", "IRQ", ("Unidentified Tribal Militia (Iraq)", "Unidentified Tribal Militia (Iraq)")),
    # civilian property as the target of a one-sided attack
    ("A sound bomb was thrown at a liquor store in Karrada overnight.", "Explosions/Remote violence", "Grenade", "IRQ",
     ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")),
    ("Gunmen used a sticky bomb to damage the house of a judge in Amarah.", "Strategic developments",
     "Looting/property destruction", "IRQ", ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")),
    # IS named as a fact, by its short name
    ("An IS sniper shot dead a fisherman near Lake Hamrin.", "Violence against civilians", "Attack", "IRQ",
     ("Islamic State (Iraq)", "Civilians (Iraq)")),
    # a usual suspect that is only suspected: the attack stays unidentified
    ("Suspected IS militants planted a bomb that killed a shepherd near Tuz.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "IRQ", ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")),
    ("Mortar rounds believed to have been fired by Daesh fell on a village near Tillkaif.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "IRQ", ("Unidentified Armed Group (Iraq)", None)),
    # a casualty word names the armed target
    ("An IS militant attacked a checkpoint of the emergency regiment, killing a policeman.", "Battles", "Armed clash", "IRQ",
     ("Islamic State (Iraq)", "Police Forces of Iraq (2020-) Rapid Reaction Force")),
    ("A PMF fighter was wounded by an IS explosive device near Jurf al-Nasr.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "IRQ", ("Islamic State (Iraq)", "Military Forces of Iraq (2020-) Popular Mobilization Forces")),
    # plain "security forces" at a protest, an arrest or a deployment are the police
    ("Security forces dispersed the demonstrators with tear gas in Nasiriyah.", "Protests", "Protest with intervention", "IRQ",
     ("Protesters (Iraq)", "Police Forces of Iraq (2020-)")),
    ("Security forces arrested a former governor in Mosul on corruption charges.", "Strategic developments", "Arrests", "IRQ",
     ("Police Forces of Iraq (2020-)", "Civilians (Iraq)")),
    ("Riot police deployed outside the TV station against possible attacks by PMF factions.", "Strategic developments",
     "Change to group/activity", "IRQ", ("Police Forces of Iraq (2020-)", None)),
    # a foreign air force named by nationality is that country's military
    ("Turkish military forces conducted an airstrike on a mountain village in Duhok.", "Explosions/Remote violence",
     "Air/drone strike", "IRQ", ("Military Forces of Turkey (2016-)", None)),
    # the coalition as the convoy's client, in the passive, is not the attacker
    ("A convoy of a contractor for the Global Coalition was targeted by an unidentified group with an IED.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "IRQ", ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")),
    # a faction named in brackets after its parent force is not the enemy
    ("PMF forces of the 16th brigade (Turkmen brigades, Badr Organization) repelled an IS attack near Bashir.", "Battles",
     "Armed clash", "IRQ", ("Military Forces of Iraq (2020-) Popular Mobilization Forces", "Islamic State (Iraq)")),
    ("Coalition aircraft, in coordination with Iraqi intelligence, struck IS tunnels in the Shura hills.",
     "Explosions/Remote violence", "Air/drone strike", "IRQ", ("Global Coalition Against Daesh", "Islamic State (Iraq)")),
    # a generic agent named as belonging to a group is that group
    ("Gunmen belonging to IS stormed the house of the village head and shot his son.", "Violence against civilians",
     "Attack", "IRQ", ("Islamic State (Iraq)", "Civilians (Iraq)")),
    # "an IS hideout" is not a passive "is ...": the warplanes are the agent
    ("British warplanes struck an IS hideout in the Hamrin mountains.", "Explosions/Remote violence", "Air/drone strike",
     "IRQ", ("Military Forces of the United Kingdom (2010-)", "Islamic State (Iraq)")),
    ("A US warplane struck a position of the PMF near the border.", "Explosions/Remote violence", "Air/drone strike",
     "IRQ", ("Military Forces of the United States (2017-)", "Military Forces of Iraq (2020-) Popular Mobilization Forces")),
    # "members of X (a unit) were wounded": X is harmed, the agent is the one after "by"
    ("Three members of the Popular Mobilization Forces (30th Brigade) were wounded in an attack by IS militants near Tuz.",
     "Violence against civilians", "Attack", "IRQ", ("Islamic State (Iraq)", "Civilians (Iraq)")),
    # a defused bomb had a planter; with no state force named the army defuses, not the government
    ("Army engineers defused an explosive device near a school in Baqubah.", "Strategic developments", "Disrupted weapons use",
     "IRQ", ("Military Forces of Iraq (2020-)", "Unidentified Armed Group (Iraq)")),
    ("Explosives were found and defused during an operation in Wadi Tharthar.", "Strategic developments", "Disrupted weapons use",
     "IRQ", ("Military Forces of Iraq (2020-)", "Unidentified Armed Group (Iraq)")),
]


@pytest.mark.parametrize(("sentence", "event_type", "sub", "iso3", "expected"), ROLE_RULES)
def test_role_rules(sentence: str, event_type: str, sub: str, iso3: str, expected: tuple) -> None:
    a = ACTORS.assign_actors(sentence, 0, event_type, sub, COUNTRY[iso3], iso3, OCT_2020, [])
    assert (a.actor1, a.actor2) == expected, a.reason


ROLE_RULES_2 = [
    # "PMF soldiers" is one force, not the PMF fighting the army
    ("PMF soldiers of the 56th brigade repelled an IS attack near Multaqa, leaving a fighter wounded.", "Battles", "Armed clash",
     "IRQ", ("Military Forces of Iraq (2020-) Popular Mobilization Forces", "Islamic State (Iraq)")),
    # a state force hit by a bomb is its target, not its author
    ("An unidentified explosive device went off as a police convoy passed by south of Mosul, injuring two policemen.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "IRQ",
     ("Unidentified Armed Group (Iraq)", "Police Forces of Iraq (2020-)")),
    # soldiers and police acting together are one side
    ("Soldiers and police killed two militants in a gunfight after cordoning off a village in Shopian.", "Battles",
     "Armed clash", "IND", ("Military Forces of India (2014-)", "Unidentified Armed Group (India)")),
    # the generic "militants" are the named group they belong to
    ("Militants from al-Qaeda in the Arabian Peninsula (AQAP) attacked an army checkpoint near Lawdar.", "Battles",
     "Armed clash", "YEM", ("AQAP: Al Qaeda in the Arabian Peninsula", "Military Forces of Yemen (2012-)")),
    # a base used by a force names the target's owner, not the attacker
    ("Mortar shells landed near a base used by African Union troops next to the airport.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "SOM",
     ("Unidentified Armed Group (Somalia)", "AMISOM: African Union Mission in Somalia (2007-2022)")),
    # a force quartered at the target, in a relative clause, is not the one firing
    ("Three rockets hit an air base in Anbar which hosts coalition troops on Monday night.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "IRQ", ("Unidentified Armed Group (Iraq)", "Global Coalition Against Daesh")),
    # an insertion between the agent and its verb
    ("The SDF, backed by coalition helicopters, raided two houses and detained five men.", "Strategic developments",
     "Arrests", "SYR", ("SDF: Syrian Democratic Forces", "Civilians (Syria)")),
    # arson by soldiers is the army's destruction of civilian property
    ("Before withdrawing, the soldiers set fire to more than sixty houses and a monastery.", "Strategic developments",
     "Looting/property destruction", "MMR", ("Military Forces of Myanmar (2016-2021)", "Civilians (Myanmar)")),
    # a source that reports the incident is not its target
    ("A bomb hit a shop in Rawa, the ministry of defence said in a statement.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "IRQ", ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")),
    # a named actor before an unnamed one
    ("An armed group statement said the PMF had formed a new brigade of 500 fighters in Kirkuk.", "Strategic developments",
     "Change to group/activity", "IRQ", ("Military Forces of Iraq (2020-) Popular Mobilization Forces", None)),
    # a joint operation has one side
    ("The PMF, in a joint operation with the Iraqi army, destroyed eight IS hideouts in Wadi Tharthar.", "Strategic developments",
     "Looting/property destruction", "IRQ", ("Military Forces of Iraq (2020-) Popular Mobilization Forces", "Islamic State (Iraq)")),
    ("Iraqi warplanes and coalition jets struck IS targets in the Makhol mountains.", "Explosions/Remote violence",
     "Air/drone strike", "IRQ", ("Military Forces of Iraq (2020-)", "Islamic State (Iraq)")),
    # plain "soldiers" beside a named foreign army are that army's
    ("Two soldiers were killed when PKK militants attacked Turkish army positions in Duhok.", "Battles", "Armed clash", "IRQ",
     ("PKK: Kurdistan Workers Party", "Military Forces of Turkey (2016-)")),
    ("Gunmen clashed with oil police guarding the Khabbaz field, killing one policeman.", "Battles", "Armed clash", "IRQ",
     ("Unidentified Armed Group (Iraq)", "Police Forces of Iraq (2020-) Facilities Protection Service")),
    # a car belonging to the army is the army's: the army is the target, and a suspect is no perpetrator
    ("Suspected IS militants targeted a car belonging to the Iraqi army with a roadside bomb near Tarmiyah.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "IRQ", ("Unidentified Armed Group (Iraq)", "Military Forces of Iraq (2020-)")),
    ("The Iraqi army and the US-backed international coalition carried out air strikes on IS hideouts near Makhol.",
     "Explosions/Remote violence", "Air/drone strike", "IRQ", ("Military Forces of Iraq (2020-)", "Islamic State (Iraq)")),
    ("Grenades were thrown at the office of a Turkmen party in Altun Kupri.", "Explosions/Remote violence", "Grenade", "IRQ",
     ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")),
    ("Turkish airstrikes hit two villages near Batifa.", "Explosions/Remote violence", "Air/drone strike", "IRQ",
     ("Military Forces of Turkey (2016-)", None)),
    # the local reading of an alias wins at home: IS in Nigeria is its West Africa Province
    ("Islamic State fighters overran a military base in Borno.", "Battles", "Armed clash", "NGA",
     ("Islamic State (West Africa)", "Military Forces of Nigeria (2015-2023)")),
]


@pytest.mark.parametrize(("sentence", "event_type", "sub", "iso3", "expected"), ROLE_RULES_2)
def test_role_rules_2(sentence: str, event_type: str, sub: str, iso3: str, expected: tuple) -> None:
    a = ACTORS.assign_actors(sentence, 0, event_type, sub, COUNTRY[iso3], iso3, OCT_2020, [])
    assert (a.actor1, a.actor2) == expected, a.reason


@pytest.mark.parametrize(("iso3", "on", "name"), [
    ("NGA", dt.date(2024, 3, 1), "Military Forces of Nigeria (2023-)"),
    ("MMR", dt.date(2020, 6, 1), "Military Forces of Myanmar (2016-2021)"),
    ("MMR", dt.date(2021, 6, 1), "Military Forces of Myanmar (2021-)"),
    ("MEX", dt.date(2025, 1, 10), "Military Forces of Mexico (2024-)"),
    ("AFG", dt.date(2020, 6, 1), "Military Forces of Afghanistan (2014-2021)"),
])
def test_state_forces_named_by_regime(iso3: str, on: dt.date, name: str) -> None:
    assert ACTORS.mention(f"{iso3.lower()}.military", COUNTRY[iso3], iso3, on).name == name


def test_no_alias_names_two_actors() -> None:
    """An alias that names two entries everywhere would make the dictionary's reading depend on file order; a word
    that means different forces in different countries belongs in local_aliases."""
    seen: dict[tuple[str, str], str] = {}
    for e in ACTORS.entries.values():
        for alias in e.aliases:
            key = (e.kind, alias.casefold())
            assert seen.setdefault(key, e.id) == e.id, f"{alias!r} names both {seen[key]} and {e.id}"


def test_regime_periods_do_not_overlap() -> None:
    for e in ACTORS.entries.values():
        periods = sorted(e.periods, key=lambda p: p.from_)
        for earlier, later in zip(periods, periods[1:]):
            assert earlier.to is not None and earlier.to < later.from_, (e.id, earlier.name, later.name)


def test_home_reading_wins_a_tie() -> None:
    text = "People's Defence Forces attacked a checkpoint."
    assert [m.entry_id for m in ACTORS.find_actors(text, 0, "Myanmar", "MMR", OCT_2020)] == ["mmr.pdf"]
    assert [m.entry_id for m in ACTORS.find_actors(text, 0, "Iraq", "IRQ", OCT_2020)] == ["irq.pkk"]


@pytest.mark.parametrize(("text", "name"), [
    ("The military forces of Turkey shelled the village on Monday.", "Military Forces of Turkey (2016-)"),
    ("Armed forces of Iran fired artillery at the border area.", "Military Forces of Iran (1989-)"),
])
def test_a_foreign_military_named_in_full_is_not_the_host_army(text, name):
    """"military forces of X" names X's forces, not the story country's (whose local alias is "military forces")."""
    import datetime as dt

    from coder.resources import load_resources

    found = load_resources().actors.find_actors(text, 0, "Iraq", "IRQ", dt.date(2020, 12, 1))
    assert [m.name for m in found][:1] == [name]


def test_a_party_whose_office_rioters_burned_is_not_their_affiliation() -> None:
    a = ACTORS.assign_actors("Angry demonstrators burned the offices of the Badr Organization in Nasiriyah.", 0, "Riots",
                             "Violent demonstration", COUNTRY["IRQ"], "IRQ", OCT_2020, [])
    assert a.actor1 == "Rioters (Iraq)" and not any("Badr" in n for n in a.assoc_actor_1), a


def test_officers_who_act_on_a_crowd_are_the_home_police():
    from coder.resources import load_resources
    import datetime as _dt
    res = load_resources()
    a = res.actors.assign_actors("Officers used batons to clear the road and detained about 40 protesters.", 0,
                                 "Protests", "Protest with intervention", "India", "IND", _dt.date(2021, 8, 30))
    assert a.actor1 == "Protesters (India)" and a.actor2 and a.actor2.startswith("Police Forces of India")


def test_aliases_matched_without_their_regex_as_with_it() -> None:
    """find_actors matches most aliases by comparing words (`_literal_end`) instead of compiling their regexes:
    at every offset where an alias's first word occurs, both give the same match, on text written to probe the
    edges (plurals, hyphens, underscores, case, runs of whitespace, letters, digits and spaces beyond ASCII)."""
    from coder.actors import _literal_end

    literal_read = compared = 0
    for al in ACTORS._aliases:
        if al.head is None or al.literal is None:
            continue
        literal_read += 1
        t = al.text
        text = " | ".join([t, t + "s", t + "es", t + "ses", t + "-x", "-" + t, "_" + t, "x" + t, t + "_", t + "'s",
                           t + "s-", t.upper(), t.lower(), t.title(), t.replace(" ", "  "), t.replace(" ", "\n"),
                           t.replace(" ", "-"), t + "s" + t, t[:-1], "é" + t, t + "é", t + "’s", "“" + t + "”",
                           t + "es’", t.replace(" ", "\u00a0"), "٣" + t, t + "²"]) + "."
        low = text.lower()
        at = low.find(al.head)
        while at >= 0:
            m = al.pattern.match(text, at)
            assert _literal_end(al.literal, text, low, at) == (m.end() if m else None), (al.text, at)
            compared += 1
            at = low.find(al.head, at + 1)
    assert literal_read > 0.9 * len(ACTORS._aliases) and compared > 10 * literal_read


def test_case_traps_fall_back_to_the_regexes() -> None:
    """A text holding a character that matches an ASCII letter under IGNORECASE other than by its lower case (a
    long s) is searched with the aliases' regexes, which match it as they always did."""
    text = "Fighters of the Kurdish Peſhmerga clashed with gunmen near the town."
    assert "Kurdish Peſhmerga" in [a.text for a in ACTORS.find_actors(text, 0, "Iraq", "IRQ", OCT_2020)]
    assert "Kurdish Peshmerga" in [a.text for a in ACTORS.find_actors(text.replace("ſ", "s"), 0, "Iraq", "IRQ", OCT_2020)]
