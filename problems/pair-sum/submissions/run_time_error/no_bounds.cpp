// Keeps positions in an array indexed by value: a negative or huge value is far outside it.
#include <cstdio>
static int position[1 << 20];
int main() {
    int n;
    long long x;
    std::scanf("%d %lld", &n, &x);
    for (int i = 1; i <= n; ++i) {
        long long a;
        std::scanf("%lld", &a);
        long long want = x - a;
        if (position[want * 4096]) {
            std::printf("%d %d\n", position[want * 4096], i);
            return 0;
        }
        position[a * 4096] = i;
    }
    std::printf("-1\n");
}
