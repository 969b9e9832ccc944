/* A child fills memory until the OOM killer takes it; then the program marks /box/oomed and waits, and
 * the test SIGKILLs every process of the box from outside the run (a program cannot reach its runner), so
 * no report tells of the OOM: the host must learn it from the engine. */
#include <fcntl.h>
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
    close(open("/box/oomed", O_WRONLY | O_CREAT, 0600));
    for (;;) pause();
}
