// The root is u32 but the loop compares it with a u64: "mismatched types" (rustc refuses to convert).
use std::io::Read;

fn isqrt(x: u64) -> u32 {
    let mut r: u32 = 0;
    while (r + 1) * (r + 1) <= x {
        r += 1;
    }
    r
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    for token in input.split_ascii_whitespace().skip(1) {
        println!("{}", isqrt(token.parse().unwrap()));
    }
}
