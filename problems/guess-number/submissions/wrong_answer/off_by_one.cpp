// Binary search that stops one step early and "guesses" a neighbour: a guess is wrong, then it quits.
#include <iostream>
#include <string>

int main() {
    long long n;
    std::cin >> n;
    long long lo = 1, hi = n;
    while (hi - lo > 1) {
        long long mid = lo + (hi - lo) / 2;
        std::cout << "? " << mid << std::endl;
        std::string reply;
        std::cin >> reply;
        if (reply == "=") return 0;
        if (reply == "<") hi = mid - 1; else lo = mid + 1;
    }
    std::cout << "? " << (lo == 1 && hi == 1 ? 1 : lo + 1 > n ? lo : lo + 1) << std::endl;
    return 0;  // exits without waiting for the answer, whatever it is
}
