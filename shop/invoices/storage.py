"""Where invoice PDFs live: a private folder (settings.PRIVATE_ROOT), never under
MEDIA_ROOT, served only through the access-checked download view."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


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


def private_storage() -> FileSystemStorage:
    # A callable, so migrations do not freeze the folder.
    return PrivateFileStorage()
