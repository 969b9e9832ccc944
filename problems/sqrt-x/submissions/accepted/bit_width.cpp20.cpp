// C++20 <bit>: the root of x has about bit_width(x)/2 bits, so the search starts from 2^ceil(bits/2).
#include <bit>
#include <cstdint>
#include <iostream>

std::uint64_t isqrt(std::uint64_t x) {
    std::uint64_t lo = 0, hi = std::uint64_t{1} << ((std::bit_width(x) + 1) / 2);
    while (lo < hi) {
        std::uint64_t mid = (lo + hi + 1) / 2;
        if (mid * mid <= x) lo = mid; else hi = mid - 1;
    }
    return lo;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int t;
    std::cin >> t;
    while (t--) {
        std::uint64_t x;
        std::cin >> x;
        std::cout << isqrt(x) << '\n';
    }
}
