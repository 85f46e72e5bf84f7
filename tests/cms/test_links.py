"""Links that work where the site runs.

In development the demo loader writes BASE_URL into the Site record; in production the record
is what administrators set. The sitemap, the API's `html_url` and a publication's citation follow
the record either way, never `http://localhost/` nor the Host a client sends. Emails name the
site, not its host; the admin loads nothing from a third party; `make run` shows the site's own
404.
"""

import datetime
import importlib
import re

import pytest
from django.core import mail
from django.test import TestCase, override_settings
from wagtail.models import Locale, Site

from cms import factories as f
from cms.demo.builder import DemoContext, ensure_home
from cms.sites import address_from_base_url
from community.members.factories import UserFactory


def build_tree():
    home = f.make_site()
    index = f.PublicationIndexPageFactory(parent=home, slug="publications")
    paper = f.WhitePaperPageFactory(
        parent=index,
        title="Social innovation in the Mediterranean",
        slug="white-paper",
        publication_date=datetime.date(2021, 3, 22),
    )
    return home, paper


class AbsoluteLinksFollowTheSiteRecord:
    """Shared checks: every absolute link starts with `self.root`."""

    root = ""

    def test_sitemap_locations(self):
        body = self.client.get("/sitemap-pages.xml").content.decode()
        locations = re.findall(r"<loc>([^<]+)</loc>", body)
        assert locations
        assert all(location.startswith(self.root + "/") for location in locations), locations

    def test_api_html_url(self):
        data = self.client.get(f"/api/v2/pages/{self.paper.pk}/").json()
        assert data["meta"]["html_url"] == f"{self.root}/en/publications/white-paper/"

    def test_how_to_cite(self):
        html = self.client.get("/en/publications/white-paper/").content.decode()
        assert f"{self.root}/en/publications/white-paper/" in html
        assert "http://localhost/" not in html


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8012")
class DevelopmentLinksTests(AbsoluteLinksFollowTheSiteRecord, TestCase):
    root = "http://127.0.0.1:8012"

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.paper = build_tree()
        # What `load_demo` does: the demo builder's home step writes BASE_URL into the Site.
        ctx = DemoContext(locales={locale.language_code: locale for locale in Locale.objects.all()})
        with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8012"):
            ensure_home(ctx)
        cls.site = Site.objects.get(is_default_site=True)

    def test_demo_loader_sets_the_site_from_base_url(self):
        assert (self.site.hostname, self.site.port) == ("127.0.0.1", 8012)
        assert self.site.root_url == "http://127.0.0.1:8012"


class ProductionLinksTests(AbsoluteLinksFollowTheSiteRecord, TestCase):
    """Whatever Host the request names (here `testserver`), links follow the Site record."""

    root = "https://osc.example.org"

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.paper = build_tree()
        Site.objects.filter(is_default_site=True).update(hostname="osc.example.org", port=443)


@pytest.mark.parametrize(
    "base_url, address",
    [
        ("http://127.0.0.1:8000", {"hostname": "127.0.0.1", "port": 8000}),
        ("https://osc.example.org", {"hostname": "osc.example.org", "port": 443}),
        ("http://localhost", {"hostname": "localhost", "port": 80}),
    ],
)
def test_site_address_comes_from_base_url(base_url, address):
    assert address_from_base_url(base_url) == address


def test_a_base_url_without_a_host_is_refused_with_a_message():
    with pytest.raises(ValueError, match="BASE_URL"):
        address_from_base_url("127.0.0.1:8000")


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_account_emails_name_the_site_not_its_host(client, home):
    client.post(
        "/it/accounts/signup/",
        {
            "email": "nuova@example.org",
            "password1": "a-Long-and-unusual-passphrase-42",
            "password2": "a-Long-and-unusual-passphrase-42",
            "preferred_language": "it",
        },
    )
    message = mail.outbox[-1]
    assert "OpenSocialCluster" in message.body
    assert "Ciao da 127.0.0.1" not in message.body
    assert not re.search(r"(da|from) (127\.0\.0\.1|testserver|localhost)", message.body)


@pytest.mark.django_db
def test_admin_pages_load_no_avatar_from_gravatar(client, home):
    editor = UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()


def test_development_settings_show_the_sites_own_error_pages_unless_debug_is_asked(monkeypatch):
    from opensocialcluster.settings import dev

    monkeypatch.delenv("DEBUG", raising=False)
    assert importlib.reload(dev).DEBUG is False
    assert dev.SERVE_MEDIA is True
    monkeypatch.setenv("DEBUG", "1")
    assert importlib.reload(dev).DEBUG is True
    monkeypatch.delenv("DEBUG")
    importlib.reload(dev)


@pytest.mark.django_db
@override_settings(SERVE_MEDIA=True)
def test_a_missing_page_gets_the_sites_translated_404(client, home):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Traceback" not in html and "Using the URLconf" not in html
