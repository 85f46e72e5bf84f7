"""Waiting for the page in a way the site's Content-Security-Policy allows.

Playwright's `wait_for_function` and `add_script_tag` run their script inside the page, where
the policy (no eval, no inline script) refuses them. `page.evaluate` goes through the browser's
DevTools protocol instead, which a page's policy does not govern; so tests poll with it.
"""

import time

__all__ = ["inject_script", "wait_until", "wait_until_settled"]

# The page's layout once nothing is still changing it, or null while something is: the document
# or its fonts still loading (a fallback font has other widths), a CSS transition or animation
# running (the language menu, Leaflet's tile fade and zoom), a Leaflet pan or zoom in progress.
# Infinite animations (a spinner) never end, so they are not waited for.
_LAYOUT_WHEN_IDLE = """(() => {
    if (document.readyState !== 'complete' || document.fonts.status !== 'loaded') return null;
    const running = document.getAnimations().some(animation =>
        animation.playState === 'running'
        && animation.effect && animation.effect.getComputedTiming().iterations !== Infinity);
    if (running || document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')) return null;
    return Array.from(document.querySelectorAll('body *'), element => {
        const box = element.getBoundingClientRect();
        return [box.x, box.y, box.width, box.height].map(Math.round).join(',');
    }).join(' ') + '|' + window.scrollX + ',' + window.scrollY;
})()"""


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


def wait_until_settled(page, timeout=15.0, interval=0.1):
    """Wait until the page has stopped changing: loaded, its fonts ready, no transition or
    animation running, and every element's box the same in two looks `interval` s apart (so an
    element is checked where it ends up, not where a late layout change passes it)."""
    deadline = time.monotonic() + timeout
    previous = None
    while True:
        layout = page.evaluate(_LAYOUT_WHEN_IDLE)
        if layout is not None and layout == previous:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page was still changing after {timeout} s")
        previous = layout
        page.wait_for_timeout(interval * 1000)
