"""The newsroom's roles and the model permissions each one holds.

Object-level rules (a reporter edits only their own drafts) are enforced in the
admin on top of these; the groups give the coarse rights.
"""

from django.db.models import Q

EDITORS = "Editors"
REPORTERS = "Reporters"

ROLE_PERMISSIONS = {
    EDITORS: {
        "articles": {
            "article": "add change delete view",
            "section": "add change delete view",
            "tag": "add change delete view",
            "byline": "add change delete view",
            "correction": "add change delete view",
        },
        # A profile and its bios in the other editions' languages, on the same page.
        "authors": {"author": "add change delete view", "authorbio": "add change delete view"},
        # The media library: images and their rights.
        "images": {"image": "add change delete view"},
        "pages": {"page": "add change delete view"},
        # The front page and section pages as editors arrange them.
        "curation": {"pin": "add change delete view"},
        # Live coverage: the stories' state and key points, and every entry.
        "live": {"livestory": "add change delete view", "liveentry": "add change delete view"},
        # How many read each article: figures only, nobody edits them.
        "readership": {"articlereadership": "view"},
        # Newsletters: compose, preview, test and send issues; subscribers' records.
        "newsletters": {
            "newsletter": "add change delete view",
            "issue": "add change delete view",
            "issueitem": "add change delete view",
            "subscriber": "change delete view",
            "subscription": "add change delete view",
        },
    },
    REPORTERS: {
        "articles": {
            "article": "add change view",
            "section": "view",
            "tag": "add view",
            "byline": "add change delete view",
            "correction": "view",
        },
        # Their own profile only (authors/admin.py), with its bios in other languages.
        "authors": {"author": "change view", "authorbio": "add change delete view"},
        "images": {"image": "add change view"},
        "readership": {"articlereadership": "view"},
        # On the stories they are on the byline of (live/policy.py): entries without review.
        "live": {"livestory": "change view", "liveentry": "add change view"},
    },
}


def permission_codenames(role: str) -> list[tuple[str, str]]:
    """(app_label, codename) for every permission the role holds."""
    return [
        (app_label, f"{action}_{model}")
        for app_label, models in ROLE_PERMISSIONS[role].items()
        for model, actions in models.items()
        for action in actions.split()
    ]


# Permissions added after the roles were first created, granted by later migrations.
# The editors' object-level rights (publish, schedule, unpublish, correct, restore,
# edit anyone's work in any state) all hang on this one permission.
EDITOR_WORKFLOW_PERMISSIONS = [
    ("articles", "publish_article"),
    # An import publishes what was public on the old site, so it is an editor's step.
    ("importers", "run_import"),
    ("importers", "view_importeditem"),
    ("importers", "view_importrun"),
]


def ensure_roles(using="default", **kwargs):
    """Create the role groups, if missing, and give them their permissions.

    post_migrate is sent once for every app, and again after each flush (every browser
    test's teardown): a role's permissions are fetched and granted in one query each.
    """
    from django.contrib.auth.models import Group, Permission

    for role in ROLE_PERMISSIONS:
        wanted = permission_codenames(role)
        if role == EDITORS:
            wanted += EDITOR_WORKFLOW_PERMISSIONS
        group, _ = Group.objects.using(using).get_or_create(name=role)
        matching = Q()
        for app_label, codename in wanted:
            matching |= Q(content_type__app_label=app_label, codename=codename)
        # Permissions of apps that have not migrated yet are granted on their own signal.
        group.permissions.add(*Permission.objects.using(using).filter(matching))
