"""The suite's own scheduling holds: with `--dist loadgroup` (.ci/run), every test of an
`xdist_group` runs on one worker, one after the other, so a module's costly fixture (the
demo marketplace) is built once. A pytest and pytest-xdist pair that loses the group (the
node id no longer takes its suffix) splits such a module over the workers and builds its
fixture once per test."""

import subprocess
import sys

PROBE = """
import os
import pytest

pytestmark = pytest.mark.xdist_group("probe")


@pytest.fixture(scope="module")
def built():
    with open(os.environ["PROBE_LOG"], "a") as log:
        log.write("built\\n")


@pytest.mark.parametrize("n", range(6))
def test_probe(built, n):
    with open(os.environ["PROBE_LOG"], "a") as log:
        log.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")
"""


def test_an_xdist_group_runs_on_one_worker_and_builds_its_module_fixture_once(tmp_path):
    (tmp_path / "test_probe.py").write_text(PROBE)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    log = tmp_path / "probe.log"

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:django",
            "-p",
            "no:randomly",
            "-n",
            "3",
            "--dist",
            "loadgroup",
            "test_probe.py",
        ],
        cwd=tmp_path,
        env={"PROBE_LOG": str(log), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    lines = log.read_text().split()
    assert lines.count("built") == 1
    assert len({line for line in lines if line != "built"}) == 1
