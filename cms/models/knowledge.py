"""Knowledge base: guides, case studies and a glossary on using open data for social
innovation, and a catalogue of open-data tools."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyBlock
from cms.opendata.filters import KnowledgeFilters
from cms.opendata.vocabularies import ArticleKind, SkillLevel
from cms.panels import SameLanguageChoicePanel
from cms.text import validate_single_line
from cms.translation_state import set_content_languages
from cms.visibility import visible_pages

from .base import BasePage, ListingPageMixin, paginate
from .snippets import Topic, filter_by_vocabulary

__all__ = ["KnowledgeBasePage", "KnowledgeArticlePage", "OpenDataTool", "OpenDataToolIndexPage"]


class KnowledgeBasePage(ListingPageMixin, BasePage):
    menu_group = "resources"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = [
        "cms.KnowledgeArticlePage",
        "cms.OpenDataToolIndexPage",
        "cms.CoursePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("knowledge base")

    def parse_filters(self, request):
        return KnowledgeFilters.from_query(request.GET)

    def listing(self, filters=None, request=None):
        qs = (
            visible_pages(KnowledgeArticlePage.objects.child_of(self), request)
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("title")
        )
        if filters is None:
            return qs
        if filters.type:
            qs = qs.filter(kind=filters.type)
        if filters.level:
            qs = qs.filter(reading_level=filters.level)
        if filters.q:
            qs = qs.filter(title__icontains=filters.q)
        return filter_by_vocabulary(qs, filters)

    def filter_options(self, request=None):
        children = visible_pages(KnowledgeArticlePage.objects.child_of(self), request)
        return {
            "types": ArticleKind.choices,
            "levels": SkillLevel.choices,
            "topics": list(
                Topic.objects.filter(pk__in=children.values("topics"))
                .order_by("name")
                .values_list("slug", "name")
            ),
        }

    def sections(self, request=None):
        """The tool catalogues and courses under the knowledge base, for links beside the list."""
        return set_content_languages(
            visible_pages(self.get_children(), request)
            .exclude(content_type__model="knowledgearticlepage")
            .specific()
            .order_by("path")
        )


class KnowledgeArticlePage(BasePage):
    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.GUIDE
    )
    reading_level = models.CharField(
        _("reading level"),
        max_length=20,
        choices=SkillLevel.choices,
        default=SkillLevel.INTRODUCTORY,
    )
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("reading_level")]),
        SameLanguageChoicePanel("topics"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("reading_level"),
        APIField("topics"),
        APIField("body"),
    ]
    parent_page_types = ["cms.KnowledgeBasePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("knowledge article")
        verbose_name_plural = _("knowledge articles")


def language_codes(raw):
    return [code.strip().lower() for code in raw.split(",") if code.strip()]


class OpenDataTool(TranslatableMixin, index.Indexed, models.Model):
    """A tool for finding, cleaning, analysing or mapping open data."""

    name = models.CharField(_("name"), max_length=120, validators=[validate_single_line])
    purpose = models.TextField(_("what it is for"))
    url = models.URLField(_("link"))
    licence = models.CharField(
        _("licence"),
        max_length=120,
        help_text=_("E.g. “GPL-3.0”, “MIT”, “Free, proprietary”."),
        validators=[validate_single_line],
    )
    skill_level = models.CharField(
        _("skill level"),
        max_length=20,
        choices=SkillLevel.choices,
        default=SkillLevel.INTRODUCTORY,
    )
    languages = models.CharField(
        _("interface languages"),
        max_length=200,
        help_text=_("Language codes separated by commas, e.g. “en, it, es”."),
        validators=[validate_single_line],
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("purpose"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("licence"), FieldPanel("skill_level")]),
        FieldPanel("languages"),
    ]
    override_translatable_fields = [
        SynchronizedField("url"),
        SynchronizedField("skill_level"),
        SynchronizedField("languages"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("purpose")]
    api_fields = [
        APIField("name"),
        APIField("purpose"),
        APIField("url"),
        APIField("licence"),
        APIField("skill_level"),
        APIField("languages"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("open-data tool")
        verbose_name_plural = _("open-data tools")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        unknown = [
            code for code in language_codes(self.languages) if not code.isalpha() or len(code) > 3
        ]
        if unknown or not language_codes(self.languages):
            raise ValidationError(
                {"languages": _("Give language codes such as “en, it”, separated by commas.")}
            )

    def language_names(self):
        """The interface languages, each named in its own language where Django knows it."""
        names = []
        for code in language_codes(self.languages):
            try:
                names.append(get_language_info(code)["name_local"])
            except KeyError:
                names.append(code)
        return names


def tools_for_locale(locale):
    """Every tool once, in `locale` where translated, else in the default language."""
    own = OpenDataTool.objects.filter(locale=locale)
    default = Locale.get_default()
    fallback = OpenDataTool.objects.filter(locale=default).exclude(
        translation_key__in=own.values("translation_key")
    )
    return OpenDataTool.objects.filter(models.Q(pk__in=own) | models.Q(pk__in=fallback))


class OpenDataToolIndexPage(BasePage):
    """The catalogue of open-data tools (snippets), filtered by skill level and language."""

    menu_group = "resources"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.KnowledgeBasePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open-data tool catalogue")

    def tools(self, level="", language=""):
        qs = tools_for_locale(self.locale).order_by("name")
        if level in SkillLevel.values:
            qs = qs.filter(skill_level=level)
        tools = list(qs)
        if language:
            tools = [tool for tool in tools if language in language_codes(tool.languages)]
        return tools

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        level = request.GET.get("level", "")
        language = request.GET.get("language", "")
        languages = dict(settings.LANGUAGES)
        context.update(
            level=level if level in SkillLevel.values else "",
            language=language if language in languages else "",
            levels=SkillLevel.choices,
            languages=list(settings.LANGUAGES),
            results=paginate(self.tools(level, language), request.GET.get("page"), 24),
        )
        return context
