use std::cell::{Cell, RefCell};
use std::rc::Rc;

struct Kit {
    start: Cell<i64>,
}

impl Kit {
    fn new(start: i64) -> Self {
        Kit { start: Cell::new(start) }
    }

    fn total(&self, xs: Vec<i32>) -> i64 {
        self.start.get() + xs.iter().map(|&x| x as i64).sum::<i64>()
    }

    fn rebase(&mut self, value: i64) {
        self.start.set(value);
    }

    fn half(&self, x: f64) -> f64 { x / 2.0 }
    fn negate(&self, flag: bool) -> bool { !flag }
    fn twice(&self, text: String) -> String { text.repeat(2) }
    fn shift(&self, letter: char) -> char { (letter as u8 + 1) as char }
    fn ints(&self, grid: Vec<Vec<i32>>) -> Vec<Vec<i32>> { grid }
    fn longs(&self, values: Vec<i64>) -> Vec<i64> { values }
    fn doubles(&self, grid: Vec<Vec<f64>>) -> Vec<Vec<f64>> { grid }
    fn bools(&self, values: Vec<bool>) -> Vec<Vec<bool>> { vec![values] }
    fn words(&self, grid: Vec<Vec<String>>) -> Vec<String> { grid.into_iter().flatten().collect() }
    fn chars(&self, grid: Vec<Vec<char>>) -> Vec<Vec<char>> { grid }
    fn spell(&self, letters: Vec<char>) -> String { letters.into_iter().collect() }

    fn reverse_list(&self, head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let (mut prev, mut cur) = (None, head);
        while let Some(mut node) = cur {
            cur = node.next.take();
            node.next = prev;
            prev = Some(node);
        }
        prev
    }

    fn mirror(&self, root: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
        root.map(|node| {
            let node = node.borrow();
            let mut copy = TreeNode::new(node.val);
            copy.left = self.mirror(node.right.clone());
            copy.right = self.mirror(node.left.clone());
            Rc::new(RefCell::new(copy))
        })
    }
}
