from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from vendors.images import PRODUCT_BOX, uploaded_image_clean
from vendors.products import ProductData

Category = get_model("catalogue", "Category")


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name


class VendorProductForm(forms.Form):
    title = forms.CharField(label=_("Name"), max_length=255)
    description = forms.CharField(label=_("Description"), required=False, max_length=8000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    category = CategoryChoiceField(label=_("Category"), queryset=Category.objects.all(),
                                   required=False)
    price = forms.DecimalField(label=_("Price (CUP)"), max_digits=12, decimal_places=2,
                               min_value=0)
    sku = forms.CharField(label=_("Your product code (SKU)"), max_length=128, required=False)
    stock = forms.IntegerField(label=_("Units in stock"), min_value=0, initial=0)
    low_stock_threshold = forms.IntegerField(
        label=_("Warn me when stock falls to"), min_value=0, required=False)
    is_public = forms.BooleanField(label=_("Published"), required=False, initial=True)
    image = forms.FileField(label=_("Add a picture"), required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # after creation, stock changes only through adjustments with a reason
            del self.fields["stock"]

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return uploaded_image_clean(upload, box=PRODUCT_BOX) if upload else None

    def product_data(self) -> ProductData:
        data = self.cleaned_data
        return ProductData(
            title=data["title"].strip(), description=data["description"].strip(),
            category=data["category"], price=data["price"], sku=data["sku"].strip(),
            low_stock_threshold=data["low_stock_threshold"], is_public=data["is_public"],
            image=data["image"],
        )


class StockAdjustmentForm(forms.Form):
    level = forms.IntegerField(label=_("New stock level"), min_value=0)
    note = forms.CharField(label=_("Why (for example: counted the warehouse)"), max_length=255)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the person to invite"))


class CatalogueImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
