"""The fixed query set: 50 queries of the kinds people type, over the synthetic corpus.

Words come from the corpus generator (its stock sentences, its officials and cities,
and its Zipf vocabulary at fixed ranks), so every query has a known selectivity
from "in every article" to "in a handful".
"""

from __future__ import annotations

from benchmarks.corpus import VOCABULARY

_V = VOCABULARY

QUERIES: list[str] = [
    # single words: common to rare, English and vocabulary
    "trade",
    "water",
    "investors",
    "memoranda",
    "corridors",
    "solar",
    "scholarships",
    _V[0],
    _V[10],
    _V[100],
    _V[1000],
    _V[5000],
    _V[15000],
    # prefixes, as typed in the search box
    "tash",
    "kulub",
    "irrig",
    _V[300][:4],
    # several words
    "water astana",
    f"trade {_V[50]}",
    f"{_V[20]} {_V[200]} {_V[2000]}",
    "green energy bishkek",
    # phrases
    '"rail freight"',
    '"joint statement"',
    '"the parties agreed"',
    '"cultural heritage route"',
    f'"{_V[0]} {_V[1]}"',
    '"foreign affairs"',
    # exclusions
    "water -irrigation",
    'trade -"customs procedures"',
    f"{_V[30]} -{_V[31]}",
    # filters
    "outlet:Daryo",
    'outlet:"Astana Times"',
    "country:Kyrgyzstan",
    "since:2024",
    "until:2019-06",
    'since:"May 2023" until:2023-12',
    "official:Nurtleu",
    "person:Kulubaev",
    # filters with words
    "water country:Tajikistan",
    "trade outlet:Xinhua since:2022",
    f"{_V[100]} since:2021",
    "tourism official:Saidov",
    # names
    "Kulubayev",
    "Nurtleu",
    '"Wang Yi"',
    "Meredov Saidov",
    "Sirodjiddin Mukhriddin",
    "Wang Yi Bakayev",
    # places
    "Samarkand",
    "Xi’an",
]
assert len(QUERIES) == 50, len(QUERIES)

# Typed letter by letter into the TUI's search box (each prefix is one keystroke's search).
TYPED: list[str] = ["kulubayev", "water astana", '"rail freight"', _V[1000]]

# Run through the CLI as whole processes (a spread of selectivities).
CLI_QUERIES: list[str] = ["Kulubayev", '"rail freight"', _V[1000], "water country:Tajikistan", "outlet:Daryo"]
