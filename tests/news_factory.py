"""Made-up news articles about China–Vietnam relations, deterministic from a seed.

``generate(n, seed)`` returns ``n`` pairs (file name, text) of 3–8k characters each:
a few boilerplate lines, a headline, a byline, a dateline, then paragraphs with
recurring leaders (written with and without diacritics, by full name and by title
and short form), invented long-tail people, figures with units and periods, direct
and reported quotes, agreements and dated meetings, and some boilerplate at the end.
The same (n, seed) always gives the same articles (tests and bench/ rely on it);
article ``i`` depends only on (seed, i), so ``generate(50, s)[:10] == generate(10, s)``.
Nothing here is a real event: the facts are invented.
"""

from __future__ import annotations

import random

# Leaders the bundled gazetteer knows: (full name variants, title + short form variants)
LEADERS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("Xi Jinping", "习近平"), ("President Xi", "Chinese President Xi Jinping", "Xi")),
    (("To Lam", "Tô Lâm"), ("General Secretary To Lam", "General Secretary Tô Lâm", "Lam")),
    (("Pham Minh Chinh", "Phạm Minh Chính"), ("Prime Minister Pham Minh Chinh", "Vietnamese Prime Minister Phạm Minh Chính", "Chinh")),
    (("Li Qiang",), ("Chinese Premier Li Qiang", "Premier Li")),
    (("Wang Yi",), ("Chinese Foreign Minister Wang Yi", "Foreign Minister Wang")),
    (("Luong Cuong", "Lương Cường"), ("Vietnamese President Luong Cuong", "President Lương Cường")),
    (("Bui Thanh Son", "Bùi Thanh Sơn"), ("Foreign Minister Bui Thanh Son", "Deputy Prime Minister Bùi Thanh Sơn")),
]

VN_FAMILY = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly"]
VN_FAMILY_D = {"Nguyen": "Nguyễn", "Tran": "Trần", "Le": "Lê", "Pham": "Phạm", "Hoang": "Hoàng", "Vu": "Vũ",
               "Dang": "Đặng", "Bui": "Bùi", "Do": "Đỗ", "Ngo": "Ngô", "Duong": "Dương", "Ly": "Lý"}
VN_MIDDLE = ["Van", "Thi", "Duc", "Minh", "Quang", "Hong", "Thanh", "Ngoc"]
VN_GIVEN = ["Hai", "Lan", "Tuan", "Huong", "Khoa", "Mai", "Phong", "Trang", "Dung", "Hieu", "Linh", "Son",
            "Thao", "Vinh", "Yen", "Bao", "Cuong", "Giang", "Nhung", "Quan"]
CN_FAMILY = ["Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Hu", "Guo", "Lin"]
CN_GIVEN = ["Wei", "Fang", "Lei", "Jun", "Yan", "Tao", "Ming", "Jie", "Hui", "Peng", "Xiaoling", "Haoran",
            "Zhiqiang", "Yuting", "Jianguo", "Meiling"]
ROLES = ["an economist at the Institute of Regional Studies", "a trader in Lang Son province",
         "director of the provincial trade department", "a researcher at Hanoi University of Industry",
         "deputy head of the border gate management board", "a logistics manager in Nanning",
         "chairman of the Vietnam Fruit and Vegetable Association", "a senior analyst at a Singapore bank",
         "a spokesperson for the Ministry of Industry and Trade", "a professor of international relations"]

CITIES = [("HANOI", "Hanoi"), ("BEIJING", "Beijing"), ("HO CHI MINH CITY", "Ho Chi Minh City"),
          ("NANNING", "Nanning"), ("KUNMING", "Kunming"), ("HAI PHONG", "Hai Phong"), ("LANG SON", "Lang Son")]
AGENCIES = ["Northern Wire", "Mekong Times", "Asia Ledger", "Red River Post", "Coastline News Agency", "The Delta Herald"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MEASURES = [
    ("Bilateral trade", "billion", "USD", (80, 260)),
    ("Vietnam's exports to China", "billion", "USD", (40, 70)),
    ("Chinese investment in Vietnam", "billion", "USD", (2, 30)),
    ("Durian exports to China", "million", "USD", (300, 3500)),
    ("Cross-border rail freight", "million", "tons", (1, 12)),
    ("Chinese tourist arrivals in Vietnam", "million", "people", (1, 6)),
]
TOPICS = ["railway connectivity", "digital economy", "green development", "customs cooperation",
          "agricultural trade", "border infrastructure", "health care", "education and training",
          "the standard-gauge railway", "cross-border payments", "satellite remote sensing", "water resources"]
AGREEMENT_FORMS = ["memorandum of understanding on {topic}", "agreement on {topic}", "cooperation plan on {topic}",
                   "framework agreement on {topic}"]
FILLER = [
    "Analysts said the figures reflected a broader shift in regional supply chains as manufacturers moved "
    "assembly lines closer to growing consumer markets.",
    "Officials on both sides have described the relationship as one of \"comrades and brothers\", a phrase "
    "that dates back decades.",
    "Traffic at the main border gates was heavy throughout the week, with lines of container trucks "
    "stretching for several kilometres on the approach roads.",
    "The two countries share a land border of more than 1,300 kilometres and a long history of exchanges.",
    "Business groups welcomed the announcement but called for faster customs clearance and clearer rules on "
    "food safety inspections.",
    "Local farmers said prices had been volatile this season because of weather and changing demand.",
    "The meeting took place in a warm and friendly atmosphere, according to a statement issued afterwards.",
    "Economists cautioned that global demand remained uncertain and that much would depend on interest rates "
    "in major economies.",
]
TOP_BOILER = ["We use cookies to improve your experience. By continuing to browse you accept our use of cookies.",
              "Advertisement", "Subscribe to our newsletter", "Home > World > Asia"]
END_BOILER = ["Advertisement", "Share this article", "Read more: Regional economy",
              "© {year} {agency}. All rights reserved."]


class _Article:
    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.index = index
        self.year = rng.choice([2023, 2024, 2025])
        self.month = rng.randrange(1, 13)
        self.day = rng.randrange(1, 29)
        self.agency = rng.choice(AGENCIES)
        self.city_caps, self.city = rng.choice(CITIES)
        self.leaders = rng.sample(LEADERS, k=rng.randint(2, 4))
        self.diacritics = rng.random() < 0.5
        self.invented = [self._invented_name() for _ in range(rng.randint(2, 5))]

    # -- names -----------------------------------------------------------
    def _invented_name(self) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.55:
            family = rng.choice(VN_FAMILY)
            if rng.random() < 0.4:
                family = VN_FAMILY_D[family]
            name = f"{family} {rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}"
        else:
            name = f"{rng.choice(CN_FAMILY)} {rng.choice(CN_GIVEN)}"
        return name, rng.choice(ROLES)

    def full(self, leader: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
        names = leader[0]
        if len(names) > 1 and (self.diacritics or self.rng.random() < 0.2):
            native = names[1]
            if not native.isascii() and all(ord(c) > 0x2E80 for c in native if not c.isspace()):
                return names[0] if self.rng.random() < 0.7 else native  # CJK spelling now and then
            return native
        return names[0]

    def titled(self, leader: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
        return self.rng.choice(leader[1][:2])

    def date_text(self, month: int | None = None, day: int | None = None) -> str:
        m = month or self.month
        d = day or self.day
        return f"{MONTHS[m - 1]} {d}"

    # -- paragraphs --------------------------------------------------------
    def _occasion(self, *who: str) -> tuple[int, int]:
        """(month, day) of one of the two or three meetings these leaders have in the article's year:
        many articles report the same meetings, as the news does."""
        calendar = random.Random("|".join((*sorted(who), str(self.year))))
        dates = [(calendar.randrange(1, 13), calendar.randrange(1, 29)) for _ in range(3)]
        return self.rng.choice(dates[:2] if self.rng.random() < 0.8 else dates)

    def meeting(self) -> str:
        a, b = self.rng.sample(self.leaders, k=2)
        place = self.rng.choice(["Hanoi", "Beijing", "the Great Hall of the People", "the Presidential Palace"])
        month, day = self._occasion(a[0][0], b[0][0])
        return (f"{self.titled(a)} held talks with {self.full(b)} in {place} on {self.date_text(month, day)}, "
                f"{self.year}, and the two sides agreed to deepen cooperation in {self.rng.choice(TOPICS)}. "
                f"{self.rng.choice(FILLER)}")

    def visit(self) -> str:
        a = self.rng.choice(self.leaders)
        month, day = self._occasion(a[0][0], "visit")
        first = min(day, 26)
        return (f"{self.full(a)} paid a state visit to {self.rng.choice(['Vietnam', 'China'])} from "
                f"{MONTHS[month - 1]} {first} to {first + 2}, {self.year}, "
                f"the first such visit since the two parties' congresses.")

    def statistic(self) -> str:
        """A figure for a measure and period: the official one (the same in every article that gives it),
        now and then rounded ("nearly $172 billion"), and rarely another source's different figure."""
        rng = self.rng
        measure, scale, unit, (lo, hi) = rng.choice(MEASURES)
        year = rng.choice([self.year - 1, self.year])
        months = rng.choice([None, None, 6, 9, 10])
        period = f"in the first {months} months of {year}" if months else f"in {year}"
        official = random.Random(f"{measure}|{year}|{months}")
        value = official.uniform(lo, hi) * ((months or 12) / 12)
        change = official.randrange(2, 40)
        draw = rng.random()
        qualifier = ""
        if draw < 0.1:  # another source's figure
            value *= rng.choice([0.8, 0.9, 1.1, 1.25])
        if draw < 0.3 or value >= 100:
            shown = round(value)
            qualifier = rng.choice(["", "more than ", "nearly ", "about ", "over "]) if draw < 0.3 else ""
        else:
            shown = round(value, 1)
        value_text = f"{shown:,}" if isinstance(shown, int) else f"{shown:g}"
        amount = f"{qualifier}${value_text} {scale}" if unit == "USD" else f"{qualifier}{value_text} {scale} {unit}"
        source = rng.choice(["according to the General Department of Customs",
                             "according to official data", "the trade ministry said", ""])
        tail = f", {source}" if source else ""
        return (f"{measure} reached {amount} {period}, up {change} percent year on year{tail}. "
                f"{rng.choice(FILLER)}")

    def direct_quote(self) -> str:
        lines = ["We will work together to turn our consensus into concrete results",
                 "The friendship between our two peoples is a precious asset that we must protect",
                 "Connectivity is the foundation of shared prosperity in this region",
                 "Our cooperation has brought real benefits to businesses and families on both sides",
                 "We are ready to open our market wider to quality products from our neighbour"]
        a = self.rng.choice(self.leaders)
        if self.rng.random() < 0.5:
            return f"\"{self.rng.choice(lines)},\" {self.titled(a)} said."
        return f"{self.full(a)} said: \"{self.rng.choice(lines)}.\""

    def reported_quote(self) -> str:
        a = self.rng.choice(self.leaders)
        what = self.rng.choice(["both sides should expand trade in agricultural products",
                                "the two countries would speed up work on cross-border railways",
                                "cooperation in science and technology was a new bright spot",
                                "the two parties should strengthen exchanges between young people"])
        return f"{self.titled(a)} said that {what}, according to a statement from the foreign ministry."

    def invented_quote(self) -> str:
        name, role = self.rng.choice(self.invented)
        lines = ["Orders from China have doubled since the spring and we are hiring more drivers",
                 "The new rail link cuts our delivery time to Kunming by almost two days",
                 "Prices are better than last year, but the paperwork is still slow",
                 "Investors are watching the new industrial parks closely"]
        return f"\"{self.rng.choice(lines)},\" said {name}, {role}."

    def agreement(self) -> str:
        form = self.rng.choice(AGREEMENT_FORMS).format(topic=self.rng.choice(TOPICS))
        n = self.rng.randrange(3, 30)
        a, b = self.rng.sample(self.leaders, k=2)
        return (f"After the talks, {self.full(a)} and {self.full(b)} witnessed the signing of {n} cooperation "
                f"documents, including a {form}. Officials said the documents covered trade, transport and "
                f"people-to-people exchanges.")

    def background(self) -> str:
        return " ".join(self.rng.sample(FILLER, k=self.rng.randint(2, 3)))

    # -- the article -------------------------------------------------------------
    def text(self) -> str:
        rng = self.rng
        a = self.leaders[0]
        lines: list[str] = []
        if rng.random() < 0.5:
            lines.append(rng.choice(TOP_BOILER))
        headline = rng.choice([
            f"{a[0][0]} calls for closer China-Vietnam ties on {rng.choice(TOPICS)}",
            f"China and Vietnam sign deals on {rng.choice(TOPICS)}",
            "Trade between China and Vietnam hits new high",
            "Border trade booms as leaders pledge deeper cooperation",
        ])
        lines.append(headline)
        if rng.random() < 0.8:
            byline = rng.choice(["By {n}", "By {n}, Staff Reporter", "BY {N}"])
            reporter = f"{rng.choice(['Anna', 'Mark', 'Linh', 'David', 'Mei'])} {rng.choice(['Hart', 'Nguyen', 'Chen', 'Okafor', 'Doyle'])}"
            lines.append(byline.format(n=reporter, N=reporter.upper()))
        lead = (f"{self.city_caps}, {self.date_text()}, {self.year} ({self.agency}) - {self.full(a)} on "
                f"{rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} called for stronger "
                f"cooperation between China and Vietnam in {rng.choice(TOPICS)}, as the two neighbours marked "
                f"{rng.choice(['75 years', 'a new stage'])} of diplomatic ties.")
        paragraphs = [lead]
        makers = [self.meeting, self.visit, self.statistic, self.statistic, self.direct_quote, self.reported_quote,
                  self.invented_quote, self.agreement, self.background]
        target = rng.randrange(3200, 7600)
        size = sum(len(x) + 2 for x in lines) + len(lead)
        while size < target:
            paragraph = rng.choice(makers)()
            if paragraph in paragraphs:
                continue  # a wire story does not repeat a paragraph word for word
            if size + len(paragraph) > 7700:
                break
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        while size < 3000:  # short draws still reach the minimum length
            paragraph = self.background()
            if paragraph in paragraphs:
                continue
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        tail = [rng.choice(END_BOILER).format(year=self.year, agency=self.agency)]
        if rng.random() < 0.5:
            tail.append(f"© {self.year} {self.agency}. All rights reserved.")
        return "\n\n".join([*lines, *paragraphs, *tail]) + "\n"


def generate(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` articles as (file name, text); the same (n, seed) gives the same articles."""
    out = []
    for i in range(n):
        rng = random.Random(f"bilateral-news:{seed}:{i}")
        out.append((f"news_{seed}_{i:04d}.txt", _Article(rng, i).text()))
    return out


if __name__ == "__main__":  # a look at one: python tests/news_factory.py
    name, text = generate(1, 0)[0]
    print(name, len(text))
    print(text)
