<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * How the calls' stored values read on the screens, the visitor's page and the export.
 */
final class CallLabels
{
	/** A stored E.164 number as it is dialled: "+" and its digits. */
	public static function number(?string $digits): string
	{
		return $digits === null || $digits === '' ? '' : '+' . $digits;
	}

	public static function status(?string $answered): string
	{
		return $answered === '1' ? __('Answered', 'leadtrail') : __('Missed', 'leadtrail');
	}

	public static function attribution(?string $kind): string
	{
		return match ($kind) {
			'session' => __('Visit (dynamic number)', 'leadtrail'),
			'static' => __('Source (static number)', 'leadtrail'),
			default => __('Unattributed', 'leadtrail'),
		};
	}

	/** Seconds as m:ss or h:mm:ss. */
	public static function duration(?string $seconds): string
	{
		$total = (int) $seconds;
		$clock = sprintf('%d:%02d', intdiv($total % 3600, 60), $total % 60);
		return $total >= 3600 ? sprintf('%d:%02d:%02d', intdiv($total, 3600), intdiv($total % 3600, 60), $total % 60) : $clock;
	}

	/** The recording's link, escaped for HTML; only http(s) addresses are stored. */
	public static function recordingLink(?string $url): string
	{
		if ($url === null || $url === '') {
			return AdminHtml::none();
		}
		return sprintf('<a href="%s" rel="noreferrer noopener" target="_blank">%s</a>', esc_url($url, ['http', 'https']), esc_html__('Recording', 'leadtrail'));
	}
}
