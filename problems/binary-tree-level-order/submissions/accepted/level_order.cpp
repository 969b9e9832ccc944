#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
    vector<vector<int>> levelOrder(TreeNode* root) {
        vector<vector<int>> rows;
        queue<TreeNode*> pending;
        if (root) pending.push(root);
        while (!pending.empty()) {
            rows.emplace_back();
            for (size_t i = pending.size(); i > 0; i--) {
                TreeNode* node = pending.front();
                pending.pop();
                rows.back().push_back(node->val);
                if (node->left) pending.push(node->left);
                if (node->right) pending.push(node->right);
            }
        }
        return rows;
    }
};
