"""The head unit's side of the backend: HTTP transport (transport.py), client (client.py),
credential (credentials.py), offline cache (cache.py, live_data.py), the outbox
(outbox.py, actions.py, operations.py), the sync worker (sync.py) and the local
reference backend process (local_server.py).

Nothing is imported here: requests, urllib3 and OpenSSL cost ~20 MB, and a caller
that only needs the errors or the outbox must not pay for the HTTP stack.
"""
