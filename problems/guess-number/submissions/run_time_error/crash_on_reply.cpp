// Dies (SIGABRT) after the first answer: a crash, not a wrong answer, since the validator was still waiting.
#include <cstdlib>
#include <iostream>
#include <string>

int main() {
    long long n;
    std::cin >> n;
    std::cout << "? " << (n + 1) / 2 << std::endl;
    std::string reply;
    std::cin >> reply;
    if (reply != "=") std::abort();
}
