"""Files behind Django's storage API, against an S3-compatible server on loopback
(moto's server mode, started here): pictures go to the public bucket; an invoice PDF to
the private one, unreadable without credentials and downloaded through the app."""

import json

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from shop.invoices.files import invoice_pdf_store
from shop.invoices.models import Invoice
from shop.invoices.services import invoice_issue
from shop.invoices.storage import private_storage
from tests.factories import UserFactory
from tests.factories.shipments import ready_part
from tests.processes import free_port

PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::encadena-media/*",
        }
    ],
}


@pytest.fixture
def object_store(monkeypatch):
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    for name, value in {
        "AWS_ACCESS_KEY_ID": "prueba",
        "AWS_SECRET_ACCESS_KEY": "prueba",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    for bucket in ("encadena-media", "encadena-private"):
        client.create_bucket(Bucket=bucket)
    # As in production (README, "several machines"): anyone may read the media bucket.
    client.put_bucket_policy(Bucket="encadena-media", Policy=json.dumps(PUBLIC_READ))
    yield endpoint, client
    server.stop()


@pytest.fixture
def s3_storages(object_store, settings, monkeypatch):
    endpoint, client = object_store
    common = {"endpoint_url": endpoint, "region_name": "us-east-1", "file_overwrite": False}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "bucket_name": "encadena-media", "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": "encadena-private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }
    # A FileField's storage is chosen when the models load, from the settings of the
    # process's start: here the settings change later, so the field is pointed again.
    monkeypatch.setattr(Invoice._meta.get_field("pdf"), "storage", private_storage())
    return endpoint, client


def test_a_picture_goes_to_the_public_bucket(s3_storages):
    endpoint, client = s3_storages

    name = default_storage.save("products/cafe.png", ContentFile(b"\x89PNG fake"))

    assert client.get_object(Bucket="encadena-media", Key=name)["Body"].read() == b"\x89PNG fake"
    assert default_storage.url(name) == f"{endpoint}/encadena-media/{name}"


def test_an_invoice_pdf_is_private_and_downloaded_through_the_app(s3_storages, client, db):
    endpoint, s3 = s3_storages
    buyer = UserFactory()
    invoice = invoice_issue(vendor_order=ready_part(user=buyer))

    invoice_pdf_store(invoice_id=invoice.pk)
    invoice.refresh_from_db()
    name = invoice.pdf.name

    stored = s3.get_object(Bucket="encadena-private", Key=name)["Body"].read()
    assert stored.startswith(b"%PDF")
    grants = s3.get_object_acl(Bucket="encadena-private", Key=name)["Grants"]
    assert not [g for g in grants if "AllUsers" in str(g.get("Grantee", {}).get("URI", ""))]
    assert "Signature=" in private_storage().url(name)  # signed, short-lived
    client.force_login(buyer)
    response = client.get(f"/facturas/{invoice.pk}/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
