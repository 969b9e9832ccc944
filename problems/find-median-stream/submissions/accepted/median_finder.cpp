#include <bits/stdc++.h>
using namespace std;

class MedianFinder {
    priority_queue<int> low;                             // the smaller half (max on top)
    priority_queue<int, vector<int>, greater<int>> high;  // the larger half (min on top)

public:
    MedianFinder() {}

    void addNum(int num) {
        if (low.empty() || num <= low.top()) low.push(num);
        else high.push(num);
        if (low.size() > high.size() + 1) {
            high.push(low.top());
            low.pop();
        } else if (high.size() > low.size()) {
            low.push(high.top());
            high.pop();
        }
    }

    double findMedian() {
        if (low.size() > high.size()) return low.top();
        return ((double)low.top() + high.top()) / 2.0;
    }
};
