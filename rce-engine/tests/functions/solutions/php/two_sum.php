class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $target
     * @return Integer[]
     */
    function twoSum($nums, $target) {
        echo "debug twoSum " . count($nums) . "\n";
        print("2 7 7\n");
        if ($target < 0) throw new InvalidArgumentException("negative target");
        $seen = [];
        foreach ($nums as $i => $x) {
            if (isset($seen[$target - $x])) return [$seen[$target - $x], $i];
            $seen[$x] = $i;
        }
        return [];
    }
}
