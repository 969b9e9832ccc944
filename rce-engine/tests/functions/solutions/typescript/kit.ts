class Kit {
    base: number;
    constructor(base: number) { this.base = base; }
    total(xs: number[]): number { return xs.reduce((a, b) => a + b, this.base); }
    rebase(value: number): void { this.base = value; }
    half(x: number): number { return x / 2; }
    negate(flag: boolean): boolean { return !flag; }
    twice(text: string): string { return text + text; }
    shift(letter: string): string { return String.fromCharCode(letter.charCodeAt(0) + 1); }
    ints(grid: number[][]): number[][] { return grid; }
    longs(values: number[]): number[] { return values; }
    doubles(grid: number[][]): number[][] { return grid; }
    bools(values: boolean[]): boolean[][] { return [values]; }
    words(grid: string[][]): string[] { return ([] as string[]).concat(...grid); }
    chars(grid: string[][]): string[][] { return grid.map(row => row.slice()); }
    spell(letters: string[]): string { return letters.join(''); }
    reverseList(head: ListNode | null): ListNode | null {
        let prev: ListNode | null = null;
        while (head) { const next = head.next; head.next = prev; prev = head; head = next; }
        return prev;
    }
    mirror(root: TreeNode | null): TreeNode | null {
        if (root === null) return null;
        return new TreeNode(root.val, this.mirror(root.right), this.mirror(root.left));
    }
}
