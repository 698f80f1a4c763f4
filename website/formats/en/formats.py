"""The newsroom's dates in English: month names, 24-hour time (the admin uses these too)."""

DATE_FORMAT = "F j, Y"
MONTH_DAY_FORMAT = "F j"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "F j, Y, H:i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
