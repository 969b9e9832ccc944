// Sort the positions by value and close in from both ends: O(n log n). Usually prints another pair than
// the answer file's, which the validator accepts.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    long long x;
    scanf("%d %lld", &n, &x);
    vector<pair<long long, int>> a(n);
    for (int i = 0; i < n; ++i) {
        scanf("%lld", &a[i].first);
        a[i].second = i + 1;
    }
    sort(a.begin(), a.end());
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long sum = a[lo].first + a[hi].first;
        if (sum == x) {
            printf("%d %d\n", a[hi].second, a[lo].second);
            return 0;
        }
        sum < x ? ++lo : --hi;
    }
    printf("-1\n");
}
