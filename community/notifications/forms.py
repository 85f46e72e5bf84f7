"""The member's choice of channel per kind of notification."""

from django import forms

from community.notifications.models import Delivery, NotificationKind, NotificationPreference

__all__ = ["NotificationPreferencesForm"]


class NotificationPreferencesForm(forms.Form):
    """One radio group per kind, starting from the member's current choices (or defaults)."""

    def __init__(self, member, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        current = NotificationPreference.all_for(member)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=current[kind],
                widget=forms.RadioSelect,
            )
        self.current = current

    def save(self):
        """Store only what changed; returns the kinds changed."""
        changed = []
        for kind in NotificationKind:
            chosen = self.cleaned_data[kind.value]
            if chosen != self.current[kind]:
                NotificationPreference.set(self.member, kind, chosen)
                changed.append(kind)
        return changed
