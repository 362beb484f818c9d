"""The reference backend's demo audio, synthesised: never recorded music.

media_files.py writes it to disk; this module only renders the bytes.

Every file is generated from the recipes below with the standard library only (16-bit
mono PCM, 22,050 Hz), the same bytes on every run on a platform: stations are 20 s loops with one
timbre each, tracks are chord progressions with an arpeggio that ring out on the tonic,
podcast episodes are a short jingle and then speech-like babble (formant-filtered voiced
syllables with noise-modulated loudness and hissed consonants). No copyrighted material.

Speed: a tone is one precomputed loop of whole cycles repeated (C speed, not per sample),
envelopes are multiplied by ``map``, and each distinct chord or syllable is rendered once
and reused. Mixing is done on int32 values holding ``sample << 16``; the 16-bit sample is
the high half of each int32, taken from the bytes without a Python loop.
"""

from __future__ import annotations

import io
import math
import random
import sys
import wave
from array import array
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import accumulate, chain, repeat
from operator import add, mul

RATE = 22_050
GENERATOR_VERSION = 1  # bump when synthesis changes, so existing files are rewritten
_FULL = 32_767
_ONE = 1 << 16  # envelope value for gain 1.0
_TABLE = 4096
_HIGH_HALF = 1 if sys.byteorder == "little" else 0

_TIMBRES: dict[str, tuple[tuple[int, float], ...]] = {  # (harmonic, amplitude)
    "sine": ((1, 1.0), (2, 0.04)),
    "flute": ((1, 1.0), (2, 0.18), (3, 0.06)),
    "epiano": ((1, 1.0), (2, 0.35), (3, 0.05), (4, 0.12), (7, 0.03)),
    "bell": ((1, 1.0), (2, 0.5), (3, 0.1), (4, 0.25), (6, 0.08)),
    "organ": ((1, 1.0), (2, 0.6), (3, 0.35), (4, 0.2), (6, 0.12), (8, 0.08)),
    "strings": ((1, 1.0), (2, 0.5), (3, 0.33), (4, 0.25), (5, 0.2), (6, 0.16), (7, 0.12), (8, 0.1)),
    "square": ((1, 1.0), (3, 0.33), (5, 0.2), (7, 0.14)),
    "pluck": ((1, 1.0), (2, 0.7), (3, 0.45), (4, 0.3), (5, 0.18), (6, 0.1)),
}
# Just-intonation chords: bass an octave below the root, then root, third, fifth (, seventh).
_CHORDS: dict[str, tuple[int, ...]] = {
    "maj": (2, 4, 5, 6), "min": (5, 10, 12, 15), "maj7": (4, 8, 10, 12, 15),
    "min7": (5, 10, 12, 15, 18), "dom7": (2, 4, 5, 6, 7), "sus2": (4, 8, 9, 12), "pow": (1, 2, 3, 4),
}
# Vowel formants F1, F2 in Hz: a, e, i, o, u.
_VOWELS = ((800, 1200), (500, 1800), (320, 2300), (500, 900), (340, 800))


@dataclass(frozen=True)
class Music:
    """A chord progression with an arpeggio (lead) over a sustained chord (pad)."""

    key_hz: float
    chords: tuple[tuple[int, str], ...]  # (semitones above key, chord name)
    chord_s: float  # seconds per chord
    steps: tuple[float, ...]  # relative step lengths within one chord
    pattern: tuple[int | None, ...]  # per step: chord tone index, -1 whole chord, None rest
    lead: str
    pad: str
    lead_gain: float = 0.5
    pad_gain: float = 0.3
    decay_s: float = 0.25
    pad_edge_s: float = 0.06  # pad attack and release
    drive: float = 0.0  # soft-clip the chord (rock)
    loop: bool = False  # stations: whole progressions, no ending


@dataclass(frozen=True)
class Speech:
    """A podcast episode: a jingle, then babble in one voice."""

    pitch_hz: float
    seed: int
    jingle: Music


@dataclass(frozen=True)
class AudioFile:
    duration_s: float
    recipe: Music | Speech

    @property
    def frames(self) -> int:
        return round(self.duration_s * RATE)


def _swing(n: int) -> tuple[float, ...]:
    return (2.0, 1.0) * (n // 2)


_EVEN4, _EVEN8 = (1.0,) * 4, (1.0,) * 8
_BRIGHT_JINGLE = Music(261.63, ((0, "maj"), (7, "maj")), 0.7, _EVEN4, (0, 1, 2, 3), "bell", "sine", decay_s=0.3,
                       pad_gain=0.2)
_WARM_JINGLE = Music(196.0, ((0, "min"), (10, "maj")), 0.7, _EVEN4, (3, 2, 1, 0), "epiano", "organ", decay_s=0.3,
                     pad_gain=0.2)
AUDIO: dict[str, AudioFile] = {
    "st-1": AudioFile(20.0, Music(174.61, ((2, "min7"), (7, "dom7"), (0, "maj7"), (9, "min7")), 5 / 3,
                                  _swing(8), (0, 1, 2, 3, 2, 1, None, 2), "epiano", "organ",
                                  decay_s=0.35, pad_gain=0.25, loop=True)),
    "st-2": AudioFile(20.0, Music(146.83, ((0, "maj"), (9, "min"), (5, "maj"), (7, "maj")), 5 / 3,
                                  (1.0,) * 12, (0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0, 1), "pluck", "strings",
                                  lead_gain=0.45, pad_gain=0.4, decay_s=0.3, pad_edge_s=0.3, loop=True)),
    "st-3": AudioFile(20.0, Music(220.0, ((0, "min"), (8, "maj"), (3, "maj"), (10, "maj")), 1.0,
                                  _EVEN8, (0, 2, 1, 3, 0, 2, 4, 2), "square", "sine",
                                  lead_gain=0.45, decay_s=0.09, loop=True)),
    "st-4": AudioFile(20.0, Music(196.0, ((0, "sus2"), (7, "sus2"), (9, "min"), (0, "sus2")), 5 / 3,
                                  (1.0, 1.0, 2.0, 1.0, 1.0, 2.0), (0, 2, 3, None, 1, 4), "pluck", "flute",
                                  lead_gain=0.6, pad_gain=0.15, decay_s=0.6, pad_edge_s=0.4, loop=True)),
    "st-5": AudioFile(20.0, Music(164.81, ((0, "maj7"), (5, "maj7"), (9, "min7"), (5, "maj7")), 2.5,
                                  _EVEN4, (3, 1, 2, None), "sine", "flute",
                                  lead_gain=0.35, pad_gain=0.45, decay_s=1.2, pad_edge_s=1.0, loop=True)),
    "st-6": AudioFile(20.0, Music(82.41, ((0, "pow"), (3, "pow"), (5, "pow"), (8, "pow")), 1.0,
                                  _EVEN8, (-1, -1, None, -1, -1, -1, None, -1), "strings", "strings",
                                  lead_gain=0.8, pad_gain=0.12, decay_s=0.2, drive=2.5, loop=True)),
    "tr-1": AudioFile(16.0, Music(261.63, ((0, "maj"), (7, "maj"), (9, "min"), (5, "maj")), 1.2,
                                  _EVEN4, (0, 1, 2, 1), "bell", "organ", decay_s=0.3, pad_gain=0.2)),
    "tr-2": AudioFile(15.0, Music(146.83, ((0, "maj7"), (5, "maj7"), (2, "min7"), (7, "dom7")), 1.7,
                                  (1.0,) * 6, (0, 1, 2, 3, 2, 1), "flute", "strings", decay_s=0.4)),
    "tr-3": AudioFile(15.0, Music(185.0, ((0, "min"), (5, "min"), (8, "maj"), (7, "maj")), 1.1,
                                  _EVEN8, (0, 1, 2, 3, 4, 3, 2, 1), "square", "sine", lead_gain=0.4, decay_s=0.1)),
    "tr-4": AudioFile(15.0, Music(196.0, ((0, "maj"), (5, "maj"), (2, "min"), (7, "dom7")), 1.65,
                                  _EVEN4, (0, 2, 1, 3), "pluck", "organ", decay_s=0.35, pad_gain=0.2)),
    "tr-5": AudioFile(15.0, Music(164.81, ((0, "min"), (5, "min"), (10, "maj"), (3, "maj")), 1.6,
                                  _swing(8), (0, 2, 1, 3, 2, 4, None, 1), "epiano", "strings", decay_s=0.3)),
    "tr-6": AudioFile(16.0, Music(174.61, ((0, "maj"), (9, "min"), (2, "min7"), (7, "dom7")), 1.75,
                                  (1.0, 1.0, 1.0), (0, 2, 3), "bell", "flute", decay_s=0.45, pad_gain=0.25)),
    "tr-7": AudioFile(15.0, Music(155.56, ((0, "maj7"), (9, "min7"), (2, "min7"), (7, "dom7")), 1.7,
                                  _EVEN8, (0, 2, 4, 3, 1, 3, 2, None), "sine", "strings",
                                  decay_s=0.5, pad_gain=0.35, pad_edge_s=0.4)),
    "tr-8": AudioFile(17.0, Music(138.59, ((0, "min"), (8, "maj"), (10, "maj"), (5, "min")), 0.95,
                                  _EVEN8, (0, 3, 2, 3, 1, 3, 2, 4), "square", "organ", lead_gain=0.4,
                                  decay_s=0.12, pad_gain=0.2)),
    "tr-9": AudioFile(15.0, Music(233.08, ((0, "maj"), (4, "min"), (5, "maj"), (7, "maj")), 1.1,
                                  (1.0,) * 5, (0, 1, 2, 3, 2), "flute", "organ", decay_s=0.3, pad_gain=0.2)),
    "ep-1": AudioFile(30.0, Speech(205.0, 1, _BRIGHT_JINGLE)),
    "ep-2": AudioFile(31.0, Speech(205.0, 2, _BRIGHT_JINGLE)),
    "ep-3": AudioFile(30.0, Speech(118.0, 3, _WARM_JINGLE)),
    "ep-4": AudioFile(30.0, Speech(118.0, 4, _WARM_JINGLE)),
}
FILE_IDS: tuple[str, ...] = tuple(AUDIO)


def duration_s(file_id: str) -> float:
    """The exact length of a file's audio (frames / rate)."""
    return AUDIO[file_id].frames / RATE


# --- synthesis -------------------------------------------------------------------------
# Values are lists of ints (faster than arrays under map). A loop holds whole cycles at up
# to gain * full scale; times an envelope (0.._ONE) it becomes sample << 16, which mixes by
# plain addition and fits an int32 while the gains of a mix add up to at most 1.


@lru_cache(maxsize=None)
def _sine() -> list[float]:
    return [math.sin(2 * math.pi * i / _TABLE) for i in range(_TABLE)]


def _sum(parts: list[list[float]]) -> list[float]:
    return reduce(lambda a, b: list(map(add, a, b)), parts)


@lru_cache(maxsize=None)
def _table(timbre: str) -> list[float]:
    """One cycle of the timbre in _TABLE samples."""
    sine, mask = _sine(), _TABLE - 1
    return _sum([[a * sine[(k * i) & mask] for i in range(_TABLE)] for k, a in _TIMBRES[timbre]])


def _cycles(table: list[float], steps: list[float | int], weights: list[float], length: int) -> list[float]:
    """sum(weight * table at `step` table entries per sample), `length` samples, step * length a multiple of _TABLE."""
    mask = _TABLE - 1
    return _sum([[w * table[(x // length) & mask] for x in range(0, s * length, s)] for s, w in zip(steps, weights)])


def _loop_length(unit_hz: float) -> tuple[int, int]:
    """(cycles, samples): the shortest loop of whole cycles whose pitch is within 0.7 cents."""
    period = RATE / unit_hz
    best = (1.0, 1, round(period))
    for cycles in range(1, 64):
        length = round(cycles * period)
        error = abs(length - cycles * period) / (cycles * period)
        if length >= 200 and error < 0.0004:
            return cycles, length
        best = min(best, (error, cycles, length))
    return best[1], best[2]


@lru_cache(maxsize=None)
def _wave(timbre: str, unit_hz: float, ratios: tuple[int, ...], drive: float) -> tuple[list[float], float]:
    """Whole cycles of the notes unit_hz * ratio (the first, the bass, weighted up), and its peak."""
    top = max(ratios) * unit_hz * max(k for k, _ in _TIMBRES[timbre])
    if top >= RATE / 2:
        raise ValueError(f"{timbre} at {top:.0f} Hz aliases: keep partials under {RATE // 2} Hz")
    cycles, length = _loop_length(unit_hz)
    weights = [1.4 if i == 0 and len(ratios) > 1 else 1.0 for i in range(len(ratios))]
    wave = _cycles(_table(timbre), [cycles * r * _TABLE for r in ratios], weights, length)
    if drive:  # soft clipping of the normalised chord
        peak = max(map(abs, wave))
        wave = [math.tanh(drive * x / peak) for x in wave]
    return wave, max(map(abs, wave))


@lru_cache(maxsize=None)
def _loop(timbre: str, unit_hz: float, ratios: tuple[int, ...], gain: float, drive: float = 0.0) -> list[int]:
    """_wave as ints peaking at gain * full scale."""
    wave, peak = _wave(timbre, unit_hz, ratios, drive)
    return list(map(int, map((gain * _FULL / peak).__mul__, wave)))


def _repeat(loop: list[int], n: int, start: int = 0) -> list[int]:
    """n samples of the endless loop from sample `start` on."""
    start %= len(loop)
    return (loop[start:] + loop * ((n + start) // len(loop)))[:n]


@lru_cache(maxsize=None)
def _decay_env(n: int, decay_s: float) -> list[int]:
    """Pluck: 4 ms attack, exponential decay in 16-sample steps, the last 3 ms down to zero."""
    attack, tail, block = int(0.004 * RATE), int(0.003 * RATE), 16
    levels = accumulate(repeat(math.exp(-block / (decay_s * RATE)), n // block), mul, initial=float(_ONE))
    env = list(chain.from_iterable(map(repeat, map(int, levels), repeat(block))))[:n]
    for i in range(min(attack, n)):
        env[i] = env[i] * i // attack
    for j in range(1, min(tail, n) + 1):
        env[n - j] = env[n - j] * (j - 1) // tail
    return env


@lru_cache(maxsize=None)
def _ramp(n: int) -> list[int]:
    return [int(_ONE * math.sin(0.5 * math.pi * i / n) ** 2) for i in range(n)]


def _plucked(loop: list[int], n: int, decay_s: float) -> list[int]:
    return list(map(mul, _repeat(loop, n), _decay_env(n, decay_s)))


@lru_cache(maxsize=None)
def _note(timbre: str, hz: float, gain: float, n: int, decay_s: float) -> list[int]:
    return _plucked(_loop(timbre, hz, (1,), gain), n, decay_s)


@lru_cache(maxsize=None)
def _shifted(*key: object) -> list[int]:
    """_loop(*key) times _ONE: the sustained part of a pad."""
    return [v << 16 for v in _loop(*key)]


def _pad(key: tuple, n: int, edge: int) -> list[int]:
    """_loop(*key) sustained: constant loudness, smooth attack and release of `edge` samples."""
    loop, ramp = _loop(*key), _ramp(edge)
    head = list(map(mul, _repeat(loop, edge), ramp))
    tail = list(map(mul, _repeat(loop, edge, n - edge), reversed(ramp)))
    return head + _repeat(_shifted(*key), n - 2 * edge, edge) + tail


def _pcm(mixed: list[int]) -> bytes:
    """Values holding sample << 16 -> native 16-bit samples (the int32s' high halves), as wave takes them."""
    return array("h", array("i", mixed).tobytes())[_HIGH_HALF::2].tobytes()


def _chord(music: Music, semitones: int, name: str) -> tuple[float, tuple[int, ...]]:
    ratios = _CHORDS[name]
    return music.key_hz * 2 ** (semitones / 12) / ratios[1], ratios


@lru_cache(maxsize=None)
def _segment(music: Music, semitones: int, name: str, n: int) -> bytes:
    """One chord, n samples: the lead's pattern over the pad."""
    unit, ratios = _chord(music, semitones, name)
    tones = [r * unit for r in ratios[1:]] + [2 * r * unit for r in ratios[1:]]
    total = sum(music.steps)
    edges = [round(n * sum(music.steps[:j]) / total) for j in range(len(music.steps) + 1)]
    line: list[int] = []
    for j, index in enumerate(music.pattern):
        length = edges[j + 1] - edges[j]
        if index is None:
            line += repeat(0, length)
        elif index < 0:
            line += _plucked(_loop(music.pad, unit, ratios, music.lead_gain, music.drive), length, music.decay_s)
        else:
            line += _note(music.lead, tones[index % len(tones)], music.lead_gain, length, music.decay_s)
    if music.pad_gain:
        pad = (music.pad, unit, ratios, music.pad_gain, music.drive)
        line = list(map(add, line, _pad(pad, n, min(n // 3, int(music.pad_edge_s * RATE)))))
    return _pcm(line)


def _ending(music: Music, n: int) -> bytes:
    """The first chord rings out over n samples, with the lead on its root."""
    unit, ratios = _chord(music, *music.chords[0])
    ring = _plucked(_loop(music.pad, unit, ratios, music.pad_gain + 0.2, music.drive), n, n / RATE / 4)
    m = min(n, RATE // 2)
    lead = _plucked(_loop(music.lead, unit * ratios[1], (1,), music.lead_gain * 0.7), m, 0.15)
    return _pcm(list(map(add, ring[:m], lead)) + ring[m:])


def _music(music: Music, frames: int) -> list[bytes]:
    seg = round(music.chord_s * RATE)
    cycle = seg * len(music.chords)
    if music.loop:
        if frames % cycle:
            raise ValueError(f"a loop of {frames} frames is not a whole number of {cycle}-frame progressions")
        count = frames // seg
    else:
        count = (frames - RATE) // cycle * len(music.chords)  # whole progressions, >= 1 s to ring out
    parts = [_segment(music, *music.chords[i % len(music.chords)], seg) for i in range(count)]
    end = frames - count * seg
    return parts + ([_ending(music, end)] if end else [])


@lru_cache(maxsize=None)
def _glottal(pitch_hz: float, vowel: int) -> list[int]:
    """One glottal period (512 samples), harmonics falling off, lifted near the vowel's formants."""
    f1, f2 = _VOWELS[vowel]
    harmonics = range(1, int(3500 / pitch_hz) + 1)
    weights = [(1 / (1 + ((k * pitch_hz - f1) / 90) ** 2) + 0.7 / (1 + ((k * pitch_hz - f2) / 130) ** 2) + 0.03)
               / k ** 0.5 for k in harmonics]
    wave = _cycles(_sine(), [k * _TABLE for k in harmonics], weights, 512)
    scale = _FULL / max(map(abs, wave))
    return list(map(int, map(scale.__mul__, wave)))


@lru_cache(maxsize=None)
def _voiced(pitch_hz: float, step: float, vowel: int) -> list[int]:
    """One period at pitch_hz * step: the voice's period read faster or slower (interpolated)."""
    length = round(RATE / (pitch_hz * step))
    period = _glottal(pitch_hz, vowel)
    period = period + period[:1]
    out = []
    for i in range(length):
        j, frac = divmod(i * 512 / length, 1.0)
        out.append(int(period[int(j)] + frac * (period[int(j) + 1] - period[int(j)])))
    return out


@lru_cache(maxsize=None)
def _wobble(n: int, seed: int) -> list[int]:
    """A syllable's loudness: rise, hold, fall, wobbling with smoothed noise (1 ms knots, linear between)."""
    rng = random.Random(seed)
    block = RATE // 1000
    rise, fall = 0.025 * RATE, 0.05 * RATE
    knots = []
    level = target = 1.0
    for start in range(0, n + block, block):
        if start % (5 * block) == 0:
            target = 0.6 + 0.8 * rng.random()
        level += (target - level) * 0.2
        knots.append(0.7 * _ONE * level * max(0.0, min(1.0, start / rise, (n - 1 - start) / fall)))
    slopes = [(b - a) / block for a, b in zip(knots, knots[1:])]
    return list(map(int, accumulate(chain.from_iterable(map(repeat, slopes, repeat(block))), initial=0.0)))[:n]


@lru_cache(maxsize=None)
def _hiss(kind: int) -> bytes:
    """A consonant: differenced white noise (a hiss, not a rumble) under a sine bump."""
    rng = random.Random(kind)
    n = int((0.05, 0.08)[kind] * RATE)
    noise = [rng.random() - 0.5 for _ in range(n + 1)]
    gain = 0.2 * _ONE * _FULL
    return _pcm([int((noise[i + 1] - noise[i]) * gain * math.sin(math.pi * i / n)) for i in range(n)])


@lru_cache(maxsize=None)
def _vowel(pitch_hz: float, step: float, vowel: int, n: int) -> bytes:
    return _pcm(list(map(mul, _repeat(_voiced(pitch_hz, step, vowel), n), _wobble(n, vowel))))


def _speech(voice: Speech, frames: int) -> list[bytes]:
    """Sentences of 3-9 words of 1-3 syllables, then silence to exactly `frames`."""
    rng = random.Random(voice.seed)
    parts = [bytes(2 * int(0.3 * RATE))]
    used = len(parts[0]) // 2
    limit = frames - int(1.6 * RATE)  # room for the longest word and its pause
    while used < limit:
        words = 3 + int(rng.random() * 7)
        for w in range(words):
            last = w == words - 1
            for s in range(1 + int(rng.random() * 3)):
                level = 0 if last and s else 1 + int(rng.random() * 3)  # a sentence falls at its end
                length = int(RATE * (0.11, 0.16, 0.21)[int(rng.random() * 3)])
                if rng.random() < 0.3:
                    parts.append(_hiss(int(rng.random() * 2)))
                parts.append(_vowel(voice.pitch_hz, (0.92, 1.0, 1.07, 1.14)[level], int(rng.random() * 5), length))
            pause = (0.35 + 0.2 * rng.random()) if last else (0.06 + 0.06 * rng.random())
            parts.append(bytes(2 * int(pause * RATE)))
            used = sum(map(len, parts)) // 2
            if used >= limit:
                break
    return parts + [bytes(2 * (frames - used))]


_KEPT = (_sine, _table, _glottal, _voiced, _wobble, _ramp)  # small, and shared between files
_PER_FILE = (_wave, _loop, _decay_env, _note, _shifted, _segment, _hiss, _vowel)


def _render(file_id: str) -> bytes:
    """The file's 16-bit samples in native byte order (no header)."""
    audio = AUDIO[file_id]
    recipe = audio.recipe
    if isinstance(recipe, Music):
        return b"".join(_music(recipe, audio.frames))
    jingle = b"".join(_music(recipe.jingle, int(2.5 * RATE)))
    return jingle + b"".join(_speech(recipe, audio.frames - len(jingle) // 2))


def wav_bytes(file_id: str) -> bytes:
    """The whole WAV file (header and samples) of ``file_id``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(_render(file_id))
    return buffer.getvalue()


def clear_caches(per_file_only: bool = False) -> None:
    """Free the rendered notes and chords: after each file (``per_file_only``) or at the end."""
    for cached in _PER_FILE if per_file_only else _KEPT + _PER_FILE:
        cached.cache_clear()
