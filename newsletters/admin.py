"""Newsletters in the admin: compose an issue, reorder it, preview, test, send or schedule."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsletters import services, views
from newsletters.models import Issue, IssueItem, Newsletter, Subscriber, Subscription, Weekday
from newsletters.sending import progress

SEND_BUTTON = "_newsletter_action"


class NewsletterForm(forms.ModelForm):
    send_days = forms.TypedMultipleChoiceField(
        label=_("days"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Days its issue is assembled at the send time. None: only by hand."),
    )

    class Meta:
        model = Newsletter
        fields = [
            "name", "slug", "description", "language", "is_public", "send_days", "send_time",
            "approval", "sections", "tags", "stories_per_section", "from_name", "from_email",
            "reply_to",
        ]  # fmt: skip


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    form = NewsletterForm
    list_display = ["name", "language", "approval", "send_time", "subscriber_count"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sections", "tags"]
    actions = ["compose_today"]

    @admin.display(description=_("subscribers"))
    def subscriber_count(self, newsletter):
        return Subscriber.objects.receiving(newsletter).count()

    @admin.action(description=_("Compose today's issue"), permissions=["change"])
    def compose_today(self, request, queryset):
        for newsletter in queryset:
            issue = services.compose_issue(newsletter=newsletter)
            url = reverse("admin:newsletters_issue_change", args=[issue.pk])
            messages.info(request, format_html('<a href="{}">{}</a>', url, issue))


class IssueItemInline(admin.TabularInline):
    model = IssueItem
    extra = 1
    fields = ["position", "article"]
    raw_id_fields = ["article"]


class IssueForm(forms.ModelForm):
    schedule_for = forms.DateTimeField(
        label=_("Schedule for"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("For “Save and schedule”, in the newsroom's time zone."),
    )

    class Meta:
        model = Issue
        fields = ["newsletter", "date", "subject", "intro"]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    form = IssueForm
    inlines = [IssueItemInline]
    list_display = ["subject", "newsletter", "date", "status", "progress_summary"]
    list_filter = ["newsletter", "status"]
    readonly_fields = ["status", "send_at", "started_at", "sent_at", "progress_summary"]
    change_form_template = "admin/newsletters/issue/change_form.html"

    def get_fields(self, request, obj=None):
        fields = ["newsletter", "date", "subject", "intro"]
        if obj is None or obj.is_editable:
            fields.append("schedule_for")
        return [*fields, *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return ["newsletter", "date", "subject", "intro", *self.readonly_fields]
        return self.readonly_fields

    def get_inlines(self, request, obj):
        return self.inlines if obj is None or obj.is_editable else []

    @admin.display(description=_("progress"))
    def progress_summary(self, issue):
        if issue.status not in {Issue.Status.SENDING, Issue.Status.SENT}:
            return "—"
        counts = progress(issue)
        return _("%(sent)s sent, %(failed)s failed, %(left)s left") % counts

    def get_urls(self):
        preview = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/web/", preview(self.preview_web), name="newsletters_issue_web"),
            path(
                "<int:pk>/preview/email/",
                preview(self.preview_email),
                name="newsletters_issue_email",
            ),
            *super().get_urls(),
        ]

    def viewable_issue(self, request, pk):
        issue = get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)
        if not self.has_view_permission(request, issue):
            raise PermissionDenied
        return issue

    def preview_web(self, request, pk):
        return views.render_issue_page(request, self.viewable_issue(request, pk), preview=True)

    def preview_email(self, request, pk):
        return views.render_issue_email(self.viewable_issue(request, pk))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and not obj.items.exists():
            obj._compose_after_save = True

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        issue = form.instance
        if getattr(issue, "_compose_after_save", False) and not issue.items.exists():
            # A new issue with no stories chosen: the template's top stories, to edit.
            stories = services.top_stories(issue.newsletter, now=timezone.now())
            IssueItem.objects.bulk_create(
                IssueItem(issue=issue, article=article, position=position)
                for position, article in enumerate(stories)
            )

    def response_change(self, request, obj):
        action = request.POST.get(SEND_BUTTON, "")
        if action not in {"test", "send", "schedule", "unschedule"}:
            return super().response_change(request, obj)
        here = HttpResponseRedirect(reverse("admin:newsletters_issue_change", args=[obj.pk]))
        if not self.has_change_permission(request, obj):
            messages.error(request, _("You may not send newsletters."))
            return here
        try:
            if action == "test":
                if not request.user.email:
                    messages.error(request, _("Your login has no email address to send to."))
                    return here
                services.send_test(issue=obj, email=request.user.email)
                messages.success(request, _("A test was sent to %s.") % request.user.email)
            elif action == "send":
                count = services.send_now(issue=obj)
                messages.success(request, _("Sending to %d subscribers.") % count)
            elif action == "schedule":
                value = request.POST.get("schedule_for")
                send_at = value and IssueForm().fields["schedule_for"].clean(value)
                if not send_at:
                    messages.error(request, _("Give the time to send it at."))
                    return here
                services.schedule(issue=obj, send_at=send_at)
                messages.success(request, _("Scheduled for %s.") % timezone.localtime(send_at))
            else:
                services.unschedule(issue=obj)
                messages.success(request, _("No longer scheduled."))
        except (services.CannotSend, forms.ValidationError) as reason:
            messages.error(request, str(reason))
        return here


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = ["newsletter", "created_at", "confirmed_at"]
    readonly_fields = ["created_at"]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "confirmed_at", "suppressed_at"]
    list_filter = ["subscriptions__newsletter", "confirmed_at", "suppressed_at"]
    search_fields = ["email"]
    readonly_fields = ["email", "created_at", "confirmed_at"]
    fields = ["email", "created_at", "confirmed_at", "suppressed_at", "suppressed_reason"]
    inlines = [SubscriptionInline]

    def has_add_permission(self, request):
        return False  # addresses come only through the double opt-in
