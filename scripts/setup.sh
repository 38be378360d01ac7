# Puts Node.js 24 and pnpm 12.4.2 first on PATH, from the npm registry when the machine lacks them.
# Source it, so that PATH stays set in your shell:   . scripts/setup.sh
# The README's set-up command and .ci/run both use it. A machine that already has Node 24+ and pnpm
# 12.4.2 keeps its own; otherwise both go into .tools/ in the repository (ignored by git), through
# the machine's npm, which is left as it is (nothing is installed globally).
# Written to be sourced by bash or zsh: no `set -e`, no `exit`.

sitecare_setup() {
  local root tools bin major platform arch
  root=$(cd "$(dirname "$1")/.." && pwd) || return 1
  tools="$root/.tools/node24"
  bin="$tools/node_modules/.bin"
  local want_node=24 want_pnpm=12.4.2 packages=()

  # A Node 24 here from an earlier run comes first; then what the machine has decides.
  case ":$PATH:" in *":$bin:"*) ;; *) [ -x "$bin/node" ] && PATH="$bin:$PATH" ;; esac
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt "$want_node" ]; then
    case "$(uname -s)" in Linux) platform=linux ;; Darwin) platform=darwin ;; *) platform=unsupported ;; esac
    case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=unsupported ;; esac
    if [ "$platform" = unsupported ] || [ "$arch" = unsupported ]; then
      echo "setup: Node.js $want_node+ is needed and none is packaged for $(uname -s) $(uname -m): install Node.js $want_node" >&2
      return 1
    fi
    packages+=("node-$platform-$arch@$want_node")
  fi
  if [ "$(pnpm --version 2>/dev/null)" != "$want_pnpm" ]; then packages+=("pnpm@$want_pnpm"); fi

  if [ ${#packages[@]} -gt 0 ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "setup: npm is needed to fetch ${packages[*]} (or install Node.js $want_node+ and pnpm $want_pnpm yourself)" >&2
      return 1
    fi
    echo "setup: installing ${packages[*]} into .tools/node24 (from the npm registry)"
    mkdir -p "$tools" || return 1
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "${packages[@]}" >/dev/null || return 1
    case ":$PATH:" in *":$bin:"*) ;; *) PATH="$bin:$PATH" ;; esac
    export PATH
  fi

  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt "$want_node" ] || [ "$(pnpm --version 2>/dev/null)" != "$want_pnpm" ]; then
    echo "setup: expected Node.js $want_node+ and pnpm $want_pnpm on PATH, found node $(node -v 2>/dev/null) and pnpm $(pnpm --version 2>/dev/null)" >&2
    return 1
  fi
  export PATH
  echo "setup: node $(node -v), pnpm $(pnpm --version) ($(command -v node))"
}

sitecare_setup "${BASH_SOURCE[0]:-$0}"
