"""Discussion spaces, their threads and posts, and what members do with posts.

Spaces, threads and posts are ordinary models (not pages): one DiscussionIndexPage per language
tree routes them (community.discussions.views), so their URLs carry the reader's language
prefix. Who may read or write what is decided in community.discussions.permissions alone.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.search import index

from cms.i18n import active_and_default_language_codes
from cms.models.base import BasePage
from cms.sanitiser import clean_html
from cms.text import validate_single_line
from cms.translation_state import translated_pages
from community.ideas.follows import idea_follower_ids
from community.members import mentions

__all__ = [
    "DiscussionIndexPage",
    "DiscussionSpace",
    "Helpful",
    "MemberBlock",
    "Post",
    "PostMention",
    "PostRevision",
    "PostStatus",
    "ReadMarker",
    "SpaceVisibility",
    "Thread",
    "ThreadFollow",
]

INDEX_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]


class SpaceVisibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone reads, members post")
    MEMBERS = "members", _("Members only")
    PRIVATE = "private", _("Private to a group")


class PostStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Waiting for approval")
    HIDDEN = "hidden", _("Hidden by a moderator")


class DiscussionIndexPage(RoutablePageMixin, BasePage):
    # Never in the page cache (cms/page_cache.py): threads show what no publishing announces
    # (members' names, helpful marks, moderation, follows).
    page_cacheable = False
    """The discussions section: lists the spaces the reader may see, and routes spaces,
    threads and posts beneath it (routes in community.discussions.views)."""

    menu_group = "take-part"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=INDEX_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("discussions")
        verbose_name_plural = _("discussion sections")

    def get_template(self, request, *args, **kwargs):
        return "community/discussions/index.html"

    def get_sitemap_urls(self, request=None):
        """The section, then the public threads written in this copy's language.

        A thread reads the same under every language copy of the section (members write in
        one language), so it is listed once, without alternates: under the copy in the
        language of its opening post, or under the fallback copy (the default language's, else
        the first) when no listed copy is in that language.
        """
        # The one visibility rule lives beside the views, which import models: found by name.
        visible_threads = import_string("community.discussions.permissions.visible_threads")
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        copies = list(
            translated_pages(self.get_translations(inclusive=True).live())
            .select_related("locale")
            .order_by("pk")
        )
        languages = {copy.locale.language_code: copy.pk for copy in copies}
        default = Locale.get_default().language_code
        fallback = languages.get(default) or (copies[0].pk if copies else self.pk)
        opening_language = Subquery(
            Post.objects.filter(thread=OuterRef("pk"))
            .order_by("created_at", "pk")
            .values("language")[:1]
        )
        threads = visible_threads(AnonymousUser()).annotate(language=opening_language)
        for pk, last_activity, language in threads.values_list(
            "pk", "last_activity_at", "language"
        ):
            if languages.get((language or "").split("-")[0], fallback) != self.pk:
                continue
            route = self.reverse_subpage("thread", args=[pk])
            # An empty list: the thread has no language versions (the sitemap would otherwise
            # give it the section's).
            urls.append({"location": base + route, "lastmod": last_activity, "alternates": []})
        return urls

    @classmethod
    def get_subpage_urls(cls):
        # The routes (spaces, threads, posts) are views, and views import models: they are
        # looked up by name when Wagtail first resolves a URL, after every app is loaded.
        return tuple(import_string("community.discussions.views.subpage_urls"))


def reader_section():
    """The live discussions section of the active language's tree, else any, else None: the
    page whose routes (threads, posts, replies) every link to a thread goes through."""
    sections = DiscussionIndexPage.objects.live()
    active = active_and_default_language_codes()[0]
    return sections.filter(locale__language_code=active).first() or sections.order_by("pk").first()


class DiscussionSpace(models.Model):
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    # A space is not translated: its title and description are shown as written in every
    # language, marked with their language where it is not the reader's.
    content_language = models.CharField(
        _("language of the title and description"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    visibility = models.CharField(
        _("who can read"),
        max_length=10,
        choices=SpaceVisibility.choices,
        default=SpaceVisibility.PUBLIC,
    )
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderators"),
        blank=True,
        related_name="moderated_spaces",
    )
    # The focus group or co-design workshop (its registration copy) whose members this private
    # space belongs to; any subclass of the event base fits.
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="discussion_spaces",
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("discussion space")
        verbose_name_plural = _("discussion spaces")
        ordering = ["sort_order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=Q(event__isnull=False),
                name="community_one_space_per_event",
            ),
        ]

    def __str__(self):
        return self.title


class Thread(models.Model):
    space = models.ForeignKey(
        DiscussionSpace, verbose_name=_("space"), on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="discussion_threads",
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("A locked thread takes no new replies.")
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # The conversation about a public idea (community.discussions.ideas): created with its
    # first comment. Readers see it only while the idea is public (permissions.visible_threads).
    idea = models.OneToOneField(
        "community.Idea",
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="discussion_thread",
    )

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-pinned", "-last_activity_at", "-pk"]
        indexes = [models.Index(fields=["space", "-pinned", "-last_activity_at"])]

    def __str__(self):
        return self.title

    def url_in_section(self, name, *args):
        """A route of the discussions section in the active language (its own tree's
        section, else any), or "" when the site has no discussions section."""
        page = reader_section()
        if page is None:
            return ""
        return page.url + page.reverse_subpage(name, args=args)

    def get_absolute_url(self):
        return self.url_in_section("thread", self.pk)

    def follower_ids(self):
        """Ids of every member following this thread, the author included (listeners leave
        out whoever should not hear about their own post); for an idea's conversation, the
        idea's followers and authors too."""
        ids = set(self.follows.values_list("user_id", flat=True))
        if self.idea_id:
            ids.update(idea_follower_ids(self.idea))
        return sorted(ids)


class Post(models.Model):
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="discussion_posts",
    )
    # What the member wrote (Markdown, community.members.mentions for @names), shown again to
    # edit it and exported; `body` is its rendering, sanitised, made on every save from it.
    source = models.TextField(_("message as written"), blank=True)
    body = models.TextField(_("message"))
    language = models.CharField(_("written in"), max_length=10, blank=True)
    quoted = models.ForeignKey(
        "self",
        verbose_name=_("quoted post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quoted_by",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PostStatus.choices,
        default=PostStatus.PUBLISHED,
        db_index=True,
    )
    hidden_reason = models.TextField(_("why it was hidden"), blank=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # Deleted by its author: the row stays (replies quote it, links point at it) with its
    # text emptied and a placeholder shown.
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "status", "created_at"])]

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    def save(self, *args, **kwargs):
        # Rendered and sanitised on every path (form, admin, demo, API), not only in the form;
        # a save of other fields only (a moderator's decision) leaves the text alone. A caller
        # that gives HTML as `body` alone (the demo, older code) wrote its source: HTML is
        # valid Markdown input, cleaned by the same sanitiser.
        # The hidden reason is plain text: stored as typed, escaped where it is shown.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"source", "body"} & set(update_fields):
            if not self.source and self.body:
                self.source = self.body
            self.body = mentions.render(self.source)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "source", "body"}
        super().save(*args, **kwargs)

    def shown_to(self, reader):
        """The rendered text as `reader` sees it: mentions link to profiles they may see."""
        return mentions.for_reader(self.body, reader)

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_visible(self):
        return self.status == PostStatus.PUBLISHED

    @property
    def direction(self):
        """The writing direction of the post's language, for its `dir` attribute."""
        try:
            return "rtl" if get_language_info(self.language)["bidi"] else "ltr"
        except KeyError:
            return "auto"

    def get_absolute_url(self):
        """The stable link to this post (redirects to the page of the thread it is on)."""
        return self.thread.url_in_section("post", self.thread_id, self.pk)


class PostMention(models.Model):
    """A member told they were named in a post: written once per post and member, so editing
    the post (or approving it) never tells them again."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="post_mentions"
    )
    notified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.UniqueConstraint(fields=["post", "member"], name="community_mention_once")
        ]

    def __str__(self):
        return f"{self.post_id} → {self.member_id}"


class PostRevision(models.Model):
    """An earlier text of an edited post, kept for moderators."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="revisions"
    )
    source = models.TextField(_("message as written"), blank=True)
    body = models.TextField(_("message"))
    language = models.CharField(_("written in"), max_length=10, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("replaced at"), default=timezone.now)

    class Meta:
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post_id} @ {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)


class Helpful(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="helpful_marks")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helpful_marks"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("helpful mark")
        verbose_name_plural = _("helpful marks")
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="community_helpful_once")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.post_id}"


class ThreadFollow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thread follow")
        verbose_name_plural = _("thread follows")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="community_follow_once")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.thread_id}"


class ReadMarker(models.Model):
    """Where a member stopped reading a thread: the last post they were shown, as its place in
    the thread's order (created_at, pk), so later posts count as new. It only moves forward
    (community.discussions.reading)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="read_markers"
    )
    # The post's own fields, not a foreign key: a deleted post leaves its place in the order.
    post_created_at = models.DateTimeField(_("read up to"))
    post_id_seen = models.PositiveBigIntegerField()
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("read marker")
        verbose_name_plural = _("read markers")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="community_read_marker_once")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.thread_id} @ {self.post_id_seen}"


# ---------- Posting blocks: written by moderators, read before every post ----------


class MemberBlockQuerySet(models.QuerySet):
    def in_force(self, at=None):
        """Blocks not lifted whose end (if any) is still ahead."""
        at = at or timezone.now()
        return self.filter(lifted_at__isnull=True).filter(Q(until__isnull=True) | Q(until__gt=at))

    def covering(self, space):
        """Blocks that apply in `space`: the site-wide ones and that space's own."""
        return self.filter(Q(space__isnull=True) | Q(space=space))


class MemberBlock(models.Model):
    """A member may not post until `until` (null: for good), in one space or everywhere.

    Lifting a block keeps the row (lifted_at/lifted_by) as the record of what happened.
    """

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="posting_blocks",
    )
    # Moderators block within their space; staff may block everywhere (no space).
    space = models.ForeignKey(
        "community.DiscussionSpace",
        verbose_name=_("space"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="member_blocks",
        help_text=_("Leave empty to block posting in every space."),
    )
    reason = models.TextField(_("reason"), max_length=1000)
    until = models.DateTimeField(
        _("until"), null=True, blank=True, help_text=_("Leave empty to block for good.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="member_blocks_made",
    )
    created_at = models.DateTimeField(_("blocked"), default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("unblocked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_blocks_lifted",
    )
    lifted_at = models.DateTimeField(_("unblocked"), null=True, blank=True)

    objects = MemberBlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("posting block")
        verbose_name_plural = _("posting blocks")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["member", "lifted_at", "until"])]

    def __str__(self):
        return f"{self.member_id} ({self.until or '∞'})"

    def is_in_force(self, at=None):
        at = at or timezone.now()
        return self.lifted_at is None and (self.until is None or self.until > at)
