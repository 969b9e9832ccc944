/* Fork until the pids limit stops us, keep every child alive. */
#include <unistd.h>
int main(void) {
    for (;;) {
        if (fork() == 0) {
            for (;;) pause();
        }
    }
}
