"""A crash shows and keeps nothing (docs/reliability.md, "A crash").

A crash signal, real or sent (`kill -SEGV`, `kill -ABRT`...), must end the
program at once with 128 + N: no interactive crash handler on a kiosk screen,
no crash report with register memory on stderr, no core file, and no interview
that goes on as if nothing had happened. Every command runs with the Swift
backtracer off (the program re-executes itself with SWIFT_BACKTRACE=enable=no,
and the kiosk's own exec keeps it), core dumps off and the process not
dumpable.
"""
import os
import resource
import signal
import subprocess
import time

import pexpect
import pytest

from _hardening import (
    as_nobody,
    binary,
    core_limit,
    env,
    everything,
    proc_environ,
    public_folder,
    read_until,
    wait,
)

NAME = "Sam Taylor"
CRASHES = [signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGILL, signal.SIGFPE]


def start_piped(outdir, environment=None, **kw):
    """An interview on a pipe, stopped at the date of birth (the name given)."""
    proc = subprocess.Popen(
        [binary(), "interview", "--out", str(outdir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment or env(backtrace=False),
        **kw,
    )
    proc.stdin.write(f"none\n{NAME}\n".encode())
    proc.stdin.flush()
    read_until(proc.stdout, b"(question 3)]", timeout=20)
    return proc


@pytest.mark.parametrize("number", CRASHES, ids=[s.name for s in CRASHES])
def test_a_crash_signal_on_a_pipe_ends_it_with_128_plus_n_and_shows_nothing(tmp_path, number):
    outdir = tmp_path / "out"
    proc = start_piped(outdir)
    os.kill(proc.pid, number)
    status = wait(proc, timeout=10)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stdin.close()
    assert status == 128 + number, f"exit {status}; stderr: {err!r}"
    assert NAME not in err
    for word in ("Crash", "Thread", "register", "Backtrace", "Fatal", "0x"):
        assert word not in err, f"a crash report reached stderr: {err!r}"
    assert len(err.strip().splitlines()) <= 1, err
    assert everything(outdir) == [], "a crashed interview must write nothing"


def test_a_crash_at_the_kiosk_clears_the_screen_and_ends(tmp_path):
    outdir = tmp_path / "out"
    child = pexpect.spawn(
        binary(), ["kiosk", "--languages", "en", "--out", str(outdir)], env=env(fixed_clock=False, backtrace=False),
        timeout=15, dimensions=(40, 100),
    )
    try:
        child.expect("Press Enter to start")
        child.send("\r")
        child.expect(r"\(question 1\)\]")
        child.expect("> ")
        child.send("none\r")
        child.expect(r"\(question 2\)\]")
        child.expect("> ")
        child.send(NAME + "\r")
        child.expect(r"\(question 3\)\]")
        child.expect("> ")
        os.kill(child.pid, signal.SIGSEGV)
        child.expect(pexpect.EOF, timeout=10)
        after = child.before.decode("utf-8", "replace")
    finally:
        child.close(force=True)
    assert child.exitstatus == 128 + signal.SIGSEGV, (child.exitstatus, child.signalstatus, after)
    assert "Press space" not in after and "interact" not in after, after
    assert "\x1b[3J" in after, "the screen and scrollback must be cleared"
    assert NAME not in after.split("\x1b[3J")[-1]
    assert everything(outdir) == []


@pytest.mark.parametrize("backtrace", [False, True], ids=["backtracer-unset", "backtracer-off"])
def test_no_core_file_even_with_core_dumps_allowed(tmp_path, backtrace):
    """With `ulimit -c unlimited` (and the kernel writing cores in the working
    folder here), SIGABRT must leave no core holding the patient's name."""
    outdir = tmp_path / "out"
    work = tmp_path / "cwd"
    work.mkdir()

    def allow_cores():
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))

    proc = start_piped(outdir, environment=env(backtrace=backtrace), cwd=str(work), preexec_fn=allow_cores)
    assert core_limit(proc.pid) == ("0", "0"), "core dumps must be off while patient data is in memory"
    os.kill(proc.pid, signal.SIGABRT)
    status = wait(proc, timeout=10)
    proc.stdin.close()
    time.sleep(0.2)
    assert status == 128 + signal.SIGABRT
    assert everything(work) == [], "a core file was written"
    assert everything(outdir) == []


def test_every_command_runs_with_the_backtracer_off_and_not_dumpable(tmp_path):
    """Run as nobody (so that /proc shows dumpability: a process that is not
    dumpable has its /proc files owned by root), from an environment without
    SWIFT_BACKTRACE and with core dumps allowed."""
    outdir = public_folder() / "out"

    def allow_cores():
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))

    proc = subprocess.Popen(
        as_nobody([binary(), "interview", "--out", str(outdir)]),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=env(backtrace=False), preexec_fn=allow_cores,
    )
    try:
        read_until(proc.stdout, b"(question 1)]", timeout=20)
        with open(f"/proc/{proc.pid}/status") as f:
            uids = next(line for line in f if line.startswith("Uid:")).split()[1:]
        assert uids[1] == "65534", "setpriv did not run it as nobody"
        assert b"SWIFT_BACKTRACE=enable=no" in proc_environ(proc.pid)
        assert core_limit(proc.pid) == ("0", "0")
        assert os.stat(f"/proc/{proc.pid}/environ").st_uid == 0, "the process is still dumpable"
    finally:
        proc.kill()
        proc.wait()
        proc.stdin.close()


def test_the_kiosk_keeps_the_backtracer_off_across_its_own_exec(tmp_path):
    outdir = tmp_path / "out"
    child = pexpect.spawn(
        binary(), ["kiosk", "--languages", "en", "--out", str(outdir)], env=env(fixed_clock=False, backtrace=False),
        timeout=15, dimensions=(40, 100),
    )
    try:
        child.expect("Press Enter to start")
        child.send("\r")
        child.expect(r"\(question 1\)\]")
        child.expect("> ")
        child.send("restart\r")  # the kiosk replaces itself (exec) for the next patient
        child.expect("Press Enter to start")
        assert b"SWIFT_BACKTRACE=enable=no" in proc_environ(child.pid)
        assert core_limit(child.pid) == ("0", "0")
        os.kill(child.pid, signal.SIGABRT)
        child.expect(pexpect.EOF, timeout=10)
    finally:
        child.close(force=True)
    assert child.exitstatus == 128 + signal.SIGABRT
