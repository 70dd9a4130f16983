#!/bin/sh
# gen_checklist.sh N [SOURCE]: a checklist definition of about N questions
# for make bench, made by replicating the articles (the <section>
# elements) of SOURCE (default: the bundled data/uncac-chapter2.xml) with
# their ids renamed ("art5" -> "art5_2", "p5_1" -> "p5_1_2"), the front
# section and the templates once. Conditions are relative paths, so each
# copy keeps its conditions, constraints and templates. Whole top-level
# provisions are copied until about N questions (about 40 a provision in
# the bundled checklist, its templates expanded). POSIX sh + awk only.
set -eu
N=${1:?usage: gen_checklist.sh N [SOURCE]}
SRC=${2:-$(dirname "$0")/../../data/uncac-chapter2.xml}
awk -v n="$N" '
/^  <section[ >]/ { insec = 1 }
/^<\/checklist>/ { tail = $0; next }
insec { body[nb++] = $0; next }
{ print }
END {
	per = 40; want = int((n - 16) / per + 0.5); if (want < 1) want = 1
	for (c = 1; got < want; c++)
		for (i = 0; i < nb; i++) {
			l = body[i]
			if (skip == "" && l ~ /^  <section[ >]/ && got >= want) skip = "^  </section>"
			if (skip == "" && l ~ /^    <provision[ >]/ && got >= want) skip = "^    </provision>"
			if (skip != "") { if (l ~ skip) skip = ""; continue }
			if (l ~ /^    <provision[ >]/) got++
			if (c > 1) {
				gsub(/id="art[0-9]+/, "&_" c, l)
				gsub(/id="p[0-9][0-9a-z_]*/, "&_" c, l)
				gsub(/number="[0-9.a-z]+/, "&-" c, l)
			}
			print l
		}
	print tail
}' "$SRC"
