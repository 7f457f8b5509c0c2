/// The record's JSON Schema (draft 2020-12), printed by `second-opinion schema`.
/// Generated from docs/schema/record-1.0.0.schema.json, which it equals exactly
/// (final newline included); a test checks that `schema` prints that file.
public enum RecordSchema {
  /// The schema text.
  public static let json = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "urn:second-opinion:record:1.0.0",
      "title": "second-opinion record",
      "description": "One second-opinion intake interview: answers, triage and safety advice shown. Version 1.0.0.",
      "type": "object",
      "additionalProperties": false,
      "required": ["schemaVersion", "id", "createdAt", "mode", "channel", "status", "completedBy", "interviewVersion", "answers", "triage", "safetyAdvice"],
      "properties": {
        "schemaVersion": {"const": "1.0.0"},
        "id": {"type": "string", "pattern": "^SO-[0-9]{8}T[0-9]{6}Z-[0-9A-Z]{8}$"},
        "createdAt": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"},
        "mode": {"enum": ["patient", "receptionist"]},
        "channel": {"enum": ["terminal", "kiosk", "pipe"]},
        "language": {"description": "The interview's language, BCP 47 (en, cy); absent in older records, which read as en.", "type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$"},
        "status": {"enum": ["complete", "emergency"]},
        "emergency": {
          "type": "object",
          "additionalProperties": false,
          "required": ["rule", "staffAction"],
          "properties": {"rule": {"type": "string"}, "staffAction": {"type": "string"}}
        },
        "completedBy": {
          "type": "object",
          "additionalProperties": false,
          "required": ["role"],
          "properties": {"role": {"enum": ["patient", "receptionist"]}, "name": {"type": "string"}}
        },
        "interviewVersion": {"type": "string"},
        "answers": {"type": "array", "items": {"$ref": "#/$defs/answer"}},
        "triage": {"$ref": "#/$defs/triage"},
        "safetyAdvice": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["id", "title", "text"],
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"},
              "englishTitle": {"type": "string"}, "englishText": {"type": "string"}
            }
          }
        }
      },
      "allOf": [
        {
          "if": {"required": ["status"], "properties": {"status": {"const": "emergency"}}},
          "then": {"required": ["emergency"]},
          "else": {"not": {"required": ["emergency"]}}
        }
      ],
      "$defs": {
        "answer": {
          "type": "object",
          "additionalProperties": false,
          "required": ["questionId", "type", "heading", "label", "question", "typed", "state", "value", "display"],
          "properties": {
            "questionId": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
            "type": {"enum": ["single_choice", "multiple_choice", "yes_no", "text", "date", "number"]},
            "heading": {"type": "string"},
            "label": {"type": "string"},
            "field": {"type": "string"},
            "question": {"type": "string", "minLength": 1},
            "typed": {"type": "string"},
            "state": {"enum": ["answered", "unknown", "declined", "skipped"]},
            "value": {
              "oneOf": [
                {"type": "string"},
                {"type": "boolean"},
                {"type": "integer"},
                {"type": "array", "items": {"type": "string"}},
                {"type": "null"}
              ]
            },
            "display": {"type": "string"}
          },
          "allOf": [
            {"if": {"properties": {"state": {"const": "answered"}}}, "then": {"properties": {"value": {"not": {"type": "null"}}}}},
            {"if": {"properties": {"state": {"enum": ["unknown", "declined", "skipped"]}}}, "then": {"properties": {"value": {"type": "null"}}}},
            {"if": {"properties": {"type": {"const": "date"}, "state": {"const": "answered"}}}, "then": {"properties": {"value": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}}}}
          ]
        },
        "step": {
          "type": "object",
          "additionalProperties": false,
          "required": ["tree", "node", "ask", "result", "reason"],
          "properties": {
            "tree": {"enum": ["urgency", "delayRisk"]},
            "node": {"type": "string"},
            "ask": {"type": "string"},
            "result": {"enum": ["yes", "no", "unknown", "leaf"]},
            "reason": {"type": "string", "minLength": 1}
          }
        },
        "triage": {
          "type": "object",
          "additionalProperties": false,
          "required": ["urgency", "delayRisk", "urgencyLeaf", "delayRiskLeaf", "path", "reasons", "alsoNoted", "assumptions", "version"],
          "properties": {
            "urgency": {"enum": ["emergency", "urgent", "soon", "routine"]},
            "delayRisk": {"enum": ["high", "moderate", "low"]},
            "urgencyLeaf": {"type": "string"},
            "delayRiskLeaf": {"type": "string"},
            "path": {"type": "array", "minItems": 2, "items": {"$ref": "#/$defs/step"}},
            "reasons": {"type": "array", "minItems": 2, "items": {"type": "string"}},
            "alsoNoted": {"type": "array", "items": {"type": "string"}},
            "mapping": {
              "type": "object",
              "additionalProperties": false,
              "required": ["level", "meaning", "timeframe", "nice", "eReferral", "fhir"],
              "properties": {
                "level": {"enum": ["emergency", "urgent", "soon", "routine"]},
                "meaning": {"type": "string"},
                "timeframe": {"type": "string"},
                "nice": {"type": "string"},
                "eReferral": {"type": "string"},
                "fhir": {"enum": ["routine", "urgent", "asap", "stat"]},
                "why": {"type": "string"}
              }
            },
            "decisionDeadline": {
              "type": "object",
              "additionalProperties": false,
              "required": ["decideBy", "expectedWaitDays", "waitExceedsDeadline", "assumption"],
              "anyOf": [{"required": ["treatmentDate"]}, {"required": ["decisionDate"]}],
              "properties": {
                "treatmentDate": {"type": "string", "format": "date"},
                "decisionDate": {"type": "string", "format": "date"},
                "basis": {"enum": ["treatment", "decision"]},
                "decideBy": {"type": "string", "format": "date"},
                "daysUntilTreatment": {"type": "integer"},
                "daysLeftToDecide": {"type": "integer"},
                "dueNow": {"type": "boolean"},
                "decisionMarginDays": {"type": "integer", "minimum": 0},
                "expectedWaitDays": {"type": "integer"},
                "waitExceedsDeadline": {"type": "boolean"},
                "assumption": {"type": "string"}
              }
            },
            "expectedWait": {
              "type": "object",
              "additionalProperties": false,
              "required": ["days", "care", "kind", "source"],
              "properties": {
                "days": {"type": "integer", "minimum": 0},
                "care": {"type": "string"},
                "kind": {"type": "string"},
                "source": {"type": "string"}
              }
            },
            "assumptions": {"type": "array", "items": {"type": "string"}},
            "version": {"type": "string"}
          }
        }
      }
    }

    """#
}
