"""The article admin's translation tools: "Translate into …" actions, the translation group on
the change page, and the notice that a translation's original changed since, with its changes.

Mixed into ArticleAdmin; the writes are services in articles/translations.py.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from articles import policy, translations
from articles.policy import Action
from website import editions


def _translate_action(language: str, name: str):
    def translate(modeladmin, request, queryset):
        made = []
        for article in queryset:
            try:
                made.append(
                    translations.translation_create(
                        article=article, language=language, by=request.user
                    )
                )
            except ValidationError as error:
                messages.error(request, f"{article}: {' '.join(error.messages)}")
        for draft in made:
            url = reverse("admin:articles_article_change", args=[draft.pk])
            messages.success(
                request,
                format_html(
                    _(
                        'Draft translation made: <a href="{}">{}</a>. Its text is the original’s, '
                        "left to translate."
                    ),
                    url,
                    draft.title,
                ),
            )
        if len(made) == 1:
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[made[0].pk]))
        return None

    translate.__name__ = f"translate_into_{language}"
    return (
        translate,
        translate.__name__,
        gettext_lazy("Translate into %(language)s") % {"language": name},
    )


class TranslationAdmin:
    """Translations of articles, from the article list and the change page."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if request.user.has_perm("articles.add_article"):
            for code, name in editions.choices():
                action = _translate_action(code, str(name))
                actions[action[1]] = action
        return actions

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/translation-current/",
                wrap(require_POST(self.translation_current_view)),
                name="articles_article_translation_current",
            ),
            *super().get_urls(),
        ]

    def translation_current_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None or not policy.can(request.user, Action.EDIT, article):
            raise PermissionDenied
        translations.translation_mark_current(article=article, by=request.user)
        messages.success(request, _("This translation now follows the original as it is now."))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            source = obj.translation_of
            root = source or obj
            group = [root, *root.translations.all()]
            context["translation_group"] = [member for member in group if member.pk != obj.pk]
            context["translation_source"] = source
            context["translation_changes"] = translations.source_changes(obj) if source else []
        return super().render_change_form(request, context, add, change, form_url, obj)
