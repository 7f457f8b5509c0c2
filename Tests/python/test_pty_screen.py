"""A screen that fits, at 40x20, 80x25 (the console docs/kiosk.md installs)
and 120x40, seen through tmux (what a person sees) and pexpect (every byte):
text wrapped to the terminal's width without breaking words, and the width
followed after a resize; no colour under NO_COLOR and no escape sequence at
all under TERM=dumb; progress by section that never goes backwards or past
its total; a review that pages, grouped by section, and after an edit shows
only the changed answer; `back` showing the earlier answer; and the end of
the interview: a short reference and what happens next, never a file path."""
import re
import subprocess
import time

import pexpect
import pytest
import yaml

from _pty_helpers import (
    QUESTION_RE,
    REVIEW_RE,
    Tmux,
    at_review,
    exit_code,
    expect_question,
    flat,
    pick_answer,
    pty_env,
    reap_children,
    records,
    spawn,
)
from conftest import SEEDS

pytestmark = pytest.mark.usefixtures("binary", "reap_children")

SIZES = [(40, 20), (80, 25), (120, 40)]
SIZE_IDS = ["40x20", "80x25", "120x40"]
INTERVIEW = yaml.safe_load((SEEDS / "interview.yaml").read_text())
INTRO = INTERVIEW["introduction"]["patient"]
SECTIONS = [s["title"]["patient"] for s in INTERVIEW["sections"]]
PROGRESS_RE = re.compile(r"\[Section (\d+) of (\d+): ([^\]]*?) \(question (\d+)\)\]")


@pytest.fixture
def screens():
    made = []

    def make(width, height):
        tmux = Tmux(width=width, height=height)
        made.append(tmux)
        return tmux

    yield make
    for tmux in made:
        tmux.close()


def assert_fits(text, width):
    """No line wider than the screen (tmux joins a line the terminal had to
    wrap, so such a line shows up longer than the width)."""
    for line in text.split("\n"):
        assert len(line) <= width, "a line of %d columns on a %d-column screen:\n%s" % (len(line), width, line)


@pytest.mark.parametrize("width,height", SIZES, ids=SIZE_IDS)
def test_text_is_wrapped_to_the_screen_without_breaking_words(width, height, screens, outdir):
    tmux = screens(width, height).start(["interview", "--out", outdir])
    _, body, hint = tmux.question()
    everything = tmux.everything()
    assert_fits(everything, width)
    # Every word of the introduction and of the hint whole: joined back
    # together the wrapped lines read as the seeds' text.
    assert flat(INTRO) in flat(everything)
    assert "type the numbers of all that apply, separated by commas" in hint
    # Not wrapped at a fixed 78 columns: on a wide screen a line uses the room.
    if width > 80:
        assert max(len(line) for line in everything.split("\n")) > 78
    # A wrong answer's reason is wrapped as well.
    tmux.type("13")
    tmux.keys("Enter")
    tmux.wait_for("For example")
    assert_fits(tmux.everything(), width)
    assert "there is no choice 13" in flat(tmux.everything())


def resize(tmux, width, height):
    """Resizes the pane and waits until its terminal has the new size (tmux
    sets it, and sends SIGWINCH, a moment later)."""
    tmux.tmux("resize-window", "-t", "0", "-x", str(width), "-y", str(height))
    tty = tmux.info("#{pane_tty}")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        size = subprocess.run(["stty", "-F", tty, "size"], capture_output=True, text=True).stdout.split()
        if size == [str(height), str(width)]:
            return
        time.sleep(0.05)
    raise AssertionError("the pane's terminal did not take the size %dx%d" % (width, height))


def test_a_resize_is_followed_from_the_next_question(screens, outdir):
    tmux = screens(100, 30).start(["interview", "--out", outdir])
    tmux.question()
    resize(tmux, 40, 20)
    tmux.type("none")
    tmux.keys("Enter")
    tmux.question(after=1)
    after = re.split(r"\(question\s+2\)\]", tmux.everything())[-1]
    assert_fits(after, 40)
    resize(tmux, 120, 40)
    tmux.type("Sam Taylor")
    tmux.keys("Enter")
    tmux.question(after=2)
    # Back to the width of a wide screen: the progress line is not wrapped at 40.
    assert re.search(r"\[Section 2 of \d+: About you \(question 3\)\]", tmux.screen())


@pytest.mark.parametrize("width,height", SIZES, ids=SIZE_IDS)
def test_no_colour_under_no_color_and_no_escapes_under_term_dumb(width, height, outdir):
    def run(**extra):
        out = outdir / "-".join(sorted(extra) or ["plain"])
        child = spawn(["interview", "--out", out], env=pty_env(**extra), width=width, height=height)
        expect_question(child)
        child.send("1\r")  # chest pain: the alert
        child.expect("CALL 999|call 999|999")
        seen = child.before + child.after
        child.expect(pexpect.EOF)
        seen += child.before
        child.close()
        return seen, child.exitstatus

    coloured, status = run()
    assert status == 3 and "\x1b[1;97;41m" in coloured, "the alert is in colour on an ordinary terminal"
    plain, status = run(NO_COLOR="1")
    assert status == 3
    assert "\x1b[1;97;41m" not in plain and "\x1b[0m" not in plain, "colour under NO_COLOR"
    assert "!!" in plain, "the alert's frame is still there"
    dumb, status = run(TERM="dumb")
    assert status == 3
    assert "\x1b" not in dumb, "an escape sequence under TERM=dumb: %r" % dumb[dumb.index("\x1b") - 20 :][:60]
    assert_fits(re.sub(r"\r", "", dumb), width)


def progress_lines(child_text):
    return [(int(a), int(b), c, int(d)) for a, b, c, d in PROGRESS_RE.findall(flat(child_text))]


@pytest.mark.parametrize("width,height", SIZES, ids=SIZE_IDS)
def test_progress_by_section_over_a_whole_interview(width, height, outdir):
    child = spawn(["interview", "--out", outdir], width=width, height=height)
    shown = []
    for _ in range(200):
        index = child.expect([QUESTION_RE, REVIEW_RE])
        if index == 1:
            break
        shown += progress_lines(child.match.group(0))
        body, hint = child.match.group("body"), flat(child.match.group("hint"))
        child.send(pick_answer(body.replace("\r\n", "\n"), hint) + "\r")
    assert shown, "no progress line was read"
    totals = {total for _, total, _, _ in shown}
    assert totals == {len(SECTIONS)}, "the total changed: %s" % totals
    sections = [section for section, _, _, _ in shown]
    assert sections == sorted(sections), "the section went backwards: %s" % sections
    assert sections[0] == 1 and sections[-1] == len(SECTIONS) and max(sections) <= len(SECTIONS)
    for section, _, title, _ in shown:
        assert title == SECTIONS[section - 1]
    numbers = [number for _, _, _, number in shown]
    assert numbers == list(range(1, len(numbers) + 1))
    child.sendcontrol("c")
    assert exit_code(child) == 130


def answer_to_review(tmux):
    tmux.answer_until_review()
    return tmux.screen()


def test_the_review_pages_at_80x25_grouped_by_section(screens, outdir):
    tmux = screens(80, 25).start(["interview", "--out", outdir])
    screen = answer_to_review(tmux)
    lines = screen.split("\n")
    assert len(lines) <= 25
    # The first page, from its title, on one screen: the name and date of
    # birth are not scrolled away.
    assert "Please check your answers" in screen
    assert re.search(r"^\s+2\. Name: Sam Taylor$", screen, re.M), screen
    assert re.search(r"^\s+3\. Date of birth: 25 November 1970$", screen, re.M), screen
    assert "Your safety" in screen and "About you" in screen
    pages = re.search(r"Page 1 of (\d+)\.", screen)
    assert pages and int(pages.group(1)) >= 2, screen
    total = int(pages.group(1))
    # Grouped by section: each title once on a page, in the seeds' order.
    seen_titles = []
    for page in range(1, total + 1):
        screen = tmux.screen()
        page_part = screen.split("Please check your answers")[-1]
        assert "Page %d of %d." % (page, total) in page_part, page_part
        assert "Please check your answers" in screen, "the page's title scrolled away"
        seen_titles += [title for title in SECTIONS if re.search("^%s$" % re.escape(title), page_part, re.M)]
        tmux.keys("Enter")
        if page < total:
            tmux.wait_for("Page %d of %d." % (page + 1, total))
    assert [t for i, t in enumerate(seen_titles) if t not in seen_titles[:i]] == SECTIONS
    assert re.search(r"^\s+\d+\. Consent to share information", tmux.everything(), re.M)

    # A change shows the changed answer again, not the whole list.
    tmux.wait_for("Page 1 of %d." % total)
    tmux.type("2")
    tmux.keys("Enter")
    tmux.wait_last_line("> Sam Taylor")
    tmux.keys("C-a", "C-k")
    tmux.type("Alex Morgan")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: at_review(s) and "Changed:" in s, what="the changed answer")
    after = tmux.everything().split("> Alex Morgan")[-1]
    assert re.search(r"^\s+2\. Name: Alex Morgan$", after, re.M), after
    assert "Please check your answers" not in after and "Page 1 of" not in after, after
    assert "Date of birth" not in after, "the whole list was shown again:\n" + after
    # `list` shows it all again, from the first page.
    tmux.type("list")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "Page 1 of %d." % total in s.split("> list")[-1], what="the first page again")
    tmux.type("submit")
    tmux.keys("Enter")
    assert tmux.wait_exit() == 0
    [record] = records(outdir)
    assert {a["questionId"]: a["typed"] for a in record["answers"]}["full_name"] == "Alex Morgan"


@pytest.mark.parametrize("width,height", [(120, 40)], ids=["120x40"])
def test_a_big_screen_may_show_the_review_on_fewer_pages(width, height, screens, outdir):
    tmux = screens(width, height).start(["interview", "--out", outdir])
    screen = answer_to_review(tmux)
    assert "Please check your answers" in screen
    small = screens(40, 20).start(["interview", "--out", outdir / "small"])
    small_screen = answer_to_review(small)
    assert_fits(small.everything(), 40)
    big_pages = re.search(r"Page 1 of (\d+)", screen)
    small_pages = re.search(r"Page 1 of (\d+)", small_screen)
    assert small_pages, small_screen
    assert (int(big_pages.group(1)) if big_pages else 1) < int(small_pages.group(1))


@pytest.mark.parametrize("width,height", SIZES, ids=SIZE_IDS)
def test_back_shows_the_earlier_answer(width, height, screens, outdir):
    tmux = screens(width, height).start(["interview", "--out", outdir])
    tmux.question()
    tmux.type("none")
    tmux.keys("Enter")
    tmux.question(after=1)
    tmux.type("Sam Taylor")
    tmux.keys("Enter")
    tmux.question(after=2)
    tmux.type("back")
    tmux.keys("Enter")
    tmux.question(number=2)
    screen = tmux.screen()
    last = screen.split("[Section ")[-1]
    assert "Your answer before was: Sam Taylor" in flat(last), screen
    # Typing starts afresh: the line is empty, and a new answer replaces the old.
    assert screen.endswith("\n>")
    tmux.type("Alex Morgan")
    tmux.keys("Enter")
    tmux.question(after=2)


@pytest.mark.parametrize("width,height", SIZES, ids=SIZE_IDS)
def test_the_end_gives_a_reference_and_what_happens_next_not_a_path(width, height, screens, outdir):
    tmux = screens(width, height).start(["interview", "--out", outdir])
    answer_to_review(tmux)
    tmux.type("submit")
    tmux.keys("Enter")
    assert tmux.wait_exit() == 0
    everything = tmux.everything()
    [record] = records(outdir)
    m = re.search(r"Your reference is (\w{4}) (\w{4})\.", flat(everything))
    assert m, everything
    assert record["id"].endswith(m.group(1) + m.group(2))
    assert "What happens next:" in everything
    assert str(outdir) not in everything and ".json" not in everything, "a file path was shown"
    assert_fits(everything, width)
