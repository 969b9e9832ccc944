class Kit {
    private $start;

    function __construct($start) {
        $this->start = $start;
    }

    function total($xs) { return $this->start + array_sum($xs); }
    function rebase($value) { $this->start = $value; }
    function half($x) { return $x / 2; }
    function negate($flag) { return !$flag; }
    function twice($text) { return $text . $text; }
    function shift($letter) { return chr(ord($letter) + 1); }
    function ints($grid) { return $grid; }
    function longs($values) { return $values; }
    function doubles($grid) { return $grid; }
    function bools($values) { return [$values]; }
    function words($grid) { return array_merge([], ...$grid); }
    function chars($grid) { return $grid; }
    function spell($letters) { return implode('', $letters); }

    function reverseList($head) {
        $prev = null;
        while ($head !== null) {
            $next = $head->next;
            $head->next = $prev;
            $prev = $head;
            $head = $next;
        }
        return $prev;
    }

    function mirror($root) {
        if ($root === null) return null;
        return new TreeNode($root->val, $this->mirror($root->right), $this->mirror($root->left));
    }
}
