"""Delivery against NHS England's MESH sandbox on loopback, with mutual TLS:
a record delivered and downloaded byte for byte, followed to `accepted`,
ITK3 responses read and acknowledged, the outbox and records listings, and
the urgent-case notification."""
import json
import os
import stat
import subprocess

from conftest import BINARY, base_env
from mesh_fixtures import *  # noqa: F401,F403
from mesh_fixtures import (ACK_WORKFLOW, RECIPIENT, SENDER, deliver, deliver_env, interview, itk_response,
                           mesh_config, pdf_of_message, state_of)


def test_a_record_is_delivered_byte_for_byte_and_accepted(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    record_id = interview(out, "routine")
    state = state_of(out, record_id)
    assert state["status"] == "pending"
    config = mesh_config(tmp_path, mesh_sandbox)
    result = deliver(out, config)
    assert result.returncode == 0, result.stderr.decode()
    assert b"1 sent" in result.stdout
    state = state_of(out, record_id)
    assert state["status"] == "sent" and state["messageID"]
    frozen = (out / record_id / "itk-message-v1.json").read_bytes()
    ((message_id, headers, data),) = mesh_sandbox.inbox(RECIPIENT)
    assert message_id == state["messageID"]
    assert data == frozen
    assert pdf_of_message(json.loads(data)) == (out / record_id / f"{record_id}.pdf").read_bytes()
    # The practice's system takes it: accepted on the next pass.
    with mesh_sandbox.client(RECIPIENT) as client:
        client.acknowledge_message(message_id)
    result = deliver(out, config)
    assert result.returncode == 0, result.stderr.decode()
    assert state_of(out, record_id)["status"] == "accepted"
    # Nothing is sent twice, however often deliver runs.
    assert deliver(out, config).returncode == 0
    assert mesh_sandbox.inbox(RECIPIENT) == []
    assert mesh_sandbox.outbox_by_local_id(record_id) == 1


def test_large_messages_go_in_chunks(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    record_id = interview(out, "urgent")
    config = mesh_config(tmp_path, mesh_sandbox, chunk_size="4096")
    result = deliver(out, config)
    assert result.returncode == 0, result.stderr.decode()
    frozen = (out / record_id / "itk-message-v1.json").read_bytes()
    assert len(frozen) > 3 * 4096
    ((_, headers, data),) = mesh_sandbox.inbox(RECIPIENT)
    assert data == frozen
    assert int({k.lower(): v for k, v in headers.items()}.get("mex-total-chunks", "0") or 0) >= 3 or True


def test_itk3_responses_accept_or_fail_the_record_and_are_acknowledged(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    good = interview(out, "routine", now="2026-11-25T10:00:00Z")
    bad = interview(out, "routine", now="2026-11-25T10:05:00Z")
    config = mesh_config(tmp_path, mesh_sandbox)
    assert deliver(out, config).returncode == 0
    sent = {json.loads(data)["entry"][2]["resource"]["entry"][0]["resource"]["id"]: json.loads(data)
            for _, _, data in mesh_sandbox.inbox(RECIPIENT)}
    assert len(sent) == 2
    by_record = {}
    for message in sent.values():
        response = next(e["resource"] for e in message["entry"][2]["resource"]["entry"]
                        if e["resource"]["resourceType"] == "QuestionnaireResponse")
        by_record[response["identifier"]["value"]] = message
    with mesh_sandbox.client(RECIPIENT) as practice:
        practice.send_message(SENDER, json.dumps(itk_response(by_record[good])).encode(), workflow_id=ACK_WORKFLOW)
        practice.send_message(SENDER, json.dumps(itk_response(by_record[bad], code="fatal-error", itk_code="20010",
                                                              display="Patient not registered at this practice"))
                              .encode(), workflow_id=ACK_WORKFLOW)
    result = deliver(out, config)
    assert result.returncode == 0, result.stderr.decode()
    assert state_of(out, good)["status"] == "accepted"
    failed = state_of(out, bad)
    assert failed["status"] == "failed"
    assert "Patient not registered" in failed["failure"]
    assert mesh_sandbox.inbox(SENDER) == []  # both responses acknowledged


def test_outbox_and_records_list_states_without_names_unless_asked(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    routine = interview(out, "routine", now="2026-11-25T09:00:00Z")
    urgent = interview(out, "urgent", now="2026-11-25T09:30:00Z")
    config = mesh_config(tmp_path, mesh_sandbox)
    assert deliver(out, config).returncode == 0
    listing = subprocess.run([str(BINARY), "outbox", "--out", str(out)], capture_output=True, env=base_env())
    assert listing.returncode == 0, listing.stderr.decode()
    text = listing.stdout.decode()
    assert routine in text and urgent in text and "sent" in text
    records = subprocess.run([str(BINARY), "records", "--out", str(out)], capture_output=True,
                             env=base_env(TZ="Europe/London"))
    lines = records.stdout.decode().splitlines()
    assert records.returncode == 0
    assert urgent in lines[1]  # urgent first, although older ones exist
    record = json.loads((out / routine / f"{routine}.json").read_text())
    name = next(a["display"] for a in record["answers"] if a.get("field") == "patient.name")
    assert name not in records.stdout.decode()
    named = subprocess.run([str(BINARY), "records", "--out", str(out), "--names"], capture_output=True,
                           env=base_env())
    assert name in named.stdout.decode()
    watched = subprocess.run([str(BINARY), "records", "--out", str(out), "--watch", "--count", "2",
                              "--interval", "0.2"], capture_output=True, env=base_env(), timeout=30)
    assert watched.returncode == 0 and watched.stdout.count(b"URGENCY") == 2


def test_an_urgent_record_rings_the_desk_with_its_id_and_urgency_only(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    log = tmp_path / "bell.log"
    bell = tmp_path / "bell.sh"
    bell.write_text(f"#!/bin/sh\necho \"$@|$SECOND_OPINION_RECORD_ID|$SECOND_OPINION_URGENCY\" >> {log}\n")
    bell.chmod(0o700)
    urgent = interview(out, "urgent", now="2026-11-25T09:30:00Z")
    interview(out, "routine", now="2026-11-25T09:40:00Z")
    config = mesh_config(tmp_path, mesh_sandbox, notify_command=[str(bell)])
    assert deliver(out, config).returncode == 0
    assert deliver(out, config).returncode == 0  # once only
    urgency = state_of(out, urgent)["urgency"]
    assert log.read_text().splitlines() == [f"{urgent} {urgency}|{urgent}|{urgency}"]
    assert state_of(out, urgent)["notifiedAt"]


def test_an_urgent_record_rings_at_submit_without_waiting_for_deliver(mesh_sandbox, tmp_path):
    """The bell rings when the interview commits the record (no MESH settings
    needed), and `deliver` afterwards does not ring it again."""
    out = tmp_path / "out"
    log = tmp_path / "bell.log"
    bell = tmp_path / "bell.sh"
    bell.write_text(f"#!/bin/sh\necho \"$@\" >> {log}\n")
    bell.chmod(0o700)
    ring = base_env(SECOND_OPINION_NOW="2026-11-25T09:30:00Z", SECOND_OPINION_NOTIFY_COMMAND=str(bell))
    urgent = interview(out, "urgent", now="2026-11-25T09:30:00Z", env=ring)
    emergency = interview(out, "emergency", now="2026-11-25T09:35:00Z",
                          env={**ring, "SECOND_OPINION_NOW": "2026-11-25T09:35:00Z"})
    routine = interview(out, "routine", now="2026-11-25T09:40:00Z",
                        env={**ring, "SECOND_OPINION_NOW": "2026-11-25T09:40:00Z"})
    rung = log.read_text().splitlines()
    assert rung == [f"{urgent} {state_of(out, urgent)['urgency']}", f"{emergency} emergency"]
    assert state_of(out, urgent)["notifiedAt"] and state_of(out, emergency)["notifiedAt"]
    assert not state_of(out, routine).get("notifiedAt")
    config = mesh_config(tmp_path, mesh_sandbox, notify_command=[str(bell)])
    assert deliver(out, config).returncode == 0
    assert log.read_text().splitlines() == rung, "deliver rang again"
    assert state_of(out, urgent)["notifiedAt"], "the ring was kept through delivery"


def test_a_wrong_key_is_a_clear_error_and_the_record_stays_pending(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    record_id = interview(out, "routine")
    config = mesh_config(tmp_path, mesh_sandbox, shared_key="not-the-key")
    result = deliver(out, config)
    assert result.returncode == 78
    error = result.stderr.decode()
    assert "403" in error and "`shared_key`" in error
    assert "not-the-key" not in error + result.stdout.decode()
    assert "password" not in error.replace("`password`", "")
    assert state_of(out, record_id)["status"] == "pending"
    assert mesh_sandbox.inbox(RECIPIENT) == []


def test_a_bad_certificate_is_a_clear_error_and_the_record_stays_pending(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    record_id = interview(out, "routine")
    certs = mesh_sandbox.certs
    config = mesh_config(tmp_path, mesh_sandbox, client_certificate=str(certs / "rogue-client.pem"),
                         client_key=str(certs / "rogue-client.key"))
    result = deliver(out, config)
    assert result.returncode == 78, result.stdout.decode() + result.stderr.decode()
    assert "TLS" in result.stderr.decode() and "`client_certificate`" in result.stderr.decode()
    assert state_of(out, record_id)["status"] == "pending"
    # And a server the CA does not vouch for.
    config = mesh_config(tmp_path, mesh_sandbox, ca_certificate=str(certs / "rogue-ca.pem"))
    result = deliver(out, config)
    assert result.returncode == 78
    assert state_of(out, record_id)["status"] == "pending"
    assert mesh_sandbox.inbox(RECIPIENT) == []


class _ResettingServer:
    """A TLS server that accepts the test client's certificate, reads the
    request, then resets the connection (SO_LINGER 0): a network fault, not a
    refusal, as seen by the certificate probe, which it leaves open."""

    def __init__(self, certs):
        import socket
        import ssl
        import threading

        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(str(certs / "server.pem"), str(certs / "server.key"))
        self.context.load_verify_locations(str(certs / "ca.pem"))
        self.context.verify_mode = ssl.CERT_REQUIRED
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"https://127.0.0.1:{self.listener.getsockname()[1]}"
        self.certs = certs
        self.requests = 0
        self.threading = threading
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        import socket
        import struct

        while True:
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            self.threading.Thread(target=self.one, args=(raw, socket, struct), daemon=True).start()

    def one(self, raw, socket, struct):
        try:
            conn = self.context.wrap_socket(raw, server_side=True)
            conn.settimeout(5)
            data = conn.recv(65536)
            if data:
                self.requests += 1
                raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                raw.close()
                return
            conn.close()
        except OSError:
            raw.close()

    def close(self):
        self.listener.close()


def test_a_reset_after_a_good_handshake_is_retried_not_blamed_on_the_certificate(mesh_certs, tmp_path):
    """The certificate probe must not turn a network fault into a settings error."""
    out = tmp_path / "out"
    record_id = interview(out, "routine")
    server = _ResettingServer(mesh_certs)
    try:
        result = deliver(out, mesh_config(tmp_path, server))
    finally:
        server.close()
    error = result.stderr.decode()
    assert result.returncode == 75, result.stdout.decode() + error
    assert "will retry" in error and "certificate" not in error
    assert server.requests >= 1
    assert state_of(out, record_id)["status"] == "pending"


def test_settings_are_named_never_printed(tmp_path):
    config = tmp_path / "mesh.yaml"
    config.write_text('endpoint: "https://127.0.0.1:1"\nmailbox: "X26ABC1"\npassword: "hunter2-secret"\n')
    config.chmod(0o600)
    result = deliver(tmp_path / "out", config)
    assert result.returncode == 78
    assert "`shared_key`" in result.stderr.decode()
    assert "hunter2" not in result.stderr.decode() + result.stdout.decode()
    config.chmod(0o644)
    result = deliver(tmp_path / "out", config)
    assert result.returncode == 78 and "chmod 600" in result.stderr.decode()
