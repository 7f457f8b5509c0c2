"""Records against their JSON Schema (issue 5).

Every record the program writes must validate against
docs/schema/record-1.0.0.schema.json (Draft 2020-12, with format checking),
and `second-opinion schema` must print exactly that file. Records come from the
case library (`cases --records DIR`) and from piped interviews in both voices,
including an emergency stop.
"""
import json
import re
import subprocess

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from conftest import (
    CANCER_CASE, CHEST_PAIN_CASE, CRISIS_CASE, NOT_SURE_CASE, RELATIVE_CASE, REPO, base_env, case_arguments,
    case_lines, run_piped, run_case_library,
)

SCHEMA_FILE = REPO / "docs" / "schema" / "record-1.0.0.schema.json"
FIXED_ID = "SO-20261125T100000Z-00000000"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def case_records(binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("case-records")
    return folder, run_case_library(binary, folder)


def interview(outdir, lines, *args):
    """Runs a piped interview writing every format; returns (result, record)."""
    result = run_piped(
        ["interview", "--out", str(outdir), "--format", "markdown", "text", "html", "fhir", *args], lines)
    path = outdir / FIXED_ID / f"{FIXED_ID}.json"
    record = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    return result, record


def explain(result):
    return (result.stdout.decode(errors="replace")[-3000:] + "\n--- stderr ---\n"
            + result.stderr.decode(errors="replace"))


def assert_valid(validator, record, name):
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
    assert not errors, f"{name}: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def test_schema_command_prints_the_schema_file_exactly(binary):
    result = subprocess.run([binary, "schema"], capture_output=True, timeout=30, env=base_env())
    assert result.returncode == 0
    assert result.stdout == SCHEMA_FILE.read_bytes()


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_case_record_validates(case_records, validator):
    folder, names = case_records
    for name in names:
        record = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        assert_valid(validator, record, name)
        for ext in ("md", "txt", "html", "fhir.json"):
            assert (folder / f"{name}.{ext}").stat().st_size > 0, f"{name}.{ext} missing"


def test_a_patient_interview_record_validates(outdir, validator):
    result, record = interview(outdir, case_lines(CANCER_CASE))
    assert result.returncode == 0, explain(result)
    assert_valid(validator, record, "patient")
    assert record["id"] == FIXED_ID
    assert record["createdAt"] == "2026-11-25T10:00:00Z"
    assert record["mode"] == "patient" and record["channel"] == "pipe"
    assert record["status"] == "complete" and "emergency" not in record
    assert record["completedBy"] == {"role": "patient"}
    assert record["triage"]["decisionDeadline"]["treatmentDate"] == "2027-01-14"
    # The interview's language; an older record without it, or a Welsh one, is valid too.
    assert record["language"] == "en"
    assert_valid(validator, {k: v for k, v in record.items() if k != "language"}, "without a language")
    assert_valid(validator, {**record, "language": "cy"}, "Welsh")


def test_a_receptionist_interview_record_validates(outdir, validator):
    result, record = interview(outdir, case_lines(RELATIVE_CASE), *case_arguments(RELATIVE_CASE))
    assert result.returncode == 0, explain(result)
    assert_valid(validator, record, "receptionist")
    assert record["mode"] == "receptionist"
    assert record["completedBy"] == {"role": "receptionist", "name": "Alex Reception"}
    states = {a["questionId"]: a["state"] for a in record["answers"]}
    assert states["nhs_number"] == "declined" and states["gp_practice"] == "unknown"
    assert states["question_2"] == "skipped"
    for answer in record["answers"]:
        assert (answer["value"] is None) == (answer["state"] != "answered"), answer["questionId"]


@pytest.mark.parametrize("case, rules", [
    (CHEST_PAIN_CASE, {"red_flag_physical"}),
    (CRISIS_CASE, {"red_flag_mental_health"}),
    # "Not sure" cannot rule out any red flag, so the first stop rule fires.
    (NOT_SURE_CASE, {"red_flag_physical", "red_flag_not_sure", "red_flag_mental_health"}),
], ids=["physical", "mental-health", "not-sure"])
def test_an_emergency_record_validates(outdir, validator, case, rules):
    result, record = interview(outdir, case_lines(case))
    assert result.returncode == 3, explain(result)
    assert_valid(validator, record, case.stem)
    assert record["status"] == "emergency"
    assert record["emergency"]["rule"] in rules
    assert record["triage"]["urgency"] == "emergency"
    assert record["safetyAdvice"], "the emergency advice shown must be recorded"


def test_the_schema_rejects_records_that_break_it(outdir, validator):
    """The schema has teeth: each of these edits of a valid record is refused."""
    result, record = interview(outdir, case_lines(CHEST_PAIN_CASE))
    assert result.returncode == 3, explain(result)
    assert_valid(validator, record, "emergency")

    def broken(edit):
        copy = json.loads(json.dumps(record))
        edit(copy)
        return copy

    edits = {
        "unknown top-level key": lambda r: r.update(extra=1),
        "bad id": lambda r: r.update(id="../../etc/passwd"),
        "bad time": lambda r: r.update(createdAt="25/11/2026"),
        "bad status": lambda r: r.update(status="done"),
        "a language that is not a BCP 47 code": lambda r: r.update(language="Welsh"),
        "emergency without its flag": lambda r: r.pop("emergency"),
        "flag on a complete record": lambda r: r.update(status="complete"),
        "answered with a null value": lambda r: r["answers"][0].update(value=None),
        "bad answer state": lambda r: r["answers"][0].update(state="maybe"),
        "a date answer that is not ISO at any precision": lambda r: r["answers"][0].update(
            type="date", state="answered", value="March 2019"),
        "bad urgency": lambda r: r["triage"].update(urgency="whenever"),
        "bad FHIR priority": lambda r: r["triage"]["mapping"].update(fhir="soon"),
        "missing triage": lambda r: r.pop("triage"),
        "bad deadline date": lambda r: r["triage"].update(decisionDeadline={
            "treatmentDate": "2027-02-30", "decideBy": "2027-01-07", "daysUntilTreatment": 50,
            "expectedWaitDays": 126, "waitExceedsDeadline": True, "assumption": "x"}),
    }
    for name, edit in edits.items():
        with pytest.raises(ValidationError):
            validator.validate(broken(edit))
        assert not validator.is_valid(broken(edit)), name
