"""The official Teams manifest schema v1.22 as a validator, with the one keyword it needs added.

tests/schemas/teams-manifest-1.22.schema.json declares JSON Schema draft-04 but pins
`manifestVersion` with `const`, a draft-06 keyword a draft-04 validator silently ignores. The
validator here is draft-04 plus `const`, so a manifest claiming another version fails. All its
`$ref`s point inside the file (`#/definitions/...`, `#/properties/...`): nothing is fetched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft4Validator, Draft6Validator

SCHEMA_FILE = Path(__file__).parents[1] / "schemas" / "teams-manifest-1.22.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
Validator = jsonschema.validators.extend(
    Draft4Validator, {"const": Draft6Validator.VALIDATORS["const"]}
)


def errors(manifest: dict[str, Any]) -> list[jsonschema.ValidationError]:
    """Every way `manifest` breaks the schema (formats checked too)."""
    validator = Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER)
    return list(validator.iter_errors(manifest))
