class Kit {
    constructor(base) { this.base = base; }
    total(xs) { return xs.reduce((a, b) => a + b, this.base); }
    rebase(value) { this.base = value; }
    half(x) { return x / 2; }
    negate(flag) { return !flag; }
    twice(text) { return text + text; }
    shift(letter) { return String.fromCharCode(letter.charCodeAt(0) + 1); }
    ints(grid) { return grid; }
    longs(values) { return values; }
    doubles(grid) { return grid; }
    bools(values) { return [values]; }
    words(grid) { return [].concat(...grid); }
    chars(grid) { return grid.map(row => row.slice()); }
    spell(letters) { return letters.join(''); }
    reverseList(head) {
        let prev = null;
        while (head) { const next = head.next; head.next = prev; prev = head; head = next; }
        return prev;
    }
    mirror(root) {
        if (root === null) return null;
        return new TreeNode(root.val, this.mirror(root.right), this.mirror(root.left));
    }
}
