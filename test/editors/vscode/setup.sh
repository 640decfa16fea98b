#!/usr/bin/env bash
# Provisions what the real-VS-Code tests need on a fresh Debian 12 machine (root, offline but for the
# npm registry and Debian's packages). Idempotent: run it as often as you like; it fails loudly.
#
#   - Debian: chromium (the browser the workbench runs in), fonts-ipafont-gothic (Japanese glyphs),
#     libkrb5-dev (code-server's `kerberos` native module), build tools for code-server's native modules.
#   - npm ci in this folder: code-server 4.100.3 (VS Code 1.100.3, the newest on Node 20) and playwright-core.
#     code-server's postinstall installs VS Code's own dependencies, among them @vscode/ripgrep 1.15.11, whose
#     postinstall downloads rg from GitHub (unreachable here). We pre-seed that download cache with the rg
#     binary that the npm package @vscode/ripgrep-linux-x64 ships (pinned in this folder's lockfile).
#
# Environment: SHITEI_SKIP_APT=1 skips apt (e.g. on a machine provisioned otherwise).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

log() { printf '[setup vscode] %s\n' "$*" >&2; }
die() { printf '[setup vscode] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'die "failed at line $LINENO: $BASH_COMMAND"' ERR

[ "$(uname -s)" = Linux ] || die "Linux only"
[ "$(uname -m)" = x86_64 ] || die "x86_64 only (the seeded ripgrep cache is x86_64-unknown-linux-musl)"
command -v node >/dev/null || die "node is not installed"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || die "code-server 4.100.3 needs Node 20 (found $(node --version))"

# --- Debian packages -------------------------------------------------------------------------------
apt_pkgs=(chromium fonts-ipafont-gothic libkrb5-dev python3 make g++ pkg-config ca-certificates)
if [ "${SHITEI_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${apt_pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    log "apt packages present"
  fi
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing"

# --- npm --------------------------------------------------------------------------------------------
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
  npm_config_update_notifier=false
# Where @vscode/ripgrep looks for its download cache: os.tmpdir(). Pin it so seeding and install agree.
export TMPDIR="${TMPDIR:-/tmp}"
mkdir -p "$TMPDIR"

stamp="node_modules/.shitei-setup-stamp"
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-$node_major"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/code-server ] \
  && [ -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ]; then
  log "node_modules up to date (delete $here/$stamp to force)"
else
  log "npm ci --ignore-scripts"
  rm -f "$stamp"
  npm ci --ignore-scripts --no-fund --no-audit --loglevel=error

  rg_src="node_modules/@vscode/ripgrep-linux-x64/bin/rg"
  [ -x "$rg_src" ] || die "$rg_src missing after npm ci"
  "$rg_src" --version >/dev/null || die "$rg_src does not run"

  # Seed the cache of every @vscode/ripgrep version that code-server's lib/vscode (and its extensions)
  # pin, by reading the postinstall's VERSION and package version from the packed code-server files.
  seed() { # seed <package version> <ripgrep release tag>
    local dir="$TMPDIR/vscode-ripgrep-cache-$1" asset="ripgrep-$2-x86_64-unknown-linux-musl.tar.gz" tmp
    mkdir -p "$dir"
    if [ ! -s "$dir/$asset" ]; then
      tmp="$(mktemp -d)"
      cp "$rg_src" "$tmp/rg"
      chmod 755 "$tmp/rg"
      tar -C "$tmp" -czf "$dir/$asset.part" rg
      mv "$dir/$asset.part" "$dir/$asset"
      rm -rf "$tmp"
      log "seeded $dir/$asset"
    fi
  }
  seeded=0
  while IFS= read -r lock; do
    while IFS=' ' read -r ver; do
      [ -n "$ver" ] || continue
      seed "$ver" v13.0.0-10
      seeded=1
    done < <(node -e '
      const l = require(process.argv[1]);
      for (const [k, v] of Object.entries(l.packages || {}))
        if (k.endsWith("node_modules/@vscode/ripgrep")) console.log(v.version);' "$here/$lock")
  done < <(find node_modules/code-server/lib/vscode -maxdepth 2 \( -name npm-shrinkwrap.json -o -name package-lock.json \))
  [ "$seeded" = 1 ] || die "could not find @vscode/ripgrep in code-server's lockfiles"

  log "npm rebuild (runs code-server's postinstall: VS Code's dependencies, ~1 min)"
  npm rebuild --foreground-scripts --loglevel=error >"$TMPDIR/shitei-vscode-rebuild.log" 2>&1 || {
    tail -60 "$TMPDIR/shitei-vscode-rebuild.log" >&2
    die "npm rebuild failed (full log: $TMPDIR/shitei-vscode-rebuild.log)"
  }
  [ -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ] || die "ripgrep not installed into code-server"
  echo "$want" >"$stamp"
fi

node_modules/.bin/code-server --version >/dev/null || die "code-server does not start"
node -e 'require("playwright-core")' || die "playwright-core missing"
log "ok: $(node_modules/.bin/code-server --version | head -1), $(/usr/bin/chromium --version 2>/dev/null)"
