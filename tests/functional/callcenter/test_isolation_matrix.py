"""Every console URL × role, and the agent role across the rest of the platform: agents
reach every customer-facing object and none of the vendor-settings, payout or
configuration views; vendors and shoppers reach no console view.

Console URLs come from walking the `callcenter` namespace, so a view added later is
checked without touching this file."""

import pytest
from django.urls import NoReverseMatch, get_resolver, reverse

from shop.callcenter.models import AuditEntry, CustomerNote
from tests.functional.callcenter.conftest import client_for
from vendors.models import VendorOrder

ROLES = ["anonymous", "shopper", "owner_a", "agent", "operator"]
OPERATORS_ONLY = {"audit-log"}
POST_ONLY = {
    "note-create",
    "address-change",
    "confirmation-resend",
    "payment-link-send",
    "vendor-order-cancel",
    "delivery-change",
    "refund",
    "line-cancel",
    "invoice-resend",
}
# url name -> what its kwargs point at
TARGETS = {
    "customer": {"pk": "customer"},
    "note-create": {"pk": "customer"},
    "phone-order": {"pk": "customer"},
    "purchase": {"number": "order"},
    "address-change": {"number": "order"},
    "confirmation-resend": {"number": "order"},
    "payment-link-send": {"number": "order"},
    "vendor-order-cancel": {"number": "part_a"},
    "delivery-change": {"number": "part_a"},
    "refund": {"number": "part_a"},
    "line-cancel": {"pk": "line"},
    "conversation": {"pk": "conversation"},
    "invoice-resend": {"pk": "invoice"},
}
POST_DATA = {"reason": "Prueba", "text": "Nota", "amount": "1.00", "key": "k", "option": "pickup-0"}


def console_url_names() -> list[str]:
    namespace = get_resolver().namespace_dict["callcenter"][1]
    return sorted(pattern.name for pattern in namespace.url_patterns)


def console_url(name, world) -> str:
    kwargs = {}
    for key, target in TARGETS.get(name, {}).items():
        obj = world[target]
        kwargs[key] = obj.number if key == "number" else obj.pk
    return reverse(f"callcenter:{name}", kwargs=kwargs)


def test_the_matrix_knows_every_console_url():
    assert console_url_names() == sorted(
        [
            "search",
            "customer-create",
            "customer",
            "note-create",
            "phone-order",
            "purchase",
            "address-change",
            "confirmation-resend",
            "payment-link-send",
            "vendor-order-cancel",
            "delivery-change",
            "refund",
            "line-cancel",
            "invoice-resend",
            "audit-log",
            "conversations",
            "conversation",
        ]
    )


@pytest.mark.parametrize("name", console_url_names())
@pytest.mark.parametrize("role", ROLES)
def test_get(world, name, role):
    response = client_for(world, role).get(console_url(name, world))

    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif role in ("shopper", "owner_a") or (role == "agent" and name in OPERATORS_ONLY):
        assert response.status_code == 404
    elif name in POST_ONLY:
        assert response.status_code == 405
    else:
        assert response.status_code == 200


def snapshot(world) -> tuple:
    world["order"].shipping_address.refresh_from_db()
    return (
        AuditEntry.objects.count(),
        CustomerNote.objects.count(),
        list(VendorOrder.objects.order_by("pk").values_list("status", "delivery_code")),
        list(world["order"].lines.order_by("pk").values_list("status", flat=True)),
        world["order"].shipping_address.line1,
    )


@pytest.mark.parametrize("name", sorted(POST_ONLY))
@pytest.mark.parametrize("role", ["anonymous", "shopper", "owner_a"])
def test_post_by_outsiders_changes_nothing(world, name, role):
    before = snapshot(world)

    response = client_for(world, role).post(console_url(name, world), POST_DATA)

    assert response.status_code == (302 if role == "anonymous" else 404)
    assert snapshot(world) == before


# --- The agent across the rest of the platform ------------------------------------------


def dashboard_urls() -> list[str]:
    """Every URL of Oscar's dashboard (its sub-dashboards included), with placeholder
    arguments: the permission check runs before any object is looked up."""
    names = []

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
            elif pattern.name and pattern.name not in ("login", "logout"):
                names.append((pattern.name, list(pattern.pattern.regex.groupindex)))

    walk(get_resolver().namespace_dict["dashboard"][1].url_patterns)
    urls = []
    for name, arguments in names:
        for placeholder in ("1", "x"):
            try:
                urls.append(
                    reverse(f"dashboard:{name}", kwargs=dict.fromkeys(arguments, placeholder))
                )
                break
            except NoReverseMatch:
                continue
    return sorted(set(urls))


def test_the_dashboard_walk_finds_oscars_configuration_pages():
    urls = dashboard_urls()
    for expected in (
        "/dashboard/",
        "/dashboard/catalogue/",
        "/dashboard/partners/",
        "/dashboard/offers/",
        "/dashboard/pages/",
        "/dashboard/users/",
        "/dashboard/reports/",
        "/dashboard/orders/",
        "/dashboard/shipping/weight-based/",
    ):
        assert expected in urls
    assert len(urls) > 60


def test_agents_reach_no_page_of_oscars_dashboard(world):
    client = client_for(world, "agent")

    reached = {url: client.get(url).status_code for url in dashboard_urls()}

    assert {url for url, status in reached.items() if status != 403} == set()


def test_operators_still_reach_oscars_dashboard(world):
    client = client_for(world, "operator")

    for url in (
        "/dashboard/",
        "/dashboard/catalogue/",
        "/dashboard/partners/",
        "/dashboard/orders/",
        "/dashboard/users/",
    ):
        assert client.get(url).status_code == 200


def test_oscars_dashboard_menu_shows_agents_only_the_console(world):
    response = client_for(world, "agent").get(reverse("callcenter:search"))

    html = response.content.decode()
    assert reverse("callcenter:search") in html
    for hidden in (
        "/dashboard/catalogue/",
        "/dashboard/partners/",
        "/dashboard/offers/",
        reverse("callcenter:audit-log"),
        reverse("vendors:operator-list"),
        reverse("payments_dashboard:bank-transfers"),
    ):
        assert hidden not in html


def operator_urls(world) -> list[str]:
    """Our operator pages (vendor approval, balances, payouts, bank transfers, requests
    without offers, the platform's webhooks) and Django's admin, found by walking their
    namespaces."""
    vendor = world["partners"][0].vendor
    arguments = {"pk": vendor.pk, "slug": vendor.slug}
    urls = []
    for namespace, prefix in (
        ("vendors", "operator-"),
        ("payments_dashboard", ""),
        ("sourcing_dashboard", ""),
        ("webhooks_operators", ""),
    ):
        for pattern in get_resolver().namespace_dict[namespace][1].url_patterns:
            if pattern.name.startswith(prefix):
                urls.append(
                    reverse(
                        f"{namespace}:{pattern.name}",
                        kwargs={key: arguments[key] for key in pattern.pattern.converters},
                    )
                )
    return urls + [
        reverse("admin:index"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
    ]


def test_agents_reach_no_operator_view(world):
    client = client_for(world, "agent")
    urls = operator_urls(world)

    assert len(urls) >= 8
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (302, 403, 404), url
            assert response.status_code != 302 or "login/" in response["Location"], url


def test_agents_reach_the_vendor_payout_and_settings_views_of_no_store(world):
    partner_a = world["partners"][0]
    client = client_for(world, "agent")
    namespace = get_resolver().namespace_dict["vendor_dashboard"][1]
    for pattern in namespace.url_patterns:
        if set(pattern.pattern.converters) == {"vendor_slug"}:
            url = reverse(
                f"vendor_dashboard:{pattern.name}", kwargs={"vendor_slug": partner_a.vendor.slug}
            )
            assert client.get(url).status_code == 404, url


def test_agents_download_any_customers_invoice(world):
    from shop.invoices.files import invoice_pdf_store

    invoice_pdf_store(invoice_id=world["invoice"].pk)

    response = client_for(world, "agent").get(
        reverse("invoices:pdf", kwargs={"pk": world["invoice"].pk})
    )

    assert response.status_code == 200


def test_the_agent_sees_every_customer_facing_object_on_the_purchase_page(world):
    response = client_for(world, "agent").get(console_url("purchase", world))

    html = response.content.decode()
    for text in (
        world["order"].number,
        world["part_a"].number,
        world["part_b"].number,
        world["invoice"].display_number,
        "ENC-TRK-0001",
        "Recogido en tienda",
        "Producto de Café Serrano",
        "Producto de Miel del Valle",
        "Pago contra entrega",
        "Calle 23 No. 1155",
        "+5352345678",
    ):
        assert text in html, text


def test_no_view_changes_the_audit_log(world):
    """The console has no edit or delete view for entries, and the audit page only
    reads: a POST to it is not allowed."""
    entry = AuditEntry.objects.get()

    response = client_for(world, "operator").post(
        reverse("callcenter:audit-log"), {"reason": "cambiado"}
    )

    assert response.status_code == 405
    assert AuditEntry.objects.get().reason == entry.reason
    assert "admin:callcenter_auditentry_change" not in {
        name for name in get_resolver().reverse_dict.keys() if isinstance(name, str)
    }
