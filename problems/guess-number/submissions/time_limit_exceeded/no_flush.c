/* Forgets to flush: the guess sits in stdio's buffer, both sides wait for each other (a deadlock that
 * must end at the wall limit as TLE, not hang the judge). */
#include <stdio.h>

int main(void) {
    long long n;
    char reply[4];
    if (scanf("%lld", &n) != 1) return 0;
    printf("? %lld\n", (n + 1) / 2);
    if (scanf("%3s", reply) != 1) return 0;
    return 0;
}
