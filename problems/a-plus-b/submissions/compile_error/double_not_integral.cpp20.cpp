// The concept rejects doubles: "constraints not satisfied" (a C++20 compile error).
#include <concepts>
#include <iostream>

auto add(std::integral auto a, std::integral auto b) { return a + b; }

int main() {
    double a, b;
    std::cin >> a >> b;
    std::cout << add(a, b) << '\n';
}
