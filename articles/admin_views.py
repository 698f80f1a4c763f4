"""The article admin's workflow pages: preview, revisions (history, diff, restore), share links."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles import autosaves, policy, revisions, services
from articles.models import ShareLink
from articles.policy import Action
from articles.preview_views import render_preview

SHARE_LINK_DAYS = [1, 3, 7, 14, 30]


class ArticleWorkflowViews:
    """Mixed into the article's ModelAdmin: extra URLs under each article."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        extra = [
            ("preview/", self.preview_view, "preview"),
            ("revisions/", self.revisions_view, "revisions"),
            ("revisions/<int:version_id>/restore/", require_POST(self.restore_view), "restore"),
            ("withdraw/", require_POST(self.withdraw_view), "withdraw"),
            ("share-links/", require_POST(self.share_link_create_view), "share_link_create"),
            (
                "share-links/<int:link_id>/revoke/",
                require_POST(self.share_link_revoke_view),
                "share_link_revoke",
            ),
        ]
        extra += [
            ("autosave/", require_POST(self.autosave_view), "autosave"),
            ("autosave/discard/", require_POST(self.autosave_discard_view), "autosave_discard"),
        ]
        new_article = [
            path(
                "autosave/",
                wrap(require_POST(self.autosave_view)),
                name="articles_article_autosave_new",
            ),
            path(
                "autosave/discard/",
                wrap(require_POST(self.autosave_discard_view)),
                name="articles_article_autosave_discard_new",
            ),
        ]
        return (
            new_article
            + [
                path(f"<path:object_id>/{route}", wrap(view), name=f"articles_article_{name}")
                for route, view, name in extra
            ]
            + super().get_urls()
        )

    def article_or_403(self, request, object_id, action):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("No such article."))
        if not policy.can(request.user, action, article):
            raise PermissionDenied
        return article

    def change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])

    def preview_view(self, request, object_id):
        article = self.article_or_403(request, object_id, Action.PREVIEW)
        return render_preview(request, article)

    def revisions_view(self, request, object_id):
        article = self.article_or_403(request, object_id, Action.HISTORY)
        versions = list(revisions.versions_of(article))
        by_id = {str(version.pk): version for version in versions}
        before = by_id.get(request.GET.get("before", ""))
        after = by_id.get(request.GET.get("after", ""))
        if before is None and after is None and len(versions) >= 2:
            after, before = versions[0], versions[1]
        changes = None
        if before is not None and after is not None:
            changes = revisions.changes_between(
                revisions.version_display(before), revisions.version_display(after)
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": _("Revisions of “%s”") % article.title,
            "versions": versions,
            "before": before,
            "after": after,
            "changes": changes,
            "can_restore": policy.can(request.user, Action.RESTORE, article),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def restore_view(self, request, object_id, version_id):
        article = self.article_or_403(request, object_id, Action.RESTORE)
        version = get_object_or_404(revisions.versions_of(article), pk=version_id)
        services.revision_restore(article=article, version=version, by=request.user)
        when = timezone.localtime(version.revision.date_created)
        messages.success(request, _("Restored the version of %s.") % f"{when:%Y-%m-%d %H:%M}")
        return HttpResponseRedirect(self.change_url(article))

    def autosave_target(self, request, object_id):
        """The article an autosave is for (None: a new one), checked exactly like a save."""
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        article = self.article_or_403(request, object_id, Action.EDIT)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def autosave_view(self, request, object_id=None):
        article = self.autosave_target(request, object_id)
        autosave = autosaves.autosave_store(
            article=article, user=request.user, post=request.POST, files=request.FILES
        )
        current = article.version if article else None
        return JsonResponse(
            {
                "saved_at": f"{timezone.localtime(autosave.saved_at):%H:%M:%S}",
                # The chosen hero image, kept: the form sends this token from now on.
                "hero_image_pending": autosave.data.get(autosaves.KEPT_IMAGE, ""),
                # Someone saved the article since this form was opened.
                "newer": bool(
                    current and autosave.base_version and current != autosave.base_version
                ),
            }
        )

    def autosave_discard_view(self, request, object_id=None):
        article = self.autosave_target(request, object_id)
        autosaves.discard(article=article, user=request.user)
        messages.success(request, _("The autosaved text was discarded."))
        if article is None:
            return HttpResponseRedirect(reverse("admin:articles_article_add"))
        return HttpResponseRedirect(self.change_url(article))

    def withdraw_view(self, request, object_id):
        article = self.article_or_403(request, object_id, Action.WITHDRAW)
        services.article_withdraw(article=article, by=request.user)
        messages.success(request, _("Withdrawn from review: it is a draft again."))
        return HttpResponseRedirect(self.change_url(article))

    def share_link_create_view(self, request, object_id):
        article = self.article_or_403(request, object_id, Action.SHARE)
        try:
            days = int(request.POST.get("days", ""))
        except ValueError:
            days = 0
        if days not in SHARE_LINK_DAYS:
            messages.error(request, _("Choose how long the link should work."))
            return HttpResponseRedirect(self.change_url(article))
        try:
            link = services.share_link_create(
                article=article,
                by=request.user,
                expires_at=timezone.now() + timedelta(days=days),
                note=request.POST.get("note", "")[:200],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(self.change_url(article))
        messages.success(
            request,
            _("Share link created: %s") % request.build_absolute_uri(link.get_absolute_url()),
        )
        return HttpResponseRedirect(self.change_url(article))

    def share_link_revoke_view(self, request, object_id, link_id):
        article = self.article_or_403(request, object_id, Action.PREVIEW)
        link = get_object_or_404(ShareLink, pk=link_id, article=article)
        services.share_link_revoke(link=link, by=request.user)
        messages.success(request, _("The share link no longer works."))
        return HttpResponseRedirect(self.change_url(article))

    def autosave_context(self, request, context, article):
        """Where the form autosaves, and any newer autosaved text to offer back."""
        new = article is None
        context["autosave_url"] = reverse(
            "admin:articles_article_autosave_new" if new else "admin:articles_article_autosave",
            args=[] if new else [article.pk],
        )
        context["autosave_discard_url"] = reverse(
            "admin:articles_article_autosave_discard_new"
            if new
            else "admin:articles_article_autosave_discard",
            args=[] if new else [article.pk],
        )
        restoring = request.GET.get("autosave") == "restore"
        offer = None if restoring else autosaves.pending_for(article=article, user=request.user)
        context["autosave_offer"] = offer
        context["autosave_restored"] = restoring
        if offer is not None and article is not None:
            context["autosave_changes"] = autosaves.changes(offer, article)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is None and add:
            # A new article can be saved and sent to review in one step.
            context["workflow_actions"] = [Action.SUBMIT]
        editing = add or (obj is not None and policy.can(request.user, Action.EDIT, obj))
        if editing:
            self.autosave_context(request, context, obj)
        if obj is not None:
            user = request.user
            can_edit = policy.can(user, Action.EDIT, obj)
            transitions = list(obj.transitions.select_related("by")[:50])
            latest = next(iter(transitions), None)
            sent_back = latest if latest and latest.action == "sent_back" else None
            context.update(
                {
                    "workflow_state": obj.state(),
                    "workflow_actions": policy.workflow_actions(user, obj) if can_edit else [],
                    "transitions": transitions,
                    "sent_back": sent_back
                    if sent_back and sent_back.action == "sent_back"
                    else None,
                    "can_preview": policy.can(user, Action.PREVIEW, obj),
                    "can_share": policy.can(user, Action.SHARE, obj),
                    "can_history": policy.can(user, Action.HISTORY, obj),
                    "can_withdraw": policy.can(user, Action.WITHDRAW, obj),
                    "share_links": list(obj.share_links.select_related("created_by")[:20])
                    if policy.can(user, Action.PREVIEW, obj)
                    else [],
                    "share_link_days": SHARE_LINK_DAYS,
                    "slug_redirects": list(obj.slug_redirects.all()),
                    "conflict": getattr(
                        context.get("adminform") and context["adminform"].form, "conflict", None
                    ),
                    "now": timezone.now(),
                }
            )
        return super().render_change_form(request, context, add, change, form_url, obj)
