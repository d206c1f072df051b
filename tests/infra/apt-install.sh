#!/usr/bin/env bash
# Sourced by tests/infra/prereqs-*.sh: `apt_install PACKAGE...` installs Debian packages without recommends, quietly,
# through sudo when not root. One copy of the apt-get steps every prereqs script needs. (Not named prereqs-*: test.sh
# runs each of those.)
apt_install() {
  local sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
