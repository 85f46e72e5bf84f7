"""Editors create an idea call in the Wagtail admin under the home page, with weighted criteria
and reviewers; the dates must make sense."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.factories import make_site
from cms.models import HomePage
from community.ideas.models import IdeaCallPage
from community.members.factories import UserFactory


class IdeaCallAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.reviewer = UserFactory()

    def setUp(self):
        self.client.force_login(UserFactory(is_staff=True, is_superuser=True))

    def form(self, **overrides):
        data = {
            "title": "Ideas for Istria",
            "slug": "ideas-for-istria",
            "introduction": rich_text("<p>Send us your ideas.</p>"),
            "eligibility": rich_text("<p>Everyone.</p>"),
            "rubric": rich_text(""),
            "results_text": rich_text(""),
            "opens_at": "2026-12-01 09:00",
            "closes_at": "2027-01-15 16:00",
            "time_zone": "Europe/Zagreb",
            "max_attachments": 5,
            "max_attachment_mb": 10,
            "ideas_public": "on",
            "supports_enabled": "on",
            "criteria": inline_formset(
                [
                    {"name": "Social impact", "description": "", "weight": "60"},
                    {"name": "Feasibility", "description": "", "weight": "40"},
                ]
            ),
            "reviewers": inline_formset([{"user": self.reviewer.pk}]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_an_idea_call_lives_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, IdeaCallPage)
        self.assertCanNotCreateAt(IdeaCallPage, IdeaCallPage)
        self.assertAllowedParentPageTypes(IdeaCallPage, {HomePage})

    def test_editors_create_a_call_with_criteria_and_reviewers(self):
        self.assertCanCreate(self.home, IdeaCallPage, self.form())
        call = IdeaCallPage.objects.get(slug="ideas-for-istria", alias_of__isnull=True)
        assert [c.name for c in call.criteria.all()] == ["Social impact", "Feasibility"]
        assert call.reviewer_ids() == {self.reviewer.pk}

    def test_a_call_closing_before_it_opens_is_refused(self):
        response = self.client.post(
            f"/admin/pages/add/community/ideacallpage/{self.home.pk}/",
            self.form(closes_at="2026-11-01 09:00"),
        )
        assert response.status_code == 200
        assert "The call must close after it opens." in response.content.decode()
        assert not Page.objects.filter(slug="ideas-for-istria").exists()

    def test_editors_ask_for_consortia_and_tick_the_helixes_wanted(self):
        data = self.form(asks_for_consortia="on")
        data["wanted_helixes"] = ["public", "academia"]  # one checkbox each, as a browser sends
        self.assertCanCreate(self.home, IdeaCallPage, data)
        call = IdeaCallPage.objects.get(slug="ideas-for-istria", alias_of__isnull=True)
        assert call.asks_for_consortia is True
        assert sorted(call.wanted_helixes) == ["academia", "public"]
        edit = self.client.get(f"/admin/pages/{call.pk}/edit/").content.decode()
        assert 'name="wanted_helixes" value="public"' in edit
        assert edit.count('name="wanted_helixes"') == 4

    def test_a_call_asks_for_no_consortium_unless_told(self):
        self.assertCanCreate(self.home, IdeaCallPage, self.form())
        call = IdeaCallPage.objects.get(slug="ideas-for-istria", alias_of__isnull=True)
        assert (call.asks_for_consortia, call.wanted_helixes) == (False, [])
