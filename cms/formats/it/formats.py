# "1 giugno 2021, 14:05": no leading zero on the day, no weekday on a timestamp.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
