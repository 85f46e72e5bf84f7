# Slovenian writes the day's month in the genitive ("6. decembra 2026", with the alt. month
# names marked in ../month_names.py) and the time with a full stop after "ob": "ob 14.24".
DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = r"j. E Y \o\b H.i"
TIME_FORMAT = "H.i"
MONTH_DAY_FORMAT = "j. E"
YEAR_MONTH_FORMAT = "F Y"
