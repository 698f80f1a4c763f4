"""The POST data of an article's admin change form, as a browser would send it unchanged."""

import datetime

from django import forms
from django.test import Client
from django.urls import reverse

from tests.factories import make_user


def form_fields(form, data):
    """Add the values form would send, by field name, to data."""
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        if isinstance(field, forms.FileField):
            continue
        if isinstance(field, forms.SplitDateTimeField):
            if isinstance(value, datetime.datetime):
                data[f"{key}_0"], data[f"{key}_1"] = f"{value:%Y-%m-%d}", f"{value:%H:%M:%S}"
            else:
                data[f"{key}_0"] = data[f"{key}_1"] = ""
        elif isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data[key] = [str(item) for item in value or []]
        else:
            data[key] = "" if value is None else str(value)


def change_form_data(article, client: Client | None = None) -> dict:
    """What the change form holds now, read by a superuser (or the given client)."""
    if client is None:
        client = Client()
        client.force_login(make_user(is_superuser=True, is_staff=True))
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    data = {}
    form_fields(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        initial_forms = formset.initial_forms
        form_fields(formset.management_form, data)
        data[formset.management_form.add_prefix("TOTAL_FORMS")] = str(len(initial_forms))
        for form in initial_forms:
            form_fields(form, data)
    for key in ["workflow_note", "correction_text", "schedule_for_0", "schedule_for_1"]:
        data.pop(key, None)
    return data
