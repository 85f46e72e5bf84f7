import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from cms import admin_chooser
from cms import views as cms_views
from cms.language_switch import switch_language
from cms.page_passwords import authenticate_with_password
from cms.sitemaps import sitemap_index, sitemap_section
from community.members import auth_views

from .api import api_router

# Not language-prefixed: admin, API, documents, machine-readable files.
urlpatterns = [
    # Wagtail's admin login and logout, replaced before its URLs: one account flow; logout on POST.
    path("admin/login/", auth_views.admin_login, name="wagtailadmin_login"),
    path("admin/logout/", auth_views.AdminLogoutView.as_view(), name="wagtailadmin_logout"),
    # Wagtail's page chooser, replaced before its URLs: only pages the user may see.
    path("admin/choose-page/", require_admin_access(admin_chooser.BrowseView.as_view())),
    path(
        "admin/choose-page/<int:parent_page_id>/",
        require_admin_access(admin_chooser.BrowseView.as_view()),
    ),
    path(
        "admin/choose-page/chosen-multiple/",
        require_admin_access(admin_chooser.ChosenMultipleView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's own route, served by a wrapper that drops its literal "Content-Encoding: None".
    re_path(r"^documents/(\d+)/(.*)$", cms_views.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    # Browsers and crawlers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", cms_views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/<str:language>/", switch_language, name="switch_language"),
]

if settings.BENCHMARK_FLOOR:
    urlpatterns.append(path("__floor__/", cms_views.benchmark_floor, name="benchmark_floor"))

if settings.DEBUG or settings.SERVE_MEDIA:
    # Development serves uploaded images itself, whatever DEBUG says; documents always go
    # through Wagtail's serve view, which checks their collection's privacy.
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.strip('/'))}/(?P<path>(?!documents/).+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Public pages carry the language prefix: /en/, /it/, ...
urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("events/", include("events.urls")),
    # Wagtail's front-end login and page-password views, replaced: allauth's login; throttling.
    path("_util/login/", auth_views.frontend_login, name="wagtailcore_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("community/", include("community.urls")),
    path("notifications/", include("community.notifications.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# A page missing from a language tree is served from the source language, with a notice.
handler404 = "cms.fallback.page_not_found"
