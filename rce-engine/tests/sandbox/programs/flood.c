/* Write 1 GiB to stdout (or stderr with an argument). */
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
    static char buf[1 << 16];
    memset(buf, 'x', sizeof buf);
    int fd = argc > 1 ? 2 : 1;
    for (long i = 0; i < (1L << 30) / (long)sizeof buf; i++)
        if (write(fd, buf, sizeof buf) < 0) return 1;
    return 0;
}
