#include <iostream>

int main() {
    int t
    std::cin >> t;
}
