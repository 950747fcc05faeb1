"""Drive Oscar's checkout through its pages, as a browser without scripts would."""

from django.urls import reverse

from logistics.models import Municipality


def basket_add(client, product, quantity: int = 1):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})


def address_data(*, municipality: str = "Playa", province: str | None = None) -> dict:
    place = Municipality.objects.select_related("province").get(name=municipality)
    return {
        "first_name": "Ana",
        "last_name": "Pérez",
        "line1": "Calle 42 No. 315",
        "line2": "entre 3ra y 5ta",
        "province": province or place.province_id,
        "municipality": place.pk,
        "phone_number": "+53 5 234 5678",
        "notes": "Portal verde",
    }


def checkout_start(client, *, email: str = "ana@example.test"):
    """Anonymous buyers give an e-mail and check out as guests; users go straight on."""
    response = client.get(reverse("checkout:index"))
    if response.status_code == 200:
        response = client.post(
            reverse("checkout:index"), {"username": email, "options": "anonymous"}
        )
    return response


def checkout_to_review(
    client,
    choices: dict,
    *,
    municipality: str = "Playa",
    payment: str = "cash_on_delivery",
    billing: dict | None = None,
):
    """Address, delivery per vendor ({vendor: option code}), a payment method (and the
    company to invoice, `billing`); returns the review page's response."""
    checkout_start(client)
    response = client.post(
        reverse("checkout:shipping-address"), address_data(municipality=municipality)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(
        reverse("checkout:shipping-method"),
        {f"vendor-{vendor.pk}": code for vendor, code in choices.items()},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(
        reverse("checkout:payment-method"), {"method": payment, **(billing or {})}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return client.get(reverse("checkout:preview"))


def order_place(client, review):
    return client.post(
        reverse("checkout:preview"),
        {
            "action": "place_order",
            "purchase_fingerprint": review.context["purchase_fingerprint"],
        },
    )
