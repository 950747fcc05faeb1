"""The schema says what every operation may refuse, in the API's one error shape
(shop/api/responses.py): a drf-spectacular postprocessing hook."""

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    },
}
REFUSALS = {
    "400": "The request or the service refused it; nothing changed.",
    "401": "No key, or a key that does not exist or was revoked.",
    "403": "The key lacks the permission this needs.",
    "404": "Not found, or not yours.",
    "405": "Method not allowed.",
    "406": "Only JSON is answered.",
    "409": "The first request with this Idempotency-Key is still running.",
    "415": "Send JSON.",
    "422": "This Idempotency-Key was already used for another request.",
    "429": "Too many requests: see Retry-After.",
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds."}}


def error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in REFUSALS.items():
                answer = {"description": description, "content": reference}
                if status == "429":
                    answer["headers"] = RETRY_AFTER
                responses.setdefault(status, answer)
    return result
