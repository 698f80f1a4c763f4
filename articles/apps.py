from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles.roles import ensure_roles

        # The roles migration makes the groups once; this keeps them whole after
        # every migrate and after a flush (which empties tables but re-sends post_migrate).
        post_migrate.connect(ensure_roles, sender=self)
