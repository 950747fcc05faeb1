import factory

from logistics.models import Municipality
from tests.factories.base import IndexedModelFactory
from vendors.models import ActorType, MembershipRole, Vendor, VendorMembership, VendorStatus


class VendorFactory(IndexedModelFactory):
    """An approved vendor with its store (Oscar partner) in Playa, La Habana."""

    class Meta:
        model = Vendor
        skip_postgeneration_save = True

    partner = factory.SubFactory(
        "tests.factories.catalogue.PartnerFactory",
        vendor=False,
        name=factory.SelfAttribute("..trade_name"),
    )
    actor_type = ActorType.MIPYME_PRIVATE
    trade_name = factory.Sequence(lambda n: f"Tienda {n}")
    legal_name = factory.LazyAttribute(lambda o: f"{o.trade_name} S.R.L.")
    nit = factory.Sequence(lambda n: f"{n:011d}")
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(name="Playa"))
    province = factory.LazyAttribute(lambda o: o.municipality.province)
    address = "Calle 70 No. 4512"
    phone = "+53 5 123 4567"
    email = factory.Sequence(lambda n: f"tienda{n}@example.test")
    slug = factory.Sequence(lambda n: f"tienda-{n}")
    status = VendorStatus.APPROVED
    description = "Productos de calidad."


class VendorMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VendorMembership

    vendor = factory.SubFactory(VendorFactory)
    user = factory.SubFactory("tests.factories.users.UserFactory")
    role = MembershipRole.OWNER
