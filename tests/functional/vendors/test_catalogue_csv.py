"""CSV export and import of a vendor's products, prices and stock."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.models import MembershipRole, StockMovement, StockMovementReason

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def vendor(db):
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    ProductFactory(
        title="Miel de abejas",
        stockrecord__partner=partner,
        stockrecord__partner_sku="MIEL-1",
        stockrecord__price="450.00",
        stockrecord__num_in_stock=10,
    )
    ProductFactory(title="Producto ajeno", stockrecord__partner_sku="AJENO-1")
    return partner.vendor


@pytest.fixture
def owner_client(client, vendor):
    owner = UserFactory()
    vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    return client


def upload(text: str, name="productos.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def catalogue(vendor) -> list[tuple]:
    return list(
        StockRecord.objects.filter(partner=vendor.partner)
        .order_by("partner_sku")
        .values_list(
            "partner_sku",
            "product__title",
            "price",
            "num_in_stock",
            "low_stock_threshold",
            "product__is_public",
        )
    )


def test_export_lists_only_the_vendors_own_products(owner_client, vendor):
    response = owner_client.get("/vendedor/guayabita/productos/exportar/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="productos-guayabita-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        [
            "sku",
            "title",
            "price",
            "stock",
            "low_stock_threshold",
            "published",
            "weight",
            "minimum",
            "multiple",
            "tiers",
        ],
        ["MIEL-1", "Miel de abejas", "450.00", "10", "", "sí", "", "1", "1", ""],
    ]


def test_export_neutralises_spreadsheet_formulas(owner_client, vendor):
    Product.objects.filter(title="Miel de abejas").update(title='=HYPERLINK("http://x")')

    rows = list(
        csv.reader(
            io.StringIO(
                owner_client.get("/vendedor/guayabita/productos/exportar/").content.decode()
            )
        )
    )

    assert rows[1][1] == '\'=HYPERLINK("http://x")'


def test_import_updates_and_creates_with_stock_movements(owner_client, vendor):
    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {
            "file": upload(
                "\ufeffsku,title,price,stock,low_stock_threshold,published\n"
                "MIEL-1,,480.50,25,5,sí\n"
                'GUAYABA-2,"Mermelada de guayaba, 500 g",320,12,,no\n'
            )
        },
    )

    assert response.status_code == 302
    assert catalogue(vendor) == [
        ("GUAYABA-2", "Mermelada de guayaba, 500 g", pytest.approx(320), 12, None, False),
        ("MIEL-1", "Miel de abejas", pytest.approx(480.50), 25, 5, True),
    ]
    assert sorted(StockMovement.objects.values_list("reason", "delta", "level_after")) == [
        (StockMovementReason.IMPORT, 15, 25),
        (StockMovementReason.INITIAL, 12, 12),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "sku,nombre,price\nA,B,1\n",
            [
                "Línea 1: Faltan columnas: stock.",
                "Línea 1: Columnas desconocidas: nombre. Las columnas son: sku, title, price, "
                "stock, low_stock_threshold, published, weight, minimum, multiple, tiers.",
            ],
        ),
        (
            "sku,title,price,stock\nMIEL-1,,10.555,3\nNUEVO,Café,abc,-2\n,Sin código,5,1\n",
            [
                "Línea 2: El precio 10.555 tiene más de 2 decimales.",
                "Línea 3: El precio abc no es un número de 0 o más; las existencias -2 no son un "
                "número entero de 0 a 1000000.",
                "Línea 4: El SKU está vacío.",
            ],
        ),
        (
            "sku,title,price,stock\nMIEL-1,,10,3\nMIEL-1,,11,4\n",
            ["Línea 3: El SKU MIEL-1 también está en la línea 2."],
        ),
        (
            "sku,title,price,stock\nNUEVO-9,,10,3\n",
            ["Línea 2: Un producto nuevo necesita un título."],
        ),
        ("sku,title,price,stock\n", ["El archivo no tiene productos."]),
        ("title,price\nCafé,10\n", ["Línea 1: Faltan columnas: sku, stock."]),
        (
            "sku,title,price,stock\nMIEL-1,,450,-5\n",
            ["Línea 2: Las existencias -5 no son un número entero de 0 a 1000000."],
        ),
        (
            "sku,title,price,stock\nMIEL-1,,99999999999,3\nNUEVO,Café,10000000.01,1\n"
            "OTRO,Té,1e9,1\nGRANDE,Sal,10,99999999999999\n",
            [
                "Línea 2: El precio 99999999999 supera el máximo de 10000000.00.",
                "Línea 3: El precio 10000000.01 supera el máximo de 10000000.00.",
                "Línea 4: El precio 1e9 supera el máximo de 10000000.00.",
                "Línea 5: Las existencias 99999999999999 no son un número entero de 0 a 1000000.",
            ],
        ),
        (
            'sku,title,price,stock\nNUEVO-1,"=HYPERLINK(""http://x.example"",""pulse"")",10,1\n'
            "@SUM(A1),Café,10,1\nNUEVO-3,+1+1,10,1\nNUEVO-4,-2+3,10,1\n",
            [
                "Línea 2: El título empieza por '=', que las hojas de cálculo ejecutan "
                "como fórmula: quite ese carácter.",
                "Línea 3: El SKU empieza por '@', que las hojas de cálculo ejecutan "
                "como fórmula: quite ese carácter.",
                "Línea 4: El título empieza por '+', que las hojas de cálculo ejecutan "
                "como fórmula: quite ese carácter.",
                "Línea 5: El título empieza por '-', que las hojas de cálculo ejecutan "
                "como fórmula: quite ese carácter.",
            ],
        ),
        ("sku,title,price,stock\nA,\x00B,1,1\n", ["Este no es un archivo de texto CSV."]),
    ],
    ids=[
        "wrong-columns",
        "bad-values",
        "duplicate-sku",
        "new-without-title",
        "empty",
        "missing-columns",
        "negative-stock",
        "absurd-price-and-stock",
        "formula-injection",
        "nul-bytes",
    ],
)
def test_a_bad_import_reports_every_line_and_changes_nothing(owner_client, vendor, text, expected):
    before = catalogue(vendor)

    response = owner_client.post("/vendedor/guayabita/productos/importar/", {"file": upload(text)})

    assert response.status_code == 400
    assert [
        f"Línea {line}: {message}" if line else message
        for line, message in response.context["report"].errors
    ] == expected
    assert catalogue(vendor) == before
    assert StockMovement.objects.count() == 0


def test_a_leading_tab_or_carriage_return_is_neutralised_on_import(owner_client, vendor):
    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {"file": upload('sku,title,price,stock\n"\tTAB-1","\tcmd|calc",10,1\nCR-1,"\rcmd",10,1\n')},
    )

    assert response.status_code == 302
    assert sorted(
        StockRecord.objects.filter(partner_sku__in=["TAB-1", "CR-1"]).values_list(
            "partner_sku", "product__title"
        )
    ) == [("CR-1", "cmd"), ("TAB-1", "cmd|calc")]


def test_a_file_that_is_not_utf8_is_refused_and_changes_nothing(owner_client, vendor):
    before = catalogue(vendor)
    latin1 = "sku,title,price,stock\nMIEL-1,Miel de caña,450,3\n".encode("latin-1")

    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {"file": SimpleUploadedFile("productos.csv", latin1, content_type="text/csv")},
    )

    assert response.status_code == 400
    assert response.context["report"].errors == [
        (0, "El archivo debe guardarse como texto UTF-8 (CSV).")
    ]
    assert catalogue(vendor) == before
    assert StockMovement.objects.count() == 0


def test_fifty_thousand_rows_are_refused_with_the_limit_and_change_nothing(owner_client, vendor):
    before = catalogue(vendor)
    rows = "".join(f"SKU-{number},Producto {number},10,1\n" for number in range(50_000))

    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {"file": upload("sku,title,price,stock\n" + rows)},
    )

    assert response.status_code == 400
    assert response.context["report"].errors == [
        (5002, "Como máximo 5000 productos por archivo: divídalo en varios archivos.")
    ]
    assert "Como máximo 5000 productos y 2 MB por archivo" in response.content.decode()
    assert catalogue(vendor) == before
    assert Product.objects.count() == 2
    assert StockMovement.objects.count() == 0


def test_an_import_that_fails_while_writing_rolls_everything_back(owner_client, vendor):
    StockRecord.objects.filter(partner_sku="MIEL-1").update(num_allocated=8)

    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {"file": upload("sku,title,price,stock\nNUEVO-1,Café,100,5\nMIEL-1,,450,3\n")},
    )

    assert response.status_code == 400
    assert response.context["report"].errors == [
        (
            3,
            "8 unidades ya están comprometidas con pedidos: las existencias no pueden bajar de "
            "ahí.",
        )
    ]
    assert not Product.objects.filter(title="Café").exists()
    assert StockMovement.objects.count() == 0


def test_a_file_that_is_not_utf8_is_refused(owner_client, vendor):
    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {
            "file": SimpleUploadedFile(
                "p.csv", "sku,title,price,stock\nA,Café,1,1\n".encode("latin-1")
            )
        },
    )

    assert response.context["report"].errors == [
        (0, "El archivo debe guardarse como texto UTF-8 (CSV).")
    ]
