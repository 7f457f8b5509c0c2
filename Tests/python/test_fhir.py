"""The FHIR export (issue 5).

Every `.fhir.json` must be a valid FHIR R4B Bundle (fhir.resources 8.x, the
pydantic models: `Bundle.model_validate_json`). The models check structure and
data types but not bound codes, so this file also checks the codes against
their value sets and that the export says what the record says: priority,
NHS number, answers, triage reasons and the patient's questions. `render
--format fhir` must give the bytes written at interview time.
"""
import json
import re
import subprocess

import pytest
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from conftest import (
    CANCER_CASE, CHEST_PAIN_CASE, CRISIS_CASE, RELATIVE_CASE, base_env, case_arguments, case_lines, run_piped,
    run_case_library,
)

FIXED_ID = "SO-20261125T100000Z-00000000"
NHS_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
INTERPRETER = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
BCP47 = "urn:ietf:bcp:47"
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}

# Value sets (FHIR R4/R4B, required bindings).
BUNDLE_TYPE = {"document", "message", "transaction", "transaction-response", "batch", "batch-response",
               "history", "searchset", "collection"}
REQUEST_STATUS = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
REQUEST_INTENT = {"proposal", "plan", "directive", "order", "original-order", "reflex-order", "filler-order",
                  "instance-order", "option"}
REQUEST_PRIORITY = {"routine", "urgent", "asap", "stat"}
QR_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
DATA_ABSENT_REASON = {"unknown", "asked-unknown", "temp-unknown", "not-asked", "asked-declined", "masked",
                      "not-applicable", "unsupported", "as-text", "error", "not-a-number", "negative-infinity",
                      "positive-infinity", "not-performed", "not-permitted"}



@pytest.fixture(scope="module")
def case_exports(binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("case-fhir")
    pairs = []
    for name in run_case_library(binary, folder):
        record = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        pairs.append((name, record, (folder / f"{name}.fhir.json").read_bytes()))
    return pairs


def interview(outdir, lines, *args, status=0):
    result = run_piped(["interview", "--out", str(outdir), "--format", "fhir", *args], lines)
    assert result.returncode == status, (result.stdout.decode(errors="replace")[-3000:]
                                         + result.stderr.decode(errors="replace"))
    record = json.loads((outdir / FIXED_ID / f"{FIXED_ID}.json").read_text(encoding="utf-8"))
    return record, (outdir / FIXED_ID / f"{FIXED_ID}.fhir.json").read_bytes()


def resources(bundle):
    found = {}
    for entry in bundle["entry"]:
        kind = entry["resource"]["resourceType"]
        assert kind not in found, f"two {kind} resources"
        found[kind] = entry
    return found


def nhs_check_digit_ok(digits):
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def check_export(record, raw, name):
    """Everything the validator does not check; `raw` is the file's bytes."""
    model = Bundle.model_validate_json(raw)  # structure, data types, cardinality
    assert model.type == "collection"
    bundle = json.loads(raw)
    assert bundle["resourceType"] == "Bundle"
    assert bundle["type"] in BUNDLE_TYPE and bundle["type"] == "collection"
    assert bundle["identifier"]["value"] == record["id"]
    assert bundle["timestamp"] == record["createdAt"]
    found = resources(bundle)
    assert set(found) == {"Patient", "QuestionnaireResponse", "ServiceRequest"}, name
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", u) for u in urls)
    patient_url = found["Patient"]["fullUrl"]
    patient = found["Patient"]["resource"]
    response = found["QuestionnaireResponse"]["resource"]
    request = found["ServiceRequest"]["resource"]

    # References resolve inside the Bundle.
    assert response["subject"]["reference"] == patient_url
    assert request["subject"]["reference"] == patient_url
    assert [r["reference"] for r in request["supportingInfo"]] == [found["QuestionnaireResponse"]["fullUrl"]]

    # ServiceRequest codes.
    assert request["status"] in REQUEST_STATUS
    assert request["intent"] in REQUEST_INTENT
    assert request["priority"] in REQUEST_PRIORITY
    assert request["priority"] == record["triage"]["mapping"]["fhir"], name
    notes = [note["text"] for note in request["note"]]
    for reason in record["triage"]["reasons"]:
        assert any(reason in note for note in notes), f"{name}: triage reason missing from notes: {reason}"
    assert any("does not replace, a clinician's judgement" in note for note in notes)
    for answer in record["answers"]:
        if answer["heading"] == "questions" and answer["state"] == "answered":
            assert any(answer["display"] in note for note in notes), f"{name}: question missing: {answer['display']}"

    # QuestionnaireResponse: status and one item per recorded answer.
    assert response["status"] in QR_STATUS
    assert response["status"] == ("completed" if record["status"] == "complete" else "stopped")
    link_ids = [item["linkId"] for item in response.get("item", [])]
    assert len(set(link_ids)) == len(link_ids)
    assert link_ids == [answer["questionId"] for answer in record["answers"]], name
    for item, answer in zip(response.get("item", []), record["answers"]):
        assert item["text"] == answer["question"]
        reasons = [e["valueCode"] for e in item.get("extension", []) if e["url"] == DATA_ABSENT]
        if answer["state"] == "answered":
            assert item.get("answer"), f"{name}: {answer['questionId']} has no answer"
            assert not reasons
            value = answer["value"]
            kinds = [next(k for k in a if k.startswith("value")) for a in item["answer"]]
            if isinstance(value, bool):
                assert item["answer"] == [{"valueBoolean": value}]
            elif isinstance(value, list):
                assert [a["valueCoding"]["code"] for a in item["answer"]] == value
            elif answer["type"] == "date":
                assert item["answer"] == [{"valueDate": value}]
            elif answer["type"] == "number":
                assert item["answer"] == [{"valueInteger": value}]
            elif answer["type"] == "single_choice":
                assert item["answer"][0]["valueCoding"]["code"] == value
                assert item["answer"][0]["valueCoding"]["display"] == answer["display"]
            else:
                assert kinds == ["valueString"] and item["answer"][0]["valueString"] == value
        else:
            # "Not sure" and "prefer not to say" are reasons for no answer, not answers.
            assert "answer" not in item, f"{name}: {answer['questionId']} ({answer['state']}) has a made-up answer"
            expected = {"unknown": ["asked-unknown"], "declined": ["asked-declined"], "skipped": []}
            assert reasons == expected[answer["state"]], answer["questionId"]
            assert all(code in DATA_ABSENT_REASON for code in reasons)

    # Patient: the NHS number, when given, under the NHS system and equal to the record's.
    nhs = next((a for a in record["answers"] if a.get("field") == "patient.nhsNumber"), None)
    identifiers = patient.get("identifier", [])
    if nhs and nhs["state"] == "answered":
        assert identifiers == [{"system": NHS_SYSTEM, "value": nhs["value"]}]
        assert re.fullmatch(r"[0-9]{10}", nhs["value"]) and nhs_check_digit_ok(nhs["value"])
    else:
        assert not any(i.get("system") == NHS_SYSTEM for i in identifiers)
    birth = next((a for a in record["answers"] if a.get("field") == "patient.birthDate"), None)
    if birth and birth["state"] == "answered":
        assert patient["birthDate"] == birth["value"]

    # Patient.communication: the interview's language (an older record without
    # one is English), coded in BCP 47, preferred; the interpreter need only
    # when the requirements question was answered.
    language = record.get("language", "en")
    assert model.entry[0].resource.communication[0].preferred is True
    assert patient["communication"] == [{
        "language": {"coding": [{"system": BCP47, "code": language, "display": LANGUAGE_NAMES[language]}],
                     "text": LANGUAGE_NAMES[language]},
        "preferred": True,
    }], name
    needs = next((a for a in record["answers"] if a.get("field") == "patient.requirements"), None)
    interpreter = [e for e in patient.get("extension", []) if e["url"] == INTERPRETER]
    if needs and needs["state"] == "answered":
        assert interpreter == [{"url": INTERPRETER, "valueBoolean": "interpreter" in needs["value"]}], name
    else:
        assert interpreter == [], name
    return bundle


def test_fhir_resources_really_validates():
    """The validator is not a no-op: a wrong type and an unknown element are refused."""
    good = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:00000000-0000-8000-a000-000000000000",
         "resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "proposal",
                      "subject": {"reference": "urn:uuid:00000000-0000-8000-a000-000000000001"}}}]}
    Bundle.model_validate_json(json.dumps(good))
    for bad in (
        {**good, "timestamp": "25/11/2026"},
        {**good, "unknownElement": 1},
        {**good, "entry": [{"resource": {**good["entry"][0]["resource"], "subject": "Patient/1"}}]},
    ):
        with pytest.raises(ValidationError):
            Bundle.model_validate_json(json.dumps(bad))


def test_every_case_export_is_a_valid_bundle(case_exports):
    for name, record, raw in case_exports:
        check_export(record, raw, name)


def test_partial_dates_are_fhir_partial_dates(case_exports):
    """A rough date keeps its precision: "March 2019" is valueDate "2019-03", "2019"
    is "2019" (FHIR date allows both), never a made-up day; a full date stays full."""
    seen = {}
    for name, record, raw in case_exports:
        items = {}
        for item in json.loads(raw)["entry"]:
            if item["resource"]["resourceType"] == "QuestionnaireResponse":
                items = {i["linkId"]: i for i in item["resource"]["item"]}
        for answer in record["answers"]:
            if answer["type"] != "date" or answer["state"] != "answered":
                continue
            value = items[answer["questionId"]]["answer"][0]["valueDate"]
            assert value == answer["value"], (name, answer["questionId"])
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), (name, value)
            seen[(name, answer["questionId"])] = value
    assert seen[("160-private-route-reviewer-details-describes-gender", "diagnosis_date")] == "2019-03"
    assert seen[("162-nhs-scans-held-where-samples-are", "diagnosis_date")] == "2019"
    assert seen[("163-nhs-confirmed-cancer-mdt-and-samples", "diagnosis_date")] == "2026-11"
    assert seen[("160-private-route-reviewer-details-describes-gender", "date_of_birth")] == "1982-03-03"


def test_a_patient_export(outdir):
    record, raw = interview(outdir, case_lines(CANCER_CASE))
    bundle = check_export(record, raw, "patient")
    request = resources(bundle)["ServiceRequest"]["resource"]
    assert request["priority"] == "asap"  # urgent: suspected cancer
    patient = resources(bundle)["Patient"]["resource"]
    assert patient["identifier"][0]["value"] == "9434765919"


def test_a_receptionist_export_with_unknown_and_declined_answers(outdir):
    record, raw = interview(outdir, case_lines(RELATIVE_CASE), *case_arguments(RELATIVE_CASE))
    bundle = check_export(record, raw, "receptionist")
    patient = resources(bundle)["Patient"]["resource"]
    assert "identifier" not in patient and "address" not in patient  # declined
    items = {i["linkId"]: i for i in resources(bundle)["QuestionnaireResponse"]["resource"]["item"]}
    assert items["nhs_number"]["extension"][0]["valueCode"] == "asked-declined"
    assert items["diagnosis"]["extension"][0]["valueCode"] == "asked-unknown"


@pytest.mark.parametrize("case", [CHEST_PAIN_CASE, CRISIS_CASE], ids=["physical", "mental-health"])
def test_an_emergency_export(outdir, case):
    record, raw = interview(outdir, case_lines(case), status=3)
    bundle = check_export(record, raw, "emergency")
    found = resources(bundle)
    assert found["ServiceRequest"]["resource"]["priority"] == "stat"
    assert found["QuestionnaireResponse"]["resource"]["status"] == "stopped"


def test_render_gives_the_bytes_written_at_interview_time(binary, outdir):
    record, raw = interview(outdir, case_lines(CANCER_CASE))
    result = subprocess.run(
        [binary, "render", str(outdir / FIXED_ID / f"{FIXED_ID}.json"), "--format", "fhir"],
        capture_output=True, timeout=30, env=base_env())
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == raw


def test_render_of_every_case_gives_the_case_bytes(binary, case_exports, tmp_path):
    for name, record, raw in case_exports:
        path = tmp_path / "record.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        result = subprocess.run([binary, "render", str(path), "--format", "fhir"],
                                capture_output=True, timeout=30, env=base_env())
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout == raw, name


def test_the_patients_language_and_interpreter_need(binary, case_exports, tmp_path):
    """A Welsh record's Patient says Welsh (cy) is the preferred language; an
    interpreter need is coded true; a record written before the language was
    kept is English."""
    records = {name: record for name, record, _ in case_exports}
    exports = {name: json.loads(raw) for name, _, raw in case_exports}
    needing = records["043-hysterectomy-abroad-route-fixed-date"]
    patient = resources(exports["043-hysterectomy-abroad-route-fixed-date"])["Patient"]["resource"]
    assert patient["extension"] == [{"url": INTERPRETER, "valueBoolean": True}]
    for language, record in (("cy", needing), ("cy", records["010-suspected-prostate-cancer-surgery"]),
                             (None, records["010-suspected-prostate-cancer-surgery"])):
        edited = dict(record)
        if language:
            edited["language"] = language
        else:
            edited.pop("language", None)
        path = tmp_path / "record.json"
        path.write_text(json.dumps(edited), encoding="utf-8")
        result = subprocess.run([binary, "render", str(path), "--format", "fhir"],
                                capture_output=True, timeout=30, env=base_env())
        assert result.returncode == 0, result.stderr.decode()
        bundle = check_export(edited, result.stdout, f"{language} record")
        coding = resources(bundle)["Patient"]["resource"]["communication"][0]["language"]["coding"][0]
        assert coding == {"system": BCP47, "code": language or "en", "display": "Welsh" if language else "English"}
