"""The newsroom's dates in Ukrainian: the month in the genitive ("1 грудня"), 24-hour time."""

DATE_FORMAT = "j E Y"
MONTH_DAY_FORMAT = "j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
