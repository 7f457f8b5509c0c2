#!/usr/bin/env python3
"""Delivery benchmark against NHS England's MESH sandbox on loopback (mutual TLS).

  1. Throughput: N queued records (default 1,000) delivered by
     `second-opinion deliver`, then the same N messages (the frozen bytes
     deliver sent, with the same MESH headers) sent by NHS England's
     mesh-client, in the same run against the same sandbox. Reported side by
     side and as a ratio (ours / mesh-client; above 1 is faster).
  2. Latency: records submitted one by one (default 100, 10 a second) while
     `deliver --watch` runs and a simulated practice downloads and
     acknowledges what arrives; the median and 95th percentile time from the
     record's commit to its delivery.json saying `accepted`.

Run from the repository root after a build, with the test tools' Python:

  .venv/bin/python Bench/mesh_bench.py [--records 1000] [--latency-records 100]
      [--binary PATH] [--json FILE]

The binary is $SECOND_OPINION_BIN, else .build/release/second-opinion, else
.build/debug/second-opinion. The sandbox and mesh-client come from
.venv-mesh/ (made on first use). Prints a table and, with --json, writes the
figures for Scripts/bench.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "python"))


def pick_binary(given):
    for candidate in (given, os.environ.get("SECOND_OPINION_BIN"), REPO / ".build/release/second-opinion",
                      REPO / ".build/debug/second-opinion"):
        if candidate and pathlib.Path(candidate).exists():
            return str(pathlib.Path(candidate).resolve())
    sys.exit("mesh_bench: no second-opinion binary; build first or pass --binary")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--latency-records", type=int, default=100)
    parser.add_argument("--rate", type=float, default=10.0, help="submissions a second in the latency run")
    parser.add_argument("--binary")
    parser.add_argument("--json")
    args = parser.parse_args()
    binary = pick_binary(args.binary)
    os.environ["SECOND_OPINION_BIN"] = binary

    import mesh_fixtures as mf  # needs SECOND_OPINION_BIN set first (conftest reads it)

    mf.ensure_venv()
    work = pathlib.Path(tempfile.mkdtemp(prefix="mesh-bench-"))
    certs = mf.make_certificates(work / "certs")
    sandbox = mf.Sandbox(work / "sandbox", certs)
    sandbox.start()
    try:
        config = mf.mesh_config(work, sandbox, timeout_seconds="30")
        template_out = work / "template"
        template = mf.interview(template_out, "routine")

        # 1. Throughput: ours.
        queue = work / "queue"
        ids = mf.clone_records(template_out / template, queue, args.records)
        started = time.perf_counter()
        result = subprocess.run([binary, "deliver", "--out", str(queue)], capture_output=True,
                                env=mf.deliver_env(config), timeout=3600)
        ours = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit("deliver failed: " + result.stderr.decode())
        sent = sum(1 for i in ids if mf.state_of(queue, i)["status"] == "sent")
        assert sent == len(ids), f"only {sent} of {len(ids)} sent"

        # 1. Throughput: mesh-client, the same bytes and headers.
        messages = []
        for record_id in ids:
            data = (queue / record_id / "itk-message-v1.json").read_bytes()
            messages.append((record_id, data))
        record = json.loads((queue / ids[0] / f"{ids[0]}.json").read_text())
        sandbox.reset()
        with sandbox.client(mf.SENDER) as client:
            client.handshake()
            started = time.perf_counter()
            for record_id, data in messages:
                client.send_message(mf.RECIPIENT, data, workflow_id=mf.WORKFLOW, local_id=record_id,
                                    subject="Online consultation report", filename=f"{record_id}.json",
                                    content_type="application/fhir+json")
            theirs = time.perf_counter() - started
        del record

        # 2. Latency: submit while deliver --watch runs; a practice acknowledges.
        sandbox.reset()
        live = work / "live"
        live.mkdir()
        watcher = subprocess.Popen([binary, "deliver", "--out", str(live), "--watch", "--interval", "0.2"],
                                   env=mf.deliver_env(config), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stop = threading.Event()

        def practice():
            with sandbox.client(mf.RECIPIENT) as client:
                while not stop.is_set():
                    for message_id in client.list_messages():
                        client.acknowledge_message(message_id)
                    time.sleep(0.1)

        thread = threading.Thread(target=practice, daemon=True)
        thread.start()
        submitted = {}
        accepted = {}
        staging = work / "staging"
        for index in range(args.latency_records):
            (record_id,) = mf.clone_records(template_out / template, staging, 1,
                                            start=f"2026-11-25T{12 + index // 3600:02d}:{index // 60 % 60:02d}:"
                                                  f"{index % 60:02d}Z")
            os.rename(staging / record_id, live / record_id)  # committed in one rename, as the store does
            submitted[record_id] = time.perf_counter()
            time.sleep(1 / args.rate)
            for pending in [i for i in submitted if i not in accepted]:
                if mf.state_of(live, pending)["status"] == "accepted":
                    accepted[pending] = time.perf_counter()
        deadline = time.perf_counter() + 120
        while len(accepted) < len(submitted) and time.perf_counter() < deadline:
            for pending in [i for i in submitted if i not in accepted]:
                if mf.state_of(live, pending)["status"] == "accepted":
                    accepted[pending] = time.perf_counter()
            time.sleep(0.05)
        stop.set()
        watcher.terminate()
        watcher.wait(timeout=30)
        latencies = sorted(accepted[i] - submitted[i] for i in accepted)
    finally:
        sandbox.stop()

    figures = {
        "records": args.records,
        "deliver_seconds": round(ours, 3),
        "deliver_per_second": round(args.records / ours, 1),
        "mesh_client_seconds": round(theirs, 3),
        "mesh_client_per_second": round(args.records / theirs, 1),
        "throughput_ratio": round(theirs / ours, 3),
        "latency_records": len(latencies),
        "latency_lost": args.latency_records - len(latencies),
        "submit_to_accepted_median_seconds": round(statistics.median(latencies), 3) if latencies else None,
        "submit_to_accepted_p95_seconds":
            round(latencies[int(0.95 * (len(latencies) - 1))], 3) if latencies else None,
    }
    print(f"{'':32}{'second-opinion':>16}{'mesh-client':>14}")
    print(f"{'records delivered':32}{args.records:>16}{args.records:>14}")
    print(f"{'seconds':32}{ours:>16.2f}{theirs:>14.2f}")
    print(f"{'messages a second':32}{args.records / ours:>16.1f}{args.records / theirs:>14.1f}")
    print(f"throughput ratio (ours / mesh-client): {figures['throughput_ratio']}")
    print(f"submit to accepted: median {figures['submit_to_accepted_median_seconds']} s, "
          f"95th percentile {figures['submit_to_accepted_p95_seconds']} s over {len(latencies)} records"
          f" ({figures['latency_lost']} not accepted in time)")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
