# begrip -- plain GNU make.
#
#   make                  build ./begrip
#   make deps             install the Debian packages (as root), else print the apt-get line
#   make corpus           fill corpora/ from the local mirror (MIRROR=../shared/corpora)
#   make test             everything below that a change must pass (installs deps first)
#   make SANITIZE=address,undefined test    the same under ASan + UBSan
#   make fuzz             build and run the libFuzzer targets for a while (clang)
#   make bench            begrip against xmllint --stream on the whole corpus
#   make report           the main job: the batch report of the default corpus
#   make clean            leave the tree as checked out
#
# DEVELOPER=1 turns warnings into errors (CI sets it).

CC       ?= cc
BUILD    ?= build
SANITIZE ?=
DEVELOPER ?=
MIRROR   ?= ../shared/corpora
CORPUS   ?= corpora/bwb
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

PKGS     := libxml-2.0 icu-uc icu-i18n libutf8proc tre sqlite3
WARN     := -Wall -Wextra -Wshadow -Wpointer-arith -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral -Wvla
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -MMD -MP -pthread \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null || echo -I/usr/include/libxml2)
LIBS     := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lxml2 -licui18n -licuuc -licudata -lutf8proc -ltre -lsqlite3) \
            -lstemmer -lpthread -lm
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lm)

ifneq ($(DEVELOPER),)
ALL_CFLAGS += -Werror
endif
ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=$(SANITIZE)
BUILD    := build-san
endif

LIB_SRC  := $(filter-out analyzer/main.c,$(wildcard analyzer/*.c)) $(wildcard reports/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/analyzer/main.o
LIB      := $(BUILD)/libbegrip.a
TEST_SRC := $(wildcard tests/unit/check_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN      := begrip$(if $(SANITIZE),-san,)

# Debian packages: build, libraries, and what the test suite uses.
DEB_PKGS := build-essential pkg-config libxml2-dev libxml2-utils libicu-dev \
            libutf8proc-dev libtre-dev libstemmer-dev libsqlite3-dev sqlite3 check \
            python3 valgrind clang libclang-rt-14-dev chromium raptor2-utils \
            strace time curl

.PHONY: all deps corpus test unit spec conformance hostile replay valgrind \
        fuzz fuzz-build bench clean eval report run

all: $(BIN)

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/check_%: tests/unit/check_%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Ianalyzer -o $@ $< $(LIB) $(LIBS) $(CHECK_LIBS)

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

# ---------------------------------------------------------------- setup

deps:
	@missing=$$(for p in $(DEB_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; \
	elif [ "$$(id -u)" = 0 ]; then \
	    echo "deps: installing $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "deps: run as root: apt-get install -y $$missing"; exit 1; fi

corpus:
	@sh corpora/fetch.sh "$(MIRROR)" corpora

# ---------------------------------------------------------------- tests

test: deps
	@$(MAKE) --no-print-directory all unit spec hostile replay conformance
	@$(MAKE) --no-print-directory SANITIZE=address,undefined all unit spec hostile replay
	@$(MAKE) --no-print-directory valgrind
	@echo "make test: all suites passed"

unit: $(TEST_BIN)
	@sh tests/run-unit.sh $(TEST_BIN)

spec: $(BIN)
	@sh tests/run-spec.sh ./$(BIN)
	@sh tests/run-defs-spec.sh ./$(BIN)
	@sh tests/golden/compare/run.sh ./$(BIN)

hostile: $(BIN)
	@sh tests/hostile.sh ./$(BIN) $(BUILD)/hostile

replay: $(BIN)
	@sh tests/replay.sh ./$(BIN) tests/fuzz/regressions

conformance: $(BIN) corpus
	@sh tests/conformance.sh ./$(BIN) $(CORPUS)
	@python3 tests/complexity-crosscheck.py ./$(BIN) $(CORPUS)
	@sh tests/index-corpus.sh $(CORPUS) ./$(BIN)
	@sh tests/defs-conformance.sh $(CORPUS) ./$(BIN)
	@sh tests/compare-corpus.sh ./$(BIN) $(CORPUS)
	@sh tests/check-corpus.sh $(CORPUS) ./$(BIN)
	@sh tests/report-test.sh $(CORPUS) ./$(BIN)
	@sh tests/candidates-corpus.sh $(CORPUS) ./$(BIN)
	@sh tests/eval-assert.sh $(CORPUS) ./$(BIN)

valgrind: $(BIN) corpus
	@sh tests/valgrind.sh ./$(BIN) $(CORPUS)

# ---------------------------------------------------------------- fuzz

FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_LIB_SRC := $(LIB_SRC)
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
              $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_SECONDS ?= 60

build-fuzz/%: tests/fuzz/%.c $(FUZZ_LIB_SRC)
	@mkdir -p build-fuzz
	clang $(FUZZ_CFLAGS) -Ianalyzer -o $@ $< $(FUZZ_LIB_SRC) $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

# ---------------------------------------------------------------- bench

bench: $(BIN) corpus
	@sh tests/bench.sh ./$(BIN) $(CORPUS)
	@sh tests/bench-check.sh ./$(BIN) $(CORPUS)

eval: $(BIN) corpus
	@for d in tests/eval tests/eval/holdout*/; do d=$${d%/}; \
		echo "== $$d"; python3 tests/eval/score.py --dir $$d ./$(BIN) $(CORPUS) || exit 1; done

report: deps all corpus
	./$(BIN) report --out report $(CORPUS)

run: report

clean:
	rm -rf build build-san build-fuzz begrip begrip-san
