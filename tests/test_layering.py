"""The apps depend on each other one way, in the order settings.PROJECT_APPS lists them.

An app may import only the apps listed before it, and a template of an app may
load only the template tags of that app or of apps before it. No app imports the
project package (its settings or root URLs): apps read settings through
django.conf.settings.
"""

import re
from pathlib import Path

import grimp
import pytest
from django.conf import settings
from django.template import engines

APPS = settings.PROJECT_APPS
PROJECT = "newsroom"
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(PROJECT, *APPS)


def upward_imports(graph, app: str) -> list[str]:
    """Imports, anywhere in `app` (inside functions too), of a later app or of the project."""
    higher = {*APPS[APPS.index(app) + 1 :], PROJECT}
    found = []
    for module in sorted(graph.find_descendants(app) | {app}):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported.split(".", 1)[0] in higher:
                found.append(f"{module} imports {imported}")
    return found


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_apps_below_it(graph, app):
    """E.g. authors never imports articles or newsfeed, and articles never imports newsfeed."""
    assert upward_imports(graph, app) == []


def template_owner(path: Path) -> str | None:
    """The app a template belongs to: templates/<app>/, templates/admin/<app>/ or <app>/templates/."""
    parts = path.parts
    for app in APPS:
        if (
            (parts[0] == "templates" and len(parts) > 2 and parts[1] == app)
            or parts[:3] == ("templates", "admin", app)
            or parts[0] == app
        ):
            return app
    return None  # base.html, includes/, error pages: the project's own


def library_owner(name: str) -> str | None:
    """The app whose templatetags module defines the library `name`, or None for Django's."""
    module = engines["django"].engine.libraries[name]
    app = module.split(".", 1)[0]
    return app if app in APPS else None


def template_loads():
    root = Path(settings.BASE_DIR)
    paths = [*root.glob("templates/**/*.html")]
    paths += [path for app in APPS for path in root.glob(f"{app}/templates/**/*.html")]
    for path in sorted(paths):
        relative = path.relative_to(root)
        owner = template_owner(relative)
        if owner is None:
            continue
        for match in LOAD.finditer(path.read_text()):
            for library in match.group(1).split():
                yield str(relative), owner, library


@pytest.mark.parametrize(("template", "owner", "library"), list(template_loads()))
def test_a_template_loads_only_tags_of_its_app_or_below(template, owner, library):
    """templates/articles/ may load images or website tags, never newsfeed's."""
    lib_app = library_owner(library)
    if lib_app is not None:
        assert APPS.index(lib_app) <= APPS.index(owner), f"{template} loads {library} ({lib_app})"
