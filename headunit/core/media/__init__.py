"""Media without I/O: the play queue and its rules (queue.py) and who holds the audio focus
(audio_focus.py)."""
