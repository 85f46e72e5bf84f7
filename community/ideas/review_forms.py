"""Forms of the review pages in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.models import Organisation
from cms.text import SingleLineCharField
from community.ideas.models import MAX_SCORE, IdeaStatus

__all__ = ["BulkStatusForm", "ConflictForm", "ReviewForm"]

SCORE_CHOICES = [(str(n), str(n)) for n in range(MAX_SCORE + 1)]


class ReviewForm(forms.Form):
    """One 0-5 score per criterion of the call, and a comment."""

    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the organisers and, if they decide so, the authors should know."),
    )

    def __init__(self, *args, criteria, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        existing = {}
        if review is not None:
            existing = {score.criterion_id: score.score for score in review.scores.all()}
            self.fields["comment"].initial = review.comment
        for criterion in self.criteria:
            self.fields[self.field_name(criterion)] = forms.TypedChoiceField(
                label=f"{criterion.name} ({criterion.weight.normalize():f})",
                help_text=criterion.description,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=str(existing[criterion.pk]) if criterion.pk in existing else None,
                error_messages={"required": _("Give this criterion a score from 0 to 5.")},
            )
        self.order_fields([*(self.field_name(c) for c in self.criteria), "comment"])

    @staticmethod
    def field_name(criterion):
        return f"criterion_{criterion.pk}"

    def scores(self):
        return {c.pk: self.cleaned_data[self.field_name(c)] for c in self.criteria}


class ConflictForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Every idea of this organisation is then hidden from you."),
    )
    reason = SingleLineCharField(label=_("Reason"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            locale=Locale.get_default()
        )


class BulkStatusForm(forms.Form):
    ideas = forms.TypedMultipleChoiceField(
        label=_("Ideas"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    status = forms.ChoiceField(
        label=_("Move the selected ideas to"),
        choices=[
            (status.value, status.label)
            for status in (
                IdeaStatus.UNDER_REVIEW,
                IdeaStatus.SHORTLISTED,
                IdeaStatus.SELECTED,
                IdeaStatus.NOT_SELECTED,
            )
        ],
    )

    def __init__(self, *args, idea_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ideas"].choices = [(pk, str(pk)) for pk in idea_ids]
        self.fields["ideas"].error_messages["required"] = _("Select at least one idea.")
