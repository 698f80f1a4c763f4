"""The newsroom's one way of showing a moment: its language's month names, a 24-hour clock,
the year only when it is not the current one ("December 1, 14:32", "July 1, 2024, 09:00").

Formats come from website/formats/<language>/formats.py (FORMAT_MODULE_PATH), so the admin
shows the same clock. Relative times ("12 minutes ago") are written in the browser from the
<time datetime> (static/js/times.js): a page or card is cached for minutes or days, so a
relative time written on the server would be wrong by the time it is read.
"""

from datetime import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format

from website import editions


def label(value: datetime, *, with_time: bool = True, now: datetime | None = None) -> str:
    """The moment in the newsroom's time zone and language, as readers see it."""
    local = timezone.localtime(value)
    this_year = timezone.localtime(now or timezone.now()).year
    # The edition's language: "1 July 2024" in English, "1 липня 2024" in Ukrainian.
    with translation.override(editions.language_tag(editions.current())):
        day = date_format(local, "MONTH_DAY_FORMAT" if local.year == this_year else "DATE_FORMAT")
        return f"{day}, {date_format(local, 'TIME_FORMAT')}" if with_time else day
