# The README's commands. Each target sets itself up from nothing: a virtual environment in .venv
# with the pinned dependencies, reinstalled only when a requirements file changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean lambda-src sam-build sam-deploy sam-local

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

# Service vs a minimal relay baseline beside a timed fake Groq, all on loopback (a few minutes;
# not part of `make test`). Writes docs/benchmarks.md and docs/benchmarks.png.
# BENCH_ARGS=--quick for a shorter run; see `python -m benchmarks.run --help`.
BENCH_ARGS ?=
$(BIN)/.bench-installed: $(BIN)/.installed benchmarks/requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	touch $@

bench: $(BIN)/.bench-installed  ## benchmark: added latency, CPU per turn, cold start, memory
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# --- AWS (see README, Deploy to AWS). Needs the AWS SAM CLI; sam-local also needs Docker.
SAM_CONFIG := --config-file infra/samconfig.toml
LAMBDA_SRC ?= build/lambda

# What the Lambda package holds, and nothing else (no tests/, benchmarks/, .venv): SAM has no
# ignore file, so template.yaml's CodeUri points at this staged copy.
lambda-src:
	rm -rf $(LAMBDA_SRC) && mkdir -p $(LAMBDA_SRC)
	cp -R handler.py run.sh requirements.txt supercar $(LAMBDA_SRC)/
	find $(LAMBDA_SRC) -name __pycache__ -prune -exec rm -rf {} +

sam-build: lambda-src  ## build the Lambda package (.aws-sam/build)
	sam build $(SAM_CONFIG)

sam-deploy: sam-build  ## deploy the stack (first time: sam deploy --guided $(SAM_CONFIG))
	sam deploy $(SAM_CONFIG)

sam-local: sam-build  ## the buffered HTTP API on http://127.0.0.1:3001 (Docker)
	sam local start-api $(SAM_CONFIG)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build .aws-sam
