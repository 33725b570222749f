# Makefile: builds the bulletin tool; `make help` lists the targets.
PKGS := pangocairo pangoft2 harfbuzz cairo fontconfig yaml-0.1 gdk-pixbuf-2.0 jansson \
	libqpdf libjpeg lcms2 harfbuzz-subset freetype2
CC ?= cc
# C++ only for output/pdfx*.cc, the post-pass written against libqpdf
CXX ?= g++
CFLAGS ?= -O2 -g
BUILD ?= build
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -MMD -MP \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
ALL_CXXFLAGS = -std=c++17 $(filter-out -Wstrict-prototypes,$(WARN)) $(CFLAGS) \
	-DPOINTERHOLDER_TRANSITION=4 -MMD -MP $(shell pkg-config --cflags libqpdf 2>/dev/null)
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

STAGES := util input import styles fonts layout output batch cmd
LIB_SRCS := $(foreach d,$(STAGES),$(wildcard $(d)/*.c))
LIB_CXX_SRCS := $(foreach d,$(STAGES),$(wildcard $(d)/*.cc))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(LIB_CXX_SRCS:%.cc=$(BUILD)/%.o)
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps check check-asan demo bench roundtrip fuzz fuzz-targets clean help format profile

all: bulletin

help:
	@echo "make          build ./bulletin"
	@echo "make deps     install the Debian packages (as root) or print the command"
	@echo "make demo     deps + build + out/jincheng-2020-04.pdf (and .print.pdf)"
	@echo "make check    deps + build + all tests"
	@echo "make check-asan  the tests under AddressSanitizer and UBSan"
	@echo "make bench    speed and memory figures"
	@echo "make fuzz     libFuzzer runs of every reader and a whole build (FUZZ_SECONDS each)"
	@echo "make profile  rebuild styles/fogra39-tac300.icc (argyll; committed)"

deps:
	@tools/deps.sh install

$(BUILD)/.deps-ok: tools/deps.sh
	@tools/deps.sh build
	@mkdir -p $(BUILD) && touch $@

bulletin: $(BUILD)/bulletin
	cp $< $@

$(BUILD)/bulletin: $(LIB_OBJS) $(BUILD)/main.o
	$(CXX) $(CFLAGS) -o $@ $(filter %.o,$^) $(LIBS)

# V=1 shows the whole commands
Q := $(if $(V),,@)

$(BUILD)/%.o: %.c $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.cc $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CXX     $<")
	$(Q)$(CXX) $(ALL_CXXFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CCLD    $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@.o $<
	$(Q)$(CXX) $(CFLAGS) -o $@ $@.o $(filter %.o,$^) $(LIBS)

units: $(UNIT_BINS)

check: deps
	$(MAKE) bulletin units
	tests/run.sh ./bulletin $(BUILD)/tests

check-asan: deps
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" build-asan/bulletin units
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
		tests/run.sh build-asan/bulletin build-asan/tests

demo: deps
	$(MAKE) bulletin
	@mkdir -p out
	./bulletin build examples/jincheng-2020-04.md --print --screen -o out/jincheng-2020-04.pdf
	@echo "wrote out/jincheng-2020-04.pdf and its print master out/jincheng-2020-04.print.pdf"

bench: bulletin $(BUILD)/tools/bare
	tools/bench.sh ./bulletin $(BUILD)/tools/bare

# the import round trip on 50 random issues per style (docs/import.md)
roundtrip: bulletin
	tools/roundtrip.sh 50

# the bare Pango+Cairo program bench.sh measures bulletin against
$(BUILD)/tools/bare: tools/bare.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -O2 -Wall -Wextra -Werror -o $@ $< $(shell pkg-config --cflags --libs pangocairo)

# libFuzzer (clang, libclang-rt-14-dev): every reader and a whole build.
# Each target links the whole library, built once more with the fuzzer's
# coverage and the sanitizers under build/fuzz/obj; its corpus starts from
# tests/fuzz/corpus/NAME (and is kept in build/fuzz/NAME between runs).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := parse compose lineation style import build
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer-no-link,address,undefined -D_GNU_SOURCE \
	-I. $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_OBJS := $(LIB_SRCS:%.c=build/fuzz/obj/%.o) $(LIB_CXX_SRCS:%.cc=build/fuzz/obj/%.o)
# -max_len per target: sources and styles are larger than a paragraph
FUZZ_LEN_parse := 4096
FUZZ_LEN_compose := 512
FUZZ_LEN_lineation := 4096
FUZZ_LEN_style := 8192
FUZZ_LEN_import := 8192
FUZZ_LEN_build := 2048

build/fuzz/obj/%.o: %.c $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(Q)clang $(FUZZ_CFLAGS) -c -o $@ $<

build/fuzz/obj/%.o: %.cc $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(Q)clang++ -std=c++17 -DPOINTERHOLDER_TRANSITION=4 $(FUZZ_CFLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(Q)clang $(FUZZ_CFLAGS) -c -o $@.o $<
	$(Q)clang++ -fsanitize=fuzzer,address,undefined -o $@ $@.o $(FUZZ_OBJS) $(LIBS)

fuzz-targets: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

# make fuzz: each target FUZZ_SECONDS; make fuzz FUZZ_SECONDS=10 is the
# smoke run CI makes
fuzz: fuzz-targets
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/$$t; \
		if [ -d tests/fuzz/corpus/$$t ]; then cp -r tests/fuzz/corpus/$$t/. build/fuzz/$$t/; fi; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		build/fuzz/fuzz_$$t build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) \
			-max_len=$$(case $$t in parse) echo $(FUZZ_LEN_parse);; compose) echo $(FUZZ_LEN_compose);; \
				lineation) echo $(FUZZ_LEN_lineation);; style) echo $(FUZZ_LEN_style);; \
				import) echo $(FUZZ_LEN_import);; *) echo $(FUZZ_LEN_build);; esac) \
			-timeout=30 -rss_limit_mb=4096 -print_final_stats=1 >build/fuzz/$$t.log 2>&1; \
		rc=$$?; \
		grep -E '^stat::(number_of_executed_units|peak_rss_mb)' build/fuzz/$$t.log; \
		if [ $$rc -ne 0 ]; then tail -40 build/fuzz/$$t.log; exit 1; fi; \
	done

format:
	clang-format -i $(LIB_SRCS) $(LIB_CXX_SRCS) main.c $(UNIT_SRCS) $(foreach d,$(STAGES),$(wildcard $(d)/*.h))

# the bundled output profile of print masters (committed; needs argyll)
profile:
	tools/make-profile.sh styles/fogra39-tac300.icc

clean:
	rm -rf build build-asan bulletin out

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
