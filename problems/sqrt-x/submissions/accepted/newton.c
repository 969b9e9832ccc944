/* Newton's method on integers. */
#include <stdio.h>

static long long isqrt(long long x) {
    if (x < 2) return x;
    long long r = x;
    while (r > x / r) r = (r + x / r) / 2;
    return r;
}

int main(void) {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        long long x;
        if (scanf("%lld", &x) != 1) return 1;
        printf("%lld\n", isqrt(x));
    }
    return 0;
}
