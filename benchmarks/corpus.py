"""Deterministic synthetic corpora: realistic source files, written by us, seeded.

Each article has front matter, a 3–4 KB body with headings, officials named in
the styles extraction handles, and dates in several forms. Besides a handful of
stock sentences, bodies draw words from a 20,000-word vocabulary with Zipf-like
frequencies, so a search index sees a realistic long tail (a few words in every
article, most words in a handful). The same seed and count always give the same
files.
"""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from pathlib import Path

OUTLETS = [
    ("Kazinform", "kazinform.example"),
    ("The Astana Times", "astanatimes.example"),
    ("Trend", "trend.example"),
    ("24.kg", "24kg.example"),
    ("News Central Asia", "nca.example"),
    ("Xinhua", "xinhua.example"),
    ("Daryo", "daryo.example"),
    ("Steppe Gazette", "gazette.example"),
]

# (name, country, title) — people from public life; the sentences are ours.
OFFICIALS = [
    ("Wang Yi", "China", "Minister of Foreign Affairs"),
    ("Sun Weidong", "China", "Deputy Foreign Minister"),
    ("Murat Nurtleu", "Kazakhstan", "Minister of Foreign Affairs"),
    ("Alibek Bakayev", "Kazakhstan", "Deputy Foreign Minister"),
    ("Jeenbek Kulubayev", "Kyrgyzstan", "Minister of Foreign Affairs"),
    ("Sirodjiddin Mukhriddin", "Tajikistan", "Minister of Foreign Affairs"),
    ("Rashid Meredov", "Turkmenistan", "Minister of Foreign Affairs"),
    ("Bakhtiyor Saidov", "Uzbekistan", "Minister of Foreign Affairs"),
]
DEMONYM = {
    "China": "Chinese",
    "Kazakhstan": "Kazakh",
    "Kyrgyzstan": "Kyrgyz",
    "Tajikistan": "Tajik",
    "Turkmenistan": "Turkmen",
    "Uzbekistan": "Uzbek",
}
CITIES = ["Astana", "Almaty", "Bishkek", "Dushanbe", "Ashgabat", "Tashkent", "Samarkand", "Xi’an", "Beijing"]
TOPICS = [
    ("transport corridors", "rail freight", "the new border crossing"),
    ("water management", "irrigation canals", "the shared river basin"),
    ("green energy", "solar parks", "the regional power grid"),
    ("trade facilitation", "customs procedures", "the cross-border trade zone"),
    ("education exchanges", "university scholarships", "the joint research centre"),
    ("digital connectivity", "fibre-optic links", "the data centre project"),
    ("agriculture", "grain exports", "the food security programme"),
    ("tourism", "visa-free travel", "the cultural heritage route"),
]
HEADINGS = ["Background", "Key outcomes", "Next steps", "Regional context", "Economic ties", "Reactions"]
FILLER = [
    "Officials described the talks as constructive and forward-looking.",
    "Both sides underlined the importance of predictable rules for investors.",
    "Experts note that the volume of mutual trade has grown steadily in recent years.",
    "The parties agreed to keep in close contact through their embassies.",
    "A joint statement adopted at the end of the meeting lists the agreed priorities.",
    "Business associations from the region took part in a parallel forum.",
    "The delegations also exchanged views on the situation in neighbouring regions.",
    "Several memoranda on technical cooperation were prepared for signature.",
    "Observers expect the working groups to report on their progress by the end of the year.",
    "The ministry said the consultations would continue at the level of experts.",
]


VOCABULARY_SIZE = 20_000
ZIPF_EXPONENT = 1.07
_ONSETS = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "kh", "zh", "ts"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou"]
_CODAS = ["", "", "n", "r", "s", "t", "l", "m"]


def vocabulary(size: int = VOCABULARY_SIZE) -> list[str]:
    """Lower-case pseudo-words, most frequent first; fixed (seed-independent) and unique."""
    rng = random.Random(20240331)
    syllables = [o + v + c for o, v, c in itertools.product(_ONSETS, _VOWELS, _CODAS)]
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        # Frequent words are short, as in natural language.
        n = 1 + (len(words) > 300) + (len(words) > 4000) + (rng.random() < 0.3)
        word = "".join(rng.choice(syllables) for _ in range(n))
        if len(word) >= 3 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


VOCABULARY = vocabulary()
_ZIPF_WEIGHTS = list(itertools.accumulate(1 / (rank**ZIPF_EXPONENT) for rank in range(1, VOCABULARY_SIZE + 1)))


def zipf_sentence(rng: random.Random) -> str:
    """A sentence of vocabulary words drawn with Zipf-like frequencies."""
    words = rng.choices(VOCABULARY, cum_weights=_ZIPF_WEIGHTS, k=rng.randint(8, 16))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def surname(person: tuple[str, str, str]) -> str:
    """Chinese names put the family name first."""
    name, country, _ = person
    return name.split()[0] if country == "China" else name.split()[-1]


def _mention(rng: random.Random, person: tuple[str, str, str]) -> str:
    name, country, title = person
    style = rng.randrange(4)
    if style == 0:
        return f"{name}, {title} of {country},"
    if style == 1:
        return f"{title} of {country} {name}"
    if style == 2:
        return f"{DEMONYM[country]} {title} {name}"
    return f"{country}'s {title} {name}"


def make_article(rng: random.Random, index: int) -> tuple[str, str]:
    """One source file: (file name, text)."""
    outlet, host = rng.choice(OUTLETS)
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 2500))
    a, b = rng.sample(OFFICIALS, 2)
    topic, detail, project = rng.choice(TOPICS)
    city = rng.choice(CITIES)
    event_day = published - timedelta(days=rng.randrange(0, 4))
    title = f"{surname(a)} and {surname(b)} discuss {topic} in {city} ({index})"
    paras = [
        f"{_mention(rng, a)} met {_mention(rng, b).rstrip(',')} in {city} on {event_day:%B} {event_day.day}, {event_day.year}, "
        f"to discuss {topic} and {detail}.",
        f"The sides reviewed progress on {project} launched in {published.year - 1}.",
    ]
    heads = rng.sample(HEADINGS, 3)
    for h in heads:
        paras.append(h)
        for _ in range(rng.randint(3, 4)):
            sentences = rng.sample(FILLER, rng.randint(1, 2)) + [zipf_sentence(rng) for _ in range(rng.randint(1, 3))]
            rng.shuffle(sentences)
            paras.append(" ".join(sentences))
        paras.append(
            f"According to {surname(a)}, the next round on {detail} is planned for "
            f"{(published + timedelta(days=rng.randrange(30, 200))):%B %Y}."
        )
    body = "\n".join(paras)
    front = (
        "---\n"
        f'title: "{title}"\n'
        f"outlet: {outlet}\n"
        f"url: https://{host}/{published:%Y/%m/%d}/article-{index}\n"
        f"published: {published.isoformat()}\n"
        "language: en\n"
        "---\n"
    )
    return f"article-{index:06d}.txt", front + body + "\n"


def write_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` articles into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        name, text = make_article(rng, i)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# Bump when the generator changes, so cached corpora are rebuilt.
GENERATOR_VERSION = 2


def cached_corpus(root: Path, count: int, seed: int = 1) -> Path:
    """A folder holding ``write_corpus(count, seed)``, written once and reused."""
    folder = root / f"v{GENERATOR_VERSION}-n{count}-s{seed}"
    done = folder / ".complete"
    if not done.exists():
        for old in folder.glob("*.txt"):
            old.unlink()
        write_corpus(folder, count, seed)
        done.write_text("ok\n", encoding="utf-8")
    return folder
