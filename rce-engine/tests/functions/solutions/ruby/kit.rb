class Kit
    def initialize(start)
        @start = start
    end

    def total(xs) = @start + xs.sum
    def rebase(value)
        @start = value
        "ignored: a void method's value is not reported"
    end
    def half(x) = x / 2.0
    def negate(flag) = !flag
    def twice(text) = text * 2
    def shift(letter) = (letter.ord + 1).chr
    def ints(grid) = grid
    def longs(values) = values
    def doubles(grid) = grid
    def bools(values) = [values]
    def words(grid) = grid.flatten
    def chars(grid) = grid
    def spell(letters) = letters.join

    def reverse_list(head)
        prev = nil
        until head.nil?
            head.next, prev, head = prev, head, head.next
        end
        prev
    end

    def mirror(root)
        return nil if root.nil?
        TreeNode.new(root.val, mirror(root.right), mirror(root.left))
    end
end
