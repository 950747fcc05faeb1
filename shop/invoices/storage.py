"""Where invoice PDFs and personal-data exports live: a private folder
(settings.PRIVATE_ROOT) or a private bucket (STORAGES["private"]), never under MEDIA_ROOT,
served only through the access-checked download views."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


class PrivateFileStorage(FileSystemStorage):
    # Read at each use, so a test (or a deployment) can move the folder.
    @property
    def base_location(self):
        return str(settings.PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage() -> Storage:
    """The private documents' storage: STORAGES["private"] when configured (an object
    store's private bucket in production, read only through the app), else the folder."""
    # A callable, so migrations do not freeze the folder.
    if "private" in settings.STORAGES:
        return storages["private"]
    return PrivateFileStorage()
