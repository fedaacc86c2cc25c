"""Words of Japanese readouts: kinds of meeting, offices, countries, cities and topics.

The tables give the English form the rest of the archive uses (ISO codes, English city
names, the topic names of ``resources/topics.json``) for the Japanese one printed; the
countries, cities and topics are kept in ``resources/words.json``.
"""

from __future__ import annotations

import re

from readout_desk.domain.extract import wordtables

#: Kinds of session as printed, longest first so that ``首脳電話会談`` wins over ``電話会談``.
KINDS = (
    "首脳電話会談", "外相電話会談", "首脳テレビ会議", "外相テレビ会議",
    "ワーキング・ブレックファスト", "ワーキング・ディナー", "ワーキング・ランチ",
    "少人数会合", "全体会合", "首脳会談", "外相会談", "電話会談", "テレビ会議",
    "表敬", "立ち話", "夕食会", "昼食会", "会談",
)
KIND_RE = re.compile("|".join(KINDS))
#: What a page is, printed above a readout's title where a country's page names the
#: country: the ministry's press releases head theirs ``報道発表``. Not a section.
PAGE_HEADINGS = frozenset({"報道発表", "プレスリリース", "お知らせ"})
TELEPHONE_KINDS = ("電話会談",)
VIDEO_KINDS = ("テレビ会議",)

#: Offices of Japan's own officials, longest first.
JAPAN_OFFICES = (
    "内閣総理大臣", "外務大臣政務官", "外務副大臣", "外務大臣", "内閣官房長官", "総理大臣",
)

#: Short Japanese country names, as printed before an office (``ブラジル外務大臣``).
COUNTRIES = wordtables.lookup("japanese_countries")
#: One-character country names, read only right before an office (``米国務長官``).
ONE_CHARACTER_COUNTRIES = wordtables.lookup("japanese_one_character_countries")
#: Countries whose Latin names are printed family name first.
FAMILY_FIRST = frozenset({"CN", "KR", "KP", "TW", "VN", "HK", "MO"})
#: Countries whose people usually carry two family names.
TWO_SURNAMES = frozenset({"MX", "ES", "AR", "CO", "PE", "CL", "EC", "UY", "PY", "BO", "VE",
                          "CU", "GT", "HN", "SV", "NI", "CR", "PA", "DO"})

#: Cities as printed: (English name, country, zone).
CITIES = wordtables.places("japanese_cities")
_CITY_ALTERNATION = "|".join(sorted((re.escape(c) for c in CITIES), key=len, reverse=True))
CITY_RE = re.compile(_CITY_ALTERNATION)

#: Japanese words for the topics of ``resources/topics.json`` (English names).
TOPICS = wordtables.word_lists("japanese_topics")
