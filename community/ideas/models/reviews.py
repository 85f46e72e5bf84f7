"""Review of ideas: each assigned reviewer scores each criterion 0-5 with a comment, and
declares conflicts of interest."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.text import validate_single_line

__all__ = ["MAX_SCORE", "ConflictOfInterest", "Review", "ReviewScore"]

MAX_SCORE = 5


class ConflictOfInterest(models.Model):
    """A reviewer's declaration: this idea, or every idea of this organisation, is not theirs to
    review. Ideas of their own organisations and ideas they (co-)wrote are excluded anyway."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="conflicts_of_interest",
    )
    idea = models.ForeignKey(
        "community.Idea",
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conflicts",
    )
    organisation = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(
        _("reason"), max_length=300, blank=True, validators=[validate_single_line]
    )
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idea__isnull=False) | models.Q(organisation__isnull=False),
                name="conflict_names_an_idea_or_organisation",
            )
        ]

    def __str__(self):
        return f"{self.reviewer}: {self.idea or self.organisation}"

    def clean(self):
        if not self.idea_id and not self.organisation_id:
            raise ValidationError(_("Name the idea or the organisation."))


class Review(models.Model):
    idea = models.ForeignKey(
        "community.Idea", verbose_name=_("idea"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="idea_reviews",
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["idea", "reviewer"], name="one_review_per_reviewer")
        ]

    def __str__(self):
        return f"{self.reviewer} / {self.idea}"

    def save(self, *args, **kwargs):
        self.comment = self.comment.strip()
        super().save(*args, **kwargs)


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "community.IdeaCallCriterion", on_delete=models.CASCADE, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE)]
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(score__lte=MAX_SCORE), name="score_at_most_five"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"
