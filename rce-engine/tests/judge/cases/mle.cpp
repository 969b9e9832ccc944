#include <cstdio>
#include <vector>
int main() {
    std::vector<char> big(512u << 20, 1);
    std::printf("%d\n", big[12345]);
}
