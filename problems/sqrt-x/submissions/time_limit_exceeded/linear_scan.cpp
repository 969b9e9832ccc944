// Tries every number up to x: about 10^9 steps per large query.
#include <cstdio>

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        long long x;
        if (scanf("%lld", &x) != 1) return 1;
        volatile long long r = 0;
        for (long long i = 0; i <= x; i++)
            if (i * i <= x) r = i;
        printf("%lld\n", (long long)r);
    }
}
