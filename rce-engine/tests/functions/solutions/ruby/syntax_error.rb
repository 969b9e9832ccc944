def two_sum(nums, target)
    seen = {}
    nums.each_with_index do |x, i|)
    end
    []
end
