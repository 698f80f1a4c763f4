from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        # Connect the provider webhooks: bounces and complaints, and unsubscribe emails.
        from newsletters import inbound, suppression  # noqa: F401
