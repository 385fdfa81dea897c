/* testproc.h for POSIX (posix_spawn, kill, waitpid) and Windows
 * (CreateProcess, TerminateProcess, WaitForSingleObject). */
#include "testproc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

/* Appends arg to cmd quoted the way the C runtime splits command lines. */
static bool append_quoted(char *cmd, size_t size, const char *arg)
{
    size_t n = strlen(cmd);
    if (n && n + 1 < size)
        cmd[n++] = ' ';
    if (n + 1 >= size)
        return false;
    cmd[n++] = '"';
    for (const char *s = arg;; s++) {
        size_t slashes = 0;
        while (*s == '\\') {
            slashes++;
            s++;
        }
        /* backslashes double before a quote and before the closing quote */
        size_t reps = (*s == '"' || *s == '\0') ? slashes * 2 : slashes;
        if (n + reps + 3 >= size)
            return false;
        for (size_t i = 0; i < reps; i++)
            cmd[n++] = '\\';
        if (*s == '\0')
            break;
        if (*s == '"')
            cmd[n++] = '\\';
        cmd[n++] = *s;
    }
    cmd[n++] = '"';
    cmd[n] = '\0';
    return true;
}

bool testproc_spawn(TestProc *p, const char *const *argv)
{
    memset(p, 0, sizeof *p);
    char cmd[8192] = "";
    for (int i = 0; argv[i]; i++)
        if (!append_quoted(cmd, sizeof cmd, argv[i]))
            return false;
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    fflush(stdout);
    fflush(stderr);
    if (!CreateProcessA(argv[0], cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return false;
    CloseHandle(pi.hThread);
    p->id = (intptr_t)pi.hProcess;
    return true;
}

static void reap(TestProc *p, DWORD wait_ms)
{
    if (p->reaped || WaitForSingleObject((HANDLE)p->id, wait_ms) != WAIT_OBJECT_0)
        return;
    DWORD code = 0;
    GetExitCodeProcess((HANDLE)p->id, &code);
    p->status = (int)code;
    p->reaped = true;
    CloseHandle((HANDLE)p->id);
}

bool testproc_running(TestProc *p)
{
    reap(p, 0);
    return !p->reaped;
}

/* TerminateProcess's exit code for a kill: what a killed child reports. */
#define KILL_EXIT_CODE 0xC0DE0009u

void testproc_kill(TestProc *p)
{
    if (!p->reaped)
        TerminateProcess((HANDLE)p->id, KILL_EXIT_CODE);
}

int testproc_wait(TestProc *p)
{
    reap(p, INFINITE);
    return (unsigned)p->status == KILL_EXIT_CODE ? TESTPROC_KILLED : p->status;
}

const char *testproc_self(const char *argv0)
{
    static char path[MAX_PATH * 4];
    DWORD n = GetModuleFileNameA(NULL, path, sizeof path);
    if (n == 0 || n >= sizeof path)
        return argv0;
    return path;
}

void testproc_sleep_us(long us)
{
    Sleep((DWORD)((us + 999) / 1000));
}

void testproc_exit_now(int code)
{
    _exit(code);
}

#else /* POSIX */

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

bool testproc_spawn(TestProc *p, const char *const *argv)
{
    memset(p, 0, sizeof *p);
    pid_t pid;
    fflush(stdout);
    fflush(stderr);
    if (posix_spawn(&pid, argv[0], NULL, NULL, (char *const *)argv, environ) != 0)
        return false;
    p->id = pid;
    return true;
}

static void reap(TestProc *p, int flags)
{
    int status = 0;
    if (p->reaped || waitpid((pid_t)p->id, &status, flags) != (pid_t)p->id)
        return;
    if (WIFSIGNALED(status))
        p->status = WTERMSIG(status) == SIGKILL ? TESTPROC_KILLED : 128 + WTERMSIG(status);
    else
        p->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    p->reaped = true;
}

bool testproc_running(TestProc *p)
{
    reap(p, WNOHANG);
    return !p->reaped;
}

void testproc_kill(TestProc *p)
{
    if (!p->reaped)
        kill((pid_t)p->id, SIGKILL);
}

int testproc_wait(TestProc *p)
{
    reap(p, 0);
    return p->status;
}

const char *testproc_self(const char *argv0)
{
    return argv0;
}

void testproc_sleep_us(long us)
{
    struct timespec delay = {us / 1000000L, (us % 1000000L) * 1000L};
    while (nanosleep(&delay, &delay) != 0 && errno == EINTR)
        ;
}

void testproc_exit_now(int code)
{
    _exit(code);
}

#endif
