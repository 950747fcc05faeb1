from django import forms

from shop.customers.models import CustomerPreferences


class CustomerPreferencesForm(forms.ModelForm):
    class Meta:
        model = CustomerPreferences
        fields = ["sms_notifications", "language"]
