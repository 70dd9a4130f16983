#!/bin/sh
# po/xgettext.sh SRCDIR OUT: extract the messages of sacl's sources
# (checklist/, forms/, export/, tui/) into the template OUT. Locations
# name the file only (no line numbers), so that an edit elsewhere in a
# file leaves the template as it was: tests/i18n_po.sh re-runs this and
# compares. Keywords: sacl_i18n.h's _, N_ and P_.
set -eu
src=$1
out=$2
list=$(mktemp)
trap 'rm -f "$list"' EXIT
(cd "$src" && ls checklist/*.[ch] forms/*.[ch] export/*.[ch] \
    tui/*.[ch]) | LC_ALL=C sort >"$list"
xgettext --directory="$src" --files-from="$list" --output="$out" \
    --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
    --keyword=P_:1,2 --add-comments=TRANSLATORS: --add-location=file \
    --package-name=sacl --msgid-bugs-address=none --foreign-user
