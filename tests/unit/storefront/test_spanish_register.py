"""One register, usted, in everything we say in Spanish: pages, e-mails and text messages
all take their words from our catalogue."""

from pathlib import Path

from babel.messages.pofile import read_po

from tests.spanish import text_problems

CATALOGUE = Path(__file__).resolve().parents[3] / "shop/locale/es/LC_MESSAGES/django.po"


def test_no_translation_of_ours_says_tu_or_faulty_spanish():
    with CATALOGUE.open("rb") as po:
        messages = [message for message in read_po(po) if message.id]
    translations = [
        text
        for message in messages
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
    ]

    assert len(translations) > 1000
    assert text_problems(translations, english=False) == []
