#!/usr/bin/env bash
# Prepare a fresh Debian/Ubuntu machine for the head unit: the system libraries
# Qt needs (installed only when missing), then .venv with the package.
# Re-running is cheap: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
EXTRAS=${EXTRAS:-test,backend}

# Qt's xcb platform plugin and its X libraries, EGL/GL for Qt Quick, fontconfig
# and fonts (Latin, and CJK for the Chinese translation), D-Bus, libpulse0 for
# QtMultimedia, xvfb + xauth for a virtual screen.
SYSTEM_PACKAGES=(
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libxkbcommon0 libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 fonts-dejavu-core
  fonts-wqy-microhei
  libdbus-1-3 libglib2.0-0 libpulse0 xvfb xauth
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi

pick_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

PYTHON=$(pick_python || true)
if [ -z "$PYTHON" ] && command -v apt-get >/dev/null 2>&1; then
  missing+=(python3 python3-venv)
fi

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "bootstrap: missing system packages: ${missing[*]}; install them as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "bootstrap: installing system packages: ${missing[*]}"
  apt_log=$(mktemp -t headunit-apt.XXXXXX)
  if ! { $SUDO apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
       >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    echo "bootstrap: installing system packages failed (log: $apt_log)" >&2
    exit 1
  fi
  rm -f "$apt_log"
  PYTHON=${PYTHON:-$(pick_python || true)}
fi

if [ -z "$PYTHON" ]; then
  echo "bootstrap: Python >= 3.11 with venv is needed and none was found (tried python3.13, python3.12, python3.11, python3)" >&2
  exit 1
fi

stamp="$VENV/.headunit-installed"
want="$(cat pyproject.toml constraints.txt scripts/bootstrap.sh 2>/dev/null | sha256sum | cut -d' ' -f1) $EXTRAS"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$VENV/bin/headunit" ]; then
  exit 0
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# pip's and the build backend's chatter goes to a log, shown only when it fails.
pip_log="$VENV/pip-install.log"
if ! { "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip &&
       "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
         -c constraints.txt -e ".[$EXTRAS]"; } >"$pip_log" 2>&1; then
  cat "$pip_log" >&2
  echo "bootstrap: installing the Python packages failed (log: $pip_log)" >&2
  exit 1
fi
echo "$want" > "$stamp"
echo "bootstrap: $VENV ready"
