#!/usr/bin/env bash
# ftptls-migrate.sh: the script multi-gitter runs in the root of each cloned repository (README: "Migrating many repositories").
#
#   export FTPTLS_REPORTS="$PWD/ftptls-reports"
#   multi-gitter run "$PWD/ftptls-migrate.sh" -O my-org -B ftptls/ftp-tls \
#     -m "Use FTP_TLS with prot_p() instead of cleartext ftplib.FTP" --dry-run
#
# multi-gitter opens a pull request when this script exits 0 and the working tree changed; it opens none when
# nothing changed, and skips the repository (no pull request, reported as an error) when the script exits
# non-zero. So:
#   - ftptls exit 0: fixed, or nothing to fix               -> exit 0 (multi-gitter decides by the diff)
#   - ftptls exit 2: some file could not be processed      -> exit 1: no half-migrated pull request, unless
#                                                             FTPTLS_ALLOW_ERRORS=1 (then the other files' fixes
#                                                             are proposed; the report lists the failures)
# Every repository's JSON report goes to $FTPTLS_REPORTS/<owner>__<name>.json, outside the clone so that it is
# never committed. Extra ftptls flags (--ssl-context, --transform ..., --ignore-pattern ...) go in FTPTLS_ARGS.
set -uo pipefail

reports="${FTPTLS_REPORTS:?set FTPTLS_REPORTS to an absolute directory for the JSON reports}"
ftptls="${FTPTLS:-ftptls}" # the installed command; e.g. FTPTLS="npx --yes ftptls@0.1.0"
mkdir -p "$reports"
name="${REPOSITORY:-$(basename "$PWD")}"
report="$reports/${name//\//__}.json"

# shellcheck disable=SC2086 # FTPTLS and FTPTLS_ARGS are word lists on purpose
$ftptls . --write --format json ${FTPTLS_ARGS:-} >"$report"
status=$?

case "$status" in
  0) exit 0 ;;
  2)
    echo "ftptls: some files in $name could not be processed; see $report" >&2
    [[ "${FTPTLS_ALLOW_ERRORS:-0}" == 1 ]] && exit 0
    exit 1
    ;;
  *)
    echo "ftptls failed in $name (exit $status)" >&2
    exit "$status"
    ;;
esac
