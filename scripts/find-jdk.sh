#!/usr/bin/env bash
# Prints the JAVA_HOME of a JDK >= 21 (or AGENTOS_MIN_JAVA) to use, or explains on stderr and exits 1.
#
# Order: $JAVA_HOME when it is a JDK new enough; else the newest JDK new enough found under the
# common install places (/usr/lib/jvm, /opt/java, /opt/*jdk*, /usr/local/*jdk*, /usr/java,
# SDKMAN, macOS); else the JDK behind `java` on PATH. Shared by ./agentos and .ci/run.
set -euo pipefail

min="${AGENTOS_MIN_JAVA:-21}"

# Feature release of the JDK at $1 (8 for 1.8.0_x, 21 for 21.0.2, 25 for 25-ea), or nothing.
jdk_major() {
  local home="$1" v=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  if [[ -f "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n1)"
  fi
  if [[ -z "$v" ]]; then
    v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  [[ -n "$v" ]] || return 1
  v="${v#1.}"                   # 1.8.0_392 -> 8.0_392
  v="${v%%[^0-9]*}"             # 21.0.2 -> 21, 25-ea -> 25
  [[ -n "$v" ]] || return 1
  printf '%s\n' "$v"
}

if [[ -n "${JAVA_HOME:-}" ]]; then
  if major="$(jdk_major "$JAVA_HOME")" && (( major >= min )); then
    printf '%s\n' "$JAVA_HOME"
    exit 0
  fi
fi

shopt -s nullglob
candidates=(
  /usr/lib/jvm/* /opt/java/* /opt/*jdk* /opt/*java* /usr/local/*jdk* /usr/local/java/* /usr/java/*
  "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/*
  /Library/Java/JavaVirtualMachines/*/Contents/Home
)
if command -v java >/dev/null 2>&1; then
  # /usr/bin/java -> /usr/lib/jvm/x/bin/java -> JAVA_HOME /usr/lib/jvm/x
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi

best="" best_major=0
declare -A seen=()
for c in "${candidates[@]}"; do
  [[ -d "$c" ]] || continue
  real="$(readlink -f "$c")"
  [[ -z "${seen[$real]:-}" ]] || continue
  seen[$real]=1
  major="$(jdk_major "$real")" || continue
  if (( major >= min && major > best_major )); then
    best="$real" best_major="$major"
  fi
done

if [[ -z "$best" ]]; then
  {
    echo "agentos: no JDK ${min} or newer found."
    if [[ -n "${JAVA_HOME:-}" ]]; then
      echo "  JAVA_HOME=$JAVA_HOME is not a JDK ${min}+."
    fi
    echo "  Looked in /usr/lib/jvm, /opt/java, /usr/local, /usr/java, ~/.sdkman and the java on PATH."
    echo "  Install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 25) or set JAVA_HOME to it."
  } >&2
  exit 1
fi
printf '%s\n' "$best"
