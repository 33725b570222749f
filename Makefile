# Makefile: builds the bulletin tool; `make help` lists the targets.
PKGS := pangocairo pangoft2 harfbuzz cairo fontconfig yaml-0.1 gdk-pixbuf-2.0 jansson \
	libqpdf libjpeg lcms2
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

STAGES := util input styles fonts layout output
LIB_SRCS := $(foreach d,$(STAGES),$(wildcard $(d)/*.c))
LIB_CXX_SRCS := $(foreach d,$(STAGES),$(wildcard $(d)/*.cc))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(LIB_CXX_SRCS:%.cc=$(BUILD)/%.o)
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps check check-asan demo bench fuzz clean help format profile

all: bulletin

help:
	@echo "make          build ./bulletin"
	@echo "make deps     install the Debian packages (as root) or print the command"
	@echo "make demo     deps + build + out/jincheng-2020-04.pdf (and .print.pdf)"
	@echo "make check    deps + build + all tests"
	@echo "make check-asan  the tests under AddressSanitizer and UBSan"
	@echo "make bench    speed and memory figures"
	@echo "make fuzz     libFuzzer runs of the parser and the composer (FUZZ_SECONDS each)"
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

bench: bulletin
	tools/bench.sh ./bulletin

# libFuzzer (clang, libclang-rt-14-dev): the parser and the composer
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -I.
PARSER_SRCS := util/*.c $(filter-out input/import%.c input/lineation.c,$(wildcard input/*.c))
COMPOSER_SRCS := util/*.c layout/classes.c layout/items.c layout/fit.c layout/breaker.c layout/total.c

fuzz:
	@mkdir -p build/fuzz/parse build/fuzz/compose
	clang $(FUZZ_FLAGS) $(PARSER_SRCS) tests/fuzz/fuzz_parse.c -lyaml -o build/fuzz/fuzz_parse
	clang $(FUZZ_FLAGS) $$(pkg-config --cflags pangocairo) $(COMPOSER_SRCS) tests/fuzz/fuzz_compose.c -o build/fuzz/fuzz_compose
	cp tests/fuzz/corpus/* build/fuzz/parse/
	build/fuzz/fuzz_parse build/fuzz/parse -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	build/fuzz/fuzz_compose build/fuzz/compose -max_total_time=$(FUZZ_SECONDS) -max_len=512

format:
	clang-format -i $(LIB_SRCS) $(LIB_CXX_SRCS) main.c $(UNIT_SRCS) $(foreach d,$(STAGES),$(wildcard $(d)/*.h))

# the bundled output profile of print masters (committed; needs argyll)
profile:
	tools/make-profile.sh styles/fogra39-tac300.icc

clean:
	rm -rf build build-asan bulletin out

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
