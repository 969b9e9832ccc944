// Precomputes a table of every answer: 2^31 bytes, far over the 256 MiB limit.
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main() {
    const size_t n = 1u << 30;
    unsigned char *table = (unsigned char *)malloc(n);
    if (!table) return 1;
    memset(table, 1, n);
    int t;
    if (scanf("%d", &t) != 1) return 1;
    printf("%d\n", table[t]);
}
