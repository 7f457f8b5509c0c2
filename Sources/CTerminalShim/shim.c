#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "CTerminalShim.h"

static volatile sig_atomic_t pending_signal = 0;
static char *finished_line = NULL;
static int line_state = 0; /* 0 none, 1 line, 2 eof */
static char **candidates = NULL;
static int candidate_count = 0;
static int installed = 0;

static void on_signal(int signo) { pending_signal = signo; }

void so_install_signals(int kiosk) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; /* no SA_RESTART: reads return EINTR */
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  signal(SIGPIPE, SIG_IGN);
  /* A kiosk re-exec'ing itself blocks these first (so_block_signals); one that
     arrived meanwhile is still pending and is delivered to the handler now. */
  sigset_t caught;
  sigemptyset(&caught);
  sigaddset(&caught, SIGINT);
  sigaddset(&caught, SIGTERM);
  sigaddset(&caught, SIGHUP);
  sigprocmask(SIG_UNBLOCK, &caught, NULL);
  if (kiosk) {
    signal(SIGTSTP, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
  }
}

void so_block_signals(void) {
  sigset_t caught;
  sigemptyset(&caught);
  sigaddset(&caught, SIGINT);
  sigaddset(&caught, SIGTERM);
  sigaddset(&caught, SIGHUP);
  sigprocmask(SIG_BLOCK, &caught, NULL);
}

int so_take_signal(void) {
  int signo = pending_signal;
  pending_signal = 0;
  return signo;
}

int so_peek_signal(void) { return pending_signal; }

/* ---- Process hardening and crash handling (see the header). ---- */

static struct termios saved_termios;
static volatile sig_atomic_t have_termios = 0;
static volatile sig_atomic_t clears_screen = 0;
static char alternate_stack[64 * 1024];

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
                                    SIGTRAP, SIGSYS, SIGQUIT, SIGXCPU, SIGXFSZ};

static void write_all(int fd, const char *text, size_t length) {
  while (length > 0) {
    ssize_t written = write(fd, text, length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    text += written;
    length -= (size_t)written;
  }
}

/* Async-signal-safe: only write(2), tcsetattr(3) and _exit(2). */
static void on_crash(int signo) {
  if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
  if (clears_screen && isatty(STDOUT_FILENO)) {
    static const char clear[] = "\033[0m\033[H\033[2J\033[3J\033c\033[H\033[2J\033[3J";
    write_all(STDOUT_FILENO, clear, sizeof clear - 1);
  }
  char line[96] = "second-opinion: stopped by signal ";
  size_t length = strlen(line);
  char digits[4];
  int count = 0, value = signo;
  do {
    digits[count++] = (char)('0' + value % 10);
    value /= 10;
  } while (value > 0 && count < 3);
  while (count > 0) line[length++] = digits[--count];
  static const char rest[] = " (a crash or a kill); nothing was saved.\n";
  memcpy(line + length, rest, sizeof rest - 1);
  length += sizeof rest - 1;
  write_all(STDERR_FILENO, line, length);
  _exit(128 + signo);
}

void so_crash_clears_screen(int on) { clears_screen = on ? 1 : 0; }

int so_harden(char **argv) {
  for (int fd = 0; fd <= 2; fd++) {
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      int null = open("/dev/null", O_RDONLY);
      if (null >= 0 && null != fd) {
        dup2(null, fd);
        close(null);
      }
    }
  }
  int status = 0;
  const char *backtrace = getenv("SWIFT_BACKTRACE");
  if (backtrace == NULL || strcmp(backtrace, "enable=no") != 0) {
    setenv("SWIFT_BACKTRACE", "enable=no", 1);
    execv("/proc/self/exe", argv);
    status = -1; /* still here: the handlers below replace the runtime's */
  }
  struct rlimit none = {0, 0};
  setrlimit(RLIMIT_CORE, &none);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_termios = 1;
  stack_t stack;
  memset(&stack, 0, sizeof stack);
  stack.ss_sp = alternate_stack;
  stack.ss_size = sizeof alternate_stack;
  sigaltstack(&stack, NULL);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_crash;
  sigfillset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;
  for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) {
    sigaction(crash_signals[i], &action, NULL);
  }
  /* Unblocked: a crash signal blocked across an exec would otherwise kill
     the process without the handler (or be ignored when sent). */
  sigset_t crashes;
  sigemptyset(&crashes);
  for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaddset(&crashes, crash_signals[i]);
  sigprocmask(SIG_UNBLOCK, &crashes, NULL);
  signal(SIGPIPE, SIG_IGN);
  return status;
}

int so_stdout_failed(void) {
  int flushed = fflush(stdout);
  return (flushed != 0 || ferror(stdout)) ? 1 : 0;
}

static int is_utf8_name(const char *name) {
  if (name == NULL) return 0;
  return strcasestr(name, "utf-8") != NULL || strcasestr(name, "utf8") != NULL;
}

int so_use_utf8_locale(void) {
  /* The variable readline takes LC_CTYPE from, as it looks for it. */
  const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  const char *chosen = NULL;
  for (int i = 0; i < 3 && chosen == NULL; i++) {
    const char *value = getenv(names[i]);
    if (value != NULL && value[0] != '\0') chosen = value;
  }
  if (chosen != NULL && is_utf8_name(chosen) && setlocale(LC_CTYPE, chosen) != NULL &&
      is_utf8_name(nl_langinfo(CODESET))) {
    return 1;
  }
  const char *candidates[] = {"C.UTF-8", "C.utf8", "en_GB.UTF-8", "en_US.UTF-8"};
  for (int i = 0; i < 4; i++) {
    if (setlocale(LC_CTYPE, candidates[i]) != NULL && is_utf8_name(nl_langinfo(CODESET))) {
      setenv("LC_ALL", candidates[i], 1);
      return 1;
    }
  }
  return 0;
}

static char *candidate_generator(const char *text, int state) {
  static int index;
  static size_t length;
  if (state == 0) {
    index = 0;
    length = strlen(text);
  }
  while (index < candidate_count) {
    const char *item = candidates[index++];
    if (strncasecmp(item, text, length) == 0) return strdup(item);
  }
  return NULL;
}

static char **complete(const char *text, int start, int end) {
  (void)start;
  (void)end;
  rl_attempted_completion_over = 1; /* never fall back to file names */
  return rl_completion_matches(text, candidate_generator);
}

static int do_nothing(int count, int key) {
  (void)count;
  (void)key;
  rl_ding();
  return 0;
}

void so_rl_init(int kiosk, int accessible) {
  rl_readline_name = "second-opinion";
  rl_catch_signals = 0;
  /* A resize redraws the line in place: not for a screen reader, which
     would read the line out again. */
  rl_catch_sigwinch = accessible ? 0 : 1;
  if (accessible) rl_change_environment = 0;
  rl_attempted_completion_function = complete;
  rl_completion_entry_function = candidate_generator;
  rl_basic_word_break_characters = "";
  rl_completer_word_break_characters = "";
  rl_completion_append_character = '\0';
  rl_completion_query_items = 1000;
  rl_initialize();
  rl_variable_bind("completion-ignore-case", "on");
  /* Bracketed paste keeps a pasted newline from sending an answer. Not on the
     kiosk: there is no clipboard there, and with it readline ends a Ctrl-D
     (ignored there) with a newline, leaving an old prompt on the screen. */
  /* Nor on a dumb terminal, which must be sent no escape sequence at all. */
  const char *term = getenv("TERM");
  int dumb = term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0;
  rl_variable_bind("enable-bracketed-paste", (kiosk || dumb || accessible) ? "off" : "on");
  if (accessible) {
    /* The meta key's mode is switched on with an escape sequence (smm); the
       bell is a sound a screen reader's user cannot tell from its own. */
    rl_variable_bind("enable-meta-key", "off");
    rl_variable_bind("bell-style", "none");
    rl_variable_bind("horizontal-scroll-mode", "off");
  }
  /* Tilde expansion would put the home folder's path on the line. */
  rl_bind_keyseq("\\e~", do_nothing);
  rl_bind_keyseq("\\e&", do_nothing);
  if (kiosk) {
    rl_bind_key(25, do_nothing);              /* C-y: yank */
    rl_bind_keyseq("\\ey", do_nothing);       /* M-y: yank-pop */
    rl_bind_keyseq("\\e.", do_nothing);       /* M-.: yank-last-arg */
    rl_bind_keyseq("\\e_", do_nothing);       /* M-_: yank-last-arg */
    rl_bind_keyseq("\\e\\C-y", do_nothing);   /* M-C-y: yank-nth-arg */
  }
}

void so_rl_set_completions(const char *const *items, int count) {
  for (int i = 0; i < candidate_count; i++) free(candidates[i]);
  free(candidates);
  candidates = NULL;
  candidate_count = 0;
  if (count <= 0) return;
  candidates = calloc((size_t)count, sizeof(char *));
  if (candidates == NULL) return;
  for (int i = 0; i < count; i++) candidates[i] = strdup(items[i]);
  candidate_count = count;
}

static void on_line(char *line) {
  if (line == NULL) {
    line_state = 2;
  } else {
    finished_line = line;
    line_state = 1;
  }
  rl_callback_handler_remove();
  installed = 0;
}

void so_rl_begin(const char *prompt, const char *prefill) {
  free(finished_line);
  finished_line = NULL;
  line_state = 0;
  rl_callback_handler_install(prompt, on_line);
  installed = 1;
  if (prefill != NULL && prefill[0] != '\0') {
    rl_insert_text(prefill);
    rl_redisplay();
  }
}

int so_rl_step(int timeout_ms) {
  if (line_state == 1) return SO_STEP_LINE;
  if (line_state == 2) return SO_STEP_EOF;
  /* The caught signals are blocked while the flag is looked at and unblocked
     only inside ppoll, atomically: a signal landing between the look and the
     wait cannot be missed (with plain poll it would wait on for a key). */
  sigset_t caught, previous;
  sigemptyset(&caught);
  sigaddset(&caught, SIGINT);
  sigaddset(&caught, SIGTERM);
  sigaddset(&caught, SIGHUP);
  sigprocmask(SIG_BLOCK, &caught, &previous);
  if (pending_signal) {
    sigprocmask(SIG_SETMASK, &previous, NULL);
    return SO_STEP_SIGNAL;
  }
  struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN};
  struct timespec wait = {.tv_sec = timeout_ms / 1000, .tv_nsec = (long)(timeout_ms % 1000) * 1000000L};
  int ready = ppoll(&fd, 1, timeout_ms < 0 ? NULL : &wait, &previous);
  int error = errno;
  sigprocmask(SIG_SETMASK, &previous, NULL);
  if (ready < 0) {
    /* Another signal (a window resize): nothing happened; the caller looks at
       its clock and waits again. */
    if (error == EINTR) return pending_signal ? SO_STEP_SIGNAL : SO_STEP_TIMEOUT;
    return SO_STEP_ERROR;
  }
  if (ready == 0) return SO_STEP_TIMEOUT;
  if (fd.revents & (POLLERR | POLLNVAL)) return SO_STEP_ERROR;
  if ((fd.revents & POLLHUP) && !(fd.revents & POLLIN)) return SO_STEP_ERROR;
  rl_callback_read_char();
  if (line_state == 1) return SO_STEP_LINE;
  if (line_state == 2) return SO_STEP_EOF;
  if (pending_signal) return SO_STEP_SIGNAL;
  return SO_STEP_PENDING;
}

char *so_rl_take_line(void) {
  char *line = finished_line;
  finished_line = NULL;
  line_state = 0;
  return line;
}

void so_rl_set_prompt(const char *prompt) {
  if (!installed) return;
  rl_set_prompt(prompt);
  /* rl_redisplay compares the new prompt and line with what is on the screen
     and rewrites the difference in place (rl_forced_update_display would
     redraw from wherever the cursor is, leaving the old prompt behind). */
  rl_redisplay();
}

void so_rl_show_line(const char *text) {
  if (!installed) {
    fputs(text, rl_outstream ? rl_outstream : stdout);
    fputc('\n', rl_outstream ? rl_outstream : stdout);
    fflush(rl_outstream ? rl_outstream : stdout);
    return;
  }
  FILE *out = rl_outstream ? rl_outstream : stdout;
  fputc('\n', out);
  fputs(text, out);
  fputc('\n', out);
  fflush(out);
  /* The prompt and the partial line again, below: nothing above is rewritten. */
  rl_on_new_line();
  rl_redisplay();
}

void so_rl_end(void) {
  if (installed) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_callback_handler_remove();
    installed = 0;
  }
  free(finished_line);
  finished_line = NULL;
  line_state = 0;
}

void so_rl_add_history(const char *line) {
  if (line != NULL && line[0] != '\0') add_history(line);
}

void so_rl_forget(void) {
  so_rl_end();
  clear_history();
  rl_free_undo_list();
}
