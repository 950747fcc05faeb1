import io
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from celery.exceptions import Retry
from django.utils import timezone, translation
from pypdf import PdfReader
from weasyprint.pdf import fonts as weasyprint_fonts

from payments.selectors import payment_methods_offered
from shop.invoices import rendering, tasks
from shop.invoices.files import invoice_pdf_store
from shop.invoices.models import Invoice, InvoiceSettings, RenderState
from shop.invoices.services import credit_note_issue, invoice_issue
from tests.factories import ProductFactory, UserFactory
from tests.factories.orders import purchase

HOSTILE = [
    "<b>negrita</b><script>alert(1)</script>",
    "<style>body{background:url(http://169.254.169.254/)}</style>",
    "<img src=file:///etc/passwd>",
    "url(http://169.254.169.254/latest/meta-data/)",
    '<link rel="stylesheet" href="http://169.254.169.254/x.css">',
    "@import 'http://169.254.169.254/y.css';",
]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def fetches(monkeypatch):
    """Every URL WeasyPrint asked the project's fetcher for."""
    calls = []
    original = rendering.resource_fetch

    def recording(url):
        calls.append(url)
        return original(url)

    monkeypatch.setattr(rendering, "resource_fetch", recording)
    return calls


def only_our_own(urls) -> bool:
    own = rendering.INTERNAL_BASE_URL + "static/invoices/"
    return all(
        url.startswith(own) or url.startswith("data:image/png;base64,")  # the QR code
        for url in urls
    )


@pytest.mark.django_db
def test_the_pdf_prints_issuer_nit_number_lines_and_total(
    paid_vendor_order, fetches, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=paid_vendor_order)
    invoice.refresh_from_db()

    text = pdf_text(invoice.pdf.read())

    vendor = paid_vendor_order.vendor
    assert vendor.legal_name in text
    assert vendor.nit in text
    assert invoice.display_number in text
    assert "Cake de guayaba" in text and "615,25 CUP" in text and "1.230,50 CUP" in text
    assert "mil doscientos treinta pesos con 50/100 CUP" in text
    assert invoice.verification_code in text
    # the stylesheet and the QR code, and nothing else
    assert rendering.INTERNAL_BASE_URL + "static/invoices/invoice.css" in fetches
    assert only_our_own(fetches)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "total", "unit", "words"),
    [
        ("es", "2.546,00 CUP", "1.273,00 CUP", "dos mil quinientos cuarenta y seis pesos"),
        ("en", "2,546.00 CUP", "1,273.00 CUP", "dos mil quinientos cuarenta y seis pesos"),
    ],
)
def test_invoices_and_credit_notes_print_amounts_in_the_one_money_format(
    vendor_partner, language, total, unit, words, django_capture_on_commit_callbacks
):
    from shop.invoices.services import billing_details_record

    product = ProductFactory(
        title="Dulce de leche",
        stockrecord__partner=vendor_partner,
        stockrecord__price=Decimal("1273.00"),
    )
    vendor_order = purchase({vendor_partner: [(product, 2)]}).vendor_orders.get()
    billing_details_record(order=vendor_order.order, language=language)

    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=vendor_order)
        credit_note = credit_note_issue(
            vendor_order=vendor_order, amount=Decimal("2546.00"), key="dinero-format"
        )
    invoice.refresh_from_db()
    credit_note.refresh_from_db()

    invoice_text = pdf_text(invoice.pdf.read())
    credit_text = pdf_text(credit_note.pdf.read())
    assert invoice_text.count(total) == 2 and invoice_text.count(unit) == 1  # line, total
    assert total in credit_text
    assert words in invoice_text and words in credit_text  # in words, always in Spanish
    for text in (invoice_text, credit_text):
        assert "2546.00" not in text and "1273.00" not in text


@pytest.fixture(params=["harfbuzz", "fonttools"])
def font_subsetter(request, monkeypatch):
    """Both font subsetters WeasyPrint may use: HarfBuzz-Subset where the system has it
    (the README's packages), fontTools where it does not. fontTools stamps the subset
    font with the time it ran unless told the document's date."""
    if request.param == "fonttools":
        monkeypatch.setattr(weasyprint_fonts, "harfbuzz_subset", None)
    elif not weasyprint_fonts.harfbuzz_subset:
        pytest.skip("HarfBuzz-Subset is not installed (Debian: libharfbuzz-subset0)")
    return request.param


@pytest.mark.django_db
def test_rendering_again_gives_the_same_bytes(
    paid_vendor_order, font_subsetter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=paid_vendor_order)
    invoice.refresh_from_db()
    first_sha, first_bytes = invoice.sha256, invoice.pdf.read()

    with time_machine.travel(timezone.now() + timedelta(days=3, seconds=7)):
        second_sha = invoice_pdf_store(invoice_id=invoice.pk)

    invoice.refresh_from_db()
    second_bytes = invoice.pdf.read()
    assert pdf_text(second_bytes) == pdf_text(first_bytes)
    assert second_sha == first_sha == invoice.sha256
    assert second_bytes == first_bytes
    assert invoice.pdf.name == f"invoices/{invoice.issuer_id}/{invoice.display_number}.pdf"


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_names_and_addresses_print_as_text_and_fetch_nothing(
    vendor_partner, fetches, hostile, django_capture_on_commit_callbacks
):
    vendor = vendor_partner.vendor
    type(vendor).objects.filter(pk=vendor.pk).update(address=hostile)
    product = ProductFactory(title=f"Ron {hostile}", stockrecord__partner=vendor_partner)
    vendor_order = purchase({vendor_partner: [(product, 1)]}).vendor_orders.get()

    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=vendor_order)
    invoice.refresh_from_db()

    assert invoice.render_state == RenderState.RENDERED
    text = "".join(pdf_text(invoice.pdf.read()).split())
    assert "".join(f"Ron {hostile}".split()) in text
    assert "".join(hostile.split()) in text  # the address, as typed
    assert fetches and only_our_own(fetches)
    assert not any("169.254" in url or url.startswith("file:") for url in fetches)


@pytest.mark.django_db
def test_very_long_strings_wrap_and_fetch_nothing(
    vendor_partner, fetches, django_capture_on_commit_callbacks
):
    long_word = "Supercalifragilistico" * 12  # 252 characters, no place to break
    long_address = "Calle " + "muy larga " * 24
    type(vendor_partner.vendor).objects.filter(pk=vendor_partner.vendor.pk).update(
        address=long_address
    )
    product = ProductFactory(title=long_word, stockrecord__partner=vendor_partner)
    vendor_order = purchase({vendor_partner: [(product, 1)]}).vendor_orders.get()

    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=vendor_order)
    invoice.refresh_from_db()

    text = "".join(pdf_text(invoice.pdf.read()).split())
    assert invoice.render_state == RenderState.RENDERED
    assert long_word in text
    assert "".join(long_address.split()) in text
    assert only_our_own(fetches)


def test_the_fetcher_refuses_anything_but_our_static_files():
    for url in [
        "file:///etc/passwd",
        "http://169.254.169.254/",
        "https://example.com/a.css",
        rendering.INTERNAL_BASE_URL + "static/../../etc/passwd",
        rendering.INTERNAL_BASE_URL + "media/x.png",
        "ftp://x/y",
    ]:
        with pytest.raises(rendering.FetchRefused):
            rendering.resource_fetch(url)


@pytest.fixture
def broken_renderer(monkeypatch):
    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(rendering, "document_pdf_render", broken)
    return monkeypatch


@pytest.fixture
def operator(db):
    return UserFactory(email="operadora@encadena.test", is_staff=True, is_superuser=True)


@pytest.mark.django_db
def test_a_failed_render_in_process_keeps_its_number_tells_the_operators_and_not_the_buyer(
    paid_vendor_order, broken_renderer, operator, django_capture_on_commit_callbacks, mailoutbox
):
    # in-process tasks: the failure must not reach the request that issued the invoice
    with django_capture_on_commit_callbacks(execute=True):
        invoice_issue(vendor_order=paid_vendor_order)

    invoice = Invoice.objects.get(vendor_order=paid_vendor_order)
    assert (invoice.number, invoice.render_state) == (1, RenderState.FAILED)
    assert invoice.render_error == "OSError: disk full"
    assert not invoice.pdf
    [alert] = [message for message in mailoutbox if operator.email in message.to]
    assert invoice.display_number in alert.subject and "disk full" in alert.body

    broken_renderer.undo()
    assert tasks.render_sweep() == 1  # the hourly sweep

    invoice.refresh_from_db()
    assert invoice.render_state == RenderState.RENDERED and invoice.render_error == ""
    assert invoice.number == 1
    assert tasks.render_sweep() == 0


@pytest.mark.django_db
def test_a_worker_retries_a_failed_render_and_reports_only_the_last_failure(
    paid_vendor_order, broken_renderer, operator, mailoutbox
):
    invoice = invoice_issue(vendor_order=paid_vendor_order)
    retries = []
    broken_renderer.setattr(
        tasks.invoice_render, "retry", lambda exc, **kwargs: retries.append(exc) or Retry(exc=exc)
    )

    tasks.invoice_render.push_request(is_eager=False, retries=0)
    try:
        with pytest.raises(Retry):
            tasks.invoice_render.run(invoice.pk)
    finally:
        tasks.invoice_render.pop_request()
    assert [str(error) for error in retries] == ["disk full"]
    assert not [message for message in mailoutbox if operator.email in message.to]

    tasks.invoice_render.push_request(is_eager=False, retries=tasks.invoice_render.max_retries)
    try:
        assert tasks.invoice_render.run(invoice.pk) == ""
    finally:
        tasks.invoice_render.pop_request()
    assert len(retries) == 1
    assert len([message for message in mailoutbox if operator.email in message.to]) == 1
    invoice.refresh_from_db()
    assert (invoice.number, invoice.render_state) == (1, RenderState.FAILED)


@pytest.mark.django_db
def test_a_vendor_printing_on_letter_paper_gets_letter_pages(
    paid_vendor_order, django_capture_on_commit_callbacks
):
    InvoiceSettings.objects.create(vendor=paid_vendor_order.vendor, paper_size="letter")

    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=paid_vendor_order)
        credit_note = credit_note_issue(
            vendor_order=paid_vendor_order, amount=Decimal("1"), key="k"
        )
    invoice.refresh_from_db()
    credit_note.refresh_from_db()

    page = PdfReader(io.BytesIO(invoice.pdf.read())).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    page = PdfReader(io.BytesIO(credit_note.pdf.read())).pages[0]
    assert round(float(page.mediabox.height)) == 792


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("gateway", "language", "printed"),
    [
        ("cash_on_delivery", "es", "Pago contra entrega"),
        ("cash_on_delivery", "en", "Cash on delivery"),
        ("bank_transfer", "es", "Transferencia bancaria"),
        ("stripe", "es", "Tarjeta"),
        ("stripe", "en", "Card"),
        ("dummy", "es", "Pago de prueba (no se cobra nada)"),
    ],
)
def test_the_payment_method_is_printed_in_the_invoice_language(
    paid_vendor_order, settings, gateway, language, printed
):
    from payments.models import Payment
    from shop.invoices.services import billing_details_record

    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "bank_transfer": {
            "BACKEND": "payments.gateways.bank_transfer.BankTransfer",
            "OPTIONS": {
                "account_holder": "Encadena",
                "account_number": "0598 7654 3210 1234",
                "bank": "Banco Metropolitano",
            },
        },
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": {
                "secret_key": "sk_test_x",
                "publishable_key": "pk_test_x",
                "webhook_secret": "whsec_x",
                "currencies": "CUP",
            },
        },
    }
    order = paid_vendor_order.order
    Payment.objects.create(
        reference=order.number,
        order=order,
        gateway=gateway,
        amount=order.total_incl_tax,
        currency="CUP",
    )
    billing_details_record(order=order, language=language)

    invoice = invoice_issue(vendor_order=paid_vendor_order)

    # The invoice names it as checkout offered it, in the buyer's language.
    with translation.override(language):
        assert payment_methods_offered(currency="CUP")[gateway][0] == printed
    assert invoice.snapshot["payment_method"] == printed
