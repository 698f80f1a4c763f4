"""The demo newsroom's site pages: About and Contact, published and linked in the footer, with
their Ukrainian translations."""

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


# The Ukrainian edition's pages (demo/ukrainian.py) are translations of these: slug, original.
TRANSLATIONS = {"pro-nas": "about", "kontakty": "contact"}


def load_pages() -> int:
    """Create the demo pages that do not exist yet; an edited page is left as the editor left it.

    The Ukrainian pages are linked to these as their translations, unless an editor has
    linked them already.
    """
    created = 0
    for position, values in enumerate(PAGES):
        values = {**values, "body": values["body"].format(site=settings.SITE_NAME)}
        _, made = Page.objects.get_or_create(
            language="en",
            slug=values["slug"],
            defaults={**values, "is_published": True, "footer_position": position},
        )
        created += made
    for slug, original in TRANSLATIONS.items():
        Page.objects.filter(language="uk", slug=slug, translation_of=None).update(
            translation_of=Page.objects.filter(language="en", slug=original).first()
        )
    return created
