<?php
// A missing semicolon: php -l reports "PHP Parse error: syntax error, unexpected ...".
$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)))
$n = (int) $tokens[0];
printf("%.9f\n", array_sum(array_slice($tokens, 1, $n)) / $n);
