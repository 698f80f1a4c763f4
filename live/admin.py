"""Live stories and their entries in the admin: the story's state and key points, and the one
short form entries are posted and edited with. Every rule is live/policy.py's, through
live/services.py."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.policy import is_editor
from images.choosers import ChoosesLibraryImage, chooser_fields
from live import autosaves, policy, services
from live.forms import EntryForm
from live.models import LiveEntry, LiveStory

# What the entry form changes through a service of its own, not a plain edit.
OVERSEEN_FIELDS = ("is_pinned", "correction")


@admin.register(LiveStory)
class LiveStoryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "state", "coverage_start", "coverage_end", "post_link"]
    list_filter = ["state"]
    search_fields = ["article__title"]
    autocomplete_fields = ["article"]
    fields = ["article", "state", "coverage_start", "coverage_end", "key_points"]

    class Media:
        css = {"all": ["css/live-desk.css"]}

    @admin.display(description=_("entries"))
    def post_link(self, story):
        url = reverse("admin:live_liveentry_add") + f"?story={story.pk}"
        entries = reverse("admin:live_liveentry_changelist") + f"?story__article__exact={story.pk}"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>', url, _("Post an entry"), entries, _("All")
        )

    def get_readonly_fields(self, request, obj=None):
        if policy.can_oversee(request.user):
            return ["article"] if obj else []
        return ["article", "state", "coverage_start", "coverage_end"]

    def has_add_permission(self, request):
        return policy.can_oversee(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return policy.can_edit_key_points(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return policy.can_oversee(request.user) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        state_changed = change and "state" in form.changed_data
        if not change:
            obj.save()
            services.story_start(article=obj.article, by=request.user)
            return
        new_state = obj.state
        if state_changed:
            obj.state = form.initial["state"]
        obj.save()
        if state_changed:
            services.story_set_state(story=obj, by=request.user, state=new_state)


@admin.register(LiveEntry)
class LiveEntryAdmin(ChoosesLibraryImage, admin.ModelAdmin):
    form = EntryForm
    list_display = ["time", "__str__", "story", "is_pinned", "was_updated", "promoted"]
    list_filter = ["is_pinned", "story__article"]
    list_select_related = ["story__article", "promoted_to"]
    search_fields = ["headline", "body"]
    autocomplete_fields = ["authors"]
    date_hierarchy = "published_at"

    class Media:
        css = {"all": ["css/live-desk.css"]}
        # The desk forms' script: a warning before leaving with changes, and autosave.
        js = ["js/article-form.js"]

    fieldsets = (
        (None, {"fields": ("story", "headline", "body")}),
        (
            _("Image"),
            {
                "fields": ("image", *chooser_fields(EntryForm)),
                "classes": ["collapse"],
            },
        ),
        (_("Video or post"), {"fields": ("video_url", "post_url"), "classes": ["collapse"]}),
        (_("When and who"), {"fields": ("published_at", "authors")}),
        (_("Editors"), {"fields": ("is_pinned", "correction")}),
    )

    @admin.display(description=_("time"), ordering="published_at")
    def time(self, entry):
        """Short enough for a phone's list: the day and the time, in the newsroom's zone."""
        return date_format(timezone.localtime(entry.published_at), "j M, H:i")

    @admin.display(boolean=True, description=_("updated"))
    def was_updated(self, entry):
        return entry.was_updated

    @admin.display(description=_("full article"))
    def promoted(self, entry):
        if entry.promoted_to_id:
            url = reverse("admin:articles_article_change", args=[entry.promoted_to_id])
            return format_html('<a href="{}">{}</a>', url, entry.promoted_to)
        return ""

    def get_fieldsets(self, request, obj=None):
        *writing, _editors = super().get_fieldsets(request, obj)
        name, image = writing[1]
        fields = self.chooser_fieldset_fields(request, obj, image["fields"])
        classes = [] if self.holds_an_image(request, obj) else image["classes"]
        writing[1] = (name, {**image, "fields": fields, "classes": classes})
        if not policy.can_oversee(request.user):
            return writing  # pinning and corrections are an editor's
        # A correction is of an entry readers have seen.
        overseen = ("is_pinned", "correction") if obj else ("is_pinned",)
        return [*writing, (_("Editors"), {"fields": overseen})]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "story"] if obj else fields

    @staticmethod
    def holds_an_image(request, obj) -> bool:
        """The image group opens when it has something to show: the entry's image, one chosen,
        uploaded or kept on a submit that came back (its error is there too), or one kept in
        an autosave. Folded, nobody sees that their image is still there."""
        if request.method == "POST":
            chosen = request.POST.get("image") or request.POST.get(autosaves.KEPT_IMAGE)
            return bool(chosen or request.FILES.get("image_upload"))
        restored = getattr(request, "restored_entry_autosave", None)
        if restored is not None and (
            restored.data.get("image") or restored.data.get(autosaves.KEPT_IMAGE)
        ):
            return True
        return obj is not None and obj.image_id is not None

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user  # the chosen image is kept for this person
        form.restored = getattr(request, "restored_entry_autosave", None)
        return form

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author", None)
        if author is not None:
            initial.setdefault("authors", [author.pk])
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "story":
            stories = LiveStory.objects.select_related("article").exclude(
                state=LiveStory.State.ENDED
            )
            if not is_editor(request.user):
                stories = stories.filter(article__bylines__author__user=request.user)
            kwargs["queryset"] = stories
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "story" and formfield is not None:
            # One choice among the stories: no links to add, change or view one from here.
            for name in ("can_add_related", "can_change_related", "can_view_related"):
                setattr(formfield.widget, name, False)
        return formfield

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return policy.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return policy.can_oversee(request.user) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        form.add_upload_to_library()  # a new file is a library image now, on form.instance
        data = {name: form.cleaned_data[name] for name in form.cleaned_data if name in form.fields}
        for name in chooser_fields(EntryForm):
            data.pop(name, None)  # the chooser's own fields: the image itself is in "image"
        data.pop(form.expired_tick, None)
        # Chosen, uploaded (or found in the library as the same file): the form's instance has it.
        data["image"] = form.instance.image
        authors = data.pop("authors", None)
        pinned = data.pop("is_pinned", False)
        correction = data.pop("correction", "")
        data.pop("story", None)
        if data.get("published_at") is None:
            data.pop("published_at", None)  # now, or as it was
        if not change:
            saved = services.entry_post(
                story=form.cleaned_data["story"], by=request.user, authors=authors, pinned=pinned,
                **data,
            )  # fmt: skip
        else:
            image_changed = form.instance.image_id != form.initial.get("image")
            changed = {*form.changed_data, *(["image"] if image_changed else [])}
            edited = {name: value for name, value in data.items() if name in changed}
            if "authors" not in form.changed_data:
                authors = None
            saved = services.entry_edit(entry=obj, by=request.user, authors=authors, **edited)
            if "is_pinned" in form.changed_data:
                services.entry_pin(entry=saved, by=request.user, pinned=pinned)
            if "correction" in form.changed_data and correction:
                services.entry_correct(entry=saved, by=request.user, text=correction)
        obj.pk = saved.pk
        obj.refresh_from_db()
        # Posted: the autosaved text and the kept image are in the entry now.
        autosaves.discard(story=saved.story, entry=saved if change else None, user=request.user)
        self.image_saved(request, form)

    def save_related(self, request, form, formsets, change):
        """The authors are set by the services."""

    def delete_model(self, request, obj):
        services.entry_delete(entry=obj, by=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        """After posting, the form again for the next entry of the same story."""
        if "_addanother" in request.POST or "_save" in request.POST:
            self.message_user(request, _("Posted."), messages.SUCCESS)
            return HttpResponseRedirect(
                reverse("admin:live_liveentry_add") + f"?story={obj.story_id}"
            )
        return super().response_add(request, obj, post_url_continue)

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(require_POST(function))

        return [
            path("autosave/", view(self.autosave_view), name="live_liveentry_autosave_new"),
            path("<path:object_id>/autosave/", view(self.autosave_view),
                 name="live_liveentry_autosave"),
            path("<path:object_id>/promote/", view(self.promote_view),
                 name="live_liveentry_promote"),
            *super().get_urls(),
        ]  # fmt: skip

    def autosave_target(self, request, object_id):
        """The story and entry (None: a new one) an autosave is for, checked as a post or an
        edit is."""
        if object_id is None:
            story = get_object_or_404(LiveStory, pk=str(request.POST.get("story", "")) or 0)
            if not (self.has_add_permission(request) and policy.can_post(request.user, story)):
                raise PermissionDenied
            return story, None
        entry = get_object_or_404(LiveEntry.objects.select_related("story"), pk=object_id)
        if not self.has_change_permission(request, entry):
            raise PermissionDenied
        return entry.story, entry

    def autosave_view(self, request, object_id=None):
        story, entry = self.autosave_target(request, object_id)
        autosave = autosaves.autosave_store(
            story=story, entry=entry, user=request.user, post=request.POST, files=request.FILES
        )
        return JsonResponse(
            {
                "saved_at": f"{timezone.localtime(autosave.saved_at):%H:%M:%S}",
                # The chosen image, kept: the form sends this token from now on.
                autosaves.KEPT_IMAGE: autosave.data.get(autosaves.KEPT_IMAGE, ""),
            }
        )

    def restore_autosave(self, request, story_pk, entry=None):
        """Open the form with the person's autosaved text, if there is newer text than saved."""
        story = LiveStory.objects.filter(pk=story_pk).first() if str(story_pk).isdigit() else None
        if request.method != "GET" or story is None:
            return {}
        autosave = autosaves.pending_for(story=story, entry=entry, user=request.user)
        request.restored_entry_autosave = autosave
        return {"autosave_restored": autosave}

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            **self.restore_autosave(request, request.GET.get("story", "")),
            "autosave_url": reverse("admin:live_liveentry_autosave_new"),
        }
        return super().add_view(request, form_url, extra_context)

    def promote_view(self, request, object_id):
        """Make a full article (a draft) of the entry, linked both ways, and open it."""
        entry = get_object_or_404(LiveEntry, pk=unquote(object_id))
        if not policy.can_promote(request.user, entry):
            raise PermissionDenied
        article = services.entry_promote(entry=entry, by=request.user)
        self.message_user(request, _("A draft article was made from the entry."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        entry = self.get_object(request, unquote(object_id))
        if entry is not None:
            extra_context.update(self.restore_autosave(request, entry.story_id, entry))
            extra_context["autosave_url"] = reverse(
                "admin:live_liveentry_autosave", args=[entry.pk]
            )
        if (
            entry is not None
            and policy.can_promote(request.user, entry)
            and not entry.promoted_to_id
        ):
            extra_context["promote_url"] = reverse("admin:live_liveentry_promote", args=[entry.pk])
        return super().change_view(request, object_id, form_url, extra_context)
