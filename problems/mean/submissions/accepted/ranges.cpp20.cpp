// C++20: std::ranges over the numbers read with scanf, summed in long double.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <ranges>
#include <vector>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<double> a(n);
    for (double &x : a)
        if (std::scanf("%lf", &x) != 1) return 1;
    auto as_long = a | std::views::transform([](double x) { return static_cast<long double>(x); });
    long double sum = std::accumulate(as_long.begin(), as_long.end(), 0.0L);
    std::printf("%.9Lf\n", sum / n);
}
