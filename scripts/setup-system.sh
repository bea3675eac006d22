#!/usr/bin/env bash
# Installs the system packages the tests and the demo need, from Debian's archive:
# Chromium, Firefox ESR and PostgreSQL (for the server's tests on a real database).
# Runs before `npm start` and `npm test`. Without root it installs nothing and says
# exactly what to run instead.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_BIN:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_BIN:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "CRM Privacy Guard needs these Debian/Ubuntu packages: ${missing[*]}" >&2
  echo "Install them once, then run the command again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null; then
  echo "Missing ${missing[*]} and no apt-get on this machine: install them with your package manager." >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian packages…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
echo "Installed ${missing[*]}." >&2
