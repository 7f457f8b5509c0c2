"""`Scripts/run`: an output folder inside the checkout is refused with a clear
message before anything is built or asked (patient data must never sit where
git could commit it), however it is given; one outside is passed on, relative
to the folder it was run in. Run on a copy of the script in a stand-in
checkout whose bootstrap, `swift` and binary are stubs."""
import os
import pathlib
import subprocess

import pytest

from conftest import REPO


@pytest.fixture
def checkout(tmp_path):
    root = tmp_path / "checkout"
    (root / "Scripts").mkdir(parents=True)
    script = root / "Scripts" / "run"
    script.write_text((REPO / "Scripts" / "run").read_text())
    script.chmod(0o755)
    (root / "Scripts" / "bootstrap").write_text("#!/bin/sh\nexit 0\n")
    (root / "Scripts" / "bootstrap").chmod(0o755)
    binary = root / ".build" / "release" / "second-opinion"
    binary.parent.mkdir(parents=True)
    binary.write_text('#!/bin/sh\necho "ran in $PWD with: $*"\n')
    binary.chmod(0o755)
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "swift").write_text("#!/bin/sh\nexit 0\n")
    (tools / "swift").chmod(0o755)
    return root, tools


def run(checkout, args, cwd, **env):
    root, tools = checkout
    environment = {"PATH": "%s:/usr/bin:/bin" % tools, "HOME": str(root.parent)}
    environment.update(env)
    return subprocess.run(
        [str(root / "Scripts" / "run"), *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=30
    )


@pytest.mark.parametrize(
    "args",
    [["--out", "recs"], ["--out=recs"], ["--out", "."], ["--mode", "patient", "--out", "a/../b"], ["kiosk", "--out", "ABS"]],
    ids=["relative", "equals", "the-checkout", "dot-dot", "absolute"],
)
def test_an_output_folder_inside_the_checkout_is_refused(checkout, args):
    root, _ = checkout
    args = [str(root / "recs") if a == "ABS" else a for a in args]
    result = run(checkout, args, cwd=root)
    assert result.returncode == 64, result.stdout + result.stderr
    assert "inside this checkout" in result.stderr and str(root) in result.stderr
    assert "ran in" not in result.stdout, "the program was started"
    assert not (root / "recs").exists()


def test_a_link_outside_that_leads_inside_is_refused(checkout, tmp_path):
    root, _ = checkout
    (root / "inside").mkdir()
    os.symlink(root / "inside", tmp_path / "looks-outside")
    result = run(checkout, ["--out", str(tmp_path / "looks-outside")], cwd=tmp_path)
    assert result.returncode == 64, result.stderr


def test_the_environment_variables_are_checked_too(checkout, tmp_path):
    root, _ = checkout
    result = run(checkout, [], cwd=tmp_path, SECOND_OPINION_OUT=str(root / "r"))
    assert result.returncode == 64 and "SECOND_OPINION_OUT" in result.stderr
    result = run(checkout, [], cwd=tmp_path, XDG_DATA_HOME=str(root / "data"))
    assert result.returncode == 64 and "XDG_DATA_HOME" in result.stderr


def test_a_folder_outside_is_passed_on_from_where_it_was_run(checkout, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run(checkout, ["--mode", "patient", "--out", "recs"], cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ran in %s with: --mode patient --out recs" % elsewhere
    result = run(checkout, [], cwd=elsewhere)
    assert result.returncode == 0, result.stderr
