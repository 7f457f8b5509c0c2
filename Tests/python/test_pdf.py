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

from conftest import BINARY, CANCER_CASE, SEEDS, base_env
from conftest import case_lines as case_file_lines
from mesh_fixtures import case_lines

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "qpdf")),
    reason="poppler-utils and qpdf are installed by Scripts/bootstrap")

HEADINGS = [line.split(":", 1)[1].strip().strip('"') for line in (SEEDS / "letter.yaml").read_text().splitlines()
            if re.match(r"^\s+title:", line)]


def interview_pdf(outdir, kind="routine", formats=("pdf", "markdown"), lines=None):
    data = "".join(line + "\n" for line in (lines or case_lines(kind))).encode()
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


# ---------------------------------------------------------------- the letter a consultant reads in a minute

def internal_ids():
    """Every id in seeds/ with an underscore (questions, choices, stop rules,
    messages, tree nodes and leaves, letter headings): none may be printed."""
    ids = set()
    for name in ("interview.yaml", "triage.yaml", "letter.yaml"):
        ids |= set(re.findall(r"^\s*-?\s*id:\s*\"?([a-z0-9]+_[a-z0-9_]+)", (SEEDS / name).read_text(), re.M))
    assert {"red_flag_physical", "red_flags", "u_routine"} <= ids
    return ids


def test_the_typical_letter_fits_two_a4_pages_with_the_summary_on_top(outdir):
    """Case 010 (suspected prostate cancer, surgery planned): two A4 pages;
    the top of page 1 has the patient, what is asked, the urgency with the
    date to decide by, the first opinion and the patient's questions."""
    pdf = interview_pdf(outdir, lines=case_file_lines(CANCER_CASE))
    assert int(info_of(pdf)["Pages"]) <= 2
    top = " ".join(" ".join(text_of(pdf, 1).splitlines()[:24]).split())
    for needle in ("Summary", "Sam Taylor, 56 years, NHS number 943 476 5919", "Second opinion on: Prostate cancer",
                   "Urgency: Urgent: within 2 weeks", "Decide by 7 January 2027", "First opinion: Dr Patel",
                   "Is surgery the only option?", "What about active surveillance?"):
        assert needle in top, needle
    assert "25 November 2026, 10:00 GMT" in text_of(pdf)


@pytest.mark.parametrize("kind", ["typical", "emergency"])
def test_no_pdf_shows_an_internal_id_or_an_escaped_entity(outdir, kind):
    lines = case_file_lines(CANCER_CASE) if kind == "typical" else None
    pdf = interview_pdf(outdir, kind="emergency" if kind == "emergency" else "routine", lines=lines)
    text = " ".join(text_of(pdf).split())
    for ident in internal_ids():
        assert ident not in text and ident.replace("_", "\\_") not in text, ident
    for entity in ("&amp;", "&lt;", "&gt;", "&quot;", "&#"):
        assert entity not in text, entity
    if kind == "emergency":
        title = "EMERGENCY: a red flag was reported during a second-opinion intake"
        assert title in re.sub(r"-\s+", "-", text)  # the title may wrap after a hyphen
        assert "999 or A&E" in text
        assert info_of(pdf)["Title"].strip().startswith(title)
