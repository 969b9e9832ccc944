<?php
// PHP integers are 64-bit: 2 * 10^18 fits.
[$a, $b] = array_map('intval', preg_split('/\s+/', trim(stream_get_contents(STDIN))));
echo $a + $b, "\n";
