from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.search.forms import SearchInput


class ProductSort(models.TextChoices):
    RELEVANCY = "relevancy", _("Relevancy")
    NEWEST = "newest", _("Newest")
    PRICE_LOW_TO_HIGH = "price-asc", _("Price low to high")
    PRICE_HIGH_TO_LOW = "price-desc", _("Price high to low")
    TITLE_A_TO_Z = "title-asc", _("Title A to Z")
    TITLE_Z_TO_A = "title-desc", _("Title Z to A")


class SearchForm(forms.Form):
    """The search box in every page's header and the sort order of product lists."""

    q = forms.CharField(
        required=False,
        max_length=200,
        label=_("Search"),
        widget=SearchInput({"placeholder": _("Search"), "tabindex": "1", "class": "form-control"}),
    )
    sort_by = forms.ChoiceField(
        label=_("Sort by"),
        choices=ProductSort.choices,
        required=False,
        widget=forms.Select(),
    )

    province = forms.SlugField(required=False, widget=forms.HiddenInput)
    vendor = forms.SlugField(required=False, widget=forms.HiddenInput)
    # The search page's other facets (shop/apps/search/engine.py).
    category = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    actor_type = forms.SlugField(required=False, max_length=20, widget=forms.HiddenInput)
    price = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def cleaned_province(self):
        """The Province named by ?province=<slug>, or None (unknown slugs are ignored)."""
        from logistics.territory import territory

        slug = self.cleaned_data.get("province") if self.is_valid() else ""
        return next((p for p in territory().provinces if p.slug == slug), None) if slug else None

    def cleaned_vendor(self):
        """The approved Vendor named by ?vendor=<slug>, or None."""
        from vendors.models import Vendor, VendorStatus

        slug = self.cleaned_data.get("vendor") if self.is_valid() else ""
        if not slug:
            return None
        return Vendor.objects.filter(slug=slug, status=VendorStatus.APPROVED).first()

    def cleaned_query(self) -> str:
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""

    def cleaned_facet(self, name: str) -> str:
        """A facet's value as typed, or "" (an invalid one is ignored, the rest kept)."""
        self.is_valid()
        value = self.cleaned_data.get(name)
        return "" if value is None else str(value)

    def cleaned_sort(self) -> str:
        return (self.cleaned_data.get("sort_by") if self.is_valid() else "") or ""
