"""Members' HTML keeps formatting and loses everything that could run or mislead.

Only rich text goes through the sanitiser; plain text is stored as typed and escaped on output
(tests/community/test_plain_text.py). `text_from_html` reads the words back out of rich text."""

from cms.sanitiser import clean_html, text_from_html


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


def test_text_of_rich_text_drops_every_tag_and_decodes_entities_once():
    assert text_from_html("<b>Ana</b> <i>K.</i>") == "Ana K."
    # Decoded, not escaped: the output escapes it, once.
    assert text_from_html("<p>R&amp;D &lt;lab&gt; &quot;Nova&quot;</p>") == 'R&D <lab> "Nova"'
    assert text_from_html("<p>a &amp;amp; b</p>") == "a &amp; b"
    assert text_from_html(None) == ""


def test_data_and_vbscript_links_lose_their_target():
    payload = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
    assert clean_html(f'<a href="{payload}">x</a>') == "<a>x</a>"
    assert clean_html('<a href="vbscript:msgbox(1)">x</a>') == "<a>x</a>"


def test_mail_links_are_kept():
    # linkify's nofollow callback leaves mail links alone.
    html = '<a href="mailto:info@example.org">write</a>'
    assert clean_html(html) == html


def test_mouse_and_focus_handlers_are_removed_from_every_tag():
    assert clean_html('<p onmouseover="steal()">Hi</p>') == "<p>Hi</p>"
    cleaned = clean_html('<a href="https://example.org" onmouseover="steal()" onfocus="x()">x</a>')
    assert cleaned == '<a href="https://example.org" rel="nofollow">x</a>'


def test_links_keep_their_title_and_rel_and_always_get_nofollow():
    cleaned = clean_html('<a href="https://example.org" title="Partner" rel="noopener">x</a>')
    assert cleaned == '<a href="https://example.org" title="Partner" rel="noopener nofollow">x</a>'


def test_disallowed_tags_are_removed_not_shown_as_text():
    assert clean_html("<div><h1>Big</h1><h3>Small</h3></div>").strip() == "Big<h3>Small</h3>"


def test_comments_are_dropped_from_rich_and_plain_text():
    assert clean_html("<p>a<!-- hidden -->b</p>") == "<p>ab</p>"
    assert text_from_html("a<!-- hidden -->b") == "ab"


def test_addresses_inside_preformatted_text_stay_unlinked():
    assert clean_html("<pre>see example.org</pre>") == "<pre>see example.org</pre>"


def test_empty_input_gives_empty_output():
    assert clean_html("") == ""
    assert clean_html(None) == ""
    assert text_from_html("") == ""
