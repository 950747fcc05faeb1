from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.customers.forms import CustomerPreferencesForm
from shop.customers.models import CustomerPreferences
from shop.customers.services import customer_preferences_save


class PreferencesView(LoginRequiredMixin, View):
    """How the buyer wants to hear about its deliveries."""

    def render(self, form, status=200):
        return render(
            self.request,
            "customers/preferences.html",
            {"form": form, "active_tab": "preferences"},
            status=status,
        )

    def get(self, request):
        preferences = CustomerPreferences.objects.filter(user=request.user).first()
        return self.render(CustomerPreferencesForm(instance=preferences))

    def post(self, request):
        form = CustomerPreferencesForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        customer_preferences_save(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your preferences were saved."))
        return redirect("customers:preferences")
