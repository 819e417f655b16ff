#pragma once
// JSON Schema (what our tools declare) to the OpenAPI 3.0 subset that Gemini's function
// declarations accept. Pure and deterministic: the same schema always gives the same bytes.

#include "util/Json.h"

namespace awb::llm {

// The conversion: local $ref are inlined (a reference cycle stops as a plain object); allOf
// members are merged; oneOf is read as anyOf; a null member of anyOf, "null" in a type array or
// null in an enum becomes nullable; several types become anyOf; an enum (or const) of non-strings
// moves into the description as "Allowed values: ..." (the type taken from the values when none is
// named); a format Gemini does not know moves into the description as "Format: ..."; keywords
// outside the subset are dropped (additionalProperties, $schema, $defs, uniqueItems, ...);
// required names without a property are dropped; a schema with no type gets one inferred from its
// keywords ("string" when nothing says otherwise). A non-object input gives {"type": "string"}.
Json geminiSchema(const Json& jsonSchema);

} // namespace awb::llm
