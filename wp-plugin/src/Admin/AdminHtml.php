<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Leads\NoVisitor;
use LeadTrail\Support\Utf8;
use LeadTrail\Traffic\ClickId;

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

	/** Where a request's visitor would be linked, for one with no visitor. */
	public static function noVisitor(): string
	{
		return '<span class="leadtrail-no-visitor">' . esc_html(NoVisitor::label()) . '</span>';
	}

	/** Visitor text escaped, or none() when there is none. */
	public static function text(?string $value): string
	{
		return $value === null || $value === '' ? self::none() : esc_html($value);
	}

	/** A session's click id (gclid…), read from its landing address, which keeps it whole. */
	public static function clickId(string $landingUrl): string
	{
		$id = ClickId::fromUrl($landingUrl);
		return $id === null ? self::none() : '<code>' . esc_html($id->name) . '</code> ' . esc_html($id->value);
	}

	/** A detail screen's link back to its list, above everything else. */
	public static function backLink(string $listSlug, string $label): void
	{
		echo '<p><a href="' . esc_url(admin_url('admin.php?page=' . $listSlug)) . '">&larr; ' . esc_html($label) . '</a></p>';
	}

	/** A detail screen's title, once its record is found. */
	public static function detailHeading(string $title): void
	{
		echo '<h1>' . esc_html($title) . '</h1>';
	}

	/**
	 * The mailto: URI of an address, every character but "@" that is not a letter, a digit
	 * or "-._~" percent-encoded (RFC 6068): "? = & %" are allowed in an address's local part
	 * and would otherwise give the link a Cc, a subject or a body.
	 */
	public static function mailtoHref(string $email): string
	{
		return 'mailto:' . str_replace('%40', '@', rawurlencode(trim($email)));
	}

	/** A page address a visitor's browser reported: a link when it is http(s), else plain text. */
	public static function pageAddress(string $url): string
	{
		if ($url === '') {
			return self::none();
		}
		if (preg_match('#^https?://#i', $url) !== 1) {
			return esc_html($url);
		}
		return sprintf('<a href="%s" rel="noreferrer noopener">%s</a>', esc_url($url), esc_html($url));
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

	/**
	 * The nonce-protected admin-post.php link of a list screen's CSV export, with the screen's filters.
	 *
	 * @param array<string, string> $filterArgs
	 */
	public static function exportUrl(string $action, array $filterArgs): string
	{
		return wp_nonce_url(
			add_query_arg(array_map('rawurlencode', ['action' => $action] + $filterArgs), admin_url('admin-post.php')),
			$action
		);
	}

	/**
	 * The top of a filtered list screen: its title with the "Export CSV" link, then a warning for
	 * each filter that was left out.
	 *
	 * @param list<string> $problems translated, one per filter left out
	 */
	public static function listHeading(string $exportUrl, string $exportId, array $problems): void
	{
		?>
		<h1 class="wp-heading-inline"><?php echo esc_html(get_admin_page_title()); ?></h1>
		<a class="page-title-action" id="<?php echo esc_attr($exportId); ?>" href="<?php echo esc_url($exportUrl); ?>"><?php esc_html_e('Export CSV', 'leadtrail'); ?></a>
		<hr class="wp-header-end">
		<?php foreach ($problems as $problem) : ?>
			<div class="notice notice-warning inline"><p><?php echo esc_html($problem); ?></p></div>
		<?php endforeach; ?>
		<?php
	}

	/**
	 * The end of the Events and Requests screens' filters: the "from … to" days, the Filter
	 * button and, while a filter is on, the link that clears them.
	 */
	public static function dayRangeFilter(?string $from, ?string $to, bool $filtered, string $listSlug): void
	{
		?>
		<label for="leadtrail-filter-from"><?php esc_html_e('From', 'leadtrail'); ?></label>
		<input type="date" id="leadtrail-filter-from" name="<?php echo esc_attr(DayRange::FROM); ?>"
			value="<?php echo esc_attr($from ?? ''); ?>">
		<label for="leadtrail-filter-to"><?php esc_html_e('to', 'leadtrail'); ?></label>
		<input type="date" id="leadtrail-filter-to" name="<?php echo esc_attr(DayRange::TO); ?>"
			value="<?php echo esc_attr($to ?? ''); ?>">

		<?php submit_button(__('Filter', 'leadtrail'), '', 'leadtrail-filter', false); ?>
		<?php if ($filtered) : ?>
			<a class="button" href="<?php echo esc_url(admin_url('admin.php?page=' . $listSlug)); ?>"><?php esc_html_e('Clear filters', 'leadtrail'); ?></a>
		<?php endif; ?>
		<?php
	}

	/** The line that says which time zone a screen's times and date filters are in. */
	public static function timeZoneNote(): void
	{
		echo '<p class="description">' . esc_html(sprintf(
			/* translators: %s: the site's time zone, e.g. Europe/Moscow or UTC+3 */
			__('Times and dates are in the site’s time zone (%s).', 'leadtrail'),
			wp_timezone_string()
		)) . '</p>';
	}
}
