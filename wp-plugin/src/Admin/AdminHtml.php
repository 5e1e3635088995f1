<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Support\Utf8;

/**
 * Markup the LeadTrail screens share, so that an empty value and a missing
 * record look and read (to a screen reader too) the same everywhere.
 */
final class AdminHtml
{
	/** An empty cell: a dash to the eye, "none" to a screen reader. */
	public static function none(): string
	{
		return '<span aria-hidden="true">—</span><span class="screen-reader-text">' . esc_html__('none', 'leadtrail') . '</span>';
	}

	/** Visitor text escaped, or none() when there is none. */
	public static function text(?string $value): string
	{
		return $value === null || $value === '' ? self::none() : esc_html($value);
	}

	/**
	 * The heading and warning of a detail screen asked for a record that is not there.
	 * The ID asked for is shown only as valid UTF-8, and at most 40 characters of it.
	 *
	 * @param string $message translated, with %s for the ID asked for
	 */
	public static function notFound(string $heading, string $message, string $raw): void
	{
		?>
		<h1><?php echo esc_html($heading); ?></h1>
		<div class="notice notice-warning inline"><p>
			<?php echo esc_html(sprintf($message, Utf8::isValid($raw) ? Utf8::truncate($raw, 40) : '')); ?>
		</p></div>
		<?php
	}
}
