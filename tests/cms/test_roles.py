"""Roles mean what the product says, checked through the admin (the server refuses, not a menu).

Editors publish every page type and manage the network's snippets, footer text and settings;
contributors' pages go through the Editors' approval; moderators have no right on pages; only
administrators change a page's privacy.
"""

from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import GroupPagePermission, Locale, PageViewRestriction, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms import factories as f
from cms.models import Country, Organisation, Topic
from cms.roles import EDITORIAL_WORKFLOW, ROLES, ensure_roles
from community.members.factories import UserFactory


def page_form(page, **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([]),
        "comments": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


def member_of(group_name, email, **extra):
    user = UserFactory(email=email, two_factor=True, **extra)
    user.groups.add(Group.objects.get(name=group_name))
    return user


class RoleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_roles()  # what `migrate` runs; the reused test database may predate it
        cls.home = f.make_site()
        cls.about = f.ContentPageFactory(parent=cls.home, title="About", slug="about")
        cls.editor = member_of("Editors", "editor@example.org", is_staff=True)
        cls.contributor = member_of("Contributors", "contributor@example.org")
        cls.moderator = member_of("Moderators", "moderator@example.org")
        cls.admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)

    def publish_as(self, user, title):
        self.client.force_login(user)
        return self.client.post(
            f"/admin/pages/{self.about.pk}/edit/",
            page_form(self.about, title=title, **{"action-publish": "action-publish"}),
        )

    def restrict_as(self, user):
        self.client.force_login(user)
        return self.client.post(
            f"/admin/pages/{self.about.pk}/privacy/",
            {"restriction_type": "login", "password": "", "groups": []},
        )

    # Editors -------------------------------------------------------------------------------

    def test_editor_publishes_a_page(self):
        response = self.publish_as(self.editor, "About the network")
        assert response.status_code == 302
        self.about.refresh_from_db()
        assert self.about.title == "About the network"
        assert self.about.live and not self.about.has_unpublished_changes

    def test_editor_manages_partners_topics_countries_and_people(self):
        self.client.force_login(self.editor)
        english = Locale.objects.get(language_code="en").pk
        creations = {
            "/admin/snippets/cms/organisation/add/": (
                Organisation,
                {"name": "Region of Istria", "kind": "partner", "locale": english},
            ),
            "/admin/snippets/cms/topic/add/": (
                Topic,
                {"name": "Blue economy", "slug": "blue-economy", "locale": english},
            ),
            "/admin/snippets/cms/country/add/": (
                Country,
                {"name": "Malta", "code": "MT", "locale": english},
            ),
        }
        for url, (model, data) in creations.items():
            assert self.client.get(url).status_code == 200, url
            response = self.client.post(url, data)
            assert response.status_code == 302, (url, response.content[:2000])
            assert model.objects.filter(name=data["name"]).exists(), url
        assert self.client.get("/admin/snippets/cms/person/add/").status_code == 200

    def test_editor_edits_the_footer_text_and_the_site_settings(self):
        self.client.force_login(self.editor)
        assert self.client.get("/admin/snippets/cms/footertext/add/").status_code == 200
        site_id = self.home.get_site().pk
        assert self.client.get(f"/admin/settings/cms/sitesettings/{site_id}/").status_code == 200

    def test_editor_cannot_change_a_pages_privacy(self):
        response = self.restrict_as(self.editor)
        assert response.status_code in (302, 403)
        assert not PageViewRestriction.objects.exists()

    # Administrators --------------------------------------------------------------------------

    def test_administrator_changes_a_pages_privacy(self):
        response = self.restrict_as(self.admin)
        assert response.status_code == 200  # the modal answers with JSON
        assert PageViewRestriction.objects.filter(page=self.about).exists()

    # Contributors --------------------------------------------------------------------------

    def test_contributor_cannot_publish_and_submits_to_the_editors_instead(self):
        self.publish_as(self.contributor, "Published by a contributor")
        self.about.refresh_from_db()
        assert self.about.title == "About"

        self.client.force_login(self.contributor)
        response = self.client.post(
            f"/admin/pages/{self.about.pk}/edit/",
            page_form(self.about, title="Proposed title", **{"action-submit": "action-submit"}),
        )
        assert response.status_code == 302
        state = WorkflowState.objects.for_instance(self.about).get()
        assert state.workflow.name == EDITORIAL_WORKFLOW
        task = state.current_task_state.task.specific
        assert list(task.groups.values_list("name", flat=True)) == ["Editors"]
        self.about.refresh_from_db()
        assert self.about.title == "About"  # nothing published before approval

    def test_contributor_cannot_change_a_pages_privacy(self):
        self.restrict_as(self.contributor)
        assert not PageViewRestriction.objects.exists()

    # Moderators ----------------------------------------------------------------------------

    def test_moderator_has_no_right_on_pages(self):
        assert not GroupPagePermission.objects.filter(group__name="Moderators").exists()
        self.publish_as(self.moderator, "Published by a moderator")
        self.about.refresh_from_db()
        assert self.about.title == "About"
        self.restrict_as(self.moderator)
        assert not PageViewRestriction.objects.exists()

    def test_defining_the_roles_again_changes_nothing(self):
        def snapshot():
            return {
                role.name: (
                    sorted(
                        Group.objects.get(name=role.name).permissions.values_list("pk", flat=True)
                    ),
                    sorted(
                        GroupPagePermission.objects.filter(group__name=role.name).values_list(
                            "permission_id", "page_id"
                        )
                    ),
                )
                for role in ROLES
            }

        before = snapshot()
        ensure_roles()
        assert snapshot() == before


class SameLanguageChoicesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.index = f.PilotActionIndexPageFactory(parent=cls.home)
        cls.topic = f.TopicFactory(name="Social economy", slug="social-economy")
        cls.italian = Locale.objects.get(language_code="it")
        cls.topic_it = cls.topic.copy_for_translation(cls.italian)
        cls.topic_it.name = "Economia sociale"
        cls.topic_it.save()
        cls.pilot = f.PilotActionPageFactory(parent=cls.index, title="Istria lab")
        cls.pilot_it = cls.pilot.copy_for_translation(cls.italian, copy_parents=True)
        cls.pilot_it.save_revision().publish()
        cls.admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)

    def topic_choices(self, page):
        self.client.force_login(self.admin)
        html = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        return {name for name in ("Social economy", "Economia sociale") if name in html}

    def test_page_editor_lists_only_topics_in_the_pages_language(self):
        assert self.topic_choices(self.pilot) == {"Social economy"}
        assert self.topic_choices(self.pilot_it) == {"Economia sociale"}

    def test_new_page_lists_the_topics_of_its_parents_language(self):
        self.client.force_login(self.admin)
        index_it = self.pilot_it.get_parent()
        html = self.client.get(
            f"/admin/pages/add/cms/pilotactionpage/{index_it.pk}/"
        ).content.decode()
        assert "Economia sociale" in html and "Social economy" not in html


class RoleGrantsOfHigherAppsTests(TestCase):
    def test_permissions_granted_by_the_apps_above_cms_are_kept(self):
        from django.contrib.auth.models import Permission

        ensure_roles()
        moderators = Group.objects.get(name="Moderators")
        community = Permission.objects.filter(content_type__app_label="community").first()
        moderators.permissions.add(community)
        ensure_roles()
        assert moderators.permissions.filter(pk=community.pk).exists()
        # Their own grant: they enter the admin for the moderation queue, and nothing more.
        assert moderators.permissions.filter(codename="access_admin").exists()
        assert not moderators.permissions.filter(content_type__app_label="wagtailcore").exists()
