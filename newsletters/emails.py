"""The emails: an issue rendered once per send, confirmations, and the signed links in them.

Only the signed links differ between two recipients of an issue, so the HTML and text are
rendered once with placeholders and each message swaps in its recipient's links.
"""

from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string, select_template
from django.urls import reverse
from django.utils import translation

from newsletters import tokens
from website.identity import absolute_url, site_domain

MANAGE_PLACEHOLDER = "NEWSLETTER-MANAGE-URL"
UNSUBSCRIBE_PLACEHOLDER = "NEWSLETTER-UNSUBSCRIBE-URL"
MAILTO_PLACEHOLDER = "NEWSLETTER-UNSUBSCRIBE-TOKEN"


def subscriber_page_url(name: str, token: str, language: str) -> str:
    """A subscriber's page in the edition of the newsletter that sends the link.

    The page's address says its language, as every reader page's does: a Ukrainian
    newsletter's links open /uk/newsletters/subscriber/…, in Ukrainian.
    """
    with translation.override(language):
        return absolute_url(reverse(f"newsletters:{name}", kwargs={"token": token}))


def manage_url(subscriber, language: str) -> str:
    return subscriber_page_url("manage", tokens.manage_token(subscriber), language)


def unsubscribe_url(subscriber, newsletter) -> str:
    token = tokens.unsubscribe_token(subscriber, newsletter)
    return subscriber_page_url("unsubscribe", token, newsletter.language)


def issue_stories(issue) -> list[dict]:
    """The issue's stories as an email shows them: absolute links and a JPEG image."""
    stories = []
    for item in issue.items.select_related("article__section"):
        article = item.article
        picture = article.hero_picture
        stories.append(
            {
                "article": article,
                "section": article.section,
                "url": absolute_url(article.get_absolute_url()),
                "image": absolute_url(picture.src) if picture else "",
                "image_alt": article.hero_alt,
            }
        )
    return stories


def _template(name: str, language: str):
    """The newsletter's language's own template when there is one, else the default."""
    return select_template([f"newsletters/{language}/{name}", f"newsletters/{name}"])


class IssueEmail:
    """An issue's email, rendered once; message() makes each recipient's copy."""

    def __init__(self, issue):
        self.issue = issue
        newsletter = issue.newsletter
        context = {
            "issue": issue,
            "newsletter": newsletter,
            "stories": issue_stories(issue),
            "web_url": absolute_url(issue.get_absolute_url()),
            "manage_url": MANAGE_PLACEHOLDER,
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        }
        with translation.override(newsletter.language):
            self.html = _template("email/issue.html", newsletter.language).render(context)
            self.text = _template("email/issue.txt", newsletter.language).render(context)

    def links(self, subscriber) -> dict[str, str]:
        """The recipient's own signed links, by the placeholder each replaces."""
        newsletter = self.issue.newsletter
        return {
            MANAGE_PLACEHOLDER: manage_url(subscriber, newsletter.language),
            UNSUBSCRIBE_PLACEHOLDER: unsubscribe_url(subscriber, newsletter),
            MAILTO_PLACEHOLDER: tokens.unsubscribe_token(subscriber, newsletter),
        }

    def message(self, subscriber, *, delivery_id=None, connection=None, links=None):
        newsletter = self.issue.newsletter
        links = links or self.links(subscriber)
        unsubscribe, mailto = links[UNSUBSCRIBE_PLACEHOLDER], links[MAILTO_PLACEHOLDER]
        headers = {
            # RFC 2369 and RFC 8058: mail apps show an unsubscribe button; one POST to the
            # https address unsubscribes, with no page to confirm.
            "List-Unsubscribe": (
                f"<{unsubscribe}>, <mailto:{unsubscribe_mailto()}?subject=unsubscribe%20{mailto}>"
            ),
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": formataddr((newsletter.name, f"{newsletter.slug}.{list_domain()}")),
            "List-Archive": f"<{absolute_url(newsletter.get_absolute_url())}>",
        }
        if delivery_id is not None:
            # One Message-ID per delivery: a retry of the same email is recognisably the same.
            message_id = f"issue-{self.issue.pk}.delivery-{delivery_id}@{list_domain()}"
            headers["Message-ID"] = f"<{message_id}>"

        def personal(body: str) -> str:
            return body.replace(MANAGE_PLACEHOLDER, links[MANAGE_PLACEHOLDER]).replace(
                UNSUBSCRIBE_PLACEHOLDER, unsubscribe
            )

        message = EmailMultiAlternatives(
            subject=self.issue.subject,
            body=personal(self.text),
            from_email=newsletter.sender,
            to=[subscriber.email],
            reply_to=newsletter.reply_to_addresses,
            headers=headers,
            connection=connection,
        )
        message.attach_alternative(personal(self.html), "text/html")
        return message


class RawIssueEmail:
    """The issue's whole message as bytes, made once; each recipient's copy is a replace.

    For an SMTP connection: building and encoding a MIME message costs more than sending
    it, and only the recipient, the Message-ID and the signed links differ. Works when
    those are ASCII and the body is sent as 8bit (no line over 998 bytes), else None.
    """

    RECIPIENT = "newsletter-recipient@placeholder.invalid"
    DELIVERY = "NEWSLETTER-DELIVERY-ID"

    def __init__(self, email: IssueEmail):
        self.email = email
        placeholder = type("Recipient", (), {"email": self.RECIPIENT})()
        links = {name: name for name in (MANAGE_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER,
                                         MAILTO_PLACEHOLDER)}  # fmt: skip
        message = email.message(placeholder, delivery_id=self.DELIVERY, links=links)
        self.sender = sanitize_address(message.from_email, "utf-8")
        raw = message.message().as_bytes(linesep="\r\n")
        usable = b"Content-Transfer-Encoding: 8bit" in raw and all(
            raw.count(name.encode()) >= 1 for name in (self.RECIPIENT, self.DELIVERY)
        )
        self.raw = raw if usable else None

    def for_recipient(self, subscriber, delivery_id) -> bytes | None:
        if self.raw is None or not subscriber.email.isascii():
            return None
        raw = self.raw.replace(self.RECIPIENT.encode(), subscriber.email.encode())
        raw = raw.replace(self.DELIVERY.encode(), str(delivery_id).encode())
        for name, link in self.email.links(subscriber).items():
            raw = raw.replace(name.encode(), link.encode())
        return raw


def list_domain() -> str:
    return site_domain().split(":", 1)[0] or "localhost"


def unsubscribe_mailto() -> str:
    return settings.NEWSLETTER_UNSUBSCRIBE_MAILTO


def confirmation_message(subscriber, newsletters, *, already_subscribed: bool):
    """The double opt-in email, or for an address already receiving them, a reminder."""
    language = newsletters[0].language if newsletters else "en"
    confirm = tokens.confirm_token(subscriber, [n.pk for n in newsletters])
    context = {
        "newsletters": newsletters,
        "names": ", ".join(newsletter.name for newsletter in newsletters),
        "already_subscribed": already_subscribed,
        "confirm_url": subscriber_page_url("confirm", confirm, language),
        "manage_url": manage_url(subscriber, language),
    }
    with translation.override(language):
        subject = render_to_string("newsletters/email/confirm_subject.txt", context).strip()
        body = render_to_string("newsletters/email/confirm.txt", context)
    sender = newsletters[0].sender if newsletters else None
    return EmailMultiAlternatives(
        subject=subject, body=body, from_email=sender, to=[subscriber.email]
    )
