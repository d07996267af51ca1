#!/usr/bin/env bash
# The docs browser test drives Debian's chromium (a test tool's own browser download does not work
# on our machines). Install it when missing and we may; otherwise say what to install.
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing Debian's chromium for the docs browser test..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "pretest: could not install chromium; the browser test will fail. Run: apt-get install -y chromium"
else
  echo "pretest: chromium is missing; the browser test will fail. Run: sudo apt-get install -y chromium"
fi
exit 0
