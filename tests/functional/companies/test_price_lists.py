"""A store grants a price list to a company from its dashboard; the company's buyer sees
its prices in the basket once buying as the company, and is charged them; another store's
team can neither see nor change the list (404, nothing changed)."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from logistics.models import DeliveryZone
from shop.companies.models import PriceList, PriceListPrice
from shop.companies.price_lists import price_list_save
from tests.factories.callcenter import owner_of, stores_create
from tests.factories.companies import company_world, place_as_company
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world():
    (cafe, coffee), (miel, _honey) = stores_create(stock=20)
    record = coffee.stockrecords.get()
    record.partner_sku = "CAF-01"
    record.save()
    company, members = company_world()
    return {"cafe": cafe, "miel": miel, "coffee": coffee, "company": company, "members": members}


def list_url(vendor, pk=None):
    if pk is None:
        return reverse("companies_store:price_list_new", kwargs={"vendor_slug": vendor.slug})
    return reverse("companies_store:price_list", kwargs={"vendor_slug": vendor.slug, "pk": pk})


def test_a_store_grants_a_list_and_the_company_buyer_is_charged_its_price(world):
    cafe = world["cafe"].vendor
    owner = signed_in(owner_of(world["cafe"]))
    bad = owner.post(
        list_url(cafe), {"name": "Panaderías", "nits": world["company"].nit, "prices": "XX 1:5"}
    )
    assert bad.status_code == 400
    assert "Su tienda no vende ningún producto con el SKU XX." in bad.content.decode()
    assert not PriceList.objects.exists()

    response = owner.post(
        list_url(cafe),
        {"name": "Panaderías", "nits": world["company"].nit, "prices": "CAF-01 1:250.00"},
    )
    assert response.status_code == 302
    terms_page = owner.get(response["Location"]).content.decode()
    assert "Panaderías" in terms_page and "Panadería La Espiga S.R.L." in terms_page

    buyer = signed_in(world["members"]["buyer"])
    basket_add(buyer, world["coffee"], 2)
    home = f"home-{DeliveryZone.objects.get(vendor=cafe).pk}"
    review = checkout_to_review(buyer, {cafe: home}, billing={"buy_as": world["company"].pk})
    assert review.context["basket"].all_lines()[0].unit_price_incl_tax == Decimal("250.00")

    order_place(buyer, review)

    from oscar.core.loading import get_model

    line = get_model("order", "Line").objects.get()
    assert line.unit_price_incl_tax == Decimal("250.00")


def test_the_buyer_for_themselves_sees_the_public_price(world):
    cafe = world["cafe"].vendor
    signed_in(owner_of(world["cafe"])).post(
        list_url(cafe),
        {"name": "Panaderías", "nits": world["company"].nit, "prices": "CAF-01 1:250"},
    )
    buyer = signed_in(world["members"]["buyer"])
    basket_add(buyer, world["coffee"], 1)

    basket = buyer.get(reverse("basket:summary")).context["basket"]

    assert basket.all_lines()[0].unit_price_incl_tax == Decimal("300.00")


def test_another_store_can_neither_see_nor_change_the_list(world):
    cafe, miel = world["cafe"].vendor, world["miel"].vendor
    signed_in(owner_of(world["cafe"])).post(
        list_url(cafe),
        {"name": "Panaderías", "nits": world["company"].nit, "prices": "CAF-01 1:250"},
    )
    price_list = PriceList.objects.get()
    other = signed_in(owner_of(world["miel"]))

    assert other.get(list_url(cafe, price_list.pk)).status_code == 404
    assert other.get(list_url(miel, price_list.pk)).status_code == 404
    data = {"name": "Robada", "nits": "", "prices": "CAF-01 1:1"}
    assert other.post(list_url(miel, price_list.pk), data).status_code == 404
    assert other.post(list_url(cafe, price_list.pk), data).status_code == 404
    assert (
        "Panaderías"
        not in other.get(
            reverse("companies_store:terms", kwargs={"vendor_slug": miel.slug})
        ).content.decode()
    )
    for name in ("price_list_import", "price_list_delete"):
        for store in (cafe, miel):
            url = reverse(
                f"companies_store:{name}", kwargs={"vendor_slug": store.slug, "pk": price_list.pk}
            )
            assert other.get(url).status_code == 404
            assert other.post(url, {"file": csv_file("sku,tiers\nCAF-01,1:1\n")}).status_code == 404
    price_list.refresh_from_db()
    assert price_list.name == "Panaderías"
    assert list(PriceListPrice.objects.values_list("price", flat=True)) == [Decimal("250.00")]
    assert signed_in(owner_of(world["cafe"])).get(list_url(cafe, price_list.pk)).status_code == 200


def csv_file(text: str):
    return SimpleUploadedFile("lista.csv", text.encode(), content_type="text/csv")


def test_a_price_list_csv_import_is_all_or_nothing(world):
    cafe = world["cafe"].vendor
    owner = signed_in(owner_of(world["cafe"]))
    price_list = price_list_save(
        vendor=cafe, name="Panaderías", nits=world["company"].nit, prices="CAF-01 1:250"
    )
    url = reverse(
        "companies_store:price_list_import", kwargs={"vendor_slug": cafe.slug, "pk": price_list.pk}
    )

    bad = owner.post(url, {"file": csv_file("sku,tiers\nCAF-01,1:240\nCAF-01,24:x\n,1:5\n")})
    good = owner.post(url, {"file": csv_file("SKU,tiers\nCAF-01,1:240.00; 24:230.00\n")})

    assert bad.status_code == 400
    assert [line for line, _message in bad.context["report"].errors] == [3, 4]
    assert good.status_code == 302
    assert list(
        PriceListPrice.objects.order_by("min_quantity").values_list("min_quantity", "price")
    ) == [(1, Decimal("240.00")), (24, Decimal("230.00"))]
    assert price_list.companies.get() == world["company"]


def test_deleting_a_price_list_asks_first_and_past_orders_keep_their_price(world):
    cafe = world["cafe"].vendor
    owner = signed_in(owner_of(world["cafe"]))
    price_list = price_list_save(
        vendor=cafe, name="Panaderías", nits=world["company"].nit, prices="CAF-01 1:250"
    )
    members = world["members"]
    order = place_as_company(world["company"], members["owner"], [(world["coffee"], 1)]).order
    url = reverse(
        "companies_store:price_list_delete", kwargs={"vendor_slug": cafe.slug, "pk": price_list.pk}
    )

    confirm = owner.get(url)
    assert confirm.status_code == 200 and PriceList.objects.exists()
    assert owner.post(url).status_code == 302

    assert not PriceList.objects.exists() and not PriceListPrice.objects.exists()
    assert order.lines.get().unit_price_incl_tax == Decimal("250.00")
