"""The mailto in List-Unsubscribe: an email whose subject is "unsubscribe <token>".

A mail app sends it to NEWSLETTER_UNSUBSCRIBE_MAILTO; the email provider posts each email it
receives there to anymail's inbound webhook (/anymail/<provider>/inbound/, protected by
ANYMAIL_WEBHOOK_SECRET), and anymail sends the inbound signal. The signed token is the proof,
as for the one-click link; the sender's address is neither trusted nor needed. Any other
email is left alone.
"""

import re

from anymail.signals import inbound
from django.dispatch import receiver

from newsletters import services, tokens
from newsletters.models import Subscriber

UNSUBSCRIBE_SUBJECT = re.compile(r"^\s*(?:\w+:\s*)*unsubscribe\s+(\S+)\s*$", re.IGNORECASE)


@receiver(inbound, dispatch_uid="newsletters.unsubscribe_by_email")
def unsubscribe_by_email(sender, event, esp_name, **kwargs):
    match = UNSUBSCRIBE_SUBJECT.match(event.message.subject or "")
    key, newsletter_id = (match and tokens.read_unsubscribe_token(match[1])) or (None, None)
    subscriber = Subscriber.objects.filter(key=key).first() if key else None
    if subscriber is not None:
        services.unsubscribe(subscriber=subscriber, newsletter_id=newsletter_id)
