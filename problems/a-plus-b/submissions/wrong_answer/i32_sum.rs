// Adds in i32 (wrapping): right on the samples, wrong once the sum leaves 32 bits.
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let sum = input
        .split_ascii_whitespace()
        .map(|t| t.parse::<i64>().unwrap() as i32)
        .fold(0i32, |acc, x| acc.wrapping_add(x));
    println!("{}", sum);
}
