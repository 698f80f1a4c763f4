"""Model fields that keep hostile input out of the database."""

from django_ckeditor_5.fields import CKEditor5Field

from newsroom.richtext import sanitize_html


class RichTextField(CKEditor5Field):
    """CKEditor 5 in the admin; the allowlist sanitiser on every write to the database.

    Sanitising here, where the value is prepared for the database, covers every way
    of writing: save(), QuerySet.update(), bulk_create() and bulk_update(), from the
    admin, services and management commands alike. Lookups are left as they are.
    """

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = sanitize_html(value)
        return super().get_db_prep_save(value, connection)
