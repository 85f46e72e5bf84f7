"""A result's progress reads right in Arabic: the per cent sign stays with its number (a space
between them lets the right-to-left order carry the sign to the far side)."""

from django.template.loader import render_to_string
from django.utils import translation


def test_the_per_cent_sign_stays_with_the_number_in_arabic():
    with translation.override("ar"):
        html = render_to_string("community/results/progress.html", {"progress": 60})
    assert "60%" in html.split("result-progress__figure")[1]
