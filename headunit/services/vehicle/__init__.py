"""Vehicle signal sources: the scenario simulator, a CAN bus, a recorded CAN log."""
