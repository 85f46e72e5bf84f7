"""Who may see which page: the one definition every channel uses.

A page is hidden from a reader when a view restriction (login, password or groups) that the
reader does not pass is set on the page or an ancestor **in any language**: a restriction set on
the English page covers its real translations and the untranslated copies (wagtail-localize
aliases) in the other eight trees, and an alias elsewhere in the tree of a restricted page is
restricted with it. Wagtail's own `.public()` and the API look only at the page's own ancestors,
so an alias or a translation of a private page leaked through listings, search and the API.

Every channel that shows pages goes through here: the page itself (`restrictions_for`, used by
`BasePage.get_view_restrictions`, which Wagtail checks when serving), listings and teasers,
search, the API, the sitemap, GeoJSON, feeds and exports (`visible_pages`), and the menu.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

__all__ = [
    "hidden_pages_models",
    "hidden_pages_q",
    "is_visible",
    "next_change",
    "register_hidden_pages_rule",
    "restrictions_for",
    "sees_what_anyone_sees",
    "timeout_before_next_change",
    "visible_pages",
]

_CACHE_ATTRIBUTE = "_osc_hidden_pages_q"
_BY_MODEL_ATTRIBUTE = "_osc_hidden_pages_q_by_model"

# Rules of higher layers that hide some of their pages from everyone but their own readers
# (community.results: a result whose idea is not public), each `rule(request) -> Q` over Page,
# with the page classes it can hide (None: any). Registered at start-up, so every channel that
# asks `visible_pages` applies them without importing the layer above.
_RULES = []
# Labels ("app_label.Model") of the models those rules read besides pages and restrictions.
_RULE_MODELS = set()
# The page classes each rule can hide (None: any page).
_RULE_PAGE_CLASSES = {}
# For the rules whose answer changes with time alone (a call's results date), when it next does:
# `changes_at(now) -> datetime | None`, so what caches visible pages expires at that moment.
_RULE_CHANGES = {}


def register_hidden_pages_rule(rule, models=(), page_classes=None, changes_at=None):
    """Add `rule` to what hides pages. `models`: the labels of the models it reads besides
    pages, so what caches visible pages (cms/content_cache.py) forgets them when those change.
    `page_classes`: the page classes it can hide, sparing its cost to the queries of other
    classes (an event listing never builds the results' subquery). `changes_at(now)`: the next
    moment its answer changes with no save to announce it (None: never), so those caches expire
    then (`next_change`)."""
    if rule not in _RULES:
        _RULES.append(rule)
    if changes_at is not None:
        _RULE_CHANGES[rule] = changes_at
    _RULE_MODELS.update(models)
    _RULE_PAGE_CLASSES[rule] = tuple(page_classes) if page_classes else None


def next_change(now, model=None):
    """The first moment after `now` at which a registered rule shows or hides a page (of
    `model`, a page class; None: any) by time alone, or None: what caches visible pages must not
    be kept past it. A query per rule that has such moments for those pages."""
    rules = _rules_for(model)
    moments = [changes_at(now) for rule, changes_at in _RULE_CHANGES.items() if rule in rules]
    return min((moment for moment in moments if moment is not None), default=None)


def timeout_before_next_change(timeout, since=None, model=None):
    """`timeout` (seconds) cut so that what is cached now expires by the next moment a page (of
    `model`; None: any) turns visible or hidden by time alone after `since` (when its computing
    started; default now): whole seconds rounded down, 0 or less when that moment has come
    (then store nothing)."""
    now = timezone.now()
    upcoming = next_change(since or now, model)
    if upcoming is None:
        return timeout
    return min(timeout, int((upcoming - now).total_seconds()))


def hidden_pages_models():
    """Labels of the models whose change can hide or show a page: pages, view restrictions, and
    what the registered rules read."""
    return ("wagtailcore.Page", "wagtailcore.PageViewRestriction", *sorted(_RULE_MODELS))


def _rules_for(model):
    """The rules that can hide pages of `model` (every rule for Page or no model)."""
    if model is None or model is Page:
        return list(_RULES)
    return [
        rule
        for rule in _RULES
        if _RULE_PAGE_CLASSES.get(rule) is None
        or any(issubclass(m, model) or issubclass(model, m) for m in _RULE_PAGE_CLASSES[rule])
    ]


def _equivalence(restriction):
    """Restrictions that mean the same thing for the same content: one page's language copies
    carry copies of one restriction (Wagtail copies it with the page), and a reader who passed
    one of them has passed them all."""
    return (
        restriction.page.translation_key,
        restriction.restriction_type,
        restriction.password,
        frozenset(group.pk for group in restriction.groups.all()),
    )


def restrictions_for(page):
    """Every view restriction that applies to `page` (see `_restriction_pks`), as a queryset.

    Which ones is remembered in the chrome cache until a page or restriction changes; a page
    without any (most) then costs no query when served.
    """
    from .chrome_cache import cached

    pks = (
        cached(None, "restrictions", [page.pk], lambda: _restriction_pks(page))
        if page.pk
        else _restriction_pks(page)
    )
    if not pks:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=pks).select_related("page")


def _restriction_pks(page):
    """Every view restriction that applies to `page`: on it or an ancestor, in any language,
    or on the source of an alias among them (Wagtail's own rule for aliases).

    Copies of one restriction count once, preferring the copy on the page's own ancestry, so a
    reader is asked for a password at most once per language.
    """
    ancestors = list(
        page.get_ancestors(inclusive=True).only("pk", "alias_of_id", "translation_key")
    )
    keys = {ancestor.translation_key for ancestor in ancestors}
    own = {ancestor.pk for ancestor in ancestors}
    own |= {ancestor.alias_of_id for ancestor in ancestors if ancestor.alias_of_id}
    # Sources of aliases share their translation key with the alias in wagtail-localize, but a
    # plain Wagtail alias has its own: resolve those sources' ancestors too.
    sources = Page.objects.filter(pk__in=[a.alias_of_id for a in ancestors if a.alias_of_id])
    for source in sources.only("path"):
        for source_ancestor in source.get_ancestors(inclusive=True).only("pk", "translation_key"):
            own.add(source_ancestor.pk)
            keys.add(source_ancestor.translation_key)
    candidates = (
        PageViewRestriction.objects.filter(Q(page_id__in=own) | Q(page__translation_key__in=keys))
        .select_related("page")
        .prefetch_related("groups")
    )
    chosen = {}
    for restriction in sorted(candidates, key=lambda r: (r.page_id not in own, r.pk)):
        chosen.setdefault(_equivalence(restriction), restriction.pk)
    return sorted(chosen.values())


def _refused_restrictions(request):
    """Restrictions this reader does not pass; a copy counts as passed when its twin is."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    if request is None:
        return list(restrictions)
    classes = {}
    for restriction in restrictions:
        classes.setdefault(_equivalence(restriction), []).append(restriction)
    refused = []
    for members in classes.values():
        if not any(member.accept_request(request) for member in members):
            refused.extend(members)
    return refused


def _hidden_roots(refused):
    """Tree paths whose subtrees are hidden: every language copy of each refused restricted page,
    then aliases of anything inside those subtrees, until nothing new is found."""
    keys = {restriction.page.translation_key for restriction in refused}
    roots = set(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))
    frontier = set(roots)
    while frontier:
        under = Q()
        for path in frontier:
            under |= Q(alias_of__path__startswith=path)
        found = set(Page.objects.filter(under).values_list("path", flat=True)) - roots
        roots |= found
        frontier = found
    # A root inside another root adds nothing.
    return sorted(p for p in roots if not any(p != r and p.startswith(r) for r in roots))


def reader_class(request):
    """What decides which restrictions a reader passes: signed in or not (and then who, for
    their groups), and the passwords given in this session. Readers of one class see the same
    pages."""
    if request is None:
        return "anonymous"
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    passed = ()
    if session is not None:
        passed = sorted(session.get(PageViewRestriction.passed_view_restrictions_session_key, []))
    if user is None or not user.is_authenticated:
        return f"anonymous:{passed}"
    # Per member (their groups decide group restrictions): no query to tell readers apart.
    # A change of their groups starts a new chrome generation (cms.chrome_cache).
    return f"member:{user.pk}:{user.is_superuser}:{passed}"


def _restricted_q(request):
    """The pages hidden from this reader by view restrictions. Three or four queries whatever
    the number of pages, plus one per group restriction to read the reader's groups; the roots
    are kept in the chrome cache for every reader of the same class (cms.chrome_cache,
    invalidated when a page or restriction changes), the Q on the request."""
    cached_q = getattr(request, _CACHE_ATTRIBUTE, None) if request is not None else None
    if cached_q is not None:
        return cached_q
    from .chrome_cache import cached

    def compute():
        refused = _refused_restrictions(request)
        return _hidden_roots(refused) if refused else []

    paths = cached(request, "hidden-roots", [reader_class(request)], compute)
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(path__startswith=path)
    if request is not None:
        setattr(request, _CACHE_ATTRIBUTE, q)
    return q


def hidden_pages_q(request=None, model=None):
    """A Q matching every page hidden from this reader (`request=None`: an anonymous visitor);
    with `model`, only the rules that can hide pages of that class are asked.

    The restrictions come from `_restricted_q` (the chrome cache, then the request), reused by
    every channel on the page; the rules are asked once per request and class.
    """
    by_model = request.__dict__.setdefault(_BY_MODEL_ATTRIBUTE, {}) if request is not None else {}
    if model not in by_model:
        q = _restricted_q(request)
        for rule in _rules_for(model):
            q |= rule(request)
        by_model[model] = q
    return by_model[model]


def visible_pages(queryset, request=None):
    """`queryset` narrowed to the live pages this reader may see (anonymous when no request)."""
    return queryset.live().exclude(hidden_pages_q(request, queryset.model))


def sees_what_anyone_sees(request):
    """Whether this reader sees exactly the pages an anonymous visitor sees: no account and no
    page password passed in their session. Only then may what they are shown be shared with
    every visitor (a cache)."""
    if request is None:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    key = PageViewRestriction.passed_view_restrictions_session_key
    return not (session is not None and session.get(key))


def is_visible(page, request=None):
    """Whether one page is live and visible to this reader."""
    return visible_pages(Page.objects.filter(pk=page.pk), request).exists()
