"""The role groups and their permissions, made again after every migrate and flush."""

import pytest
from django.contrib.auth.models import Group

from staff.roles import (
    EDITOR_WORKFLOW_PERMISSIONS,
    EDITORS,
    REPORTERS,
    ensure_roles,
    permission_codenames,
)

pytestmark = pytest.mark.django_db


def granted(role):
    group = Group.objects.get(name=role)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_roles_get_every_permission_in_a_few_queries(django_assert_max_num_queries):
    """Both groups are made with all their permissions in a few queries, not one a permission."""
    Group.objects.filter(name__in=[EDITORS, REPORTERS]).delete()
    # post_migrate calls this once for every app, and again after every flush.
    with django_assert_max_num_queries(16):
        ensure_roles()
    assert granted(EDITORS) == set(permission_codenames(EDITORS) + EDITOR_WORKFLOW_PERMISSIONS)
    assert granted(REPORTERS) == set(permission_codenames(REPORTERS))
    with django_assert_max_num_queries(8):
        ensure_roles()
    assert granted(REPORTERS) == set(permission_codenames(REPORTERS))
