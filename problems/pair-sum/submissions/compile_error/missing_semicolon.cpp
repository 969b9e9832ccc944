#include <cstdio>
int main() {
    int n
    std::scanf("%d", &n);
    std::printf("-1\n");
}
