#ifndef SECOND_OPINION_TERMINAL_SHIM_H
#define SECOND_OPINION_TERMINAL_SHIM_H

/* Small C glue around GNU readline's callback interface and POSIX signals,
   so the Swift side never touches readline's mutable globals directly. */

enum so_step_status {
  SO_STEP_PENDING = 0,   /* a key was handled; the line is not finished */
  SO_STEP_LINE = 1,      /* a line is ready: take it with so_rl_take_line */
  SO_STEP_EOF = 2,       /* Ctrl-D on an empty line */
  SO_STEP_TIMEOUT = 3,   /* no key within the timeout (or an unrelated signal) */
  SO_STEP_SIGNAL = 4,    /* a signal arrived: read it with so_take_signal */
  SO_STEP_ERROR = 5      /* stdin failed or closed */
};

/* Sets up readline once: no signal handling of its own, whole-line tab
   completion from the list given by so_rl_set_completions, never file names.
   kiosk != 0 also unbinds yank (C-y, M-y) so nothing killed can be recalled,
   and leaves bracketed paste off. accessible != 0 (the accessible mode, for
   screen readers) writes no escape sequence of readline's own and never
   redraws on its own: bracketed paste and the meta key's mode off, no bell,
   no redisplay on a window resize. */
void so_rl_init(int kiosk, int accessible);
/* Replaces the completion candidates (copied). */
void so_rl_set_completions(const char *const *items, int count);
/* Starts reading a line with a prompt and optional text already on the line. */
void so_rl_begin(const char *prompt, const char *prefill);
/* Waits up to timeout_ms (-1: for ever) for a key and handles it. */
int so_rl_step(int timeout_ms);
/* The finished line (malloc'd; the caller frees it), or NULL. */
char *so_rl_take_line(void);
/* Changes the prompt of the line being read and redraws it. */
void so_rl_set_prompt(const char *prompt);
/* Writes a line of text below the line being read and shows the prompt
   and what was typed so far again on the next line, without moving the
   cursor up or rewriting anything already on the screen (the accessible
   mode's idle warning). */
void so_rl_show_line(const char *text);
/* Ends reading: restores the terminal, drops any partial line. */
void so_rl_end(void);
/* Adds a line to the in-session history. */
void so_rl_add_history(const char *line);
/* Forgets all history and any partial line and undo list. */
void so_rl_forget(void);

/* Catches SIGINT, SIGTERM and SIGHUP into a flag (no SA_RESTART, so blocking
   reads return EINTR); ignores SIGPIPE; with kiosk != 0 ignores SIGTSTP and
   SIGQUIT too (Ctrl-Z and Ctrl-\ do nothing). Unblocks the three caught
   signals (see so_block_signals). */
void so_install_signals(int kiosk);
/* Blocks SIGINT, SIGTERM and SIGHUP (before exec: one arriving then stays
   pending until so_install_signals unblocks them in the new program). */
void so_block_signals(void);
/* The pending signal number, cleared; 0 when none. */
int so_take_signal(void);
/* The pending signal number, not cleared. */
int so_peek_signal(void);

/* Hardens the process before anything else runs (call it first in main):
   - a closed standard descriptor (0, 1 or 2) is taken by /dev/null opened
     read-only, so no file opened later lands on it and a write to a closed
     standard output still fails (EBADF) instead of going into a record;
   - unless SWIFT_BACKTRACE is already "enable=no", sets it and re-executes
     /proc/self/exe with the same arguments, so the Swift runtime starts with
     its crash handler off (it shows and keeps memory: names, answers);
   - no core dumps (RLIMIT_CORE 0) and not dumpable (PR_SET_DUMPABLE 0: no
     ptrace by the same user, no core, /proc/PID files owned by root);
   - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGQUIT,
     SIGXCPU and SIGXFSZ, sent or real, end the process at once with
     128 + N, on an alternate stack (a stack overflow too): the terminal's
     settings are restored, the screen cleared where so_crash_clears_screen
     asked for it, one line without patient data goes to stderr, and nothing
     else is written;
   - SIGPIPE is ignored (a write to a closed pipe fails with EPIPE).
   Returns 0, or -1 when the re-execution failed (the handlers above are
   installed all the same and replace the runtime's). */
int so_harden(char **argv);
/* With on != 0 a crash also clears the screen and scrollback (the kiosk). */
void so_crash_clears_screen(int on);

/* Flushes the C standard output; 1 when anything written to it through
   stdio (Swift's print) was lost (a closed descriptor, a full disk, a closed
   pipe), else 0. */
int so_stdout_failed(void);

/* Makes readline read and edit UTF-8 whatever the environment's locale: when
   LC_ALL, LC_CTYPE or LANG (readline reads them) name no UTF-8 locale, sets
   LC_ALL to one that exists (C.UTF-8, C.utf8, en_GB.UTF-8, en_US.UTF-8) for
   this process. Returns 1 when the character type is UTF-8 afterwards, 0 when
   no UTF-8 locale is installed. Call before so_rl_init. */
int so_use_utf8_locale(void);

#endif
