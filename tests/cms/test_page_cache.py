"""The page cache (cms/page_cache.py): anonymous readers' public pages come from the cache, with
no SQL query, validators and compression; nothing personal, private or stale is ever served from
it (cms/page_cache_invalidation.py purges what each change shows)."""

import gzip
from email.utils import formatdate

import brotli
import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from wagtail import hooks
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from cms.page_cache import PageCacheBackend, response_is_storable
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

HIT = "hit"
MISS = "miss"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """On for these tests only: the rest of the suite runs with PAGE_CACHE_SECONDS = 0."""
    from django.core.cache import caches

    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield settings
    caches["pages"].clear()


@pytest.fixture
def pages(home):
    about = f.ContentPageFactory(parent=home, title="About the network", slug="about")
    partners = f.ContentPageFactory(parent=home, title="Our partners", slug="partners")
    news = f.NewsIndexPageFactory(parent=home, title="News", slug="news")
    item = f.NewsPageFactory(parent=news, title="First news item", slug="first")
    return {"home": home, "about": about, "partners": partners, "news": news, "item": item}


def state(client, path, **headers):
    response = client.get(path, headers=headers)
    return response.get("X-Page-Cache"), response


def warm(client, *paths):
    """Store these pages, after the set-up's changes: made in the test's transaction, which
    never commits, they left a purge pending (a real commit sends it), forgotten here."""
    from cms import page_cache_invalidation

    for path in paths:
        first, _response = state(client, path)
        assert first in (MISS, HIT), path
        assert state(client, path)[0] == HIT, path
    # The first page shown made the site's settings row (SiteSettings.for_request), which purges
    # everything too: also built in the test's transaction.
    page_cache_invalidation._local.batch = None


def publish(commit, page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    commit(lambda: page.save_revision().publish())


# -- hits -------------------------------------------------------------------------------------


def test_a_visitors_second_visit_comes_from_the_cache_without_any_query(
    client, pages, django_assert_num_queries
):
    first, response = state(client, "/en/about/")
    assert first == MISS and "About the network" in response.content.decode()
    with django_assert_num_queries(0):
        second, cached = state(client, "/en/about/")
    assert second == HIT
    assert cached.content == response.content
    # The headers the middlewares above the cache add are there on a hit too.
    assert "Content-Security-Policy" in cached and cached["Content-Language"] == "en"


def test_a_page_answers_a_conditional_request_with_304(client, pages):
    _state, response = state(client, "/en/about/")
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert etag and last_modified
    assert client.get("/en/about/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/en/about/", headers={"if-modified-since": last_modified}).status_code == 304
    later = formatdate(usegmt=True)  # now, after the page was stored
    assert client.get("/en/about/", headers={"if-modified-since": later}).status_code == 304
    assert client.get("/en/about/", headers={"if-none-match": 'W/"other"'}).status_code == 200


def test_html_is_compressed_with_brotli_or_gzip_as_the_reader_asks(client, pages):
    _state, plain = state(client, "/en/about/")
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    _state, br = state(client, "/en/about/", accept_encoding="gzip, deflate, br")
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain.content
    _state, gz = state(client, "/en/about/", accept_encoding="gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain.content
    _state, refused = state(client, "/en/about/", accept_encoding="br;q=0, gzip")
    assert refused["Content-Encoding"] == "gzip"
    assert int(br["Content-Length"]) < int(plain["Content-Length"])


def test_tracking_parameters_share_the_page_and_other_query_strings_are_never_cached(client, pages):
    warm(client, "/en/news/")
    assert state(client, "/en/news/?utm_source=newsletter&fbclid=x")[0] == HIT
    assert state(client, "/en/news/?page=2")[0] is None
    assert state(client, "/en/news/?page=2")[0] is None


def test_turned_off_with_zero_seconds(client, pages, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/about/")
    response = client.get("/en/about/")
    assert "X-Page-Cache" not in response and "ETag" not in response


# -- never from the cache, never into it -------------------------------------------------------


def test_a_member_is_never_served_from_the_cache_nor_stored_in_it(client, pages):
    warm(client, "/en/about/")
    signed_in = Client()
    signed_in.force_login(UserFactory())
    response = signed_in.get("/en/about/")
    assert "X-Page-Cache" not in response
    assert "Log out" in response.content.decode()  # their own account menu, not the visitors'
    # Their page was not stored for visitors either.
    _state, visitor = state(client, "/en/about/")
    assert "Log out" not in visitor.content.decode()


def test_a_session_cookie_or_any_unknown_cookie_bypasses_the_cache(client, pages, settings):
    warm(client, "/en/about/")
    with_session = Client()
    with_session.cookies[settings.SESSION_COOKIE_NAME] = "whatever"
    assert "X-Page-Cache" not in with_session.get("/en/about/")
    with_messages = Client()
    with_messages.cookies["messages"] = "x"
    assert "X-Page-Cache" not in with_messages.get("/en/about/")


def test_a_page_carrying_a_csrf_token_is_never_stored(client, pages):
    def use_the_token(page, request, args, kwargs):
        get_token(request)

    with hooks.register_temporarily("before_serve_page", use_the_token):
        assert state(client, "/en/about/")[0] is None
        assert state(client, "/en/about/")[0] is None
    # The token's use alone refuses it, even if the cookie were not sent again.
    request = RequestFactory().get("/en/about/")
    request._page_cache_page = pages["about"].specific
    get_token(request)
    assert not response_is_storable(request, HttpResponse("<p>form</p>"))


def test_a_response_setting_a_cookie_is_never_stored(client, pages):
    def set_a_cookie(page, request, args, kwargs):
        response = HttpResponse("<p>hello</p>")
        response.set_cookie("tracking", "1")
        return response

    with hooks.register_temporarily("before_serve_page", set_a_cookie):
        assert state(client, "/en/about/")[0] is None
        assert state(client, "/en/about/")[0] is None


def test_a_non_200_answer_is_never_stored(client, pages):
    assert client.get("/en/no-such-page/").status_code == 404
    assert state(client, "/en/no-such-page/")[0] is None


def test_a_restricted_page_is_never_cached(client, pages):
    PageViewRestriction.objects.create(
        page=pages["about"], restriction_type=PageViewRestriction.LOGIN
    )
    assert state(client, "/en/about/")[0] is None
    assert state(client, "/en/about/")[0] is None
    # Even an answer that reached the cache as a 200 is refused: the visibility rule decides.
    request = RequestFactory().get("/en/about/")
    request._page_cache_page = pages["about"].specific
    assert not response_is_storable(request, HttpResponse("<p>private</p>"))
    request._page_cache_page = pages["partners"].specific
    assert response_is_storable(request, HttpResponse("<p>public</p>"))


def test_a_preview_is_never_stored(pages):
    request = RequestFactory().get("/en/about/")
    request._page_cache_page = pages["about"].specific
    request.is_preview = True
    assert not response_is_storable(request, HttpResponse("<p>draft</p>"))


def test_pages_showing_what_no_publishing_announces_are_never_cached(client, home):
    from community.discussions.factories import DiscussionIndexPageFactory

    DiscussionIndexPageFactory(parent=home, slug="discussions")
    assert state(client, "/en/discussions/")[0] is None
    assert state(client, "/en/discussions/")[0] is None


# -- languages ----------------------------------------------------------------------------------


def test_the_language_cookie_never_mixes_languages(client, pages, settings):
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="el"))
    warm(client, "/en/about/", "/el/about/", "/ar/about/")
    arabic_reader = Client()
    arabic_reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    hit, english = state(arabic_reader, "/en/about/", accept_language="ar")
    assert hit == HIT and english["Content-Language"] == "en"
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    hit, arabic = state(arabic_reader, "/ar/about/")
    # The fallback page in Arabic: the English text, the Arabic interface, right to left.
    assert hit == HIT and arabic["Content-Language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    hit, greek_alias = state(arabic_reader, "/el/about/")
    assert hit == HIT and greek_alias["Content-Language"] == "el"
    assert '<html lang="el" dir="ltr">' in greek_alias.content.decode()
    assert greek_alias.content != english.content != arabic.content


# -- invalidation -------------------------------------------------------------------------------


def test_publishing_a_page_purges_it_its_listings_and_the_home_page_but_not_the_others(
    client, pages, commit
):
    warm(client, "/en/", "/en/news/", "/en/news/first/", "/en/about/")
    publish(commit, pages["item"], title="Corrected news item")
    hit, response = state(client, "/en/news/first/")
    assert hit == MISS and "Corrected news item" in response.content.decode()
    assert state(client, "/en/news/")[0] == MISS
    assert state(client, "/en/")[0] == MISS
    assert state(client, "/en/about/")[0] == HIT


def test_publishing_purges_every_language_copy(client, pages, commit):
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="el"))
    warm(client, "/el/about/", "/it/about/", "/en/partners/")
    publish(commit, pages["about"], title="About us, rewritten")
    hit, greek = state(client, "/el/about/")
    assert hit == MISS and "About us, rewritten" in greek.content.decode()
    hit, italian = state(client, "/it/about/")
    assert hit == MISS and "About us, rewritten" in italian.content.decode()
    assert state(client, "/en/partners/")[0] == HIT


def test_translating_a_page_shows_the_translation_at_once(client, pages, commit):
    warm(client, "/it/about/")
    italian = pages["about"].copy_for_translation(
        Locale.objects.get(language_code="it"), copy_parents=True
    )
    publish(commit, italian, title="La rete")
    hit, response = state(client, "/it/about/")
    assert hit == MISS and "La rete" in response.content.decode()


def test_unpublishing_a_page_removes_it_from_the_cache(client, pages, commit):
    warm(client, "/en/news/first/", "/en/news/")
    commit(pages["item"].unpublish)
    assert client.get("/en/news/first/").status_code == 404
    assert state(client, "/en/news/")[0] == MISS


def test_restricting_a_cached_page_removes_it_from_the_cache(client, pages, commit):
    warm(client, "/en/about/", "/en/partners/")
    commit(
        PageViewRestriction.objects.create,
        page=pages["about"],
        restriction_type=PageViewRestriction.LOGIN,
    )
    response = client.get("/en/about/")
    assert "X-Page-Cache" not in response and "About the network" not in response.content.decode()
    assert state(client, "/en/partners/")[0] == HIT


def test_deleting_a_page_removes_it_from_the_cache(client, pages, commit):
    warm(client, "/en/news/first/", "/en/about/")
    commit(pages["item"].delete)
    assert client.get("/en/news/first/").status_code == 404
    assert state(client, "/en/about/")[0] == HIT


def test_moving_a_page_stops_its_old_address_answering(client, pages, commit):
    warm(client, "/en/news/first/")
    commit(lambda: pages["item"].move(pages["about"], pos="last-child"))
    old = client.get("/en/news/first/")
    assert old.status_code in (301, 404) and "X-Page-Cache" not in old  # Wagtail's redirect
    hit, response = state(client, "/en/about/first/")
    assert response.status_code == 200 and hit == MISS


def test_editing_a_snippet_purges_the_pages_that_show_it_only(client, home, commit):
    country = f.CountryFactory(name="Montenegro", code="ME")
    index = f.PilotActionIndexPageFactory(parent=home, title="Pilot actions", slug="pilots")
    f.PilotActionPageFactory(parent=index, title="Kotor bay", slug="kotor", country=country)
    f.ContentPageFactory(parent=home, title="About", slug="about")
    warm(client, "/en/pilots/kotor/", "/en/about/")
    country.name = "Crna Gora"
    commit(country.save)
    hit, response = state(client, "/en/pilots/kotor/")
    assert hit == MISS and "Crna Gora" in response.content.decode()
    assert state(client, "/en/about/")[0] == HIT


def test_editing_the_footer_purges_every_page(client, pages, commit):
    footer = f.FooterTextFactory(address="Old street 1", funding_statement="Co-financed")
    warm(client, "/en/about/", "/en/news/first/")
    footer.address = "New square 2"
    commit(footer.save)
    for path in ("/en/about/", "/en/news/first/"):
        hit, response = state(client, path)
        assert hit == MISS and "New square 2" in response.content.decode()


def test_a_page_rendered_before_a_purge_is_never_served_after_it(client, pages):
    """A request still rendering the old content when the change commits stores a stale page;
    its generation token is the old one, so it is never served."""
    from cms.page_cache import purge_paths

    def purge_while_rendering(page, request, args, kwargs):
        purge_paths(["/en/about/"])

    with hooks.register_temporarily("before_serve_page", purge_while_rendering):
        assert state(client, "/en/about/")[0] == MISS
    assert state(client, "/en/about/")[0] == MISS  # the stored copy was stale
    assert state(client, "/en/about/")[0] == HIT


def test_one_change_is_one_batched_purge_sent_to_every_backend(
    pages, commit, settings, monkeypatch
):
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "cdn": {"BACKEND": "tests.cms.test_page_cache.RecordingBackend", "HOSTNAMES": ["*"]},
    }
    own = []
    monkeypatch.setattr(PageCacheBackend, "purge_batch", lambda self, urls: own.append(list(urls)))
    warm(Client())  # drops what setting up the pages left to send
    RecordingBackend.batches.clear()
    publish(commit, pages["item"], title="Once")
    assert len(own) == 1
    assert len(RecordingBackend.batches) == 1
    urls = RecordingBackend.batches[0]
    assert set(own[0]) == set(urls)
    for path in ("/en/news/first/", "/en/news/", "/en/", "/ar/news/first/", "/it/news/"):
        assert f"http://localhost{path}" in urls
    assert "http://localhost/en/about/" not in urls


class RecordingBackend:
    """A CDN stand-in (wagtail.contrib.frontend_cache backend interface)."""

    batches = []

    def __init__(self, params):
        self.hostnames = params.get("HOSTNAMES", ["*"])

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        self.batches.append(list(urls))


# -- the home page's newsletter form -------------------------------------------------------------


def test_the_home_page_with_its_newsletter_form_is_cached_and_the_form_works_without_a_token(
    home, settings
):
    from cms.antispam import antispam_data
    from community.newsletter.models import NewsletterSubscription

    visitor = Client(enforce_csrf_checks=True)
    first, page = state(visitor, "/en/")
    assert 'action="/en/community/newsletter/"' in page.content.decode()
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert state(visitor, "/en/")[0] == HIT
    response = visitor.post(
        "/en/community/newsletter/",
        {"email": "reader@example.org", "languages": ["en"], "consent": "on", **antispam_data()},
    )
    assert response.status_code == 302
    assert NewsletterSubscription.objects.get(email="reader@example.org").status == "pending"


def test_a_member_still_needs_the_csrf_token_to_subscribe(home):
    from cms.antispam import antispam_data

    member = Client(enforce_csrf_checks=True)
    member.force_login(UserFactory())
    response = member.post(
        "/en/community/newsletter/",
        {"email": "reader@example.org", "languages": ["en"], "consent": "on", **antispam_data()},
    )
    assert response.status_code == 403
    assert "csrfmiddlewaretoken" in member.get("/en/").content.decode()


# -- static files --------------------------------------------------------------------------------


def test_production_static_storage_writes_brotli_files_that_whitenoise_serves(settings, tmp_path):
    """collectstatic with production's storage (settings/production.py) writes a .br beside
    each compressible file, and whitenoise answers a browser that accepts brotli with it."""
    from django.core.management import call_command
    from django.test import override_settings
    from whitenoise.middleware import WhiteNoiseMiddleware

    from tests.test_deployment import _production_value

    production = _production_value("settings.STORAGES['staticfiles']")
    assert production.returncode == 0, production.stderr
    storage = eval(production.stdout.strip().splitlines()[-1])  # noqa: S307 - our own settings
    with override_settings(
        STATIC_ROOT=tmp_path,
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STORAGES={**settings.STORAGES, "staticfiles": storage},
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        css = sorted(tmp_path.glob("css/*.css"))
        assert css and all(path.with_name(path.name + ".br").exists() for path in css)
        from django.contrib.staticfiles.storage import staticfiles_storage

        original = next(path for path in css if path.name.count(".") == 1)
        name = staticfiles_storage.stored_name(f"css/{original.name}")
        middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
        request = RequestFactory().get(f"/static/{name}", headers={"accept-encoding": "gzip, br"})
        response = middleware(request)
        assert response.status_code == 200
        assert response["Content-Encoding"] == "br"
