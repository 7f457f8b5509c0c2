"""The GP Connect Send Document message as it crosses MESH: validated with the
independent fhir.resources STU3 models, and its codes and MESH metadata
checked against the specification here."""
import base64
import json

import pytest
from fhir.resources.STU3.bundle import Bundle

from mesh_fixtures import *  # noqa: F401,F403
from mesh_fixtures import (RECIPIENT, SENDER, WORKFLOW, deliver, interview, mesh_config, pdf_of_message,
                           state_of)

SNOMED = "http://snomed.info/sct"


def resources(bundle):
    return [entry["resource"] for entry in bundle["entry"]]


def one(bundle, kind):
    (found,) = [r for r in resources(bundle) if r["resourceType"] == kind]
    return found


@pytest.fixture
def delivered(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    record_id = interview(out, "urgent")
    config = mesh_config(tmp_path, mesh_sandbox)
    result = deliver(out, config)
    assert result.returncode == 0, result.stderr.decode()
    ((message_id, headers, data),) = mesh_sandbox.inbox(RECIPIENT)
    return out, record_id, headers, data


def test_the_message_is_a_valid_stu3_bundle(delivered):
    _, _, _, data = delivered
    message = json.loads(data)
    bundle = Bundle.model_validate(message)
    assert bundle.type == "message"
    document = one(message, "Bundle")
    assert Bundle.model_validate(document).type == "document"


def test_message_header_follows_itk3_and_send_document(delivered):
    _, record_id, _, data = delivered
    message = json.loads(data)
    header = message["entry"][0]["resource"]
    assert header["resourceType"] == "MessageHeader"
    assert header["meta"]["profile"] == ["https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2"]
    assert header["event"] == {"system": "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2",
                               "code": "ITK007C", "display": "ITK GP Connect Send Document"}
    assert header["source"]["endpoint"] == SENDER
    assert "destination" not in header and "receiver" not in header
    handling = header["extension"][0]
    assert handling["url"] == "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2"
    parts = {item["url"]: item for item in handling["extension"]}
    assert parts["BusAckRequested"]["valueBoolean"] is True
    assert parts["InfAckRequested"]["valueBoolean"] is True
    assert parts["RecipientType"]["valueCoding"]["code"] == "FA"
    assert parts["MessageDefinition"]["valueReference"]["reference"] == \
        "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1"
    assert parts["LocalExtension"]["valueString"] == "SendDocument-ConsultationReport"
    sender = next(r for r in resources(message) if r["resourceType"] == "Organization")
    assert header["sender"]["reference"] == "urn:uuid:" + sender["id"]
    assert sender["identifier"][0] == {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "X26"}
    assert header["focus"] == [{"reference": "urn:uuid:" + one(message, "Bundle")["id"]}]


def test_composition_carries_the_pdf_first_and_the_questionnaire_response(delivered):
    out, record_id, _, data = delivered
    message = json.loads(data)
    document = one(message, "Bundle")
    composition = document["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert composition["status"] == "final"
    assert composition["title"] == "Online consultation report"
    assert composition["type"]["coding"][0]["system"] == SNOMED
    assert composition["type"]["coding"][0]["code"] == "149951000000107"
    assert composition["confidentiality"] == "N"
    by_url = {entry["fullUrl"]: entry["resource"] for entry in document["entry"]}
    first = by_url[composition["section"][0]["entry"][0]["reference"]]
    assert first["resourceType"] == "Binary" and first["contentType"] == "application/pdf"
    assert first["meta"]["profile"] == ["https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Attachment-Binary-1"]
    pdf = base64.b64decode(first["content"])
    assert pdf.startswith(b"%PDF-")
    assert pdf == (out / record_id / f"{record_id}.pdf").read_bytes()
    second = by_url[composition["section"][1]["entry"][0]["reference"]]
    assert second["resourceType"] == "QuestionnaireResponse"
    record = json.loads((out / record_id / f"{record_id}.json").read_text())
    assert [item["linkId"] for item in second["item"]] == [a["questionId"] for a in record["answers"]]
    custodian = by_url[composition["custodian"]["reference"]]
    assert custodian["resourceType"] == "Organization"
    assert by_url[composition["subject"]["reference"]]["resourceType"] == "Patient"


def test_patient_matches_the_record_and_the_mesh_metadata(delivered):
    out, record_id, headers, data = delivered
    message = json.loads(data)
    patient = one(one(message, "Bundle"), "Patient")
    record = json.loads((out / record_id / f"{record_id}.json").read_text())
    answers = {a.get("field"): a for a in record["answers"]}
    assert patient["identifier"][0]["system"] == "https://fhir.nhs.uk/Id/nhs-number"
    assert patient["identifier"][0]["value"] == answers["patient.nhsNumber"]["value"]
    assert patient["birthDate"] == answers["patient.birthDate"]["value"]
    name = patient["name"][0]
    assert name["use"] == "official"
    assert name["family"] == answers["patient.name"]["value"].split()[-1]
    lower = {key.lower(): value for key, value in headers.items()}
    assert lower["mex-workflowid"] == WORKFLOW
    assert lower["mex-localid"] == record_id
    assert lower["mex-from"] == SENDER
    assert lower["mex-to"] == RECIPIENT
    assert lower["mex-subject"] == (f"Online consultation report for {answers['patient.name']['value']}, "
                                    f"NHS Number {patient['identifier'][0]['value']}, Version 1")
    # The interview's language and the interpreter need, as CareConnect's
    # NHSCommunication extension (CareConnect-Patient-1 has no Patient.communication).
    assert "communication" not in patient
    [nhs] = [e for e in patient["extension"]
             if e["url"] == "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-NHSCommunication-1"]
    parts = {e["url"]: e for e in nhs["extension"]}
    coding = parts["language"]["valueCodeableConcept"]["coding"][0]
    assert coding["system"] == "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1"
    assert coding["code"] == record.get("language", "en") == "en" and coding["display"] == "English"
    assert parts["preferred"]["valueBoolean"] is True
    needs = answers.get("patient.requirements")
    if needs and needs["state"] == "answered":
        assert parts["interpreterRequired"]["valueBoolean"] == ("interpreter" in needs["value"])
    else:
        assert "interpreterRequired" not in parts


def test_encounter_priority_is_the_urgency(delivered):
    out, record_id, _, data = delivered
    encounter = one(one(json.loads(data), "Bundle"), "Encounter")
    urgency = state_of(out, record_id)["urgency"]
    assert encounter["priority"]["coding"][0]["code"] == {"emergency": "EM", "urgent": "UR", "soon": "A",
                                                          "routine": "R"}[urgency]
    assert encounter["status"] == "finished"


def test_a_corrected_record_is_sent_as_a_replacement(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    record_id = interview(out, "routine")
    config = mesh_config(tmp_path, mesh_sandbox)
    assert deliver(out, config).returncode == 0
    ((first_id, _, first),) = mesh_sandbox.inbox(RECIPIENT)
    path = out / record_id / f"{record_id}.json"
    record = json.loads(path.read_text())
    for answer in record["answers"]:
        if answer["state"] == "answered" and answer["type"] == "text":
            answer["display"] = answer["typed"] = answer["value"] = "Corrected by the practice after a call."
            break
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    result = deliver(out, config)
    assert result.returncode == 0, result.stderr.decode()
    messages = {json.loads(data)["id"]: (headers, json.loads(data)) for _, headers, data in mesh_sandbox.inbox()}
    assert len(messages) == 2
    (headers, second), = [(h, m) for h, m in messages.values() if m["id"] != json.loads(first)["id"]]
    old = one(json.loads(first), "Bundle")["entry"][0]["resource"]
    new = one(second, "Bundle")["entry"][0]["resource"]
    assert new["relatesTo"] == [{"code": "replaces", "targetIdentifier": old["identifier"]}]
    assert {k.lower(): v for k, v in headers.items()}["mex-localid"] == record_id + ".v2"
    assert "Version 2" in {k.lower(): v for k, v in headers.items()}["mex-subject"]
    Bundle.model_validate(second)
    assert state_of(out, record_id)["version"] == 2
