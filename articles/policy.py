"""Who may do what to an article, in which state: the one place the rules live.

The admin, the workflow services and the preview views all ask `can()`; buttons
are hidden with it and forged requests are refused with it. Roles come from
permissions (the Editors group holds `publish_article`; superusers hold all),
and authorship from the article's bylines.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Status

EDITOR_PERMISSION = "articles.publish_article"


class Action(models.TextChoices):
    VIEW = "view", _("View")
    EDIT = "edit", _("Edit")
    SUBMIT = "submit", _("Submit for review")
    WITHDRAW = "withdraw", _("Withdraw from review")
    SEND_BACK = "send_back", _("Send back to the reporter")
    PUBLISH = "publish", _("Publish now")
    SCHEDULE = "schedule", _("Schedule")
    UNPUBLISH = "unpublish", _("Unpublish")
    CORRECT = "correct", _("Add a correction")
    DELETE = "delete", _("Delete")
    HISTORY = "history", _("See revisions")
    RESTORE = "restore", _("Restore a revision")
    PREVIEW = "preview", _("Preview")
    SHARE = "share", _("Share a preview link")


# The workflow actions an editor may take from each state.
NOT_LIVE = {Status.DRAFT, Status.IN_REVIEW, Status.SCHEDULED, Status.UNPUBLISHED}
EDITOR_FROM = {
    Action.SUBMIT: {Status.DRAFT},
    # Editors send an article back with a note instead.
    Action.WITHDRAW: set(),
    Action.SEND_BACK: {Status.IN_REVIEW},
    Action.PUBLISH: NOT_LIVE,
    Action.SCHEDULE: NOT_LIVE,
    Action.UNPUBLISH: {Status.PUBLISHED, Status.SCHEDULED},
    Action.CORRECT: {Status.PUBLISHED},
    Action.SHARE: NOT_LIVE,
}
# What an author who is not an editor (a reporter on the byline) may do, by state.
AUTHOR_FROM = {
    Action.VIEW: set(Status),
    Action.PREVIEW: set(Status),
    Action.EDIT: {Status.DRAFT},
    Action.SUBMIT: {Status.DRAFT},
    Action.WITHDRAW: {Status.IN_REVIEW},
    Action.SHARE: NOT_LIVE,
}
# The actions offered as buttons on the article's change form, in this order.
WORKFLOW_ACTIONS = [
    Action.SUBMIT,
    Action.SEND_BACK,
    Action.PUBLISH,
    Action.SCHEDULE,
    Action.UNPUBLISH,
]


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def is_editor(user) -> bool:
    return is_staff(user) and user.has_perm(EDITOR_PERMISSION)


def is_author(user, article: Article) -> bool:
    """On the article's byline through the user's linked author profile."""
    if not is_staff(user) or article.pk is None:
        return False
    if not hasattr(article, "_byline_user_ids"):
        # Asked several times per page; one query per article object is enough.
        article._byline_user_ids = set(
            article.bylines.filter(author__user__isnull=False).values_list(
                "author__user", flat=True
            )
        )
    return user.pk in article._byline_user_ids


def can(user, action: Action, article: Article, now=None) -> bool:
    """Whether user may take action on article as it stands now."""
    if not is_staff(user):
        return False
    state = article.state(now)
    if is_editor(user):
        if action == Action.DELETE:
            return user.has_perm("articles.delete_article")
        allowed_from = EDITOR_FROM.get(action)
        return allowed_from is None or state in allowed_from
    if action == Action.VIEW and state == Status.PUBLISHED:
        return user.has_perm("articles.view_article")
    if not user.has_perm("articles.change_article"):
        return False
    return state in AUTHOR_FROM.get(action, set()) and is_author(user, article)


def workflow_actions(user, article: Article) -> list[Action]:
    """The workflow buttons to offer this user on this article."""
    return [action for action in WORKFLOW_ACTIONS if can(user, action, article)]
