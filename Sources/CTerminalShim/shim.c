#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

void so_rl_init(int kiosk) {
  rl_readline_name = "second-opinion";
  rl_catch_signals = 0;
  rl_catch_sigwinch = 1;
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
  rl_variable_bind("enable-bracketed-paste", kiosk ? "off" : "on");
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
