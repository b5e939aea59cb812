"""Checks JSON files against a JSON Schema with an independent validator: Python's
`jsonschema` (pinned in scripts/setup.sh), with its format checker, so `format: date` is
checked too. Run by tests/schema_refusals.rs:

    python3 tests/schema_check.py SCHEMA FILE...

Prints one JSON object: each file's path and the list of its errors (empty when the schema
accepts it). A file that is not UTF-8 JSON has one error, "not JSON", since no schema
can accept it. Exits non-zero, loudly, when jsonschema is missing.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(
        "tests/schema_check.py: Python's jsonschema is not installed: "
        "run scripts/setup.sh --with-browser (it pip-installs the pinned version)"
    )


def main(schema_path, paths):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    # The format checker must check dates, or `format: date` says nothing.
    assert "date" in validator.format_checker.checkers, "no date format checker"
    results = {}
    for path in paths:
        with open(path, "rb") as f:
            raw = f.read()
        try:
            # The importer takes a byte order mark at the start, as utf-8-sig does.
            document = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError) as e:
            results[path] = [f"not JSON: {type(e).__name__}"]
            continue
        results[path] = [
            f"/{'/'.join(str(p) for p in e.absolute_path)}: {e.message[:200]}"
            for e in validator.iter_errors(document)
        ]
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
