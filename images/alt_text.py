"""Every image readers see is described: no image without alt text, in the form and in the table."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def _message(model_or_field_name: str):
    return _("Describe the %(image)s in its alt text.") % {"image": model_or_field_name}


def alt_text_constraint(*, image: str, alt: str, name: str, label: str) -> models.CheckConstraint:
    """The table's rule: a row with an image file has alt text for it."""
    return models.CheckConstraint(
        condition=Q(**{image: ""}) | ~Q(**{alt: ""}),
        name=name,
        violation_error_message=_message(label),
    )


def alt_text_errors(instance, *, image: str, alt: str, label: str) -> dict:
    """The form's rule, for Model.clean(): the alt field's error when the image has none."""
    if getattr(instance, image) and not getattr(instance, alt).strip():
        return {alt: _message(label)}
    return {}
