class Solution {
    function twoSum($nums, $target) {
        $x = ;
        return [];
    }
}
