"""Waiting for the page in a way the site's Content-Security-Policy allows.

Playwright's `wait_for_function` and `add_script_tag` run their script inside the page, where
the policy (no eval, no inline script) refuses them. `page.evaluate` goes through the browser's
DevTools protocol instead, which a page's policy does not govern; so tests poll with it.
"""

import time

__all__ = ["inject_script", "wait_until"]


def wait_until(page, expression, timeout=15.0, interval=0.05):
    """Wait until the JavaScript `expression` is truthy in `page`; fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(interval * 1000)


def inject_script(page, path):
    """Run a test library (e.g. axe-core) in `page` without an inline <script> tag."""
    page.evaluate(path.read_text())
