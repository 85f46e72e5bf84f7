"""Builds the demo site tree from cms.demo.content: English pages first, then Italian ones.

Call build_cms_demo() inside a transaction; every step finds what an earlier run made and only
writes (and publishes a revision) when the content differs.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from wagtail.models import Locale, Page, Site
from wagtail_localize.synctree import PageIndex, synchronize_tree

from cms.models import (
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PilotActionIndexPage,
    PilotActionPage,
    PolicyBriefPage,
    PublicationIndexPage,
    SiteSettings,
    WhitePaperPage,
)
from cms.sites import address_from_base_url

from .bulk import deferred_indexing
from .content import load
from .content.translations import EXTRA_LANGUAGES, INLINE_LANGUAGES
from .dates import date_pages
from .localize import sync_localized_page
from .progress import reporter, step
from .snippets import build_snippets
from .sync import UNCHANGED, apply_values, stable_key, sync_page
from .values import (
    content_values,
    home_values,
    index_values,
    news_values,
    partners_body,
    pilot_values,
    publication_documents,
    publication_values,
)

__all__ = ["DemoContext", "build_cms_demo"]

PAGES = load("pages")
NEWS = load("news")["news"]
PILOT_ACTIONS = load("pilot_actions")["pilot_actions"]
PRIVACY = load("privacy")["privacy"]
PUBLICATIONS = load("publications")["publications"]
TRANSLATED_LANGUAGES = ("it", *EXTRA_LANGUAGES)


@dataclass
class DemoContext:
    """What the build steps share: locales, built objects by key and language, counters."""

    locales: dict
    countries: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    site: Site | None = None
    stats: Counter = field(default_factory=Counter)
    # Keys of the English pages written in this run: their translation sources are refreshed.
    changed: set = field(default_factory=set)
    refreshed: set = field(default_factory=set)

    key = staticmethod(stable_key)

    def count(self, kind, status):
        self.stats[(kind, status)] += 1


def ensure_home(ctx):
    """The default Site's root becomes our HomePage; Wagtail's welcome page goes."""
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = None
    if site is not None and isinstance(site.root_page.specific, HomePage):
        home = site.root_page.specific
    if home is None:
        home = HomePage.objects.filter(depth=2, locale=ctx.locales["en"]).first()
    plain_page = ContentType.objects.get_for_model(Page)
    welcome = list(root.get_children().filter(content_type=plain_page, numchild=0))
    if home is None:
        if site is not None:
            site.root_page = root  # Site.root_page cascades: move the site before deleting
            site.save()
        for page in welcome:
            page.delete()
        welcome = []
        home, status = sync_page(
            root, HomePage, "home", home_values(ctx, "en", links=False), key="home"
        )
        ctx.count("pages", status)
    # Links follow where the site runs in development: BASE_URL (cms/sites.py).
    wanted = {**address_from_base_url(), "root_page": home, "is_default_site": True}
    wanted["site_name"] = "OpenSocialCluster"
    if site is None:
        site = Site(**wanted)
        site.save()
    elif apply_values(site, wanted):
        site.save()
    for page in welcome:
        if not page.sites_rooted_here.exists():
            page.delete()
    ctx.pages["home"] = {"en": home}
    ctx.site = site
    return home


def _sync(ctx, kind, key, parent_key, model, slug, values_for, update=True):
    """The English page under its parent, recorded in ctx.pages."""
    parent = ctx.pages[parent_key]["en"]
    page, status = sync_page(parent, model, slug, values_for("en"), key=key, update=update)
    ctx.count(kind, status)
    if status != UNCHANGED:
        ctx.changed.add(key)
    ctx.pages[key] = {"en": page}
    return page


def _translate(ctx, kind, key, values_for, language):
    """The page's translation through wagtail-localize (see localize.py), in ctx.pages."""
    source = ctx.pages[key]["en"]
    page, status = sync_localized_page(
        source,
        ctx.locales[language],
        values_for(language),
        source_changed=key in ctx.changed,
        refresh_source=key in ctx.changed and key not in ctx.refreshed,
    )
    ctx.refreshed.add(key)
    ctx.count(kind, status)
    ctx.pages[key][language] = page


INDEX_MODELS = (
    ("pilot-actions", PilotActionIndexPage),
    ("publications", PublicationIndexPage),
    ("news", NewsIndexPage),
)


def section_steps(ctx, links):
    """The home page's children in menu order: (key, model, values for a language)."""
    steps = [
        ("about", ContentPage, lambda lang: content_values(ctx, PAGES["about"], lang, links=links))
    ]
    steps += [
        (key, model, lambda lang, key=key: index_values(key, lang)) for key, model in INDEX_MODELS
    ]
    steps.append(
        (
            "partners",
            ContentPage,
            lambda lang: content_values(
                ctx, PAGES["partners_page"], lang, partners_body(ctx, lang)
            ),
        )
    )
    steps.append(
        (
            "privacy-policy",
            ContentPage,
            lambda lang: content_values(ctx, PRIVACY, lang, show_in_menus=False),
        )
    )
    return steps


def build_sections(ctx):
    """Sections in menu order; About's links to later sections are added in a second pass."""
    for key, model, values_for in section_steps(ctx, links=False):
        _sync(ctx, "pages", key, "home", model, key, values_for, update=key != "about")
    key, model, values_for = section_steps(ctx, links=True)[0]
    _sync(ctx, "pages", key, "home", model, key, values_for)


def build_pilot_actions(ctx, links=True):
    """With links=False, new pilot actions are made without their related resources (built
    later) and existing ones are left alone; the second pass (links=True) completes them."""
    for data in PILOT_ACTIONS:
        _sync(
            ctx,
            "pilot_actions",
            data["key"],
            "pilot-actions",
            PilotActionPage,
            data["slug"],
            lambda lang, data=data: pilot_values(ctx, data, lang, links=links),
            update=links,
        )


def build_news(ctx):
    for data in NEWS:
        _sync(
            ctx,
            "news",
            data["key"],
            "news",
            NewsPage,
            data["slug"],
            lambda lang, data=data: news_values(ctx, data, lang),
        )


def build_publications(ctx):
    for data in PUBLICATIONS:
        documents = publication_documents(data)
        model = WhitePaperPage if data["kind"] == "white-paper" else PolicyBriefPage
        ctx.documents[data["key"]] = documents
        _sync(
            ctx,
            "publications",
            data["key"],
            "publications",
            model,
            data["slug"],
            lambda lang, data=data, docs=documents: publication_values(ctx, data, lang, docs),
        )


# Written in every site language: everything the menu, the home page and the footer lead to.
EVERY_LANGUAGE_SECTIONS = (
    "about",
    "pilot-actions",
    "publications",
    "news",
    "partners",
    "privacy-policy",
)


def translation_steps(ctx, language):
    """(kind, key, values for a language) of the pages written in language, parents first."""
    section_values = {key: values for key, _model, values in section_steps(ctx, links=True)}
    steps = [("pages", "home", lambda lang: home_values(ctx, lang))]
    steps += [("pages", key, section_values[key]) for key in EVERY_LANGUAGE_SECTIONS]
    steps += [
        ("pilot_actions", data["key"], lambda lang, data=data: pilot_values(ctx, data, lang))
        for data in PILOT_ACTIONS
    ]
    if language in INLINE_LANGUAGES:
        # News and publications are written in English and Italian only.
        steps += [
            ("news", data["key"], lambda lang, data=data: news_values(ctx, data, lang))
            for data in NEWS
        ]
        steps += [
            (
                "publications",
                data["key"],
                lambda lang, data=data: publication_values(
                    ctx, data, lang, ctx.documents[data["key"]]
                ),
            )
            for data in PUBLICATIONS
        ]
    return steps


def build_translations(ctx, progress=None):
    """Every translated page, language by language, in tree order (parents first, so a new
    translation takes its place after its translated siblings, as in the English menu)."""
    for language in TRANSLATED_LANGUAGES:
        with step(ctx, progress, f"translations: {language}"):
            for kind, key, values_for in translation_steps(ctx, language):
                _translate(ctx, kind, key, values_for, language)


def _trees_have_every_page(locales):
    """Whether every language tree has as many pages as the English one (nothing to mirror):
    one query, where walking the trees costs seconds on every run."""
    counts = dict(
        Page.objects.filter(depth__gte=2)
        .order_by()  # Page's default ordering (path) would split the groups: one row per page
        .values_list("locale_id")
        .annotate(pages=Count("id"))
        .values_list("locale_id", "pages")
    )
    english = counts.get(locales["en"].pk, 0)
    return all(counts.get(locale.pk, 0) == english for locale in locales.values())


def page_index():
    """wagtail-localize's PageIndex of the pages (not aliases) that some language tree lacks,
    in tree order, from one query: PageIndex.from_database() makes three queries per page."""
    rows = list(
        Page.objects.filter(depth__gt=1)
        .order_by("path")
        .values_list(
            "path", "depth", "translation_key", "locale_id", "alias_of_id", "content_type_id"
        )
    )
    key_at = {path: key for path, _depth, key, _locale, _alias, _type in rows}
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    translated, aliased = defaultdict(list), defaultdict(list)
    for _path, _depth, key, locale_id, alias_of_id, _type in rows:
        (aliased if alias_of_id else translated)[key].append(locale_id)
    entries = [
        PageIndex.Entry(
            ContentType.objects.get_for_id(content_type_id),
            key,
            locales[locale_id],
            key_at.get(path[: -Page.steplen]) if depth > 2 else None,
            translated[key],
            aliased[key],
        )
        for path, depth, key, locale_id, alias_of_id, content_type_id in rows
        if alias_of_id is None
    ]
    # Sorted whole (a page's place needs its parent), then only the pages some language tree
    # lacks: wagtail-localize's synchronize_tree reads each listed page from the database, even
    # one already aliased there, which took minutes once the --scale corpus was there.
    everywhere = set(locales)
    return PageIndex(
        [
            entry
            for entry in PageIndex(entries).sort_by_tree_position().pages
            if {*entry.locales, *entry.aliased_locales} != everywhere
        ]
    )


def synchronise_language_trees(locales=None, progress=None):
    """Mirror the English tree into every other language: pages not translated yet become
    wagtail-localize aliases there. Does nothing (one query) when every tree has every page;
    otherwise builds the page index once for all languages. Returns whether it synchronised.
    The apps' demo builders call it after adding pages (all site locales by default)."""
    if locales is None:
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
    if _trees_have_every_page(locales):
        return False
    index = page_index()
    for code, locale in locales.items():
        if code != "en":
            reporter(progress)(f"language trees: {code}")
            synchronize_tree(locales["en"], locale, page_index=index)
    return True


def synchronise_trees(ctx, progress=None):
    """Every other language tree mirrors the English one: pages not translated yet become
    wagtail-localize aliases there, shown with a notice instead of a 404."""
    with deferred_indexing(progress):
        synchronise_language_trees(ctx.locales, progress)
        # Last, so every copy (aliases included) shows the content's own date, not today's.
        with step(ctx, progress, "page dates"):
            if date_pages(ctx.pages):
                ctx.count("page_dates", "updated")


def finish_home(ctx):
    """The home body links to sections, so its links are written once they exist."""
    page, status = sync_page(
        Page.get_first_root_node(),
        HomePage,
        ctx.pages["home"]["en"].slug,
        home_values(ctx, "en"),
        key="home",
    )
    ctx.count("pages", status)
    if status != UNCHANGED:
        ctx.changed.add("home")
    ctx.pages["home"]["en"] = page


def build_site_settings(ctx):
    settings = SiteSettings.for_site(ctx.site)
    values = {**PAGES["site_settings"], "privacy_page": ctx.pages["privacy-policy"]["en"]}
    if apply_values(settings, values):
        settings.save()
        ctx.count("settings", "updated")
    else:
        ctx.count("settings", "unchanged")


def build_cms_demo(progress=None):
    """Build (or bring up to date) the whole cms side of the demo; returns the context.

    progress, if given, is called with a short message after each step (see progress.py)."""
    ctx = DemoContext(locales={locale.language_code: locale for locale in Locale.objects.all()})
    with deferred_indexing(progress):
        with step(ctx, progress, "snippets"):
            build_snippets(ctx)
        with step(ctx, progress, "home and sections"):
            ensure_home(ctx)
            build_sections(ctx)
            finish_home(ctx)
        with step(ctx, progress, "pilot actions, first pass"):
            build_pilot_actions(ctx, links=False)
        with step(ctx, progress, "news"):
            build_news(ctx)
        with step(ctx, progress, "publications"):
            build_publications(ctx)
        with step(ctx, progress, "pilot actions"):
            build_pilot_actions(ctx)
        build_translations(ctx, progress)
        with step(ctx, progress, "site settings"):
            build_site_settings(ctx)
    return ctx
