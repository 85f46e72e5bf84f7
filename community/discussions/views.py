"""Routes of the discussions section, served under a DiscussionIndexPage (so under the reader's
language prefix): spaces, threads, posts, the search within discussions and a feed.

Each view takes the index page first (Wagtail's routable pages bind it like a method). What the
reader may see comes from community.discussions.permissions only: a thread or post the reader
may not see is a 404, exactly like one that does not exist.
"""

from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.models.base import paginate
from community.discussions import ideas as idea_talk
from community.discussions import posting, reading, services
from community.discussions.forms import EditPostForm, ReplyForm, SearchForm, ThreadForm
from community.discussions.models import (
    DiscussionIndexPage,
    DiscussionSpace,
    Helpful,
    Post,
    PostStatus,
    ThreadFollow,
)
from community.discussions.permissions import (
    can_edit_post,
    can_moderate,
    can_post,
    readable_spaces,
    visible_posts,
    visible_threads,
)
from community.discussions.search import feed_view, search_view
from community.ideas.models import Idea
from community.ideas.permissions import can_discuss_idea, can_view_idea
from community.members import mentions
from community.members.writing import consume_or_refuse

POSTS_PER_PAGE = 20
# @-name suggestions asked per member and minute (one per pause in typing).
MENTIONS_RATE = (60, 60)
THREADS_PER_PAGE = 25
SEARCH_PER_PAGE = 20


def post_only(view):
    """Django's require_POST for routes, whose first argument is the page, not the request."""

    @wraps(view)
    def wrapped(page, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(page, request, *args, **kwargs)

    return wrapped


def sub_url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def _render(page, request, template, context):
    context = {"page": page, "self": page, "request": request, **context}
    return TemplateResponse(request, f"community/discussions/{template}", context)


def _refusal_to_form(form, refusal):
    form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)


# -- listing --------------------------------------------------------------------------------


def spaces_for(user):
    """The spaces this reader may read, each with its number of visible threads and its last
    activity: one query whatever the number of spaces and threads."""
    threads = visible_threads(user)
    return (
        readable_spaces(user)
        .annotate(
            thread_count=Count("threads", filter=Q(threads__in=threads.values("pk")), distinct=True)
        )
        .order_by("sort_order", "title")
    )


def index(page, request):
    return page.render(
        request,
        context_overrides={
            "spaces": list(spaces_for(request.user)),
            "search_form": SearchForm(),
        },
    )


def space_view(page, request, slug):
    space = get_object_or_404(readable_spaces(request.user), slug=slug)
    threads = (
        visible_threads(request.user)
        .filter(space=space)
        .select_related("author")
        .annotate(
            reply_count=Count(
                "posts", filter=Q(posts__in=visible_posts(request.user).values("pk")), distinct=True
            ),
            # A thread's title is written in its opening post's language.
            content_language=Subquery(
                Post.objects.filter(thread=OuterRef("pk"))
                .order_by("created_at", "pk")
                .values("language")[:1]
            ),
        )
        .order_by("-pinned", "-last_activity_at", "-pk")
    )
    may_post = can_post(request.user, space)
    # A blocked member sees the block (and its reason) instead of "Start a thread".
    blocked = posting.block_refusal(request.user, space) if may_post else None
    results = paginate(threads, request.GET.get("page"), THREADS_PER_PAGE)
    # Each thread's new posts for a member, in one query for the whole page (none for visitors).
    shown = list(results.object_list)
    unread = reading.unread_counts(request.user, [thread.pk for thread in shown])
    for thread in shown:
        thread.unread_count = unread.get(thread.pk, 0)
    return _render(
        page,
        request,
        "space.html",
        {
            "space": space,
            "threads": results,
            "may_post": may_post and not blocked,
            "blocked": blocked,
            "may_moderate": can_moderate(request.user, space),
            "search_form": SearchForm(),
        },
    )


def new_thread(page, request, slug):
    space = get_object_or_404(readable_spaces(request.user), slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_post(request.user, space):
        raise Http404
    if request.method != "POST":
        # Show a block before they write; a thread typed meanwhile is refused beside the
        # field by the posting service, and its text kept.
        blocked = posting.block_refusal(request.user, space)
        if blocked:
            context = {"space": space, "blocked": blocked}
            return _render(page, request, "thread_form.html", context)
    form = _with_mentions(page, space, ThreadForm(request.POST or None))
    if request.method == "POST" and form.is_valid():
        try:
            post = services.create_thread(
                space,
                request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
            )
        except services.PostingRefused as refusal:
            _refusal_to_form(form, refusal)
        else:
            if post.status == PostStatus.PENDING:
                messages.info(request, _("Your post waits for a moderator's approval."))
            return HttpResponseRedirect(sub_url(page, "thread", post.thread_id))
    return _render(page, request, "thread_form.html", {"space": space, "form": form})


# -- a thread -------------------------------------------------------------------------------


def thread_posts(thread, user):
    """The posts of `thread` this reader may see, with authors, quoted posts, helpful counts
    and the reader's own marks: a fixed number of queries whatever the number of posts."""
    posts = (
        visible_posts(user)
        .filter(thread=thread)
        .select_related("author", "quoted__author")
        .annotate(helpful_count=Count("helpful_marks", distinct=True))
        .order_by("created_at", "pk")
    )
    if user.is_authenticated:
        posts = posts.annotate(
            marked_helpful=Exists(Helpful.objects.filter(post=OuterRef("pk"), user=user))
        )
    return posts


def _thread_context(page, request, thread, reply_form=None):
    user = request.user
    space = thread.space
    posts = paginate(thread_posts(thread, user), request.GET.get("page"), POSTS_PER_PAGE)
    visible_ids = set(
        visible_posts(user)
        .filter(pk__in=[p.quoted_id for p in posts.object_list if p.quoted_id])
        .values_list("pk", flat=True)
    )
    may_post = can_post(user, space, thread)
    # A moderators' block shows where the reply form would be, before the member writes.
    blocked = posting.block_refusal(user, space) if may_post else None
    may_reply = may_post and not blocked
    translator = translator_for(space)
    reader_language = (get_language() or "").split("-")[0]
    # An idea's conversation shows its authors' replies as theirs.
    idea_talk.mark_authors(thread, posts.object_list)
    # Mentions shown to this reader (links to the profiles they may see): one query for all.
    texts = []
    for post in posts.object_list:
        texts += [post.body, post.quoted.body if post.quoted_id and post.quoted else ""]
    shown = mentions.for_readers(texts, user)
    for post, body, quoted_body in zip(posts.object_list, shown[::2], shown[1::2], strict=True):
        post.shown_body, post.shown_quote = body, quoted_body
        # A quote shows only what the reader may see of the quoted post.
        post.quote_visible = post.quoted_id in visible_ids
        post.may_edit = can_edit_post(user, post, may_post=may_post)
        post.translate_link = (
            translator.format(
                source=post.language,
                target=reader_language,
                text=quote(strip_tags(post.body)[:1500]),
            )
            if translator and post.language and post.language != reader_language
            else ""
        )
    return {
        "space": space,
        "thread": thread,
        "posts": posts,
        "may_reply": may_reply,
        "may_moderate": can_moderate(user, space),
        "blocked": blocked,
        # A posted form is shown again whatever happened (its error beside the text typed);
        # a blank one only to those who may reply now.
        "reply_form": _with_mentions(
            page,
            space,
            reply_form
            if reply_form is not None and reply_form.is_bound
            else ((reply_form or ReplyForm()) if may_reply else None),
        ),
        "reply_url": sub_url(page, "reply", thread.pk) + "#reply",
        "reply_label": _("Post the reply"),
        "following": user.is_authenticated
        and ThreadFollow.objects.filter(thread=thread, user=user).exists(),
    }


def _with_mentions(page, space, form):
    """The form's editor suggests @-names among the readers of `space`."""
    if form is not None:
        form.fields["body"].widget.mentions_url = sub_url(page, "mentions", space.slug)
    return form


def mentions_view(page, request, slug):
    """Up to eight members the reader may name in this space (?q=the start of a name), as
    JSON: id, display name and the text to insert; never an email. Members only, limited."""
    space = get_object_or_404(readable_spaces(request.user), slug=slug)
    refusal = consume_or_refuse(request, "discussion-mentions", MENTIONS_RATE)
    if refusal:
        return refusal
    if not can_post(request.user, space):
        return JsonResponse({"results": []})
    results = services.mention_suggestions(space, request.user, request.GET.get("q"))
    return JsonResponse({"results": results})


def translator_for(space):
    """The configured machine translator's URL template (DISCUSSION_TRANSLATOR_URL, with
    {source}, {target} and {text}), for public spaces only: a private post's words never
    leave the site. None when no translator is configured."""
    template = getattr(settings, "DISCUSSION_TRANSLATOR_URL", "")
    if not template or space.visibility != "public":
        return None
    return template


def _get_thread(request, thread_id):
    return get_object_or_404(visible_threads(request.user).select_related("space"), pk=thread_id)


def thread_view(page, request, thread_id):
    thread = _get_thread(request, thread_id)
    context = _thread_context(page, request, thread)
    user = request.user
    # Where the member stopped reading: the first new post on this page is marked (and is
    # where "first unread" lands), then the marker moves to this page's last post.
    marker = reading.marker_for(thread, user)
    shown = list(context["posts"].object_list)
    new = [post for post in shown if post.author_id != user.pk and reading.is_after(post, marker)]
    context["first_unread_id"] = new[0].pk if new and user.is_authenticated else None
    if shown:
        reading.advance(thread, user, shown[-1], marker)
    return _render(page, request, "thread.html", context)


def _post_location(page, request, thread, post):
    """The thread page `post` is on now, at its anchor."""
    before = (
        visible_posts(request.user)
        .filter(thread=thread)
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
        .count()
    )
    number = before // POSTS_PER_PAGE + 1
    query = f"?page={number}" if number > 1 else ""
    return f"{sub_url(page, 'thread', thread.pk)}{query}#post-{post.pk}"


def post_link(page, request, thread_id, post_id):
    """A stable link to a post: the thread page it is on now, at its anchor."""
    thread = _get_thread(request, thread_id)
    post = get_object_or_404(visible_posts(request.user).filter(thread=thread), pk=post_id)
    return HttpResponseRedirect(_post_location(page, request, thread, post))


def first_unread_view(page, request, thread_id):
    """The member's first new post in the thread, on the page it is on; the thread's last
    page when nothing is new (and the first page for a visitor)."""
    thread = _get_thread(request, thread_id)
    post = reading.first_unread(thread, request.user)
    if post is None and request.user.is_authenticated:
        post = visible_posts(request.user).filter(thread=thread).order_by("created_at", "pk").last()
    if post is None:
        return HttpResponseRedirect(sub_url(page, "thread", thread.pk))
    return HttpResponseRedirect(_post_location(page, request, thread, post))


def reply_view(page, request, thread_id):
    thread = _get_thread(request, thread_id)
    if not request.user.is_authenticated:
        return redirect_to_login(sub_url(page, "thread", thread.pk))
    form = ReplyForm(request.POST or None, initial={"quoted": request.GET.get("quote")})
    quoted = _quoted_post(request, thread)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.reply(
                thread,
                request.user,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                quoted=quoted,
            )
        except services.PostingRefused as refusal:
            _refusal_to_form(form, refusal)
        else:
            if post.status == PostStatus.PENDING:
                messages.info(request, _("Your post waits for a moderator's approval."))
            return HttpResponseRedirect(sub_url(page, "post", thread.pk, post.pk))
    context = _thread_context(page, request, thread, reply_form=form)
    context["quoted"] = quoted
    return _render(page, request, "reply.html", context)


def _quoted_post(request, thread):
    raw = request.POST.get("quoted") or request.GET.get("quote")
    if not raw or not str(raw).isdigit():
        return None
    return (
        visible_posts(request.user)
        .filter(thread=thread, pk=int(raw), deleted_at__isnull=True)
        .select_related("author")
        .first()
    )


@post_only
def follow_view(page, request, thread_id):
    thread = _get_thread(request, thread_id)
    if not request.user.is_authenticated:
        return redirect_to_login(sub_url(page, "thread", thread.pk))
    services.follow(thread, request.user, on=request.POST.get("follow") == "1")
    return HttpResponseRedirect(sub_url(page, "thread", thread.pk))


# -- a post ---------------------------------------------------------------------------------


def _get_post(request, post_id):
    post = get_object_or_404(
        visible_posts(request.user).select_related("thread__space", "author"), pk=post_id
    )
    if not visible_threads(request.user).filter(pk=post.thread_id).exists():
        raise Http404
    return post


def edit_view(page, request, post_id):
    post = _get_post(request, post_id)
    if not can_edit_post(request.user, post):
        raise Http404
    # The text as the member wrote it (a post from before the editor: its HTML, which the
    # editor renders as it was).
    form = EditPostForm(
        request.POST or None, initial={"body": post.source or post.body, "language": post.language}
    )
    _with_mentions(page, post.thread.space, form)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(
                post,
                request.user,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
            )
        except services.PostingRefused as refusal:
            _refusal_to_form(form, refusal)
        else:
            return HttpResponseRedirect(sub_url(page, "post", post.thread_id, post.pk))
    return _render(page, request, "post_edit.html", {"post": post, "form": form})


def delete_view(page, request, post_id):
    post = _get_post(request, post_id)
    if post.author_id != request.user.pk or post.deleted_at is not None:
        raise Http404
    if request.method == "POST":
        services.delete_post(post, request.user)
        messages.success(request, _("Your post was deleted."))
        return HttpResponseRedirect(sub_url(page, "post", post.thread_id, post.pk))
    return _render(page, request, "post_delete.html", {"post": post})


@post_only
def helpful_view(page, request, post_id):
    post = _get_post(request, post_id)
    if not request.user.is_authenticated:
        return redirect_to_login(sub_url(page, "post", post.thread_id, post.pk))
    try:
        services.toggle_helpful(post, request.user)
    except services.PostingRefused as refusal:
        messages.error(request, refusal.message)
    return HttpResponseRedirect(sub_url(page, "post", post.thread_id, post.pk))


def revisions_view(page, request, post_id):
    """Earlier texts of an edited or deleted post, for the space's moderators."""
    post = _get_post(request, post_id)
    if not can_moderate(request.user, post.thread.space):
        raise Http404
    return _render(
        page,
        request,
        "post_revisions.html",
        {"post": post, "revisions": post.revisions.select_related("edited_by")},
    )


# -- an idea's conversation ----------------------------------------------------------------


def section_page():
    """The discussions section in the active language (else any), or None."""
    sections = DiscussionIndexPage.objects.live()
    return sections.filter(locale=Locale.get_active()).first() or sections.order_by("pk").first()


def idea_conversation(idea, request):
    """The idea page's conversation section (HTML): its posts as the thread page shows them,
    with the moderators' controls, and the comment form for those who may comment. "" for an
    idea not open to conversation, or a site without a discussions section."""
    page = section_page()
    if page is None or not can_discuss_idea(idea):
        return ""
    thread = idea_talk.idea_thread(idea)
    if thread is not None and visible_threads(request.user).filter(pk=thread.pk).exists():
        context = _thread_context(page, request, thread)
    else:
        # No comment yet (or none the reader may see): the form opens the conversation.
        space = DiscussionSpace.objects.filter(slug=idea_talk.IDEAS_SPACE_SLUG).first()
        may_post = request.user.is_authenticated and (
            space is None or can_post(request.user, space)
        )
        blocked = posting.block_refusal(request.user, space) if may_post and space else None
        context = {
            "thread": None,
            "posts": None,
            "may_reply": may_post and not blocked,
            "blocked": blocked,
            "reply_form": ReplyForm() if may_post and not blocked else None,
        }
    context.update(
        {
            "page": page,
            "self": page,
            "idea": idea,
            "comment_url": sub_url(page, "idea_comment", idea.pk),
            "reply_label": _("Post the comment"),
        }
    )
    return render_to_string(
        "community/discussions/idea_conversation.html", context, request=request
    )


def idea_comment_view(page, request, idea_id):
    """Comment on an idea (the first comment opens its thread). Only an idea open to
    conversation: any other is a 404, whatever its id; refusals show beside the text typed."""
    idea = get_object_or_404(Idea.objects.select_related("call"), pk=idea_id)
    if not can_view_idea(idea, request.user) or not can_discuss_idea(idea):
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(idea.get_absolute_url())
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = idea_talk.comment_on_idea(
                idea,
                request.user,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
            )
        except services.PostingRefused as refusal:
            _refusal_to_form(form, refusal)
        else:
            if post.status == PostStatus.PENDING:
                messages.info(request, _("Your post waits for a moderator's approval."))
            return HttpResponseRedirect(f"{idea.get_absolute_url()}#post-{post.pk}")
    return _render(
        page,
        request,
        "idea_comment.html",
        {"idea": idea, "form": form, "comment_url": sub_url(page, "idea_comment", idea.pk)},
    )


subpage_urls = [
    path("", index, name="index"),
    path("search/", search_view, name="search"),
    path("feed/", feed_view, name="feed"),
    path("spaces/<slug:slug>/", space_view, name="space"),
    path("spaces/<slug:slug>/new/", new_thread, name="new_thread"),
    path("spaces/<slug:slug>/mentions/", mentions_view, name="mentions"),
    path("threads/<int:thread_id>/", thread_view, name="thread"),
    path("threads/<int:thread_id>/reply/", reply_view, name="reply"),
    path("threads/<int:thread_id>/follow/", follow_view, name="follow"),
    path("threads/<int:thread_id>/unread/", first_unread_view, name="first_unread"),
    path("threads/<int:thread_id>/posts/<int:post_id>/", post_link, name="post"),
    path("posts/<int:post_id>/edit/", edit_view, name="post_edit"),
    path("posts/<int:post_id>/delete/", delete_view, name="post_delete"),
    path("posts/<int:post_id>/helpful/", helpful_view, name="post_helpful"),
    path("posts/<int:post_id>/history/", revisions_view, name="post_revisions"),
    path("ideas/<int:idea_id>/comment/", idea_comment_view, name="idea_comment"),
]
