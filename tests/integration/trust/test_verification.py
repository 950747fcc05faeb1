"""A store's documents and the "Verificado" badge: uploaded privately, granted by an
operator, removed with the badge or when the store leaves."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from shop.trust.exceptions import TrustRefused
from shop.trust.models import VendorDocument, VendorVerification
from shop.trust.selectors import verified_vendor_ids
from shop.trust.services import document_upload, verification_grant, verification_withdraw
from tests.factories import UserFactory, VendorFactory
from tests.factories.trust import pdf_upload, verified
from vendors.actors.services import vendor_status_change


@pytest.fixture
def vendor(db):
    return VendorFactory(trade_name="Café Serrano")


@pytest.fixture
def operator(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_an_upload_is_kept_privately_and_queues_the_store(vendor, settings):
    document = document_upload(
        vendor=vendor, kind="nit_certificate", upload=pdf_upload(), user=None
    )

    assert document.content_type == "application/pdf"
    assert document.file.read() == b"%PDF-1.4 registro"
    assert document.file.path.startswith(str(settings.PRIVATE_ROOT))
    assert not document.file.path.startswith(str(settings.MEDIA_ROOT))
    assert VendorVerification.objects.get(vendor=vendor).status == "pending"


def test_a_second_document_of_a_kind_replaces_the_first_and_its_file(
    vendor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = document_upload(vendor=vendor, kind="licence", upload=pdf_upload(), user=None)
        document_upload(
            vendor=vendor, kind="licence", upload=pdf_upload(body=b"%PDF-1.7 nueva"), user=None
        )

    assert list(VendorDocument.objects.filter(vendor=vendor).values_list("kind", flat=True)) == [
        "licence"
    ]
    assert not first.file.storage.exists(first.file.name)


def test_a_page_of_markup_under_a_pdf_name_is_refused_and_nothing_is_kept(vendor):
    upload = SimpleUploadedFile("registro.pdf", b"<html><script>alert(1)</script>", "text/html")

    with pytest.raises(TrustRefused) as refused:
        document_upload(vendor=vendor, kind="registration", upload=upload, user=None)

    assert refused.value.code == "document_format"
    assert not VendorDocument.objects.exists()
    assert not VendorVerification.objects.filter(status="pending").exists()


def test_a_document_over_5_mb_is_refused(vendor):
    upload = pdf_upload(body=b"%PDF-" + b"0" * (5 * 1024 * 1024))

    with pytest.raises(TrustRefused) as refused:
        document_upload(vendor=vendor, kind="registration", upload=upload, user=None)

    assert refused.value.code == "document_too_large"


def test_granting_puts_the_store_among_the_verified(vendor, operator):
    document_upload(vendor=vendor, kind="registration", upload=pdf_upload(), user=None)
    assert vendor.pk not in verified_vendor_ids()

    verification = verification_grant(vendor=vendor, operator=operator)

    assert verification.status == "verified" and verification.decided_by == operator
    assert vendor.pk in verified_vendor_ids()


def test_a_store_without_documents_cannot_be_verified(vendor, operator):
    with pytest.raises(TrustRefused) as refused:
        verification_grant(vendor=vendor, operator=operator)

    assert refused.value.code == "no_documents"
    assert vendor.pk not in verified_vendor_ids()


def test_withdrawing_takes_the_badge_and_removes_the_documents(
    vendor, operator, mailoutbox, django_capture_on_commit_callbacks
):
    verified(vendor, operator=operator)
    document = VendorDocument.objects.get(vendor=vendor)

    with django_capture_on_commit_callbacks(execute=True):
        verification_withdraw(vendor=vendor, operator=operator, reason="El NIT no coincide.")

    assert vendor.pk not in verified_vendor_ids()
    assert not VendorDocument.objects.filter(vendor=vendor).exists()
    assert not document.file.storage.exists(document.file.name)
    assert "El NIT no coincide." in mailoutbox[-1].body


def test_withdrawing_needs_a_reason(vendor, operator):
    verified(vendor, operator=operator)

    with pytest.raises(TrustRefused) as refused:
        verification_withdraw(vendor=vendor, operator=operator, reason="  ")

    assert refused.value.code == "reason_required"
    assert vendor.pk in verified_vendor_ids()
    assert VendorDocument.objects.filter(vendor=vendor).count() == 1


def test_a_store_that_leaves_loses_its_badge_and_documents(
    vendor, operator, django_capture_on_commit_callbacks
):
    verified(vendor, operator=operator)
    document = VendorDocument.objects.get(vendor=vendor)

    with django_capture_on_commit_callbacks(execute=True):
        vendor_status_change(
            vendor=vendor, to_status="suspended", actor=operator, reason="Cierra el negocio."
        )

    assert vendor.pk not in verified_vendor_ids()
    assert VendorVerification.objects.get(vendor=vendor).status == "withdrawn"
    assert not VendorDocument.objects.filter(vendor=vendor).exists()
    assert not document.file.storage.exists(document.file.name)
