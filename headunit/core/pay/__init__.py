"""Reserve and pay, without I/O: what the driver can choose at a POI and what it costs
(quote.py), and the flow's screens and outcomes (flow.py)."""
