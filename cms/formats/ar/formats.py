# Day before month as in Django's Arabic DATE_FORMAT, which has no DATETIME_FORMAT of its own
# (it would fall back to the English "N j, Y, P").
DATETIME_FORMAT = "j F، Y، H:i"
TIME_FORMAT = "H:i"
# Django groups no digits in Arabic; with Latin digits the Maghreb convention (CLDR ar-MA, ar-TN)
# is "12.500,50", matching Django's Arabic decimal separator.
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
