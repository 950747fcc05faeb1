import logging
from decimal import Decimal

from celery import shared_task

from shop.invoices.models import CreditNote, Invoice, RenderState

logger = logging.getLogger(__name__)


@shared_task(name="invoices.issue", acks_late=True, reject_on_worker_lost=True)
def invoice_issue_task(vendor_order_id: int) -> int:
    from shop.invoices.services import invoice_issue
    from vendors.models import VendorOrder

    return invoice_issue(vendor_order=VendorOrder.objects.get(pk=vendor_order_id)).pk


@shared_task(name="invoices.credit_note_issue", acks_late=True, reject_on_worker_lost=True)
def credit_note_issue_task(vendor_order_id: int, amount: str, key: str, reason: str) -> int:
    from shop.invoices.services import credit_note_issue
    from vendors.models import VendorOrder

    return credit_note_issue(
        vendor_order=VendorOrder.objects.get(pk=vendor_order_id),
        amount=Decimal(amount),
        key=key,
        reason=reason,
    ).pk


def _render_or_retry(task, model, document_id: int, store) -> str:
    """A failure is recorded on the document, which keeps its number, and retried. When
    no retry is left, or when tasks run in-process (where a retry would fail the request
    that issued the document), the operators are told and the hourly sweep tries again."""
    try:
        return store(document_id)
    except Exception as error:
        model.objects.filter(pk=document_id).update(
            render_state=RenderState.FAILED, render_error=f"{type(error).__name__}: {error}"[:2000]
        )
        if task.request.is_eager or task.request.retries >= task.max_retries:
            logger.exception("%s %s could not be rendered", model.__name__, document_id)
            from shop.invoices.services import render_failure_report

            render_failure_report(document=model.objects.get(pk=document_id))
            return ""
        raise task.retry(exc=error) from error


@shared_task(
    name="invoices.render",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=5,
    default_retry_delay=60,
)
def invoice_render(self, invoice_id: int) -> str:
    """Render (again: the same bytes) the invoice's PDF."""
    from shop.invoices.files import invoice_pdf_store

    return _render_or_retry(self, Invoice, invoice_id, lambda pk: invoice_pdf_store(invoice_id=pk))


@shared_task(
    name="invoices.credit_note_render",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=5,
    default_retry_delay=60,
)
def credit_note_render(self, credit_note_id: int) -> str:
    from shop.invoices.files import credit_note_pdf_store

    return _render_or_retry(
        self, CreditNote, credit_note_id, lambda pk: credit_note_pdf_store(credit_note_id=pk)
    )


@shared_task(name="invoices.render_sweep")
def render_sweep() -> int:
    """Render again the documents whose rendering failed or never ran."""
    from shop.invoices.services import documents_to_render

    documents = documents_to_render()
    for document in documents:
        task = invoice_render if isinstance(document, Invoice) else credit_note_render
        task.delay(document.pk)
    return len(documents)
