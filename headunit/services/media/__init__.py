"""Media with I/O, no Qt: the persisted playback state (playback_state.py) and the local library."""
