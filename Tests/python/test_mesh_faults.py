"""Exactly once over a MESH that does not de-duplicate: `deliver` killed
(SIGKILL) at every step across seeded trials, then restarted; MESH stopped,
answering 5xx, or too slow. Afterwards there is exactly one message per
record id, and none is lost."""
import json
import random
import signal

import pytest

from mesh_fixtures import *  # noqa: F401,F403
from mesh_fixtures import (ACK_WORKFLOW, RECIPIENT, SENDER, clone_records, deliver, interview, itk_response,
                           mesh_config, state_of)

STEPS = ["before-send", "after-send", "after-bookkeeping", "during-ack"]
SEED = 20261125


def queue(out, count, kind="routine"):
    template = interview(out / "template", kind)
    return clone_records(out / "template" / template, out / "queue", count)


def assert_exactly_once(sandbox, out, ids):
    messages = sandbox.inbox(RECIPIENT)
    local_ids = [{k.lower(): v for k, v in headers.items()}["mex-localid"] for _, headers, _ in messages]
    assert sorted(local_ids) == sorted(ids), "each record exactly once"
    for record_id in ids:
        assert sandbox.outbox_by_local_id(record_id) == 1
        frozen = (out / record_id / "itk-message-v1.json").read_bytes()
        data = next(d for _, h, d in messages if {k.lower(): v for k, v in h.items()}["mex-localid"] == record_id)
        assert data == frozen
        assert state_of(out, record_id)["status"] in ("sent", "accepted")


@pytest.mark.parametrize("trial", range(4))
def test_sigkill_at_any_step_then_restart_sends_each_record_once(mesh_sandbox, tmp_path, trial):
    rng = random.Random(SEED + trial)
    out = tmp_path / "out"
    ids = queue(out, 4)
    queue_folder = out / "queue"
    config = mesh_config(tmp_path, mesh_sandbox)
    # ITK3 responses waiting for some records, so the acknowledgement step runs too.
    kills = 0
    for round_ in range(6):
        # The first round always dies on the way; later ones anywhere, or not at all.
        step = rng.choice(STEPS[:3] if round_ == 0 else STEPS)
        nth = rng.randint(1, 2 if round_ == 0 else 3)
        result = deliver(queue_folder, config, "--concurrency", str(rng.randint(1, 3)),
                         SECOND_OPINION_FAULT=f"{step}@{nth}")
        if result.returncode == -signal.SIGKILL:
            kills += 1
        else:
            assert result.returncode in (0, 75), result.stderr.decode()
        if round_ == 2:
            # The practice answers what has arrived so far.
            with mesh_sandbox.client(RECIPIENT) as practice:
                for message_id in practice.list_messages():
                    original = json.loads(practice.retrieve_message(message_id).read())
                    practice.send_message(SENDER, json.dumps(itk_response(original)).encode(),
                                          workflow_id=ACK_WORKFLOW)
    final = deliver(queue_folder, config)
    assert final.returncode == 0, final.stderr.decode()
    assert kills > 0
    assert_exactly_once(mesh_sandbox, queue_folder, ids)
    assert mesh_sandbox.inbox(SENDER) == []


def test_mesh_stopped_then_back_nothing_lost(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    ids = queue(out, 3)
    config = mesh_config(tmp_path, mesh_sandbox)
    mesh_sandbox.stop()
    result = deliver(out / "queue", config, "--attempts", "2")
    assert result.returncode == 75, result.stdout.decode() + result.stderr.decode()
    assert "reached" in result.stderr.decode() or "refused" in result.stderr.decode()
    assert all(state_of(out / "queue", i)["status"] in ("pending", "sending") for i in ids)
    mesh_sandbox.start()
    result = deliver(out / "queue", config)
    assert result.returncode == 0, result.stderr.decode()
    assert_exactly_once(mesh_sandbox, out / "queue", ids)


def test_5xx_answers_are_retried_with_back_off(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    ids = queue(out, 3)
    config = mesh_config(tmp_path, mesh_sandbox)
    mesh_sandbox.set_faults([{"path": "/outbox", "method": "POST", "kind": "status", "status": status}
                             for status in (503, 500, 502, 504)])
    result = deliver(out / "queue", config, "--attempts", "6", "--concurrency", "1")
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    assert mesh_sandbox.pending_faults() == []
    assert_exactly_once(mesh_sandbox, out / "queue", ids)
    assert any(state_of(out / "queue", i)["attempts"] > 1 for i in ids)


def test_a_time_out_after_mesh_took_the_message_does_not_send_it_twice(mesh_sandbox, tmp_path):
    out = tmp_path / "out"
    ids = queue(out, 2)
    config = mesh_config(tmp_path, mesh_sandbox, timeout_seconds="1")
    mesh_sandbox.set_faults([
        {"path": "/outbox", "method": "POST", "kind": "delay-after", "seconds": 2},
        {"path": "/outbox", "method": "POST", "kind": "delay", "seconds": 2},
    ])
    result = deliver(out / "queue", config, "--attempts", "8", "--concurrency", "1")
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    assert_exactly_once(mesh_sandbox, out / "queue", ids)
    notes = [event.get("note", "") for i in ids for event in state_of(out / "queue", i)["history"]]
    assert any("already had it" in note for note in notes)


def test_two_deliverers_on_one_outbox_do_not_both_send(mesh_sandbox, tmp_path):
    import subprocess

    from conftest import BINARY
    from mesh_fixtures import deliver_env

    out = tmp_path / "out"
    ids = queue(out, 6)
    config = mesh_config(tmp_path, mesh_sandbox)
    processes = [subprocess.Popen([str(BINARY), "deliver", "--out", str(out / "queue")], env=deliver_env(config),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    for process in processes:
        process.communicate(timeout=120)
        assert process.returncode == 0
    assert deliver(out / "queue", config).returncode == 0
    assert_exactly_once(mesh_sandbox, out / "queue", ids)
