"""Generated English news with the diversity of real coverage, for scale benchmarks (``make bench-100k``).

:mod:`kg.bench`'s own generator repeats a handful of names; a graph of 100,000
such articles would hold a few hundred entities. Here each corpus draws on
pools of thousands of distinct people (given x family names of the region),
companies (place or brand x business x legal form), programmes, agencies and
events, picked with a skewed (Zipf-like) frequency as in real news: a few
names recur across thousands of articles, most appear in a handful. Every
article mixes 12-18 sentences of some twenty kinds (appointments with titles,
agreements, launches, investments, events with places and dates, quotes), so
linking, relations and the graph grow as they would on a real corpus.

Example:
    >>> pools = Pools(seed=1)
    >>> len(pools.people) >= 3000 and len(pools.companies) >= 3000
    True
    >>> text = make_diverse_article(0, random.Random(1), pools)
    >>> 200 < len(text.split()) < 600
    True
"""

from __future__ import annotations

import random
from pathlib import Path

_GIVEN = [
    "Khamla",
    "Somphone",
    "Bounmy",
    "Vanh",
    "Thongsavanh",
    "Phonesavanh",
    "Keo",
    "Sisavath",
    "Anousone",
    "Bouasone",
    "Chansamone",
    "Daovong",
    "Inthavong",
    "Kongkeo",
    "Latsamy",
    "Manivanh",
    "Noy",
    "Outhai",
    "Phetsamone",
    "Sengdao",
    "Souksavanh",
    "Viengkham",
    "Xaysana",
    "Bounthanh",
    "Somchai",
    "Somsak",
    "Suda",
    "Nattapong",
    "Kittisak",
    "Pornthip",
    "Wanchai",
    "Siriporn",
    "Thanawat",
    "Anong",
    "Chatchai",
    "Kanya",
    "Prayut",
    "Rattana",
    "Minh",
    "Lan",
    "Hoang",
    "Thu",
    "Quang",
    "Huong",
    "Tuan",
    "Mai",
    "Duc",
    "Linh",
    "Hung",
    "Ngoc",
    "Phuong",
    "Thanh",
    "Khanh",
    "Trang",
    "Sokha",
    "Dara",
    "Vannak",
    "Sreymom",
    "Chanthou",
    "Piseth",
    "Rithy",
    "Sophal",
    "Bopha",
    "Vuthy",
    "Kosal",
    "Sothea",
    "Chenda",
    "Narin",
    "Veasna",
    "David",
    "Sarah",
    "Michael",
    "Emma",
    "Kenji",
    "Yuki",
    "Min-jun",
    "Ji-woo",
    "Wei",
    "Li",
    "Arjun",
    "Priya",
    "Lars",
    "Anna",
    "Pierre",
    "Claire",
]
_FAMILY = [
    "Souvanh",
    "Phommachanh",
    "Chanthavong",
    "Sisouk",
    "Vongsay",
    "Keomany",
    "Phanthavong",
    "Sengsouriya",
    "Inthasone",
    "Douangmala",
    "Rattanavong",
    "Sayavong",
    "Xayavong",
    "Luangrath",
    "Vilaysack",
    "Khounphakdy",
    "Bounyavong",
    "Thammavong",
    "Sihalath",
    "Phetsavong",
    "Srisuk",
    "Wongsakul",
    "Chaiyaporn",
    "Suwannarat",
    "Rattanakorn",
    "Boonmee",
    "Jaidee",
    "Thongdee",
    "Kaewmanee",
    "Saengthong",
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Hoang",
    "Vu",
    "Vo",
    "Dang",
    "Bui",
    "Do",
    "Ngo",
    "Duong",
    "Ly",
    "Truong",
    "Dinh",
    "Heng",
    "Chea",
    "Sok",
    "Chan",
    "Kim",
    "Meas",
    "Prak",
    "Seng",
    "Ouk",
    "Chhun",
    "Hun",
    "Lim",
    "Tep",
    "Yim",
    "Nhem",
    "Smith",
    "Tanaka",
    "Park",
    "Chen",
    "Wang",
    "Sharma",
    "Nielsen",
    "Dubois",
    "Mueller",
    "Rossi",
    "Garcia",
    "Kowalski",
]
_PLACE_BRANDS = [
    "Lao",
    "Mekong",
    "Siam",
    "Saigon",
    "Angkor",
    "Vientiane",
    "Indochina",
    "Golden",
    "Asia",
    "Star",
    "Lotus",
    "Champa",
    "Lanxang",
    "Delta",
    "Royal",
    "Pacific",
    "Horizon",
    "Summit",
    "Jade",
    "Phoenix",
    "Dragon",
    "Elephant",
    "Bamboo",
    "River",
    "Blue",
    "Green",
    "Orient",
    "Sunrise",
    "Silver",
    "Unity",
    "Luang",
    "Prabang",
    "Pakse",
    "Savan",
    "Hanoi",
    "Danang",
    "Mekhala",
    "Khmer",
    "Chao",
    "Phraya",
    "Andaman",
    "Isan",
    "Dongsong",
    "Sekong",
    "Nam",
    "Ngum",
]
_BUSINESS = [
    "Telecom",
    "Pay",
    "Data",
    "Cloud",
    "Digital",
    "Soft",
    "Net",
    "Fintech",
    "Logistics",
    "Energy",
    "Media",
    "Networks",
    "Systems",
    "Solutions",
    "Labs",
    "Commerce",
    "Connect",
    "Mobile",
    "Money",
    "Capital",
    "Bank",
    "Insurance",
    "Tech",
    "Analytics",
    "Security",
    "Robotics",
    "Satellite",
    "Broadband",
    "Ventures",
    "Retail",
    "Express",
    "Health",
    "Agritech",
    "Edutech",
    "Power",
    "Infra",
]
_FORMS = ("Co., Ltd.", "Group", "Corporation", "JSC", "Plc", "Holdings", "Company", "Technologies")
_TOPICS = (
    "digital payments",
    "broadband",
    "e-government",
    "cybersecurity",
    "artificial intelligence",
    "cloud computing",
    "e-commerce",
    "digital skills",
    "data centres",
    "5G",
    "blockchain",
    "smart cities",
    "digital identity",
    "fintech",
    "open data",
)
_PROGRAMME_ADJ = ["National", "Digital", "Smart", "Inclusive", "Regional", "Rural", "Green", "Connected", "Open", "Secure"]
_PROGRAMME_TOPIC = [
    "Broadband",
    "Payments",
    "Skills",
    "Village",
    "Government",
    "Identity",
    "Innovation",
    "Startup",
    "Cloud",
    "Data",
    "Cybersecurity",
    "Commerce",
]
_PROGRAMME_KIND = ("Programme", "Initiative", "Strategy", "Master Plan", "Roadmap", "Project")
_AGENCY_KIND = ("Agency", "Authority", "Institute", "Centre", "Council", "Association", "Foundation", "Commission")
_EVENT_KIND = ("Forum", "Summit", "Conference", "Expo", "Week", "Festival")
_COUNTRIES = ("Laos", "Vietnam", "Cambodia", "Thailand", "Myanmar", "Singapore", "Japan", "South Korea", "China")
_TITLES = (
    "chief executive",
    "director general",
    "deputy minister",
    "chairman",
    "managing director",
    "head of digital strategy",
    "vice president",
    "chief technology officer",
    "governor",
    "secretary general",
)
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _city(rng: random.Random) -> str:
    return rng.choice(("Vientiane", "Bangkok", "Hanoi", "Phnom Penh", "Luang Prabang", "Da Nang", "Siem Reap", "Chiang Mai"))


class Pools:
    """The names a corpus draws on, made once from a seed.

    Attributes:
        people: Distinct full names (given + family).
        companies: Distinct company names.
        programmes: Distinct programme names.
        agencies: Distinct agency names.
        events: Distinct recurring event names (a year is added per article).
    """

    def __init__(self, seed: int = 7, *, people: int = 5000, companies: int = 5000, programmes: int = 2000) -> None:
        rng = random.Random(seed)
        self.people = rng.sample([f"{g} {f}" for g in _GIVEN for f in _FAMILY], k=min(people, len(_GIVEN) * len(_FAMILY)))
        every_company = [f"{p} {b} {f}" for p in _PLACE_BRANDS for b in _BUSINESS for f in _FORMS]
        self.companies = rng.sample(every_company, k=min(companies, len(every_company)))
        every_programme = [f"{a} {t} {k}" for a in _PROGRAMME_ADJ for t in _PROGRAMME_TOPIC for k in _PROGRAMME_KIND if a != t]
        self.programmes = rng.sample(every_programme, k=min(programmes, len(every_programme)))
        every_agency = [
            f"{c} {t} {k}"
            for c in ("Lao", "Mekong", "ASEAN", "Regional", "National")
            for t in _PROGRAMME_TOPIC
            for k in _AGENCY_KIND
        ]
        self.agencies = rng.sample(every_agency, k=len(every_agency))
        self.events = [
            f"{c} {t} {k}" for c in _PLACE_BRANDS[:20] for t in ("Digital", "Fintech", "Tech", "ICT") for k in _EVENT_KIND
        ]
        rng.shuffle(self.events)

    @staticmethod
    def pick(rng: random.Random, pool: list[str], k: int = 1) -> list[str]:
        """``k`` distinct names, skewed to the front of the pool (rank r drawn with weight ~ 1/r)."""
        out: list[str] = []
        while len(out) < k:
            rank = int(len(pool) ** rng.random()) - 1  # log-uniform rank: a Zipf-like head, a long tail
            name = pool[min(rank, len(pool) - 1)]
            if name not in out:
                out.append(name)
        return out


def make_diverse_article(i: int, rng: random.Random, pools: Pools) -> str:
    """Return one generated article of roughly 300 words (title line, then paragraphs of three sentences)."""
    people = pools.pick(rng, pools.people, rng.randint(2, 5))
    titles = [rng.choice(_TITLES) for _ in people]
    companies = pools.pick(rng, pools.companies, rng.randint(2, 4))
    programme = pools.pick(rng, pools.programmes)[0]
    agency = pools.pick(rng, pools.agencies)[0]
    year = 2015 + i % 11
    event = f"{pools.pick(rng, pools.events)[0]} {year}"
    country, other = rng.sample(_COUNTRIES[:4], 2)
    topic, topic2 = rng.sample(_TOPICS, 2)
    city = _city(rng)
    day, month = rng.randint(1, 28), rng.choice(_MONTHS)
    p, c = people, companies
    amount = f"{rng.randint(2, 900)} million US dollars"
    sentences = [
        f"The {event} opened in {city} on {day} {month} {year}, with officials and firms from {country} and {other}.",
        f"{p[0]}, {titles[0]} of {c[0]}, said that {topic} would reshape how small businesses reach customers.",
        f"{c[0]} signed a memorandum of understanding with {c[1]} to develop {topic} services in {country}.",
        f"The {agency} launched the {programme}, which runs until {year + rng.randint(2, 6)}.",
        f"Under the {programme}, {c[1]} will invest {amount} in {topic2} across {country}.",
        f"{p[1]}, {titles[1]} of the {agency}, told reporters the plan would cover every province by {year + 3}.",
        f"Analysts at {c[-1]} expect demand for {topic2} to double within three years.",
        f"{country} and {other} agreed to link their {topic} systems and to share data on cross-border trade.",
        f"The government of {country} will review the rules on {topic} and {topic2} before the end of {year}.",
        f"Participants at the {event} discussed regulation, training and financing for start-ups.",
        f"{c[0]} was founded in {city} in {year - rng.randint(3, 20)} and now employs {rng.randint(50, 9000)} people.",
        f"According to {p[-1]}, {titles[-1]} of {c[-1]}, the partnership is the first of its kind in the region.",
        f"Officials from the {agency} and {c[1]} will meet again in {_city(rng)} in {rng.choice(_MONTHS)}.",
        f"The {programme} is funded by the government of {country} with support from {other}.",
        f"{p[0]} added that {c[0]} hopes to list its shares in {rng.choice(('Bangkok', 'Hanoi', 'Singapore', 'Vientiane'))}.",
        f"Earlier this year, {c[-1]} opened an office in {_city(rng)} to serve customers in {other}.",
        f"The forum closed with a joint statement on {topic} signed by {len(p) + 10} organisations.",
        f"Experts warned that {topic2} projects need stronger rules on privacy and security.",
    ]
    if len(p) > 2:
        sentences.append(f"{p[2]} was appointed {titles[2]} of {c[min(2, len(c) - 1)]} in {month} {year}.")
    if len(p) > 3:
        sentences.append(f"{p[3]}, a {titles[3]} at the {agency}, chaired the session on {topic2}.")
    chosen = [sentences[0], *rng.sample(sentences[1:], k=min(len(sentences) - 1, rng.randint(11, 17)))]
    while sum(len(s.split()) for s in chosen) < 280:
        chosen.append(rng.choice(sentences[1:]))
    paragraphs = [" ".join(chosen[k : k + 3]) for k in range(0, len(chosen), 3)]
    title = f"{c[0]} and {c[1]} team up on {topic} at the {event}"
    return title + "\n\n" + "\n\n".join(paragraphs)


def write_diverse_corpus(folder: Path, n: int, *, seed: int = 7) -> int:
    """Write ``n`` generated articles into ``folder`` (``news_000000.txt`` ...), one at a time (no
    corpus held in memory); return the number of words written."""
    rng, pools = random.Random(seed), Pools(seed)
    words = 0
    for i in range(n):
        text = make_diverse_article(i, rng, pools)
        (folder / f"news_{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words
