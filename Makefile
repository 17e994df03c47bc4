# Set up the environment and build, test or edit the book.
#
#   make book   HTML and PDF of the book (_build/html/, _build/pdf/book.pdf)
#   make test   ruff, the layer contract and the whole test suite (what CI runs, through .ci/run)
#   make lab    JupyterLab on chapters/ with the project's kernel
#   make bench  the benchmarks
#
# Each target first creates .venv if it is missing, installs requirements.txt when it changed and
# installs the Debian packages it needs when they are missing (as root; otherwise it prints the
# apt-get command to run).

SHELL := /bin/bash
.DEFAULT_GOAL := book

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
REQUIREMENTS_STAMP := $(VENV)/.requirements.stamp

PDF_PACKAGES := texlive-xetex latexmk texlive-fonts-recommended fonts-freefont-otf xindy
TEST_PACKAGES := $(PDF_PACKAGES) poppler-utils chromium

.PHONY: book test lab bench setup pdf-packages test-packages

# Install the Debian packages $(1) that are missing: with apt-get as root, else print the command.
define debian_packages
missing=""; \
for package in $(1); do \
	dpkg-query -W -f='$${Status}\n' "$$package" 2>/dev/null | grep -q "install ok installed" \
		|| missing="$$missing $$package"; \
done; \
if [ -n "$$missing" ]; then \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian packages:$$missing"; \
		apt-get update -qq \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null; \
	else \
		echo "missing Debian packages:$$missing; install them with:"; \
		echo "  sudo apt-get install -y$$missing"; \
		exit 1; \
	fi; \
fi
endef

$(PY):
	$(PYTHON) -m venv $(VENV)

$(REQUIREMENTS_STAMP): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

setup: $(REQUIREMENTS_STAMP)

pdf-packages:
	@$(call debian_packages,$(PDF_PACKAGES))

test-packages:
	@$(call debian_packages,$(TEST_PACKAGES))

book: setup pdf-packages
	$(PY) -m helpers validate
	$(PY) -m helpers build

test: setup test-packages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

lab: setup
	$(PY) -m ipykernel install --sys-prefix --name python3 \
		--display-name "Python 3 (Pakistan–Russia book)" >/dev/null
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=chapters \
		$$([ "$$(id -u)" = 0 ] && echo --allow-root)

bench: setup
	$(PY) benchmarks/run.py $(BENCH_ARGS)
