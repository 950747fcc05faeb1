"""A company's pages for its members (/cuenta/empresa/): the account and its members,
addresses, purchases with their approval, invoices and credit notes, and the statement.
Every page reads the member's current company only, and only what its role allows;
anything else is a 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_class

from shop.apps.checkout.exceptions import PurchaseRefused
from shop.companies.approvals import purchase_approve, purchase_refuse
from shop.companies.exceptions import ApprovalRefused, CompanyRefused
from shop.companies.forms import (
    AddressForm,
    BuyAsForm,
    CompanyForm,
    InvitationForm,
    MemberForm,
    RefusalForm,
)
from shop.companies.models import (
    APPROVING_ROLES,
    DOCUMENT_ROLES,
    ORDER_ROLES,
    CompanyInvitation,
    CompanyRole,
)
from shop.companies.selectors import (
    SESSION_KEY,
    buyer_companies,
    company_credit_notes,
    company_invoices,
    company_purchases,
    company_statement,
    current_member,
    memberships,
    stores_to_buy_as,
)
from shop.companies.services import (
    CompanyFields,
    address_add,
    address_delete,
    company_create,
    company_for_vendor,
    invitation_accept,
    invitation_create,
    member_remove,
    member_update,
)
from shop.core.transactions import AtomicWritesMixin
from shop.invoices.views import InvoicePdfView
from vendors.models import Vendor

CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")

PAGE_SIZE = 20


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


class CompanyHomeView(LoginRequiredMixin, AtomicWritesMixin, View):
    """The member's company, or creating one (by hand, or as a store it works for)."""

    def render(self, form, status=200):
        member = current_member(request=self.request)
        return render(
            self.request,
            "companies/home.html",
            {
                "member": member,
                "company": member.company if member else None,
                "memberships": memberships(user=self.request.user),
                "stores": stores_to_buy_as(user=self.request.user),
                "form": form,
                "active_tab": "company",
            },
            status=status,
        )

    def get(self, request):
        return self.render(CompanyForm())

    def post(self, request):
        form = CompanyForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            company = company_create(fields=CompanyFields(**form.cleaned_data), owner=request.user)
        except CompanyRefused as error:
            form.add_error("nit", error)
            return self.render(form, status=400)
        request.session[SESSION_KEY] = company.pk
        messages.success(request, _("%(company)s is registered.") % {"company": company})
        return redirect("companies:home")


class BuyAsStoreView(LoginRequiredMixin, AtomicWritesMixin, View):
    def post(self, request, vendor_slug):
        vendor = get_object_or_404(Vendor, slug=vendor_slug, memberships__user=request.user)
        try:
            company = company_for_vendor(vendor=vendor, user=request.user)
        except CompanyRefused as error:
            _refused(request, error)
            return redirect("companies:home")
        request.session[SESSION_KEY] = company.pk
        messages.success(request, _("You now buy as %(company)s.") % {"company": company})
        return redirect("companies:home")


class CompanyChooseView(LoginRequiredMixin, View):
    def post(self, request):
        chosen = request.POST.get("company", "")
        member = next(
            (m for m in memberships(user=request.user) if str(m.company_id) == chosen), None
        )
        if member is None:
            raise Http404
        request.session[SESSION_KEY] = member.company_id
        return redirect("companies:home")


class BuyAsView(LoginRequiredMixin, View):
    """The basket's "Buy as": the company chosen prices and checks the basket from then
    on, and the checkout starts from it."""

    def post(self, request):
        form = BuyAsForm(request.POST, companies=buyer_companies(user=request.user))
        if not form.is_valid():
            _refused(request, ValidationError(form.errors["company"]))
            return redirect("basket:summary")
        company = form.chosen_company()
        CheckoutSessionData(request).buy_as_company(company)
        if company is None:
            messages.info(request, _("You buy for yourself: the basket shows your prices."))
        else:
            messages.info(
                request,
                _("You buy as %(company)s: the basket shows its prices and terms.")
                % {"company": company.legal_name},
            )
        return redirect("basket:summary")


class MemberMixin(LoginRequiredMixin):
    """The page exists only for a member of a company with one of `roles`."""

    roles = frozenset(CompanyRole.values)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.member = current_member(request=request)
        if self.member is None or self.member.role not in self.roles:
            raise Http404
        self.company = self.member.company
        return super().dispatch(request, *args, **kwargs)

    def render(self, template, context, status=200):
        return render(
            self.request,
            f"companies/{template}",
            {"company": self.company, "member": self.member, "active_tab": "company", **context},
            status=status,
        )


class MembersView(MemberMixin, AtomicWritesMixin, View):
    roles = frozenset({CompanyRole.OWNER})

    def page(self, form, status=200):
        return self.render(
            "members.html",
            {
                "form": form,
                "members": self.company.members.select_related("user"),
                "invitations": CompanyInvitation.objects.filter(
                    company=self.company, accepted_at__isnull=True
                ),
                "member_form": MemberForm(),
            },
            status=status,
        )

    def get(self, request):
        return self.page(InvitationForm())

    def post(self, request):
        form = InvitationForm(request.POST)
        if not form.is_valid():
            return self.page(form, status=400)
        try:
            invitation_create(company=self.company, invited_by=request.user, **form.cleaned_data)
        except CompanyRefused as error:
            form.add_error("email", error)
            return self.page(form, status=400)
        messages.success(
            request,
            _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("companies:members")


class MemberEditView(MemberMixin, AtomicWritesMixin, View):
    roles = frozenset({CompanyRole.OWNER})

    def post(self, request, pk):
        get_object_or_404(self.company.members, pk=pk)
        form = MemberForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(list(form.errors.values())[0])
            member_update(
                company=self.company, member_id=pk, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _refused(request, error)
            return redirect("companies:members")
        messages.success(request, _("The member was updated."))
        return redirect("companies:members")


class MemberRemoveView(MemberMixin, AtomicWritesMixin, View):
    roles = frozenset({CompanyRole.OWNER})

    def post(self, request, pk):
        get_object_or_404(self.company.members, pk=pk)
        try:
            member_remove(company=self.company, member_id=pk, actor=request.user)
        except CompanyRefused as error:
            _refused(request, error)
            return redirect("companies:members")
        messages.success(request, _("The member was removed."))
        return redirect("companies:members")


class InvitationView(LoginRequiredMixin, AtomicWritesMixin, View):
    def get(self, request, token):
        invitation = get_object_or_404(CompanyInvitation, token=token, accepted_at__isnull=True)
        return render(request, "companies/invitation.html", {"invitation": invitation})

    def post(self, request, token):
        try:
            member = invitation_accept(token=token, user=request.user)
        except CompanyRefused as error:
            _refused(request, error)
            return redirect("companies:home")
        request.session[SESSION_KEY] = member.company_id
        messages.success(request, _("You joined %(company)s.") % {"company": member.company})
        return redirect("companies:home")


class AddressesView(MemberMixin, AtomicWritesMixin, View):
    roles = ORDER_ROLES

    def page(self, form, status=200):
        addresses = self.company.addresses.select_related("municipality__province")
        return self.render("addresses.html", {"form": form, "addresses": addresses}, status)

    def get(self, request):
        return self.page(AddressForm())

    def post(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():
            return self.page(form, status=400)
        try:
            address_add(company=self.company, fields=form.cleaned_data)
        except CompanyRefused as error:
            form.add_error(None, error)
            return self.page(form, status=400)
        messages.success(request, _("The address was saved."))
        return redirect("companies:addresses")


class AddressDeleteView(MemberMixin, AtomicWritesMixin, View):
    roles = ORDER_ROLES

    def post(self, request, pk):
        get_object_or_404(self.company.addresses, pk=pk)
        address_delete(company=self.company, address_id=pk)
        messages.success(request, _("The address was deleted."))
        return redirect("companies:addresses")


class PurchasesView(MemberMixin, View):
    roles = ORDER_ROLES

    def get(self, request):
        page = Paginator(company_purchases(company=self.company), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return self.render("purchases.html", {"page_obj": page, "purchases": page.object_list})


class PurchaseView(MemberMixin, View):
    roles = ORDER_ROLES

    def get(self, request, pk, form=None, status=200):
        purchase = get_object_or_404(company_purchases(company=self.company), pk=pk)
        return self.render(
            "purchase.html",
            {
                "purchase": purchase,
                "parts": list(purchase.order.vendor_orders.all()),
                "may_decide": self.member.role in APPROVING_ROLES,
                "form": form or RefusalForm(),
            },
            status,
        )


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PurchaseApproveView(MemberMixin, View):
    """Not in a transaction: approving starts the payment at its gateway after commit."""

    roles = APPROVING_ROLES

    def post(self, request, pk):
        purchase = get_object_or_404(company_purchases(company=self.company), pk=pk)
        try:
            purchase_approve(company_purchase_id=purchase.pk, user=request.user)
        except (ApprovalRefused, PurchaseRefused) as error:
            _refused(request, error)
        else:
            messages.success(request, _("The purchase was approved and goes on."))
        return redirect("companies:purchase", pk=purchase.pk)


class PurchaseRefuseView(MemberMixin, AtomicWritesMixin, View):
    roles = APPROVING_ROLES

    def post(self, request, pk):
        purchase = get_object_or_404(company_purchases(company=self.company), pk=pk)
        form = RefusalForm(request.POST)
        if not form.is_valid():
            return PurchaseView.get(self, request, pk, form=form, status=400)
        try:
            purchase_refuse(
                company_purchase_id=purchase.pk,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ApprovalRefused as error:
            _refused(request, error)
        else:
            messages.success(request, _("The purchase was refused; the buyer was told why."))
        return redirect("companies:purchase", pk=purchase.pk)


class DocumentsView(MemberMixin, View):
    roles = DOCUMENT_ROLES

    def get(self, request):
        page = Paginator(company_invoices(company=self.company), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return self.render(
            "documents.html",
            {
                "page_obj": page,
                "invoices": page.object_list,
                "credit_notes": company_credit_notes(company=self.company)[:PAGE_SIZE],
            },
        )


class CompanyInvoicePdfView(MemberMixin, InvoicePdfView):
    roles = DOCUMENT_ROLES

    def document(self, request, pk, **kwargs):
        return get_object_or_404(company_invoices(company=self.company), pk=pk)


class CompanyCreditNotePdfView(MemberMixin, InvoicePdfView):
    roles = DOCUMENT_ROLES

    def document(self, request, pk, **kwargs):
        return get_object_or_404(company_credit_notes(company=self.company), pk=pk)


class StatementView(MemberMixin, View):
    roles = DOCUMENT_ROLES

    def get(self, request):
        return self.render("statement.html", {"statement": company_statement(company=self.company)})
