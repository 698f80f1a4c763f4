"""Model fields that keep hostile input out of the database."""

from django_ckeditor_5.fields import CKEditor5Field

from website.richtext import SanitizedHtml, sanitize_html


def sanitized(value) -> SanitizedHtml | object:
    """Rich text through the allowlist once; what is sanitised already is left as it is."""
    if isinstance(value, str) and not isinstance(value, SanitizedHtml):
        return sanitize_html(value)
    return value


class RichTextField(CKEditor5Field):
    """CKEditor 5 in the admin; the allowlist sanitiser on every write to the database.

    The one sanitising path of the project. `pre_save` cleans the instance's value
    (so the object in memory is what was stored) and `get_db_prep_save` cleans what
    QuerySet.update(), bulk_create() and bulk_update() write; a value is cleaned
    once, whichever path it takes. Lookups are left as they are.
    """

    def pre_save(self, model_instance, add):
        value = sanitized(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        return super().get_db_prep_save(sanitized(value), connection)
