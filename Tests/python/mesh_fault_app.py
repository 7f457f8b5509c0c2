"""NHS England's MESH sandbox (mesh_sandbox.api:app) behind a small fault
injector, for the delivery tests. Faults are read from the JSON file named by
$MESH_FAULTS_FILE: a list of {"path": substring, "method": "POST", "kind":
"status"|"delay"|"delay-after", "status": 503, "seconds": 5}; each request
takes the first fault that matches it (and removes it from the file).

  status       answer with that HTTP status, without passing the request on
  delay        wait, then pass the request on (a slow MESH)
  delay-after  pass the request on, then wait before answering (MESH did the
               work but the client times out: the case exactly-once is for)
"""
import asyncio
import fcntl
import json
import os

from mesh_sandbox.api import app as sandbox

FAULTS = os.environ.get("MESH_FAULTS_FILE")


def take_fault(path, method):
    if not FAULTS or not os.path.exists(FAULTS):
        return None
    with open(FAULTS, "r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            faults = json.loads(handle.read() or "[]")
        except ValueError:
            return None
        for index, fault in enumerate(faults):
            if fault.get("path", "") in path and fault.get("method", method) == method:
                del faults[index]
                handle.seek(0)
                handle.truncate()
                handle.write(json.dumps(faults))
                return fault
    return None


async def app(scope, receive, send):
    if scope["type"] != "http":
        await sandbox(scope, receive, send)
        return
    fault = take_fault(scope.get("path", ""), scope.get("method", "GET"))
    if fault is None:
        await sandbox(scope, receive, send)
        return
    kind = fault.get("kind", "status")
    if kind == "status":
        body = json.dumps({"detail": "injected fault"}).encode()
        await send({"type": "http.response.start", "status": int(fault.get("status", 503)),
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
        return
    if kind == "delay":
        await asyncio.sleep(float(fault.get("seconds", 5)))
        await sandbox(scope, receive, send)
        return
    # delay-after: let the sandbox do the work, hold the answer back.
    held = []

    async def hold(message):
        held.append(message)

    await sandbox(scope, receive, hold)
    await asyncio.sleep(float(fault.get("seconds", 5)))
    for message in held:
        await send(message)
