/* Double fork + setsid: a grandchild that tries to outlive the run. */
#include <unistd.h>
int main(void) {
    if (fork() == 0) {
        setsid();
        if (fork() == 0) {
            for (;;) sleep(1);
        }
        return 0;
    }
    return 0;
}
