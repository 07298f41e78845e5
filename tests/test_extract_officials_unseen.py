"""Officials in the styles of outlets the extractor was not written for (issue 14).

Sentences written for these tests in those outlets' styles; events fictional.
"""

from __future__ import annotations

from tui.extract import extract_article, merge


def _article(*paras: str, published: str | None = "2025-11-20", outlet: str | None = None,
             url: str | None = None, article_id: str = "t") -> dict:
    return {"id": article_id, "published": published, "outlet": outlet, "url": url,
            "paragraphs": [{"n": i, "kind": "para", "text": t} for i, t in enumerate(paras, 1)]}


def _facts(*paras: str, **kw) -> dict:
    return extract_article(_article(*paras, **kw))


def _officials(*paras: str, **kw) -> list[tuple[str, str | None, list[str]]]:
    return [(o["name"], o["country"], o["titles"]) for o in _facts(*paras, **kw)["officials"]]


# --- titles by reference ---------------------------------------------------------------------

def test_a_title_said_by_reference_goes_to_the_one_person_it_fits() -> None:
    facts = _facts(
        "BISHKEK – The President of Kyrgyzstan today launched the construction of the railway in Makmal.",
        "Sadyr Japarov and Chinese Ambassador Liu Jiangping pressed the button.",
        published="2024-12-27",
    )
    got = [(o["name"], o["country"], o["titles"]) for o in facts["officials"]]
    assert got == [("Sadyr Japarov", "Kyrgyzstan", ["President"]), ("Liu Jiangping", "China", ["Ambassador"])]
    japarov = facts["officials"][0]
    assert [m["text"] for m in japarov["mentions"]] == ["President of Kyrgyzstan", "Sadyr Japarov"]
    assert japarov["mentions"][0]["reference"] is True
    # the person said by reference takes part in that sentence's event
    assert [(e["date"], e["participants"]) for e in facts["events"]] == [("2024-12-27", ["Sadyr Japarov"])]


def test_a_reference_by_nationality_and_the_whos_who() -> None:
    assert _officials(
        "Murat Nurtleu and Wang Yi held a telephone conversation on Saturday.",
        "The Kazakh Foreign Minister said that the ceremony will take place in Beijing in March.",
        published="2025-01-12",
    ) == [("Murat Nurtleu", "Kazakhstan", ["Foreign Minister"]), ("Wang Yi", "China", [])]


def test_the_leader_is_the_one_president_of_that_country() -> None:
    facts = _facts(
        "Uzbek President Shavkat Mirziyoyev will attend the summit.",
        "The Uzbek leader visited Kazakhstan from 16 to 17 June, when he and Kassym-Jomart Tokayev opened a forum.",
        published="2024-06-28",
    )
    assert [(o["name"], o["titles"]) for o in facts["officials"]] == [
        ("Shavkat Mirziyoyev", ["President"]), ("Kassym-Jomart Tokayev", []),
    ]
    visit = next(e for e in facts["events"] if e["date"] == "2024-06-16")
    assert visit["participants"] == ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"]


def test_a_reference_that_fits_several_people_goes_to_nobody() -> None:
    facts = _facts(
        "Kazakh Minister of Energy Almasadam Satkaliyev and Kazakh Minister of Industry Kanat Sharlapayev met "
        "Chinese investors on May 5.",
        "The Kazakh minister said the plant would open in 2026.",
        "The Kazakh Foreign Minister said the talks went well.",
        published="2024-05-06",
    )
    assert [(o["name"], o["titles"]) for o in facts["officials"]] == [
        ("Almasadam Satkaliyev", ["Minister of Energy"]), ("Kanat Sharlapayev", ["Minister of Industry"]),
    ]
    assert not any(m.get("reference") for o in facts["officials"] for m in o["mentions"])


# --- titles between dashes, in brackets, in lists ------------------------------------------------

def test_titles_between_dashes() -> None:
    assert _officials(
        "Wang Yi — member of the Political Bureau of the CPC Central Committee and Minister of Foreign Affairs of "
        "the People's Republic of China — is paying an official visit to Kazakhstan.",
    ) == [("Wang Yi", "China", ["Member of the Political Bureau of the CPC Central Committee",
                                "Minister of Foreign Affairs"])]
    assert _officials(
        "The Chinese side was represented by: Wang Wentao – Minister of Commerce; Zhao Chenxin – Deputy Head of "
        "the National Development and Reform Commission.",
    ) == [("Wang Wentao", "China", ["Minister of Commerce"]),
          ("Zhao Chenxin", "China", ["Deputy Head of the National Development and Reform Commission"])]


def test_a_word_ending_a_name_of_something_is_no_person_between_dashes() -> None:
    assert _officials("Founder of Peace and National Unity – Leader of the Nation, President of the Republic of "
                      "Tajikistan Emomali Rahmon arrived.") == [("Emomali Rahmon", "Tajikistan", ["President"])]


def test_long_titles_keep_their_brackets_and_chains() -> None:
    assert _officials(
        "Director of the Office of the Foreign Affairs Commission of the Communist Party of China (CPC) Wang Yi "
        "met the guests.",
    ) == [("Wang Yi", "China", ["Director of the Office of the Foreign Affairs Commission of the Communist Party "
                                "of China (CPC)"])]
    assert _officials(
        "Minister of Ecology, Environmental Protection and Climate Change of Uzbekistan Aziz Abdukhakimov spoke.",
    ) == [("Aziz Abdukhakimov", "Uzbekistan", ["Minister of Ecology, Environmental Protection and Climate Change"])]
    # the list ends with its last portfolio: the name after it is the person's
    assert _officials("Deputy Minister of Investment, Industry and Trade Laziz Kudratov will open the forum.") == [
        ("Laziz Kudratov", None, ["Deputy Minister of Investment, Industry and Trade"]),
    ]


def test_lists_pair_offices_and_names_apart() -> None:
    pairs = _officials("Nurtleu held talks with the foreign ministers of Pakistan and Belarus – Dar and Aleynik.")
    assert pairs[1:] == [
        ("Dar", "Pakistan", ["Foreign Minister"]), ("Aleynik", "Belarus", ["Foreign Minister"]),
    ]
    assert _officials(
        "Culture ministers Ozodbek Nazarbekov, Aida Balayeva and Altynbek Maksutov of Uzbekistan, Kazakhstan and "
        "Kyrgyzstan respectively met in Tashkent.",
    ) == [("Ozodbek Nazarbekov", "Uzbekistan", ["Culture Minister"]),
          ("Aida Balayeva", "Kazakhstan", ["Culture Minister"]),
          ("Altynbek Maksutov", "Kyrgyzstan", ["Culture Minister"])]
    assert _officials(
        "The meeting was attended by the ministers of transport of Kazakhstan and Kyrgyzstan – Marat Karabayev and "
        "Tilek Tekebaev.",
    ) == [("Marat Karabayev", "Kazakhstan", ["Minister of Transport"]),
          ("Tilek Tekebaev", "Kyrgyzstan", ["Minister of Transport"])]
    # a plural title before the names is each one's, and no list member's alone
    assert _officials("Deputy Foreign Ministers Alibek Bakayev and Sun Weidong co-chaired the consultations.") == [
        ("Alibek Bakayev", "Kazakhstan", ["Deputy Foreign Minister"]),
        ("Sun Weidong", "China", ["Deputy Foreign Minister"]),
    ]
    # a head ending in a vowel and "y" is plural with an "s": "Special Envoys", not "Envoies"
    assert _officials("Special Envoys Alibek Bakayev and Sun Weidong co-chaired the consultations.") == [
        ("Alibek Bakayev", "Kazakhstan", ["Special Envoy"]),
        ("Sun Weidong", "China", ["Special Envoy"]),
    ]
    # counts that disagree pair nothing
    assert _officials("The foreign ministers of Pakistan, Iran and Belarus – Dar and Aleynik – met.") == []


# --- what decides the country, what is no title, who is no official ---------------------------------

def test_nationality_organisation_and_posting_decide_the_country() -> None:
    assert _officials(
        "China's Minister of Ecology Huang Runqiu met CNPC chairman Dai Houliang and Ambassador of the PRC to "
        "Kazakhstan Han Chunlin.",
    ) == [("Huang Runqiu", "China", ["Minister of Ecology"]), ("Dai Houliang", "China", ["CNPC Chairman"]),
          ("Han Chunlin", "China", ["Ambassador to Kazakhstan"])]


def test_datelines_and_outlet_names_never_leak_into_titles() -> None:
    assert _officials("ASTANA. KAZINFORM Chinese State Councilor Shen Yiqin arrived in Astana on Thursday.") == [
        ("Shen Yiqin", "China", ["State Councilor"]),
    ]
    assert _officials("As KAZINFORM reports, Chinese State Councilor Shen Yiqin arrived.") == [
        ("Shen Yiqin", "China", ["State Councilor"]),
    ]


def test_occupations_are_no_names_and_their_holders_no_officials() -> None:
    assert _officials("Engineer of Chinese Railways Ju Guojiang presented the design to Minister of Transport "
                      "and Communications Tilek Tekebaev.") == [
        ("Tilek Tekebaev", None, ["Minister of Transport and Communications"]),
    ]
    assert _officials("Chief Engineer of China Railway Ju Guojiang spoke.") == []
    assert _officials("Professor Zhang Wei of Xinjiang University, an expert on corridors, spoke.") == []


def test_officers_of_associations_hold_no_public_office() -> None:
    assert _officials("Secretary of the Kyrgyz Association of Road Carriers Almaz Sydykov said the queues grew.",
                      "Deputy Minister of Transport Nurlan Abdrakhmanov agreed.") == [
        ("Nurlan Abdrakhmanov", None, ["Deputy Minister of Transport"]),
    ]


# --- the article's spelling and the canonical name ------------------------------------------------

def test_each_article_keeps_its_spelling_and_the_person_one_name() -> None:
    a = _facts("Kazakh Foreign Minister Murat Nurtleu met his Kyrgyz counterpart Zheenbek Kulubaev.",
               article_id="a", published="2024-10-18")
    b = _facts("Kyrgyz Foreign Minister Jeenbek Kulubayev received the Chinese envoy.", article_id="b",
               published="2024-10-19")
    kul_a = next(o for o in a["officials"] if o["country"] == "Kyrgyzstan")
    assert (kul_a["name"], kul_a["aliases"]) == ("Jeenbek Kulubayev", ["Zheenbek Kulubaev"])
    assert [m["text"] for m in kul_a["mentions"]] == ["Zheenbek Kulubaev"]
    officials, _ = merge([("a", a), ("b", b)])
    kul = next(o for o in officials if o["id"] == "jeenbek-kulubayev")
    assert kul["aliases"] == ["Zheenbek Kulubaev"]
    assert [(m["article_id"], m["text"]) for m in kul["mentions"]] == [("a", "Zheenbek Kulubaev"),
                                                                       ("b", "Jeenbek Kulubayev")]
