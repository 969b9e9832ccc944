<?php
// isqrt() is not a PHP function: an uncaught Error ("Call to undefined function isqrt()") on the first
// sample, exit code 255.
$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$t = (int) $tokens[0];
for ($i = 1; $i <= $t; $i++) {
    echo isqrt((int) $tokens[$i]), "\n";
}
