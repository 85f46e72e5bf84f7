"""The code an authenticator app shows now, for tests that log in with two factors."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

PERIOD = 30  # seconds a TOTP code lasts


def current_code(secret):
    """The code of the current window, read early enough in it that the server still expects it
    when the form arrives: a code read in a window's last seconds can reach the server in the
    next window and be refused (seen in CI with two browser workers)."""
    if PERIOD - time.time() % PERIOD < 5:
        time.sleep(PERIOD - time.time() % PERIOD + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD))
