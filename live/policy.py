"""Who may do what on live stories, written once (the README's table says the same).

Entries need no review: a live story is published by an editor, and its reporters
then post straight to readers, because live coverage is minutes old or worthless.
Editors oversee after the fact: they edit, pin, correct and delete any entry.

- post an entry: editors; reporters on the live story's byline;
- edit an entry: editors; the reporter who posted it;
- pin, unpin, correct, delete an entry; change the story's state: editors;
- edit the key points: editors; reporters on the byline;
- promote an entry to a full article: whoever may post (the article starts as a draft);
- see an entry (named in "where used"): whoever may view the story's article; a scheduled
  entry, whoever may post.
"""

from django.utils import timezone

from articles.policy import Action, can, is_author, is_editor, is_staff


def can_post(user, story) -> bool:
    return is_editor(user) or (
        is_staff(user) and user.has_perm("live.add_liveentry") and is_author(user, story.article)
    )


def can_see(user, entry, now=None) -> bool:
    """Whoever may open the story's article; a scheduled entry only whoever may post to the
    story (readers do not see it yet, nor do reporters off the byline)."""
    if not can(user, Action.VIEW, entry.story.article, now):
        return False
    return entry.published_at <= (now or timezone.now()) or can_post(user, entry.story)


def can_edit(user, entry) -> bool:
    if is_editor(user):
        return True
    return (
        is_staff(user)
        and user.has_perm("live.change_liveentry")
        and entry.created_by_id == user.pk
        and is_author(user, entry.story.article)
    )


def can_oversee(user) -> bool:
    """Pin, unpin, correct and delete entries; start, pause and end the coverage."""
    return is_editor(user)


def can_edit_key_points(user, story) -> bool:
    return is_editor(user) or (is_staff(user) and is_author(user, story.article))


def can_promote(user, entry) -> bool:
    return can_post(user, entry.story) and user.has_perm("articles.add_article")
