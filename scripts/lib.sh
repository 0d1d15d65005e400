# Shared by scripts/demo and scripts/test.

# Python 3.12+: pyenv reads .python-version; elsewhere use python3.12 or a new enough python3.
find_python() {
  local candidate
  for candidate in python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "Storedesk needs Python 3.12 or newer; none was found." >&2
  exit 1
}

ensure_venv() {
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then
    rm -rf .venv
    "$(find_python)" -m venv .venv
  fi
}

# Install with the pinned versions of requirements/lock.txt.
pip_install() {
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements/lock.txt "$@"
}
