# tests/msg.mk: the interface's remaining English translated (issue 14):
# the commands' --help, the plurals of counted messages (P_), the fatal
# messages and browse's columns, in French, Russian and Arabic.
TESTS += tests/msg_i18n.sh tests/e2e_msg_browse.sh
EXTRA_DIST += tests/msg_i18n.sh tests/e2e_msg_browse.sh
