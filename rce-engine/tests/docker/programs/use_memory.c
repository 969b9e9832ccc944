/* Touch argv[1] MiB once, then exit 0 (a run that fits its memory limit). */
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
    size_t n = (size_t)atoi(argc > 1 ? argv[1] : "1") << 20;
    char *p = malloc(n);
    if (!p) return 2;
    memset(p, 1, n);
    return p[n - 1] == 1 ? 0 : 1;
}
