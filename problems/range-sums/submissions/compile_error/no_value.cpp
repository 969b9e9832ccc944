#include <cstdio>
int main() {
    long long sum = ;
    std::printf("%lld\n", sum);
}
