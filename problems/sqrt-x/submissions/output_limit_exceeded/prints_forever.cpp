// Never stops printing.
#include <cstdio>

int main() {
    for (;;) fputs("4242424242424242424242424242424242424242424242424242424242424242\n", stdout);
}
