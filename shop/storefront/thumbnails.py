"""Thumbnails of pictures and logos on whichever storage holds the media (a folder, or an
object store's bucket): Oscar's thumbnailer (settings.OSCAR_THUMBNAILER), made sure of
its placeholder.

A product without pictures shows Oscar's placeholder, named by OSCAR_MISSING_IMAGE_URL
and read, like every thumbnail's source, from the media storage. Oscar links it into
MEDIA_ROOT for a folder; on an object store it is not in the bucket until it is copied
there, which happens here on first use (once per process and storage)."""

import logging

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.storage import Storage
from oscar.core.thumbnails import SorlThumbnail
from sorl.thumbnail import default

logger = logging.getLogger(__name__)

# (storage class, bucket, folder, name) of the placeholders known to be stored.
_placeholders_stored: set[tuple] = set()


def placeholder_store(*, storage: Storage, name: str) -> None:
    """Copy Oscar's placeholder picture from its static files into `storage` unless it
    is there already."""
    key = (
        type(storage).__qualname__,
        getattr(storage, "bucket_name", None),
        getattr(storage, "location", None),
        name,
    )
    if key in _placeholders_stored:
        return
    if not storage.exists(name):
        path = finders.find(f"oscar/img/{name}")
        with open(path, "rb") as picture:
            stored = storage.save(name, File(picture))
        if stored != name:  # another process stored it meanwhile: keep one copy
            storage.delete(stored)
    _placeholders_stored.add(key)


class StorageThumbnailer(SorlThumbnail):
    """Oscar's sorl-thumbnail thumbnailer, with the placeholder in the media storage
    and the placeholder's thumbnail in place of a picture whose file cannot be read
    (a page shows a picture missing, never an error)."""

    def generate_thumbnail(self, source, **opts):
        placeholder = settings.OSCAR_MISSING_IMAGE_URL
        if source == placeholder:
            placeholder_store(storage=default.storage, name=placeholder)
        thumbnail = super().generate_thumbnail(source, **dict(opts))
        if thumbnail.size is None and source != placeholder:
            logger.warning("Picture %s could not be read: the placeholder stands in", source)
            return self.generate_thumbnail(placeholder, **opts)
        return thumbnail
