# Installs what the build and tests need, at pinned versions, skipping what is there.
# Sourced by scripts/serve and scripts/test: it also sets PATH for them.
# Everything comes from the package registries this machine reaches (crates.io, npm,
# Debian); trunk is told never to download a tool itself.

set -euo pipefail

TRUNK_VERSION=0.21.14
JSONSCHEMA_VERSION=4.26.0
OPENPYXL_VERSION=3.1.5
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian's Chromium and its driver drive the browser tests, with its British English
# (chromium-l10n: without it dates are American); poppler-utils reads PDFs.
if [ "${1:-}" = "--with-browser" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -f /usr/lib/chromium/locales/en-GB.pak ] || missing+=(chromium-l10n)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi

  # Python's jsonschema checks docs/plan-format-v1.schema.json against the importer's
  # refusals (tests/schema_refusals.rs): an independent validator, with its format checker.
  # openpyxl reads back the app's Excel files in the browser tests (tests/e2e/sheets.test.mjs).
  for package in "jsonschema==$JSONSCHEMA_VERSION" "openpyxl==$OPENPYXL_VERSION"; do
    name="${package%%==*}"
    if [ "$(python3 -c "import importlib.metadata as m; print(m.version('$name'))" 2>/dev/null)" != "${package##*==}" ]; then
      say "Installing $package (pip)"
      # Debian's own Python refuses pip installs outside a virtual environment unless told.
      python3 -m pip install --quiet --disable-pip-version-check "$package" ||
        python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$package"
    fi
  done
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (compiles for about 13 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $BINDGEN_VERSION"
  # Not --locked: its own lock file pins a crate version that is no longer published.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi
if ! grep -q "wasm_bindgen = \"$BINDGEN_VERSION\"" "$ROOT/Trunk.toml"; then
  echo "Trunk.toml [tools] wasm_bindgen must be $BINDGEN_VERSION, the version in Cargo.lock" >&2
  exit 1
fi

# npm packages: sass, wasm-opt (binaryen), GOV.UK Frontend, Playwright and axe-core.
# The stamp holds the lock file's hash, so `npm ci` runs only when the lock changes.
stamp="$ROOT/node_modules/.lock-sha256"
want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "Installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
fi
