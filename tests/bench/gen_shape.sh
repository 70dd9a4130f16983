#!/bin/sh
# gen_shape.sh KIND N (make bench): a definition of an unusual shape, N
# of one thing, to check that loading it grows linearly in N (issue 12:
# no super-linear cost anywhere; a definition is untrusted input). KIND:
#   choices      one <choices> list of N choices
#   ownchoices   one question with N choices of its own
#   labels       one question with N labels (a second label in one
#                language: refused, after the check of texts)
#   titles       one provision with N help texts (refused likewise)
#   lists        N choice lists, each used by one question
#   templates    N templates, each used by one of N provisions
#   tplq         one template of N questions, used by one provision
#   tplomit      the same, the provision omits all but one
#   tploverride  the same, the provision writes each question again
#   ownq         one provision with N questions of its own
#   provs        one section with N provisions
#   sections     N sections of one provision each
#   repeatkids   one list (repeat) whose entries hold N questions
set -eu
kind=$1 n=$2
awk -v kind="$kind" -v n="$n" '
function open_prov(attrs) {
	printf "<section id=\"a1\" number=\"1\"><title>A</title>\n"
	printf "<provision id=\"p1\" number=\"1\" level=\"mandatory\"%s>", attrs
	printf "<title>P</title>\n"
}
function close_prov() { print "</provision></section>" }
function rep(fmt, from,   i) { # N times FMT, each %d the number
	for (i = from; i < n; i++) printf fmt, i, i, i, i
}
BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"shape\"" \
	    " version=\"1\" xml:lang=\"en\" languages=\"en\">"
	print "<title>Shape</title>"
	q = "<question id=\"q%d\" type=\"text\"><label>Q</label></question>\n"
	ch = "<choice value=\"v%d\"><label>V</label></choice>\n"
	if (kind == "choices") {
		print "<choices id=\"many\">"; rep(ch, 0); print "</choices>"
		open_prov("")
		print "<question id=\"q\" type=\"single\" choices=\"many\">" \
		    "<label>Q</label></question>"
		close_prov()
	} else if (kind == "ownchoices") {
		open_prov("")
		print "<question id=\"q\" type=\"single\"><label>Q</label>"
		rep(ch, 0); print "</question>"; close_prov()
	} else if (kind == "labels") {
		open_prov(""); print "<question id=\"q\" type=\"text\">"
		rep("<label>L%d</label>\n", 0); print "</question>"; close_prov()
	} else if (kind == "titles") {
		open_prov(""); rep("<help>H%d</help>\n", 0)
		print "<question id=\"q\" type=\"text\"><label>Q</label>" \
		    "</question>"
		close_prov()
	} else if (kind == "lists") {
		rep("<choices id=\"c%d\"><choice value=\"a\"><label>A</label>" \
		    "</choice></choices>\n", 0)
		open_prov("")
		rep("<question id=\"q%d\" type=\"single\" choices=\"c%d\">" \
		    "<label>Q</label></question>\n", 0)
		close_prov()
	} else if (kind == "templates") {
		rep("<template id=\"t%d\"><question id=\"q\" type=\"text\">" \
		    "<label>Q</label></question></template>\n", 0)
		print "<section id=\"a1\" number=\"1\"><title>A</title>"
		rep("<provision id=\"p%d\" number=\"%d\" level=\"mandatory\"" \
		    " template=\"t%d\"><title>P</title></provision>\n", 0)
		print "</section>"
	} else if (kind ~ /^tpl/) {
		print "<template id=\"t\">"; rep(q, 0); print "</template>"
		open_prov(" template=\"t\"")
		if (kind == "tplomit")
			rep("<omit question=\"q%d\"/>\n", 1)
		if (kind == "tploverride")
			rep("<question id=\"q%d\" type=\"text\"><label>R</label>" \
			    "</question>\n", 0)
		close_prov()
	} else if (kind == "ownq") {
		open_prov(""); rep(q, 0); close_prov()
	} else if (kind == "provs") {
		print "<section id=\"a1\" number=\"1\"><title>A</title>"
		rep("<provision id=\"p%d\" number=\"%d\" level=\"mandatory\">" \
		    "<title>P</title><question id=\"q\" type=\"text\"><label>Q" \
		    "</label></question></provision>\n", 0)
		print "</section>"
	} else if (kind == "sections") {
		rep("<section id=\"s%d\" number=\"%d\"><title>A</title>" \
		    "<provision id=\"p%d\" number=\"%d.1\" level=\"mandatory\">" \
		    "<title>P</title><question id=\"q\" type=\"text\"><label>Q" \
		    "</label></question></provision></section>\n", 0)
	} else if (kind == "repeatkids") {
		open_prov("")
		print "<question id=\"r\" type=\"repeat\"><label>R</label>"
		rep(q, 0); print "</question>"; close_prov()
	} else {
		print "gen_shape.sh: unknown kind " kind > "/dev/stderr"
		exit 2
	}
	print "</checklist>"
}'
