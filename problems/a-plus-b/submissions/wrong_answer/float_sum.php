<?php
// Adds as floats: 3 prints as "3", but 2 * 10^18 prints as "2.0E+18".
[$a, $b] = array_map('floatval', preg_split('/\s+/', trim(stream_get_contents(STDIN))));
echo $a + $b, "\n";
