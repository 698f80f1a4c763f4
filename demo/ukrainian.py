"""The demo's Ukrainian edition: its sections and tags (translations of the English ones),
the seed article translated, a few items only the Ukrainian edition has, and Ukrainian bios.

The seed's translation is made as an editor would make it (articles/translations.py), then
given its Ukrainian text, a translator on the byline, and published after the original.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from articles.models import Article, Byline, Section, Tag
from articles.translations import translation_create
from authors.models import Author, AuthorBio
from demo import content as demo
from pages.models import Page

LANGUAGE = "uk"

# (English slug, Ukrainian name, slug, description)
SECTIONS = [
    # The same slug: the site navigation links the News Feed page itself instead (newsfeed:stream).
    ("news-feed", "Стрічка новин", "news-feed", "Усі новини в міру того, як вони стаються."),
    ("ukraine", "Україна", "ukraina", "Війна, політика і життя в Україні."),
    ("europe", "Європа", "yevropa", "Політика та безпека континенту."),
    ("business", "Економіка", "ekonomika", "Економіка, енергетика, відбудова і ринки."),
    ("opinion", "Думки", "dumky", "Колонки та коментарі наших авторів і гостей."),
]

# (English name or None, Ukrainian name, slug)
TAGS = [
    ("NATO", "НАТО", "nato"),
    ("Ukraine aid", "Допомога Україні", "dopomoha-ukraini"),
    ("Donald Trump", "Дональд Трамп", "donald-tramp"),
    ("Jens Stoltenberg", "Єнс Столтенберг", "iens-stoltenberh"),
    ("Wiesbaden", "Вісбаден", "visbaden"),
    ("Energy", "Енергетика", "enerhetyka"),
    ("Reconstruction", "Відбудова", "vidbudova"),
    (None, "Київ", "kyiv"),
]

SEED_TRANSLATION = {
    "slug": "nato-planuie-stvoryty-novu-posadu-v-kyievi-wsj",
    "title": "НАТО планує створити нову посаду в Києві та «застрахувати від Трампа» допомогу "
    "Україні, — WSJ",
    "hero_caption": "Генеральний секретар НАТО Єнс Столтенберг",
    "translator": "oleksandra-kovalenko",
    "tags": ["НАТО", "Допомога Україні", "Дональд Трамп", "Єнс Столтенберг", "Вісбаден"],
    "body": [
        "НАТО планує запровадити посаду старшого представника в Києві, а також створити в "
        "Німеччині нове командування для координації допомоги Україні, повідомила 1 липня "
        "газета The Wall Street Journal (WSJ) з посиланням на посадовців США та союзників.",
        "Це частина зусиль Альянсу вберегти довгострокову допомогу Україні на випадок, якщо "
        "Дональд Трамп повернеться до Білого дому після президентських виборів у США, що "
        "відбудуться пізніше цього року, пише видання.",
        "Колишній президент Трамп, імовірний кандидат від Республіканської партії, "
        "неодноразово критикував НАТО та допомогу Києву.",
        "Нові заходи, які, як очікується, оголосять на майбутньому саміті НАТО у Вашингтоні, "
        "передбачають, що новий командний центр у німецькому Вісбадені координуватиме "
        "постачання військового обладнання та навчання українських військових, пише WSJ.",
        "Ці кроки мають допомогти краще координувати допомогу й наблизити українське військо "
        "до стандартів НАТО.",
        "Раніше лідери союзників заявляли, що Вашингтонський саміт 9–11 липня міститиме «нові "
        "формулювання» щодо перспектив України в НАТО і зосередиться на дорожній карті до її "
        "майбутнього членства.",
        "Україна також сподівається отримати від союзників по НАТО «гарантоване» зобов'язання "
        "щодо військового фінансування. Хоча рішення поки не ухвалено, генеральний секретар "
        "НАТО Єнс Столтенберг, чиї повноваження спливають, запропонував щороку надавати "
        "Україні щонайменше 40 мільярдів євро (43 мільярди доларів) військової підтримки "
        "«стільки, скільки буде потрібно».",
    ],
}

# Items only the Ukrainian edition has: (section slug, kind, author, title, tags, standfirst,
# body paragraphs, hours before now).
ONLY_IN_UKRAINIAN = [
    (
        "ukraina",
        "article",
        "oleksandra-kovalenko",
        "У Києві відкрили підземну школу на 600 учнів",
        ["Київ", "Відбудова"],
        "Заняття в укритті Дарницького району почнуться у вересні: дві зміни, їдальня й "
        "бібліотека під землею.",
        [
            "У Дарницькому районі Києва відкрили першу в столиці підземну школу. Вона розрахована "
            "на 600 учнів, які навчатимуться у дві зміни, повідомили в міській адміністрації.",
            "Під землею облаштували дванадцять класів, їдальню, бібліотеку та медичний пункт. "
            "Укриття має власне водопостачання й генератори, тож уроки не перериватимуться під "
            "час повітряних тривог і відключень світла.",
            "Київ планує звести ще чотири такі школи до кінця наступного року. Батьки кажуть, що "
            "найбільше чекають на спокійні уроки без переходів до сховища посеред занять.",
        ],
        3,
    ),
    (
        "news-feed",
        "brief",
        "dmytro-shevchuk",
        "Укренерго: у вихідні графіків відключень не буде",
        ["Енергетика"],
        "Енергосистема має резерв потужності завдяки теплій погоді та імпорту з Європи, "
        "повідомили в компанії.",
        [],
        5,
    ),
    (
        "ekonomika",
        "article",
        "sofia-marchenko",
        "Уряд спростив «єВідновлення» для власників зруйнованого житла",
        ["Відбудова"],
        "Заяву можна подати без довідки про право власності, якщо дані вже є в державних реєстрах.",
        [
            "Кабінет міністрів спростив програму «єВідновлення»: власникам зруйнованих квартир і "
            "будинків більше не треба окремо подавати довідку про право власності, якщо ці дані "
            "вже є в державних реєстрах.",
            "За даними Міністерства розвитку громад, відтоді як запрацювала програма, "
            "сертифікати на житло отримали понад 60 тисяч родин. Найбільше заяв надійшло з "
            "Київщини, Харківщини та Чернігівщини.",
            "Економісти зауважують, що швидкість виплат тепер залежить переважно від того, як "
            "громади оцінюють збитки, і радять об'єднати ці комісії в одну цифрову процедуру.",
        ],
        8,
    ),
    (
        "dumky",
        "opinion",
        "anna-belokur",
        "Думка: відбудову мають планувати ті, хто житиме у відбудованому",
        ["Відбудова"],
        "Громади знають, що їм потрібно першим: школа, лікарня чи міст. Варто їм довірити "
        "це рішення.",
        [
            "Щоразу, коли міжнародні партнери обговорюють відбудову України, розмова швидко "
            "переходить до великих цифр. Але гроші — лише половина справи; друга половина — хто "
            "вирішує, що відбудовувати першим.",
            "Місцеві громади знають свої потреби краще за будь-яке міністерство. У селі на "
            "Чернігівщині першим може бути міст, без якого до лікарні дві години об'їзду; у "
            "місті на Харківщині — школа з укриттям.",
            "Довіра до громад не означає відмови від контролю. Відкриті реєстри проєктів, "
            "публічні закупівлі та незалежний аудит дозволяють і швидко будувати, і бачити, куди "
            "йде кожна гривня.",
        ],
        26,
    ),
]

# Bios in Ukrainian: (author slug, name, role, short bio, bio, location, languages, the
# portrait's alt text)
BIOS = [
    (
        "martin-fornusek",
        "Мартін Форнусек",
        "Репортер",
        "Репортер, пише про міжнародну та регіональну політику.",
        "<p>Мартін Форнусек — репортер Kyiv Independent, який спеціалізується на міжнародній і "
        "регіональній політиці, історії та дезінформації. Мартін живе у Львові й часто пише про "
        "міжнародну політику, аналізуючи події, пов'язані з Україною та Росією. Його кар'єра в "
        "журналістиці почалася 2021 року після закінчення Масарикового університету в Брно "
        "(Чехія), де він здобув ступінь магістра з досліджень конфліктів і демократії. Мартіна "
        "запрошували виступати на Times Radio, France 24, Чеському телебаченні та Радіо Вільна "
        "Європа. Він володіє англійською, чеською та українською мовами.</p>",
        "Львів",
        "англійська, чеська, українська",
        "Портрет Мартіна Форнусека",
    ),
    (
        "oleksandra-kovalenko",
        "Олександра Коваленко",
        "Редакторка новин",
        "Редакторка новин.",
        "<p>Олександра Коваленко — редакторка новин. Вона пише про українську політику з 2014 "
        "року і редагує стрічку новин у Києві.</p>",
        "Київ",
        "українська, англійська, польська",
        "Портрет Олександри Коваленко",
    ),
    (
        "anna-belokur",
        "Анна Білокур",
        "Відеопродюсерка",
        "Ведуча програми «Україна за тиждень».",
        "<p>Анна Білокур веде «Україну за тиждень» — щотижневий відеоогляд війни, політики й "
        "суспільства. До редакції вона знімала документальні фільми в Києві та Харкові.</p>",
        "Київ",
        "українська, англійська",
        "Портрет Анни Білокур",
    ),
    (
        "dmytro-shevchuk",
        "Дмитро Шевчук",
        "Репортер",
        "Пише про фронт і оборонну промисловість.",
        "<p>Дмитро Шевчук пише про фронт, військову допомогу й оборонну промисловість України. "
        "Живе в Дніпрі.</p>",
        "Дніпро",
        "українська, англійська",
        "Портрет Дмитра Шевчука",
    ),
    (
        "sofia-marchenko",
        "Софія Марченко",
        "Економічна журналістка",
        "Пише про економіку, енергетику та відбудову.",
        "<p>Софія Марченко пише про економіку України, енергосистему та фінансування "
        "відбудови. Раніше працювала аналітикинею в київському інвестиційному банку.</p>",
        "Київ",
        "українська, англійська, німецька",
        "Портрет Софії Марченко",
    ),
    (
        "yuliia-hrytsenko",
        "Юлія Гриценко",
        "Фотографка",
        "Фотографка редакції.",
        "<p>Юлія Гриценко — фотографка редакції, живе в Харкові.</p>",
        "Харків",
        "українська, англійська",
        "Портрет Юлії Гриценко",
    ),
]

# The site pages in Ukrainian: (slug, title, description, body).
PAGES = [
    (
        "pro-nas",
        "Про нас",
        "Хто ми, як працюємо і хто нас фінансує.",
        "<p>{site} — незалежна редакція, яка пише про Україну, війну та її наслідки для Європи "
        "і світу, англійською та українською мовами.</p>"
        "<h2>Як ми працюємо</h2>"
        "<p>Наші репортери працюють у Києві та прифронтових регіонах. Кожен матеріал перед "
        "публікацією перевіряє редактор, а коли ми помиляємося, ми виправляємо помилку й "
        "повідомляємо про це під матеріалом.</p>"
        "<h2>Хто нас фінансує</h2>"
        "<p>Більшість нашої роботи оплачують читачі своїм членством. Рекламодавці й донори "
        "не впливають на те, що ми публікуємо.</p>",
    ),
    (
        "kontakty",
        "Контакти",
        "Як зв’язатися з редакцією, надіслати підказку чи попросити виправлення.",
        "<p>Редакція читає кожне повідомлення. Щоб попросити виправлення, напишіть редакторам, "
        "назвіть матеріал і те, що в ньому не так.</p>"
        "<ul><li>Редактори: editors@example.org</li><li>Підказки: tips@example.org</li>"
        "<li>Партнерство: partners@example.org</li></ul>",
    ),
]

HERO_FIELDS = ["hero_image", "hero_width", "hero_height", "hero_renditions"]
# The demo pictures' alt text (demo/images.py), in Ukrainian; their credit is a name.
ALT_TEXTS = {
    "tower blocks with lit windows against the sky": "багатоповерхівки з освітленими вікнами "
    "на тлі неба",
    "a wide field running to a line of trees under clouds": "широке поле, що тягнеться до "
    "смуги дерев під хмарами",
    "port cranes over the water at a quay": "портові крани над водою біля причалу",
    "blurred city lights at night": "розмиті вогні нічного міста",
    "layers of hills under a low sun": "пасма пагорбів під низьким сонцем",
    "overlapping circles and blocks of colour": "кола й кольорові блоки, що накладаються",
}


def in_ukrainian(article: Article) -> None:
    """The picture's alt text in Ukrainian, where the demo knows it.

    The credit is the library image's (articles/heroes.py), shared by both editions' pages,
    so the demo's is a name, not words of one language.
    """
    described = article.hero_alt.removeprefix("Illustration: ")
    if described in ALT_TEXTS:
        article.hero_alt = f"Ілюстрація: {ALT_TEXTS[described]}"


def load_ukrainian_edition(*, now=None) -> int:
    """The Ukrainian edition of the demo; what exists already is left as it is."""
    now = now or timezone.now()
    sections = _sections()
    tags = _tags()
    _bios()
    _pages()
    created = _seed_translation(tags)
    created += _only_in_ukrainian(sections, tags, now=now)
    return created


def _sections() -> dict[str, Section]:
    sections = {}
    for position, (english, name, slug, description) in enumerate(SECTIONS):
        sections[slug], _ = Section.objects.get_or_create(
            language=LANGUAGE,
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "position": position,
                "translation_of": Section.objects.filter(language="en", slug=english).first(),
            },
        )
    return sections


def _tags() -> dict[str, Tag]:
    tags = {}
    for english, name, slug in TAGS:
        original = Tag.objects.filter(language="en", name=english).first() if english else None
        tags[name], _ = Tag.objects.get_or_create(
            language=LANGUAGE, slug=slug, defaults={"name": name, "translation_of": original}
        )
    return tags


def _bios() -> None:
    for slug, name, role, short_bio, bio, location, languages, photo_alt in BIOS:
        author = Author.objects.filter(slug=slug).first()
        if author is not None:
            AuthorBio.objects.get_or_create(
                author=author,
                language=LANGUAGE,
                defaults={
                    "name": name,
                    "role": role,
                    "short_bio": short_bio,
                    "bio": bio,
                    "location": location,
                    "languages": languages,
                    "photo_alt": photo_alt,
                },
            )


def _pages() -> None:
    for position, (slug, title, description, body) in enumerate(PAGES):
        Page.objects.get_or_create(
            language=LANGUAGE,
            slug=slug,
            defaults={
                "title": title,
                "seo_description": description,
                "body": body.format(site=settings.SITE_NAME),
                "is_published": True,
                "footer_position": position,
            },
        )


def _seed_translation(tags) -> int:
    seed = Article.objects.filter(slug=demo.SEED_ARTICLE["slug"]).first()
    if seed is None or seed.translations.filter(language=LANGUAGE).exists():
        return 0
    draft = translation_create(article=seed, language=LANGUAGE, by=None)
    data = SEED_TRANSLATION
    draft.slug = data["slug"]
    draft.title = data["title"]
    draft.hero_caption = data["hero_caption"]
    draft.body = "".join(f"<p>{paragraph}</p>" for paragraph in data["body"])
    draft.status = Article.Status.PUBLISHED
    draft.publish_at = seed.publish_at + timedelta(minutes=40)
    in_ukrainian(draft)
    draft.save()
    draft.tags.set([tags[name] for name in data["tags"]])
    translator = Author.objects.get(slug=data["translator"])
    Byline.objects.get_or_create(
        article=draft,
        author=translator,
        defaults={"part": Byline.Part.TRANSLATOR, "position": draft.bylines.count()},
    )
    return 1


def _only_in_ukrainian(sections, tags, *, now) -> int:
    # Their pictures are the library's, as an editor would reuse them.
    pictures = list(
        Article.objects.filter(language="en")
        .exclude(hero_image="")
        .exclude(slug=demo.SEED_ARTICLE["slug"])
        .order_by("pk")[:8]
    )
    created = 0
    for index, item in enumerate(ONLY_IN_UKRAINIAN):
        section, kind, author, title, tag_names, standfirst, body, hours = item
        slug = f"uk-{index + 1}-{sections[section].slug}-{kind}"
        if Article.objects.filter(slug=slug).exists():
            continue
        article = Article(
            language=LANGUAGE,
            slug=slug,
            title=title,
            kind=kind,
            section=sections[section],
            standfirst=standfirst,
            body="".join(f"<p>{paragraph}</p>" for paragraph in body),
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(hours=hours),
        )
        if kind != "brief" and pictures:
            picture = pictures[index % len(pictures)]
            for name in HERO_FIELDS:
                setattr(article, name, getattr(picture, name))
            if hasattr(picture, "hero_id"):
                article.hero_id = picture.hero_id
            article.hero_alt, article.hero_credit = picture.hero_alt, picture.hero_credit
            in_ukrainian(article)
        article.save()
        Byline.objects.create(article=article, author=Author.objects.get(slug=author))
        article.tags.set([tags[name] for name in tag_names])
        created += 1
    return created
