"""The MESH sandbox for the delivery tests: NHS England's mesh-sandbox and
mesh-client in their own git-ignored virtual environment (.venv-mesh/), run
on 127.0.0.1 with mutual TLS and certificates made here with openssl.

The sandbox's canned mailboxes are used: X26ABC1 sends (this practice),
X26ABC2 receives (the registered practice), both with the password
`password`; the shared HMAC key is the sandbox's SHARED_KEY (set here). Its
store is a folder of its own (STORE_MODE=file). Test files import the
fixtures from here: `from mesh_fixtures import *`.
"""
import base64
import datetime
import json
import os
import pathlib
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import BINARY, FIXED_NOW, REPO, SEEDS, base_env

VENV = REPO / ".venv-mesh"
VENV_PYTHON = VENV / "bin" / "python"
SENDER = "X26ABC1"
RECIPIENT = "X26ABC2"
PASSWORD = "password"
SHARED_KEY = "TestKey-not-a-secret"
WORKFLOW = "GPFED_CONSULT_REPORT"
ACK_WORKFLOW = "GPFED_CONSULT_REPORT_ACK"
ODS_CODE = "X26"


def ensure_venv():
    """Makes .venv-mesh with mesh-sandbox and mesh-client (once)."""
    probe = [str(VENV_PYTHON), "-c", "import mesh_sandbox, mesh_client, uvicorn"]
    if VENV_PYTHON.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    (VENV / ".gitignore").write_text("*\n")
    subprocess.run([str(VENV_PYTHON), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "mesh-sandbox", "mesh-client"], check=True, timeout=900)


def import_mesh_client():
    """mesh_client from .venv-mesh (it needs only requests and urllib3)."""
    site = next((VENV / "lib").glob("python*/site-packages"))
    if str(site) not in sys.path:
        sys.path.append(str(site))
    import mesh_client  # noqa: E402
    return mesh_client


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(folder):
    """A CA, a server certificate for 127.0.0.1, a client certificate from the
    CA, and a client certificate from another CA (the "bad certificate")."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("ca", "rogue-ca"):
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN=second-opinion test {name}",
                "-keyout", f"{name}.key", "-out", f"{name}.pem", cwd=folder)
    (folder / "server.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
    (folder / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    for name, ca, ext in (("server", "ca", "server.ext"), ("client", "ca", "client.ext"),
                          ("rogue-client", "rogue-ca", "client.ext")):
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}", "-keyout", f"{name}.key",
                "-out", f"{name}.csr", cwd=folder)
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key", "-CAcreateserial",
                "-days", "2", "-extfile", ext, "-out", f"{name}.pem", cwd=folder)
    for path in folder.iterdir():
        path.chmod(0o600)
    return folder


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sandbox:
    """One mesh-sandbox server on loopback, which can be stopped, started,
    reset and given faults."""

    def __init__(self, folder, certs):
        self.folder = folder
        self.certs = certs
        self.port = free_port()
        self.store = folder / "store"
        self.faults = folder / "faults.json"
        self.log = folder / "sandbox.log"
        self.process = None

    @property
    def url(self):
        return f"https://127.0.0.1:{self.port}"

    def start(self):
        self.store.mkdir(parents=True, exist_ok=True)
        self.faults.write_text("[]")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
            "STORE_MODE": "file", "MAILBOXES_DATA_DIR": str(self.store), "SHARED_KEY": SHARED_KEY,
            "AUTH_MODE": "full", "MESH_FAULTS_FILE": str(self.faults),
        }
        c = self.certs
        self.process = subprocess.Popen(
            [str(VENV_PYTHON), "-m", "uvicorn", "mesh_fault_app:app", "--app-dir", str(REPO / "Tests" / "python"),
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning",
             "--ssl-keyfile", str(c / "server.key"), "--ssl-certfile", str(c / "server.pem"),
             "--ssl-ca-certs", str(c / "ca.pem"), "--ssl-cert-reqs", "2"],
            env=env, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the MESH sandbox exited: " + self.log.read_text(errors="replace")[-2000:])
            try:
                self.admin("GET", "/health")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the MESH sandbox did not start in 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def ssl_context(self):
        context = ssl.create_default_context(cafile=str(self.certs / "ca.pem"))
        context.load_cert_chain(str(self.certs / "client.pem"), str(self.certs / "client.key"))
        return context

    def admin(self, method, path):
        request = urllib.request.Request(self.url + path, method=method)
        with urllib.request.urlopen(request, context=self.ssl_context(), timeout=10) as response:
            return response.read()

    def reset(self):
        """Empties the store: a restart on a new store folder."""
        self.stop()
        shutil.rmtree(self.store, ignore_errors=True)
        self.start()

    def set_faults(self, faults):
        self.faults.write_text(json.dumps(faults))

    def pending_faults(self):
        return json.loads(self.faults.read_text() or "[]")

    def client(self, mailbox):
        mesh_client = import_mesh_client()
        c = self.certs
        return mesh_client.MeshClient(self.url, mailbox, PASSWORD, shared_key=SHARED_KEY.encode(),
                                      cert=(str(c / "client.pem"), str(c / "client.key")), verify=str(c / "ca.pem"),
                                      max_retries=0, application_name="second-opinion-tests")

    def inbox(self, mailbox=RECIPIENT):
        """Every message in a mailbox's inbox: [(message id, headers, bytes)], not acknowledged."""
        with self.client(mailbox) as client:
            out = []
            for message_id in client.list_messages():
                message = client.retrieve_message(message_id)
                headers = {"mex-" + key.lower().replace("mex-", "", 1): value
                           for key, value in dict(message.mex_headers()).items()}
                out.append((message_id, headers, message.read()))
            return out

    def outbox_by_local_id(self, local_id, mailbox=SENDER):
        """How many messages this mailbox sent with a local id (from the sandbox's store)."""
        count = 0
        for path in self.store.rglob("*.json"):
            try:
                data = json.loads(path.read_text())
            except (ValueError, OSError):
                continue
            if isinstance(data, dict) and data.get("metadata", {}).get("local_id") == local_id \
                    and data.get("sender", {}).get("mailbox_id") == mailbox:
                count += 1
        return count


@pytest.fixture(scope="session")
def mesh_certs(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.fail("openssl is missing: Scripts/bootstrap installs it")
    return make_certificates(tmp_path_factory.mktemp("mesh-certs"))


@pytest.fixture(scope="session")
def mesh_sandbox_server(mesh_certs, tmp_path_factory):
    ensure_venv()
    sandbox = Sandbox(tmp_path_factory.mktemp("mesh-sandbox"), mesh_certs)
    sandbox.start()
    yield sandbox
    sandbox.stop()


@pytest.fixture
def mesh_sandbox(mesh_sandbox_server):
    """The sandbox, started afresh on an empty store, without faults (its
    admin reset does not empty a file store)."""
    mesh_sandbox_server.stop()
    shutil.rmtree(mesh_sandbox_server.store, ignore_errors=True)
    mesh_sandbox_server.start()
    yield mesh_sandbox_server
    mesh_sandbox_server.set_faults([])


def mesh_config(folder, sandbox, **overrides):
    """Writes a mesh.yaml (0600) for the sandbox and returns its path."""
    c = sandbox.certs
    settings = {
        "endpoint": sandbox.url, "mailbox": SENDER, "password": PASSWORD, "shared_key": SHARED_KEY,
        "client_certificate": str(c / "client.pem"), "client_key": str(c / "client.key"),
        "ca_certificate": str(c / "ca.pem"), "recipient": RECIPIENT, "sender_ods_code": ODS_CODE,
        "sender_name": "Test Surgery", "sender_phone": "01632 960000", "workflow_id": WORKFLOW,
        "timeout_seconds": "5", "retry_base_seconds": "0.2", "retry_max_seconds": "1",
    }
    settings.update({key: value for key, value in overrides.items() if value is not None})
    for key in [key for key, value in overrides.items() if value is None]:
        settings.pop(key, None)
    path = pathlib.Path(folder) / "mesh.yaml"
    lines = []
    for key, value in settings.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {json.dumps(item)}" for item in value)
        else:
            lines.append(f"{key}: {json.dumps(str(value))}")
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    return path


def deliver_env(config, **extra):
    env = base_env(SECOND_OPINION_MESH_CONFIG=str(config))
    env.pop("SECOND_OPINION_NOW", None)
    env.update(extra)
    return env


def deliver(outdir, config, *args, env=None, timeout=120, **extra):
    """Runs `second-opinion deliver --out OUT` once."""
    return subprocess.run([str(BINARY), "deliver", "--out", str(outdir), *args], capture_output=True,
                          timeout=timeout, env=env or deliver_env(config, **extra))


# --- Records -------------------------------------------------------------

CASES = {
    "routine": "041-hypothyroidism-stable-routine.yaml",
    "urgent": "010-suspected-prostate-cancer-surgery.yaml",
    "emergency": "001-red-flag-chest-pain.yaml",
}
_SCRIPTS = {}


def case_lines(kind):
    if kind not in _SCRIPTS:
        result = subprocess.run([str(BINARY), "cases", "--script", CASES[kind]], capture_output=True, timeout=60,
                                env=base_env())
        assert result.returncode == 0, result.stderr.decode()
        _SCRIPTS[kind] = result.stdout.decode().splitlines()
    return _SCRIPTS[kind]


def interview(outdir, kind="routine", now=FIXED_NOW, formats=("pdf",), env=None):
    """Runs one piped interview and returns the record id. The record is
    committed into OUT/ID/ with its delivery.json by the interview itself;
    with an older storage layout (flat OUT/ID.json) the test queues it the
    way the commit does."""
    lines = case_lines(kind)
    data = "".join(line + "\n" for line in lines).encode()
    result = subprocess.run([str(BINARY), "interview", "--out", str(outdir), "--format", *formats], input=data,
                            capture_output=True, timeout=60, env=env or base_env(SECOND_OPINION_NOW=now))
    assert result.returncode in (0, 3), result.stderr.decode()
    stamp = datetime.datetime.strptime(now, "%Y-%m-%dT%H:%M:%SZ")
    record_id = "SO-" + stamp.strftime("%Y%m%dT%H%M%SZ") + "-00000000"
    folder = pathlib.Path(outdir) / record_id
    if not (folder / "delivery.json").exists():
        queue_flat_record(outdir, record_id)
    return record_id


def queue_flat_record(outdir, record_id):
    """Moves a flat record (OUT/ID.*) into OUT/ID/ with a pending delivery.json."""
    outdir = pathlib.Path(outdir)
    folder = outdir / record_id
    folder.mkdir(mode=0o700, exist_ok=True)
    for path in list(outdir.glob(record_id + ".*")):
        path.rename(folder / path.name)
    record = json.loads((folder / f"{record_id}.json").read_text())
    write_pending(folder, record)


def write_pending(folder, record):
    state = {
        "format": "second-opinion-delivery-1", "recordID": record["id"], "status": "pending",
        "urgency": record["triage"]["urgency"], "createdAt": record["createdAt"], "version": 1,
        "localID": record["id"], "attempts": 0,
        "history": [{"at": record["createdAt"], "status": "pending", "note": "committed with the record"}],
    }
    (pathlib.Path(folder) / "delivery.json").write_text(json.dumps(state, indent=2, sort_keys=True) + "\n")


def clone_records(template_folder, outdir, count, start="2026-11-25T11:00:00Z"):
    """Copies one committed record `count` times under new ids (a second
    apart), each with its own pending delivery.json: a queue made fast."""
    template_folder = pathlib.Path(template_folder)
    template_id = template_folder.name
    record = json.loads((template_folder / f"{template_id}.json").read_text())
    pdf = template_folder / f"{template_id}.pdf"
    base = datetime.datetime.strptime(start, "%Y-%m-%dT%H:%M:%SZ")
    ids = []
    for index in range(count):
        stamp = base + datetime.timedelta(seconds=index)
        record_id = "SO-" + stamp.strftime("%Y%m%dT%H%M%SZ") + "-00000000"
        folder = pathlib.Path(outdir) / record_id
        folder.mkdir(parents=True, mode=0o700)
        clone = dict(record, id=record_id, createdAt=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))
        (folder / f"{record_id}.json").write_text(json.dumps(clone, indent=2, sort_keys=True) + "\n")
        if pdf.exists():
            shutil.copyfile(pdf, folder / f"{record_id}.pdf")
        write_pending(folder, clone)
        ids.append(record_id)
    return ids


def state_of(outdir, record_id):
    return json.loads((pathlib.Path(outdir) / record_id / "delivery.json").read_text())


def itk_response(original, code="ok", itk_code="30001", display="Consultation report received and filed"):
    """An ITK3 response bundle (event ITK008M) to a sent message bundle."""
    header = next(e["resource"] for e in original["entry"] if e["resource"]["resourceType"] == "MessageHeader")
    return {
        "resourceType": "Bundle", "type": "message",
        "entry": [
            {"resource": {
                "resourceType": "MessageHeader",
                "event": {"system": "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2", "code": "ITK008M"},
                "timestamp": "2026-11-25T12:00:00Z", "source": {"endpoint": RECIPIENT},
                "response": {"identifier": header["id"], "code": code},
            }},
            {"resource": {
                "resourceType": "OperationOutcome",
                "issue": [{"severity": "information" if code == "ok" else "error", "code": "informational",
                           "details": {"coding": [{"system": "https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-2",
                                                   "code": itk_code, "display": display}]}}],
            }},
        ],
    }


def pdf_of_message(message):
    """The PDF bytes in a sent message bundle."""
    document = next(e["resource"] for e in message["entry"] if e["resource"]["resourceType"] == "Bundle")
    binary = next(e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Binary")
    return base64.b64decode(binary["content"])
