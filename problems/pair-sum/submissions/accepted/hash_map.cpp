// The first pair met while scanning, found with a hash map: O(n).
#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long x;
    cin >> n >> x;
    unordered_map<long long, int> seen;
    seen.reserve(2 * n);
    for (int i = 1; i <= n; ++i) {
        long long a;
        cin >> a;
        auto it = seen.find(x - a);
        if (it != seen.end()) {
            cout << it->second << ' ' << i << '\n';
            return 0;
        }
        seen.emplace(a, i);
    }
    cout << -1 << '\n';
}
