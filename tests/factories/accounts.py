"""Staff accounts and their second factor, built the way the pages build them."""

from django.contrib.auth.models import Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.users import UserFactory


def operator_create(**kwargs):
    """An operator as the demo makes one: staff and superuser."""
    return UserFactory(is_staff=True, is_superuser=True, **kwargs)


def staff_operator_create(**kwargs):
    """An operator by permission (staff given vendors.change_vendor), not a superuser."""
    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="change_vendor"))
    return user


def totp_device_create(user, *, recovery_codes: tuple[str, ...] = ()) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    if recovery_codes:
        static = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
        StaticToken.objects.bulk_create(
            StaticToken(device=static, token=code) for code in recovery_codes
        )
    return device


def totp_token(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for this device's key."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
