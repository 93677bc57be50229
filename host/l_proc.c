/* l_proc.c -- alp._proc: the few process operations the suite runner needs to
 * run each recast in its own process (fork, a report pipe, waiting with a
 * status and the CPU time, killing a process group, a monotonic clock).
 * Internal (the leading underscore keeps it out of the public help list);
 * scripts/alpcast/suite.lua is its only user.
 *
 * Every child made by fork() is the leader of its own process group, so
 * kill() reaches whatever it started too.  The pids of live children are
 * kept here, so killall() can stop them all from one C call (the suite's
 * SIGINT/SIGTERM path) without asking them. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lalp.h"


#define MAX_CHILDREN 256

static pid_t children[MAX_CHILDREN];
static int nchildren = 0;

static void forget_child(pid_t pid)
{
  for (int i = 0; i < nchildren; i++)
    if (children[i] == pid) { children[i] = children[--nchildren]; return; }
}

static int check_fd(lua_State *L, int arg, const char *fname)
{
  lua_Integer fd = luaL_checkinteger(L, arg);
  if (fd < 0 || fd > 1 << 20)
    luaL_error(L, "%s: fd must be an open file descriptor, got %d", fname, (int)fd);
  return (int)fd;
}

/* fork() -> pid, fd: in the parent the child's pid and the read end of its
 * report pipe (non-blocking); in the child 0 and the write end.  The child
 * is the leader of a new process group, with SIGINT/SIGTERM at their
 * default action. */
static int l_proc_fork(lua_State *L)
{
  int p[2];
  pid_t pid;
  if (nchildren >= MAX_CHILDREN)
    return luaL_error(L, "alp._proc.fork: more than %d children at once", MAX_CHILDREN);
  if (pipe(p) != 0)
    return luaL_error(L, "alp._proc.fork: pipe failed: %s", strerror(errno));
  fcntl(p[0], F_SETFD, FD_CLOEXEC);
  fcntl(p[1], F_SETFD, FD_CLOEXEC);
  fflush(NULL); /* no buffered output printed twice */
  pid = fork();
  if (pid < 0) {
    int e = errno;
    close(p[0]);
    close(p[1]);
    return luaL_error(L, "alp._proc.fork: fork failed: %s", strerror(e));
  }
  if (pid == 0) {
    setpgid(0, 0);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    close(p[0]);
    nchildren = 0; /* the parent's children are not ours */
    lua_pushinteger(L, 0);
    lua_pushinteger(L, p[1]);
    return 2;
  }
  setpgid(pid, pid); /* also here: no race with the child's own call */
  close(p[1]);
  fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
  children[nchildren++] = pid;
  lua_pushinteger(L, pid);
  lua_pushinteger(L, p[0]);
  return 2;
}

/* write(fd, s) -> true: all of s (blocking), retrying on EINTR. */
static int l_proc_write(lua_State *L)
{
  int fd = check_fd(L, 1, "alp._proc.write");
  size_t n, done = 0;
  const char *s = luaL_checklstring(L, 2, &n);
  while (done < n) {
    ssize_t w = write(fd, s + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return luaL_error(L, "alp._proc.write: %s", strerror(errno));
    done += (size_t)w;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* read(fd) -> string of what is available now ("" if nothing yet), or nil
 * at end of file. */
static int l_proc_read(lua_State *L)
{
  int fd = check_fd(L, 1, "alp._proc.read");
  luaL_Buffer b;
  int eof = 0;
  luaL_buffinit(L, &b);
  for (;;) {
    char *buf = luaL_prepbuffer(&b);
    ssize_t r = read(fd, buf, LUAL_BUFFERSIZE);
    if (r > 0) { luaL_addsize(&b, (size_t)r); continue; }
    if (r == 0) eof = 1;
    else if (errno == EINTR) continue;
    else if (errno != EAGAIN && errno != EWOULDBLOCK)
      return luaL_error(L, "alp._proc.read: %s", strerror(errno));
    break;
  }
  luaL_pushresult(&b);
  if (eof && lua_rawlen(L, -1) == 0) { lua_pushnil(L); return 1; }
  return 1;
}

/* close(fd) */
static int l_proc_close(lua_State *L)
{
  close(check_fd(L, 1, "alp._proc.close"));
  return 0;
}

/* poll(fds, seconds): waits until one of the fds (an array) is readable or
 * at hang-up, or the time has passed, or a signal came.  Returns nothing. */
static int l_proc_poll(lua_State *L)
{
  struct pollfd p[MAX_CHILDREN];
  double t;
  int n;
  luaL_checktype(L, 1, LUA_TTABLE);
  t = luaL_checknumber(L, 2);
  n = (int)lua_rawlen(L, 1);
  if (n > MAX_CHILDREN) n = MAX_CHILDREN;
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, 1, i + 1);
    p[i].fd = (int)luaL_checkinteger(L, -1);
    p[i].events = POLLIN;
    p[i].revents = 0;
    lua_pop(L, 1);
  }
  if (!(t >= 0)) t = 0;
  if (t > 3600) t = 3600;
  poll(p, (nfds_t)n, (int)(t * 1000 + 0.5)); /* EINTR: the caller looks again */
  return 0;
}

/* wait(pid [, block]) -> nil while it runs; else (after killing what is
 * left of its process group) a table {code = exit code
 * or nil, signal = signal number or nil, signame = "SIGKILL"..., cpu_s =
 * user + system CPU seconds of the child and its threads}. */
static int l_proc_wait(lua_State *L)
{
  pid_t pid = (pid_t)luaL_checkinteger(L, 1);
  int block = lua_toboolean(L, 2), status = 0;
  struct rusage ru;
  pid_t r;
  siginfo_t si;
  memset(&ru, 0, sizeof ru);
  /* Look first without reaping (WNOWAIT): while the ended child is a
   * zombie its process group id cannot be reused, so what it started is
   * killed with it, and only then is it reaped. */
  memset(&si, 0, sizeof si);
  /* a signal ends a blocking wait too when it is Ctrl-C / SIGTERM (the
   * cancel flag), so the caller's Lua code can stop */
  do r = waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT | (block ? 0 : WNOHANG));
  while (r < 0 && errno == EINTR && block && !*alpL_cancel_flag());
  if (r < 0 && errno == EINTR) { lua_pushnil(L); return 1; }
  if (r == 0 && si.si_pid == 0) { lua_pushnil(L); return 1; }
  if (r == 0) kill(-pid, SIGKILL);
  do r = wait4(pid, &status, block ? 0 : WNOHANG, &ru);
  while (r < 0 && errno == EINTR);
  if (r == 0 || (r < 0 && errno == EINTR)) { lua_pushnil(L); return 1; }
  if (r < 0) return luaL_error(L, "alp._proc.wait: pid %d: %s", (int)pid, strerror(errno));
  forget_child(pid);
  lua_createtable(L, 0, 4);
  if (WIFEXITED(status)) {
    lua_pushinteger(L, WEXITSTATUS(status));
    lua_setfield(L, -2, "code");
  } else if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char *name = sig == SIGKILL ? "SIGKILL" : sig == SIGSEGV ? "SIGSEGV"
      : sig == SIGABRT ? "SIGABRT" : sig == SIGBUS ? "SIGBUS" : sig == SIGFPE ? "SIGFPE"
      : sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : sig == SIGILL ? "SIGILL"
      : sig == SIGPIPE ? "SIGPIPE" : NULL;
    lua_pushinteger(L, sig);
    lua_setfield(L, -2, "signal");
    if (name) lua_pushstring(L, name);
    else lua_pushfstring(L, "signal %d", sig);
    lua_setfield(L, -2, "signame");
  }
  lua_pushnumber(L, (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec
                    + (double)ru.ru_stime.tv_sec + 1e-6 * (double)ru.ru_stime.tv_usec);
  lua_setfield(L, -2, "cpu_s");
  return 1;
}

/* kill(pid): SIGKILL to the child's process group (and to the child, in
 * case it left the group). */
static int l_proc_kill(lua_State *L)
{
  pid_t pid = (pid_t)luaL_checkinteger(L, 1);
  if (pid <= 1) return luaL_error(L, "alp._proc.kill: pid must be > 1, got %d", (int)pid);
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
  return 0;
}

/* killall() -> n: SIGKILL to every live child's process group, then reap
 * them all. */
static int l_proc_killall(lua_State *L)
{
  int n = nchildren;
  for (int i = 0; i < nchildren; i++) {
    kill(-children[i], SIGKILL);
    kill(children[i], SIGKILL);
  }
  for (int i = 0; i < nchildren; i++) {
    int st;
    while (waitpid(children[i], &st, 0) < 0 && errno == EINTR) {}
  }
  nchildren = 0;
  lua_pushinteger(L, n);
  return 1;
}

/* exit(code): flush stdio and end this process at once (_exit: no atexit
 * handlers, no lua_close).  For the child after its report. */
static int l_proc_exit(lua_State *L)
{
  lua_Integer code = luaL_optinteger(L, 1, 0);
  fflush(NULL);
  _exit((int)(code & 0xff));
  return 0;
}

/* clock() -> seconds of a monotonic clock (wall time, any origin). */
static int l_proc_clock(lua_State *L)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec);
  return 1;
}

/* ncpu() -> number of online CPUs (at least 1). */
/* set_threads(n): default Monte Carlo thread count of this process
 * (alpL_set_default_threads). */
static int l_proc_set_threads(lua_State *L)
{
  alpL_set_default_threads((int)luaL_checkinteger(L, 1));
  return 0;
}

static int l_proc_ncpu(lua_State *L)
{
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  lua_pushinteger(L, n > 0 ? n : 1);
  return 1;
}

/* getpid() -> pid of this process. */
static int l_proc_getpid(lua_State *L)
{
  lua_pushinteger(L, getpid());
  return 1;
}

/* isatty(fd) -> true when fd (0, 1 or 2) is a terminal: the suite draws
 * live progress lines only on one. */
static int l_proc_isatty(lua_State *L)
{
  lua_pushboolean(L, isatty(check_fd(L, 1, "alp._proc.isatty")) == 1);
  return 1;
}

static const luaL_Reg proc_funcs[] = {
  { "fork", l_proc_fork },     { "write", l_proc_write }, { "read", l_proc_read },
  { "close", l_proc_close },   { "poll", l_proc_poll },   { "wait", l_proc_wait },
  { "kill", l_proc_kill },     { "killall", l_proc_killall }, { "exit", l_proc_exit },
  { "clock", l_proc_clock },   { "ncpu", l_proc_ncpu },   { "set_threads", l_proc_set_threads },   { "getpid", l_proc_getpid },
  { "isatty", l_proc_isatty },
  { NULL, NULL }
};

int luaopen_alp_proc(lua_State *L)
{
  luaL_newlib(L, proc_funcs);
  return 1;
}
