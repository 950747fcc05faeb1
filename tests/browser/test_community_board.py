"""The board on a 390 px phone, scripts off: a vendor asks, another answers, the asker marks
the accepted answer, which shows first and marked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import log_in
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def test_an_answer_is_accepted_on_a_phone(live_server, browser, test_output_dir):
    old = timezone.now() - timedelta(days=30)
    asker = UserFactory(email="pregunta@example.test", date_joined=old)
    helper = UserFactory(email="responde@example.test", date_joined=old)

    def page_for(email):
        context = browser.new_context(viewport=PHONE, locale="es-ES", java_script_enabled=False)
        context.set_default_timeout(15_000)
        page = context.new_page()
        log_in(page, live_server.url, email)
        return page

    asking = page_for(asker.email)
    asking.goto(f"{live_server.url}/comunidad/nueva/")
    asking.select_option("#id_kind", "pregunta")
    asking.fill("#id_title", "¿Quién vende frascos de vidrio?")
    asking.fill("#id_body", "Para mermelada, unos 200 al mes.")
    asking.locator("form.community-post-form button[type=submit]").click()
    asking.wait_for_load_state()
    post_url = asking.url

    answering = page_for(helper.email)
    answering.goto(post_url)
    answering.fill("#id_body", "Envases del Cerro los tiene en tres tamaños.")
    answering.locator("form.community-reply-form button[type=submit]").click()
    answering.wait_for_load_state()

    asking.goto(post_url)
    asking.locator("button.community-accept").click()
    asking.wait_for_load_state()
    accepted = asking.locator(".community-reply.accepted")
    assert "Respuesta aceptada" in accepted.inner_text()
    assert "Envases del Cerro" in accepted.inner_text()
    assert asking.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    asking.screenshot(path=str(test_output_dir / "accepted-answer.png"), full_page=True)
