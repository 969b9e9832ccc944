// Output validator of pair-sum: `validator input answer feedback_dir < team_output`.
// Accepts (42) any two different positions whose values add up to x, or -1 exactly when the answer says
// there is no pair; rejects (43) everything else, saying why in judgemessage.txt (and, kept short, in
// teammessage.txt). Anything it cannot read of the judge's own files is exit 1: the judge's fault.
#include <cstdio>
#include <string>
#include <vector>

#include "tokens.h"

static std::string feedback_dir;

static void message(const char *file, const std::string &text) {
    std::FILE *out = std::fopen((feedback_dir + file).c_str(), "a");
    if (out) {
        std::fputs(text.c_str(), out);
        std::fputs("\n", out);
        std::fclose(out);
    }
}

static int reject(const std::string &why) {
    message("judgemessage.txt", why);
    message("teammessage.txt", why);
    return 43;
}

int main(int argc, char **argv) {
    if (argc < 4) return 1;
    feedback_dir = argv[3];
    std::FILE *input = std::fopen(argv[1], "r");
    std::FILE *answer = std::fopen(argv[2], "r");
    long long n, x, judge_first;
    if (!input || !answer || std::fscanf(input, "%lld %lld", &n, &x) != 2 || n < 2) return 1;
    std::vector<long long> a(n);
    for (auto &value : a)
        if (std::fscanf(input, "%lld", &value) != 1) return 1;
    if (std::fscanf(answer, "%lld", &judge_first) != 1) return 1;
    const bool judge_has_pair = judge_first != -1;

    std::string token;
    long long i = 0, j = 0;
    if (!read_token(stdin, token)) return reject("empty output");
    if (!parse_integer(token, i)) return reject("expected a position or -1, got \"" + token + "\"");
    if (i == -1) {
        if (read_token(stdin, token)) return reject("trailing output after -1");
        return judge_has_pair ? reject("printed -1 but a pair exists") : 42;
    }
    if (!read_token(stdin, token) || !parse_integer(token, j)) return reject("expected two positions");
    if (read_token(stdin, token)) return reject("trailing output after the two positions");
    if (i < 1 || i > n || j < 1 || j > n) return reject("a position is outside 1.." + std::to_string(n));
    if (i == j) return reject("the two positions must differ");
    if (a[i - 1] + a[j - 1] != x)
        return reject("a[" + std::to_string(i) + "] + a[" + std::to_string(j) + "] = " +
                      std::to_string(a[i - 1] + a[j - 1]) + ", not " + std::to_string(x));
    if (!judge_has_pair) {
        message("judgemessage.txt", "the team found a pair the answer file says does not exist");
        return 1;  // the judge's answer is wrong: never the team's fault
    }
    return 42;
}
