class Solution {
public:
    int networkDelayTime(vector<vector<int>>& times, int n, int k) {
        vector<vector<pair<int, int>>> links(n + 1);
        for (const auto& t : times) links[t[0]].push_back({t[1], t[2]});
        vector<long long> dist(n + 1, LLONG_MAX);
        priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> heap;
        dist[k] = 0;
        heap.push({0, k});
        while (!heap.empty()) {
            auto [d, u] = heap.top();
            heap.pop();
            if (d > dist[u]) continue;
            for (auto [v, w] : links[u]) {
                if (d + w < dist[v]) {
                    dist[v] = d + w;
                    heap.push({dist[v], v});
                }
            }
        }
        long long latest = 0;
        for (int v = 1; v <= n; ++v) {
            if (dist[v] == LLONG_MAX) return -1;
            latest = max(latest, dist[v]);
        }
        return (int) latest;
    }
};
