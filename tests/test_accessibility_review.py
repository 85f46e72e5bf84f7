"""The review list of axe's undecided results (tests/e2e/test_accessibility.py) lets through only
the kinds it names: checked here without a browser."""

from tests.e2e.test_accessibility import unreviewed_incomplete


def test_incomplete_results_outside_the_reviewed_kinds_are_reported():
    """The filter above can fail: an unknown rule, reason or element stays unreviewed."""

    def result(rule, reason, target):
        return {"id": rule, "nodes": [{"target": target, "reasons": [reason]}]}

    assert unreviewed_incomplete([result("color-contrast", "bgGradient", "#hero-heading")]) == []
    for unknown in (
        result("color-contrast", "bgGradient", ".card__title"),
        result("color-contrast", "bgImage", "#hero-heading"),
        result("aria-valid-attr-value", "aria-valid-attr-value", "#hero-heading"),
        result("color-contrast", "bgOverlap", "a[href$='about/']"),
    ):
        assert unreviewed_incomplete([unknown]) == [unknown]
    overlap = result("color-contrast", "bgOverlap", "a[href$='about/']")
    assert unreviewed_incomplete([overlap], menu_open=True) == []
