"""One date and time style on every page: 24-hour, the newsroom's language, the year when not this one."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from website import dates

KYIV = ZoneInfo("Europe/Kyiv")


@pytest.fixture
def early_december(time_machine):
    time_machine.move_to(datetime(2026, 12, 1, 22, 0, tzinfo=KYIV), tick=False)


def render(template: str, **context) -> str:
    return Template("{% load website %}" + template).render(Context(context))


def test_this_years_moment_has_no_year_and_a_24_hour_clock(early_december):
    """A moment this year reads "December 1, 20:32": no year, no a.m./p.m."""
    assert dates.label(datetime(2026, 12, 1, 20, 32, tzinfo=KYIV)) == "December 1, 20:32"


def test_another_years_moment_shows_its_year(early_december):
    """The seed article's date reads "July 1, 2024, 21:14"."""
    assert dates.label(datetime(2024, 7, 1, 21, 14, tzinfo=KYIV)) == "July 1, 2024, 21:14"


def test_moments_are_shown_in_the_newsrooms_time_zone(early_december):
    """18:32 UTC is 20:32 in Kyiv in winter."""
    assert dates.label(datetime(2026, 12, 1, 18, 32, tzinfo=ZoneInfo("UTC"))) == "December 1, 20:32"


def test_the_ukrainian_edition_writes_the_month_in_the_genitive(early_december):
    """A page of the Ukrainian edition: "1 грудня, 20:32", "1 липня 2024"."""
    with translation.override("uk"):
        assert dates.label(datetime(2026, 12, 1, 20, 32, tzinfo=KYIV)) == "1 грудня, 20:32"
        moment = datetime(2024, 7, 1, 21, 14, tzinfo=KYIV)
        assert dates.label(moment, with_time=False) == "1 липня 2024"


def test_when_filter_gives_a_time_element_with_the_exact_moment(early_december):
    """|when writes <time datetime> to the second with its offset; "relative" marks it for the browser."""
    moment = datetime(2026, 12, 1, 20, 32, 5, 123456, tzinfo=KYIV)
    assert render("{{ moment|when }}", moment=moment) == (
        '<time datetime="2026-12-01T20:32:05+02:00">December 1, 20:32</time>'
    )
    assert render('{{ moment|when:"relative" }}', moment=moment) == (
        '<time datetime="2026-12-01T20:32:05+02:00" data-relative>December 1, 20:32</time>'
    )
    assert render('{{ moment|when:"date" }}', moment=moment) == (
        '<time datetime="2026-12-01T20:32:05+02:00">December 1</time>'
    )
    assert render("{{ moment|when }}", moment=None) == ""


def test_admin_formats_use_the_24_hour_clock(early_december):
    """Django's own date formats (the admin's) follow the same style, no a.m./p.m."""
    from django.utils.formats import date_format

    moment = datetime(2026, 12, 1, 20, 32, tzinfo=KYIV)
    assert date_format(moment, "DATETIME_FORMAT") == "December 1, 2026, 20:32"
    assert date_format(moment, "TIME_FORMAT") == "20:32"
