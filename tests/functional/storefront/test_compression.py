"""Pages go out gzipped; pictures go out as they are, kept a year when they are thumbnails."""

import gzip
import io
import uuid
from pathlib import Path

import pytest
from PIL import Image


def webp_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "#1b5e20").save(buffer, "WEBP")
    return buffer.getvalue()


def test_a_page_is_sent_gzipped_to_a_browser_that_accepts_it(db, client):
    response = client.get("/", headers={"accept-encoding": "gzip, br"})

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "<h1>Todo lo que Cuba produce, en un solo carrito</h1>" in html
    assert len(response.content) < len(html.encode()) / 2


def test_a_page_is_sent_plain_to_a_client_that_does_not(db, client):
    response = client.get("/")

    assert not response.has_header("Content-Encoding")
    assert "<h1>Todo lo que Cuba produce" in response.content.decode()


@pytest.fixture
def media_files(settings):
    """Two pictures in MEDIA_ROOT (the media route took its folder when the URLs loaded)."""
    picture = webp_bytes()
    folder = f"test-{uuid.uuid4().hex}"
    written = [
        Path(settings.MEDIA_ROOT) / "cache" / folder / "card.webp",
        Path(settings.MEDIA_ROOT) / folder / "logo.webp",
    ]
    for path in written:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(picture)
    yield folder, picture
    for path in written:
        path.unlink()
        path.parent.rmdir()


def test_a_thumbnail_is_sent_as_it_is_and_kept_a_year(db, client, media_files):
    folder, picture = media_files

    thumbnail = client.get(f"/media/cache/{folder}/card.webp", headers={"accept-encoding": "gzip"})
    upload = client.get(f"/media/{folder}/logo.webp", headers={"accept-encoding": "gzip"})

    assert b"".join(thumbnail.streaming_content) == picture
    assert not thumbnail.has_header("Content-Encoding")
    assert thumbnail["Cache-Control"] == "public, max-age=31536000"
    assert upload["Cache-Control"] == "public, max-age=3600"
