/* `total` is never declared: "error: 'total' undeclared". */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        double a;
        if (scanf("%lf", &a) != 1) return 1;
        sum += a;
    }
    printf("%.9f\n", total / n);
    return 0;
}
