#!/bin/sh
# Install Debian packages a target needs, when a command or file they provide is missing:
#   install_debian.sh "COMMAND|/FILE ..." PACKAGE ...
# Idempotent: does nothing when every command is on PATH and every file exists. Needs root (or sudo) and the Debian
# package mirror; nothing is downloaded from anywhere else.
set -eu
commands=$1
shift
missing=""
for command in $commands; do
    command -v "$command" >/dev/null 2>&1 || [ -e "$command" ] || missing="$missing $command"
done
[ -z "$missing" ] && exit 0
as_root=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root="sudo"
    else
        echo "install_debian.sh:$missing missing and installing it needs root; run" >&2
        echo "  apt-get install $*" >&2
        exit 1
    fi
fi
echo "installing Debian's $* (for$missing)"
$as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
