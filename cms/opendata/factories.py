"""Factories of the open-data catalogue, for the tests and the demo."""

import factory
from wagtail.models import Collection

from cms import factories as f
from cms import models
from cms.opendata.vocabularies import ArticleKind, FileFormat, Frequency, Licence, SkillLevel


class CsvDocumentFactory(f.DocumentFactory):
    title = factory.Sequence(lambda n: f"Data file {n}")
    file = factory.django.FileField(
        filename="data.csv", data=b"name,city,members\nAlpha,Zaragoza,12\nBeta,Huesca,7\n"
    )
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DatasetIndexPageFactory(f.BasePageFactory):
    title = "Open data"
    slug = "open-data"
    summary = "Datasets published by the network's pilots."
    licence = Licence.CC_BY_4

    class Meta:
        model = models.DatasetIndexPage


class DatasetPageFactory(f.BasePageFactory):
    title = factory.Sequence(lambda n: f"Dataset {n}")
    description = factory.LazyAttribute(lambda o: f"What {o.title} contains.")
    licence = Licence.CC_BY_4
    keywords = "social economy, suppliers"
    spatial_coverage = "Aragon, Spain"
    frequency = Frequency.ANNUAL
    contact_name = "Open data desk"
    contact_email = "opendata@example.org"

    class Meta:
        model = models.DatasetPage

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        for theme in extracted or []:
            models.DatasetTheme.objects.create(page=obj, theme=theme)

    @factory.post_generation
    def distributions(obj, create, extracted, **kwargs):
        """A list of dicts (document or url, format, title...); one CSV file by default."""
        rows = [{"document": CsvDocumentFactory(), "format": FileFormat.CSV}]
        if extracted is not None:
            rows = extracted
        for row in rows:
            models.DatasetDistribution.objects.create(page=obj, **row)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):
        if extracted:
            obj.countries.set(extracted)
            obj.save()


class KnowledgeBasePageFactory(f.BasePageFactory):
    title = "Knowledge base"
    slug = "knowledge"

    class Meta:
        model = models.KnowledgeBasePage


class KnowledgeArticlePageFactory(f.BasePageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    kind = ArticleKind.GUIDE
    reading_level = SkillLevel.INTRODUCTORY

    class Meta:
        model = models.KnowledgeArticlePage

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()


class OpenDataToolIndexPageFactory(f.BasePageFactory):
    title = "Open-data tools"
    slug = "tools"

    class Meta:
        model = models.OpenDataToolIndexPage


class OpenDataToolFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tool {n}")
    purpose = "Cleans messy spreadsheets."
    url = "https://example.org/tool"
    licence = "GPL-3.0"
    skill_level = SkillLevel.INTRODUCTORY
    languages = "en, it"
    locale = factory.LazyFunction(f.default_locale)

    class Meta:
        model = models.OpenDataTool


class CoursePageFactory(f.BasePageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    introduction = "<p>Find, clean and map open data.</p>"
    skill_level = SkillLevel.INTRODUCTORY

    class Meta:
        model = models.CoursePage


def quiz_question(question, answers):
    """A quiz block value: answers as (text, is_correct, feedback) triples."""
    return (
        "question",
        {
            "question": question,
            "answers": [
                {"text": text, "is_correct": correct, "feedback": feedback}
                for text, correct, feedback in answers
            ],
        },
    )


class LessonPageFactory(f.BasePageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    video_url = "https://video.example.org/lesson"

    class Meta:
        model = models.LessonPage


class SocialEconomyEntityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Cooperative {n}")
    kind = "cooperative"
    offer = "Cleaning and maintenance of public buildings."
    city = "Zaragoza"
    region = "Aragon"
    latitude = "41.648800"
    longitude = "-0.889100"
    status = "published"

    class Meta:
        model = models.SocialEconomyEntity
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        for sector in extracted or []:
            models.EntitySector.objects.create(entity=obj, sector=sector)

    @factory.post_generation
    def cpv_codes(obj, create, extracted, **kwargs):
        for code in extracted or []:
            models.EntityCpvCode.objects.create(entity=obj, code=code)


class PremisesFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Space {n}")
    description = "A ground-floor room for workshops."
    address = "Glavni trg 1"
    city = "Maribor"
    region = "Podravje"
    latitude = "46.557500"
    longitude = "15.645600"
    size_m2 = 80
    status = "published"

    class Meta:
        model = models.Premises


class DirectoryPageFactory(f.BasePageFactory):
    title = "Social-economy directory"
    slug = "directory"

    class Meta:
        model = models.DirectoryPage


class PremisesRegisterPageFactory(f.BasePageFactory):
    title = "Premises"
    slug = "premises"

    class Meta:
        model = models.PremisesRegisterPage


class MapPageFactory(f.BasePageFactory):
    title = "Map"
    slug = "map"

    class Meta:
        model = models.MapPage
