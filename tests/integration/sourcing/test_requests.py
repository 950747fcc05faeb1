"""Posting a request tells the matching stores once; the board lists open public
requests; offers are sent, changed and withdrawn until accepted; requests expire."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from logistics.models import Municipality, Province
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import (
    OfferStatus,
    RequestStatus,
    SourcingNotice,
    SourcingOffer,
    Unit,
    Visibility,
)
from shop.sourcing.notifications import (
    offers_not_chosen_notify,
    request_stores_notify,
    store_notice_digests_send,
)
from shop.sourcing.selectors import (
    BoardFilters,
    board_requests,
    matching_vendor_ids,
    stores_responsiveness,
    vendor_open_requests,
)
from shop.sourcing.services import (
    offer_save,
    offer_withdraw,
    request_close,
    request_create,
    requests_expire,
)
from shop.sourcing.tasks import requests_expire_task
from tests.factories.sourcing import flour_request, offer_terms, sourcing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return sourcing_world()


def request_fields(world, **overrides) -> dict:
    return {
        "title": "Harina de trigo",
        "description": "Para pan de la cooperativa.",
        "sector": world["sector"],
        "quantity": 200,
        "unit": Unit.KILOGRAM,
        "needed_by": timezone.localdate() + timedelta(days=5),
        "municipality": Municipality.objects.get(name="Santa Clara"),
        **overrides,
    }


def test_a_public_request_tells_each_store_of_its_sector_once_in_the_daily_digest(
    world, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request = request_create(requester=world["requester"], fields=request_fields(world))

    told = sorted(
        SourcingNotice.objects.filter(request=request).values_list("vendor__slug", flat=True)
    )
    assert told == ["store-a", "store-b"]
    assert mail.outbox == []  # a daily digest by default
    assert store_notice_digests_send() == 2
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert world["stores"]["c"].email not in recipients
    assert world["stores"]["a"].email in recipients
    subjects = {message.subject for message in mail.outbox}
    assert subjects == {"Un comprador necesita: Harina de trigo"}
    sent = len(mail.outbox)

    assert request_stores_notify(request_id=request.pk) == 0
    assert store_notice_digests_send() == 0
    assert len(mail.outbox) == sent


def test_an_invited_only_request_reaches_only_the_invited_store(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = request_create(
            requester=world["requester"],
            fields=request_fields(world, visibility=Visibility.INVITED),
            invited_vendors=[world["stores"]["c"]],
        )

    assert list(
        SourcingNotice.objects.filter(request=request).values_list("vendor__slug", flat=True)
    ) == ["store-c"]
    assert board_requests(filters=BoardFilters()).count() == 0
    with pytest.raises(SourcingRefused) as refused:
        offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    assert refused.value.code == "not_invited"
    assert (
        offer_save(request_id=request.pk, vendor=world["stores"]["c"], terms=offer_terms()).status
        == "sent"
    )


def test_a_request_without_sector_or_category_reaches_the_stores_delivering_there(world):
    request = flour_request(world["requester"], sector=None)

    request_stores_notify(request_id=request.pk)

    assert sorted(SourcingNotice.objects.values_list("vendor__slug", flat=True)) == [
        "store-a",
        "store-b",
    ]


def test_the_board_filters_and_finds_words_without_accents(world):
    flour = flour_request(world["requester"], title="Harina de maíz")
    havana = flour_request(
        world["requester"],
        title="Cajas de cartón",
        description="Embalaje",
        sector=None,
        municipality=Municipality.objects.get(name="Playa"),
    )
    closed = flour_request(world["requester"], title="Harina vieja", status=RequestStatus.CLOSED)

    assert list(board_requests(filters=BoardFilters())) == [havana, flour]
    assert list(board_requests(filters=BoardFilters(query="MAIZ"))) == [flour]
    assert list(board_requests(filters=BoardFilters(query="carton embalaje"))) == [havana]
    assert list(board_requests(filters=BoardFilters(query="harina"))) == [flour]
    # The products' engine: plurals and word beginnings match, as in the product search.
    assert list(board_requests(filters=BoardFilters(query="HARINAS de maí"))) == [flour]
    assert closed not in board_requests(filters=BoardFilters(query="harina"))
    la_habana = Province.objects.get(name="La Habana")
    assert list(board_requests(filters=BoardFilters(province=la_habana.pk))) == [havana]
    assert list(board_requests(filters=BoardFilters(sector=world["sector"].pk))) == [flour]


def test_a_store_sends_changes_withdraws_and_sends_again_one_offer(world):
    request = flour_request(world["requester"])
    store = world["stores"]["a"]

    offer = offer_save(request_id=request.pk, vendor=store, terms=offer_terms())
    offer_save(request_id=request.pk, vendor=store, terms=offer_terms(price=Decimal("75.50")))
    offer_withdraw(offer_id=offer.pk, vendor=store)
    withdrawn = SourcingOffer.objects.get(pk=offer.pk)
    offer_save(
        request_id=request.pk, vendor=store, terms=offer_terms(price=Decimal("75.50"), quantity=60)
    )

    assert withdrawn.status == OfferStatus.WITHDRAWN
    assert list(SourcingOffer.objects.values_list("pk", "price", "quantity", "status")) == [
        (offer.pk, Decimal("75.50"), 60, OfferStatus.SENT)
    ]


def test_another_store_cannot_withdraw_an_offer(world):
    request = flour_request(world["requester"])
    offer = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())

    with pytest.raises(SourcingOffer.DoesNotExist):
        offer_withdraw(offer_id=offer.pk, vendor=world["stores"]["b"])

    assert SourcingOffer.objects.get(pk=offer.pk).status == OfferStatus.SENT


def test_a_store_lists_the_requests_it_was_told_of_and_not_its_own(world):
    told = flour_request(world["requester"])
    request_stores_notify(request_id=told.pk)
    own = flour_request(world["owners"]["a"], buyer_vendor=world["stores"]["a"])
    request_stores_notify(request_id=own.pk)

    assert list(vendor_open_requests(vendor=world["stores"]["a"])) == [told]
    assert list(vendor_open_requests(vendor=world["stores"]["c"])) == []
    assert list(vendor_open_requests(vendor=world["stores"]["b"])) == [own, told]


def test_requests_past_their_date_expire_and_their_offers_were_not_chosen(world):
    today = timezone.localdate()
    due = flour_request(world["requester"], needed_by=today - timedelta(days=1))
    offer = offer_save(request_id=due.pk, vendor=world["stores"]["a"], terms=offer_terms())
    current = flour_request(world["requester"], needed_by=today)

    assert requests_expire_task.delay().get() == 1

    due.refresh_from_db()
    current.refresh_from_db()
    assert (due.status, current.status) == (RequestStatus.EXPIRED, RequestStatus.OPEN)
    assert SourcingOffer.objects.get(pk=offer.pk).status == OfferStatus.REJECTED
    assert requests_expire() == 0
    with pytest.raises(SourcingRefused) as refused:
        offer_save(request_id=due.pk, vendor=world["stores"]["b"], terms=offer_terms())
    assert refused.value.code == "not_open"


def test_only_the_requester_closes_a_request(world):
    request = flour_request(world["requester"])

    with pytest.raises(SourcingRefused):
        request_close(request_id=request.pk, user=world["owners"]["a"])
    request_close(request_id=request.pk, user=world["requester"])

    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED


def test_stores_whose_offers_were_not_chosen_are_told_once(
    world, django_capture_on_commit_callbacks
):
    request = flour_request(world["requester"])
    for key in ("a", "b"):
        offer_save(request_id=request.pk, vendor=world["stores"][key], terms=offer_terms())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        request_close(request_id=request.pk, user=world["requester"])

    told = sorted(address for message in mail.outbox for address in message.to)
    assert world["stores"]["a"].email in told and world["stores"]["b"].email in told
    assert {message.subject for message in mail.outbox} == {
        "Su oferta no fue elegida: Harina de trigo para pan"
    }
    assert "El comprador cerró la solicitud" in mail.outbox[0].body
    assert offers_not_chosen_notify(request_id=request.pk) == 0


def test_a_store_answering_half_of_what_it_is_told_of_answers_fifty_percent(world):
    store = world["stores"]["a"]
    answered, ignored = flour_request(world["requester"]), flour_request(world["requester"])
    for request in (answered, ignored):
        request_stores_notify(request_id=request.pk)
    SourcingNotice.objects.filter(request=answered, vendor=store).update(
        sent_at=timezone.now() - timedelta(hours=5)
    )
    offer_save(request_id=answered.pk, vendor=store, terms=offer_terms())

    measured = stores_responsiveness(vendor_ids={store.pk, world["stores"]["c"].pk})

    assert (measured[store.pk].asked, measured[store.pk].answered) == (2, 1)
    assert (measured[store.pk].share, measured[store.pk].median_hours) == (50, 5)
    assert measured[world["stores"]["c"].pk].share is None


def test_a_store_following_a_province_or_a_sector_is_told_of_its_public_requests(world):
    from shop.sourcing.models import StoreFollowing

    furniture = world["stores"]["c"]
    following = StoreFollowing.objects.create(vendor=furniture)
    following.provinces.set([Province.objects.get(name="Villa Clara")])
    in_villa_clara = flour_request(world["requester"])
    elsewhere = flour_request(
        world["requester"], municipality=Municipality.objects.get(name="Playa")
    )
    invited = flour_request(world["requester"], visibility=Visibility.INVITED)
    invited.invited_vendors.set([world["stores"]["a"]])

    for request in (in_villa_clara, elsewhere, invited):
        request_stores_notify(request_id=request.pk)

    told = set(SourcingNotice.objects.filter(vendor=furniture).values_list("request", flat=True))
    assert told == {in_villa_clara.pk}
    following.provinces.clear()
    following.sectors.set([world["sector"]])
    assert furniture.pk in matching_vendor_ids(request=elsewhere)
