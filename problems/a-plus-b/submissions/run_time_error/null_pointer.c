/* Writes through a null pointer: SIGSEGV. */
#include <stdio.h>

int main(void) {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    volatile long long *volatile p = 0;
    *p = a + b;
    printf("%lld\n", *p);
    return 0;
}
