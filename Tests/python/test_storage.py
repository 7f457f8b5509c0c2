"""Storage you can trust (issue 5).

Records and letters are owner-only (files 0600 in a 0700 folder), an existing
file is never overwritten, ids are unique and sort by time, and when the
folder cannot be written or the disk fills the program exits 7 with a clear
message and leaves nothing behind: no temporary file, no partial record, no
half set of letters.

Tests run as root in CI, where file permissions do not stop writes, so the
failures are made with things that stop root too: a read-only bind mount, the
immutable attribute (chattr +i), a regular file where the folder should be, a
path under /proc, a 64 KiB tmpfs that fills up, and an LD_PRELOAD shim that
makes write(2) or fsync(2) fail with ENOSPC. Mounts are made inside a private
mount namespace (`unshare -m`, or `unshare -rm` without root) that vanishes
with the test, so nothing is left mounted on the machine. Where a method is
not available here the test says so and is skipped; the file, /proc and shim
tests need nothing special and always run.
"""
import datetime
import json
import os
import re
import shutil
import stat
import subprocess
import time

import pytest

from conftest import BINARY, CANCER_CASE, CHEST_PAIN_CASE, base_env, case_lines, run_piped

FIXED_ID = "SO-20261125T100000Z-00000000"
FORMATS = ["markdown", "text", "html", "fhir"]
EXTENSIONS = ["json", "md", "txt", "html", "fhir.json"]
# A record is the folder OUT/ID/ holding these (and the outbox's delivery.json); see docs/storage.md.
# The record, its letters and the patient's copy beside them.
RECORD_FILES = {f"SO-20261125T100000Z-00000000.{ext}" for ext in EXTENSIONS} | {
    "SO-20261125T100000Z-00000000-patient-copy.txt"}
ID_PATTERN = re.compile(r"^SO-(\d{8}T\d{6}Z)-([0-9ABCDEFGHJKMNPQRSTVWXYZ]{8})$")  # Crockford base32

SHIM_SOURCE = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* Fails write(2) with ENOSPC once SO_SHIM_BUDGET bytes have been written to
   regular files under SO_SHIM_DIR (a short write first, as a real disk does),
   or, with SO_SHIM_FAIL=fsync, fails fsync(2)/fdatasync(2) of those files.
   Each injected failure is noted in SO_SHIM_LOG. */
static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static long long budget = -1;
static int fail_fsync;
static const char *dir;
static int ready;

static void setup(void) {
  if (ready) return;
  real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  real_fdatasync = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  const char *b = getenv("SO_SHIM_BUDGET");
  if (b) budget = atoll(b);
  const char *f = getenv("SO_SHIM_FAIL");
  fail_fsync = f && strcmp(f, "fsync") == 0;
  dir = getenv("SO_SHIM_DIR");
  ready = 1;
}

static int in_dir(int fd) {
  struct stat st;
  char link[64], path[4096];
  if (!dir || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n < 0) return 0;
  path[n] = 0;
  size_t len = strlen(dir);
  return strncmp(path, dir, len) == 0 && path[len] == '/';
}

static void note(const char *what) {
  const char *log = getenv("SO_SHIM_LOG");
  if (!log) return;
  int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return;
  real_write(fd, what, strlen(what));
  close(fd);
}

ssize_t write(int fd, const void *buf, size_t count) {
  setup();
  if (!fail_fsync && budget >= 0 && in_dir(fd)) {
    if (budget == 0) {
      note("write ENOSPC\n");
      errno = ENOSPC;
      return -1;
    }
    if ((long long)count > budget) count = (size_t)budget;
    ssize_t n = real_write(fd, buf, count);
    if (n > 0) budget -= n;
    return n;
  }
  return real_write(fd, buf, count);
}

int fsync(int fd) {
  setup();
  if (fail_fsync && in_dir(fd)) {
    note("fsync ENOSPC\n");
    errno = ENOSPC;
    return -1;
  }
  return real_fsync(fd);
}

int fdatasync(int fd) {
  setup();
  if (fail_fsync && in_dir(fd)) {
    note("fdatasync ENOSPC\n");
    errno = ENOSPC;
    return -1;
  }
  return real_fdatasync(fd);
}
"""


# ---------------------------------------------------------------- helpers

def interview(out, lines=None, env=None, formats=FORMATS, umask=None):
    lines = case_lines(CANCER_CASE) if lines is None else lines
    data = "".join(line + "\n" for line in lines).encode()
    return subprocess.run(
        [str(BINARY), "interview", "--out", str(out), "--format", *formats],
        input=data, capture_output=True, timeout=60, env=env or base_env(),
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


def listing(folder):
    """Every entry, hidden ones (the temporary files start with a dot) included."""
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def assert_nothing_left(folder, allowed=()):
    left = [name for name in listing(folder) if name not in allowed]
    assert not left, f"left behind in {folder}: {left}"
    assert not any(name.endswith(".tmp") for name in listing(folder))


def assert_storage_failure(result, *phrases):
    stderr = result.stderr.decode(errors="replace")
    assert result.returncode == 7, f"exit {result.returncode}: {stderr}"
    assert "second-opinion:" in stderr and "not saved" in stderr, stderr
    for phrase in phrases:
        assert phrase in stderr, f"{phrase!r} not in {stderr!r}"
    assert "Saved:" not in result.stdout.decode(errors="replace")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The bytes a fixed-clock run of the cancer case writes, per extension."""
    out = tmp_path_factory.mktemp("reference") / "out"
    result = interview(out)
    assert result.returncode == 0, result.stderr.decode()
    files = {ext: (out / FIXED_ID / f"{FIXED_ID}.{ext}").read_bytes() for ext in EXTENSIONS}
    files["patient-copy"] = (out / FIXED_ID / f"{FIXED_ID}-patient-copy.txt").read_bytes()  # after the letters
    delivery = out / FIXED_ID / "delivery.json"  # the outbox's state, committed with the record
    if delivery.exists():
        files["delivery.json"] = delivery.read_bytes()
    return files


def namespace_prefix(probe_dir):
    """A command prefix giving a private mount namespace where mounting works, or None."""
    if not shutil.which("unshare"):
        return None
    candidates = ([["unshare", "-m"]] if os.geteuid() == 0 else []) + [["unshare", "-rm"]]
    for prefix in candidates:
        probe = subprocess.run(
            [*prefix, "sh", "-c", 'mount -t tmpfs -o size=65536 tmpfs "$1" && touch "$1/x"', "sh", str(probe_dir)],
            capture_output=True, timeout=30)
        if probe.returncode == 0:
            assert not os.path.exists(probe_dir / "x"), "the mount leaked out of its namespace"
            return prefix
    return None


@pytest.fixture(scope="module")
def mount_namespace(tmp_path_factory):
    probe = tmp_path_factory.mktemp("probe")
    prefix = namespace_prefix(probe)
    if prefix is None:
        pytest.skip("no private mount namespace here (unshare -m / -rm refused): "
                    "the /proc, file-in-the-way and LD_PRELOAD tests cover these failures")
    return prefix


def run_in_namespace(prefix, script, tmp_path, lines, *args):
    """Runs `script` (sh) in a fresh mount namespace; $BIN and $INPUT are set;
    the binary's exit code, stdout and stderr come back through files."""
    inputs = tmp_path / "input.txt"
    inputs.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    env = base_env(BIN=str(BINARY), INPUT=str(inputs), RESULT=str(tmp_path / "result"))
    done = subprocess.run([*prefix, "sh", "-c", script, "sh", *map(str, args)], capture_output=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr.decode()
    result = subprocess.CompletedProcess(
        args=script, returncode=int((tmp_path / "result.rc").read_text()),
        stdout=(tmp_path / "result.out").read_bytes(), stderr=(tmp_path / "result.err").read_bytes())
    return result, (tmp_path / "result.ls").read_text().split()


RUN_AND_LIST = """
"$BIN" interview --out "$OUTDIR" --format markdown text html fhir < "$INPUT" > "$RESULT.out" 2> "$RESULT.err"
echo $? > "$RESULT.rc"
ls -A "$OUTDIR" > "$RESULT.ls" 2>/dev/null || : > "$RESULT.ls"
"""


@pytest.fixture(scope="module")
def shim(tmp_path_factory):
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if compiler is None:
        pytest.fail("no C compiler to build the ENOSPC shim (Scripts/bootstrap runs on a machine with the Swift "
                    "toolchain, which has clang)")
    folder = tmp_path_factory.mktemp("shim")
    source = folder / "enospc.c"
    source.write_text(SHIM_SOURCE)
    library = folder / "enospc.so"
    built = subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", str(library), str(source), "-ldl"],
                           capture_output=True, timeout=120)
    assert built.returncode == 0, built.stderr.decode()
    return library


def shim_env(library, folder, log, **settings):
    return base_env(LD_PRELOAD=str(library), SO_SHIM_DIR=str(folder.resolve()), SO_SHIM_LOG=str(log),
                    **{key: str(value) for key, value in settings.items()})


# ---------------------------------------------------------------- permissions

@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_files_are_0600_in_a_0700_folder_made_with_its_parents(tmp_path, umask):
    out = tmp_path / "a" / "b" / "records"
    result = interview(out, umask=umask)
    assert result.returncode == 0, result.stderr.decode()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", out, out / FIXED_ID):
        assert mode(folder) == 0o700, f"{folder} is {oct(mode(folder))}"
    assert listing(out) == [FIXED_ID]
    assert RECORD_FILES <= set(listing(out / FIXED_ID)) <= RECORD_FILES | {"delivery.json"}
    for name in listing(out / FIXED_ID):
        assert mode(out / FIXED_ID / name) == 0o600, f"{name} is {oct(mode(out / FIXED_ID / name))}"
        assert (out / FIXED_ID / name).stat().st_uid == os.geteuid()


def test_files_are_0600_in_an_existing_folder(tmp_path):
    out = tmp_path / "existing"
    out.mkdir(mode=0o700)
    result = interview(out, lines=case_lines(CHEST_PAIN_CASE), umask=0)
    assert result.returncode == 3, result.stderr.decode()  # an emergency is saved too
    assert listing(out) == [FIXED_ID] and RECORD_FILES <= set(listing(out / FIXED_ID))
    assert all(mode(out / FIXED_ID / name) == 0o600 for name in listing(out / FIXED_ID))


def test_a_missing_folder_is_created(tmp_path):
    out = tmp_path / "new"
    assert not out.exists()
    result = interview(out, lines=case_lines(CHEST_PAIN_CASE))
    assert result.returncode == 3
    assert out.is_dir() and f"{FIXED_ID}.json" in listing(out / FIXED_ID)
    assert f"{out}/{FIXED_ID}/{FIXED_ID}.json" in result.stdout.decode()


# ---------------------------------------------------------------- never overwrite

@pytest.mark.parametrize("taken", EXTENSIONS)
def test_an_existing_file_is_never_overwritten(tmp_path, taken):
    """The fixed clock makes the id SO-20261125T100000Z-00000000; one of its
    five names is taken, so nothing is written and what was there is kept."""
    out = tmp_path / "out"
    (out / FIXED_ID).mkdir(mode=0o700, parents=True)
    os.chmod(out, 0o700)
    existing = out / FIXED_ID / f"{FIXED_ID}.{taken}"
    existing.write_bytes(b"precious: not to be overwritten\n")
    os.chmod(existing, 0o640)
    before = os.stat(existing)
    result = interview(out)
    assert_storage_failure(result, f"{FIXED_ID} already exists", "not overwritten")
    assert existing.read_bytes() == b"precious: not to be overwritten\n"
    after = os.stat(existing)
    assert (after.st_ino, after.st_mtime_ns, mode(existing)) == (before.st_ino, before.st_mtime_ns, 0o640)
    assert_nothing_left(out, allowed={FIXED_ID})
    assert listing(out / FIXED_ID) == [existing.name]


def test_the_same_interview_twice_keeps_the_first(tmp_path, reference):
    out = tmp_path / "out"
    assert interview(out).returncode == 0
    second = interview(out)
    assert_storage_failure(second, "already exists")
    for ext in EXTENSIONS:
        assert (out / FIXED_ID / f"{FIXED_ID}.{ext}").read_bytes() == reference[ext]
    assert_nothing_left(out, allowed={FIXED_ID})


# ---------------------------------------------------------------- ids

def test_a_fixed_clock_gives_the_same_id_and_bytes(tmp_path, reference):
    out = tmp_path / "again"
    assert interview(out).returncode == 0
    for ext in EXTENSIONS:
        assert (out / FIXED_ID / f"{FIXED_ID}.{ext}").read_bytes() == reference[ext], ext
    record = json.loads(reference["json"])
    assert record["id"] == FIXED_ID and record["createdAt"] == "2026-11-25T10:00:00Z"


def test_ids_are_unique_and_sort_by_time(tmp_path):
    env = base_env()
    del env["SECOND_OPINION_NOW"]
    out = tmp_path / "out"
    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    ids = []

    def run_once():
        before = set(listing(out))
        result = interview(out, lines=case_lines(CHEST_PAIN_CASE), env=env, formats=["markdown"])
        assert result.returncode == 3, result.stderr.decode()
        new = sorted(set(listing(out)) - before)
        assert len(new) == 1, new  # the record's folder, ID/
        ids.append(new[0])

    for _ in range(4):  # quickly: most of these share a second, so the random part must tell them apart
        run_once()
    time.sleep(1.1)
    run_once()
    finished = datetime.datetime.now(datetime.timezone.utc)

    assert len(set(ids)) == len(ids), ids
    stamps = []
    for record_id in ids:
        match = ID_PATTERN.match(record_id)
        assert match, record_id
        stamp = datetime.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
        assert started <= stamp <= finished, (record_id, started, finished)
        record = json.loads((out / record_id / f"{record_id}.json").read_text(encoding="utf-8"))
        assert record["id"] == record_id
        assert record["createdAt"] == stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        stamps.append(stamp)
    # Time-sortable: ids sort in the order of their times, and a later second sorts later.
    assert stamps == sorted(stamps)
    assert sorted(ids) == sorted(ids, key=lambda i: (stamps[ids.index(i)], i))
    assert stamps[-1] > stamps[-2] and all(i < ids[-1] for i in ids[:-1])
    suffixes = [ID_PATTERN.match(i).group(2) for i in ids]
    assert len(set(suffixes)) == len(suffixes)


# ---------------------------------------------------------------- folder cannot be written

def test_a_file_where_the_folder_should_be(tmp_path):
    """A regular file stops root as well as anyone: it cannot hold files."""
    blocker = tmp_path / "records"
    blocker.write_bytes(b"not a folder\n")
    result = interview(blocker)
    assert_storage_failure(result, f"cannot create the folder {blocker}", "a file has that name")
    assert blocker.read_bytes() == b"not a folder\n"
    assert_nothing_left(tmp_path, allowed={"records"})
    nested = interview(blocker / "sub")
    assert_storage_failure(nested, "cannot create the folder", "Not a directory")
    assert_nothing_left(tmp_path, allowed={"records"})


def test_a_folder_under_proc(tmp_path):
    """/proc refuses new folders and files, to root too."""
    result = interview("/proc/second-opinion-test/records")
    assert_storage_failure(result, "cannot create the folder /proc/second-opinion-test/records")
    assert not os.path.exists("/proc/second-opinion-test")
    result = interview("/proc/self")  # a symbolic link: refused before anything is asked
    assert result.returncode == 7 and b"/proc/self is a symbolic link" in result.stderr, result.stderr
    assert not any(name.startswith(FIXED_ID) or name.endswith(".tmp") for name in os.listdir("/proc/self"))


def test_a_read_only_bind_mount(tmp_path, mount_namespace):
    """A read-only mount (EROFS) stops root; it exists only in the test's namespace."""
    out = tmp_path / "ro"
    out.mkdir(mode=0o700)
    script = ('mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" || exit 90\n'
              'OUTDIR="$1"' + RUN_AND_LIST)
    result, left = run_in_namespace(mount_namespace, script, tmp_path, case_lines(CANCER_CASE), out)
    assert_storage_failure(result, f"cannot write in {out}", "Read-only file system")
    assert left == [] and listing(out) == []
    script = ('mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" || exit 90\n'
              'OUTDIR="$1/sub"' + RUN_AND_LIST)
    result, _ = run_in_namespace(mount_namespace, script, tmp_path, case_lines(CHEST_PAIN_CASE), out)
    assert_storage_failure(result, f"cannot create the folder {out}/sub", "Read-only file system")
    assert listing(out) == []


def test_an_immutable_folder(tmp_path):
    """chattr +i: not even root may add a file. Needs a filesystem with the attribute (ext4, xfs, btrfs)."""
    if not shutil.which("chattr"):
        pytest.skip("chattr is not installed")
    out = tmp_path / "immutable"
    out.mkdir(mode=0o700)
    made = subprocess.run(["chattr", "+i", str(out)], capture_output=True, timeout=30)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not supported here: {made.stderr.decode().strip()}")
    try:
        result = interview(out)
        assert_storage_failure(result, f"cannot write in {out}", "Operation not permitted")
        nested = interview(out / "sub")
        assert_storage_failure(nested, f"cannot create the folder {out}/sub")
    finally:
        subprocess.run(["chattr", "-i", str(out)], capture_output=True, timeout=30)
    assert listing(out) == []


# ---------------------------------------------------------------- full disk

@pytest.mark.parametrize("free_pages", [0, 1, 6, 9])
def test_a_small_filesystem_that_fills_up(tmp_path, mount_namespace, reference, free_pages):
    """A 64 KiB tmpfs, filled but for a few pages: with 0 or 1 the record itself
    does not fit; with 6 and 9 the record does and a later letter does not, so
    the files already written must be taken back."""
    needed = sum(-(-len(data) // 4096) for data in reference.values())
    assert free_pages < needed, "the test must not leave room for everything"
    disk = tmp_path / "disk"
    disk.mkdir()
    script = """
mount -t tmpfs -o size=65536,mode=0700 tmpfs "$1" || exit 90
head -c 70000 /dev/zero > "$1/filler" 2>/dev/null
truncate -s -$(( $2 * 4096 )) "$1/filler" || exit 91
OUTDIR="$1/records"
""" + RUN_AND_LIST
    result, left = run_in_namespace(mount_namespace, script, tmp_path, case_lines(CANCER_CASE), disk,
                                    free_pages)
    assert_storage_failure(result, "is full", "nothing was saved")
    assert left == [], f"left behind on the full disk: {left}"
    assert listing(disk) == []  # the tmpfs went with its namespace


def test_enospc_on_the_first_write(tmp_path, shim):
    out = tmp_path / "out"
    log = tmp_path / "shim.log"
    result = interview(out, env=shim_env(shim, tmp_path, log, SO_SHIM_BUDGET=0))
    assert_storage_failure(result, f"the disk holding {out} is full")
    assert "write ENOSPC" in log.read_text()
    assert_nothing_left(out)


def test_enospc_part_way_through_a_letter(tmp_path, shim, reference):
    """The record is written whole, the Markdown letter only in part: the
    partial temporary file and the record are both taken away."""
    out = tmp_path / "out"
    log = tmp_path / "shim.log"
    budget = len(reference["json"]) + 100
    result = interview(out, env=shim_env(shim, tmp_path, log, SO_SHIM_BUDGET=budget))
    assert_storage_failure(result, "is full")
    assert log.read_text().count("write ENOSPC") == 1
    assert_nothing_left(out)


@pytest.mark.parametrize("letters", [1, 2, 3, 4])
def test_enospc_after_some_letters(tmp_path, shim, reference, letters):
    out = tmp_path / "out"
    log = tmp_path / "shim.log"
    written = [reference[ext] for ext in EXTENSIONS[: 1 + letters]]
    if letters == len(EXTENSIONS) - 1:
        written.append(reference["patient-copy"])  # written after the letters
        written.append(reference.get("delivery.json", b""))  # committed last, with the record
    budget = sum(map(len, written))
    result = interview(out, env=shim_env(shim, tmp_path, log, SO_SHIM_BUDGET=budget))
    if letters == len(EXTENSIONS) - 1:
        assert result.returncode == 0  # exactly enough room for everything
        assert listing(out) == [FIXED_ID]
        return
    assert_storage_failure(result, "is full")
    assert "write ENOSPC" in log.read_text()
    assert_nothing_left(out)


def test_fsync_failure(tmp_path, shim):
    """A disk can take the bytes and fail at fsync (delayed allocation, NFS): still nothing is kept."""
    out = tmp_path / "out"
    log = tmp_path / "shim.log"
    result = interview(out, env=shim_env(shim, tmp_path, log, SO_SHIM_FAIL="fsync"))
    assert_storage_failure(result, "is full")
    assert "fsync ENOSPC" in log.read_text()
    assert_nothing_left(out)


def test_the_shim_does_not_touch_a_healthy_run(tmp_path, shim, reference):
    out = tmp_path / "out"
    log = tmp_path / "shim.log"
    result = interview(out, env=shim_env(shim, tmp_path, log, SO_SHIM_BUDGET=10_000_000))
    assert result.returncode == 0, result.stderr.decode()
    assert not log.exists()
    for ext in EXTENSIONS:
        assert (out / FIXED_ID / f"{FIXED_ID}.{ext}").read_bytes() == reference[ext]
