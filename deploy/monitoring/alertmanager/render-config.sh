#!/bin/sh
# render-config.sh TEMPLATE OUTPUT: fills the ${NAME} placeholders of Alertmanager's
# configuration template from the environment and writes OUTPUT. Runs in the Alertmanager Pod's
# init container (busybox sh and awk) and in scripts/test-alerts, so both use the same config.
#
#   ALERT_MASTERS, ALERT_DEVELOPERS   comma-separated addresses (Secret alertmanager-email)
#   SMTP_SMARTHOST                    host:port of the relay        SMTP_FROM  sender address
#   SMTP_USERNAME, SMTP_PASSWORD      the relay login (optional)
#   SMTP_REQUIRE_TLS                  true (default) or false
# A value that could break out of its YAML string (a double quote, a backslash, a line break) is
# refused, so a typo in the Secret fails the Pod's start instead of changing the routing.
set -eu

fail() {
  echo "render-config: $*" >&2
  exit 1
}

[ $# -eq 2 ] || fail "usage: render-config.sh TEMPLATE OUTPUT"
template=$1
output=$2

: "${ALERT_MASTERS:?ALERT_MASTERS is not set (Secret alertmanager-email, key masters)}"
: "${ALERT_DEVELOPERS:?ALERT_DEVELOPERS is not set (Secret alertmanager-email, key developers)}"
: "${SMTP_SMARTHOST:?SMTP_SMARTHOST is not set (ConfigMap alertmanager-smtp)}"
: "${SMTP_FROM:?SMTP_FROM is not set (ConfigMap alertmanager-smtp)}"
SMTP_USERNAME=${SMTP_USERNAME:-}
SMTP_PASSWORD=${SMTP_PASSWORD:-}
SMTP_REQUIRE_TLS=${SMTP_REQUIRE_TLS:-true}
case "$SMTP_REQUIRE_TLS" in
  true | false) ;;
  *) fail "SMTP_REQUIRE_TLS must be true or false" ;;
esac
ALERT_EMAIL_TO="$ALERT_MASTERS, $ALERT_DEVELOPERS"
export SMTP_USERNAME SMTP_PASSWORD SMTP_REQUIRE_TLS ALERT_EMAIL_TO

# check NAME VALUE: refuses a value that could leave its quoted YAML string.
check() {
  case "$2" in
    *'"'* | *\\*) fail "$1 must not contain a double quote or a backslash" ;;
  esac
  [ "$(printf '%s' "$2" | wc -l)" -eq 0 ] || fail "$1 must be one line"
}
check ALERT_EMAIL_TO "$ALERT_EMAIL_TO"
check SMTP_SMARTHOST "$SMTP_SMARTHOST"
check SMTP_FROM "$SMTP_FROM"
check SMTP_USERNAME "$SMTP_USERNAME"
check SMTP_PASSWORD "$SMTP_PASSWORD"

# Literal replacement (index/substr, not gsub: a value may hold & or regex characters).
awk '
  BEGIN { split("ALERT_EMAIL_TO SMTP_SMARTHOST SMTP_FROM SMTP_USERNAME SMTP_PASSWORD SMTP_REQUIRE_TLS", names, " ") }
  {
    line = $0
    for (i in names) {
      key = "${" names[i] "}"
      out = ""
      while ((at = index(line, key)) > 0) {
        out = out substr(line, 1, at - 1) ENVIRON[names[i]]
        line = substr(line, at + length(key))
      }
      line = out line
    }
    print line
  }
' "$template" >"$output.tmp"
if grep -q '[$]{' "$output.tmp"; then
  rm -f "$output.tmp"
  fail "unknown placeholder left in $template"
fi
mv "$output.tmp" "$output"
echo "render-config: wrote $output (mail to $ALERT_EMAIL_TO via $SMTP_SMARTHOST)"
