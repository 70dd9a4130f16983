# make bench (issue 12): the rows of bench-load's table measured in a
# real terminal (tests/bench/bench_tty.c: tmux driven in control mode),
# and the export rows' filled responses (tests/bench/gen_response.sh).
EXTRA_PROGRAMS += tests/bench/bench_tty
tests_bench_bench_tty_SOURCES = tests/bench/bench_tty.c
EXTRA_DIST += tests/bench/gen_response.sh
bench-load: tests/bench/bench_tty$(EXEEXT)
