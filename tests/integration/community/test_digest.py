"""The weekly digest: a member hears on Monday of the week before's posts in the sectors
and provinces it follows (not its own, not hidden, not older), at most a screenful and
how many more, by e-mail and by SMS if it gave a phone; once a week however often the
task runs; nothing followed or nothing new, nothing sent."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from logistics.models import Province
from shop import sms
from shop.community.models import BoardDigest, Post
from shop.community.notifications import DIGEST_POSTS
from shop.community.services import board_following_save
from shop.community.tasks import board_digests_send_task
from tests.factories import UserFactory
from vendors.models import Sector

pytestmark = pytest.mark.django_db

HAVANA = ZoneInfo("America/Havana")
MONDAY = datetime(2026, 3, 9, 8, 0, tzinfo=HAVANA)


def posted(author, title, when, **fields):
    post = Post.objects.create(author=author, kind="pregunta", title=title, body="…", **fields)
    Post.objects.filter(pk=post.pk).update(created_at=when)
    return post


def test_a_member_gets_last_weeks_posts_in_what_it_follows_once():
    food = Sector.objects.get(slug="alimentos-y-bebidas")
    villa_clara = Province.objects.get(name="Villa Clara")
    member = UserFactory(email="socia@example.test")
    writer = UserFactory()
    board_following_save(
        user=member, sectors=[food], provinces=[villa_clara], sms_phone="+53 5 111 2222"
    )
    last_week = MONDAY - timedelta(days=3)
    posted(writer, "Harina en Santa Clara", last_week, province=villa_clara)
    posted(writer, "Frascos para mermelada", last_week, sector=food)
    posted(writer, "Muebles", last_week)  # neither followed
    posted(member, "Mi propia pregunta", last_week, sector=food)
    posted(writer, "Hace dos semanas", MONDAY - timedelta(days=8), sector=food)
    posted(writer, "Oculta", last_week, sector=food, is_hidden=True)
    sms.outbox.clear()

    with time_machine.travel(MONDAY, tick=False):
        assert board_digests_send_task.apply().get() == 1
        assert board_digests_send_task.apply().get() == 0

    (message,) = mail.outbox
    assert message.to == ["socia@example.test"]
    assert message.subject == "2 publicaciones nuevas en la comunidad esta semana"
    assert "Harina en Santa Clara" in message.body and "Frascos para mermelada" in message.body
    for absent in ("Muebles", "Mi propia", "Hace dos semanas", "Oculta"):
        assert absent not in message.body
    (text,) = sms.outbox
    assert text.to == "+53 5 111 2222" and "2 publicaciones nuevas" in text.body
    assert list(BoardDigest.objects.values_list("week", "post_count")) == [(MONDAY.date(), 2)]


def test_a_busy_week_fits_one_screen_and_says_how_many_more():
    food = Sector.objects.get(slug="alimentos-y-bebidas")
    member = UserFactory(email="socia@example.test")
    writer = UserFactory()
    board_following_save(user=member, sectors=[food], provinces=[], sms_phone="")
    for number in range(DIGEST_POSTS + 3):
        posted(writer, f"Pregunta {number}", MONDAY - timedelta(days=2), sector=food)
    idle = UserFactory(email="nada@example.test")
    board_following_save(user=idle, sectors=[], provinces=[], sms_phone="")

    with time_machine.travel(MONDAY, tick=False):
        board_digests_send_task.apply()

    (message,) = mail.outbox
    assert message.body.count("/comunidad/") == DIGEST_POSTS + 2  # posts, the rest, following
    assert "Y 3 más:" in message.body


def test_the_digest_is_scheduled_weekly(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["community-board-digests"]
    assert entry["task"] == "community.board_digests_send"
    assert entry["schedule"].day_of_week == {1}
