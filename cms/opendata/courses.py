"""Course rules: quiz scoring, lesson completion, a member's progress and where to resume.

Progress is stored per member and per lesson translation key (cms.LessonProgress), so it holds
in every language; pages are passed in by the models, so this module never imports them.
"""

import math
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction

__all__ = [
    "CourseProgress",
    "answers_needed",
    "QuizResult",
    "complete_lesson",
    "grade_quiz",
    "name_on",
    "progress_for",
    "quiz_items",
]


def _progress_model():
    return apps.get_model("cms", "LessonProgress")


@dataclass(frozen=True)
class QuestionResult:
    question: str
    chosen: int | None  # index of the chosen answer, None if unanswered
    is_correct: bool
    feedback: str


def answers_needed(question_count, pass_mark):
    """How many right answers pass a quiz of `question_count` questions at `pass_mark` percent
    (rounded up, and at least one: a quiz nobody can fail would not check anything)."""
    if not question_count:
        return 0
    return max(1, min(question_count, math.ceil(question_count * pass_mark / 100)))


@dataclass(frozen=True)
class QuizResult:
    questions: list[QuestionResult]
    pass_mark: int = 100  # percent of right answers the lesson asks for

    @property
    def score(self):
        return sum(1 for q in self.questions if q.is_correct)

    @property
    def total(self):
        return len(self.questions)

    @property
    def is_answered(self):
        """Every question has an answer: only then does the quiz count."""
        return all(q.chosen is not None for q in self.questions)

    @property
    def needed(self):
        return answers_needed(self.total, self.pass_mark)

    @property
    def is_passed(self):
        """Every question answered and enough of them right: only then is the lesson done."""
        return self.is_answered and self.score >= self.needed


def _choice(raw, count):
    try:
        index = int(raw)
    except (TypeError, ValueError):
        return None
    return index if 0 <= index < count else None


def grade_quiz(quiz, answers, pass_mark=100):
    """Score a lesson's quiz (its StreamField value) against submitted answers (a mapping of
    `q<question index>` to the chosen answer's index); feedback of each chosen answer.
    `pass_mark` is the lesson's share of right answers, in percent, that completes it."""
    results = []
    for number, block in enumerate(quiz):
        options = list(block.value["answers"])
        chosen = _choice(answers.get(f"q{number}"), len(options))
        answer = options[chosen] if chosen is not None else None
        results.append(
            QuestionResult(
                question=block.value["question"],
                chosen=chosen,
                is_correct=bool(answer and answer["is_correct"]),
                feedback=answer["feedback"] if answer else "",
            )
        )
    return QuizResult(results, pass_mark=pass_mark)


def complete_lesson(user, lesson, result=None):
    """Record that `user` finished `lesson` (with the quiz result, if any); the latest
    passing attempt's score is kept. A failed quiz is refused: the certificate rests on it."""
    if result is not None and not result.is_passed:
        raise ValueError("A quiz that was not passed does not complete the lesson.")
    course = lesson.get_parent()
    with transaction.atomic():
        record, _created = _progress_model().objects.update_or_create(
            user=user,
            lesson_key=lesson.translation_key,
            defaults={
                "course_key": course.translation_key,
                "score": result.score if result else None,
                "question_count": result.total if result else None,
            },
        )
    return record


@dataclass
class CourseProgress:
    lessons: list
    done: dict = field(default_factory=dict)  # lesson translation key -> LessonProgress

    def is_done(self, lesson):
        return lesson.translation_key in self.done

    @property
    def done_count(self):
        return sum(1 for lesson in self.lessons if self.is_done(lesson))

    @property
    def is_started(self):
        return self.done_count > 0

    @property
    def is_complete(self):
        return bool(self.lessons) and self.done_count == len(self.lessons)

    @property
    def resume_lesson(self):
        """Where the member picks up: the first lesson not done yet (the first, for newcomers)."""
        for lesson in self.lessons:
            if not self.is_done(lesson):
                return lesson
        return None

    @property
    def completed_on(self):
        """The day the last lesson was done, once the course is complete."""
        if not self.is_complete:
            return None
        return max(self.done[lesson.translation_key].completed_at for lesson in self.lessons).date()

    def _index(self, lesson):
        for index, item in enumerate(self.lessons):
            if item.pk == lesson.pk:
                return index
        return None

    def position_of(self, lesson):
        index = self._index(lesson)
        return None if index is None else index + 1

    def lesson_after(self, lesson):
        index = self._index(lesson)
        if index is None or index + 1 >= len(self.lessons):
            return None
        return self.lessons[index + 1]

    def lesson_before(self, lesson):
        index = self._index(lesson)
        return self.lessons[index - 1] if index else None

    def rows(self):
        """(lesson, done) pairs for the course outline."""
        return [(lesson, self.is_done(lesson)) for lesson in self.lessons]


def progress_for(user, course, request=None):
    """A member's progress through `course` (nothing done for anonymous readers)."""
    lessons = course.lessons(request)
    done = {}
    if user is not None and user.is_authenticated:
        records = _progress_model().objects.filter(
            user=user, lesson_key__in=[lesson.translation_key for lesson in lessons]
        )
        done = {record.lesson_key: record for record in records}
    return CourseProgress(lessons=lessons, done=done)


def name_on(user):
    """The name printed on a certificate: the member's full name, else their display name."""
    return user.get_full_name() or str(user)


@dataclass(frozen=True)
class QuizItem:
    """One question as the lesson's form shows it, with the member's last answer, if any."""

    number: int
    question: str
    answers: list[tuple[int, str]]
    chosen: int | None = None
    is_correct: bool = False
    feedback: str = ""


def quiz_items(quiz, result=None):
    """The quiz's questions for the form, each with the chosen answer and its feedback."""
    items = []
    for number, block in enumerate(quiz):
        answers = [(index, answer["text"]) for index, answer in enumerate(block.value["answers"])]
        graded = result.questions[number] if result else None
        items.append(
            QuizItem(
                number=number,
                question=block.value["question"],
                answers=answers,
                chosen=graded.chosen if graded else None,
                is_correct=graded.is_correct if graded else False,
                feedback=graded.feedback if graded else "",
            )
        )
    return items
