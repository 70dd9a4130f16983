# tests/intake.mk: the secretariat's intake beyond cli_import.sh and
# cli_report.sh (issue 10): old stores migrated, every checklist
# reported, provisions in the definition's order.
if WITH_TESTS
TESTS += tests/cli_intake.sh
endif
EXTRA_DIST += tests/cli_intake.sh
# metadata recomputed from the answers (export_recheck.c)
if WITH_TESTS
TESTS += tests/cli_recheck.sh
endif
EXTRA_DIST += tests/cli_recheck.sh
