"""Input a browser or a script can send gets a normal answer, never a server error (issue 6/8).

Runs on SQLite and PostgreSQL (DATABASE_URL): a lone `"` broke SQLite's full-text syntax, a NUL
byte broke both databases, an unknown `search_operator` broke the API.
"""

from django.test import TestCase

from cms import factories as f
from tests.cms.trees import ids, searched_pages


class BadInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_site()
        cls.page = f.ContentPageFactory(
            parent=home,
            title="Cooperative housing",
            body=[("paragraph", "<p>Tenants run the cooperative together.</p>")],
        )
        news_index = f.NewsIndexPageFactory(parent=home)
        f.NewsPageFactory(parent=news_index)
        pilots = f.PilotActionIndexPageFactory(parent=home)
        f.PilotActionPageFactory(parent=pilots)
        publications = f.PublicationIndexPageFactory(parent=home)
        f.WhitePaperPageFactory(parent=publications)

    def get(self, url):
        """The answer to `url`; a server error fails the test with the URL in the message."""
        self.client.raise_request_exception = False
        response = self.client.get(url)
        self.assertLess(response.status_code, 500, url)
        return response

    def test_a_lone_double_quote_in_the_site_search_finds_nothing_instead_of_failing(self):
        response = self.get("/en/search/?q=%22")
        assert response.status_code == 200
        assert ids(searched_pages(response)) == []

    def test_quotes_around_a_word_in_the_site_search_still_find_it(self):
        for query in ("%22cooperative%22", "%22cooperative", "tenants%22+%22run"):
            with self.subTest(query=query):
                response = self.get(f"/en/search/?q={query}")
                assert ids(searched_pages(response)) == [self.page.pk]

    def test_a_double_quote_in_the_api_search_answers_an_empty_listing(self):
        for endpoint in ("pages", "images", "documents"):
            with self.subTest(endpoint=endpoint):
                response = self.get(f"/api/v2/{endpoint}/?search=%22")
                assert response.status_code == 200
                assert response.json()["meta"]["total_count"] == 0

    def test_a_nul_byte_in_the_site_search_is_dropped_and_the_rest_searched(self):
        assert self.get("/en/search/?q=%00%ff").status_code == 200
        response = self.get("/en/search/?q=cooper%00ative")
        assert ids(searched_pages(response)) == [self.page.pk]
        assert response.context["search_query"] == "cooperative"

    def test_control_characters_in_any_query_parameter_of_any_page_get_a_normal_page(self):
        urls = [
            "/en/?q=%00",
            "/en/news/?page=%00",
            "/en/news/?topic=%00%01&page=2%1b",
            "/en/pilot-actions/?country=%00&status=%7f&sector=%9b",
            "/en/publications/?type=%00&year=%00",
            "/en/search/?q=%00&page=%00",
            "/en/search/?q=a%08b%0c",
            "/en/search/?%00=x",
        ]
        for url in urls:
            with self.subTest(url=url):
                assert self.get(url).status_code == 200

    def test_control_characters_in_api_parameters_get_a_normal_answer(self):
        for url in (
            "/api/v2/pages/?search=%00",
            "/api/v2/pages/?search=coop%00erative&search_operator=or",
            "/api/v2/documents/?search=%00",
            "/api/v2/images/?search=%00",
        ):
            with self.subTest(url=url):
                assert self.get(url).status_code == 200

    def test_a_missing_page_with_control_characters_in_its_query_is_a_not_found_page(self):
        # A 404 goes through the redirects table, looked up by path and query string.
        for url in ("/en/no-such-page/?q=%00", "/api/v2/pages/999/?x=%00", "/documents/9/x?q=%00"):
            with self.subTest(url=url):
                assert self.get(url).status_code == 404
        # Without a language prefix: sent to the reader's language, with the query cleaned.
        response = self.get("/no-such-page/?a=%01b&q=c%00d")
        assert response.status_code == 302
        assert response["Location"] == "/en/no-such-page/?a=b&q=cd"

    def test_a_nul_byte_in_the_path_is_a_not_found_page(self):
        for url in ("/en/news%00/", "/fr/a%00b/", "/documents/1/a%00.pdf"):
            with self.subTest(url=url):
                assert self.get(url).status_code == 404

    def test_an_unknown_search_operator_in_the_api_is_a_400_that_says_what_is_allowed(self):
        for endpoint in ("pages", "images", "documents"):
            with self.subTest(endpoint=endpoint):
                response = self.get(f"/api/v2/{endpoint}/?search=cooperative&search_operator=xor")
                assert response.status_code == 400
                assert response.json() == {"message": "search_operator must be 'and' or 'or'"}

    def test_the_api_search_operators_and_and_or_still_work(self):
        for operator in ("and", "or", "OR"):
            with self.subTest(operator=operator):
                response = self.get(
                    f"/api/v2/pages/?search=cooperative+housing&search_operator={operator}"
                )
                assert [item["id"] for item in response.json()["items"]] == [self.page.pk]

    def test_a_number_beyond_64_bits_in_the_api_is_a_400_that_names_the_parameter(self):
        huge = str(2**63)
        for url in (
            f"/api/v2/pages/?offset={huge}",
            f"/api/v2/pages/?limit=5&offset={huge}",
            f"/api/v2/pages/?id={huge}",
            f"/api/v2/pages/?child_of={huge}",
            f"/api/v2/pages/?translation_of={huge}",
            f"/api/v2/pages/{self.page.pk}/?offset={huge}",
            f"/api/v2/images/?offset={huge}",
            f"/api/v2/documents/?id=-{huge}",
        ):
            with self.subTest(url=url):
                response = self.get(url)
                assert response.status_code == 400
                name = url.split("?")[1].rsplit("&", 1)[-1].split("=")[0]
                assert response.json() == {"message": f"{name} must be at most {2**63 - 1}"}

    def test_the_largest_64_bit_offset_is_an_empty_page_of_the_api(self):
        response = self.get(f"/api/v2/pages/?offset={2**63 - 1}")
        assert response.status_code == 200
        assert response.json()["items"] == []
