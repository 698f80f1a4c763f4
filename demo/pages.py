"""The demo newsroom's site pages: About and Contact in both editions, published, linked in
the footer and to each other as translations."""

from django.conf import settings

from pages.models import Page

PAGES = [
    {
        "slug": "about",
        "title": "About us",
        "seo_description": "Who we are, how we work and how we are funded.",
        "body": (
            "<p>{site} is an independent newsroom covering Ukraine, the war and its consequences "
            "for Europe and the world, in English and Ukrainian.</p>"
            "<h2>How we work</h2>"
            "<p>Our reporters work from Kyiv and the front-line regions. Every story is checked by "
            "an editor before it is published, and when we get something wrong we correct it and "
            "say so under the article.</p>"
            "<h2>Who funds us</h2>"
            "<p>Readers fund most of our work through memberships. Advertisers and donors have no "
            "say in what we publish.</p>"
        ),
    },
    {
        "slug": "contact",
        "title": "Contact",
        "seo_description": "How to reach the newsroom, send a tip or ask for a correction.",
        "body": (
            "<p>The newsroom reads every message. For a correction, write to the editors and name "
            "the article and what is wrong.</p>"
            "<ul><li>Editors: editors@example.org</li><li>Tips: tips@example.org</li>"
            "<li>Partnerships: partners@example.org</li></ul>"
        ),
    },
]


# The Ukrainian edition's About and Contact: translations of the English pages (by slug).
UKRAINIAN_PAGES = [
    {
        "translation_of": "about",
        "slug": "pro-nas",
        "title": "Про нас",
        "seo_description": "Хто ми, як працюємо і хто нас фінансує.",
        "body": (
            "<p>{site} — незалежна редакція, яка пише про Україну, війну та її наслідки для "
            "Європи й світу англійською та українською.</p>"
            "<h2>Як ми працюємо</h2>"
            "<p>Наші репортери працюють у Києві та прифронтових регіонах. Кожен матеріал перед "
            "публікацією перевіряє редактор, а коли ми помиляємося, то виправляємо помилку й "
            "пишемо про це під статтею.</p>"
            "<h2>Хто нас фінансує</h2>"
            "<p>Більшість нашої роботи оплачують читачі через членство. Рекламодавці й донори "
            "не впливають на те, що ми публікуємо.</p>"
        ),
    },
    {
        "translation_of": "contact",
        "slug": "kontakty",
        "title": "Контакти",
        "seo_description": (
            "Як зв’язатися з редакцією, надіслати підказку чи попросити виправлення."
        ),
        "body": (
            "<p>Редакція читає кожен лист. Щоб попросити виправлення, напишіть редакторам, "
            "назвіть статтю й те, що в ній не так.</p>"
            "<ul><li>Редактори: editors@example.org</li><li>Підказки: tips@example.org</li>"
            "<li>Партнерство: partners@example.org</li></ul>"
        ),
    },
]


def load_pages() -> int:
    """Create the demo pages that do not exist yet; an edited page is left as the editor left it."""
    created = 0
    for language, pages in (("en", PAGES), ("uk", UKRAINIAN_PAGES)):
        for position, values in enumerate(pages):
            values = {**values, "body": values["body"].format(site=settings.SITE_NAME)}
            if original := values.pop("translation_of", None):
                values["translation_of"] = Page.objects.filter(language="en", slug=original).first()
            _, made = Page.objects.get_or_create(
                language=language,
                slug=values["slug"],
                defaults={**values, "is_published": True, "footer_position": position},
            )
            created += made
    return created
