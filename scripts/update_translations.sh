#!/usr/bin/env bash
# Refresh the translation sources and compile them.
#
#   scripts/update_translations.sh          update every headunit/i18n/headunit_*.ts
#   scripts/update_translations.sh fr ja    ... and start new languages fr and ja
#
# pyside6-lupdate collects every qsTr() in headunit/qml and every
# QCoreApplication.translate / QT_TRANSLATE_NOOP in headunit/**/*.py into each
# .ts file; translations already in a .ts file are kept, strings that left the
# code are dropped. pyside6-lrelease then compiles each .ts file to the .qm file
# the app loads (headunit/i18n/headunit_<lang>.qm, committed with the .ts).
# No source locations are written, so moving code does not touch the .ts files.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
I18N=headunit/i18n
DEFAULT_LANGUAGES=(de zh_CN)

tool() {
  if [ -x "$VENV/bin/$1" ]; then echo "$VENV/bin/$1"
  elif command -v "$1" >/dev/null 2>&1; then command -v "$1"
  else echo "update_translations: $1 not found; run scripts/bootstrap.sh first" >&2; exit 1
  fi
}
LUPDATE=$(tool pyside6-lupdate)
LRELEASE=$(tool pyside6-lrelease)

languages=()
for ts in "$I18N"/headunit_*.ts; do
  [ -e "$ts" ] || continue
  name=${ts##*/headunit_}
  languages+=("${name%.ts}")
done
[ ${#languages[@]} -gt 0 ] || languages=("${DEFAULT_LANGUAGES[@]}")
for lang in "$@"; do
  if ! [[ $lang =~ ^[a-z]{2,3}(_[A-Z]{2})?$ ]]; then
    echo "update_translations: '$lang' is not a language code like de or zh_CN" >&2
    exit 2
  fi
  [[ " ${languages[*]} " == *" $lang "* ]] || languages+=("$lang")
done

mapfile -t sources < <(
  find headunit/qml headunit/apps -type f \( -name '*.qml' -o -name '*.js' \) | LC_ALL=C sort
  find headunit -type f -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort
)

mkdir -p "$I18N"
for lang in "${languages[@]}"; do
  "$LUPDATE" -silent -locations none -no-obsolete -source-language en -target-language "$lang" \
    "${sources[@]}" -ts "$I18N/headunit_$lang.ts"
  "$LRELEASE" "$I18N/headunit_$lang.ts" -qm "$I18N/headunit_$lang.qm"
done
