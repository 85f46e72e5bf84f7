"""Wagtail admin user forms that include our profile fields (display name, language)."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PROFILE_FIELDS = {"display_name", "preferred_language"}


class CommunityUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PROFILE_FIELDS


class CommunityUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PROFILE_FIELDS


class UserViewSet(WagtailUserViewSet):
    create_template_name = "community/members/admin/user_create.html"
    edit_template_name = "community/members/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return CommunityUserEditForm if for_update else CommunityUserCreationForm
