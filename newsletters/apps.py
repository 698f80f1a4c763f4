from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from newsletters import suppression  # noqa: F401  (connects the provider webhooks)
