"""Folders owned by someone else are refused (docs/reliability.md, "Folders").

An output folder, a drafts folder or a seeds folder (or a seeds file) that is
a symbolic link, is owned by another user (root excepted, as ssh does), or
can be written by group or others is refused with one clear line: exit 7 for
output folders, 6 for seeds. The tests run as root: "another user" is uid
65534, and root counts as such only when the program runs as nobody. The
kiosk checks that it can write its output folder before the first patient.
"""
import os
import subprocess

import pexpect
import pytest

from _hardening import (
    EMERGENCY,
    FIXED_ID,
    NOBODY,
    as_nobody,
    binary,
    env,
    everything,
    public_folder,
    run,
    script,
    seeds_copy,
    write_draft,
)


def make_out(tmp_path, mode=0o700):
    outdir = tmp_path / "out"
    outdir.mkdir()
    os.chmod(outdir, mode)
    return outdir


def refused_output(result, what):
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 7, f"{what}: exit {result.returncode}: {err!r}"
    assert "the output folder cannot be used" in err or "cannot be listed" in err, err
    assert len(err.strip().splitlines()) == 1, f"one line is enough: {err!r}"
    assert b"[Section " not in result.stdout, "a question was asked"
    return err


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702], ids=["world-writable", "group-writable", "other-writable"])
def test_an_output_folder_others_can_write_is_refused(tmp_path, mode):
    outdir = make_out(tmp_path, mode)
    err = refused_output(run(["interview", "--out", outdir], lines=script()), oct(mode))
    assert "chmod go-w" in err
    assert everything(outdir) == []
    refused_output(run(["resume", FIXED_ID, "--out", outdir]), "resume")
    refused_output(run(["drafts", "--out", outdir]), "drafts")


def test_an_output_folder_owned_by_another_user_is_refused(tmp_path):
    outdir = make_out(tmp_path)
    os.chown(outdir, NOBODY, NOBODY)
    err = refused_output(run(["interview", "--out", outdir], lines=EMERGENCY), "foreign")
    assert f"owned by user {NOBODY}" in err
    assert everything(outdir) == []


def test_an_output_folder_that_is_a_symbolic_link_is_refused(tmp_path):
    real = make_out(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(real)
    for given in (link, str(link) + "/"):
        err = refused_output(run(["interview", "--out", given], lines=EMERGENCY), "link")
        assert "symbolic link" in err
    assert everything(real) == []


def test_a_drafts_folder_others_can_write_is_refused(tmp_path):
    outdir = make_out(tmp_path)
    write_draft(outdir, FIXED_ID)
    os.chmod(outdir / "drafts", 0o777)
    refused_output(run(["drafts", "--out", outdir]), "drafts")
    refused_output(run(["interview", "--out", outdir], lines=EMERGENCY), "interview")
    refused_output(run(["resume", FIXED_ID, "--out", outdir], lines=EMERGENCY), "resume")
    assert everything(outdir) == ["drafts/", f"drafts/{FIXED_ID}.draft.json"]


def test_render_refuses_a_foreign_output_folder(tmp_path):
    outdir = tmp_path / "records"
    assert run(["interview", "--out", outdir], lines=EMERGENCY).returncode == 3
    target = make_out(tmp_path, 0o777)
    result = run(["render", outdir / FIXED_ID, "--format", "text", "--out", target])
    assert result.returncode == 7, result.stderr
    assert everything(target) == []


def refused_seeds(result, what, needle):
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 6, f"{what}: exit {result.returncode}: {err!r}"
    assert needle in err, err
    assert len(err.strip().splitlines()) == 1, f"one line is enough: {err!r}"
    assert b"no defects" not in result.stdout
    assert b"[Section " not in result.stdout


def test_a_seeds_folder_others_can_write_is_refused_even_by_check(tmp_path):
    """Another user removed chest pain from the stop rules of a world-writable
    seeds/, and `check --no-cases` still said "no defects"."""
    folder = seeds_copy(tmp_path)
    os.chmod(folder, 0o777)
    for args in (["check", "--no-cases"], ["interview", "--out", tmp_path / "out"], ["cases", "--quiet"],
                 ["tree"]):
        refused_seeds(run([*args, "--seeds", folder], lines=EMERGENCY), args[0], "chmod go-w")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("change", ["owner", "mode", "link"])
def test_a_seeds_file_someone_else_could_change_is_refused(tmp_path, change):
    folder = seeds_copy(tmp_path)
    path = folder / "interview.yaml"
    if change == "owner":
        os.chown(path, NOBODY, NOBODY)
    elif change == "mode":
        os.chmod(path, 0o666)
    else:
        moved = tmp_path / "elsewhere.yaml"
        path.rename(moved)
        path.symlink_to(moved)
    refused_seeds(run(["check", "--no-cases", "--seeds", folder]), change, "interview.yaml")
    refused_seeds(run(["interview", "--seeds", folder, "--out", tmp_path / "out"], lines=EMERGENCY), change,
                  "interview.yaml")


def test_a_phrases_folder_or_file_someone_else_could_change_is_refused(tmp_path):
    folder = seeds_copy(tmp_path)
    phrases = folder / "phrases"
    if not phrases.is_dir():
        pytest.skip("these seeds have no phrases/")
    os.chmod(phrases, 0o777)
    refused_seeds(run(["check", "--no-cases", "--seeds", folder]), "phrases folder", "phrases")
    os.chmod(phrases, 0o755)
    # Each interview reads its own language's grammars (and English's).
    first = phrases / "crisis.en.yaml"
    os.chown(first, NOBODY, NOBODY)
    refused_seeds(run(["interview", "--seeds", folder, "--out", tmp_path / "out"], lines=EMERGENCY), "phrases file",
                  first.name)
    os.chown(first, 0, 0)
    welsh = phrases / "crisis.cy.yaml"
    os.chown(welsh, NOBODY, NOBODY)
    refused_seeds(run(["interview", "--language", "cy", "--seeds", folder, "--out", tmp_path / "out"],
                      lines=EMERGENCY), "Welsh phrases file", welsh.name)


def test_a_case_file_someone_else_could_change_is_refused(tmp_path):
    folder = seeds_copy(tmp_path)
    case = sorted((folder / "cases").glob("*.yaml"))[0]
    os.chmod(case, 0o646)
    refused_seeds(run(["cases", "--quiet", "--seeds", folder]), "cases", case.name)


def test_seeds_owned_by_root_are_trusted_by_another_user(tmp_path):
    """As a kiosk user reads the seeds root installed: root's files are trusted."""
    out = public_folder() / "out"
    out.mkdir()
    os.chown(out, NOBODY, NOBODY)
    result = subprocess.run(as_nobody([binary(), "interview", "--out", str(out)]), input=b"1\n",
                            capture_output=True, env=env(), timeout=60)
    assert result.returncode == 3, result.stderr
    assert (out / FIXED_ID).is_dir()


def spawn_kiosk(command, timeout=15):
    return pexpect.spawn(command[0], command[1:], env=env(fixed_clock=False), timeout=timeout, dimensions=(40, 100))


def test_the_kiosk_will_not_start_when_it_cannot_save(tmp_path):
    """A patient must not answer 37 questions to be told at the end that
    nothing could be saved: the kiosk makes and removes a probe file first."""
    out = public_folder() / "out"
    out.mkdir()
    os.chown(out, NOBODY, NOBODY)
    os.chmod(out, 0o500)  # its owner's, trusted, but not writable
    child = spawn_kiosk(as_nobody([binary(), "kiosk", "--languages", "en", "--out", str(out)]))
    try:
        index = child.expect([pexpect.EOF, "Press Enter to start"])
        shown = child.before.decode("utf-8", "replace")
    finally:
        child.close(force=True)
    assert index == 0, "the kiosk welcomed a patient it could not save"
    assert child.exitstatus == 7, shown
    assert "cannot be used" in shown and "Permission denied" in shown
    assert everything(out) == []


def test_the_kiosk_will_not_start_on_a_foreign_or_impossible_folder(tmp_path):
    foreign = make_out(tmp_path, 0o777)
    impossible = tmp_path / "a-file"
    impossible.write_text("not a folder")
    for out in (foreign, impossible):
        child = spawn_kiosk([binary(), "kiosk", "--languages", "en", "--out", str(out)])
        try:
            index = child.expect([pexpect.EOF, "Press Enter to start"])
        finally:
            child.close(force=True)
        assert index == 0 and child.exitstatus == 7, out
    assert everything(foreign) == []
