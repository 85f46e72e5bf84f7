"""Blocks of the e-courses: a short quiz whose every answer carries its own feedback."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

__all__ = ["QuizQuestionBlock"]


class QuizAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct answer"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        help_text=_("Shown to the member who chose this answer: why it is right or wrong."),
    )

    class Meta:
        icon = "tick"
        label = _("Answer")


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answers = blocks.ListBlock(QuizAnswerBlock(), min_num=2, max_num=6, label=_("Answers"))

    class Meta:
        icon = "help"
        template = "components/courses/quiz_question_block.html"
        preview_value = {
            "question": "Which licence lets anyone reuse data with attribution?",
            "answers": [
                {"text": "CC BY 4.0", "is_correct": True, "feedback": "Right: attribution only."},
                {"text": "All rights reserved", "is_correct": False, "feedback": "No reuse."},
            ],
        }
        description = _("A multiple-choice question with feedback for each answer.")

    def clean(self, value):
        value = super().clean(value)
        if not any(answer["is_correct"] for answer in value["answers"]):
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Mark at least one answer correct."))}
            )
        return value
