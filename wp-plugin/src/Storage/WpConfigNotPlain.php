<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * A wp-config.php whose settings cannot be known without running it (a value
 * from getenv(), a concatenation, a conditional or repeated define, an include
 * that could define them). The lean endpoint then boots WordPress instead.
 */
final class WpConfigNotPlain extends \RuntimeException
{
}
