"""The admin's image chooser can search within a tag.

Wagtail's chooser narrows its images with `tags__name=<tag>` before searching them, and the
search backend refuses a filter on a field its index does not hold ("Cannot filter search
results with field name"): searching while a tag is picked (`?q=...&tag=...`) was a server
error. Here the tag narrows the images by their keys, which every index holds. `install()` is
called from cms/apps.py.
"""

from wagtail.images import get_image_model
from wagtail.images.views import chooser

__all__ = ["install"]


def _filter_object_list(self, objects):
    tag_name = self.request.GET.get("tag")
    if tag_name:
        tagged = get_image_model().objects.filter(tags__name=tag_name).values("pk")
        objects = objects.filter(pk__in=tagged)
    return super(chooser.BaseImageChooseView, self).filter_object_list(objects)


def install():
    chooser.BaseImageChooseView.filter_object_list = _filter_object_list
