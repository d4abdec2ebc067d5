#!/usr/bin/env bash
# Run the whole test suite on other ReportLab versions, with pdfbuilder's patches installed
# on each (PDFBUILDER_TRY_REPORTLAB), to decide whether a version may join
# pdfbuilder._rl.TESTED_VERSIONS (and the range in pyproject.toml):
#
#     tools/reportlab_versions.sh 4.4.3 5.0.1 5.1.0
#
# Each version gets its own virtualenv under ${TMPDIR:-/tmp}; the summary says which passed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
passed=() failed=()
for version in "$@"; do
    venv="${TMPDIR:-/tmp}/pdfbuilder-reportlab-$version"
    echo "=== ReportLab $version ($venv)"
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv" || { failed+=("$version"); continue; }
    fi
    if ! "$venv/bin/pip" install -q "$root[test]" "reportlab==$version"; then
        failed+=("$version (install)"); continue
    fi
    if PDFBUILDER_TRY_REPORTLAB="$version" "$venv/bin/python" -m pytest -q -p no:cacheprovider; then
        passed+=("$version")
    else
        failed+=("$version")
    fi
done
echo "passed: ${passed[*]:-none}"
echo "failed: ${failed[*]:-none}"
[ ${#failed[@]} -eq 0 ]
