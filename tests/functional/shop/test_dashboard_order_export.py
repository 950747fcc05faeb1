"""Oscar's order list downloads as CSV for spreadsheets: what buyers typed cannot run
as a formula there."""

import csv
import io

from django.test import Client

from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create


def test_the_order_csv_neutralises_formulas_buyers_typed(db):
    (_partner, coffee), _other = stores_create()
    buyer = UserFactory(
        email="=cmd@example.test", first_name='=HYPERLINK("http://x")', last_name="Pérez"
    )
    order = purchase_place_for(buyer, [(coffee, 1)])
    order.shipping_address.first_name = "@SUM(A1)"
    order.shipping_address.save()
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/dashboard/orders/?response_format=csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response.status_code == 200
    number, value, _date, items, _status, email, deliver_to, _bill_to = rows[1]
    assert (number, value, items) == (order.number, str(order.total_incl_tax), "1")
    assert email == "'=cmd@example.test"
    assert deliver_to.startswith("'@SUM(A1)")
