"""A person's data rights. `data_export_request` prepares the ZIP in a task and e-mails a
link to it; `account_erasure_request` removes or anonymises the person's data everywhere it
is not legally needed, in one transaction. Issued invoices and credit notes keep their
snapshot (the buyer's name as issued stays), and so do ledgers, payments and stock
movements; the account behind them no longer names anybody."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.api.models import ApiKey
from shop.core.links import absolute_url
from shop.customers.models import CustomerPreferences
from shop.privacy.error_codes import PrivacyErrorCode
from shop.privacy.exceptions import DataRequestRefused
from shop.privacy.exports import personal_data_zip
from shop.privacy.models import DataRequest, DataRequestKind
from shop.sourcing.models import Message
from vendors.models import VendorOrderStatus
from vendors.orders.transitions import CLOSED

UserAddress = get_model("address", "UserAddress")
Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")
Notification = get_model("communication", "Notification")
CommunicationEmail = get_model("communication", "Email")
ProductAlert = get_model("customer", "ProductAlert")
FINISHED = CLOSED | {VendorOrderStatus.DELIVERED}
ERASED_MESSAGE = "[mensaje borrado a petición de su autor]"


def data_export_request(*, user) -> DataRequest:
    if DataRequest.objects.filter(
        user=user, kind=DataRequestKind.EXPORT, completed_at__isnull=True
    ).exists():
        raise DataRequestRefused(
            _("Your previous download is still being prepared."), code=PrivacyErrorCode.PENDING
        )
    request = DataRequest.objects.create(user=user, kind=DataRequestKind.EXPORT)
    from shop.privacy.tasks import data_export_prepare

    data_export_prepare.delay_on_commit(request.pk)
    return request


def data_export_prepare_now(*, request_id: int) -> bool:
    """Build the ZIP and e-mail its link; a completed request is left alone."""
    from django.core.mail import send_mail

    with transaction.atomic():
        request = (
            DataRequest.objects.select_for_update()
            .select_related("user")
            .filter(pk=request_id, completed_at__isnull=True)
            .first()
        )
        if request is None:
            return False
        request.archive.save(
            f"datos-{request.user_id}-{request.pk}.zip",
            ContentFile(personal_data_zip(user=request.user)),
            save=False,
        )
        request.completed_at = timezone.now()
        request.save(update_fields=["archive", "completed_at"])
        link = absolute_url(reverse("privacy:download", kwargs={"pk": request.pk}))
        email = request.user.email
        transaction.on_commit(
            lambda: send_mail(
                _("Your data is ready"),
                _(
                    "The file with everything Encadena holds about you is ready. Download it "
                    "while logged in: %(link)s"
                )
                % {"link": link},
                None,
                [email],
            )
        )
    return True


def account_erasure_request(*, user, password: str) -> DataRequest:
    """Erase `user`'s account now (asked with its password), and record that it was done."""
    if not user.check_password(password):
        raise DataRequestRefused(_("The password is not right."), code=PrivacyErrorCode.PASSWORD)
    with transaction.atomic():
        request = DataRequest.objects.create(user=user, kind=DataRequestKind.ERASURE)
        account_erase(user=user)
        request.completed_at = timezone.now()
        request.save(update_fields=["completed_at"])
    return request


@transaction.atomic
def account_erase(*, user) -> None:
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    UserAddress.objects.filter(user=user).delete()
    CustomerPreferences.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    CommunicationEmail.objects.filter(user=user).delete()
    ProductAlert.objects.filter(user=user).delete()
    ApiKey.objects.filter(user=user).delete()
    Message.objects.filter(author=user).update(body=ERASED_MESSAGE)
    ProductReview.objects.filter(user=user).update(name="", email="")
    for order in Order.objects.filter(user=user).select_related("shipping_address"):
        Order.objects.filter(pk=order.pk).update(guest_email="")
        parts = set(order.vendor_orders.values_list("status", flat=True))
        # A delivery still under way needs its address; a finished one does not.
        if order.shipping_address and parts <= FINISHED:
            address = order.shipping_address
            for name in ("first_name", "last_name", "line1", "line2", "line3", "postcode"):
                setattr(address, name, "")
            address.phone_number = ""
            address.notes = ""
            address.save()
    for data_request in DataRequest.objects.filter(user=user).exclude(archive=""):
        data_request.archive.delete(save=True)
    user.email = f"borrada-{user.pk}@cuenta-borrada.invalid"
    if hasattr(user, "username"):
        user.username = f"borrada-{user.pk}"
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
