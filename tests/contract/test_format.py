"""The code reads one way: `ruff check` and `ruff format` (pyproject.toml) pass on the
whole tree, in `make test` as in `make lint`."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.parametrize("command", [["format", "--check"], ["check"]])
def test_ruff_passes_on_the_whole_tree(command):
    result = subprocess.run(
        [str(RUFF), *command, "."],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
