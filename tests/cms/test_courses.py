"""E-courses: ordered lessons, quiz scoring with feedback per answer, members' progress and
where they resume, and the certificate in the member's language."""

from django.test import TestCase
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Locale

from cms import factories as f
from cms.locales import ensure_locales
from cms.models import LessonProgress
from cms.opendata import courses
from cms.opendata import factories as od
from community.members.factories import UserFactory

QUIZ = [
    od.quiz_question(
        "Which licence allows reuse with attribution?",
        [
            ("CC BY 4.0", True, "Right: reuse is free as long as you credit the source."),
            ("All rights reserved", False, "No: that forbids reuse."),
        ],
    ),
    od.quiz_question(
        "Which format keeps a table plain and open?",
        [
            ("PDF", False, "A PDF table is hard to reuse."),
            ("CSV", True, "Yes: any tool can read CSV."),
            ("JPEG", False, "A picture of a table is not data."),
        ],
    ),
]


class CourseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_locales()
        home = f.make_site()
        cls.course = od.CoursePageFactory(parent=home, title="Open data on skills")
        cls.find = od.LessonPageFactory(parent=cls.course, title="Finding data")
        cls.clean = od.LessonPageFactory(parent=cls.course, title="Cleaning data", quiz=QUIZ)
        cls.map = od.LessonPageFactory(parent=cls.course, title="Mapping data")
        cls.member = UserFactory(first_name="Giulia", last_name="Bianchi")

    def test_lessons_come_in_the_editors_order(self):
        assert [lesson.title for lesson in self.course.lessons()] == [
            "Finding data",
            "Cleaning data",
            "Mapping data",
        ]

    def test_quiz_scores_answers_and_gives_each_chosen_answers_feedback(self):
        result = courses.grade_quiz(self.clean.quiz, {"q0": "0", "q1": "0"})
        assert (result.score, result.total, result.is_answered) == (1, 2, True)
        assert result.questions[0].is_correct
        assert result.questions[0].feedback.startswith("Right")
        assert not result.questions[1].is_correct
        assert result.questions[1].feedback == "A PDF table is hard to reuse."

    def test_unanswered_or_forged_answers_do_not_count(self):
        result = courses.grade_quiz(self.clean.quiz, {"q0": "7", "q1": "x"})
        assert result.score == 0
        assert not result.is_answered
        assert [q.chosen for q in result.questions] == [None, None]

    def test_member_resumes_at_the_first_lesson_not_done(self):
        self.client.force_login(self.member)
        progress = courses.progress_for(self.member, self.course)
        assert progress.resume_lesson.pk == self.find.pk
        response = self.client.post(self.find.url)
        assert response.status_code == 302 and response["Location"] == self.clean.url
        progress = courses.progress_for(self.member, self.course)
        assert progress.resume_lesson.pk == self.clean.pk
        html = self.client.get(self.course.url).content.decode()
        assert "1 of 3 lessons done." in html
        assert f'href="{self.clean.url}"' in html and "Continue with" in html

    def test_submitting_the_quiz_records_the_score_and_shows_feedback(self):
        self.client.force_login(self.member)
        response = self.client.post(self.clean.url, {"q0": "0", "q1": "1"})
        html = response.content.decode()
        assert "You got 2 of 2 questions right." in html
        assert "Yes: any tool can read CSV." in html
        record = LessonProgress.objects.get(user=self.member, lesson_key=self.clean.translation_key)
        assert (record.score, record.question_count) == (2, 2)

    def test_a_half_answered_quiz_does_not_complete_the_lesson(self):
        self.client.force_login(self.member)
        html = self.client.post(self.clean.url, {"q0": "1"}).content.decode()
        assert "Answer every question to complete the lesson." in html
        assert "No: that forbids reuse." in html
        assert not LessonProgress.objects.filter(user=self.member).exists()

    def test_a_failed_quiz_neither_completes_the_lesson_nor_issues_the_certificate(self):
        self.client.force_login(self.member)
        self.client.post(self.find.url)
        html = self.client.post(self.clean.url, {"q0": "1", "q1": "0"}).content.decode()
        assert "You got 0 of 2 questions right." in html
        assert "You need 1 right answer to complete the lesson" in html
        self.client.post(self.map.url)
        assert not LessonProgress.objects.filter(
            user=self.member, lesson_key=self.clean.translation_key
        ).exists()
        assert self.client.get(self.course.url + "certificate/").status_code == 404
        # Trying again and passing completes it.
        html = self.client.post(self.clean.url, {"q0": "0", "q1": "0"}).content.decode()
        assert "Lesson complete." in html
        assert self.client.get(self.course.url + "certificate/").status_code == 200

    def test_the_pass_rule_is_the_lessons_own_and_is_shown_before_the_quiz(self):
        self.clean.pass_mark = 100
        self.clean.save_revision().publish()
        self.client.force_login(self.member)
        html = self.client.get(self.clean.url).content.decode()
        assert "answer every question and get at least 2 of 2 right" in html
        self.client.post(self.clean.url, {"q0": "0", "q1": "0"})
        assert not LessonProgress.objects.filter(user=self.member).exists()
        self.client.post(self.clean.url, {"q0": "0", "q1": "1"})
        assert LessonProgress.objects.filter(user=self.member).count() == 1

    def test_pass_mark_rounds_up_to_whole_questions_and_asks_for_at_least_one(self):
        assert courses.answers_needed(3, 50) == 2
        assert courses.answers_needed(2, 50) == 1
        assert courses.answers_needed(4, 1) == 1
        assert courses.answers_needed(5, 100) == 5
        assert courses.answers_needed(0, 50) == 0

    def test_anonymous_reader_can_read_but_not_record_progress(self):
        assert self.client.get(self.clean.url).status_code == 200
        response = self.client.post(self.find.url)
        assert response.status_code == 302 and "next=" in response["Location"]
        assert not LessonProgress.objects.exists()

    def test_certificate_only_once_every_lesson_is_done(self):
        self.client.force_login(self.member)
        certificate = self.course.url + "certificate/"
        assert self.client.get(certificate).status_code == 404
        self.client.post(self.find.url)
        self.client.post(self.clean.url, {"q0": "0", "q1": "1"})
        self.client.post(self.map.url)
        html = self.client.get(certificate).content.decode()
        assert "Giulia Bianchi" in html
        assert "Open data on skills" in html
        assert "Certificate of completion" in html

    def test_certificate_is_in_the_members_language(self):
        for lesson in (self.find, self.clean, self.map):
            courses.complete_lesson(self.member, lesson)
        italian = self.course.copy_for_translation(
            Locale.objects.get(language_code="it"), copy_parents=True
        )
        italian.save_revision().publish()
        for lesson in (self.find, self.clean, self.map):
            lesson.copy_for_translation(
                Locale.objects.get(language_code="it")
            ).save_revision().publish()
        self.client.force_login(self.member)
        response = self.client.get(italian.url + "certificate/")
        assert response.status_code == 200
        progress = courses.progress_for(self.member, italian)
        with translation.override("it"):
            expected_date = date_format(progress.completed_on, "DATE_FORMAT")
        html = response.content.decode()
        assert 'lang="it"' in html
        assert expected_date in html

    def test_certificate_needs_a_signed_in_member(self):
        response = self.client.get(self.course.url + "certificate/")
        assert response.status_code == 302 and "next=" in response["Location"]

    def test_progress_holds_across_languages(self):
        courses.complete_lesson(self.member, self.find)
        italian = self.course.copy_for_translation(
            Locale.objects.get(language_code="it"), copy_parents=True
        )
        italian.save_revision().publish()
        italian_find = self.find.copy_for_translation(Locale.objects.get(language_code="it"))
        italian_find.save_revision().publish()
        progress = courses.progress_for(self.member, italian)
        assert progress.is_done(italian_find)
