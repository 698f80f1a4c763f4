from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class HourlyViews(models.Model):
    """How many times an article was read in one hour: a counter, never a row per view.

    Nothing about the reader is kept: no address, no browser, no cookie.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="hourly_views"
    )
    hour = models.DateTimeField(_("hour"), help_text=_("The start of the hour, in UTC."))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("hourly views")
        verbose_name_plural = _("hourly views")
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="hourly_views_one_per_hour"),
        ]
        indexes = [
            # Most Popular sums the last 7 days' rows.
            models.Index(fields=["hour", "article"], name="hourly_views_hour_idx"),
        ]

    def __str__(self):
        return f"{self.article_id} {self.hour:%Y-%m-%d %H:00}: {self.views}"


class ArticleReadership(Article):
    """Articles as the readership figures list them in the admin (read-only)."""

    class Meta:
        proxy = True
        verbose_name = _("readership figure")
        verbose_name_plural = _("readership figures")
        default_permissions = ("view",)
