from tests.localstripe_server import localstripe_url  # noqa: F401  (a fixture)
