"""The admin's page chooser lists only pages its user may see, in every language.

Reviewers, moderators and contributors enter the admin; the chooser (browse, search and the
"chosen" answer) must not tell them the titles of drafts, nor of pages restricted to groups
they are not in, in any language tree. Editors, who publish those pages, still see them.
"""

from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction

from cms import factories as f
from cms.roles import ensure_roles
from community.members.factories import UserFactory

PUBLIC = ("Open garden", "Giardino aperto")
HIDDEN = (
    "Board minutes",
    "Verbali del consiglio",
    "Unannounced merger",
    "Fusione non annunciata",
)


def member_of(group_name, email, **extra):
    user = UserFactory(email=email, two_factor=True, **extra)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def translate(page, locale, title):
    copy = page.copy_for_translation(locale)
    copy.title = title
    copy.save()
    return copy


class PagesOfEveryKind(TestCase):
    """Public, group-restricted and draft pages in two language trees, and the admin's roles
    (the explorer's tests use them too)."""

    @classmethod
    def setUpTestData(cls):
        ensure_roles()  # what `migrate` runs; the reused test database may predate it
        cls.home = f.make_site()
        italian = Locale.objects.get(language_code="it")
        cls.it_home = cls.home.copy_for_translation(italian)
        cls.it_home.save_revision().publish()
        public = f.ContentPageFactory(parent=cls.home, title=PUBLIC[0])
        translate(public, italian, PUBLIC[1]).save_revision().publish()
        cls.secret = f.ContentPageFactory(parent=cls.home, title=HIDDEN[0])
        restriction = PageViewRestriction.objects.create(
            page=cls.secret, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name="Editors"))
        # The Italian copy carries no restriction of its own: the English one covers it.
        cls.it_secret = translate(cls.secret, italian, HIDDEN[1])
        cls.it_secret.save_revision().publish()
        cls.draft = f.ContentPageFactory(parent=cls.home, title=HIDDEN[2], live=False)
        cls.it_draft = translate(cls.draft, italian, HIDDEN[3])
        cls.readers = {
            "reviewer": member_of("Reviewers", "reviewer@example.org"),
            "moderator": member_of("Moderators", "moderator@example.org"),
            "contributor": member_of("Contributors", "contributor@example.org"),
        }
        cls.editor = member_of("Editors", "editor@example.org", is_staff=True)


class ThePageChooserShowsOnlyPagesTheUserMaySee(PagesOfEveryKind):
    def listings(self, user):
        """The chooser's text for `user`: both language trees browsed, and searched."""
        self.client.force_login(user)
        pages = []
        for parent in (self.home, self.it_home):
            response = self.client.get(f"/admin/choose-page/{parent.pk}/")
            self.assertEqual(response.status_code, 200)
            pages.append(response.json()["html"])
        for query in ("garden", "giardino", "board", "verbali", "merger", "fusione"):
            response = self.client.get("/admin/choose-page/search/", {"q": query})
            self.assertEqual(response.status_code, 200)
            pages.append(response.content.decode())
        ids = [self.secret.pk, self.it_secret.pk, self.draft.pk, self.it_draft.pk]
        chosen = self.client.get("/admin/choose-page/chosen-multiple/", {"id": ids})
        pages.append(chosen.content.decode())
        return "\n".join(pages)

    def test_reviewers_moderators_and_contributors_see_no_hidden_title(self):
        for role, user in self.readers.items():
            with self.subTest(role=role):
                text = self.listings(user)
                for title in PUBLIC:
                    self.assertIn(title, text)
                for title in HIDDEN:
                    self.assertNotIn(title, text)

    def test_a_hidden_page_cannot_be_opened_in_the_chooser(self):
        for role, user in self.readers.items():
            self.client.force_login(user)
            for page in (self.secret, self.it_secret, self.draft, self.it_draft):
                with self.subTest(role=role, page=page.title):
                    response = self.client.get(f"/admin/choose-page/{page.pk}/")
                    self.assertEqual(response.status_code, 404)

    def test_editors_who_publish_them_still_choose_them(self):
        text = self.listings(self.editor)
        for title in (*PUBLIC, *HIDDEN):
            self.assertIn(title, text)
        # The search itself finds them (so its silence for the others is the rule's doing).
        found = self.client.get("/admin/choose-page/search/", {"q": "verbali"})
        self.assertIn(HIDDEN[1], found.content.decode())

    def test_a_contributor_chooses_their_own_draft(self):
        contributor = self.readers["contributor"]
        f.ContentPageFactory(parent=self.home, title="My own draft", live=False, owner=contributor)
        self.client.force_login(contributor)
        response = self.client.get(f"/admin/choose-page/{self.home.pk}/")
        self.assertIn("My own draft", response.json()["html"])
