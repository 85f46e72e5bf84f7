"""Opposite-direction runs are found and isolated in plain text and in rich text (cms.bidi)."""

import pytest

from cms.bidi import isolate_html, isolate_text, opposite_runs


@pytest.mark.parametrize(
    ("text", "isolated"),
    [
        ("عن +RESILIENT", 'عن <bdi dir="ltr">+RESILIENT</bdi>'),
        (
            "مشروع (Interreg MED 2014-2020).",
            'مشروع (<bdi dir="ltr">Interreg MED 2014-2020</bdi>).',
        ),
        ("What is an SVRC?", '<bdi dir="ltr">What is an SVRC?</bdi>'),
        ("2021 ١٢", "2021 ١٢"),  # numbers alone are laid out well
        ("<b>", '<bdi dir="ltr">&lt;b&gt;</bdi>'),
    ],
)
def test_latin_runs_in_arabic_text_are_isolated_and_everything_escaped(text, isolated):
    assert isolate_text(text, rtl=True) == isolated


def test_arabic_run_in_english_text_is_isolated():
    assert isolate_text("Partner: جامعة بيرزيت, Palestine", rtl=False) == (
        'Partner: <bdi dir="rtl">جامعة بيرزيت</bdi>, Palestine'
    )


def test_english_text_in_an_english_page_is_left_alone():
    assert opposite_runs("About +RESILIENT", rtl=False) == []


def test_rich_text_keeps_its_tags_and_entities():
    html = '<p>مشروع <a href="/x">+RESILIENT</a> &amp; <bdi>ERDF</bdi></p>'
    assert isolate_html(html, rtl=True) == (
        '<p>مشروع <a href="/x"><bdi dir="ltr">+RESILIENT</bdi></a> &amp; <bdi>ERDF</bdi></p>'
    )


def test_an_already_escaped_text_is_isolated_without_being_escaped_twice():
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load bidi_tags %}{% firstof name as shown %}{{ shown|isolate }}")
    with translation.override("ar"):
        html = template.render(Context({"name": "Tom & Jerry+"}))
    assert html == '<bdi dir="ltr">Tom &amp; Jerry+</bdi>'


def test_search_title_isolates_the_query_so_a_bidi_override_cannot_reorder_it(client, home):
    response = client.get("/en/search/", {"q": "abc\u202edef"})
    title = response.content.decode().split("<title>")[1].split("</title>")[0]
    assert "\u2068abc\u202edef\u2069" in title


def test_footer_partner_names_in_another_language_carry_their_lang_and_dir(client, home):
    from cms import factories as f
    from cms.models import OrganisationKind

    f.OrganisationFactory(name="Fondazione Esempio", kind=OrganisationKind.PARTNER)
    html = client.get("/ar/").content.decode()
    footer = html.split('class="partner-list"')[1].split("</ul>")[0]
    assert '<li lang="en" dir="ltr">' in footer
    assert "Fondazione Esempio" in footer
    assert '<li lang="en"' not in client.get("/en/").content.decode().split("partner-list")[1]
