from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        # Connect the provider webhooks: bounces and complaints, and unsubscribe emails.
        from newsletters import inbound, suppression  # noqa: F401
