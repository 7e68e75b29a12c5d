"""What a careful ACLED coder records from each bundled sample article in `samples/`.

This is the rule-based coder's specification on the samples. Each article lists its events,
main event first, and what must NOT become an event (places only mentioned in speculation,
plans, denials, officials' comments or history; dates before the story; whole countries that
are only mentioned). Coding follows ACLED's codebook: one event per date x location x actor
pair x type; wounded are not fatalities; the lowest reported figure; protesters are actor 1
of a protest. Relative dates are resolved against the publication date; "overnight" is
accepted on either side of midnight, "last week" anywhere in the previous Monday-Sunday week.

Places are given by coordinates and a radius (GeoNames coordinates of the town; wider where
the article only says "a village near X"). Actors are regular expressions, each of which must
match one of the event's actor fields, so that ACLED's naming variants (regime years, "ELN:
National Liberation Army") all pass. `admin1` is a regular expression for the same reason
("Nord-Kivu" / "North Kivu").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EARLIEST_PLAUSIBLE = dt.date(2024, 1, 1)
"""Every sample is from 2024 and reports events of the days before it: an earlier event date
means a historical reference ("in 1945", "since 2009") became an event."""


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    radius_km: float


@dataclass(frozen=True)
class ExpectedEvent:
    label: str
    event_type: str
    country: str
    place: Place
    first_date: dt.date
    last_date: dt.date
    sub_event_type: str
    admin1: str
    fatalities: int
    actors: tuple[str, ...] = ()
    time_precision: int | None = None


@dataclass(frozen=True)
class Forbidden:
    """What must not appear among an article's events."""

    places: tuple[Place, ...] = ()
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    before: dt.date = EARLIEST_PLAUSIBLE


@dataclass(frozen=True)
class SampleArticle:
    key: str
    file: str
    url: str
    expected: tuple[ExpectedEvent, ...]
    forbidden: Forbidden = field(default_factory=Forbidden)


def on(day: str) -> dict[str, dt.date]:
    d = dt.date.fromisoformat(day)
    return {"first_date": d, "last_date": d}


def between(first: str, last: str) -> dict[str, dt.date]:
    return {"first_date": dt.date.fromisoformat(first), "last_date": dt.date.fromisoformat(last)}


# Event and sub-event types (ACLED's exact labels).
BATTLES, EXPLOSIONS, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
ARMED_CLASH, GOV_REGAINS, NSA_OVERTAKES = (
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory")
AIR_DRONE, SHELLING, IED = "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"
ATTACK, ABDUCTION = "Attack", "Abduction/forced disappearance"
PEACEFUL, INTERVENTION, EXCESSIVE = (
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters")
VIOLENT_DEMO, MOB = "Violent demonstration", "Mob violence"
ARRESTS, LOOTING = "Arrests", "Looting/property destruction"
TERRITORY = (GOV_REGAINS, NSA_OVERTAKES, "Non-violent transfer of territory")

RUSSIAN_FORCES, UKRAINIAN_FORCES = r"Forces of Russia", r"Forces of Ukraine"

# Places that are only mentioned somewhere in a sample (capitals, planned targets, history).
KYIV = Place("Kyiv", 50.4547, 30.5238, 25)
MOSCOW = Place("Moscow", 55.7520, 37.6178, 30)
BELGOROD = Place("Belgorod", 50.6034, 36.5809, 10)

SAMPLES: tuple[SampleArticle, ...] = (
    SampleArticle(
        key="ua-kharkiv-kupiansk-strikes",
        file="inbox/harbourline-wire-2024-q1q2.jsonl",
        url="https://example.org/harbourline/2024/03/12/kharkiv-kupiansk-strikes",
        expected=(
            ExpectedEvent(
                "missile strike on Kharkiv on Monday", EXPLOSIONS, "Ukraine",
                Place("Kharkiv", 49.9818, 36.2548, 15), **on("2024-03-11"),
                sub_event_type=SHELLING, admin1=r"Kharkiv", fatalities=3,
                actors=(RUSSIAN_FORCES, r"Civilians \(Ukraine\)"), time_precision=1),
            ExpectedEvent(
                "drone strike on Kupiansk overnight", EXPLOSIONS, "Ukraine",
                Place("Kupiansk", 49.7100, 37.6158, 15), **between("2024-03-11", "2024-03-12"),
                sub_event_type=AIR_DRONE, admin1=r"Kharkiv", fatalities=0, actors=(RUSSIAN_FORCES,)),
        ),
        # Missiles "launched from the Belgorod region" are not an event in Russia.
        forbidden=Forbidden(countries=("Russia",)),
    ),
    SampleArticle(
        key="ru-belgorod-border-raid",
        file="inbox/harbourline-wire-2024-q1q2.jsonl",
        url="https://example.org/harbourline/2024/03/14/belgorod-border-raid",
        expected=(
            ExpectedEvent(
                "clash with cross-border raiders near Kozinka", BATTLES, "Russia",
                Place("Kozinka", 50.4613, 35.6026, 15), **on("2024-03-13"),
                sub_event_type=ARMED_CLASH, admin1=r"Belgorod", fatalities=2,
                actors=(RUSSIAN_FORCES, r"Russian Volunteer Corps|Freedom of Russia Legion|Forces of Ukraine")),
            ExpectedEvent(
                "shelling of Shebekino", EXPLOSIONS, "Russia",
                Place("Shebekino", 50.4134, 36.9254, 12), **on("2024-03-13"),
                sub_event_type=SHELLING, admin1=r"Belgorod", fatalities=1,
                actors=(UKRAINIAN_FORCES, r"Civilians \(Russia\)")),
        ),
        # Officials speaking in Belgorod city; the Kremlin's comment; "crossed from Ukraine".
        forbidden=Forbidden(places=(BELGOROD, MOSCOW), countries=("Ukraine",)),
    ),
    SampleArticle(
        key="ng-zamfara-abduction",
        file="inbox/harbourline-wire-2024-q1q2.jsonl",
        url="https://example.org/harbourline/2024/04/22/zamfara-abduction",
        expected=(
            # Yandoto is a village of Tsafe LGA; "dozens" abducted is not a death toll.
            ExpectedEvent(
                "abduction of villagers in Yandoto (Tsafe LGA) late on Saturday", VAC, "Nigeria",
                Place("Tsafe", 11.9578, 6.9208, 30), **on("2024-04-20"),
                sub_event_type=ABDUCTION, admin1=r"Zamfara", fatalities=0,
                actors=(r"Armed Group|Bandit|Militia", r"Civilians \(Nigeria\)")),
        ),
        forbidden=Forbidden(places=(Place("Gusau", 12.1702, 6.6641, 10),)),
    ),
    SampleArticle(
        key="ng-borno-roadside-bomb",
        file="inbox/harbourline-wire-2024-q1q2.jsonl",
        url="https://example.org/harbourline/2024/05/06/borno-roadside-bomb",
        expected=(
            ExpectedEvent(
                "roadside bomb on an army convoy outside Damboa", EXPLOSIONS, "Nigeria",
                Place("Damboa", 11.1553, 12.7564, 25), **on("2024-05-05"),
                sub_event_type=IED, admin1=r"Borno", fatalities=4,
                actors=(r"Military Forces of Nigeria",)),
            ExpectedEvent(
                "insurgent attack on the Bama base repelled late on Saturday", BATTLES, "Nigeria",
                Place("Bama", 11.5213, 13.6895, 15), **on("2024-05-04"),
                sub_event_type=ARMED_CLASH, admin1=r"Borno", fatalities=9,
                actors=(r"Military Forces of Nigeria",)),
        ),
        # The convoy came "from Maiduguri"; the 2009 uprising there is history.
        forbidden=Forbidden(places=(Place("Maiduguri", 11.8469, 13.1571, 15),)),
    ),
    SampleArticle(
        key="mm-kyauktaw-kanbalu",
        file="inbox/harbourline-wire-2024-q1q2.jsonl",
        url="https://example.org/harbourline/2024/03/18/kyauktaw-kanbalu",
        expected=(
            # "dozens of soldiers had surrendered": prisoners are not fatalities.
            ExpectedEvent(
                "Arakan Army seizes Kyauktaw", BATTLES, "Myanmar",
                Place("Kyauktaw", 20.8447, 92.9753, 15), **on("2024-03-17"),
                sub_event_type=NSA_OVERTAKES, admin1=r"Rakhine", fatalities=0,
                actors=(r"Arakan Army", r"Military Forces of Myanmar")),
            ExpectedEvent(
                "air strike on a village outside Kanbalu", EXPLOSIONS, "Myanmar",
                Place("Kanbalu", 23.2033, 95.5169, 25), **on("2024-03-15"),
                sub_event_type=AIR_DRONE, admin1=r"Sagaing", fatalities=9,
                actors=(r"Military Forces of Myanmar", r"Civilians \(Myanmar\)")),
        ),
        # An attack on Sittwe is speculation; Naypyitaw is where the junta commented.
        forbidden=Forbidden(places=(Place("Sittwe", 20.1462, 92.8983, 10),
                                    Place("Naypyitaw", 19.7450, 96.1297, 25))),
    ),
    SampleArticle(
        key="sd-el-fasher-mellit",
        file="inbox/meridian-ledger-2024-q2q4.jsonl",
        url="https://example.com/meridian-ledger/world/africa/el-fasher-shelling-mellit-looting",
        expected=(
            ExpectedEvent(
                "RSF shelling of El Fasher", EXPLOSIONS, "Sudan",
                Place("El Fasher", 13.6279, 25.3494, 15), **on("2024-05-19"),
                sub_event_type=SHELLING, admin1=r"North(ern)? Darfur", fatalities=8,
                actors=(r"Rapid Support Forces", r"Civilians \(Sudan\)"), time_precision=1),
            # "dozens of shops" is property, not people.
            ExpectedEvent(
                "RSF loot and burn the Mellit market last week", STRATEGIC, "Sudan",
                Place("Mellit", 14.1333, 25.5500, 15), **between("2024-05-13", "2024-05-19"),
                sub_event_type=LOOTING, admin1=r"North(ern)? Darfur", fatalities=0,
                actors=(r"Rapid Support Forces",), time_precision=2),
        ),
        forbidden=Forbidden(places=(Place("Port Sudan", 19.6158, 37.2164, 20),)),
    ),
    SampleArticle(
        key="ke-nairobi-kisumu-protests",
        file="inbox/meridian-ledger-2024-q2q4.jsonl",
        url="https://example.com/meridian-ledger/world/africa/kenya-finance-bill-protests",
        expected=(
            # Published Saturday 1 June: "on Thursday" is 30 May, across the month boundary.
            ExpectedEvent(
                "police shoot dead two tax protesters in Nairobi", PROTESTS, "Kenya",
                Place("Nairobi", -1.2833, 36.8167, 15), **on("2024-05-30"),
                sub_event_type=EXCESSIVE, admin1=r"Nairobi", fatalities=2,
                actors=(r"Protesters \(Kenya\)", r"Police Forces of Kenya")),
            ExpectedEvent(
                "peaceful march to the county offices in Kisumu", PROTESTS, "Kenya",
                Place("Kisumu", -0.1022, 34.7617, 15), **on("2024-05-30"),
                sub_event_type=PEACEFUL, admin1=r"Kisumu", fatalities=0,
                actors=(r"Protesters \(Kenya\)",)),
        ),
        # Marches called for next week.
        forbidden=Forbidden(places=(Place("Mombasa", -4.0547, 39.6636, 20),
                                    Place("Nakuru", -0.2833, 36.0667, 15))),
    ),
    SampleArticle(
        key="co-tame-eln-clash",
        file="inbox/meridian-ledger-2024-q2q4.jsonl",
        url="https://example.com/meridian-ledger/world/americas/arauca-eln-clash",
        expected=(
            ExpectedEvent(
                "army patrol clashes with the ELN in rural Tame", BATTLES, "Colombia",
                Place("Tame", 6.4607, -71.7362, 35), **on("2024-07-13"),
                sub_event_type=ARMED_CLASH, admin1=r"Arauca", fatalities=3,
                actors=(r"Military Forces of Colombia", r"ELN|National Liberation Army")),
        ),
        forbidden=Forbidden(places=(Place("Bogota", 4.6097, -74.0817, 25),), countries=("Venezuela",)),
    ),
    SampleArticle(
        key="mx-chicomuselo-comitan",
        file="inbox/meridian-ledger-2024-q2q4.jsonl",
        url="https://example.com/meridian-ledger/world/americas/chiapas-cartel-gunfight",
        expected=(
            # Published Monday 1 July: "on Saturday" is 29 June.
            ExpectedEvent(
                "CJNG and Sinaloa Cartel gunfight near Chicomuselo", BATTLES, "Mexico",
                Place("Chicomuselo", 15.7417, -92.2858, 25), **on("2024-06-29"),
                sub_event_type=ARMED_CLASH, admin1=r"Chiapas", fatalities=11,
                actors=(r"Jalisco|CJNG", r"Sinaloa")),
            ExpectedEvent(
                "displaced families march in Comitan", PROTESTS, "Mexico",
                Place("Comitan", 16.2400, -92.1367, 15), **on("2024-06-30"),
                sub_event_type=PEACEFUL, admin1=r"Chiapas", fatalities=0,
                actors=(r"Protesters \(Mexico\)",)),
        ),
        forbidden=Forbidden(places=(Place("Tuxtla Gutierrez", 16.7528, -93.1167, 15),),
                            countries=("Guatemala",)),
    ),
    SampleArticle(
        # The non-event article: deaths, destruction and deployed soldiers, but no political violence.
        key="np-dailekh-earthquake",
        file="inbox/meridian-ledger-2024-q2q4.jsonl",
        url="https://example.com/meridian-ledger/world/asia/nepal-earthquake-dailekh",
        expected=(),
    ),
    SampleArticle(
        # Speculation, plans, a denied claim, officials in two capitals and history around one
        # real event.
        key="ua-chasiv-yar-assaults",
        file="inbox/ua-chasiv-yar-assaults.md",
        url="https://example.org/harbourline/2024/04/08/chasiv-yar-assaults",
        expected=(
            ExpectedEvent(
                "Russian assaults on Chasiv Yar repelled", BATTLES, "Ukraine",
                Place("Chasiv Yar", 48.5877, 37.8341, 8), **on("2024-04-07"),
                sub_event_type=ARMED_CLASH, admin1=r"Donetsk", fatalities=0,
                actors=(RUSSIAN_FORCES, UKRAINIAN_FORCES)),
        ),
        forbidden=Forbidden(
            places=(KYIV, MOSCOW,
                    Place("Kramatorsk", 48.7311, 37.5678, 6),
                    Place("Kostiantynivka", 48.5273, 37.7059, 4),
                    Place("Sloviansk", 48.8497, 37.5974, 6)),
            countries=("Germany", "Russia"),
            sub_event_types=TERRITORY,  # the capture of Bohdanivka was claimed and denied
        ),
    ),
    SampleArticle(
        key="cd-kanyabayonga-mangina",
        file="inbox/cd-kanyabayonga-mangina.md",
        url="https://example.org/harbourline/2024/09/02/kanyabayonga-mangina",
        expected=(
            ExpectedEvent(
                "M23 takes Kanyabayonga", BATTLES, "Democratic Republic of Congo",
                Place("Kanyabayonga", -0.6998, 29.1718, 15), **on("2024-08-30"),
                sub_event_type=NSA_OVERTAKES, admin1=r"(North|Nord)[- ]Kivu", fatalities=6,
                actors=(r"M23|March 23 Movement", r"Military Forces of the Democratic Republic of Congo")),
            ExpectedEvent(
                "ADF kill eleven villagers near Mangina", VAC, "Democratic Republic of Congo",
                Place("Mangina", 0.6042, 29.3100, 20), **on("2024-09-01"),
                sub_event_type=ATTACK, admin1=r"(North|Nord)[- ]Kivu", fatalities=11,
                actors=(r"ADF|Allied Democratic Forces", r"Civilians")),
        ),
        forbidden=Forbidden(places=(Place("Kinshasa", -4.3276, 15.3136, 25),),
                            countries=("Rwanda", "Uganda")),
    ),
    SampleArticle(
        key="in-jiribam-mob-arrests",
        file="inbox/in-jiribam-mob-arrests.md",
        url="https://example.org/harbourline/2024/10/01/jiribam-mob-arrests",
        expected=(
            ExpectedEvent(
                "mob burns houses near Jiribam late on Sunday", RIOTS, "India",
                Place("Jiribam", 24.8043, 93.1215, 15), **on("2024-09-29"),
                sub_event_type=MOB, admin1=r"Manipur", fatalities=1,
                actors=(r"Rioters \(India\)", r"Civilians \(India\)")),
            ExpectedEvent(
                "police arrest fourteen in Jiribam", STRATEGIC, "India",
                Place("Jiribam", 24.8043, 93.1215, 15), **on("2024-09-30"),
                sub_event_type=ARRESTS, admin1=r"Manipur", fatalities=0,
                actors=(r"Police Forces of India",)),
        ),
        # The rumoured abduction never happened; the youth was found in Assam.
        forbidden=Forbidden(places=(Place("Imphal", 24.8081, 93.9442, 10),), admin1=(r"Assam",),
                            sub_event_types=(ABDUCTION,)),
    ),
    SampleArticle(
        key="pk-hyderabad-traders-protest",
        file="inbox/pk-hyderabad-traders-protest.txt",
        url="https://example.org/harbourline/2024/08/05/hyderabad-traders-protest",
        expected=(
            # Hyderabad in Sindh, not the larger Hyderabad in India.
            ExpectedEvent(
                "police tear-gas traders blocking the highway in Hyderabad", PROTESTS, "Pakistan",
                Place("Hyderabad", 25.3969, 68.3772, 20), **on("2024-08-03"),
                sub_event_type=INTERVENTION, admin1=r"Sindh", fatalities=0,
                actors=(r"Protesters \(Pakistan\)", r"Police Forces of Pakistan")),
        ),
        forbidden=Forbidden(places=(Place("Karachi", 24.8608, 67.0104, 25),
                                    Place("Islamabad", 33.7215, 73.0433, 25)),
                            countries=("India",)),
    ),
    SampleArticle(
        key="fr-toulouse-lyon-protests",
        file="inbox/fr-toulouse-lyon-protests.txt",
        url="https://example.org/harbourline/2024/03/25/toulouse-lyon-protests",
        expected=(
            ExpectedEvent(
                "farmers' tractor protest in Toulouse", PROTESTS, "France",
                Place("Toulouse", 43.6043, 1.4437, 15), **on("2024-03-22"),
                sub_event_type=PEACEFUL, admin1=r"Occitanie", fatalities=0,
                actors=(r"Protesters \(France\)",)),
            # Arrests during a riot are part of the riot, not an Arrests event of their own.
            ExpectedEvent(
                "breakaway group smashes windows and burns cars in Lyon", RIOTS, "France",
                Place("Lyon", 45.7491, 4.8479, 15), **on("2024-03-23"),
                sub_event_type=VIOLENT_DEMO, admin1=r"Auvergne", fatalities=0,
                actors=(r"Rioters \(France\)",)),
        ),
        forbidden=Forbidden(places=(Place("Paris", 48.8534, 2.3488, 25),)),
    ),
    SampleArticle(
        key="ua-odesa-port-drone-strike",
        file="inbox/ua-odesa-port-drone-strike.html",
        url="https://example.org/harbourline/2024/05/01/odesa-port-drone-strike",
        expected=(
            # Published 1 May: "overnight" is the night of 30 April to 1 May.
            ExpectedEvent(
                "drone strike on Odesa port", EXPLOSIONS, "Ukraine",
                Place("Odesa", 46.4857, 30.7438, 15), **between("2024-04-30", "2024-05-01"),
                sub_event_type=AIR_DRONE, admin1=r"Odes", fatalities=2,
                actors=(RUSSIAN_FORCES,)),
        ),
        forbidden=Forbidden(countries=("Russia",)),
    ),
    SampleArticle(
        key="so-jalalaqsi-mogadishu",
        file="inbox/so-jalalaqsi-mogadishu.html",
        url="https://example.com/meridian-ledger/world/africa/somalia-jalalaqsi-retaken",
        expected=(
            # Three soldiers and seventeen militants: fatalities of both sides are summed.
            ExpectedEvent(
                "army and clan militias retake Jalalaqsi from al-Shabaab", BATTLES, "Somalia",
                Place("Jalalaqsi", 3.3766, 45.5996, 15), **on("2024-06-02"),
                sub_event_type=GOV_REGAINS, admin1=r"Hii?raa?n", fatalities=20,
                actors=(r"Military Forces of Somalia", r"Shabaab")),
            ExpectedEvent(
                "roadside bomb in Mogadishu's Hodan district late on Saturday", EXPLOSIONS, "Somalia",
                Place("Mogadishu", 2.0371, 45.3438, 15), **on("2024-06-01"),
                sub_event_type=IED, admin1=r"Ban[a]{1,2}dir", fatalities=0),
        ),
        forbidden=Forbidden(places=(Place("Beledweyne", 4.7358, 45.2036, 10),)),
    ),
    SampleArticle(
        key="feed-dhaka-detentions",
        file="feeds/sample.xml",
        url="https://example.org/harbourline/briefs/2024/07/16/dhaka-detentions",
        expected=(
            ExpectedEvent(
                "police detain opposition activists in Dhaka", STRATEGIC, "Bangladesh",
                Place("Dhaka", 23.7104, 90.4074, 15), **on("2024-07-15"),
                sub_event_type=ARRESTS, admin1=r"Dhaka", fatalities=0,
                actors=(r"Police Forces of Bangladesh",)),
        ),
        # The march was only planned.
        forbidden=Forbidden(sub_event_types=(PEACEFUL, INTERVENTION)),
    ),
    SampleArticle(
        key="feed-tbilisi-rally",
        file="feeds/sample.xml",
        url="https://example.org/harbourline/briefs/2024/04/29/tbilisi-rally",
        expected=(
            ExpectedEvent(
                "rally outside parliament in Tbilisi", PROTESTS, "Georgia",
                Place("Tbilisi", 41.6914, 44.8341, 15), **on("2024-04-28"),
                sub_event_type=PEACEFUL, admin1=r"Tbilisi", fatalities=0,
                actors=(r"Protesters \(Georgia\)",)),
        ),
    ),
)

FEED_REJECT_URL = "https://example.org/harbourline/briefs/port-au-prince-gang-attack"
"""The feed entry without a publication date: the pipeline must reject it, not guess a date."""
