"""Invented news-style articles for timing the coder: seeded, varied, about 5 KB each.

Every sentence here was written for this module from templates; the place and group names
are facts. An article has a dateline, one to three event paragraphs (clashes, strikes,
attacks on civilians, protests, arrests, agreements, with explicit or relative dates and
casualty counts) and filler prose that mentions violence without reporting an event
(speculation, history, denials, commentary), which is what the coder spends most text on.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from schemas.article import Article


@dataclass(frozen=True)
class _Setting:
    country: str
    demonym: str
    towns: tuple[tuple[str, str], ...]  # (town, province)
    state: tuple[str, ...]
    armed: tuple[str, ...]


_SETTINGS: tuple[_Setting, ...] = (
    _Setting("Ukraine", "Ukrainian",
             (("Kupiansk", "Kharkiv"), ("Kramatorsk", "Donetsk"), ("Kherson", "Kherson"),
              ("Nikopol", "Dnipropetrovsk"), ("Sumy", "Sumy"), ("Orikhiv", "Zaporizhzhia")),
             ("Ukrainian forces", "Ukrainian soldiers", "the Ukrainian army"),
             ("Russian forces", "Russian troops", "Russian units")),
    _Setting("Russia", "Russian",
             (("Belgorod", "Belgorod"), ("Grayvoron", "Belgorod"), ("Kursk", "Kursk"), ("Bryansk", "Bryansk")),
             ("Russian border guards", "Russian air defence units"),
             ("Ukrainian drones", "Ukrainian forces", "a Ukrainian sabotage group")),
    _Setting("Nigeria", "Nigerian",
             (("Maiduguri", "Borno"), ("Bama", "Borno"), ("Zaria", "Kaduna"), ("Gusau", "Zamfara")),
             ("Nigerian troops", "soldiers of the Nigerian army", "police officers"),
             ("Boko Haram fighters", "ISWAP militants", "bandits", "gunmen")),
    _Setting("Mexico", "Mexican",
             (("Culiacan", "Sinaloa"), ("Celaya", "Guanajuato"), ("Zamora", "Michoacan"), ("Reynosa", "Tamaulipas")),
             ("members of the National Guard", "state police", "Mexican soldiers"),
             ("cartel gunmen", "members of a criminal group", "armed men")),
    _Setting("Sudan", "Sudanese",
             (("El Fasher", "North Darfur"), ("Omdurman", "Khartoum"), ("Wad Madani", "Al Jazirah")),
             ("the Sudanese army", "Sudanese Armed Forces troops"),
             ("the Rapid Support Forces", "RSF fighters", "Arab militiamen")),
    _Setting("Myanmar", "Burmese",
             (("Myawaddy", "Kayin"), ("Lashio", "Shan"), ("Sagaing", "Sagaing")),
             ("junta troops", "the Myanmar military"),
             ("People's Defence Force fighters", "the Arakan Army", "resistance fighters")),
    _Setting("Somalia", "Somali",
             (("Mogadishu", "Banadir"), ("Baidoa", "Bay"), ("Beledweyne", "Hiraan")),
             ("the Somali National Army", "Somali soldiers"),
             ("al-Shabaab militants", "al-Shabaab fighters")),
    _Setting("Democratic Republic of Congo", "Congolese",
             (("Goma", "Nord-Kivu"), ("Beni", "Nord-Kivu"), ("Bunia", "Ituri")),
             ("FARDC soldiers", "the Congolese army"),
             ("M23 rebels", "ADF militants", "CODECO militiamen")),
    _Setting("Pakistan", "Pakistani",
             (("Peshawar", "Khyber Pakhtunkhwa"), ("Quetta", "Balochistan"), ("Bannu", "Khyber Pakhtunkhwa")),
             ("Pakistani security forces", "police officers"),
             ("TTP militants", "Baloch separatists", "unidentified gunmen")),
    _Setting("Kenya", "Kenyan",
             (("Nairobi", "Nairobi"), ("Mombasa", "Mombasa"), ("Lamu", "Lamu")),
             ("Kenyan police", "anti-riot police"),
             ("al-Shabaab militants", "cattle raiders")),
)

_PROTESTERS = ("teachers", "farmers", "students", "health workers", "traders", "taxi drivers", "pensioners")
_DEMANDS = ("unpaid salaries", "rising fuel prices", "a new land law", "power cuts", "the arrest of a local leader")
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Event paragraphs. Slots: {when}, {town}, {province}, {country}, {state}, {armed}, {killed},
# {wounded}, {n}, {crowd}, {demand}.
_EVENTS: tuple[str, ...] = (
    "{armed} clashed with {state} {when} on the outskirts of {town} in {province}, local officials said. "
    "The fighting lasted several hours and {killed}. A further {wounded} people were taken to hospital.",
    "{armed} shelled residential districts of {town} {when}, hitting a school and two apartment blocks, "
    "the regional governor of {province} wrote on social media. He said {killed}.",
    "A drone strike hit a fuel depot in {town}, {province}, {when}, setting off a fire that burned "
    "until morning. Emergency services said {killed} and {wounded} were injured.",
    "A roadside bomb exploded under a vehicle carrying {state} near {town} {when}. "
    "A military spokesman said {killed}; {wounded} others were wounded.",
    "Gunmen stormed a village near {town} in {province} {when}, firing on residents and burning houses. "
    "Survivors said {killed} before the attackers withdrew into the bush.",
    "{armed} abducted {n} travellers from a bus on the highway outside {town} {when}, police in {province} "
    "said. No group has claimed responsibility and the victims' families have not been contacted.",
    "Hundreds of {crowd} marched through the centre of {town} {when} to protest against {demand}. "
    "The demonstration was peaceful and ended outside the governor's office in the afternoon.",
    "Police fired tear gas and rubber bullets to disperse {crowd} protesting against {demand} in {town} "
    "{when}. Organisers said {wounded} demonstrators were hurt and {n} were detained.",
    "Angry residents set fire to a police post in {town} {when} after a young man died in custody, "
    "witnesses said. Shops along the main road were looted before {state} restored order.",
    "{state} arrested {n} suspected members of {armed} in a raid on a house in {town}, {province}, "
    "{when}. Weapons and ammunition were seized, a spokesman said.",
    "{state} said they had recaptured the village of {town} in {province} {when} after heavy fighting "
    "with {armed}, in which {killed}.",
    "A suicide bomber blew himself up at a checkpoint at the entrance to {town} {when}, officials said. "
    "Hospital staff said {killed} and {wounded} were wounded in the blast.",
)

# Prose that mentions conflict without reporting a new event, and prose about nothing violent.
_FILLER: tuple[str, ...] = (
    "Analysts warned that a renewed offensive could allow {armed} to advance toward {town} within weeks, "
    "although there was no sign of troop movements on Sunday. Military observers said both sides were "
    "short of ammunition and reluctant to commit reserves before the rainy season.",
    "In 1998, {town} was the scene of a long siege that left much of its old market in ruins, and older "
    "residents still describe the shelling of those months in detail. The market was rebuilt with money "
    "from abroad and reopened in 2006.",
    "The defence ministry denied reports that its units had fired on a convoy near {town}, calling them "
    "fabricated. A spokesman said an investigation would be opened if any evidence emerged, and urged "
    "journalists to rely on official statements.",
    "Prices of flour and cooking oil in {province} have nearly doubled since the start of the year, "
    "according to traders in the central market. Aid agencies say that many families now eat one meal a "
    "day and that the number of children treated for malnutrition has risen sharply.",
    "The president of {country} is expected to travel abroad next month for talks on trade and security. "
    "Officials said the agenda would include energy supplies, a new road corridor and the return of "
    "displaced people, but declined to say whether a ceasefire would be discussed.",
    "Heavy rains have washed away sections of the main road linking {town} with the provincial capital, "
    "cutting off dozens of villages. Engineers said repairs would take at least three weeks if the weather "
    "improved, and lorries were being diverted along a longer route through the hills.",
    "Human rights groups have called for an independent inquiry into the conduct of {state} during "
    "operations last year. Their reports describe arbitrary detentions and the destruction of property, "
    "allegations the government rejects as politically motivated.",
    "Opposition politicians said they would boycott the next session of parliament unless the electoral "
    "commission published the full results of the local elections in {province}. The ruling party "
    "dismissed the threat and said the results had been certified by observers.",
    "Schools in {town} reopened this month after a long closure, with teachers holding lessons in tents "
    "while damaged classrooms are repaired. Parents said attendance was lower than before because many "
    "families had moved to relatives in safer districts.",
    "'We are tired of promises,' said a shopkeeper in {town}, who asked not to be named. 'Every year they "
    "tell us the road will be fixed and the water will come back, and every year we wait.' Local officials "
    "said funding had been approved and work would begin soon.",
    "If talks fail, commanders fear that {armed} may try to cut the supply route to {town}, a move that "
    "would isolate thousands of civilians. Diplomats said a new round of negotiations could begin before "
    "the end of the month, but no date has been set.",
    "The {demonym} central bank left interest rates unchanged on Thursday, citing uncertainty over food "
    "prices and the exchange rate. Economists expect growth to slow this year as exports weaken and "
    "public spending is cut to meet the terms of an international loan.",
    "A football tournament organised by youth groups in {town} drew large crowds over the weekend, the "
    "first such event in the city for several years. Organisers said the aim was to bring together young "
    "people from neighbourhoods that have long been divided.",
    "Satellite images reviewed by researchers show new trenches and earth barriers along the front line "
    "west of {town}, suggesting that commanders are preparing for a long defensive campaign rather than "
    "an imminent attack. The images could not be independently verified.",
    "The health ministry said a vaccination campaign against measles would reach every district of "
    "{province} by the end of the year. Mobile teams will visit remote villages on motorbikes, and clinics "
    "in {town} will stay open late on weekdays to catch up on missed doses.",
    "Residents of {town} say the nights are quieter than a year ago, but few have returned to the villages "
    "they fled. 'We hear that the road is open, but nobody wants to be the first to go back,' said a "
    "farmer who now rents a room near the bus station.",
    "Police in {province} urged drivers to avoid travelling after dark, warning that checkpoints on minor "
    "roads would be reinforced. The advice followed complaints from transport unions about delays and "
    "demands for unofficial payments at roadblocks.",
    "A former commander who fought in the war of the 1990s told reporters that the conflict had changed: "
    "drones, he said, now decide battles that once took weeks of infantry fighting. He called on the "
    "government to invest in air defence instead of new armoured vehicles.",
    "Mobile phone networks were restored in parts of {province} on Wednesday after an outage that lasted "
    "almost a week. Operators blamed damaged cables and fuel shortages at relay stations, while traders "
    "said the outage had stopped mobile money payments across the region.",
    "The United Nations said it had received less than a third of the funding it requested for its "
    "humanitarian response in {country} this year. Without new pledges, food rations for displaced "
    "families would be cut again from next month, a spokeswoman said.",
)

_TITLES: tuple[str, ...] = (
    "Violence flares near {town} as talks stall",
    "{country}: residents count the cost after a week of unrest",
    "Tension rises in {province} amid fresh clashes",
    "Officials in {town} report casualties as fighting continues",
    "{country} news roundup: security, economy and weather",
)


def _when(rng: random.Random, published: dt.date) -> str:
    """An explicit or a relative date no later than publication."""
    days_before = rng.randint(0, 6)
    event_day = published - dt.timedelta(days=days_before)
    choice = rng.randrange(6)
    if choice == 0:
        return f"on {event_day.day} {event_day.strftime('%B')}"
    if choice == 1:
        return f"on {_WEEKDAYS[event_day.weekday()]}"
    if choice == 2:
        return "overnight"
    if choice == 3:
        return "yesterday"
    if choice == 4:
        return f"late on {_WEEKDAYS[event_day.weekday()]}"
    return "last week"


def _killed(rng: random.Random) -> str:
    n = rng.randint(0, 40)
    choice = rng.randrange(5)
    if n == 0 or choice == 0:
        return "no casualties were reported"
    if choice == 1:
        return f"{n} people were killed"
    if choice == 2:
        return f"at least {rng.choice(_NUMBER_WORDS)} civilians were killed"
    if choice == 3:
        return "dozens of people were killed"
    return f"{n} fighters died"


def _fill(template: str, rng: random.Random, setting: _Setting, published: dt.date) -> str:
    town, province = rng.choice(setting.towns)
    text = template.format(
        when=_when(rng, published), town=town, province=province, country=setting.country,
        demonym=setting.demonym, state=rng.choice(setting.state), armed=rng.choice(setting.armed),
        killed=_killed(rng), wounded=rng.choice(_NUMBER_WORDS), n=rng.randint(2, 30),
        crowd=rng.choice(_PROTESTERS), demand=rng.choice(_DEMANDS),
    )
    return text[0].upper() + text[1:]


def generate_article(rng: random.Random, article_id: str, target_chars: int) -> Article:
    """One article: dateline, one to three event paragraphs, filler until `target_chars`."""
    setting = rng.choice(_SETTINGS)
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
    town = rng.choice(setting.towns)[0]
    paragraphs = [f"{town.upper()}, {setting.country} -- " + _fill(rng.choice(_EVENTS), rng, setting, published)]
    paragraphs += [_fill(rng.choice(_EVENTS), rng, setting, published) for _ in range(rng.randint(0, 2))]
    size = sum(len(p) + 2 for p in paragraphs)
    fillers = rng.sample(_FILLER, len(_FILLER))
    while size < target_chars:
        filler = _fill(fillers[len(paragraphs) % len(fillers)], rng, setting, published)
        paragraphs.insert(rng.randint(1, len(paragraphs)), filler)
        size += len(filler) + 2
    title = _fill(rng.choice(_TITLES), rng, setting, published)
    return Article(
        id=article_id,
        title=title,
        text="\n\n".join(paragraphs),
        published_at=published,
        source="synthetic",
    )


def generate_articles(n: int, seed: int = 0, mean_chars: int = 5000) -> list[Article]:
    """`n` articles of about `mean_chars` characters (±20 %), the same for the same seed."""
    rng = random.Random(seed)
    return [
        generate_article(rng, f"synthetic-{seed}-{i}", rng.randint(int(mean_chars * 0.8), int(mean_chars * 1.2)))
        for i in range(n)
    ]
