from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles import fragments
        from articles.models import Article, Byline, Correction, Section, Tag
        from articles.roles import ensure_roles
        from authors.models import Author
        from newsroom.page_cache import content_changed

        # The roles migration makes the groups once; this keeps them whole after
        # every migrate and after a flush (which empties tables but re-sends post_migrate).
        post_migrate.connect(ensure_roles, sender=self)

        # Any change readers could see starts a new content version of the page cache.
        for model in (Article, Byline, Correction, Section, Tag, Author):
            for signal, name in ((post_save, "save"), (post_delete, "delete")):
                signal.connect(content_changed, sender=model, dispatch_uid=f"page-{name}-{model}")
                signal.connect(
                    fragments.forget_versions, sender=model, dispatch_uid=f"memo-{name}-{model}"
                )
        m2m_changed.connect(content_changed, sender=Article.tags.through, dispatch_uid="page-tags")

        # Cached pieces of pages carry their article's version; what they show
        # besides the article starts a new version of them all.
        for model in (Byline, Correction, Section, Tag, Author):
            for signal, name in ((post_save, "save"), (post_delete, "delete")):
                signal.connect(
                    fragments.related_changed, sender=model, dispatch_uid=f"piece-{name}-{model}"
                )
        m2m_changed.connect(
            fragments.related_changed, sender=Article.tags.through, dispatch_uid="piece-tags"
        )
        request_started.connect(fragments.forget_versions, dispatch_uid="pieces-request-start")
        request_finished.connect(fragments.forget_versions, dispatch_uid="pieces-request-end")
