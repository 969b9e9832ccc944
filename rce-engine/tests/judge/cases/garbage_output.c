/* NUL bytes and invalid UTF-8 on a sample: shown safely, verdict WA. */
#include <stdio.h>
int main(void) {
    fwrite("\0\xff\xfe 3\n", 1, 6, stdout);
    fwrite("\0\xc3(", 1, 3, stderr);
    return 0;
}
