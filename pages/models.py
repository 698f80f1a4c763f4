from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from website import editions
from website.fields import RichTextField
from website.translations import translation_of_field


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_edition(self, language=None):
        """The pages of the edition being rendered, unless a language is named."""
        return self.filter(language=language or editions.current())

    def in_footer(self, language=None):
        pages = self.published().in_edition(language).filter(show_in_footer=True)
        return pages.order_by("footer_position", "title")


class Page(models.Model):
    """A page of the site that is not news: About, Contact, the ethics policy."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("The page's address: a slug of “about” gives /about/."),
    )
    language = editions.language_field(
        help_text=_("The edition that shows it: English at /about/, Ukrainian at /uk/…/."),
    )
    translation_of = translation_of_field("self")
    body = RichTextField(_("body"), blank=True)
    seo_title = models.CharField(
        _("search title"), max_length=200, blank=True, help_text=_("Shown by search engines.")
    )
    seo_description = models.CharField(
        _("search description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for search results and shared links."),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Readers see only published pages.")
    )
    show_in_footer = models.BooleanField(_("link in the footer"), default=True)
    footer_position = models.PositiveSmallIntegerField(
        _("position in the footer"), default=0, help_text=_("Lower numbers come first.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["footer_position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="page_slug_per_language"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return editions.slug_address("pages:page", self.language, self.slug)

    def clean(self):
        # A page may not take an address the site already answers, such as /search/.
        if self.slug and not self.address_is_free(self.slug):
            raise ValidationError(
                {"slug": _("/%(slug)s/ is already a page of the site.") % {"slug": self.slug}}
            )

    @staticmethod
    def address_is_free(slug: str) -> bool:
        try:
            match = resolve(f"/{slug}/")
        except Resolver404:
            return True
        return match.view_name == "pages:page"
