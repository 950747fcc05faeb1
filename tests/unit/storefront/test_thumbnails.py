from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage

from shop.storefront.thumbnails import placeholder_store

NAME = "image_not_found.jpg"


def test_the_placeholder_is_copied_into_a_storage_that_lacks_it_once_per_process(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    with open(finders.find(f"oscar/img/{NAME}"), "rb") as original:
        expected = original.read()

    placeholder_store(storage=storage, name=NAME)

    assert [p.name for p in tmp_path.iterdir()] == [NAME]
    assert (tmp_path / NAME).read_bytes() == expected
    (tmp_path / NAME).unlink()
    placeholder_store(storage=storage, name=NAME)  # known to be stored: the storage not asked
    assert list(tmp_path.iterdir()) == []
