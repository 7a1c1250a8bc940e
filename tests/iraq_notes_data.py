"""Short Iraqi reports written for the project (session 10) in the genre of the ACLED notes (one event per note,
terse, district and province in brackets) and in news style, each with the coding expected of it, written before the
coder was run on them. Used by tests/test_iraq_notes.py (each report alone, and all of them through the whole
pipeline, merging included: reports of one day describe different incidents and must stay apart)."""

from __future__ import annotations

IS = 'Islamic State (Iraq)'
IQA = 'Military Forces of Iraq (2020-)'
IQP = 'Police Forces of Iraq (2020-)'
PMF = 'Military Forces of Iraq (2020-) Popular Mobilization Forces'
PESH = 'Military Forces of Iraq (2020-) Peshmerga'
ASY = 'Police Forces of Iraq (2020-) Asayish'
INIS = 'Police Forces of Iraq (2020-) Iraqi National Intelligence Service'
CTS = 'Military Forces of Iraq (2020-) Counter-Terrorism Service'
TUR = 'Military Forces of Turkey (2016-)'
IRN = 'Military Forces of Iran (1989-)'
PKK = 'PKK: Kurdistan Workers Party'
UAG = 'Unidentified Armed Group (Iraq)'
CIV = 'Civilians (Iraq)'
PRO = 'Protesters (Iraq)'
RIO = 'Rioters (Iraq)'
TRIBE = 'Unidentified Tribal Militia (Iraq)'
USA = 'Military Forces of the United States (2017-)'
GOV = 'Government of Iraq (2020-)'

# (id, publication date, text, [(sub_event_type, actor1, actor2, admin1, fatalities[, event date])])
# actor2 '' = none; an event date defaults to the publication date.
NOTES = [
    # ---------------------------------------------------------------- IS attacks and clashes
    ('n10-001', '2020-11-18',
     'On 18 November 2020, IS militants attacked a PMF checkpoint near the village of Albu Bali in Al Khalis '
     'district (Diyala). Two PMF fighters were killed and three wounded in the exchange of fire.',
     [('Armed clash', IS, PMF, 'Diyala', 2)]),
    ('n10-002', '2020-11-18',
     'On 18 November 2020, IS militants opened fire on an army position in the Mutaibija area (Samarra, Salah '
     'al-Din). One soldier was wounded.',
     [('Armed clash', IS, IQA, 'Sala al-Din', 0)]),
    ('n10-003', '2020-11-19',
     'On 19 November 2020, suspected IS gunmen shot dead two shepherds and stole their sheep near Wadi Zghaytun '
     '(Daquq, Kirkuk).',
     [('Attack', IS, CIV, 'Kirkuk', 2)]),
    ('n10-004', '2020-11-19',
     'On 19 November 2020, IS militants killed a farmer in his orchard in the village of Sheikh Tamim, Udhaim '
     'subdistrict (Al Khalis, Diyala).',
     [('Attack', IS, CIV, 'Diyala', 1)]),
    ('n10-005', '2020-11-20',
     'On 20 November 2020, an IS sniper killed a member of the Federal Police at a post in the Rashad area south '
     'of Kirkuk city (Kirkuk).',
     [('Armed clash', IS, IQP, 'Kirkuk', 1)]),
    ('n10-006', '2020-11-21',
     'On 21 November 2020, IS fighters stormed a village near Tuz Khurmatu (Salah al-Din) at night and abducted '
     'three villagers.',
     [('Abduction/forced disappearance', IS, CIV, 'Sala al-Din', 0)]),
    ('n10-007', '2020-11-22',
     'On 22 November 2020, Iraqi army forces clashed with an IS cell in the Hamrin mountains near Al Eith (Tuz, '
     'Salah al-Din). Three militants were killed.',
     [('Armed clash', IQA, IS, 'Sala al-Din', 3)]),
    ('n10-008', '2020-11-23',
     'On 23 November 2020, members of the Tribal Mobilization forces repelled an IS infiltration attempt near '
     'Rutba (Anbar). No casualties were reported.',
     [('Armed clash', IS, 'TMF: Tribal Mobilization Forces', 'Anbar', 0)]),
    ('n10-009', '2020-11-24',
     'On 24 November 2020, IS militants attacked Peshmerga positions in the Garmiyan area near Kalar '
     '(Sulaymaniyah), wounding two Peshmerga fighters.',
     [('Armed clash', IS, PESH, 'Sulaymaniyah', 0)]),
    ('n10-010', '2020-11-25',
     'On 25 November 2020, an IS cell attacked the house of a mukhtar in Al Rashad subdistrict (Kirkuk), killing '
     'the mukhtar and his son.',
     [('Attack', IS, CIV, 'Kirkuk', 2)]),
    ('n10-011', '2020-11-26',
     'On 26 November 2020, IS militants fired mortar shells at the village of Hawasha in Al Muqdadiya district '
     '(Diyala). No casualties reported.',
     [('Shelling/artillery/missile attack', IS, CIV, 'Diyala', 0)]),
    ('n10-012', '2020-11-27',
     'On 27 November 2020, IS militants set fire to wheat fields belonging to villagers near Makhmur (Erbil).',
     [('Looting/property destruction', IS, CIV, 'Erbil', 0)]),
    ('n10-013', '2020-11-28',
     'Two soldiers were killed and four others wounded on Saturday night when Islamic State militants attacked '
     'their post in the Tarmiyah district north of Baghdad, a security source said. The attackers fled after a '
     'gunfight lasting half an hour.',
     [('Armed clash', IS, IQA, 'Baghdad', 2)]),
    ('n10-014', '2020-11-29',
     'On 29 November 2020, the Iraqi army and PMF killed four IS militants in a joint operation in the Wadi '
     'Houran valley (Rutba, Anbar).',
     [('Armed clash', IQA, IS, 'Anbar', 4)]),
    # ---------------------------------------------------------------- Air strikes
    ('n10-015', '2020-11-30',
     'On 30 November 2020, Iraqi F-16 jets bombed IS hideouts in the Wadi al Shay area (Daquq, Kirkuk), '
     'killing five militants.',
     [('Air/drone strike', IQA, IS, 'Kirkuk', 5)]),
    ('n10-016', '2020-11-30',
     'On 30 November 2020, Coalition aircraft carried out air strikes on an IS position in the Makhmour '
     'mountains (Erbil). Casualties were not reported.',
     [('Air/drone strike', 'Global Coalition Against Daesh', IS, 'Erbil', 0)]),
    ('n10-017', '2020-12-01',
     'On 1 December 2020, Iraqi army helicopters struck IS caves in the Hamrin mountains (Diyala). Casualties '
     'unknown.',
     [('Air/drone strike', IQA, IS, 'Diyala', 0)]),
    # ---------------------------------------------------------------- Turkey and PKK
    ('n10-018', '2020-12-01',
     'On 1 December 2020, Turkish warplanes bombarded the area around the village of Kesta in Amadiya district '
     '(Dahuk). No casualties were reported.',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 0)]),
    ('n10-019', '2020-12-01',
     'On 1 December 2020, Turkish forces shelled the surroundings of the village of Sharanish in Zakho district '
     '(Dahuk). Material damage to orchards was reported.',
     [('Shelling/artillery/missile attack', TUR, PKK, 'Dahuk', 0)]),
    ('n10-020', '2020-12-02',
     'On 2 December 2020, a Turkish drone struck a car near Sinjar (Ninewa), killing two members of the YBS.',
     [('Air/drone strike', TUR, 'YBS: Sinjar Resistance Units', 'Ninewa', 2)]),
    ('n10-021', '2020-12-02',
     'On 2 December 2020, Turkish artillery shelled the Sidakan area (Soran, Erbil). No casualties reported.',
     [('Shelling/artillery/missile attack', TUR, PKK, 'Erbil', 0)]),
    ('n10-022', '2020-12-03',
     'On 3 December 2020, PKK fighters clashed with Turkish army units in the Haftanin area of Zakho district '
     '(Dahuk). The PKK claimed to have killed four Turkish soldiers; Turkey reported one soldier killed.',
     [('Armed clash', PKK, TUR, 'Dahuk', 1)]),
    ('n10-023', '2020-12-03',
     'On 3 December 2020, Turkish military forces killed three PKK militants in an air-supported operation in the '
     'Metina region (Dahuk), the Turkish Defence Ministry said.',
     [('Armed clash', TUR, PKK, 'Dahuk', 3)]),
    ('n10-024', '2020-12-04',
     'On 4 December 2020, a Turkish drone targeted a vehicle on the road between Qalat Dizah and Ranya '
     '(Sulaymaniyah), killing one person and injuring another. The victims were said to be PKK members.',
     [('Air/drone strike', TUR, PKK, 'Sulaymaniyah', 1)]),
    ('n10-025', '2020-12-04',
     'On 4 December 2020, Iranian artillery shelled the outskirts of the village of Barbzin in the Sidakan '
     'subdistrict (Soran, Erbil), setting fire to pastures. No casualties.',
     [('Shelling/artillery/missile attack', IRN, CIV, 'Erbil', 0)]),
    ('n10-026', '2020-12-05',
     'Movement of forces: On 5 December 2020, the Turkish army set up a new military base on a hilltop near the '
     'village of Kani Masi (Amadiya, Dahuk).',
     [('Headquarters or base established', TUR, '', 'Dahuk', 0)]),
    ('n10-027', '2020-12-05',
     'On 5 December 2020, Turkish fighter jets bombed the Zap area of Amadiya district (Dahuk). According to '
     'local sources, a PKK member was killed.',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 1)]),
    ('n10-028', '2020-12-06',
     'On 6 December 2020, PKK militants set fire to a Turkish military post in the Avashin area (Dahuk) with '
     'rocket launchers. Casualties are unknown.',
     [('Armed clash', PKK, TUR, 'Dahuk', 0)]),
    ('n10-029', '2020-12-06',
     'On 6 December 2020, a civilian was wounded when Turkish artillery shells fell on the village of Deraluk '
     '(Amadiya, Dahuk).',
     [('Shelling/artillery/missile attack', TUR, CIV, 'Dahuk', 0)]),
    # ---------------------------------------------------------------- rockets, drones, convoys
    ('n10-030', '2020-12-07',
     'On 7 December 2020, three Katyusha rockets were fired at the Green Zone in Baghdad; one of them fell near '
     'the US embassy. No casualties were reported.',
     [('Shelling/artillery/missile attack', UAG, '', 'Baghdad', 0)]),
    ('n10-031', '2020-12-07',
     'On 7 December 2020, a rocket landed inside the Balad air base (Salah al-Din), causing no casualties.',
     [('Shelling/artillery/missile attack', UAG, '', 'Sala al-Din', 0)]),
    ('n10-032', '2020-12-08',
     'On 8 December 2020, an explosive-laden drone targeted Erbil International Airport (Erbil). It was shot down '
     'before reaching its target.',
     [('Air/drone strike', UAG, '', 'Erbil', 0)]),
    ('n10-033', '2020-12-08',
     'On 8 December 2020, an IED exploded targeting a convoy carrying supplies for the international coalition '
     'on the highway in Al Diwaniyah (Qadissiya). No casualties.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Qadissiya', 0)]),
    ('n10-034', '2020-12-08',
     'On 8 December 2020, an IED struck a truck of a logistics convoy of the US-led coalition near Al Rumaitha '
     '(Muthanna), damaging the truck.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Muthanna', 0)]),
    ('n10-035', '2020-12-09',
     'On 9 December 2020, unidentified persons fired two rockets at the Ain al-Asad air base in Al Baghdadi '
     '(Hit, Anbar). No damage was reported.',
     [('Shelling/artillery/missile attack', UAG, '', 'Anbar', 0)]),
    ('n10-036', '2020-12-09',
     'On 9 December 2020, a roadside bomb went off as a coalition supply convoy passed on the Hilla-Baghdad road '
     'near Al Mahawil (Babylon). The convoy was not damaged.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Babylon', 0)]),
    # ---------------------------------------------------------------- IEDs and explosions
    ('n10-037', '2020-12-10',
     'On 10 December 2020, an IED exploded at a military patrol near Al Saadiya (Khanaqin, Diyala), wounding '
     'three soldiers.',
     [('Remote explosive/landmine/IED', UAG, IQA, 'Diyala', 0)]),
    ('n10-038', '2020-12-10',
     'On 10 December 2020, a landmine left from previous wars exploded and killed a young man herding sheep '
     'near Al Hadar (Ninewa).',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Ninewa', 1)]),
    ('n10-039', '2020-12-11',
     'On 11 December 2020, a sticky bomb exploded in the car of an employee of the oil company in the Al '
     'Jumhuriya area of Basrah city (Basrah). No casualties.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Basrah', 0)]),
    ('n10-040', '2020-12-11',
     'On 11 December 2020, an explosive device was detonated in front of a liquor shop in the Karrada area of '
     'Baghdad, causing material damage only.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Baghdad', 0)]),
    ('n10-041', '2020-12-12',
     'On 12 December 2020, two IEDs exploded one after the other at a PMF vehicle near Jurf al-Nasr (Musayab, '
     'Babylon), killing one PMF member and wounding two.',
     [('Remote explosive/landmine/IED', UAG, PMF, 'Babylon', 1)]),
    ('n10-042', '2020-12-12',
     'On 12 December 2020, a suicide bomber blew himself up among soldiers chasing him in Al Tarmiyah (Baghdad), '
     'wounding two soldiers.',
     [('Suicide bomb', IS, IQA, 'Baghdad', 1)]),
    ('n10-043', '2020-12-13',
     'On 13 December 2020, an explosive device targeted the house of a judge in Maysan (Amarah, Missan), '
     'causing material damage.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Missan', 0)]),
    ('n10-044', '2020-12-13',
     'A hand grenade was thrown at the house of a tribal sheikh in the Al Hussein neighbourhood of Amarah on '
     'Sunday evening, damaging its gate, police said.',
     [('Grenade', UAG, CIV, 'Missan', 0)]),
    # ---------------------------------------------------------------- defusals, caches, arrests
    ('n10-045', '2020-12-14',
     'On 14 December 2020, the Iraqi army defused four IEDs planted on an agricultural road near Al Abbara '
     '(Baquba, Diyala).',
     [('Disrupted weapons use', IQA, UAG, 'Diyala', 0)]),
    ('n10-046', '2020-12-14',
     'On 14 December 2020, security forces found a weapons cache belonging to IS, containing mortar shells and '
     'explosive belts, in a tunnel near Al Zab (Hawija, Kirkuk).',
     [('Disrupted weapons use', IQA, IS, 'Kirkuk', 0)]),
    ('n10-047', '2020-12-15',
     'On 15 December 2020, the Iraqi National Intelligence Service arrested an IS leader who was responsible for '
     'financing the group in Al Qaim (Anbar).',
     [('Arrests', INIS, IS, 'Anbar', 0)]),
    ('n10-048', '2020-12-15',
     'Arrests: On 15 December 2020, police in Kirkuk city (Kirkuk) arrested three suspects wanted under the '
     'anti-terrorism law in a raid on the Wahed Huzairan neighbourhood.',
     [('Arrests', IQP, IS, 'Kirkuk', 0)]),
    ('n10-049', '2020-12-16',
     'On 16 December 2020, the Counter-Terrorism Service raided a hideout of IS in the Al Jazeera desert west of '
     'Tikrit (Salah al-Din) and destroyed it.',
     [('Looting/property destruction', CTS, IS, 'Sala al-Din', 0)]),
    ('n10-050', '2020-12-16',
     'On 16 December 2020, a mass grave holding the remains of about twenty people killed by IS was uncovered in '
     'the village of Al Badush (Mosul, Ninewa).',
     [('Other', IS, CIV, 'Ninewa', 0)]),
    ('n10-051', '2020-12-17',
     'On 17 December 2020, the civil defence safely removed a Katyusha rocket found on a launch pad in an orchard '
     'in Al Dora (Baghdad), before it could be fired.',
     [('Disrupted weapons use', 'Iraq Civil Defense', '', 'Baghdad', 0)]),
    ('n10-052', '2020-12-17',
     'On 17 December 2020, Asayish forces arrested two persons accused of links to the PKK in Penjwen '
     '(Sulaymaniyah).',
     [('Arrests', ASY, PKK, 'Sulaymaniyah', 0)]),
    # ---------------------------------------------------------------- tribal clashes and gunfire
    ('n10-053', '2020-12-18',
     'On 18 December 2020, a tribal clash broke out in the Al Deir district north of Basrah between two clans '
     'over a land dispute, killing one and wounding three.',
     [('Armed clash', TRIBE, TRIBE, 'Basrah', 1)]),
    ('n10-054', '2020-12-18',
     'On 18 December 2020, members of two tribes exchanged fire with medium weapons in Al Mejar Al Kabir '
     '(Missan). No casualties were reported.',
     [('Armed clash', TRIBE, TRIBE, 'Missan', 0)]),
    ('n10-055', '2020-12-18',
     'On 18 December 2020, a clash between two families in Al Shatra (Thi-Qar) over a debt left two dead.',
     [('Armed clash', TRIBE, TRIBE, 'Thi-Qar', 2)]),
    ('n10-056', '2020-12-19',
     'On 19 December 2020, tribesmen fired at the house of a rival family in Al Qurna (Basrah), wounding a '
     'woman.',
     [('Attack', TRIBE, CIV, 'Basrah', 0)]),
    ('n10-057', '2020-12-19',
     'On 19 December 2020, police intervened to stop a tribal dispute in Al Rifai (Thi-Qar); gunmen fired on the '
     'police force, wounding an officer.',
     [('Armed clash', TRIBE, IQP, 'Thi-Qar', 0)]),
    ('n10-058', '2020-12-20',
     'On 20 December 2020, unidentified gunmen assassinated a civil activist in front of his house in Al Amarah '
     '(Missan).',
     [('Attack', UAG, CIV, 'Missan', 1)]),
    ('n10-059', '2020-12-20',
     'On 20 December 2020, an activist of the Tishreen protest movement survived an assassination attempt when '
     'gunmen on a motorcycle shot at his car in Al Nasiriyah (Thi-Qar).',
     [('Attack', UAG, CIV, 'Thi-Qar', 0)]),
    ('n10-060', '2020-12-20',
     'On 20 December 2020, unknown gunmen kidnapped a journalist from his home in Al Kut (Wassit). His '
     'whereabouts remain unknown.',
     [('Abduction/forced disappearance', UAG, CIV, 'Wassit', 0)]),
    ('n10-061', '2020-12-21',
     'On 21 December 2020, the body of a young man kidnapped two days earlier was found with gunshot wounds in '
     'an orchard near Baquba (Diyala).',
     [('Attack', UAG, CIV, 'Diyala', 1)]),
    ('n10-062', '2020-12-21',
     'On 21 December 2020, unidentified gunmen killed a police officer at his shop in the Al Hayyaniya area of '
     'Basrah city (Basrah).',
     [('Attack', UAG, CIV, 'Basrah', 1)]),
    # ---------------------------------------------------------------- protests
    ('n10-063', '2020-12-02',
     'On 2 December 2020, teachers demonstrated in front of the Sulaymaniyah governorate building '
     '(Sulaymaniyah) demanding the payment of four months of delayed salaries. [size=hundreds]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-064', '2020-12-02',
     'On 2 December 2020, health workers staged a sit-in at the Azadi hospital in Kirkuk city (Kirkuk), '
     'demanding permanent contracts. [size=no report]',
     [('Peaceful protest', PRO, '', 'Kirkuk', 0)]),
    ('n10-065', '2020-12-02',
     'On 2 December 2020, graduates of the engineering colleges protested in front of the Ministry of Oil in '
     'Baghdad, demanding jobs. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Baghdad', 0)]),
    ('n10-066', '2020-12-02',
     'On 2 December 2020, residents of the Al Hussein neighbourhood in Al Nasiriyah (Thi-Qar) blocked the main '
     'street with burning tyres in protest at the lack of electricity. [size=no report]',
     [('Violent demonstration', RIO, '', 'Thi-Qar', 0)]),
    ('n10-067', '2020-12-02',
     'On 2 December 2020, dozens of Tishreen protesters gathered in Al Haboubi square in Al Nasiriyah (Thi-Qar), '
     'demanding the dismissal of the governor. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-068', '2020-12-03',
     'On 3 December 2020, employees of the municipality of Al Kut (Wassit) protested against the cut of their '
     'allowances. [size=no report]',
     [('Peaceful protest', PRO, '', 'Wassit', 0)]),
    ('n10-069', '2020-12-03',
     'On 3 December 2020, farmers gathered outside the agriculture directorate in Al Diwaniyah (Qadissiya) to '
     'demand the payment of their dues for the wheat crop. [size=no report]',
     [('Peaceful protest', PRO, '', 'Qadissiya', 0)]),
    ('n10-070', '2020-12-03',
     'On 3 December 2020, contract workers of the electricity department demonstrated in Al Samawa (Muthanna), '
     'demanding that they be made permanent. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Muthanna', 0)]),
    ('n10-071', '2020-12-03',
     'On 3 December 2020, displaced families in the Khazir camp (Ninewa) protested against a decision to close '
     'the camp. [size=no report]',
     [('Peaceful protest', PRO, '', 'Ninewa', 0)]),
    ('n10-072', '2020-12-03',
     'On 3 December 2020, students of the University of Basrah (Basrah) held a demonstration demanding the '
     'return of in-person exams. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-073', '2020-12-05',
     'On 5 December 2020, protesters in Ranya (Sulaymaniyah) set fire to the offices of the KDP, PUK, Goran and '
     'the Islamic Union, demanding the payment of salaries. [size=hundreds]',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0)]),
    ('n10-074', '2020-12-05',
     'On 5 December 2020, Asayish forces opened fire on protesters who tried to storm a party headquarters in '
     'Chamchamal (Sulaymaniyah), killing one protester and wounding five.',
     [('Excessive force against protesters', ASY, PRO, 'Sulaymaniyah', 1)]),
    ('n10-075', '2020-12-05',
     'On 5 December 2020, security forces used tear gas to disperse demonstrators demanding salaries in Kalar '
     '(Sulaymaniyah). Several protesters were detained. [size=no report]',
     [('Protest with intervention', PRO, IQP, 'Sulaymaniyah', 0)]),
    ('n10-076', '2020-12-05',
     'On 5 December 2020, demonstrators in Said Sadiq (Sulaymaniyah) threw stones at the building of the district '
     'administration and clashed with police. [size=no report]',
     [('Violent demonstration', RIO, IQP, 'Sulaymaniyah', 0)]),
    ('n10-077', '2020-12-05',
     'On 5 December 2020, civil servants held a peaceful march in Halabja (Halabja), demanding their salaries '
     'be paid on time. [size=hundreds]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-078', '2020-12-06',
     'On 6 December 2020, protesters in Piramagrun subdistrict (Sulaymaniyah) burned the office of the PUK. '
     '[size=no report]',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0)]),
    ('n10-079', '2020-12-06',
     'On 6 December 2020, a protester was killed and several were wounded when guards of a party office in '
     'Kifri (Diyala) fired on demonstrators. [size=no report]',
     [('Excessive force against protesters', UAG, PRO, 'Diyala', 1)]),
    ('n10-080', '2020-12-06',
     'On 6 December 2020, students in Erbil city (Erbil) were prevented from protesting by the Asayish, who '
     'arrested a number of them. [size=no report]',
     [('Protest with intervention', PRO, ASY, 'Erbil', 0)]),
    ('n10-081', '2020-12-06',
     'On 6 December 2020, supporters of the Sadrist movement attacked a protest camp in Al Haboubi square in Al '
     'Nasiriyah (Thi-Qar), burning tents; clashes with protesters killed two. [size=no report]',
     [('Mob violence', RIO, PRO, 'Thi-Qar', 2)]),
    ('n10-082', '2020-12-07',
     'On 7 December 2020, protesters closed the entrance of the Majnoon oil field (Al Qurna, Basrah) with burning '
     'tyres, demanding jobs for local residents. [size=no report]',
     [('Violent demonstration', RIO, '', 'Basrah', 0)]),
    ('n10-083', '2020-12-07',
     'On 7 December 2020, residents of Al Mashkhab (Najaf) cut the road to Najaf in protest at the shortage of '
     'water for their rice fields. [size=no report]',
     [('Peaceful protest', PRO, '', 'Najaf', 0)]),
    ('n10-084', '2020-12-07',
     'On 7 December 2020, families of missing persons held a vigil in Al Saqlawiya (Falluja, Anbar), demanding '
     'to know the fate of their sons abducted in 2016. [size=no report]',
     [('Peaceful protest', PRO, '', 'Anbar', 0)]),
    ('n10-085', '2020-12-07',
     'On 7 December 2020, protesters stormed the building of the provincial council in Al Kut (Wassit) and '
     'smashed its windows. [size=no report]',
     [('Violent demonstration', RIO, '', 'Wassit', 0)]),
    # ---------------------------------------------------------------- strategic developments
    ('n10-086', '2020-12-08',
     'On 8 December 2020, the Iraqi government imposed a curfew in Al Nasiriyah (Thi-Qar) after the clashes in '
     'Al Haboubi square.',
     [('Change to group/activity', GOV, '', 'Thi-Qar', 0)]),
    ('n10-087', '2020-12-08',
     'Movement of forces: On 8 December 2020, a brigade of the Rapid Response Forces was deployed to Al Nasiriyah '
     '(Thi-Qar) to secure government buildings.',
     [('Change to group/activity', IQP, '', 'Thi-Qar', 0)]),
    ('n10-088', '2020-12-09',
     'On 9 December 2020, the elders of two tribes in Al Madina (Basrah) signed a truce ending a dispute that '
     'had left three dead, under the sponsorship of the police.',
     [('Agreement', TRIBE, TRIBE, 'Basrah', 0)]),
    ('n10-089', '2020-12-09',
     'On 9 December 2020, unidentified persons blew up an electricity pylon near Al Abbara (Baquba, Diyala), '
     'cutting power to several villages.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Diyala', 0)]),
    ('n10-090', '2020-12-10',
     'On 10 December 2020, unidentified persons set fire to the house of a member of parliament in Al Shatra '
     '(Thi-Qar). No casualties were reported.',
     [('Looting/property destruction', UAG, CIV, 'Thi-Qar', 0)]),
    ('n10-091', '2020-12-10',
     'On 10 December 2020, IS militants blew up the house of a PMF member in the village of Al Mazraa '
     '(Baiji, Salah al-Din). There were no casualties.',
     [('Remote explosive/landmine/IED', IS, CIV, 'Sala al-Din', 0)]),
    ('n10-092', '2020-12-10',
     'On 10 December 2020, unidentified gunmen stole a truck carrying flour on the road near Al Fallujah (Anbar) '
     'after threatening the driver.',
     [('Looting/property destruction', UAG, CIV, 'Anbar', 0)]),
    # ---------------------------------------------------------------- same-day series (must stay apart)
    ('n10-093', '2020-12-22',
     'On 22 December 2020, Turkish aircraft bombed the village of Bilican in the Bradost area (Soran, Erbil). '
     'No casualties were reported.',
     [('Air/drone strike', TUR, PKK, 'Erbil', 0)]),
    ('n10-094', '2020-12-22',
     'On 22 December 2020, Turkish aircraft bombed the surroundings of the village of Kani Rash in Amadiya '
     'district (Dahuk). No casualties were reported.',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 0)]),
    ('n10-095', '2020-12-22',
     'On 22 December 2020, Turkish aircraft bombed the village of Spindar in the Nerwa Rekan subdistrict '
     '(Amadiya, Dahuk). No casualties were reported.',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 0)]),
    ('n10-096', '2020-12-22',
     'On 22 December 2020, an IED exploded at a civilian car on the Baquba-Muqdadiya road (Diyala), wounding two.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Diyala', 0)]),
    ('n10-097', '2020-12-22',
     'On 22 December 2020, an IED exploded at an army vehicle near Al Wajihiya (Al Muqdadiya, Diyala), killing '
     'a soldier.',
     [('Remote explosive/landmine/IED', UAG, IQA, 'Diyala', 1)]),
    ('n10-098', '2020-12-23',
     'On 23 December 2020, lecturers protested in front of the University of Sulaymaniyah (Sulaymaniyah) over '
     'unpaid salaries. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-099', '2020-12-23',
     'On 23 December 2020, retired workers protested outside the pension office in Sulaymaniyah city '
     '(Sulaymaniyah) against the saving scheme deducting their pensions. [size=no report]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-100', '2020-12-23',
     'On 23 December 2020, journalists gathered at the Sulaymaniyah journalists\' syndicate (Sulaymaniyah) to '
     'protest the arrest of a colleague. [size=no report]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-101', '2020-12-24',
     'On 24 December 2020, protesters in Al Nasiriyah (Thi-Qar) closed the Al Zaitoun bridge with burning tyres. '
     '[size=no report]',
     [('Violent demonstration', RIO, '', 'Thi-Qar', 0)]),
    ('n10-102', '2020-12-24',
     'On 24 December 2020, protesters gathered in front of the Thi-Qar oil company in Al Nasiriyah (Thi-Qar), '
     'demanding employment. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-103', '2020-12-24',
     'On 24 December 2020, a demonstration was held in Suq Al Shuyukh (Thi-Qar) in support of the new governor. '
     '[size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-104', '2020-12-25',
     'On 25 December 2020, IS militants attacked a PMF position in the Tal al-Dahab area (Tuz, Salah al-Din). '
     'One PMF fighter was killed.',
     [('Armed clash', IS, PMF, 'Sala al-Din', 1)]),
    ('n10-105', '2020-12-25',
     'On 25 December 2020, IS militants attacked an army post near Al Mutaibija (Samarra, Salah al-Din), wounding '
     'two soldiers.',
     [('Armed clash', IS, IQA, 'Sala al-Din', 0)]),
    ('n10-106', '2020-12-25',
     'On 25 December 2020, IS militants killed a shepherd in the desert near Al Dour (Salah al-Din).',
     [('Attack', IS, CIV, 'Sala al-Din', 1)]),
    # ---------------------------------------------------------------- news style, several sentences
    ('n10-107', '2020-12-27',
     'Gunmen believed to be Islamic State members killed three members of one family in a village east of '
     'Baquba late on Saturday, police said. The attackers broke into the house and opened fire before fleeing '
     'into the orchards. Security forces launched a search of the area.',
     [('Attack', IS, CIV, 'Diyala', 3, '2020-12-26')]),
    ('n10-108', '2020-12-28',
     'Kurdish security forces arrested dozens of people in Sulaymaniyah on Monday after a second week of '
     'protests over unpaid public sector wages. Rights groups said at least 40 activists and journalists were '
     'detained in the province.',
     [('Arrests', ASY, CIV, 'Sulaymaniyah', 0)]),
    ('n10-109', '2020-12-28',
     'Three rockets struck near the US embassy in Baghdad on Monday night, causing minor damage to a residential '
     'compound but no casualties, the military said. It was the latest in a string of attacks on diplomatic '
     'sites that Washington blames on Iran-backed factions.',
     [('Shelling/artillery/missile attack', UAG, '', 'Baghdad', 0)]),
    ('n10-110', '2020-12-29',
     'Turkish drones struck a house in the Makhmour refugee camp on Tuesday, killing three people, camp '
     'officials said. Ankara says the camp, in Erbil province, shelters PKK fighters.',
     [('Air/drone strike', TUR, CIV, 'Erbil', 3)]),
    ('n10-111', '2020-12-29',
     'An explosion ripped through a weapons depot belonging to a PMF brigade near Jurf al-Sakhar south of Baghdad '
     'on Tuesday. The cause of the blast was not known and no casualties were reported.',
     [('Remote explosive/landmine/IED', UAG, PMF, 'Babylon', 0)]),
    ('n10-112', '2020-12-30',
     'Clashes between two clans in the Al Hartha district north of Basra killed two people and wounded five on '
     'Wednesday, a police source said. The dispute was over ownership of farmland, and the army was sent in to '
     'restore calm.',
     [('Armed clash', TRIBE, TRIBE, 'Basrah', 2)]),
    ('n10-113', '2020-12-30',
     'Thousands of public employees took to the streets of Sulaimani on Wednesday to demand salaries that are '
     'three months overdue. In nearby Chamchamal, protesters torched the office of a ruling party and clashed '
     'with security forces, injuring four officers.',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0), ('Violent demonstration', RIO, IQP, 'Sulaymaniyah', 0)]),
    ('n10-114', '2020-12-31',
     'Iraqi security forces defused a car bomb parked near a market in the Sadr City district of Baghdad on '
     'Thursday, an interior ministry spokesman said.',
     [('Disrupted weapons use', IQP, UAG, 'Baghdad', 0)]),
    ('n10-115', '2020-12-31',
     'A civilian was killed and two were wounded on Thursday when a mortar round fired by unknown militants hit '
     'a house in the Al Saadiya subdistrict of Khanaqin, Diyala, the district mayor said.',
     [('Shelling/artillery/missile attack', UAG, CIV, 'Diyala', 1)]),
    ('n10-116', '2021-01-02',
     'Gunmen kidnapped a pharmacist from his shop in Al Zubair, west of Basra, on Saturday evening, police said. '
     'His family has received no ransom demand.',
     [('Abduction/forced disappearance', UAG, CIV, 'Basrah', 0)]),
    ('n10-117', '2021-01-03',
     'Islamic State claimed responsibility on Sunday for a bomb attack that killed two Iraqi soldiers on a '
     'patrol near Tarmiyah on Saturday.',
     [('Remote explosive/landmine/IED', IS, IQA, 'Baghdad', 2, '2021-01-02')]),
    ('n10-118', '2021-01-04',
     'Peshmerga forces and IS militants exchanged fire for two hours in the Qarachogh mountains near Makhmur on '
     'Monday. A Peshmerga commander said two militants were killed.',
     [('Armed clash', PESH, IS, 'Erbil', 2)]),
    ('n10-119', '2021-01-05',
     'On 5 January 2021, PMF forces discovered and dismantled an IS rocket launch pad in the Al Mutaibija area '
     '(Samarra, Salah al-Din).',
     [('Disrupted weapons use', PMF, IS, 'Sala al-Din', 0)]),
    ('n10-120', '2021-01-05',
     'On 5 January 2021, the police in Karbala (Kerbala) detained a man for burning the Kerbala university '
     'student union office during a protest.',
     [('Arrests', IQP, CIV, 'Kerbala', 0)]),
    ('n10-121', '2021-01-06',
     'On 6 January 2021, members of the Zubaid and Bani Lam tribes clashed in the Al Azir area (Qalat Saleh, '
     'Missan) using light and medium weapons. One tribesman was killed.',
     [('Armed clash', 'Zubaid Tribal Militia (Iraq)', 'Bani Lam Tribal Militia (Iraq)', 'Missan', 1)]),
    ('n10-122', '2021-01-06',
     'On 6 January 2021, the Iraqi army and Peshmerga launched a joint operation against IS remnants in the area '
     'between Makhmur and Al Kuwair (Erbil). No contact with the militants was reported.',
     [('Change to group/activity', IQA, PESH, 'Erbil', 0)]),
    ('n10-123', '2021-01-07',
     'On 7 January 2021, IS militants ambushed a civil defence crew putting out a fire in farmland near Al '
     'Hawija (Kirkuk), killing one firefighter.',
     [('Attack', IS, CIV, 'Kirkuk', 1)]),
    ('n10-124', '2021-01-07',
     'On 7 January 2021, a Federal Police patrol was hit by a landmine near Al Rashad (Kirkuk); two policemen '
     'were wounded.',
     [('Remote explosive/landmine/IED', UAG, IQP, 'Kirkuk', 0)]),
    ('n10-125', '2021-01-08',
     'On 8 January 2021, a group of armed men belonging to a militia raided a liquor warehouse in the Al Saadoun '
     'street area of Baghdad and destroyed its goods.',
     [('Looting/property destruction', UAG, CIV, 'Baghdad', 0)]),
    ('n10-126', '2021-01-08',
     'On 8 January 2021, an unknown man threw a grenade at a fish shop in Al Basrah city (Basrah), wounding two '
     'workers.',
     [('Grenade', UAG, CIV, 'Basrah', 0)]),
    ('n10-127', '2021-01-09',
     'On 9 January 2021, protesters in Al Diwaniyah (Qadissiya) gathered in front of the provincial building to '
     'demand the release of an activist; riot police beat several of them. [size=no report]',
     [('Protest with intervention', PRO, IQP, 'Qadissiya', 0)]),
    ('n10-128', '2021-01-09',
     'On 9 January 2021, a demonstration was organised in Al Fallujah (Anbar) in support of the Palestinian '
     'cause. [size=hundreds]',
     [('Peaceful protest', PRO, '', 'Anbar', 0)]),
    ('n10-129', '2021-01-10',
     'On 10 January 2021, Yazidi survivors held a sit-in in Sinuni (Sinjar, Ninewa) to demand compensation and '
     'the reconstruction of their villages. [size=no report]',
     [('Peaceful protest', PRO, '', 'Ninewa', 0)]),
    ('n10-130', '2021-01-10',
     'On 10 January 2021, unidentified gunmen threw a Molotov cocktail at the office of a television channel in '
     'Al Hilla (Babylon), burning its facade. No casualties.',
     [('Looting/property destruction', UAG, CIV, 'Babylon', 0)]),
]

# Second batch (written after the first was fixed, before the coder was run on it): more same-day series in one
# province, Kurdistan-region protests and riots, news style with several sentences, numbers in words.
NOTES_2 = [
    ('n10-131', '2020-12-06',
     'On 6 December 2020, hundreds of teachers and civil servants demonstrated in Kalar (Sulaymaniyah) over '
     'unpaid salaries. [size=hundreds]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-132', '2020-12-06',
     'On 6 December 2020, demonstrators in Kalar (Sulaymaniyah) set fire to the headquarters of the Kurdistan '
     'Democratic Party and the district council building. [size=no report]',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0)]),
    ('n10-133', '2020-12-06',
     'On 6 December 2020, protesters in Takiya subdistrict (Chamchamal, Sulaymaniyah) blocked the main road with '
     'burning tyres. [size=no report]',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0)]),
    ('n10-134', '2020-12-06',
     'On 6 December 2020, security forces fired live ammunition at protesters in Darbandikhan (Sulaymaniyah), '
     'wounding three. [size=no report]',
     [('Excessive force against protesters', IQP, PRO, 'Sulaymaniyah', 0)]),
    ('n10-135', '2020-12-07',
     'On 7 December 2020, two protesters were killed and eleven injured when security guards opened fire on '
     'demonstrators who were trying to burn the office of the PUK in Said Sadiq (Sulaymaniyah). [size=no report]',
     [('Violent demonstration', RIO, IQP, 'Sulaymaniyah', 2)]),
    ('n10-136', '2020-12-07',
     'On 7 December 2020, a demonstration of students took place in front of the University of Raparin in Ranya '
     '(Sulaymaniyah) against the suspension of their monthly grants. [size=no report]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-137', '2020-12-07',
     'On 7 December 2020, members of the Kurdistan Islamic Union held a protest in Sulaymaniyah city '
     '(Sulaymaniyah) to condemn the burning of their offices. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-138', '2020-12-08',
     'On 8 December 2020, the Asayish arrested a journalist covering the protests in Kalar (Sulaymaniyah) and '
     'confiscated his camera.',
     [('Arrests', ASY, CIV, 'Sulaymaniyah', 0)]),
    ('n10-139', '2020-12-08',
     'Peshmerga and Zeravani forces were deployed to Sulaymaniyah province on Tuesday to protect government '
     'buildings and party offices after a week of unrest, a spokesman said.',
     [('Change to group/activity', PESH, '', 'Sulaymaniyah', 0)]),
    ('n10-140', '2020-12-09',
     'On 9 December 2020, around 300 people gathered at the Saray square in Sulaymaniyah city (Sulaymaniyah) '
     'calling for the resignation of the regional government. Security forces prevented them from marching and '
     'detained 12. [size=around 300]',
     [('Protest with intervention', PRO, IQP, 'Sulaymaniyah', 0)]),
    ('n10-141', '2020-11-27',
     'On 27 November 2020, supporters of Muqtada al-Sadr clashed with anti-government protesters in Al Haboubi '
     'square in Al Nasiriyah (Thi-Qar), using live fire; seven people were killed and over 50 injured.',
     [('Mob violence', RIO, PRO, 'Thi-Qar', 7)]),
    ('n10-142', '2020-11-27',
     'On 27 November 2020, thousands of Sadr followers held a rally in Tahrir square in Baghdad in response to '
     'a call by their leader. [size=thousands]',
     [('Peaceful protest', PRO, '', 'Baghdad', 0)]),
    ('n10-143', '2020-11-28',
     'On 28 November 2020, protesters in Al Shatra (Thi-Qar) closed government departments in solidarity with '
     'the demonstrators of Al Haboubi square. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-144', '2020-11-28',
     'On 28 November 2020, dozens of protesters in Al Diwaniyah (Qadissiya) burned tyres in front of the '
     'provincial council in solidarity with the protesters of Nasiriyah. [size=dozens]',
     [('Violent demonstration', RIO, '', 'Qadissiya', 0)]),
    ('n10-145', '2020-11-28',
     'On 28 November 2020, students in Al Kut (Wassit) demonstrated in solidarity with Nasiriyah and to denounce '
     'the killing of protesters. [size=no report]',
     [('Peaceful protest', PRO, '', 'Wassit', 0)]),
    ('n10-146', '2020-11-29',
     'On 29 November 2020, unknown gunmen opened fire on the tent of protesters in Al Kut (Wassit) at night. '
     'No injuries were reported.',
     [('Excessive force against protesters', UAG, PRO, 'Wassit', 0)]),
    ('n10-147', '2020-11-29',
     'On 29 November 2020, unidentified persons burned the tents of the sit-in in Al Hilla (Babylon).',
     [('Looting/property destruction', UAG, PRO, 'Babylon', 0)]),
    ('n10-148', '2020-11-30',
     'On 30 November 2020, IS militants attacked the village of Al Maita in Jalawla subdistrict (Khanaqin, '
     'Diyala), killing two villagers. The village guards returned fire.',
     [('Attack', IS, CIV, 'Diyala', 2)]),
    ('n10-149', '2020-11-30',
     'On 30 November 2020, IS militants attacked a checkpoint of the Iraqi army in Jalawla (Khanaqin, Diyala); '
     'one soldier was killed and two wounded.',
     [('Armed clash', IS, IQA, 'Diyala', 1)]),
    ('n10-150', '2020-11-30',
     'On 30 November 2020, an IED exploded at a vehicle of the PMF in Al Saadiya (Khanaqin, Diyala), injuring '
     'two PMF members.',
     [('Remote explosive/landmine/IED', UAG, PMF, 'Diyala', 0)]),
    ('n10-151', '2020-12-13',
     'On 13 December 2020, Turkish drones struck a vehicle in the Sidakan area (Soran, Erbil), killing two PKK '
     'members.',
     [('Air/drone strike', TUR, PKK, 'Erbil', 2)]),
    ('n10-152', '2020-12-13',
     'On 13 December 2020, Turkish warplanes carried out airstrikes on the mountains near the village of Kuna '
     'Masi in Penjwen district (Sulaymaniyah). No casualties reported.',
     [('Air/drone strike', TUR, PKK, 'Sulaymaniyah', 0)]),
    ('n10-153', '2020-12-13',
     'On 13 December 2020, Turkish artillery shelled the area of Batifa (Zakho, Dahuk), damaging vineyards and '
     'orchards. No casualties reported.',
     [('Shelling/artillery/missile attack', TUR, PKK, 'Dahuk', 0)]),
    ('n10-154', '2020-12-13',
     'On 13 December 2020, Turkish artillery shelled the surroundings of the village of Sharanish (Zakho, '
     'Dahuk). No casualties reported.',
     [('Shelling/artillery/missile attack', TUR, PKK, 'Dahuk', 0)]),
    ('n10-155', '2020-12-14',
     'On 14 December 2020, clashes between PKK fighters and Turkish forces took place near Kani Masi (Amadiya, '
     'Dahuk). Casualties are unknown.',
     [('Armed clash', PKK, TUR, 'Dahuk', 0)]),
    ('n10-156', '2020-12-14',
     'On 14 December 2020, Turkey said its forces "neutralised" two PKK militants in the Gara region (Dahuk).',
     [('Armed clash', TUR, PKK, 'Dahuk', 2)]),
    ('n10-157', '2020-12-15',
     'On 15 December 2020, a rocket attack targeted the Victory base near Baghdad International Airport '
     '(Baghdad). The rocket fell in an open area and caused no damage.',
     [('Shelling/artillery/missile attack', UAG, '', 'Baghdad', 0)]),
    ('n10-158', '2020-12-15',
     'On 15 December 2020, an IED targeted a convoy of trucks contracted by the US-led coalition on the '
     'international highway near Al Nasiriyah (Thi-Qar); a truck was damaged.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Thi-Qar', 0)]),
    ('n10-159', '2020-12-15',
     'On 15 December 2020, an IED struck a convoy carrying logistical supplies for the coalition in Al Samawa '
     '(Muthanna), with no casualties.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Muthanna', 0)]),
    ('n10-160', '2020-12-15',
     'On 15 December 2020, an IED exploded near a coalition logistics convoy on the highway in Al Diwaniyah '
     '(Qadissiya), causing no damage.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Qadissiya', 0)]),
    ('n10-161', '2020-12-16',
     'On 16 December 2020, two clans fought with machine guns in the Al Karma area north of Basrah city '
     '(Basrah) over the killing of a young man, leaving three dead.',
     [('Armed clash', TRIBE, TRIBE, 'Basrah', 3)]),
    ('n10-162', '2020-12-16',
     'On 16 December 2020, a tribal fight broke out in the Al Hussein neighbourhood of Al Zubair (Basrah); one '
     'man was wounded.',
     [('Armed clash', TRIBE, TRIBE, 'Basrah', 0)]),
    ('n10-163', '2020-12-16',
     'On 16 December 2020, armed members of a tribe attacked a police station in Al Madina (Basrah) to free '
     'a detained relative; two policemen were wounded.',
     [('Armed clash', TRIBE, IQP, 'Basrah', 0)]),
    ('n10-164', '2020-12-17',
     'On 17 December 2020, a child was killed by stray bullets fired during a tribal dispute in Qalat Saleh '
     '(Missan).',
     [('Armed clash', TRIBE, TRIBE, 'Missan', 1)]),
    ('n10-165', '2020-12-17',
     'Police in Amarah said on Thursday that unknown assailants killed a money changer and stole about 40 '
     'million dinars from his shop in the city centre.',
     [('Attack', UAG, CIV, 'Missan', 1)]),
    ('n10-166', '2020-12-18',
     'On 18 December 2020, the Iraqi security forces seized a large quantity of weapons and ammunition, '
     'including rockets, in a search operation in the Al Hartha district (Basrah).',
     [('Disrupted weapons use', IQA, '', 'Basrah', 0)]),
    ('n10-167', '2020-12-18',
     'On 18 December 2020, the police in Al Diwaniyah (Qadissiya) arrested a man who had threatened activists '
     'on social media.',
     [('Arrests', IQP, CIV, 'Qadissiya', 0)]),
    ('n10-168', '2020-12-19',
     'On 19 December 2020, an IS member blew himself up with an explosive belt when security forces surrounded '
     'his hideout in the Al Jazeera area of Rawa (Anbar), killing himself only.',
     [('Suicide bomb', IS, IQA, 'Anbar', 1)]),
    ('n10-169', '2020-12-19',
     'On 19 December 2020, the army found the bodies of three shepherds who had been abducted by IS in the '
     'desert near Al Baaj (Ninewa).',
     [('Attack', IS, CIV, 'Ninewa', 3)]),
    ('n10-170', '2020-12-20',
     'On 20 December 2020, the Peshmerga ministry announced that a new Peshmerga brigade had been sent to the '
     'Garmiyan front to prevent IS attacks.',
     [('Change to group/activity', PESH, '', 'Sulaymaniyah', 0)]),
    ('n10-171', '2020-12-20',
     'On 20 December 2020, militants kidnapped four truck drivers on the road between Baiji and Haditha '
     '(Salah al-Din). Their fate is unknown.',
     [('Abduction/forced disappearance', UAG, CIV, 'Sala al-Din', 0)]),
    ('n10-172', '2020-12-21',
     'On 21 December 2020, the Iraqi army announced it had freed a kidnapped merchant and arrested two of his '
     'kidnappers in Al Mada\'in (Baghdad).',
     [('Arrests', IQA, CIV, 'Baghdad', 0)]),
    ('n10-173', '2020-12-21',
     'On 21 December 2020, an activist was injured when unidentified persons threw a sound bomb at his house in '
     'Al Nasiriyah (Thi-Qar).',
     [('Looting/property destruction', UAG, CIV, 'Thi-Qar', 0)]),
    ('n10-174', '2020-12-22',
     'Two mortar rounds fell near a wedding in the village of Abu Khamis in the Abu Saida area of Diyala on '
     'Tuesday night, wounding five guests, local officials said. They blamed Islamic State cells.',
     [('Shelling/artillery/missile attack', IS, CIV, 'Diyala', 0)]),
    ('n10-175', '2020-12-23',
     'On 23 December 2020, hundreds of people took part in a funeral procession in Al Nasiriyah (Thi-Qar) for '
     'an activist killed two days earlier, chanting against the militias. [size=hundreds]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-176', '2020-12-23',
     'On 23 December 2020, graduates of the petroleum institutes staged a sit-in in front of the South Oil '
     'Company in Basrah city (Basrah) demanding appointments. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-177', '2020-12-23',
     'On 23 December 2020, residents of the Al Tuwaisa neighbourhood in Basrah city (Basrah) protested against '
     'the collapse of the sewage network. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-178', '2020-12-23',
     'On 23 December 2020, fishermen gathered at the port of Al Faw (Basrah) to demand compensation for the loss '
     'of their boats. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-179', '2020-12-24',
     'On 24 December 2020, a demonstration was held in Duhok city (Dahuk) against the Turkish bombardment of '
     'border villages. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Dahuk', 0)]),
    ('n10-180', '2020-12-24',
     'On 24 December 2020, a Turkish air strike hit a house in the village of Mergatu in the Bradost area '
     '(Sidakan, Erbil), injuring a woman.',
     [('Air/drone strike', TUR, CIV, 'Erbil', 0)]),
    ('n10-181', '2020-12-24',
     'On 24 December 2020, Turkish jets bombed PKK positions on Mount Matin in Amadiya district (Dahuk).',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 0)]),
    ('n10-182', '2020-12-26',
     'Iraqi forces killed an Islamic State commander known as Abu Yasser in an ambush near Tarmiyah on '
     'Saturday, the Security Media Cell said. Two other militants were arrested.',
     [('Armed clash', IQA, IS, 'Baghdad', 1)]),
    ('n10-183', '2020-12-26',
     'A landmine killed two Peshmerga soldiers and wounded another during a patrol in the Makhmour area on '
     'Saturday, the Peshmerga ministry said.',
     [('Remote explosive/landmine/IED', UAG, PESH, 'Erbil', 2)]),
    ('n10-184', '2020-12-27',
     'Three members of the Popular Mobilization Forces were killed on Sunday when militants attacked their '
     'position in the Al Mutaibija area between Salahuddin and Diyala, a PMF statement said.',
     [('Armed clash', UAG, PMF, 'Sala al-Din', 3)]),
    ('n10-185', '2020-12-27',
     'On 27 December 2020, an IED exploded on a car carrying a family on the road between Tuz Khurmatu and '
     'Kirkuk (Salah al-Din), killing a child.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Sala al-Din', 1)]),
    ('n10-186', '2020-12-28',
     'On 28 December 2020, the Asayish defused an explosive device planted under a bridge in Kirkuk city '
     '(Kirkuk).',
     [('Disrupted weapons use', ASY, '', 'Kirkuk', 0)]),
    ('n10-187', '2020-12-28',
     'On 28 December 2020, intelligence forces arrested five suspected IS members in the Al Qayyarah area '
     '(Mosul, Ninewa).',
     [('Arrests', INIS, IS, 'Ninewa', 0)]),
    ('n10-188', '2020-12-29',
     'On 29 December 2020, the Iraqi army recovered the body of a man kidnapped by IS in the Wadi Houran area '
     '(Rutba, Anbar).',
     [('Attack', IS, CIV, 'Anbar', 1)]),
    ('n10-189', '2020-12-29',
     'On 29 December 2020, an electricity tower was blown up by IS militants near Al Abbara (Baquba, Diyala), '
     'cutting power to the area.',
     [('Looting/property destruction', IS, CIV, 'Diyala', 0)]),
    ('n10-190', '2020-12-30',
     'On 30 December 2020, unknown gunmen attacked a liquor store in the Al Ghadir area of Baghdad, wounding the '
     'shop owner.',
     [('Attack', UAG, CIV, 'Baghdad', 0)]),
    ('n10-191', '2020-12-30',
     'On 30 December 2020, unidentified men on a motorbike shot dead a lawyer in front of the courthouse in Al '
     'Basrah city (Basrah).',
     [('Attack', UAG, CIV, 'Basrah', 1)]),
    ('n10-192', '2020-12-30',
     'On 30 December 2020, gunmen abducted a university professor in the Al Amil neighbourhood of Baghdad; he '
     'was released the next day.',
     [('Abduction/forced disappearance', UAG, CIV, 'Baghdad', 0)]),
    ('n10-193', '2020-12-31',
     'Protesters in Sulaimani province continued on Thursday: in Penjwen, hundreds of people blocked the road to '
     'the Iranian border with burning tyres, while in Halabja teachers marched silently to the governorate.',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0), ('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-194', '2020-12-31',
     'On 31 December 2020, the Erbil-Baghdad agreement on the 2021 budget was reached between the federal '
     'government and the Kurdistan Regional Government in Baghdad.',
     [('Agreement', GOV, 'Government of Iraq (2020-) Kurdistan Regional Government', 'Baghdad', 0)]),
    ('n10-195', '2020-12-31',
     'On 31 December 2020, Kataib Hezbollah announced that it would not attack US interests until the new US '
     'administration takes office.',
     [('Change to group/activity', 'Kataib Hezbollah (Iraq)', '', 'Baghdad', 0)]),
]
NOTES += NOTES_2

# Third batch (written before the coder was run on it): same-day series in one city or district that the merge must
# keep apart (different crowds, demands, places, targets, forces).
NOTES_3 = [
    ('n10-201', '2021-01-12',
     'On 12 January 2021, nurses demonstrated in front of the Basrah health directorate in Basrah city (Basrah) '
     'demanding risk allowances. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-202', '2021-01-12',
     'On 12 January 2021, unemployed young men protested at the gate of the Rumaila oil field in Basrah (Basrah), '
     'demanding jobs with foreign companies. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-203', '2021-01-12',
     'On 12 January 2021, families of the Al Jumhuriya neighbourhood in Basrah city (Basrah) protested against the '
     'cuts of drinking water. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-204', '2021-01-12',
     'On 12 January 2021, lecturers at the University of Basrah (Basrah) held a sit-in against the delay of their '
     'promotions. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-205', '2021-01-13',
     'On 13 January 2021, Tishreen activists demonstrated in Al Habboubi square in Al Nasiriyah (Thi-Qar) to '
     'demand the disclosure of the killers of protesters. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-206', '2021-01-13',
     'On 13 January 2021, contract employees of the Thi-Qar electricity distribution directorate demonstrated in '
     'Al Nasiriyah (Thi-Qar) demanding permanent posts. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-207', '2021-01-13',
     'On 13 January 2021, retired teachers gathered in front of the pension office in Al Nasiriyah (Thi-Qar) over '
     'the delay of their pensions. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-208', '2021-01-13',
     'On 13 January 2021, protesters burned tyres and closed the Al Nasr bridge in Al Nasiriyah (Thi-Qar) '
     'demanding the release of detained activists. [size=no report]',
     [('Violent demonstration', RIO, '', 'Thi-Qar', 0)]),
    ('n10-209', '2021-01-14',
     'On 14 January 2021, Turkish aircraft bombed the village of Sarkeli in Nerwa Rekan subdistrict (Amadiya, '
     'Dahuk). Damage to houses was reported.',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 0)]),
    ('n10-210', '2021-01-14',
     'On 14 January 2021, Turkish aircraft bombed the village of Mizhe in Nerwa Rekan subdistrict (Amadiya, '
     'Dahuk). No casualties were reported.',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 0)]),
    ('n10-211', '2021-01-14',
     'On 14 January 2021, Turkish artillery shelled the village of Sarkeli in Nerwa Rekan subdistrict (Amadiya, '
     'Dahuk). No casualties.',
     [('Shelling/artillery/missile attack', TUR, PKK, 'Dahuk', 0)]),
    ('n10-212', '2021-01-15',
     'On 15 January 2021, an IED exploded at a PMF patrol in the Al Eith area (Tuz, Salah al-Din), wounding two '
     'PMF fighters.',
     [('Remote explosive/landmine/IED', UAG, PMF, 'Sala al-Din', 0)]),
    ('n10-213', '2021-01-15',
     'On 15 January 2021, an IED exploded at a farmer\'s tractor in the Al Eith area (Tuz, Salah al-Din), killing '
     'the farmer.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Sala al-Din', 1)]),
    ('n10-214', '2021-01-15',
     'On 15 January 2021, IS militants attacked an army post in the Al Eith area (Tuz, Salah al-Din); one soldier '
     'was killed.',
     [('Armed clash', IS, IQA, 'Sala al-Din', 1)]),
    ('n10-215', '2021-01-16',
     'On 16 January 2021, a tribal clash broke out in the Al Hayyaniya area of Basrah city (Basrah); two were '
     'wounded.',
     [('Armed clash', TRIBE, TRIBE, 'Basrah', 0)]),
    ('n10-216', '2021-01-16',
     'On 16 January 2021, a tribal clash broke out in the Al Qibla area of Basrah city (Basrah); one man was '
     'killed.',
     [('Armed clash', TRIBE, TRIBE, 'Basrah', 1)]),
    ('n10-217', '2021-01-16',
     'On 16 January 2021, gunmen shot and wounded a trader in the Al Ashar market of Basrah city (Basrah).',
     [('Attack', UAG, CIV, 'Basrah', 0)]),
    ('n10-218', '2021-01-17',
     'On 17 January 2021, the Iraqi National Intelligence Service arrested an IS financier in Al Ramadi (Anbar).',
     [('Arrests', INIS, IS, 'Anbar', 0)]),
    ('n10-219', '2021-01-17',
     'On 17 January 2021, police arrested four men suspected of kidnapping a child in Al Ramadi (Anbar).',
     [('Arrests', IQP, CIV, 'Anbar', 0)]),
    ('n10-220', '2021-01-17',
     'On 17 January 2021, Anbar Operations Command forces found a cache of IS weapons, including rockets and '
     'explosives, in the desert north of Al Ramadi (Anbar).',
     [('Disrupted weapons use', IQA, IS, 'Anbar', 0)]),
    ('n10-221', '2021-01-18',
     'On 18 January 2021, dozens of people protested in Ranya (Sulaymaniyah) over unpaid salaries. '
     '[size=dozens]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-222', '2021-01-18',
     'On 18 January 2021, dozens of people protested in Qaladze (Pishdar, Sulaymaniyah) over unpaid salaries. '
     '[size=dozens]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-223', '2021-01-18',
     'On 18 January 2021, dozens of people protested in Koya (Erbil) over unpaid salaries. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Erbil', 0)]),
    ('n10-224', '2021-01-18',
     'On 18 January 2021, dozens of people protested in Sulaymaniyah city (Sulaymaniyah) over unpaid salaries. '
     '[size=dozens]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-225', '2021-01-19',
     'On 19 January 2021, IS militants killed two shepherds near the village of Zarga in the Daquq district '
     '(Kirkuk).',
     [('Attack', IS, CIV, 'Kirkuk', 2)]),
    ('n10-226', '2021-01-19',
     'On 19 January 2021, IS militants killed a farmer near the village of Tal Ward in the Daquq district '
     '(Kirkuk).',
     [('Attack', IS, CIV, 'Kirkuk', 1)]),
    ('n10-227', '2021-01-19',
     'On 19 January 2021, IS militants kidnapped two brothers near Al Rashad (Kirkuk).',
     [('Abduction/forced disappearance', IS, CIV, 'Kirkuk', 0)]),
    ('n10-228', '2021-01-20',
     'On 20 January 2021, two Katyusha rockets were fired at Baghdad airport (Baghdad), with no casualties.',
     [('Shelling/artillery/missile attack', UAG, '', 'Baghdad', 0)]),
    ('n10-229', '2021-01-20',
     'On 20 January 2021, a rocket fell on a house in the Al Jihad neighbourhood of Baghdad, wounding a child.',
     [('Shelling/artillery/missile attack', UAG, CIV, 'Baghdad', 0)]),
    ('n10-230', '2021-01-20',
     'On 20 January 2021, a sound bomb was thrown at a shop selling alcohol in the Al Saadoun area of Baghdad, '
     'damaging its front.',
     [('Looting/property destruction', UAG, CIV, 'Baghdad', 0)]),
    ('n10-231', '2021-01-21',
     'On 21 January 2021, residents of Al Fajr (Thi-Qar) protested against the shortage of kerosene. '
     '[size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-232', '2021-01-21',
     'On 21 January 2021, residents of Al Gharraf (Thi-Qar) protested against the shortage of kerosene. '
     '[size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-233', '2021-01-21',
     'On 21 January 2021, residents of Al Rifai (Thi-Qar) blocked the main road in protest at the lack of '
     'kerosene. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-234', '2021-01-22',
     'On 22 January 2021, Peshmerga forces arrested a man trying to smuggle weapons at a checkpoint near Makhmur '
     '(Erbil).',
     [('Arrests', PESH, CIV, 'Erbil', 0)]),
    ('n10-235', '2021-01-22',
     'On 22 January 2021, the Asayish detained three activists in Erbil city (Erbil) for calling for protests on '
     'social media.',
     [('Arrests', ASY, CIV, 'Erbil', 0)]),
    ('n10-236', '2021-01-23',
     'On 23 January 2021, a drone of unknown origin bombed a PMF position near Al Qaim (Anbar); no casualties '
     'were reported.',
     [('Air/drone strike', 'Unidentified Military Forces', PMF, 'Anbar', 0)]),
    ('n10-237', '2021-01-23',
     'On 23 January 2021, an IED exploded at a convoy of the PMF on the road between Al Qaim and Akashat '
     '(Anbar), damaging a vehicle.',
     [('Remote explosive/landmine/IED', UAG, PMF, 'Anbar', 0)]),
    ('n10-238', '2021-01-24',
     'On 24 January 2021, gunmen attacked the house of a member of the electoral commission in Al Diwaniyah '
     '(Qadissiya) with a grenade, causing damage.',
     [('Grenade', UAG, CIV, 'Qadissiya', 0)]),
    ('n10-239', '2021-01-24',
     'On 24 January 2021, protesters in Al Diwaniyah (Qadissiya) demanded the dismissal of the provincial police '
     'chief. [size=no report]',
     [('Peaceful protest', PRO, '', 'Qadissiya', 0)]),
    ('n10-240', '2021-01-24',
     'On 24 January 2021, doctors in Al Diwaniyah (Qadissiya) went on strike and protested after a doctor was '
     'assaulted by relatives of a patient. [size=no report]',
     [('Peaceful protest', PRO, '', 'Qadissiya', 0)]),
]
NOTES += NOTES_3

# Fourth batch (written before the coder was run on it): protests, strikes and riots in more wordings, mostly in the
# Kurdistan region and the south.
NOTES_4 = [
    ('n10-241', '2020-12-03',
     'On 3 December 2020, a number of employees organized a protest stand in front of the Duhok governorate '
     'building (Dahuk) to demand the distribution of their salaries. [size=no report]',
     [('Peaceful protest', PRO, '', 'Dahuk', 0)]),
    ('n10-242', '2020-12-03',
     'On 3 December 2020, teachers in Rania (Sulaymaniyah) went on strike and refused to teach until their '
     'salaries are paid. [size=no report]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-243', '2020-12-04',
     'On 4 December 2020, angry demonstrators attacked the building of the Chamchamal administration '
     '(Sulaymaniyah) with stones and burned a car parked outside. [size=no report]',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0)]),
    ('n10-244', '2020-12-04',
     'On 4 December 2020, young men in Qaladze (Sulaymaniyah) torched the offices of four political parties '
     'during a protest over salaries. [size=no report]',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0)]),
    ('n10-245', '2020-12-04',
     'On 4 December 2020, Asayish forces fired tear gas and live rounds into the air to disperse protesters in '
     'Penjwen (Sulaymaniyah). [size=no report]',
     [('Protest with intervention', PRO, ASY, 'Sulaymaniyah', 0)]),
    ('n10-246', '2020-12-05',
     'On 5 December 2020, a protester died of his wounds a day after being shot by security guards during '
     'demonstrations in Kalar (Sulaymaniyah). [size=no report]',
     [('Excessive force against protesters', IQP, PRO, 'Sulaymaniyah', 1)]),
    ('n10-247', '2020-12-05',
     'On 5 December 2020, shopkeepers in the bazaar of Sulaymaniyah city (Sulaymaniyah) closed their shops in '
     'a general strike in support of the salary protests. [size=no report]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-248', '2020-12-08',
     'On 8 December 2020, students of Salahaddin University in Erbil city (Erbil) boycotted classes in protest '
     'at the cut of their grants. [size=no report]',
     [('Peaceful protest', PRO, '', 'Erbil', 0)]),
    ('n10-249', '2020-12-08',
     'On 8 December 2020, dozens of residents of Darbandikhan (Sulaymaniyah) marched to the district '
     'administration chanting slogans against corruption. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-250', '2020-12-09',
     'On 9 December 2020, protesters set up a roadblock with burning tyres on the Sulaymaniyah-Kirkuk road near '
     'Chamchamal (Sulaymaniyah). [size=no report]',
     [('Violent demonstration', RIO, '', 'Sulaymaniyah', 0)]),
    ('n10-251', '2020-12-09',
     'On 9 December 2020, the security forces in Sulaymaniyah (Sulaymaniyah) arrested dozens of young men '
     'suspected of burning party offices during the recent protests.',
     [('Arrests', IQP, RIO, 'Sulaymaniyah', 0)]),
    ('n10-252', '2020-12-10',
     'On 10 December 2020, a group of women held a silent protest in front of the UN office in Sulaymaniyah '
     '(Sulaymaniyah) to condemn the killing of protesters. [size=no report]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-253', '2020-12-10',
     'On 10 December 2020, members of the Gorran movement protested in Sulaymaniyah city (Sulaymaniyah) against '
     'the arrest of their activists. [size=no report]',
     [('Peaceful protest', PRO, '', 'Sulaymaniyah', 0)]),
    ('n10-254', '2020-12-11',
     'On 11 December 2020, demonstrators in Al Kut (Wassit) closed the provincial council building with chains '
     'and demanded its dissolution. [size=no report]',
     [('Peaceful protest', PRO, '', 'Wassit', 0)]),
    ('n10-255', '2020-12-11',
     'On 11 December 2020, a demonstration took place near the Al Zubair oil field (Basrah) demanding the '
     'employment of local graduates; the protesters clashed with the oil police. [size=no report]',
     [('Violent demonstration', RIO, IQP, 'Basrah', 0)]),
    ('n10-256', '2020-12-12',
     'On 12 December 2020, hundreds of Sadrists demonstrated in Al Kufa (Najaf) to show support for Muqtada '
     'al-Sadr. [size=hundreds]',
     [('Peaceful protest', PRO, '', 'Najaf', 0)]),
    ('n10-257', '2020-12-12',
     'On 12 December 2020, unknown persons burned the house of a protest leader in Al Rifai (Thi-Qar) at night. '
     'No one was hurt.',
     [('Looting/property destruction', UAG, CIV, 'Thi-Qar', 0)]),
    ('n10-258', '2020-12-13',
     'On 13 December 2020, truck drivers blocked the Safwan border crossing (Basrah) with their trucks to protest '
     'against new fees. [size=no report]',
     [('Peaceful protest', PRO, '', 'Basrah', 0)]),
    ('n10-259', '2020-12-13',
     'On 13 December 2020, protesters in Al Samawa (Muthanna) stormed the education directorate and expelled the '
     'director. [size=no report]',
     [('Violent demonstration', RIO, '', 'Muthanna', 0)]),
    ('n10-260', '2020-12-14',
     'On 14 December 2020, the mourners at the funeral of an activist in Al Nasiriyah (Thi-Qar) chanted slogans '
     'against the militias and the government. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-261', '2020-12-14',
     'On 14 December 2020, dozens of Christians gathered in Qaraqosh (Al Hamdaniya, Ninewa) to protest against '
     'the seizure of their lands. [size=dozens]',
     [('Peaceful protest', PRO, '', 'Ninewa', 0)]),
    ('n10-262', '2020-12-15',
     'On 15 December 2020, Yazidis demonstrated in Sinjar (Ninewa) in support of the Sinjar agreement and the '
     'return of the displaced. [size=no report]',
     [('Peaceful protest', PRO, '', 'Ninewa', 0)]),
    ('n10-263', '2020-12-15',
     'On 15 December 2020, residents of the Al Tahrir neighbourhood of Mosul (Ninewa) protested against the '
     'demolition of their houses by the municipality. [size=no report]',
     [('Peaceful protest', PRO, '', 'Ninewa', 0)]),
    ('n10-264', '2020-12-16',
     'On 16 December 2020, dozens of protesters tried to storm the Kurdistan Democratic Party headquarters in '
     'Baghdad; guards fired in the air. [size=dozens]',
     [('Violent demonstration', RIO, '', 'Baghdad', 0)]),
    ('n10-265', '2020-12-16',
     'Protests over unpaid salaries spread to Kifri on Wednesday, where hundreds of people marched peacefully '
     'to the district administration, the mayor said.',
     [('Peaceful protest', PRO, '', 'Diyala', 0)]),
]
NOTES += NOTES_4

# Fifth batch (written before the coder was run on it): strategic developments with the labels dataset notes put
# before them ("Weapons seizure:", "Security measures:", ...), in new wordings.
NOTES_5 = [
    ('n10-266', '2021-02-01',
     'Weapons seizure: On 1 February 2021, Iraqi army forces found 25 mortar rounds and two rocket launchers hidden '
     'in an abandoned house in the village of Al Sudur (Al Muqdadiya, Diyala).',
     [('Disrupted weapons use', IQA, '', 'Diyala', 0)]),
    ('n10-267', '2021-02-01',
     'Defusal: On 1 February 2021, an engineering team of the Federal Police dismantled a car rigged with '
     'explosives on a side road in Al Tarmiyah (Baghdad).',
     [('Disrupted weapons use', IQP, '', 'Baghdad', 0)]),
    ('n10-268', '2021-02-02',
     'Detonation: On 2 February 2021, the civil defence carried out a controlled detonation of old shells '
     'collected from farmland near Al Qayyarah (Mosul, Ninewa).',
     [('Disrupted weapons use', 'Iraq Civil Defense', '', 'Ninewa', 0)]),
    ('n10-269', '2021-02-02',
     'Interception: On 2 February 2021, air defences of the coalition intercepted a drone approaching the Harir '
     'air base (Shaqlawa, Erbil).',
     [('Disrupted weapons use', 'Global Coalition Against Daesh', '', 'Erbil', 0)]),
    ('n10-270', '2021-02-03',
     'Security measures: On 3 February 2021, the Kirkuk police closed all entrances of the city (Kirkuk) for '
     'twelve hours after intelligence warnings of a possible attack.',
     [('Change to group/activity', IQP, '', 'Kirkuk', 0)]),
    ('n10-271', '2021-02-03',
     'Movement of forces: On 3 February 2021, the PMF moved two brigades from Samarra to the Al Eith area (Tuz, '
     'Salah al-Din).',
     [('Change to group/activity', PMF, '', 'Sala al-Din', 0)]),
    ('n10-272', '2021-02-04',
     'Change to armed group: On 4 February 2021, a previously unknown group calling itself "Rab\'ullah" announced '
     'its formation in a video released in Baghdad.',
     [('Change to group/activity', "Rab'ullah", '', 'Baghdad', 0)]),
    ('n10-273', '2021-02-04',
     'Mass grave: On 4 February 2021, a team of the Martyrs Foundation opened a mass grave containing the remains '
     'of 15 victims of IS in the Al Khasfa area south of Mosul (Ninewa).',
     [('Other', IS, CIV, 'Ninewa', 0)]),
    ('n10-274', '2021-02-05',
     'Property destruction: On 5 February 2021, unidentified persons destroyed a statue in a public square of '
     'Al Diwaniyah city (Qadissiya).',
     [('Looting/property destruction', UAG, CIV, 'Qadissiya', 0)]),
    ('n10-275', '2021-02-05',
     'Property destruction: On 5 February 2021, IS militants burned two harvesters belonging to farmers in the '
     'village of Al Khan (Kirkuk).',
     [('Looting/property destruction', IS, CIV, 'Kirkuk', 0)]),
    ('n10-276', '2021-02-06',
     'Displacement: On 6 February 2021, dozens of families fled the village of Khuwaylid (Khanaqin, Diyala) after '
     'repeated IS attacks on the village.',
     [('Other', IS, CIV, 'Diyala', 0)]),
    ('n10-277', '2021-02-06',
     'Arrests: On 6 February 2021, the Counter-Terrorism Service detained a senior IS official in charge of '
     'logistics in Al Qaim (Anbar).',
     [('Arrests', CTS, IS, 'Anbar', 0)]),
    ('n10-278', '2021-02-07',
     'Agreement: On 7 February 2021, the Iraqi government and the Kurdistan Regional Government agreed on a '
     'joint force to secure the areas between the army and the Peshmerga in Makhmur (Erbil).',
     [('Agreement', GOV, 'Government of Iraq (2020-) Kurdistan Regional Government', 'Erbil', 0)]),
    ('n10-279', '2021-02-07',
     'Non-violent activity: On 7 February 2021, IS militants distributed leaflets threatening the residents of '
     'the village of Al Hafriya (Al Aziziya, Wassit).',
     [('Other', IS, CIV, 'Wassit', 0)]),
    ('n10-280', '2021-02-08',
     'Security measures: On 8 February 2021, the Basrah operations command deployed additional troops along the '
     'road to the port of Umm Qasr (Basrah) after attacks on trucks.',
     [('Change to group/activity', IQA, '', 'Basrah', 0)]),
    ('n10-281', '2021-02-08',
     'Weapons seizure: On 8 February 2021, police in Al Zubair (Basrah) seized a truck loaded with medium weapons '
     'at a checkpoint.',
     [('Disrupted weapons use', IQP, '', 'Basrah', 0)]),
    ('n10-282', '2021-02-09',
     'Arrests: On 9 February 2021, the Asayish of Duhok (Dahuk) arrested a local journalist after he reported on '
     'Turkish bombardment of villages.',
     [('Arrests', ASY, CIV, 'Dahuk', 0)]),
    ('n10-283', '2021-02-09',
     'Defusal: On 9 February 2021, Peshmerga engineers removed a landmine from a road near Kifri (Diyala).',
     [('Disrupted weapons use', PESH, '', 'Diyala', 0)]),
    ('n10-284', '2021-02-10',
     'Movement of forces: On 10 February 2021, a US military convoy arrived at the Ain al-Asad base (Hit, Anbar).',
     [('Change to group/activity', USA, '', 'Anbar', 0)]),
    ('n10-285', '2021-02-10',
     'Property destruction: On 10 February 2021, a group of armed men demolished a shop built on state land in Al '
     'Amarah (Missan).',
     [('Looting/property destruction', UAG, CIV, 'Missan', 0)]),
]
NOTES += NOTES_5

# Sixth batch (written before the coder was run on it): the reporting conventions of dataset notes ("Around ... (as
# reported)", "Source reported that ...", Kurdish names in brackets, "killed or injured", "Northern Iraq").
NOTES_6 = [
    ('n10-286', '2021-02-12',
     'Around 12 February 2021 (as reported), Turkish army drones targeted PKK militants near Sheladze (Amadiya '
     'district) of Dahuk, Northern Iraq. Source reported that 2 PKK militants were killed or injured.',
     [('Air/drone strike', TUR, PKK, 'Dahuk', 0)]),
    ('n10-287', '2021-02-12',
     'On 12 February 2021, PKK militants fired on Turkish army units positioned on Kuro Jahro hill (Kurdish name) '
     'in the Metina region of Dahuk, Northern Iraq. Source reported that the Turkish army suffered casualties, '
     'but the number was not specified.',
     [('Armed clash', PKK, TUR, 'Dahuk', 0)]),
    ('n10-288', '2021-02-13',
     'On 13 February 2021, Turkish army artillery shelled the vicinity of Kani Masi (Amadiya district) in Dahuk, '
     'Northern Iraq. Source did not report any information on casualties.',
     [('Shelling/artillery/missile attack', TUR, PKK, 'Dahuk', 0)]),
    ('n10-289', '2021-02-13',
     'Around 13 February 2021 (as reported), Turkish forces carried out an operation against PKK militants in the '
     'Gara region (Amadiya district) of Dahuk. 3 PKK militants were reportedly killed.',
     [('Armed clash', TUR, PKK, 'Dahuk', 3)]),
    ('n10-290', '2021-02-14',
     'On 14 February 2021, Iranian artillery shelled the Kodo area in the Sidakan sub-district (Soran district) of '
     'Erbil, Northern Iraq, targeting KDPI militants. No casualties were reported.',
     [('Shelling/artillery/missile attack', IRN, 'KDPI: Kurdistan Democratic Party of Iran', 'Erbil', 0)]),
    ('n10-291', '2021-02-14',
     'On 14 February 2021, unidentified gunmen shot dead a man in the Al Mualimeen neighbourhood in the city of '
     'Diwaniyah, Qadissiya. The motive is unknown.',
     [('Attack', UAG, CIV, 'Qadissiya', 1)]),
    ('n10-292', '2021-02-15',
     'Around 15 February 2021 (as reported), IS militants attacked a Peshmerga position in Qarachogh mountain in '
     'Makhmour district, Erbil. The attack was repelled and no casualties were reported on either side.',
     [('Armed clash', IS, PESH, 'Erbil', 0)]),
    ('n10-293', '2021-02-15',
     'On 15 February 2021, an IED planted by IS remnants targeted a PMF vehicle on the road between Baiji and '
     'Al Siniya, Salah al-Din, injuring two PMF members.',
     [('Remote explosive/landmine/IED', IS, PMF, 'Sala al-Din', 0)]),
    ('n10-294', '2021-02-16',
     'On 16 February 2021, an armed dispute between members of the Al Garamsha tribe in the Al Hartha area north of '
     'Basrah City resulted in the death of 1 and the injury of 2 others.',
     [('Armed clash', TRIBE, TRIBE, 'Basrah', 1)]),
    ('n10-295', '2021-02-16',
     'On 16 February 2021, a civilian was wounded when unidentified gunmen opened fire on his car on the Baghdad-'
     'Kirkuk road near Udhaim, Diyala.',
     [('Attack', UAG, CIV, 'Diyala', 0)]),
    ('n10-296', '2021-02-17',
     'On 17 February 2021, 4 unidentified rockets fell inside the perimeter of Erbil International Airport, which '
     'hosts coalition forces. A foreign contractor was killed and several were wounded.',
     [('Shelling/artillery/missile attack', UAG, 'Civilians (International)', 'Erbil', 1)]),
    ('n10-297', '2021-02-17',
     'On 17 February 2021, a mortar shell fired by unidentified militants fell on farmland in the Al Abara area of '
     'Baquba district, Diyala, causing no casualties.',
     [('Shelling/artillery/missile attack', UAG, CIV, 'Diyala', 0)]),
    ('n10-298', '2021-02-18',
     'On 18 February 2021, the Iraqi army conducted an airstrike on an IS hideout in the Wadi Al Shay valley '
     '(Daquq district), Kirkuk province. 4 IS militants were killed.',
     [('Air/drone strike', IQA, IS, 'Kirkuk', 4)]),
    ('n10-299', '2021-02-18',
     'On 18 February 2021, a demonstration was organized by the residents of Al Fuhud subdistrict in front of the '
     'subdistrict building, Thi Qar, demanding the improvement of electricity supply. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
    ('n10-300', '2021-02-19',
     'On 19 February 2021, a number of activists held a protest vigil in front of the Dhi Qar police command in '
     'Nassriya City, demanding the release of a detained colleague. [size=no report]',
     [('Peaceful protest', PRO, '', 'Thi-Qar', 0)]),
]
NOTES += NOTES_6

# Seventh batch (written before the coder was run on it): type traps (who was hit decides battle or attack; the
# means decide explosion or attack; the crowd's acts decide protest or riot).
NOTES_7 = [
    ('n10-301', '2021-02-20',
     'On 20 February 2021, gunmen killed an off-duty soldier in front of his house in the Al Saydiya area of '
     'Baghdad.',
     [('Attack', UAG, CIV, 'Baghdad', 1)]),
    ('n10-302', '2021-02-20',
     'On 20 February 2021, IS militants attacked the house of a Sahwa member in the village of Al Bu Hayat '
     '(Samarra, Salah al-Din); he and his son fought back and one attacker was killed.',
     [('Armed clash', IS, 'Sahwa Militia', 'Sala al-Din', 1)]),
    ('n10-303', '2021-02-21',
     'On 21 February 2021, a sticky bomb attached to the car of a PMF commander exploded in Al Amiriya (Baghdad), '
     'wounding him.',
     [('Remote explosive/landmine/IED', UAG, PMF, 'Baghdad', 0)]),
    ('n10-304', '2021-02-21',
     'On 21 February 2021, unidentified gunmen attacked a police checkpoint in Al Mada\'in (Baghdad), wounding a '
     'policeman. The police returned fire.',
     [('Armed clash', UAG, IQP, 'Baghdad', 0)]),
    ('n10-305', '2021-02-22',
     'On 22 February 2021, a grenade was thrown at a police patrol in Al Amarah (Missan), wounding two policemen.',
     [('Grenade', UAG, IQP, 'Missan', 0)]),
    ('n10-306', '2021-02-22',
     'On 22 February 2021, unidentified gunmen kidnapped a PMF member from his house in Al Muqdadiya (Diyala) and '
     'killed him; his body was found the next day.',
     [('Attack', UAG, CIV, 'Diyala', 1)]),
    ('n10-307', '2021-02-23',
     'On 23 February 2021, protesters in Al Nasiriyah (Thi-Qar) threw stones at the police, who responded with '
     'tear gas. [size=no report]',
     [('Violent demonstration', RIO, IQP, 'Thi-Qar', 0)]),
    ('n10-308', '2021-02-23',
     'On 23 February 2021, riot police used batons to disperse a peaceful sit-in of graduates in front of the '
     'Basrah governorate (Basrah). [size=no report]',
     [('Protest with intervention', PRO, IQP, 'Basrah', 0)]),
    ('n10-309', '2021-02-24',
     'On 24 February 2021, an armed drone struck a car carrying two members of Kataib Hezbollah near Al Qaim '
     '(Anbar), killing both.',
     [('Air/drone strike', 'Unidentified Military Forces', 'Kataib Hezbollah (Iraq)', 'Anbar', 2)]),
    ('n10-310', '2021-02-24',
     'On 24 February 2021, a landmine exploded under a shepherd\'s flock near Al Sa\'adiya (Khanaqin, Diyala), '
     'killing dozens of sheep. No human casualties.',
     [('Remote explosive/landmine/IED', UAG, CIV, 'Diyala', 0)]),
    ('n10-311', '2021-02-25',
     'On 25 February 2021, a policeman was killed while trying to defuse an explosive device in Al Latifiya '
     '(Mahmudiya, Baghdad).',
     [('Remote explosive/landmine/IED', UAG, IQP, 'Baghdad', 1)]),
    ('n10-312', '2021-02-25',
     'On 25 February 2021, two IS members were killed when the explosive device they were planting blew up near '
     'Al Bu Dor (Tikrit, Salah al-Din).',
     [('Disrupted weapons use', IS, '', 'Sala al-Din', 2)]),
    ('n10-313', '2021-02-26',
     'On 26 February 2021, a group of men beat a traffic policeman at a junction in Al Kut (Wassit) after he '
     'stopped their car.',
     [('Mob violence', RIO, IQP, 'Wassit', 0)]),
    ('n10-314', '2021-02-26',
     'On 26 February 2021, relatives of a patient who died attacked the doctors of the Al Sadr hospital in Al '
     'Amarah (Missan).',
     [('Mob violence', RIO, CIV, 'Missan', 0)]),
    ('n10-315', '2021-02-27',
     'On 27 February 2021, a Peshmerga soldier was shot dead by an IS sniper while guarding a post near Makhmur '
     '(Erbil).',
     [('Armed clash', IS, PESH, 'Erbil', 1)]),
]
NOTES += NOTES_7
