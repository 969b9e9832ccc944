// Interactive validator of guess-number (written for Algocode): invoked as
//   validator input_file answer_file feedback_dir [flags]
// with the submission's stdout on stdin and our stdout going to the submission's stdin.
// input_file: "n x" (the bound and the secret); answer_file: the number of guesses allowed.
// Exit 42: accepted; 43: wrong answer (judgemessage.txt in feedback_dir says why).
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

static std::string feedback_dir;

[[noreturn]] static void verdict(int code, const char *fmt, long long a = 0, long long b = 0) {
    std::string path = feedback_dir + "judgemessage.txt";
    if (FILE *f = std::fopen(path.c_str(), "w")) {
        std::fprintf(f, fmt, a, b);
        std::fputc('\n', f);
        std::fclose(f);
    }
    std::exit(code);
}

// One line of at most 40 characters from the submission, without the newline; false at EOF.
static bool read_line(std::string &line) {
    line.clear();
    int c;
    while ((c = std::getchar()) != EOF && c != '\n') {
        if (line.size() >= 40) verdict(43, "a line longer than 40 characters");
        line.push_back(static_cast<char>(c));
    }
    return c != EOF || !line.empty();
}

static bool parse_guess(const std::string &line, long long &g) {
    if (line.size() < 3 || line[0] != '?' || line[1] != ' ') return false;
    const char *digits = line.c_str() + 2;
    if (*digits < '0' || *digits > '9') return false;
    char *end = nullptr;
    errno = 0;
    g = std::strtoll(digits, &end, 10);
    return errno == 0 && *end == '\0';
}

int main(int argc, char **argv) {
    if (argc < 4) return 1;  // not a judgement: the judge reports its own error
    std::signal(SIGPIPE, SIG_IGN);  // a submission that exits early must not kill us: we judge it
    feedback_dir = argv[3];
    long long n = 0, x = 0, allowed = 0;
    FILE *in = std::fopen(argv[1], "r");
    FILE *ans = std::fopen(argv[2], "r");
    if (!in || !ans || std::fscanf(in, "%lld %lld", &n, &x) != 2 || std::fscanf(ans, "%lld", &allowed) != 1)
        return 1;
    std::printf("%lld\n", n);
    std::fflush(stdout);
    std::string line;
    for (long long asked = 1;; ++asked) {
        if (!read_line(line)) verdict(43, "the submission stopped after %lld guesses", asked - 1);
        long long g;
        if (!parse_guess(line, g)) verdict(43, "guess %lld is not of the form \"? g\"", asked);
        if (g < 1 || g > n) verdict(43, "guess %lld is outside 1..n", asked);
        if (asked > allowed) verdict(43, "more than %lld guesses", allowed);
        if (g == x) {
            std::printf("=\n");
            std::fflush(stdout);
            if (read_line(line)) verdict(43, "output after the secret was found (guess %lld)", asked);
            verdict(42, "found in %lld guesses", asked);
        }
        std::printf("%c\n", x < g ? '<' : '>');
        std::fflush(stdout);
    }
}
