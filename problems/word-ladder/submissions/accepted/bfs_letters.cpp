class Solution {
public:
    int ladderLength(string beginWord, string endWord, vector<string>& wordList) {
        unordered_set<string> unvisited(wordList.begin(), wordList.end());
        if (!unvisited.count(endWord)) return 0;
        unvisited.erase(beginWord);
        queue<pair<string, int>> q;
        q.push({beginWord, 1});
        while (!q.empty()) {
            auto [word, depth] = q.front();
            q.pop();
            for (size_t i = 0; i < word.size(); ++i) {
                char original = word[i];
                for (char ch = 'a'; ch <= 'z'; ++ch) {
                    if (ch == original) continue;
                    word[i] = ch;
                    if (unvisited.count(word)) {
                        if (word == endWord) return depth + 1;
                        unvisited.erase(word);
                        q.push({word, depth + 1});
                    }
                }
                word[i] = original;
            }
        }
        return 0;
    }
};
