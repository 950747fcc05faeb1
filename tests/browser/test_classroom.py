"""A new store's owner on a 390 px phone, scripts off, goes from "Primeros pasos" to the
first course, reads its lessons, passes the check at the second try, and the step is
ticked; no page scrolls sideways."""

import pytest

from shop.classroom.models import Choice, Course
from tests.browser.conftest import log_in
from tests.factories import VendorMembershipFactory
from tests.factories.classroom import course_with_check

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def fits(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_a_new_store_takes_its_first_course_on_a_phone(live_server, browser, test_output_dir):
    Course.objects.filter(is_first_course=True).update(is_first_course=False)
    course = course_with_check(
        lessons=2, questions=2, title="Vender en Encadena", is_first_course=True
    )
    course.lessons.update(body="## Luz\n\n" + "Fotografíe junto a una ventana. " * 40)
    membership = VendorMembershipFactory()
    context = browser.new_context(viewport=PHONE, locale="es-ES", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, live_server.url, membership.user.email)
    home = f"{live_server.url}/vendedor/{membership.vendor.slug}/"

    page.goto(home)
    page.get_by_role("link", name="El primer curso: Vender en Encadena").click()
    page.wait_for_load_state()
    assert fits(page)
    page.locator(".classroom-lessons a").first.click()
    page.wait_for_load_state()
    for _ in range(2):
        assert fits(page)
        page.get_by_role("button", name="Marcar como leída").click()
        page.wait_for_load_state()
    page.screenshot(path=str(test_output_dir / "course-390.png"), full_page=True)

    page.get_by_role("link", name="Hacer la prueba").click()
    page.wait_for_load_state()
    wrong = [c.text for c in Choice.objects.filter(question__course=course, is_correct=False)]
    right = [c.text for c in Choice.objects.filter(question__course=course, is_correct=True)]
    page.locator("fieldset").nth(0).get_by_label(wrong[0]).check()
    page.locator("fieldset").nth(1).get_by_label(right[1]).check()
    page.get_by_role("button", name="Enviar mis respuestas").click()
    page.wait_for_load_state()
    assert "1 de 2 correctas (50 %)." in page.inner_text(".classroom-score")
    page.get_by_role("link", name="Intentar de nuevo").click()
    page.wait_for_load_state()
    for index in range(2):
        page.locator("fieldset").nth(index).get_by_label(right[index]).check()
    assert fits(page)
    page.get_by_role("button", name="Enviar mis respuestas").click()
    page.wait_for_load_state()
    assert "Curso completado: Vender en Encadena" in page.inner_text(".classroom-score")

    page.goto(home)
    step = page.locator('[data-step="course"]')
    assert "✓" in step.inner_text()
    page.goto(f"{live_server.url}/tiendas/{membership.vendor.slug}/")
    assert "Curso completado: Vender en Encadena" in page.inner_text(".store-header")
    context.close()
