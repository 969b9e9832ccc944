/* Binary search: at most 30 guesses for n <= 10^9. */
#include <stdio.h>

int main(void) {
    long long n, lo = 1, hi;
    char reply[4];
    if (scanf("%lld", &n) != 1) return 0;
    hi = n;
    while (lo <= hi) {
        long long mid = lo + (hi - lo) / 2;
        printf("? %lld\n", mid);
        fflush(stdout);
        if (scanf("%3s", reply) != 1 || reply[0] == '=') return 0;
        if (reply[0] == '<') hi = mid - 1; else lo = mid + 1;
    }
    return 0;
}
