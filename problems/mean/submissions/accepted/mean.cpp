#include <cstdio>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long double sum = 0;
    for (int i = 0; i < n; i++) {
        double a;
        if (scanf("%lf", &a) != 1) return 1;
        sum += a;
    }
    printf("%.9Lf\n", sum / n);
}
