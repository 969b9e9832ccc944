// Thousands of compiler errors: the message is cut at 64 KiB.
#define E0 int x = "a" + 1.5 * nothing;
#define E1 E0 E0 E0 E0 E0 E0 E0 E0 E0 E0
#define E2 E1 E1 E1 E1 E1 E1 E1 E1 E1 E1
#define E3 E2 E2 E2 E2 E2 E2 E2 E2 E2 E2
void f() { E3 }
int main() {}
