"""Every image readers see is described: no image without alt text, in the form and in the table."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class AltTextRule:
    """One image field and its alt-text field: the table's constraint and the form's error."""

    image: str
    alt: str
    label: str  # the image as the message names it, e.g. "hero image"

    @property
    def message(self) -> str:
        return _("Describe the %(image)s in its alt text.") % {"image": self.label}

    def constraint(self, *, name: str) -> models.CheckConstraint:
        """A row with an image file has alt text for it."""
        return models.CheckConstraint(
            condition=Q(**{self.image: ""}) | ~Q(**{self.alt: ""}),
            name=name,
            violation_error_message=self.message,
        )

    def errors(self, instance) -> dict:
        """For Model.clean(): the alt field's error when the image has none."""
        if getattr(instance, self.image) and not getattr(instance, self.alt).strip():
            return {self.alt: self.message}
        return {}
