# @param {Integer[]} nums
# @param {Integer} target
# @return {Integer[]}
def two_sum(nums, target)
    puts "debug twoSum #{nums.size}"
    STDOUT.write("2 7 7\n")
    raise ArgumentError, "negative target" if target < 0
    seen = {}
    nums.each_with_index do |x, i|
        return [seen[target - x], i] if seen.key?(target - x)
        seen[x] = i
    end
    []
end
