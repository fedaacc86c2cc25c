"""Words of Japanese readouts: kinds of meeting, offices, countries, cities and topics.

The tables give the English form the rest of the archive uses (ISO codes, English city
names, the topic names of ``resources/topics.json``) for the Japanese one printed.
"""

from __future__ import annotations

import re

#: Kinds of session as printed, longest first so that ``首脳電話会談`` wins over ``電話会談``.
KINDS = (
    "首脳電話会談", "外相電話会談", "首脳テレビ会議", "外相テレビ会議",
    "ワーキング・ブレックファスト", "ワーキング・ディナー", "ワーキング・ランチ",
    "少人数会合", "全体会合", "首脳会談", "外相会談", "電話会談", "テレビ会議",
    "表敬", "立ち話", "夕食会", "昼食会", "会談",
)
KIND_RE = re.compile("|".join(KINDS))
TELEPHONE_KINDS = ("電話会談",)
VIDEO_KINDS = ("テレビ会議",)

#: Offices of Japan's own officials, longest first.
JAPAN_OFFICES = (
    "内閣総理大臣", "外務大臣政務官", "外務副大臣", "外務大臣", "内閣官房長官", "総理大臣",
)

#: Short Japanese country names, as printed before an office (``ブラジル外務大臣``).
COUNTRIES: dict[str, str] = {
    "米国": "US", "アメリカ": "US", "英国": "GB", "イギリス": "GB", "豪州": "AU",
    "オーストラリア": "AU", "中国": "CN", "韓国": "KR", "北朝鮮": "KP", "台湾": "TW",
    "ロシア": "RU", "ドイツ": "DE", "フランス": "FR", "イタリア": "IT", "カナダ": "CA",
    "インド": "IN", "インドネシア": "ID", "フィリピン": "PH", "ベトナム": "VN", "タイ": "TH",
    "マレーシア": "MY", "シンガポール": "SG", "カンボジア": "KH", "ラオス": "LA",
    "ミャンマー": "MM", "ブルネイ": "BN", "モンゴル": "MN", "カザフスタン": "KZ",
    "ウズベキスタン": "UZ", "パキスタン": "PK", "バングラデシュ": "BD", "スリランカ": "LK",
    "ネパール": "NP", "ブラジル": "BR", "メキシコ": "MX", "アルゼンチン": "AR", "ペルー": "PE",
    "チリ": "CL", "コロンビア": "CO", "エクアドル": "EC", "ウルグアイ": "UY",
    "パラグアイ": "PY", "ボリビア": "BO", "ベネズエラ": "VE", "キューバ": "CU",
    "スペイン": "ES", "ポルトガル": "PT", "オランダ": "NL", "ベルギー": "BE",
    "ルクセンブルク": "LU", "スイス": "CH", "オーストリア": "AT", "ポーランド": "PL",
    "チェコ": "CZ", "スロバキア": "SK", "ハンガリー": "HU", "ルーマニア": "RO",
    "ブルガリア": "BG", "ギリシャ": "GR", "トルコ": "TR", "テュルキエ": "TR", "ウクライナ": "UA",
    "デンマーク": "DK", "スウェーデン": "SE", "ノルウェー": "NO", "フィンランド": "FI",
    "アイスランド": "IS", "アイルランド": "IE", "エストニア": "EE", "ラトビア": "LV",
    "リトアニア": "LT", "イラン": "IR", "イラク": "IQ", "イスラエル": "IL",
    "サウジアラビア": "SA", "アラブ首長国連邦": "AE", "ＵＡＥ": "AE", "カタール": "QA",
    "ヨルダン": "JO", "エジプト": "EG", "南アフリカ": "ZA", "ケニア": "KE",
    "ナイジェリア": "NG", "エチオピア": "ET", "ガーナ": "GH", "モロッコ": "MA",
    "ニュージーランド": "NZ", "パラオ": "PW", "フィジー": "FJ", "ツバル": "TV",
    "トンガ": "TO", "サモア": "WS", "パプアニューギニア": "PG", "ソロモン": "SB",
    "バヌアツ": "VU", "キリバス": "KI", "マーシャル": "MH", "ミクロネシア": "FM",
    "ナウル": "NR", "日本": "JP",
}
#: One-character country names, read only right before an office (``米国務長官``).
ONE_CHARACTER_COUNTRIES: dict[str, str] = {
    "米": "US", "英": "GB", "豪": "AU", "独": "DE", "仏": "FR", "露": "RU", "印": "IN",
    "加": "CA", "伊": "IT", "韓": "KR",
}
#: Countries whose Latin names are printed family name first.
FAMILY_FIRST = frozenset({"CN", "KR", "KP", "TW", "VN", "HK", "MO"})
#: Countries whose people usually carry two family names.
TWO_SURNAMES = frozenset({"MX", "ES", "AR", "CO", "PE", "CL", "EC", "UY", "PY", "BO", "VE",
                          "CU", "GT", "HN", "SV", "NI", "CR", "PA", "DO"})

#: Cities as printed: (English name, country, zone).
CITIES: dict[str, tuple[str, str, str]] = {
    "東京": ("Tokyo", "JP", "Asia/Tokyo"), "ブラジリア": ("Brasília", "BR", "America/Sao_Paulo"),
    "サンパウロ": ("São Paulo", "BR", "America/Sao_Paulo"),
    "マニラ": ("Manila", "PH", "Asia/Manila"), "キャンベラ": ("Canberra", "AU", "Australia/Sydney"),
    "シドニー": ("Sydney", "AU", "Australia/Sydney"),
    "メルボルン": ("Melbourne", "AU", "Australia/Melbourne"),
    "ニューヨーク": ("New York", "US", "America/New_York"),
    "ワシントンD.C.": ("Washington", "US", "America/New_York"),
    "ワシントンＤ．Ｃ．": ("Washington", "US", "America/New_York"),
    "ワシントン": ("Washington", "US", "America/New_York"),
    "ジャカルタ": ("Jakarta", "ID", "Asia/Jakarta"), "ベルリン": ("Berlin", "DE", "Europe/Berlin"),
    "パリ": ("Paris", "FR", "Europe/Paris"),
    "ウェリントン": ("Wellington", "NZ", "Pacific/Auckland"),
    "北京": ("Beijing", "CN", "Asia/Shanghai"), "上海": ("Shanghai", "CN", "Asia/Shanghai"),
    "ソウル": ("Seoul", "KR", "Asia/Seoul"), "ロンドン": ("London", "GB", "Europe/London"),
    "ローマ": ("Rome", "IT", "Europe/Rome"), "オタワ": ("Ottawa", "CA", "America/Toronto"),
    "ニューデリー": ("New Delhi", "IN", "Asia/Kolkata"), "デリー": ("Delhi", "IN", "Asia/Kolkata"),
    "ハノイ": ("Hanoi", "VN", "Asia/Bangkok"), "バンコク": ("Bangkok", "TH", "Asia/Bangkok"),
    "クアラルンプール": ("Kuala Lumpur", "MY", "Asia/Kuala_Lumpur"),
    "シンガポール": ("Singapore", "SG", "Asia/Singapore"),
    "プノンペン": ("Phnom Penh", "KH", "Asia/Phnom_Penh"),
    "ビエンチャン": ("Vientiane", "LA", "Asia/Vientiane"),
    "ウランバートル": ("Ulaanbaatar", "MN", "Asia/Ulaanbaatar"),
    "アスタナ": ("Astana", "KZ", "Asia/Almaty"),
    "メキシコシティ": ("Mexico City", "MX", "America/Mexico_City"),
    "メキシコ市": ("Mexico City", "MX", "America/Mexico_City"),
    "ブエノスアイレス": ("Buenos Aires", "AR", "America/Argentina/Buenos_Aires"),
    "リマ": ("Lima", "PE", "America/Lima"), "サンティアゴ": ("Santiago", "CL", "America/Santiago"),
    "ボゴタ": ("Bogotá", "CO", "America/Bogota"), "マドリード": ("Madrid", "ES", "Europe/Madrid"),
    "リスボン": ("Lisbon", "PT", "Europe/Lisbon"),
    "ブリュッセル": ("Brussels", "BE", "Europe/Brussels"),
    "ハーグ": ("The Hague", "NL", "Europe/Amsterdam"),
    "アムステルダム": ("Amsterdam", "NL", "Europe/Amsterdam"),
    "ジュネーブ": ("Geneva", "CH", "Europe/Zurich"), "ウィーン": ("Vienna", "AT", "Europe/Vienna"),
    "ワルシャワ": ("Warsaw", "PL", "Europe/Warsaw"), "プラハ": ("Prague", "CZ", "Europe/Prague"),
    "ブダペスト": ("Budapest", "HU", "Europe/Budapest"),
    "アテネ": ("Athens", "GR", "Europe/Athens"), "アンカラ": ("Ankara", "TR", "Europe/Istanbul"),
    "イスタンブール": ("Istanbul", "TR", "Europe/Istanbul"),
    "キーウ": ("Kyiv", "UA", "Europe/Kyiv"),
    "コペンハーゲン": ("Copenhagen", "DK", "Europe/Copenhagen"),
    "ストックホルム": ("Stockholm", "SE", "Europe/Stockholm"),
    "オスロ": ("Oslo", "NO", "Europe/Oslo"), "ヘルシンキ": ("Helsinki", "FI", "Europe/Helsinki"),
    "テヘラン": ("Tehran", "IR", "Asia/Tehran"), "リヤド": ("Riyadh", "SA", "Asia/Riyadh"),
    "アブダビ": ("Abu Dhabi", "AE", "Asia/Dubai"), "ドバイ": ("Dubai", "AE", "Asia/Dubai"),
    "ドーハ": ("Doha", "QA", "Asia/Qatar"), "カイロ": ("Cairo", "EG", "Africa/Cairo"),
    "シャルム・エル・シェイク": ("Sharm El-Sheikh", "EG", "Africa/Cairo"),
    "シャルム・エル・シェイフ": ("Sharm El-Sheikh", "EG", "Africa/Cairo"),
    "ヨハネスブルグ": ("Johannesburg", "ZA", "Africa/Johannesburg"),
    "ヨハネスブルク": ("Johannesburg", "ZA", "Africa/Johannesburg"),
    "ナイロビ": ("Nairobi", "KE", "Africa/Nairobi"), "コロール": ("Koror", "PW", "Pacific/Palau"),
    "スバ": ("Suva", "FJ", "Pacific/Fiji"), "ホノルル": ("Honolulu", "US", "Pacific/Honolulu"),
    "ロサンゼルス": ("Los Angeles", "US", "America/Los_Angeles"),
    "サンフランシスコ": ("San Francisco", "US", "America/Los_Angeles"),
    "トロント": ("Toronto", "CA", "America/Toronto"), "モスクワ": ("Moscow", "RU", "Europe/Moscow"),
    "台北": ("Taipei", "TW", "Asia/Taipei"), "香港": ("Hong Kong", "HK", "Asia/Hong_Kong"),
    "大阪": ("Osaka", "JP", "Asia/Tokyo"), "広島": ("Hiroshima", "JP", "Asia/Tokyo"),
}
_CITY_ALTERNATION = "|".join(sorted((re.escape(c) for c in CITIES), key=len, reverse=True))
CITY_RE = re.compile(_CITY_ALTERNATION)

#: Japanese words for the topics of ``resources/topics.json`` (English names).
TOPICS: dict[str, tuple[str, ...]] = {
    "CPTPP": ("CPTPP", "ＣＰＴＰＰ", "環太平洋パートナーシップ"),
    "Quad": ("日米豪印", "クアッド"),
    "G7": ("Ｇ７", "G7"), "G20": ("Ｇ２０", "G20"), "ASEAN": ("ＡＳＥＡＮ", "ASEAN"),
    "Africa": ("アフリカ",), "Arctic": ("北極",),
    "Climate change": ("気候変動",), "Critical minerals": ("重要鉱物",),
    "Defence cooperation": ("防衛協力", "防衛装備"), "Disaster risk reduction": ("防災",),
    "East China Sea": ("東シナ海",), "South China Sea": ("南シナ海",),
    "Economic security": ("経済安全保障",), "Energy security": ("エネルギー安全保障",),
    "High-speed rail": ("高速鉄道",), "Hydrogen": ("水素",),
    "Free and Open Indo-Pacific": ("自由で開かれたインド太平洋",),
    "Indo-Pacific": ("インド太平洋",), "Infrastructure": ("インフラ",),
    "Maritime security": ("海洋安全保障",), "Middle East": ("中東",), "Myanmar": ("ミャンマー",),
    "North Korea": ("北朝鮮",), "Abductions issue": ("拉致問題",),
    "Nuclear and missile development": ("核・ミサイル",),
    "Nuclear energy": ("原子力",), "Offshore wind": ("洋上風力",),
    "Pacific Islands": ("太平洋島嶼国",),
    "People-to-people exchanges": ("人的交流", "人的往来", "人の往来"),
    "Semiconductors": ("半導体",), "Trade and investment": ("貿易・投資",),
    "UN Security Council reform": ("安保理改革",), "Ukraine": ("ウクライナ",),
    "Russia": ("ロシア",), "Gaza": ("ガザ",), "Israel": ("イスラエル",), "Iran": ("イラン",),
    "Taiwan Strait": ("台湾海峡",), "Afghanistan": ("アフガニスタン",), "Syria": ("シリア",),
    "Clean energy": ("クリーンエネルギー",), "Supply chains": ("サプライチェーン",),
    "Cybersecurity": ("サイバー",), "Artificial intelligence": ("ＡＩ", "人工知能"),
    "Space": ("宇宙",), "Nuclear disarmament": ("核軍縮",), "Rule of law": ("法の支配",),
    "Development cooperation": ("開発協力", "ＯＤＡ"), "Humanitarian assistance": ("人道支援",),
    "Food security": ("食料安全保障",), "Global health": ("保健",),
    "Human rights": ("人権",), "Counter-terrorism": ("テロ対策",),
    "Science and technology": ("科学技術",), "Digital": ("デジタル",),
    "Tax treaty": ("租税条約",), "Osaka-Kansai Expo": ("大阪・関西万博",),
    "Latin America and the Caribbean": ("中南米",), "Venezuela": ("ベネズエラ",),
    "Sudan": ("スーダン",), "Haiti": ("ハイチ",), "Migration": ("移民",),
}
