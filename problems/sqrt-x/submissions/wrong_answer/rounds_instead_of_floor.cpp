// Rounds to the nearest integer instead of rounding down: 8 -> 3.
#include <cmath>
#include <iostream>

int main() {
    int t;
    std::cin >> t;
    while (t--) {
        long long x;
        std::cin >> x;
        std::cout << std::llround(std::sqrt((double)x)) << '\n';
    }
}
