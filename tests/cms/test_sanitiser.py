"""Members' HTML keeps formatting and loses everything that could run or mislead."""

from cms.sanitiser import clean_html, clean_text


def test_formatting_and_lists_survive():
    html = "<p><strong>Bold</strong> and <em>italic</em></p><ul><li>one</li></ul>"
    assert clean_html(html) == html


def test_scripts_event_handlers_and_styles_are_removed():
    cleaned = clean_html('<p onclick="steal()" style="color:red">Hi<script>alert(1)</script></p>')
    # The script's text stays as inert text; the element and the attributes are gone.
    assert cleaned == "<p>Hialert(1)</p>"


def test_javascript_links_lose_their_target_and_safe_links_get_nofollow():
    assert clean_html('<a href="javascript:alert(1)">x</a>') == "<a>x</a>"
    assert clean_html('<a href="https://example.org">x</a>') == (
        '<a href="https://example.org" rel="nofollow">x</a>'
    )


def test_bare_addresses_become_links_but_not_inside_code():
    assert 'href="http://example.org"' in clean_html("<p>see example.org</p>")
    assert clean_html("<code>example.org</code>") == "<code>example.org</code>"


def test_images_iframes_and_comments_are_dropped():
    assert clean_html('<img src="x.png"><iframe src="x"></iframe><!-- c -->ok') == "ok"


def test_plain_text_strips_every_tag():
    assert clean_text("<b>Ana</b> <i>K.</i>") == "Ana K."
    assert clean_text(None) == ""
