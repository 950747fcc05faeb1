"""HTML kept in the cache for everyone (a fragment, a whole page) holds this stand-in where
a form's CSRF token goes; each response gets its own visitor's token in its place."""

CSRF_STAND_IN = "csrf-token-of-the-visitor"
