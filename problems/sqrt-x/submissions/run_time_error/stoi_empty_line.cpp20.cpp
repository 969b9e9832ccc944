// getline after `cin >> t` reads the rest of the first line (empty): std::stoi("") throws
// std::invalid_argument, uncaught -> std::terminate -> SIGABRT, with the exception's name on stderr.
#include <iostream>
#include <string>

int main() {
    int t;
    std::cin >> t;
    for (std::string line; t-- > 0 && std::getline(std::cin, line);) {
        long long x = std::stoi(line);
        long long r = 0;
        while ((r + 1) * (r + 1) <= x) r++;
        std::cout << r << '\n';
    }
}
