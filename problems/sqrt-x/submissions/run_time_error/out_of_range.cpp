// vector::at throws std::out_of_range, uncaught: std::terminate -> SIGABRT.
#include <iostream>
#include <vector>

int main() {
    int t;
    std::cin >> t;
    std::vector<int> roots(4);
    while (t--) {
        int x;
        std::cin >> x;
        std::cout << roots.at(x) << '\n';
    }
}
