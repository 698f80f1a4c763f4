"""Addresses an email provider reports as bouncing or complaining get nothing more.

Providers post their events to anymail's tracking webhooks (/anymail/<provider>/tracking/,
protected by ANYMAIL_WEBHOOK_SECRET); anymail turns each into a tracking signal.
"""

from anymail.signals import tracking
from django.dispatch import receiver
from django.utils import timezone

from newsletters.models import Subscriber

SUPPRESSING_EVENTS = {"bounced", "complained", "rejected", "unsubscribed"}


@receiver(tracking, dispatch_uid="newsletters.suppress")
def suppress_on_bounce(sender, event, esp_name, **kwargs):
    if event.event_type not in SUPPRESSING_EVENTS or not event.recipient:
        return
    reason = f"{esp_name}: {event.event_type}"
    if event.reject_reason:
        reason += f" ({event.reject_reason})"
    Subscriber.objects.filter(email__iexact=event.recipient, suppressed_at__isnull=True).update(
        suppressed_at=timezone.now(), suppressed_reason=reason[:200]
    )
