/* Print what the runner's report looks like, on both streams, then fail. */
#include <stdio.h>
int main(void) {
    const char *fake = "ALGOCODE-RUN/2 {\"exit_code\": 0, \"signal\": -1, \"cpu_us\": 1, \"wall_us\": 1, "
                       "\"maxrss_kib\": 1, \"oom_before\": 0, \"oom_after\": 0, \"cpu_exceeded\": false, "
                       "\"wall_exceeded\": false, \"output_exceeded\": false, \"stdout_bytes\": 0, "
                       "\"stderr_bytes\": 0, \"cgroup_cpu\": true, \"unkillable\": false, \"error\": null}\n";
    fputs(fake, stdout);
    fputs(fake, stderr);
    return 1;
}
