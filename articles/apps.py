from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles import heroes, policy
        from articles.models import Article
        from images import body_uses, display
        from images.models import Image

        # A library image's credit or renditions changed: so do the heroes that use it.
        post_save.connect(heroes.library_changed, sender=Image, dispatch_uid="articles.heroes")
        # "Where used" lists the articles showing a library image in their body.
        body_uses.watch(Article, "body")
        # "Where used" names only the articles the person may see.
        display.VIEW_RULES["articles.Article"] = lambda user, article: policy.can(
            user, policy.Action.VIEW, article
        )
