#include "tokens.h"

#include <cctype>

bool read_token(std::FILE *in, std::string &token) {
    token.clear();
    int c;
    while ((c = std::fgetc(in)) != EOF && std::isspace(c)) {
    }
    while (c != EOF && !std::isspace(c)) {
        if (token.size() < 64) token.push_back(static_cast<char>(c));  // longer ones are never numbers
        c = std::fgetc(in);
    }
    return !token.empty();
}

bool parse_integer(const std::string &token, long long &value) {
    std::size_t i = token.size() > 0 && token[0] == '-' ? 1 : 0;
    if (i == token.size() || token.size() - i > 18) return false;
    value = 0;
    for (; i < token.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(token[i]))) return false;
        value = value * 10 + (token[i] - '0');
    }
    if (token[0] == '-') value = -value;
    return true;
}
