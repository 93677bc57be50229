/* host.h -- shared between main.c and repl.c: the interpreter helpers. */
#ifndef ALP_HOST_H
#define ALP_HOST_H
#include "lua.h"

/* Run the function on top of the stack (with nargs arguments below it... as
 * lua_pcall) under a traceback handler, with Ctrl-C armed.  Returns the
 * lua_pcall status; on error the message (with traceback) is on the stack. */
int host_docall(lua_State *L, int nargs, int nres);
/* Print the error message on top of the stack to stderr and pop it. */
void host_report(lua_State *L, int status);
/* The interactive loop: read, evaluate, print.  `use_history` as decided by
 * main (terminal stdin and no -E). */
void host_repl(lua_State *L, int use_history);

/* Names completing `text` ("alp.sa" -> "alp.sample"), sorted, as a
 * malloc'ed NULL-terminated array of malloc'ed strings; NULL when nothing
 * completes (complete.c; the REPL's Tab and the kernel's completion). */
char **host_completions(lua_State *L, const char *text);
/* `alpcast --kernel`: the framed protocol the Jupyter kernel drives
 * (kernel.c).  Returns the exit code. */
int host_kernel(lua_State *L);

#endif
