/* Write to stdout (argv[1] == "out") or stderr forever, NUL bytes and invalid UTF-8 included. */
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
    char buf[65536];
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = (char)(i % 7 == 0 ? 0 : (i % 5 == 0 ? 0xff : 'a'));
    int fd = argc > 1 && strcmp(argv[1], "out") == 0 ? 1 : 2;
    for (;;)
        if (write(fd, buf, sizeof buf) < 0) return 1;
}
