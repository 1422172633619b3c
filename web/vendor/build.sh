#!/usr/bin/env bash
# Rebuilds codemirror.js (one ES module with the CodeMirror 6 parts the rule editor uses) and
# CODEMIRROR-LICENSES.txt from the exact versions in package.json / package-lock.json.
# Needs node + npm and the npm registry; the result is committed, so running Sweep needs neither.
#   web/vendor/build.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/package-lock.json" "$here/codemirror-entry.js" "$work/"
cd "$work"
# the lock file pins every transitive package; no install scripts are needed (esbuild's binary
# comes as the optional package @esbuild/<platform>)
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

versions="$(node -e '
  const lock = require("./package-lock.json").packages;
  console.log(Object.keys(lock).filter(k => k.startsWith("node_modules/") && !lock[k].dev)
    .map(k => k.slice(13) + "@" + lock[k].version).sort().join(" "));')"
banner="/* CodeMirror 6 for Sweep's rule editor, bundled by web/vendor/build.sh with esbuild. MIT licensed: see CODEMIRROR-LICENSES.txt. Packages: $versions */"
./node_modules/.bin/esbuild codemirror-entry.js --bundle --format=esm --minify --legal-comments=none \
  --target=es2020 --banner:js="$banner" --outfile="$here/codemirror.js" --log-level=warning

{
  echo "Licences of the packages bundled into codemirror.js ($versions)."
  for pkg in $versions; do
    name="${pkg%@*}"
    echo
    echo "==== $pkg ===="
    cat node_modules/"$name"/LICENSE*
  done
} > "$here/CODEMIRROR-LICENSES.txt"
echo "wrote $here/codemirror.js ($(wc -c < "$here/codemirror.js") bytes) and CODEMIRROR-LICENSES.txt"
