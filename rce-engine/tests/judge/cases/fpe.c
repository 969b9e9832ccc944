#include <stdio.h>
int main(void) {
    volatile int a, b;
    if (scanf("%d %d", (int *)&a, (int *)&b) != 2) return 1;
    printf("%d\n", a / (a - 1));
    return 0;
}
