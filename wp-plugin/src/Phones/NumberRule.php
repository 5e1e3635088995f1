<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

use LeadTrail\Traffic\ClickId;
use LeadTrail\Traffic\SourceDetector;

/**
 * A condition on a session's origin: "utm_source is google", "organic search from
 * Yandex", "referrer domain is example.com", "a paid click id", "direct" or "any".
 */
final class NumberRule
{
	public const KINDS = ['utm_source', 'utm_medium', 'utm_campaign', 'organic', 'referrer', 'click_id', 'direct', 'any'];
	/** The kinds that need a value; organic and click_id take an optional one. */
	public const NEEDS_VALUE = ['utm_source', 'utm_medium', 'utm_campaign', 'referrer'];
	/** The paid click ids, as the traffic source reads them (Yandex's organic search marker is not one). */
	public const CLICK_IDS = ['gclid', 'yclid', 'fbclid', 'msclkid'];
	public const MAX_VALUE = 191;

	private function __construct(public readonly string $kind, public readonly string $value)
	{
	}

	/**
	 * A rule from what the screen sent.
	 *
	 * @throws InvalidPhoneSettings naming $field
	 */
	public static function parse(string $kind, string $value, string $field): self
	{
		$value = trim($value);
		if (!in_array($kind, self::KINDS, true)) {
			throw new InvalidPhoneSettings($field, __('choose one of the listed conditions.', 'leadtrail'));
		}
		if (in_array($kind, ['direct', 'any'], true)) {
			return new self($kind, '');
		}
		if ($value === '' && in_array($kind, self::NEEDS_VALUE, true)) {
			throw new InvalidPhoneSettings($field, __('this condition needs a value.', 'leadtrail'));
		}
		if (mb_strlen($value) > self::MAX_VALUE) {
			throw new InvalidPhoneSettings($field, sprintf(
				/* translators: %d: most characters */
				__('the value is longer than %d characters.', 'leadtrail'),
				self::MAX_VALUE
			));
		}
		if ($kind === 'referrer') {
			$value = strtolower((string) preg_replace('/^(?:https?:\/\/)?(?:www\.)?([^\/:?#]+).*$/i', '$1', $value));
		} elseif ($kind === 'organic') {
			$value = strtolower($value);
			if ($value !== '' && preg_match('/^[a-z0-9-]+$/', $value) !== 1) {
				throw new InvalidPhoneSettings($field, __('name the search engine as in its address, such as google or yandex, or leave it empty for any.', 'leadtrail'));
			}
		} elseif ($kind === 'click_id') {
			$value = strtolower($value);
			if ($value !== '' && !in_array($value, self::CLICK_IDS, true)) {
				throw new InvalidPhoneSettings($field, sprintf(
					/* translators: %s: the click id parameters */
					__('use one of %s, or leave it empty for any of them.', 'leadtrail'),
					implode(', ', self::CLICK_IDS)
				));
			}
		}
		return new self($kind, $value);
	}

	/** A rule as stored (no checks: only parse() writes it). */
	public static function stored(string $kind, string $value): self
	{
		return new self(in_array($kind, self::KINDS, true) ? $kind : 'any', $value);
	}

	public function matches(SessionOrigin $origin): bool
	{
		return match ($this->kind) {
			'utm_source' => self::same($origin->source, $this->value),
			'utm_medium' => self::same($origin->medium, $this->value),
			'utm_campaign' => self::same($origin->campaign, $this->value),
			'organic' => $origin->medium === 'organic'
				&& ($this->value === '' || preg_match('/(^|\.)' . preg_quote($this->value, '/') . '(\.|$)/', $origin->source) === 1),
			'referrer' => self::domainMatches(self::host($origin->referrer), $this->value),
			'click_id' => self::hasClickId($origin->landingUrl, $this->value === '' ? self::CLICK_IDS : [$this->value]),
			'direct' => $origin->source === SourceDetector::DIRECT_SOURCE,
			default => true,
		};
	}

	/** The source the rule stands for, as the screens and the calls show it. */
	public function label(): string
	{
		return match ($this->kind) {
			'utm_source', 'utm_medium', 'utm_campaign' => $this->kind . ' = ' . $this->value,
			'organic' => $this->value === '' ? 'Organic search' : 'Organic search: ' . ucfirst($this->value),
			'referrer' => 'Referrer: ' . $this->value,
			'click_id' => 'Paid click: ' . ($this->value === '' ? implode(', ', self::CLICK_IDS) : $this->value),
			'direct' => 'Direct',
			default => 'Any source',
		};
	}

	private static function same(string $a, string $b): bool
	{
		return mb_strtolower($a) === mb_strtolower($b);
	}

	private static function host(string $url): string
	{
		$host = parse_url($url, PHP_URL_HOST);
		return is_string($host) ? strtolower(rtrim($host, '.')) : '';
	}

	private static function domainMatches(string $host, string $domain): bool
	{
		return $host !== '' && ($host === $domain || str_ends_with($host, '.' . $domain));
	}

	/** @param list<string> $names */
	private static function hasClickId(string $url, array $names): bool
	{
		foreach (ClickId::all($url) as $id) {
			if (in_array($id->name, $names, true)) {
				return true;
			}
		}
		return false;
	}
}
