"""Forms of a co-design workshop's space. They keep what the person typed and show errors
beside the field; the rules (who may post) are in workshop_permissions and services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.antispam import AntispamMixin
from cms.text import SingleLineCharField
from cms.uploads import reencode_picture
from community.workshops.models import PhaseCode

__all__ = ["CommentForm", "ContributionForm", "GroupAssignForm", "GroupForm", "SynthesisForm"]

MAX_CONTRIBUTION = 5000
MAX_COMMENT = 1500


class ContributionForm(AntispamMixin, forms.Form):
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    text = forms.CharField(
        label=_("Your contribution"),
        max_length=MAX_CONTRIBUTION,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ideas, observations, sketches described in words. Basic formatting only."),
    )
    image = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("A photo of a flip chart or a sketch: JPEG, PNG, WebP or GIF, up to 8 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    def __init__(self, *args, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        phases = list(workshop.phases.all()) if workshop is not None else []
        if phases:
            self.fields["phase"].choices = [("", _("No phase in particular"))] + [
                (phase.code, phase.label) for phase in phases
            ]
        else:
            self.fields["phase"].choices = [("", _("No phase in particular")), *PhaseCode.choices]

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write something before posting."))
        return text

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return reencode_picture(upload)


class CommentForm(AntispamMixin, forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write something before posting."))
        return text


class GroupForm(forms.Form):
    heading = SingleLineCharField(label=_("Heading of the new group"), max_length=200)


class GroupAssignForm(forms.Form):
    group = forms.ChoiceField(label=_("File under"), required=False)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {str(group.pk): group for group in groups}
        self.fields["group"].choices = [("", _("No group"))] + [
            (str(group.pk), group.heading) for group in groups
        ]

    def chosen_group(self):
        return self.groups.get(self.cleaned_data.get("group") or "")


class SynthesisForm(forms.Form):
    text = forms.CharField(
        label=_("Synthesis"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What the workshop produced, for everyone to read on the page. Paragraphs, lists, "
            "links and headings are kept."
        ),
    )
