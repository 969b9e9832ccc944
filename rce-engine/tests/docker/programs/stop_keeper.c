/* Try to signal every process in the container (init, the idle keeper) and report what succeeded. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    int ok = 0;
    for (int pid = 1; pid < 64; pid++)
        if (kill(pid, 0) == 0 && pid != getpid() && pid != getppid()) {
            printf("can signal %d\n", pid);
            ok++;
        }
    return ok;
}
