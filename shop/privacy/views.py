"""/accounts/mis-datos/: download everything held about me; erase my account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.core.transactions import AtomicWritesMixin
from shop.privacy.forms import ErasureForm
from shop.privacy.models import DataRequest, DataRequestKind
from shop.privacy.services import account_erasure_request, data_export_request


class MyDataView(AtomicWritesMixin, LoginRequiredMixin, View):
    def page(self, form, status=200):
        return render(
            self.request,
            "privacy/my_data.html",
            {
                "form": form,
                "exports": DataRequest.objects.filter(
                    user=self.request.user, kind=DataRequestKind.EXPORT
                ),
                "active_tab": "data",
            },
            status=status,
        )

    def get(self, request):
        return self.page(ErasureForm())

    def post(self, request):
        if request.POST.get("action") == "export":
            try:
                data_export_request(user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("We are preparing your file: you will get an e-mail with its link.")
                )
            return redirect("privacy:mine")
        form = ErasureForm(request.POST)
        if form.is_valid():
            try:
                account_erasure_request(user=request.user, password=form.cleaned_data["password"])
            except ValidationError as error:
                form.add_error("password", error.messages)
            else:
                logout(request)
                messages.success(request, _("Your account was erased."))
                return redirect("home")
        return self.page(form, status=400)


class MyDataDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        data_request = DataRequest.objects.filter(
            user=request.user, pk=pk, kind=DataRequestKind.EXPORT
        ).first()
        if data_request is None or not data_request.archive:
            raise Http404
        response = FileResponse(
            data_request.archive.open("rb"),
            as_attachment=True,
            filename="mis-datos-encadena.zip",
            content_type="application/zip",
        )
        response["Cache-Control"] = "private, no-store"
        return response
