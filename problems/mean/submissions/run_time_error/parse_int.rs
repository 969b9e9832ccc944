// Parses the numbers as integers: "4.5" makes unwrap() panic on the first sample
// (exit code 101, "panicked at ... ParseIntError" on stderr).
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: i64 = tokens.next().unwrap().parse().unwrap();
    let sum: i64 = tokens.map(|t| t.parse::<i64>().unwrap()).sum();
    println!("{}", sum as f64 / n as f64);
}
