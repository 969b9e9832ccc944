// C++20: a constrained abbreviated function template (`std::integral auto`).
#include <concepts>
#include <iostream>

auto add(std::integral auto a, std::integral auto b) { return a + b; }

int main() {
    long long a, b;
    std::cin >> a >> b;
    std::cout << add(a, b) << '\n';
}
