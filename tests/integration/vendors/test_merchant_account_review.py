"""A store's merchant id receives money only once an operator approved it: pending until
then (and again after the store changes it), refused with a reason the store reads."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PartnerFactory, UserFactory
from tests.factories.accounts import operator_create
from vendors.actors.merchant_accounts import (
    merchant_account_review,
    store_merchant_id,
    vendor_merchant_account_set,
)
from vendors.models import MerchantAccountStatus

pytestmark = pytest.mark.django_db

GATEWAY = "enzona"
URL = "/dashboard/actores/cuentas-de-comercio/"


@pytest.fixture
def vendor():
    return PartnerFactory(name="Café Serrano").vendor


def review(account, *, approve=True, reason="", merchant_id=None, actor=None):
    return merchant_account_review(
        account_id=account.pk,
        merchant_id=account.merchant_id if merchant_id is None else merchant_id,
        approve=approve,
        reason=reason,
        actor=actor,
    )


def test_a_merchant_id_takes_effect_only_once_approved_and_the_store_is_told_once(
    vendor, django_capture_on_commit_callbacks
):
    account = vendor_merchant_account_set(vendor=vendor, gateway=GATEWAY, merchant_id="cafe-77")

    assert account.status == MerchantAccountStatus.PENDING
    assert store_merchant_id(vendor_id=vendor.pk, gateway=GATEWAY) == ""
    with django_capture_on_commit_callbacks(execute=True):
        review(account)
        review(account)  # the same decision again

    assert store_merchant_id(vendor_id=vendor.pk, gateway=GATEWAY) == "cafe-77"
    assert [message.to for message in mail.outbox] == [[vendor.email]]
    assert "se aprobó su identificador de comercio" in mail.outbox[0].subject
    # Saving the same id keeps the approval; a new id waits for review again.
    vendor_merchant_account_set(vendor=vendor, gateway=GATEWAY, merchant_id="cafe-77")
    assert store_merchant_id(vendor_id=vendor.pk, gateway=GATEWAY) == "cafe-77"
    changed = vendor_merchant_account_set(vendor=vendor, gateway=GATEWAY, merchant_id="cafe-78")
    assert (changed.status, changed.reviewed_at) == (MerchantAccountStatus.PENDING, None)
    assert store_merchant_id(vendor_id=vendor.pk, gateway=GATEWAY) == ""


def test_a_refusal_needs_a_reason_and_the_store_reads_it(
    vendor, django_capture_on_commit_callbacks
):
    account = vendor_merchant_account_set(vendor=vendor, gateway=GATEWAY, merchant_id="cafe-77")

    with pytest.raises(ValidationError) as no_reason:
        review(account, approve=False, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        refused = review(account, approve=False, reason="No es una cuenta empresarial.")

    assert no_reason.value.code == "merchant_review_reason"
    assert (refused.status, refused.reason) == ("refused", "No es una cuenta empresarial.")
    assert store_merchant_id(vendor_id=vendor.pk, gateway=GATEWAY) == ""
    assert "No es una cuenta empresarial." in mail.outbox[0].body


def test_a_review_of_an_id_the_store_changed_meanwhile_decides_nothing(vendor):
    account = vendor_merchant_account_set(vendor=vendor, gateway=GATEWAY, merchant_id="cafe-77")
    vendor_merchant_account_set(vendor=vendor, gateway=GATEWAY, merchant_id="cafe-78")

    with pytest.raises(ValidationError) as stale:
        review(account, merchant_id="cafe-77")

    account.refresh_from_db()
    assert stale.value.code == "merchant_id_changed"
    assert (account.status, account.merchant_id) == ("pending", "cafe-78")


def test_operators_review_on_their_page_and_nobody_else_reaches_it(
    client, vendor, django_assert_max_num_queries
):
    accounts = [
        vendor_merchant_account_set(
            vendor=PartnerFactory().vendor if index else vendor,
            gateway=GATEWAY,
            merchant_id=f"store-{index}",
        )
        for index in range(3)
    ]
    operator = operator_create()
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 302  # to the log-in page
    client.force_login(operator)

    with django_assert_max_num_queries(12):
        page = client.get(URL)
    bad = client.post(URL, {"account": accounts[0].pk, "decision": "maybe"})
    no_reason = client.post(
        URL,
        {"account": accounts[1].pk, "merchant_id": "store-1", "decision": "refuse", "reason": ""},
    )
    approved = client.post(
        URL, {"account": accounts[0].pk, "merchant_id": "store-0", "decision": "approve"}
    )

    assert page.status_code == 200
    assert page.content.decode().count('class="card mb-3 merchant-account-review"') == 3
    assert (bad.status_code, no_reason.status_code, approved.status_code) == (400, 400, 302)
    assert "Diga por qué se rechaza" in no_reason.content.decode()
    assert store_merchant_id(vendor_id=vendor.pk, gateway=GATEWAY) == "store-0"
    after = client.get(URL).content.decode()
    assert after.count('class="card mb-3 merchant-account-review"') == 2
    assert 'class="merchant-account-reviewed" data-status="approved"' in after
    assert reverse("vendors:operator-merchant-accounts") == URL
