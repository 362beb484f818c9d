"""Reserve and pay: the blocking steps (payments.py) and the driver's list of reservations,
orders and receipts from the local store (ledger.py)."""
