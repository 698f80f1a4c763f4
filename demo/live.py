"""The demo's live story: "Ukraine war latest", about 30 entries over a day, with key points,
a pinned entry, an image, a video, posts from X and Telegram, an updated entry and a correction."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Byline
from articles.translations import translation_create
from authors.models import Author
from demo import images as demo_images
from demo.ukrainian import in_ukrainian
from live.models import LiveEntry, LiveStory

SLUG = "ukraine-war-latest"
KEY_POINTS = (
    "<ul>"
    "<li>Air defence shot down most of the drones launched overnight at Kyiv and Odesa.</li>"
    "<li>Power cuts are scheduled in five oblasts after strikes on substations.</li>"
    "<li>Ministers from 12 countries meet in Brussels on air-defence deliveries.</li>"
    "<li>Evacuations continue from frontline villages near Pokrovsk.</li>"
    "</ul>"
)
# (minutes before now, author slug, headline, text); the text's paragraphs split on "|".
ENTRIES = [
    (5, "dmytro-shevchuk", "Air-raid alert lifted in Kyiv",
     "The all-clear sounded at 07:40 after an alert that lasted almost three hours."),
    (25, "oleksandra-kovalenko", "",
     "Kyiv's mayor says debris fell on two districts; no one was hurt, according to "
     "preliminary information."),
    (48, "dmytro-shevchuk", "Energy company announces scheduled power cuts",
     "Cuts of up to four hours are planned in Kyiv, Odesa, Kharkiv, Sumy and Dnipro oblasts."
     "|The schedules will be published by regional suppliers by 10:00."),
    (70, "sofia-marchenko", "Brussels meeting on air defence",
     "Defence ministers of 12 countries meet today to agree on the next deliveries of "
     "air-defence systems and interceptors."),
    (95, "oleksandra-kovalenko", "",
     "Rescuers in Odesa have finished clearing the rubble of a warehouse hit overnight."),
    (120, "dmytro-shevchuk", "40 of 52 drones shot down, Air Force says",
     "Russia launched 52 Shahed-type drones and two missiles overnight, the Air Force said; "
     "40 drones were shot down over nine oblasts."),
    (150, "yuliia-hrytsenko", "Evacuation from frontline villages",
     "Another 140 people, 32 of them children, were evacuated from villages near Pokrovsk "
     "over the past day, the regional administration said."),
    (185, "sofia-marchenko", "", "Poland scrambled aircraft as a precaution during the attack, "
     "its operational command said."),
    (220, "dmytro-shevchuk", "Explosions heard in Odesa",
     "Our correspondent heard at least six explosions in the city centre."),
    (260, "oleksandra-kovalenko", "Kyiv: drones over the left bank",
     "Air defence is working over the left-bank districts. Stay in shelters."),
    (300, "dmytro-shevchuk", "Air-raid alert across the east",
     "Alerts were declared in Kharkiv, Dnipro and Zaporizhzhia oblasts after launches from "
     "the Kursk region."),
    (350, "yuliia-hrytsenko", "", "Trains to Kharkiv run up to 40 minutes late after a power "
     "line was damaged, Ukrzaliznytsia said."),
    (410, "sofia-marchenko", "Zelensky: partners must speed up deliveries",
     "In his evening address the president said the winter would be decided by air defence."),
    (470, "dmytro-shevchuk", "", "Regional authorities in Sumy report shelling of three border "
     "communities; one person was injured."),
    (530, "oleksandra-kovalenko", "Schools in Kyiv move online tomorrow",
     "The city's education department said lessons would be held online because of the "
     "scheduled power cuts."),
    (600, "yuliia-hrytsenko", "Prisoner exchange talks",
     "The coordination headquarters said talks on a new exchange were under way."),
    (680, "sofia-marchenko", "", "The EU's foreign policy chief said a new sanctions package "
     "would be proposed next week."),
    (760, "dmytro-shevchuk", "Repairs at the Kharkiv substation",
     "Engineers restored power to 60,000 households overnight."),
    (840, "oleksandra-kovalenko", "", "The Kyiv metro is running normally this morning."),
    (920, "yuliia-hrytsenko", "General Staff update",
     "The General Staff reported 118 clashes along the front over the past day, most of them "
     "in the Pokrovsk direction."),
    (1000, "sofia-marchenko", "", "The Netherlands announced a further €250 million for drone "
     "production in Ukraine."),
    (1080, "dmytro-shevchuk", "Overnight summary",
     "Here is what happened overnight: drones over Kyiv and Odesa, power cuts in five "
     "oblasts, and evacuations near Pokrovsk.|We will keep this page updated through the day."),
    (1160, "oleksandra-kovalenko", "", "Good morning. This is our live coverage of Russia's war "
     "against Ukraine for today."),
]  # fmt: skip
# The entries that show what an entry can be.
IMAGE_ENTRY = (
    35,
    "dmytro-shevchuk",
    "Damage in Kyiv's Darnytskyi district",
    "Windows were blown out in a residential building after debris fell nearby.",
)
VIDEO_ENTRY = (
    60,
    "sofia-marchenko",
    "Video: the morning after in Odesa",
    "Our video team filmed the street where the warehouse was hit.",
)
X_ENTRY = (
    110,
    "yuliia-hrytsenko",
    "The Air Force's statement",
    "The Air Force posted its overnight figures on X.",
)
TELEGRAM_ENTRY = (
    200,
    "oleksandra-kovalenko",
    "Kyiv City Military Administration",
    "The administration posted updates on Telegram through the night.",
)
UPDATED_ENTRY = (
    140,
    "dmytro-shevchuk",
    "Casualties in Odesa region",
    "Two people were injured in the attack on the Odesa region, the governor said.",
)
CORRECTED_ENTRY = (
    240,
    "sofia-marchenko",
    "Missiles launched from the Black Sea",
    "Two Kalibr missiles were launched from ships in the Black Sea, the Navy said.",
)


def paragraphs(text: str) -> str:
    return "".join(f"<p>{part}</p>" for part in text.split("|"))


def load_live_story(*, sections, authors) -> LiveStory | None:
    """The live story, once: a second run leaves it as it is."""
    if Article.objects.filter(slug=SLUG).exists():
        return None
    now = timezone.now()
    start = now - timedelta(minutes=1200)
    article = Article(
        slug=SLUG,
        title="Ukraine war latest: drones over Kyiv and Odesa, power cuts in five oblasts",
        standfirst="Live updates on Russia's war against Ukraine, from our reporters in Kyiv, "
        "Odesa and Kharkiv.",
        section=sections["ukraine"],
        status=Article.Status.PUBLISHED,
        publish_at=start,
    )
    article.hero_image.save(
        "ukraine-war-latest.jpg", demo_images.scene_picture(7, scene="lights"), save=False
    )
    article.hero_alt = f"Illustration: {demo_images.DESCRIPTIONS['lights']}"
    article.hero_credit = "The Kyiv Ledger"
    article.save()
    # The demo reporter login writes as Martin Fornusek: on the byline, they post entries.
    for position, slug in enumerate(["martin-fornusek", "dmytro-shevchuk"]):
        Byline.objects.create(article=article, author=authors[slug], position=position)
    story = LiveStory.objects.create(article=article, coverage_start=start, key_points=KEY_POINTS)

    def entry(row, **fields):
        minutes, author, headline, text = row
        made = LiveEntry.objects.create(
            story=story,
            published_at=now - timedelta(minutes=minutes),
            headline=headline,
            body=paragraphs(text),
            **fields,
        )
        made.authors.set([authors[author]])
        return made

    for row in ENTRIES:
        entry(row)
    picture = entry(IMAGE_ENTRY)
    picture.image = demo_images.library_image(
        3, scene="skyline", caption="A residential building in Darnytskyi district."
    )
    picture.save()
    entry(VIDEO_ENTRY, video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ")
    entry(X_ENTRY, post_url="https://x.com/KpsZSU/status/1863000000000000000")
    entry(TELEGRAM_ENTRY, post_url="https://t.me/vijskovaadmin/12345")
    updated = entry(UPDATED_ENTRY)
    updated.body = paragraphs(
        "Three people were injured in the attack on the Odesa region, the governor said."
    )
    updated.edited_at = now - timedelta(minutes=100)
    updated.save()
    corrected = entry(CORRECTED_ENTRY)
    corrected.body = paragraphs(
        "Two Kalibr missiles were launched from a ship in the Black Sea, the Navy said."
    )
    corrected.correction = (
        "An earlier version of this entry said the missiles were launched from several ships; "
        "the Navy said one ship launched them."
    )
    corrected.corrected_at = now - timedelta(minutes=180)
    corrected.save()
    pinned = LiveEntry.objects.filter(story=story, headline=ENTRIES[5][2]).first()
    pinned.is_pinned = True
    pinned.save()
    return story


# The Ukrainian edition's live story: the English one translated, with entries of its own.
UKRAINIAN_SLUG = "viina-ostanni-novyny"
UKRAINIAN_KEY_POINTS = (
    "<ul>"
    "<li>Протиповітряна оборона збила більшість дронів, запущених уночі по Києву та Одесі.</li>"
    "<li>У п'яти областях запроваджують графіки відключень після ударів по підстанціях.</li>"
    "<li>Міністри 12 країн збираються в Брюсселі, щоб домовитися про постачання ППО.</li>"
    "</ul>"
)
UKRAINIAN_ENTRIES = [
    (4, "dmytro-shevchuk", "У Києві скасували повітряну тривогу",
     "Відбій пролунав о 07:40, тривога тривала майже три години."),
    (22, "oleksandra-kovalenko", "",
     "Мер Києва повідомив, що уламки впали у двох районах; за попередніми даними, ніхто не "
     "постраждав."),
    (45, "dmytro-shevchuk", "Енергетики оголосили графіки відключень",
     "Відключення до чотирьох годин заплановані в Київській, Одеській, Харківській, Сумській "
     "і Дніпропетровській областях.|Графіки оприлюднять обласні постачальники до 10:00."),
    (68, "sofia-marchenko", "Зустріч у Брюсселі щодо ППО",
     "Міністри оборони 12 країн сьогодні мають погодити наступні постачання систем "
     "протиповітряної оборони та ракет до них."),
    (96, "oleksandra-kovalenko", "",
     "Рятувальники в Одесі завершили розбирати завали складу, у який влучили вночі."),
    (118, "dmytro-shevchuk", "Повітряні сили: збито 40 із 52 дронів",
     "Уночі Росія запустила 52 ударні дрони типу «Шахед» і дві ракети; 40 дронів збили над "
     "дев'ятьма областями."),
    (152, "yuliia-hrytsenko", "Евакуація з прифронтових сіл",
     "За минулу добу з сіл поблизу Покровська евакуювали ще 140 людей, серед них 32 дитини, "
     "повідомила обласна адміністрація."),
    (215, "dmytro-shevchuk", "В Одесі чути вибухи",
     "Наш кореспондент почув щонайменше шість вибухів у центрі міста."),
    (330, "yuliia-hrytsenko", "", "Потяги до Харкова запізнюються до 40 хвилин через "
     "пошкоджену лінію електропередачі, повідомила Укрзалізниця."),
    (520, "oleksandra-kovalenko", "Київські школи завтра переходять на дистанційне навчання",
     "Департамент освіти пояснив це запланованими відключеннями світла."),
    (1150, "oleksandra-kovalenko", "", "Доброго ранку. Це наша пряма трансляція про війну "
     "Росії проти України на сьогодні."),
]  # fmt: skip


def load_ukrainian_live_story() -> LiveStory | None:
    """The live story in the Ukrainian edition, once, after its sections exist."""
    original = Article.objects.filter(slug=SLUG).first()
    if original is None or original.translations.filter(language="uk").exists():
        return None
    article = translation_create(article=original, language="uk", by=None)
    article.slug = UKRAINIAN_SLUG
    article.title = (
        "Війна: останні новини. Дрони над Києвом та Одесою, відключення в п'яти областях"
    )
    article.standfirst = (
        "Пряма трансляція про війну Росії проти України від наших репортерів у Києві, Одесі "
        "та Харкові."
    )
    article.status = Article.Status.PUBLISHED
    article.publish_at = original.publish_at + timedelta(minutes=10)
    in_ukrainian(article)
    article.save()
    now = timezone.now()
    story = LiveStory.objects.create(
        article=article, coverage_start=article.publish_at, key_points=UKRAINIAN_KEY_POINTS
    )
    authors = {author.slug: author for author in Author.objects.all()}
    for minutes, author, headline, text in UKRAINIAN_ENTRIES:
        made = LiveEntry.objects.create(
            story=story,
            published_at=now - timedelta(minutes=minutes),
            headline=headline,
            body=paragraphs(text),
        )
        made.authors.set([authors[author]])
    corrected = story.entries.get(headline=UKRAINIAN_ENTRIES[5][2])
    corrected.correction = (
        "У попередній версії йшлося про 42 збиті дрони; Повітряні сили уточнили, що їх було 40."
    )
    corrected.corrected_at = now - timedelta(minutes=100)
    corrected.save()
    return story
