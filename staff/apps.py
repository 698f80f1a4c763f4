from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff")

    def ready(self):
        from staff.roles import ensure_roles

        # The role groups are made after every migrate, and again after a flush
        # (which empties tables but re-sends post_migrate), with their permissions.
        post_migrate.connect(ensure_roles, dispatch_uid="staff-roles")
