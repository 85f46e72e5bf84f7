# Greek writes the month in the genitive ("1 Ιουνίου 2021") and the time on a 24-hour clock.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
TIME_FORMAT = "H:i"
