use std::fmt::Write as _;
use std::io::{Read, Write};

fn isqrt(x: u64) -> u64 {
    let (mut lo, mut hi) = (0u64, 46341u64);
    while lo < hi {
        let mid = (lo + hi + 1) / 2;
        if mid * mid <= x {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let t: usize = tokens.next().unwrap().parse().unwrap();
    let mut out = String::with_capacity(t * 7);
    for token in tokens.take(t) {
        writeln!(out, "{}", isqrt(token.parse().unwrap())).unwrap();
    }
    std::io::stdout().write_all(out.as_bytes()).unwrap();
}
