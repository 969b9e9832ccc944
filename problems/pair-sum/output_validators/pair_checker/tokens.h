// Reading the team's output strictly: whole tokens that are integers, nothing else.
#pragma once
#include <cstdio>
#include <string>

// Reads one whitespace-separated token from `in`; false at the end of the stream.
bool read_token(std::FILE *in, std::string &token);
// `token` as a 64-bit integer: optional '-', then at most 18 digits, no leading '+' or junk.
bool parse_integer(const std::string &token, long long &value);
