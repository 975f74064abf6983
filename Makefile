# Nurture: the two commands a newcomer needs are `make run` and `make test`.
# Each installs what is missing (npm packages, NuGet packages) before it does its work.

SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Release

.PHONY: help setup run test bench lint publish clean

help:
	@echo "make run    - install what is missing, start Azurite if needed, run the function app on the local host at http://localhost:7071"
	@echo "make test   - install what is missing and run every test (Azurite is started by the tests themselves)"
	@echo "make bench  - run the benchmarks (ratios against baselines measured in the same run)"
	@echo "make lint   - check formatting (dotnet format --verify-no-changes)"
	@echo "make publish - write the zip-deployable Functions app folder to artifacts/publish"

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

setup: node_modules/.package-lock.json
	$(DOTNET) restore Functions.sln

run: setup
	scripts/run-local.sh

test: setup
	scripts/test.sh

bench: setup
	$(DOTNET) run -c $(CONFIGURATION) --project tests/Nurture.Benchmarks -- $(ARGS)

lint: setup
	$(DOTNET) format Functions.sln --verify-no-changes --no-restore

publish: setup
	$(DOTNET) publish functions/Nurture.Functions -c $(CONFIGURATION) -o artifacts/publish

clean:
	$(DOTNET) clean Functions.sln
	rm -rf artifacts .azurite
