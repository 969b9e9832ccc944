class Solution {
public:
    bool canFinish(int numCourses, vector<vector<int>>& prerequisites) {
        vector<vector<int>> unlocks(numCourses);
        vector<int> waiting(numCourses, 0);
        for (const auto& p : prerequisites) {
            unlocks[p[1]].push_back(p[0]);
            ++waiting[p[0]];
        }
        vector<int> ready;
        for (int c = 0; c < numCourses; ++c)
            if (waiting[c] == 0) ready.push_back(c);
        int taken = 0;
        while (!ready.empty()) {
            int course = ready.back();
            ready.pop_back();
            ++taken;
            for (int next : unlocks[course])
                if (--waiting[next] == 0) ready.push_back(next);
        }
        return taken == numCourses;
    }
};
