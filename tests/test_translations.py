"""Translations (headunit/i18n): complete, up to date with the code, compiled, and used.

Each .ts file must translate every string the code marks (qsTr in QML,
QCoreApplication.translate / QT_TRANSLATE_NOOP in Python) and keep its
placeholders; each committed .qm must carry what its .ts says; and the app must
start in every language, falling back to English with a warning for an unknown one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "headunit" / "i18n"
SCRIPT = ROOT / "scripts" / "update_translations.sh"
LANGUAGES = ("de", "zh_CN")  # DESIGN.md: English, Simplified Chinese, German at least
# Qt's placeholders: %1..%99, %L1 (localised number), %n (plural count).
PLACEHOLDER = re.compile(r"%L?(?:\d{1,2}|n)")
FIX = "run scripts/update_translations.sh and translate what it adds"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]  # one, or one per plural form
    finished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def read_ts(path: Path) -> tuple[str, list[Message]]:
    """The target language and the live messages (not vanished/obsolete) of a .ts file."""
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name}: message without <translation>"
            kind = translation.get("type", "")
            if kind in ("vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            messages.append(Message(name, message.findtext("source", ""), message.findtext("comment", ""),
                                    texts, kind != "unfinished"))
    return root.get("language", ""), messages


def ts_path(language: str) -> Path:
    return I18N / f"headunit_{language}.ts"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_finished(language: str) -> None:
    declared, messages = read_ts(ts_path(language))
    assert declared == language
    assert messages, f"{ts_path(language).name} has no messages; {FIX}"
    unfinished = [str(m) for m in messages if not m.finished or not all(t.strip() for t in m.translations)]
    assert not unfinished, f"{language}: untranslated or unfinished: {unfinished}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    _, messages = read_ts(ts_path(language))
    wrong = []
    for message in messages:
        expected = sorted(PLACEHOLDER.findall(message.source))
        for text in message.translations:
            found = sorted(PLACEHOLDER.findall(text))
            # A plural form may leave %n out ("one item"), never add or lose %1.
            if [p for p in found if p != "%n"] != [p for p in expected if p != "%n"]:
                wrong.append(f"{message} -> {text!r}")
    assert not wrong, f"{language}: placeholders differ from the source: {wrong}"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The i18n folder as scripts/update_translations.sh makes it from today's sources.

    The script runs on a copy of the package, so the working tree is never touched.
    """
    if shutil.which("bash") is None:
        pytest.skip("bash is needed to run scripts/update_translations.sh")
    copy = tmp_path_factory.mktemp("i18n-check")
    shutil.copytree(ROOT / "headunit", copy / "headunit",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (copy / "scripts").mkdir()
    shutil.copy2(SCRIPT, copy / "scripts" / SCRIPT.name)
    env = dict(os.environ, VENV=str(Path(sys.executable).parent.parent))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(["bash", str(copy / "scripts" / SCRIPT.name)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"update_translations.sh failed:\n{result.stdout}\n{result.stderr}"
    return copy / "headunit" / "i18n"


@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_files_are_up_to_date_with_the_sources(language: str, regenerated: Path) -> None:
    _, committed = read_ts(ts_path(language))
    _, current = read_ts(regenerated / ts_path(language).name)
    committed_keys = {m.key for m in committed}
    current_keys = {m.key for m in current}
    # The extraction really reads both QML and Python (guards against a broken source list).
    contexts = {m.context for m in current}
    assert {"Main", "StatusBarPanel", "HomeView", "Areas", "Startup"} <= contexts, contexts
    missing = sorted(f"{c}: {s!r}" for c, s, _ in current_keys - committed_keys)
    stale = sorted(f"{c}: {s!r}" for c, s, _ in committed_keys - current_keys)
    assert not missing, f"{language}: strings in the code but not in the .ts file ({FIX}): {missing}"
    assert not stale, f"{language}: strings no longer in the code ({FIX}): {stale}"
    # Re-running the script keeps every translation as it is.
    assert {m.key: m.translations for m in current} == {m.key: m.translations for m in committed}


@pytest.mark.parametrize("language", LANGUAGES)
def test_qm_files_match_the_ts_files(language: str) -> None:
    qm = I18N / f"headunit_{language}.qm"
    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm.name} is missing or unreadable; {FIX}"
    _, messages = read_ts(ts_path(language))
    stale = []
    for message in messages:
        comment = message.comment or None
        if len(message.translations) == 1:
            got = translator.translate(message.context, message.source, comment)
            if got != message.translations[0]:
                stale.append(f"{message}: .qm has {got!r}, .ts has {message.translations[0]!r}")
        elif translator.translate(message.context, message.source, comment, 1) not in message.translations:
            stale.append(f"{message}: plural forms differ")
    assert not stale, f"{qm.name} is older than {ts_path(language).name} ({FIX}): {stale}"


def test_area_titles_are_translated() -> None:
    expected = {"de": "Karte", "zh_CN": "地图"}
    for language, map_title in expected.items():
        translator = QTranslator()
        assert translator.load(str(I18N / f"headunit_{language}.qm"))
        assert translator.translate("Areas", "Map") == map_title


def run_headunit(language: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    shot = tmp_path / f"{language}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "headunit", "--platform", "offscreen", "--lang", language,
         "--screenshot", str(shot), "--data-dir", str(tmp_path / f"data-{language}")],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    return result, shot


@pytest.mark.parametrize("language", LANGUAGES)
def test_head_unit_starts_translated(language: str, tmp_path: Path) -> None:
    result, shot = run_headunit(language, tmp_path)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
    assert "no translation for language" not in result.stderr, result.stderr


def test_unknown_language_starts_in_english_with_a_warning(tmp_path: Path) -> None:
    result, shot = run_headunit("fr", tmp_path)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
    assert "no translation for language 'fr'; showing English" in result.stderr, result.stderr
