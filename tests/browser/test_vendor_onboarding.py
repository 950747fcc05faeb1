"""An actor applies, the operator approves it, and its first product goes on sale."""

import io

import pytest
from PIL import Image

from tests.browser.conftest import new_page
from tests.factories import UserFactory
from tests.factories.users import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_apply_approve_add_a_product_and_see_it_in_the_store(
    live_server, browser, test_output_dir, tmp_path
):
    operator = UserFactory(email="operadora@example.test", is_staff=True, is_superuser=True)
    picture = tmp_path / "mermelada.png"
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), "#c62828").save(buffer, format="PNG")
    picture.write_bytes(buffer.getvalue())

    applicant = new_page(browser)
    applicant.goto(f"{live_server.url}/vende/")
    applicant.fill("#id_trade_name", "Dulcería La Habanera")
    applicant.fill("#id_legal_name", "Dulcería La Habanera S.R.L.")
    applicant.select_option("#id_actor_type", "mipyme_privada")
    applicant.fill("#id_nit", "01234567890")
    applicant.get_by_label("Alimentos y bebidas").check()
    applicant.select_option("#id_province", label="La Habana")
    applicant.select_option("#id_municipality", label="Playa")
    applicant.fill("#id_address", "Calle 42 No. 113")
    applicant.fill("#id_phone", "+53 5 234 5678")
    applicant.fill("#id_email", "ventas@habanera.test")
    applicant.fill("#id_owner_first_name", "Marta")
    applicant.fill("#id_owner_last_name", "Díaz")
    applicant.fill("#id_owner_email", "marta@habanera.test")
    applicant.fill("#id_password1", "una-clave-larga-2026")
    applicant.fill("#id_password2", "una-clave-larga-2026")
    applicant.get_by_role("button", name="Enviar solicitud").click()
    applicant.wait_for_url("**/vende/gracias/")
    assert "Solicitud recibida" in applicant.content()

    staff = new_page(browser)
    staff.goto(f"{live_server.url}/accounts/login/")
    staff.fill("#id_login-username", operator.email)
    staff.fill("#id_login-password", PASSWORD)
    staff.locator("button[name=login_submit]").click()
    staff.goto(f"{live_server.url}/dashboard/actores/")
    staff.get_by_role("link", name="Dulcería La Habanera").click()
    staff.get_by_role("button", name="Marcar como aprobada").click()
    assert "ahora está aprobada" in staff.content()
    staff.screenshot(path=str(test_output_dir / "operator-approved.png"), full_page=True)

    applicant.goto(f"{live_server.url}/vendedor/")
    applicant.get_by_role("link", name="Nuevo producto").click()
    applicant.fill("#id_title", "Mermelada de mango, 500 g")
    applicant.fill("#id_price", "320.50")
    applicant.fill("#id_stock", "40")
    applicant.set_input_files("#id_image", str(picture))
    applicant.get_by_role("button", name="Guardar").click()
    assert "Producto guardado." in applicant.content()

    applicant.goto(f"{live_server.url}/tiendas/dulceria-la-habanera/")
    card = applicant.locator(".product-grid article")
    assert card.count() == 1
    assert "Mermelada de mango, 500 g" in card.first.inner_text()
    assert "320,50 CUP" in card.first.inner_text()
    assert card.first.locator("img").evaluate("img => img.naturalWidth") > 0
    applicant.screenshot(path=str(test_output_dir / "store-page.png"), full_page=True)
