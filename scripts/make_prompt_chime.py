"""Generates headunit/assets/media/prompts/chime.wav: the navigation prompt's two-note chime.

Ours (synthesised here, no samples): 0.7 s, 22.05 kHz mono 16-bit, a fifth up with a soft
attack and decay so it is heard over music without startling. Run from the project root:
    .venv/bin/python scripts/make_prompt_chime.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
OUT = Path(__file__).resolve().parents[1] / "headunit" / "assets" / "media" / "prompts" / "chime.wav"


def note(frequency: float, seconds: float) -> list[float]:
    count = int(RATE * seconds)
    return [math.sin(2 * math.pi * frequency * i / RATE) * min(1.0, i / 300) * math.exp(-4.0 * i / count)
            for i in range(count)]


def main() -> None:
    samples = note(659.25, 0.3) + note(987.77, 0.4)  # E5 then B5
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 0.6 * 32767)) for s in samples))
    print(f"{OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
