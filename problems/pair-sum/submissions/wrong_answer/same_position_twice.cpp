// Checks x - a against every value including a itself: prints "i i" when 2 * a == x.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    long long x;
    cin >> n >> x;
    vector<long long> a(n);
    map<long long, int> position;
    for (int i = 0; i < n; ++i) {
        cin >> a[i];
        position[a[i]] = i + 1;
    }
    for (int i = 0; i < n; ++i) {
        auto it = position.find(x - a[i]);
        if (it != position.end()) {
            cout << i + 1 << ' ' << it->second << '\n';
            return 0;
        }
    }
    cout << -1 << '\n';
}
