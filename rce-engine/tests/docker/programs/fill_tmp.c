/* Small files in /tmp until something refuses: tmpfs pages and inodes are charged to the memory limit
 * and cannot be reclaimed, so the OOM killer may take every process of the container. */
#include <stdio.h>
int main(void) {
    char name[64];
    for (int i = 0; i < 300000; i++) {
        snprintf(name, sizeof name, "/tmp/f%d", i);
        FILE *f = fopen(name, "w");
        if (!f) break;
        fputs("0123456789", f);
        if (fclose(f) != 0) break;
    }
    puts("survived");
    return 0;
}
