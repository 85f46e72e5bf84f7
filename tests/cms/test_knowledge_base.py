"""Knowledge base: articles filtered by kind, reading level and topic; the tools catalogue."""

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.models import Locale

from cms import factories as f
from cms.locales import ensure_locales
from cms.opendata import factories as od
from cms.opendata.filters import KnowledgeFilters
from cms.opendata.vocabularies import ArticleKind, SkillLevel
from tests.cms.trees import ids, vocabularies


class KnowledgeBaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.kb = od.KnowledgeBasePageFactory(parent=home)
        cls.guide = od.KnowledgeArticlePageFactory(
            parent=cls.kb, title="Finding open data on skills", topics=[v.open_data]
        )
        cls.case = od.KnowledgeArticlePageFactory(
            parent=cls.kb,
            title="Aragon's reserved contracts",
            kind=ArticleKind.CASE_STUDY,
            reading_level=SkillLevel.INTERMEDIATE,
        )
        cls.glossary = od.KnowledgeArticlePageFactory(
            parent=cls.kb,
            title="Glossary of open data",
            kind=ArticleKind.GLOSSARY,
            reading_level=SkillLevel.INTRODUCTORY,
        )
        cls.tools = od.OpenDataToolIndexPageFactory(parent=cls.kb)

    def listing(self, **query):
        return ids(self.kb.listing(KnowledgeFilters.from_query(query)))

    def test_filters_by_kind_reading_level_and_topic(self):
        assert self.listing(type="case-study") == [self.case.pk]
        assert self.listing(level="intermediate") == [self.case.pk]
        assert self.listing(topic="open-data") == [self.guide.pk]
        assert set(self.listing(level="introductory")) == {self.guide.pk, self.glossary.pk}

    def test_unknown_level_or_kind_is_ignored(self):
        filters = KnowledgeFilters.from_query({"level": "expert", "type": "novel"})
        assert (filters.level, filters.type) == ("", "")

    def test_index_lists_articles_not_the_tool_catalogue_and_links_it(self):
        html = self.client.get(self.kb.url + "?type=glossary").content.decode()
        assert "Glossary of open data" in html
        assert "Aragon" not in html
        assert f'href="{self.tools.url}"' in html

    def test_article_page_shows_kind_and_level(self):
        html = self.client.get(self.case.url).content.decode()
        assert "Case study" in html and "Intermediate" in html


class ToolCatalogueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_locales()
        home = f.make_site()
        kb = od.KnowledgeBasePageFactory(parent=home)
        cls.page = od.OpenDataToolIndexPageFactory(parent=kb)
        cls.refine = od.OpenDataToolFactory(
            name="OpenRefine", languages="en, it, es, fr", licence="BSD-3-Clause"
        )
        cls.qgis = od.OpenDataToolFactory(
            name="QGIS", skill_level=SkillLevel.ADVANCED, languages="en, hr, el"
        )
        cls.italian_refine = cls.refine.copy_for_translation(Locale.objects.get(language_code="it"))
        cls.italian_refine.purpose = "Pulisce fogli di calcolo disordinati."
        cls.italian_refine.save()

    def test_catalogue_shows_name_purpose_link_licence_level_and_languages(self):
        html = self.client.get(self.page.url).content.decode()
        assert 'href="https://example.org/tool"' in html
        assert "OpenRefine" in html and "BSD-3-Clause" in html
        assert "Advanced" in html
        assert "Hrvatski" in html

    def test_catalogue_filters_by_skill_level_and_language(self):
        assert [t.name for t in self.page.tools(level="advanced")] == ["QGIS"]
        assert [t.name for t in self.page.tools(language="es")] == ["OpenRefine"]

    def test_each_tool_appears_once_in_the_readers_language_where_translated(self):
        italian_page = self.page.copy_for_translation(
            Locale.objects.get(language_code="it"), copy_parents=True
        )
        tools = italian_page.tools()
        assert [t.name for t in tools] == ["OpenRefine", "QGIS"]
        assert tools[0].purpose == "Pulisce fogli di calcolo disordinati."

    def test_languages_must_be_codes(self):
        tool = od.OpenDataToolFactory.build(languages="English and Italian!")
        with pytest.raises(ValidationError) as error:
            tool.clean()
        assert "languages" in error.value.message_dict
