// Two threads burning CPU: the CPU limit counts both (ends at half the wall time of one thread).
#include <thread>
int main() {
    auto burn = [] { volatile unsigned long long x = 0; for (;;) x = x + 1; };
    std::thread t(burn);
    burn();
}
