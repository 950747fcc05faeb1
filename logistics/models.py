from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    """A province, or the special municipality Isla de la Juventud (which the
    law places outside any province; here it is its own top-level unit)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64, unique=True)
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    is_special_municipality = models.BooleanField(_("special municipality"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("code"), max_length=4, unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="municipalities",
        verbose_name=_("province"),
    )
    name = models.CharField(_("name"), max_length=64)
    slug = models.SlugField(_("slug"), max_length=64)

    class Meta:
        ordering = ["province__code", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="municipality_name_unique"),
            models.UniqueConstraint(fields=["province", "slug"], name="municipality_slug_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.province.name})"
