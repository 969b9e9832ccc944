/* SIGKILL and SIGSTOP the runner (our parent, same uid) and pid 1, then exit 3: the run must simply go on
 * and report that exit, since the runner is the init of the run's own pid namespace (ADR 0034). */
#include <signal.h>
#include <unistd.h>
int main(void) {
    kill(getppid(), SIGKILL);
    kill(getppid(), SIGSTOP);
    kill(1, SIGKILL);
    kill(-1, SIGSTOP); /* every process we may signal: only our own (and pid 1, which ignores it) */
    usleep(100000);
    return 3;
}
