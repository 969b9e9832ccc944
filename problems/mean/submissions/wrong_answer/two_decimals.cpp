// Two digits after the point are not enough for 1e-6: "2.63" instead of 2.625.
#include <cstdio>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        double a;
        if (scanf("%lf", &a) != 1) return 1;
        sum += a;
    }
    printf("%.2f\n", sum / n);
}
