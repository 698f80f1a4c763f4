import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles import add_once, autosaves, desk, heroes, policy, revisions, services
from articles.admin_forms import WORKFLOW_BUTTON, ArticleAdminForm
from articles.admin_views import ArticleWorkflowViews
from articles.models import (
    CONTENT_FIELDSETS,
    Article,
    Autosave,
    Byline,
    Correction,
    Section,
    Status,
    Tag,
)
from articles.policy import Action
from articles.translation_admin import TranslationAdmin
from images.choosers import ChoosesLibraryImage, chooser_fields
from website.richtext import sanitize_html


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "language", "translation_of", "position"]
    list_filter = ["language"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "language", "translation_of"]
    list_filter = ["language"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class NoDeleteRelated:
    """Related records (a section, an author) are deleted in their own admin, never from a form."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if hasattr(getattr(formfield, "widget", None), "can_delete_related"):
            formfield.widget.can_delete_related = False
        return formfield


class BylineFormSet(BaseInlineFormSet):
    """The bylines, or those of an autosave being restored (set by the admin as `restored`)."""

    restored = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.restored is None or self.is_bound:
            return
        # The saved bylines take the autosaved rows in order; saved ones beyond them are
        # ticked for removal, and the extra forms hold the rest (get_formset_kwargs).
        for index, form in enumerate(self.initial_forms):
            if index < len(self.restored):
                form.initial.update(self.restored[index])
            else:
                form.initial["DELETE"] = True


class BylineInline(NoDeleteRelated, admin.StackedInline):
    """Stacked: labelled fields that fit a phone (a table of bylines ran off its screen)."""

    model = Byline
    formset = BylineFormSet
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "part", "role", "position"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "part":
            field.required = False  # left out: an author, as the model says
        return field

    def get_extra(self, request, obj=None, **kwargs):
        restored = restored_bylines(request)
        if restored is None:
            return self.extra
        saved = obj.bylines.count() if obj is not None and obj.pk else 0
        return max(self.extra, len(restored) - saved)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.restored = restored_bylines(request)
        return formset

    def has_add_permission(self, request, obj=None):
        allowed = obj is None or policy.can(request.user, Action.EDIT, obj)
        return allowed and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = obj is None or policy.can(request.user, Action.EDIT, obj)
        return allowed and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = obj is None or policy.can(request.user, Action.EDIT, obj)
        return allowed and super().has_delete_permission(request, obj)


class CorrectionInline(admin.StackedInline):
    """Corrections as published. New ones are added with the "New correction" field."""

    model = Correction
    extra = 0
    fields = ["published_at", "text"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return policy.is_editor(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return policy.is_editor(request.user) and super().has_delete_permission(request, obj)


class QueueFilter(admin.SimpleListFilter):
    """The article list narrowed to one of the person's desk queues (linked from the home page)."""

    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [(queue.key, queue.title) for queue in desk.queues_for(request.user)]

    def queryset(self, request, queryset):
        if self.value() not in {queue.key for queue in desk.queues_for(request.user)}:
            return queryset
        return desk.filtered(queryset, request.user, self.value())


class MineFilter(admin.SimpleListFilter):
    """Articles with the person on the byline."""

    title = _("byline")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", _("Mine"))]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        return queryset.filter(
            pk__in=Byline.objects.filter(author__user=request.user).values("article")
        )


class StateFilter(admin.SimpleListFilter):
    """The workflow state, scheduled told apart from published (Article.state())."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == Status.SCHEDULED:
            return queryset.scheduled()
        if value == Status.PUBLISHED:
            return queryset.published()
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


# What the form adds to the content's groups: typed tags and a kept hero image.
FORM_ONLY_FIELDS = {
    CONTENT_FIELDSETS[1][0]: ["new_tags"],
    CONTENT_FIELDSETS[2][0]: chooser_fields(ArticleAdminForm),
}
BODY_AS_READ = {"body": "body_as_read"}


def restored_bylines(request) -> list[dict] | None:
    """The bylines of the autosave this request restores, if it restores one that has them."""
    autosave = getattr(request, "restored_autosave", None)
    return autosave.data.get(autosaves.BYLINES) if autosave is not None else None


@admin.register(Article)
class ArticleAdmin(
    ChoosesLibraryImage,
    TranslationAdmin,
    ArticleWorkflowViews,
    NoDeleteRelated,
    admin.ModelAdmin,
):
    form = ArticleAdminForm
    list_display = [
        "thumbnail",
        "headline",
        "state_label",
        "language",
        "section",
        "byline_names",
        "last_changed",
    ]
    list_display_links = ["headline"]
    list_filter = [
        QueueFilter,
        MineFilter,
        StateFilter,
        "language",
        "section",
        "kind",
        "is_breaking",
        "authors",
    ]
    list_select_related = ["section"]
    list_per_page = 50
    ordering = ["-updated_at", "-id"]
    search_fields = ["title", "standfirst", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["tags"]
    date_hierarchy = "publish_at"
    inlines = [BylineInline, CorrectionInline]

    class Media:
        js = ["js/article-form.js", "js/body-library.js"]

    # Status and publish time change only through the workflow buttons, so every
    # change is a recorded transition.
    readonly_fields = [
        "status",
        "publish_at",
        "first_published_at",
        "updated_at",
        "word_count",
        "reading_time",
    ]
    fieldsets = [
        *CONTENT_FIELDSETS,
        (_("Publishing"), {"fields": ["status", "publish_at", "first_published_at", "updated_at"]}),
        (_("Measured"), {"fields": ["word_count", "reading_time"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(self.fieldsets)
        if obj is not None and not policy.can(request.user, Action.EDIT, obj):
            # Read only: the body as readers see it, not its HTML source.
            return [
                (name, {**options, "fields": [BODY_AS_READ.get(f, f) for f in options["fields"]]})
                for name, options in fieldsets
            ]
        fieldsets = [
            (name, {**options, "fields": [*options["fields"], *FORM_ONLY_FIELDS.get(name, [])]})
            for name, options in fieldsets
        ]
        hero_name, hero = fieldsets[2]
        hero_fields = self.chooser_fieldset_fields(request, obj, hero["fields"])
        fieldsets[2] = (hero_name, {**hero, "fields": hero_fields})
        if obj is None:
            # Nothing is published or measured yet: the add page shows only the content,
            # and carries the token that saves it once (articles.add_once).
            first_name, first = fieldsets[0]
            fieldsets[0] = (first_name, {**first, "fields": [*first["fields"], "add_token"]})
            return fieldsets[: len(CONTENT_FIELDSETS)]
        first_name, first = fieldsets[0]
        fieldsets[0] = (first_name, {**first, "fields": [*first["fields"], "edited_version"]})
        workflow = []
        if policy.workflow_actions(request.user, obj):
            workflow.append("workflow_note")
        if policy.can(request.user, Action.SCHEDULE, obj):
            workflow.append("schedule_for")
        if policy.can(request.user, Action.CORRECT, obj):
            workflow.append("correction_text")
        if workflow:
            # Just before "Publishing", which follows the content.
            fieldsets.insert(len(CONTENT_FIELDSETS), (_("Workflow"), {"fields": workflow}))
        return fieldsets

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        # Corrections are only listed; an article without any gets no empty group.
        if obj is None or not obj.corrections.exists():
            inlines = [inline for inline in inlines if not isinstance(inline, CorrectionInline)]
        return inlines

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if not isinstance(inline, BylineInline) or request.method != "GET":
            return kwargs
        restored = restored_bylines(request)
        author = getattr(request.user, "author", None)
        if restored is not None:
            # The autosaved bylines the saved ones do not take (BylineFormSet).
            saved = obj.bylines.count() if obj.pk else 0
            kwargs["initial"] = restored[saved:]
        elif obj.pk is None:
            # A new article starts with the person writing it on the byline.
            kwargs["initial"] = [{"author": author.pk}] if author else []
        return kwargs

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        if request.method == "GET" and request.GET.get("autosave") == "restore":
            # The autosaved text in the form, to be saved (or not) like any edit.
            form.restored = Autosave.objects.filter(article=obj, user=request.user).first()
            request.restored_autosave = form.restored
        return form

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related("bylines__author")
            .annotate(last_changed_by=revisions.latest_user_subquery())
        )
        if policy.is_editor(request.user):
            return queryset
        # Reporters see their own work in every state and everyone's live articles.
        own = Byline.objects.filter(author__user=request.user).values("article")
        return queryset.filter(pk__in=own) | queryset.published()

    def get_object(self, request, object_id, from_field=None):
        # Found whatever the list shows; the permission checks below then answer 403.
        field = Article._meta.pk if from_field is None else Article._meta.get_field(from_field)
        try:
            return Article.objects.get(**{field.name: field.to_python(object_id)})
        except (Article.DoesNotExist, ValidationError, ValueError):
            return None

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return super().has_view_permission(request)
        return policy.can(request.user, Action.VIEW, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return policy.can(request.user, Action.EDIT, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return policy.is_editor(request.user) and super().has_delete_permission(request)
        return policy.can(request.user, Action.DELETE, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        if object_id is None:
            return self.add_once(request, form_url, extra_context)
        article = self.get_object(request, unquote(object_id)) if object_id else None
        self.check_workflow_request(request, article, adding=object_id is None)
        if article is not None and self.has_change_permission(request, article):
            services.revision_baseline(article=article)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def add_once(self, request, form_url, extra_context):
        """One article per add form, however often it is sent (articles.add_once)."""
        token = request.POST.get(add_once.FIELD, "")
        if not add_once.claim(token):
            pk = add_once.saved_article(token)
            messages.info(
                request,
                _("The form was sent twice: the article was saved once, here it is.")
                if pk
                else _("The form was sent twice and is still being saved: find it in the list."),
            )
            if pk:
                return HttpResponseRedirect(reverse("admin:articles_article_change", args=[pk]))
            return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
        response = None
        try:
            self.check_workflow_request(request, None, adding=True)
            with reversion.create_revision():
                reversion.set_user(request.user)
                response = super().changeform_view(request, None, form_url, extra_context)
        finally:
            added = getattr(request, "added_article_pk", None)
            if added is not None:
                add_once.finish(token, pk=added)
            else:
                add_once.give_up(token)
        return response

    def check_workflow_request(self, request, article, *, adding):
        """Refuse (403) a workflow step or correction the user may not take, before any save."""
        requested = request.POST.get(WORKFLOW_BUTTON, "")
        correcting = bool(request.POST.get("correction_text", "").strip())
        if not requested and not correcting:
            return
        if adding:
            # A new article may go straight to review; the step itself checks the rule.
            if requested != Action.SUBMIT or correcting:
                raise PermissionDenied
            return
        if article is None:
            raise PermissionDenied
        if requested and (
            requested not in policy.WORKFLOW_ACTIONS
            or not policy.can(request.user, Action(requested), article)
        ):
            raise PermissionDenied
        if correcting and not policy.can(request.user, Action.CORRECT, article):
            raise PermissionDenied

    def save_model(self, request, obj, form, change):
        old_slug = form.initial.get("slug", "") if change else ""
        heroes.attach(obj, user=request.user)
        super().save_model(request, obj, form, change)
        if change:
            services.slug_change_record(article=obj, old_slug=old_slug)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        # Saved: the autosaved text is in the article now.
        autosaves.discard(article=article if change else None, user=request.user)
        if not policy.is_editor(request.user):
            # A reporter stays on the byline of what they write, so it stays theirs.
            services.byline_add_creator(article=article, user=request.user)
        data = form.cleaned_data
        if data.get("new_tags"):
            services.tags_add_by_name(article=article, names=data["new_tags"], by=request.user)
        if not change:
            if request.POST.get(WORKFLOW_BUTTON) == Action.SUBMIT:
                services.article_submit(article=article, by=request.user)
            return
        if data.get("correction_text", "").strip():
            services.correction_add(article=article, by=request.user, text=data["correction_text"])
        requested = request.POST.get(WORKFLOW_BUTTON, "")
        if requested == Action.SCHEDULE:
            services.article_schedule(
                article=article,
                by=request.user,
                publish_at=data["schedule_for"],
                note=data.get("workflow_note", ""),
            )
        elif requested:
            services.WORKFLOW_SERVICES[Action(requested)](
                article=article, by=request.user, note=data.get("workflow_note", "")
            )

    def log_addition(self, request, obj, message):
        self.comment_revision(message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self.comment_revision(message)
        return super().log_change(request, obj, message)

    def comment_revision(self, message):
        """Describe the revision as the admin's history does, before any workflow step."""
        changes = LogEntry(change_message=message).get_change_message()
        reversion.set_comment(f"{changes} {reversion.get_comment()}".strip())

    def response_add(self, request, obj, post_url_continue=None):
        request.added_article_pk = obj.pk
        if request.POST.get(WORKFLOW_BUTTON) == Action.SUBMIT:
            return self.response_change(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        requested = request.POST.get(WORKFLOW_BUTTON, "")
        if requested in policy.WORKFLOW_ACTIONS:
            obj.refresh_from_db()
            state = obj.state().label.lower()
            messages.success(
                request,
                _("“%(title)s” was saved and is now %(state)s.")
                % {
                    "title": obj.title,
                    "state": state,
                },
            )
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def get_view_on_site_url(self, obj=None):
        # Only what readers can see: a draft or scheduled article's address is a 404 to
        # them, and Preview shows it as they will.
        if obj is not None and obj.state() != Status.PUBLISHED:
            return None
        return super().get_view_on_site_url(obj)

    def has_add_permission(self, request):
        if not super().has_add_permission(request):
            return False
        # A reporter writes under their own byline, so they need an author profile.
        return policy.is_editor(request.user) or hasattr(request.user, "author")

    @admin.display(description=_("body"))
    def body_as_read(self, article):
        """The body's HTML as readers get it (sanitised), for the read-only view."""
        return mark_safe(sanitize_html(article.body))  # noqa: S308 (cleaned by the allowlist)

    @admin.display(description=_("image"))
    def thumbnail(self, article):
        smallest = (article.hero_renditions or {}).get("webp") or []
        if not smallest:
            return mark_safe('<span class="list-thumbnail list-thumbnail--none"></span>')
        name, width, height = smallest[0]
        return format_html(
            '<img src="{}" alt="" width="64" height="{}" class="list-thumbnail" loading="lazy">',
            default_storage.url(name),
            round(64 * height / width) if width else 36,
        )

    @admin.display(description=_("headline"), ordering="title")
    def headline(self, article):
        return article.title

    @admin.display(description=_("status"), ordering="status")
    def state_label(self, article):
        state = article.state()
        return format_html(
            '<span class="state-label state-label--{}">{}</span>', state, state.label
        )

    @admin.display(description=_("last changed"), ordering="updated_at")
    def last_changed(self, article):
        when = timezone.localtime(article.updated_at)
        return format_html(
            '<time datetime="{}">{}</time><span class="last-changed-by">{}</span>',
            when.isoformat(),
            f"{when:%Y-%m-%d %H:%M}",
            article.last_changed_by or "—",
        )

    @admin.display(description=_("authors"))
    def byline_names(self, article):
        return ", ".join(byline.author.name for byline in article.bylines.all())
