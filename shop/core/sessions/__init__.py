"""Session engines. `db`: Django's database sessions, minus two costs on every request
that writes its session: the transaction of its own around the one INSERT or UPDATE when
saved in autocommit (as the session middleware saves, after the request's transaction),
and the query that asks whether a new random key is taken (the INSERT refuses it).
`cached_db`: the same, read from the shared cache (Redis) when there is one, so a page
reads its session without a query."""
