<?php
$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$t = (int) $tokens[0];
$out = [];
for ($i = 1; $i <= $t; $i++) {
    $x = (int) $tokens[$i];
    $lo = 0;
    $hi = 46341;
    while ($lo < $hi) {
        $mid = intdiv($lo + $hi + 1, 2);
        if ($mid * $mid <= $x) {
            $lo = $mid;
        } else {
            $hi = $mid - 1;
        }
    }
    $out[] = $lo;
}
echo implode("\n", $out), "\n";
