<?php
$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$n = (int) $tokens[0];
$sum = 0.0;
for ($i = 1; $i <= $n; $i++) {
    $sum += (float) $tokens[$i];
}
printf("%.9f\n", $sum / $n);
