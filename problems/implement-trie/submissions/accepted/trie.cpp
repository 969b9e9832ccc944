#include <bits/stdc++.h>
using namespace std;

class Trie {
    struct Node {
        array<int, 26> next;
        bool end = false;
        Node() { next.fill(-1); }
    };
    vector<Node> nodes;  // nodes[0] is the root; children are indices

    int walk(const string& text) const {
        int at = 0;
        for (char c : text) {
            at = nodes[at].next[c - 'a'];
            if (at < 0) return -1;
        }
        return at;
    }

public:
    Trie() : nodes(1) {}

    void insert(string word) {
        int at = 0;
        for (char c : word) {
            if (nodes[at].next[c - 'a'] < 0) {
                nodes[at].next[c - 'a'] = nodes.size();
                nodes.emplace_back();
            }
            at = nodes[at].next[c - 'a'];
        }
        nodes[at].end = true;
    }

    bool search(string word) {
        int at = walk(word);
        return at >= 0 && nodes[at].end;
    }

    bool startsWith(string prefix) {
        return walk(prefix) >= 0;
    }
};
