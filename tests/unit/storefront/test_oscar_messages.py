"""Our Spanish for Oscar's messages only works while each msgid is, character for
character, one Oscar still uses: a new Oscar release that rewords one would silently bring
its English (or its "tú") back."""

import ast
import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import oscar
import pytest
from babel.messages.pofile import read_po

from shop.storefront import oscar_messages

CALLS = {"gettext_noop", "ngettext_lazy", "pgettext_lazy"}
CATALOGUE = Path(__file__).resolve().parents[3] / "shop/locale/es/LC_MESSAGES/django.mo"


def listed_messages() -> list[tuple[str | None, str]]:
    """(context, msgid) of every message in OSCAR_MESSAGES, read from the source."""
    tree = ast.parse(Path(oscar_messages.__file__).read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in CALLS:
            values = [argument.value for argument in node.args]
            found.append(
                (values[0], values[1]) if node.func.id == "pgettext_lazy" else (None, values[0])
            )
    return found


@pytest.fixture(scope="module")
def oscar_msgids(tmp_path_factory) -> set[tuple[str | None, str]]:
    """Every msgid in the installed Oscar's code and templates, extracted as `make
    messages` extracts ours."""
    if shutil.which("xgettext") is None:
        pytest.skip("needs GNU gettext (apt-get install gettext), as `make messages` does")
    copy = tmp_path_factory.mktemp("oscar") / "oscar"
    shutil.copytree(
        Path(oscar.__file__).parent,
        copy,
        ignore=shutil.ignore_patterns("locale", "static", "__pycache__"),
    )
    (copy / "locale").mkdir()
    environment = {
        key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "es", "--no-location"],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
    )
    with open(copy / "locale/es/LC_MESSAGES/django.po", "rb") as po:
        return {
            (message.context, message.id if isinstance(message.id, str) else message.id[0])
            for message in read_po(po)
            if message.id
        }


def test_every_listed_message_is_still_one_of_oscars(oscar_msgids):
    listed = listed_messages()

    assert len(listed) > 150
    assert [message for message in listed if message not in oscar_msgids] == []


def test_every_listed_message_has_our_spanish():
    catalogue = gettext.GNUTranslations(CATALOGUE.open("rb"))._catalog
    keys = {key[0] if isinstance(key, tuple) else key: value for key, value in catalogue.items()}

    untranslated = [
        msgid
        for context, msgid in listed_messages()
        if not keys.get(f"{context}\x04{msgid}" if context else msgid)
    ]

    assert untranslated == []
