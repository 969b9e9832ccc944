/* A child fills memory until the OOM killer takes it; then the program SIGKILLs the runner (its parent,
 * same uid), so no report tells of the OOM: the host must learn it from the engine. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    pid_t child = fork();
    if (child == 0) {
        for (;;) {
            char *p = malloc(1 << 20);
            if (p) memset(p, 1, 1 << 20);
        }
    }
    int status;
    waitpid(child, &status, 0);
    kill(getppid(), SIGKILL);
    for (;;) pause();
}
