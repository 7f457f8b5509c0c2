"""The PDF letter (`--format pdf`): typeset with cairo and pango from the same
LetterModel as the other letters. Read back with poppler's pdftotext and
pdfinfo, checked with qpdf --check."""
import json
import pathlib
import re
import shutil
import subprocess
import unicodedata

import pytest

from conftest import BINARY, SEEDS, base_env
from mesh_fixtures import case_lines

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "qpdf")),
    reason="poppler-utils and qpdf are installed by Scripts/bootstrap")

HEADINGS = [line.split(":", 1)[1].strip().strip('"') for line in (SEEDS / "letter.yaml").read_text().splitlines()
            if re.match(r"^\s+title:", line)]


def interview_pdf(outdir, kind="routine", formats=("pdf", "markdown")):
    data = "".join(line + "\n" for line in case_lines(kind)).encode()
    result = subprocess.run([str(BINARY), "interview", "--out", str(outdir), "--format", *formats], input=data,
                            capture_output=True, timeout=60, env=base_env())
    assert result.returncode in (0, 3), result.stderr.decode()
    (pdf,) = pathlib.Path(outdir).rglob("*.pdf")
    return pdf


def text_of(pdf, page=None):
    args = ["pdftotext", "-layout"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True).stdout.decode()


def info_of(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def render(record_path, tmp_path):
    result = subprocess.run([str(BINARY), "render", str(record_path), "--format", "pdf"], capture_output=True,
                            timeout=60, env=base_env())
    assert result.returncode == 0, result.stderr.decode()
    path = tmp_path / "rendered.pdf"
    path.write_bytes(result.stdout)
    return path


def test_interview_writes_an_a4_tagged_pdf_that_qpdf_accepts(outdir):
    pdf = interview_pdf(outdir)
    assert pdf.read_bytes().startswith(b"%PDF-")
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True)
    assert check.returncode == 0, check.stdout.decode() + check.stderr.decode()
    info = info_of(pdf)
    record_id = pdf.stem
    assert "Referral" in info["Title"] and record_id in info["Title"]
    assert info["Tagged"].strip() == "yes"
    assert "595.28 x 841.89" in info["Page size"] or "A4" in info["Page size"]
    assert int(info["Pages"]) >= 1


def test_the_pdf_says_what_the_markdown_letter_says(outdir):
    pdf = interview_pdf(outdir)
    text = re.sub(r"\s+", " ", text_of(pdf))
    markdown = next(pathlib.Path(outdir).rglob("*.md")).read_text()
    for heading in re.findall(r"^## (.+)$", markdown, re.M):
        assert heading.strip() in text, heading
    assert "Urgency" in text and "Delay risk" in text


def test_every_page_has_its_number_and_the_record_id(outdir, tmp_path):
    pdf = interview_pdf(outdir)
    record_path = next(p for p in pathlib.Path(outdir).rglob("*.json")
                       if re.fullmatch(r"SO-[0-9TZ]+-[0-9A-F]+\.json", p.name))
    record = json.loads(record_path.read_text())
    # A long answer makes the letter run over several pages.
    for answer in record["answers"]:
        if answer["state"] == "answered" and answer["type"] == "text":
            answer["display"] = " ".join(["The symptoms came back after every course of treatment."] * 120)
            break
    long_record = tmp_path / record_path.name
    long_record.write_text(json.dumps(record))
    long_pdf = render(long_record, tmp_path)
    pages = int(info_of(long_pdf)["Pages"])
    assert pages >= 3
    for page in range(1, pages + 1):
        text = text_of(long_pdf, page)
        assert f"Page {page} of {pages}" in text
        assert record["id"] in text


def test_any_unicode_a_patient_types_comes_out_as_text(outdir, tmp_path):
    interview_pdf(outdir)
    record_path = next(p for p in pathlib.Path(outdir).rglob("*.json")
                       if re.fullmatch(r"SO-[0-9TZ]+-[0-9A-F]+\.json", p.name))
    record = json.loads(record_path.read_text())
    words = ["Zoë Ångström-Łukasiewicz", "Ελένη", "Дмитрий", "Ṣọ̀fọ́ Àjàyí", "naïve café œuvre", "½ × ≤ ≥ €"]
    for answer in record["answers"]:
        if answer.get("field") == "patient.name":
            answer["display"] = words[0]
        elif answer["state"] == "answered" and answer["type"] == "text":
            answer["display"] = " ".join(words[1:]) + " <b>&amp;</b> \u202e"
            break
    edited = tmp_path / record_path.name
    edited.write_text(json.dumps(record, ensure_ascii=False))
    pdf = render(edited, tmp_path)
    # pdftotext may split a letter with stacked combining marks from the next one: compare without spaces.
    text = re.sub(r"\s+", "", unicodedata.normalize("NFC", text_of(pdf)))
    for word in words:
        assert re.sub(r"\s+", "", unicodedata.normalize("NFC", word)) in text, word
    assert "<b>&amp;</b>" in text  # shown as typed, never as markup


def test_the_same_record_gives_the_same_pdf(outdir, tmp_path):
    pdf = interview_pdf(outdir)
    record_path = pdf.with_suffix(".json")
    assert render(record_path, tmp_path).read_bytes() == pdf.read_bytes()


def test_an_emergency_letter_has_its_banner(outdir):
    pdf = interview_pdf(outdir, kind="emergency")
    assert "EMERGENCY" in text_of(pdf)
