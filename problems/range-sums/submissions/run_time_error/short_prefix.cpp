// A prefix array one too short, read with .at(): the first question ending at a_n throws
// std::out_of_range, and the uncaught exception aborts the program (SIGABRT).
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, q;
    scanf("%d %d", &n, &q);
    vector<long long> prefix(n);  // prefix[i] = a_1 + ... + a_i, but there is no room for i == n
    long long running = 0;
    for (int i = 0; i < n; ++i) {
        prefix[i] = running;
        long long a;
        scanf("%lld", &a);
        running += a;
    }
    while (q--) {
        int l, r;
        scanf("%d %d", &l, &r);
        printf("%lld\n", prefix.at(r) - prefix.at(l - 1));
    }
}
