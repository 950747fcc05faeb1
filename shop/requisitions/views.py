"""The buyer's requisition lists: make one (empty, from the basket, from a product page),
change its quantities, reorder it in one click."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from oscar.core.loading import get_model

from shop.core.transactions import AtomicWritesMixin
from shop.requisitions.forms import AddToListForm, ListLinesForm, ListNameForm
from shop.requisitions.models import RequisitionList
from shop.requisitions.selectors import list_for, lists_for
from shop.requisitions.services import (
    requisition_line_set,
    requisition_list_create,
    requisition_list_from_basket,
    requisition_list_reorder,
)
from vendors.models import VendorStatus

StockRecord = get_model("partner", "StockRecord")


def _list_or_404(request, pk) -> RequisitionList:
    try:
        return list_for(user=request.user, pk=pk)
    except RequisitionList.DoesNotExist as error:
        raise Http404 from error


class ListIndexView(LoginRequiredMixin, AtomicWritesMixin, View):
    def get(self, request, form=None, status=200):
        return render(
            request,
            "requisitions/index.html",
            {
                "lists": lists_for(user=request.user),
                "form": form or ListNameForm(),
                "active_tab": "requisition_lists",
            },
            status=status,
        )

    def post(self, request):
        form = ListNameForm(request.POST)
        if form.is_valid():
            try:
                created = requisition_list_create(user=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                form.add_error("name", error.messages)
            else:
                return redirect("requisitions:detail", pk=created.pk)
        return self.get(request, form=form, status=400)


class ListDetailView(LoginRequiredMixin, AtomicWritesMixin, View):
    def get(self, request, pk, form=None, status=200):
        requisition_list = _list_or_404(request, pk)
        return render(
            request,
            "requisitions/detail.html",
            {
                "requisition_list": requisition_list,
                "form": form or ListLinesForm(lines=requisition_list.lines.all()),
                "active_tab": "requisition_lists",
            },
            status=status,
        )

    def post(self, request, pk):
        requisition_list = _list_or_404(request, pk)
        form = ListLinesForm(request.POST, lines=requisition_list.lines.all())
        if not form.is_valid():
            return self.get(request, pk, form=form, status=400)
        for line, quantity in form.quantities():
            if line.stockrecord is None:
                if quantity == 0:
                    line.delete()
                continue
            requisition_line_set(
                requisition_list=requisition_list, stockrecord=line.stockrecord, quantity=quantity
            )
        messages.success(request, _("List saved."))
        return redirect("requisitions:detail", pk=pk)


class ListReorderView(LoginRequiredMixin, AtomicWritesMixin, View):
    def post(self, request, pk):
        requisition_list = _list_or_404(request, pk)
        reorder = requisition_list_reorder(requisition_list=requisition_list, basket=request.basket)
        if reorder.added:
            messages.success(
                request,
                ngettext(
                    "%(count)s product of %(list)s is in your basket, at today's prices and terms.",
                    "%(count)s products of %(list)s are in your basket, at today's prices and "
                    "terms.",
                    len(reorder.added),
                )
                % {"count": len(reorder.added), "list": requisition_list.name},
            )
        for note in reorder.notes:
            messages.warning(request, note)
        return redirect("basket:summary")


class ListDeleteView(LoginRequiredMixin, AtomicWritesMixin, View):
    def post(self, request, pk):
        requisition_list = _list_or_404(request, pk)
        requisition_list.delete()
        messages.success(request, _("List deleted."))
        return redirect("requisitions:index")


class ListFromBasketView(LoginRequiredMixin, AtomicWritesMixin, View):
    def post(self, request):
        form = ListNameForm(request.POST)
        if form.is_valid():
            try:
                created = requisition_list_from_basket(
                    user=request.user, basket=request.basket, name=form.cleaned_data["name"]
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("The basket is saved as the list %(name)s.") % {"name": created.name}
                )
                return redirect("requisitions:detail", pk=created.pk)
        else:
            messages.error(request, _("Give the list a name."))
        return redirect("basket:summary")


class AddToListView(LoginRequiredMixin, AtomicWritesMixin, View):
    def post(self, request):
        lists = list(lists_for(user=request.user))
        form = AddToListForm(request.POST, lists=lists)
        record = None
        if form.is_valid():
            record = (
                StockRecord.objects.select_related("product")
                .filter(
                    pk=form.cleaned_data["stockrecord"],
                    product__is_public=True,
                    partner__vendor__status=VendorStatus.APPROVED,
                )
                .first()
            )
        if record is None:
            messages.error(
                request, " ".join(_flat(form.errors)) or _("This product is not on sale.")
            )
            return redirect(request.META.get("HTTP_REFERER") or "requisitions:index")
        try:
            chosen = form.cleaned_data["requisition_list"]
            if chosen:
                target = next((item for item in lists if item.pk == chosen), None)
                if target is None:
                    raise Http404
            else:
                target = requisition_list_create(
                    user=request.user, name=form.cleaned_data["new_list"]
                )
            requisition_line_set(
                requisition_list=target, stockrecord=record, quantity=form.cleaned_data["quantity"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(record.product.get_absolute_url())
        messages.success(
            request,
            _("%(title)s is in your list %(name)s.")
            % {"title": record.product.get_title(), "name": target.name},
        )
        return redirect(record.product.get_absolute_url())


def _flat(errors) -> list[str]:
    return [message for messages_ in errors.values() for message in messages_]
