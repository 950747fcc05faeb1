"""Session engines. `db`: Django's database sessions, without a transaction of their own
around an update saved in autocommit, as the session middleware saves after the request's
transaction: a single UPDATE is atomic by itself, and BEGIN and COMMIT around it cost two
more round trips on every request that changes the session."""
