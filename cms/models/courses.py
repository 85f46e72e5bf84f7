"""E-courses: a course page with ordered lessons (text, video link, material, a short quiz),
members' progress, and a printable certificate once every lesson is done."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.opendata import courses
from cms.opendata.blocks import QuizQuestionBlock
from cms.opendata.vocabularies import SkillLevel
from cms.panels import SameLanguageChoicePanel
from cms.text import validate_single_line
from cms.visibility import visible_pages

from .base import BasePage

__all__ = ["CoursePage", "LessonPage", "LessonProgress"]


def redirect_to_login(next_path):
    # django.contrib.auth.views cannot be imported while models load (it needs the user model).
    return redirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_path})}")


class CoursePage(RoutablePageMixin, BasePage):
    menu_group = "resources"  # cms.navigation

    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    skill_level = models.CharField(
        _("level"), max_length=20, choices=SkillLevel.choices, default=SkillLevel.INTRODUCTORY
    )
    duration = models.CharField(
        _("duration"),
        max_length=60,
        blank=True,
        help_text=_("E.g. “4 hours over two weeks”."),
        validators=[validate_single_line],
    )
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("skill_level"), FieldPanel("duration")]),
        SameLanguageChoicePanel("topics"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    api_fields = [
        *BasePage.api_fields,
        APIField("introduction"),
        APIField("skill_level"),
        APIField("duration"),
        APIField("topics"),
    ]
    parent_page_types = ["cms.KnowledgeBasePage", "cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def lessons(self, request=None):
        """The lessons this reader may see, in the editor's order (the page tree's)."""
        return list(visible_pages(LessonPage.objects.child_of(self), request).order_by("path"))

    @path("")
    def course_route(self, request):
        progress = courses.progress_for(request.user, self, request)
        return self.render(request, context_overrides={"progress": progress})

    @path("certificate/", name="certificate")
    def certificate_route(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        progress = courses.progress_for(request.user, self, request)
        if not progress.is_complete:
            raise Http404(_("The certificate appears once every lesson is done."))
        return self.render(
            request,
            template="pages/coursepage_certificate.html",
            context_overrides={"progress": progress, "member_name": courses.name_on(request.user)},
        )


class LessonPage(RoutablePageMixin, BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("lesson text"))
    video_url = models.URLField(
        _("video link"),
        blank=True,
        help_text=_("A link to the recording; readers open it on the video site."),
    )
    material = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("downloadable material"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quiz = StreamField([("question", QuizQuestionBlock())], blank=True, verbose_name=_("quiz"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "The share of right answers that completes the lesson, in percent (rounded up to "
            "whole questions). Members see it above the quiz and may try again."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("video_url"), FieldPanel("material")]),
        FieldPanel("quiz"),
        FieldPanel("pass_mark"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("body"),
        APIField("video_url"),
        APIField("quiz"),
        APIField("pass_mark"),
    ]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def lesson_context(self, request, result=None):
        course = self.get_parent().specific
        progress = courses.progress_for(request.user, course, request)
        return {
            "course": course,
            "progress": progress,
            "position": progress.position_of(self),
            "next_lesson": progress.lesson_after(self),
            "previous_lesson": progress.lesson_before(self),
            "is_done": progress.is_done(self),
            "result": result,
            "quiz_items": courses.quiz_items(self.quiz, result),
            "answers_needed": courses.answers_needed(len(self.quiz), self.pass_mark),
        }

    @path("")
    def lesson_route(self, request):
        if request.method == "POST":
            return self.submit(request)
        return self.render(request, context_overrides=self.lesson_context(request))

    def submit(self, request):
        """A member's quiz answers (or "mark as done" for a lesson without a quiz)."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if self.quiz:
            result = courses.grade_quiz(self.quiz, request.POST, pass_mark=self.pass_mark)
            if result.is_passed:
                courses.complete_lesson(request.user, self, result)
            context = self.lesson_context(request, result=result)
            return self.render(request, context_overrides=context)
        courses.complete_lesson(request.user, self)
        following = self.lesson_context(request)["next_lesson"]
        return redirect((following or self.get_parent()).get_url(request))


class LessonProgress(models.Model):
    """That a member finished a lesson (and their quiz score): personal data.

    Keyed by the pages' translation keys, so progress follows the member across languages.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    course_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(auto_now_add=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    question_count = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_progress_per_lesson")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.lesson_key}"
