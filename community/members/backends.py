"""Django's model authentication backend, reading a member's permissions in one query.

Every page a signed-in member reads asks at least one permission (Wagtail's user bar asks
`wagtailadmin.access_admin`; an event page asks who may manage its registrations). Django's
ModelBackend reads the member's own permissions and their groups' in two queries; here both
come in one, cached on the user object for the request as Django does.
"""

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q

__all__ = ["ModelBackend"]


class ModelBackend(DjangoModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                permissions = Permission.objects.all()
            else:
                permissions = Permission.objects.filter(
                    Q(user=user_obj) | Q(group__user=user_obj)
                ).distinct()
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                )
            }
        return user_obj._perm_cache
